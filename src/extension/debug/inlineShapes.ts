// Inline values for Python while a debug session is paused: `X: shape (64, 1, 28, 28) float32`
// at the end of each visible line of the current frame that mentions an array or tensor.
// The names come from frameNames.ts (no evaluation); which are arrays, from one metadata
// request per name (frameArrays.ts: a few at a time, answers cached per stop and frame). VS Code
// gets what is known within a bounded wait (WAIT_MS); names still being asked show at its next
// request. Names that are not arrays get no inline value.
import * as vscode from 'vscode';
import { DebugSessions } from './debugSessions';
import { frameNames } from './frameNames';
import { probeArrays, type ProbeLimits } from './frameArrays';
import { describeMeta, type RemoteArrayMeta } from './remoteExpressions';

export interface InlineShape { readonly line: number; readonly text: string }

/** One request per name, 4 at a time; a slow adapter (a loaded machine) may take seconds for the first. */
const LIMITS: ProbeLimits = { concurrency: 4, perRequestMs: 3000, budgetMs: 15_000 };
/**
 * How long VS Code's request waits for answers before it gets what is known. VS Code (1.85 to
 * at least code-server 4.139) never listens to onDidChangeInlineValues: late answers show only
 * when it asks again (a scroll, another frame), so the first answer waits for the probe — a
 * slow adapter under load took over 1.5 s for the first names and left the lines empty.
 */
const WAIT_MS = 8000;

export class InlineShapesProvider implements vscode.InlineValuesProvider, vscode.Disposable {
  /** the stop and frame the cache is for; name → metadata (null: not an array); names and probes in flight */
  private cache: { key: string; metas: Map<string, RemoteArrayMeta | null>; asking: Set<string>; probes: Set<Promise<void>> } | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeInlineValues = this.changed.event;
  /** the last values given to VS Code (for tests) */
  last: { uri: string; frameId: number; values: InlineShape[]; asked?: string } | undefined;

  constructor(private readonly sessions: DebugSessions) {}

  async provideInlineValues(document: vscode.TextDocument, viewPort: vscode.Range, context: vscode.InlineValueContext, token?: vscode.CancellationToken): Promise<vscode.InlineValue[]> {
    const session = this.sessions.pausedSession();
    if (typeof session === 'string') return [];
    const stopped = context.stoppedLocation.end.line;
    const lines = Array.from({ length: Math.min(document.lineCount, Math.max(stopped, viewPort.end.line) + 1) }, (_, i) => document.lineAt(i).text);
    const { names, occurrences } = frameNames(lines, stopped, viewPort.start.line, Math.min(viewPort.end.line, stopped));
    const stop = this.sessions.stopCount(session);
    const key = `${session.id}:${stop}:${context.frameId}`;
    if (this.cache?.key !== key) this.cache = { key, metas: new Map(), asking: new Set(), probes: new Set() };
    const cache = this.cache;
    const ask = names.filter((n) => !cache.metas.has(n) && !cache.asking.has(n));
    if (ask.length) {
      for (const n of ask) cache.asking.add(n);
      const probe: Promise<void> = probeArrays(this.sessions.evaluator(session, context.frameId), ask, LIMITS, () => this.cache !== cache || this.sessions.stopCount(session) !== stop)
        .then((r) => { for (const [n, m] of r) cache.metas.set(n, m); })
        .catch(() => undefined)
        .finally(() => { for (const n of ask) cache.asking.delete(n); cache.probes.delete(probe); });
      cache.probes.add(probe);
    }
    // wait for this request's names and for those an earlier request is still asking about:
    // VS Code asks again as the editor reveals the stop, and shows the last answer it got
    const waitFor = names.some((n) => cache.asking.has(n)) ? [...cache.probes] : [];
    if (waitFor.length) {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const cancelled = new Promise<boolean>((res) => { token?.onCancellationRequested(() => res(true)); });
      const all = Promise.all(waitFor);
      const late = await Promise.race([all.then(() => false), cancelled, new Promise<boolean>((res) => { timer = setTimeout(() => res(true), WAIT_MS); })]);
      clearTimeout(timer);
      if (token?.isCancellationRequested) return [];
      // answers after VS Code stopped waiting: say so (VS Code shows them at its next request)
      if (late) void all.then(() => { if (this.cache === cache) this.changed.fire(); });
    }
    const out: vscode.InlineValue[] = [];
    const shown: InlineShape[] = [];
    const seen = new Set<string>();
    for (const o of occurrences) {
      const m = cache.metas.get(o.name);
      if (!m || seen.has(`${o.line}:${o.name}`)) continue;
      seen.add(`${o.line}:${o.name}`);
      const text = `${o.name}: ${describeMeta(m)}`;
      out.push(new vscode.InlineValueText(new vscode.Range(o.line, o.column, o.line, o.column + o.name.length), text));
      shown.push({ line: o.line, text });
    }
    const asked = `lines ${viewPort.start.line + 1}-${viewPort.end.line + 1}, stopped at ${stopped + 1}, names ${names.join(',')}; `
      + `answers ${names.map((n) => `${n}=${cache.metas.has(n) ? (cache.metas.get(n) ? 'array' : 'no') : '?'}`).join(',')}`;
    this.last = { uri: document.uri.toString(), frameId: context.frameId, values: shown, asked };
    return out;
  }

  dispose(): void {
    this.changed.dispose();
  }
}
