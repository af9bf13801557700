// Watches Python debug sessions through a DebugAdapterTracker: whether each is paused, the
// thread it stopped on, the frame the user is looking at (the frame of the UI's last `scopes`
// request) and whether the adapter accepts the `clipboard` context (whose answers debugpy
// does not truncate). Gives the rest of src/extension/debug an Evaluator on the paused frame.
// It sends nothing to an adapter by itself; evaluation happens only when a feature asks.
import * as vscode from 'vscode';
import type { Evaluator } from './remoteArray';

/** debugpy, the Python extension's types and any test type wrapping them */
export function isPythonSession(s: vscode.DebugSession): boolean {
  return /python|debugpy/i.test(s.type);
}

/** What one answer may carry: debugpy cuts `repl`/`watch` strings at 2**16 characters, not `clipboard` ones. */
const CLIPBOARD_CHUNK_BYTES = 4 * 1024 * 1024;
const WATCH_CHUNK_BYTES = 45_000;

interface SessionState {
  paused: boolean;
  /** increments at each stop, so caches of one stop are not used at the next */
  stopCount: number;
  threadId: number | undefined;
  /** the frame the UI last asked scopes for (the focused frame) */
  focusedFrameId: number | undefined;
  clipboard: boolean;
}

interface DapMessage {
  type?: string;
  event?: string;
  command?: string;
  success?: boolean;
  body?: { threadId?: number; supportsClipboardContext?: boolean; allThreadsContinued?: boolean };
  arguments?: { frameId?: number; threadId?: number };
}

const RESUMING = new Set(['continue', 'next', 'stepIn', 'stepOut', 'stepBack', 'reverseContinue', 'goto', 'restartFrame', 'restart']);

export type DebugChange = { readonly session: vscode.DebugSession; readonly kind: 'stopped' | 'running' | 'ended' | 'frame' };

export class DebugSessions implements vscode.Disposable {
  private readonly states = new Map<string, SessionState>();
  /** sessions that ended (VS Code may still call one active for a moment) */
  private readonly ended = new Set<string>();
  private readonly emitter = new vscode.EventEmitter<DebugChange>();
  readonly onDidChange = this.emitter.event;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor() {
    this.subscriptions.push(
      this.emitter,
      vscode.debug.registerDebugAdapterTrackerFactory('*', {
        createDebugAdapterTracker: (session) => (isPythonSession(session) ? this.tracker(session) : undefined),
      }),
      vscode.debug.onDidTerminateDebugSession((s) => this.end(s)),
    );
  }

  private state(s: vscode.DebugSession): SessionState {
    let st = this.states.get(s.id);
    if (!st) { st = { paused: false, stopCount: 0, threadId: undefined, focusedFrameId: undefined, clipboard: false }; this.states.set(s.id, st); }
    return st;
  }

  private end(s: vscode.DebugSession): void {
    this.ended.add(s.id);
    if (!this.states.delete(s.id)) return;
    this.emitter.fire({ session: s, kind: 'ended' });
  }

  private tracker(session: vscode.DebugSession): vscode.DebugAdapterTracker {
    return {
      onWillReceiveMessage: (raw: unknown) => {
        const m = raw as DapMessage;
        if (m.type !== 'request' || !m.command) return;
        const st = this.state(session);
        if (m.command === 'scopes' && typeof m.arguments?.frameId === 'number' && m.arguments.frameId !== st.focusedFrameId) {
          st.focusedFrameId = m.arguments.frameId;
          this.emitter.fire({ session, kind: 'frame' });
        } else if (RESUMING.has(m.command) && st.paused) {
          st.paused = false;
          this.emitter.fire({ session, kind: 'running' });
        }
      },
      onDidSendMessage: (raw: unknown) => {
        const m = raw as DapMessage;
        const st = this.state(session);
        if (m.type === 'response' && m.command === 'initialize' && m.success) st.clipboard = m.body?.supportsClipboardContext === true;
        if (m.type !== 'event') return;
        if (m.event === 'stopped') {
          st.paused = true;
          st.stopCount++;
          st.threadId = m.body?.threadId ?? st.threadId;
          st.focusedFrameId = undefined;
          this.emitter.fire({ session, kind: 'stopped' });
        } else if (m.event === 'continued' && st.paused) {
          st.paused = false;
          this.emitter.fire({ session, kind: 'running' });
        } else if (m.event === 'terminated' || m.event === 'exited') {
          this.end(session);
        }
      },
      onExit: () => this.end(session),
    };
  }

  isPaused(s: vscode.DebugSession): boolean {
    return this.states.get(s.id)?.paused === true;
  }

  stopCount(s: vscode.DebugSession): number {
    return this.states.get(s.id)?.stopCount ?? 0;
  }

  /**
   * Why arrays read from `s` at its stop number `stop` can no longer be read: the program
   * resumed (or stopped again) or the session ended. undefined while they can.
   */
  staleReason(s: vscode.DebugSession, stop: number): string | undefined {
    if (this.ended.has(s.id)) return 'the debug session has ended';
    const st = this.states.get(s.id);
    // a session that started before Shape Lens: nothing known about its stops
    if (!st) return undefined;
    if (!st.paused || st.stopCount !== stop) return 'the program has resumed since this array was opened';
    return undefined;
  }

  /** The active Python session, or why there is none to read arrays from. */
  pausedSession(): vscode.DebugSession | string {
    const s = vscode.debug.activeDebugSession;
    if (!s) return 'no debug session is running';
    if (!isPythonSession(s)) return `the active debug session (${s.type}) is not a Python session`;
    if (this.ended.has(s.id)) return 'the debug session has ended';
    if (!this.states.has(s.id)) {
      // a session that started before Shape Lens was activated: trust VS Code's focused frame
      const active = (vscode.debug as { activeStackItem?: { session?: vscode.DebugSession; frameId?: number } }).activeStackItem;
      if (active?.session?.id === s.id && typeof active.frameId === 'number') return s;
      return 'Shape Lens started after this debug session: restart the session to inspect its arrays';
    }
    if (!this.isPaused(s)) return 'the program is running: pause it or stop at a breakpoint first';
    return s;
  }

  /**
   * The frame the user looks at: VS Code's focused stack frame when the API offers it, else
   * the frame the Variables view last read, else the top frame of the stopped thread.
   */
  async frameId(s: vscode.DebugSession): Promise<number | undefined> {
    // `activeStackItem` arrived in VS Code 1.90; we build against 1.85's types
    const active = (vscode.debug as { activeStackItem?: { session?: vscode.DebugSession; frameId?: number } }).activeStackItem;
    if (active && active.session?.id === s.id && typeof active.frameId === 'number') return active.frameId;
    const st = this.states.get(s.id);
    if (st?.focusedFrameId !== undefined) return st.focusedFrameId;
    return this.topFrameId(s);
  }

  async topFrameId(s: vscode.DebugSession): Promise<number | undefined> {
    const st = this.states.get(s.id);
    if (st?.threadId === undefined) return undefined;
    const r = await s.customRequest('stackTrace', { threadId: st.threadId, startFrame: 0, levels: 1 }) as { stackFrames?: { id: number }[] };
    return r.stackFrames?.[0]?.id;
  }

  /** An Evaluator on `frameId` of `s`: read-only expressions, `watch` context (`clipboard` for bulk values when supported). */
  evaluator(s: vscode.DebugSession, frameId: number): Evaluator {
    const clipboard = this.states.get(s.id)?.clipboard === true;
    return {
      maxChunkBytes: clipboard ? CLIPBOARD_CHUNK_BYTES : WATCH_CHUNK_BYTES,
      evaluate: async (expression, opts) => {
        const context = opts.bulk && clipboard ? 'clipboard' : 'watch';
        const r = await s.customRequest('evaluate', { expression, frameId, context }) as { result?: unknown };
        if (typeof r?.result !== 'string') throw new Error('the debug adapter gave no result');
        return r.result;
      },
    };
  }

  dispose(): void {
    for (const d of this.subscriptions) d.dispose();
    this.states.clear();
  }
}
