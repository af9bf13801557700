// The "Shapes" view in Run and Debug: the arrays and tensors of the paused frame with their
// shapes, refreshed at each stop and when another frame is focused. It lists the frame's
// variables through DAP `scopes`/`variables` (the cheap scopes only), skips values whose DAP
// type says they cannot be arrays, and asks the rest for metadata (bounded, frameArrays.ts).
// Clicking an entry opens it in the inspector. Nothing is fetched while the program runs.
import * as vscode from 'vscode';
import { DebugSessions } from './debugSessions';
import { arraysOf, probeArrays, type ProbeLimits } from './frameArrays';
import { describeMeta, type RemoteArrayMeta } from './remoteExpressions';
import { isIdentifier } from './readOnlyExpression';

const NOT_ARRAY_TYPES = new Set([
  'module', 'function', 'builtin_function_or_method', 'method', 'type', 'int', 'float', 'str', 'bool', 'NoneType', 'bytes',
  'dict', 'list', 'tuple', 'set', 'frozenset', 'complex', 'range', 'generator', 'cell',
]);
const MAX_VARIABLES = 200;
const VIEW_LIMITS: ProbeLimits = { concurrency: 4, perRequestMs: 3000, budgetMs: 15_000 };

export type ShapeEntry =
  | { readonly kind: 'array'; readonly name: string; readonly meta: RemoteArrayMeta; readonly description: string }
  | { readonly kind: 'message'; readonly text: string };

interface Scope { name: string; variablesReference: number; expensive?: boolean }
interface Variable { name: string; type?: string; evaluateName?: string }

export class ShapesView implements vscode.TreeDataProvider<ShapeEntry>, vscode.Disposable {
  private entries: ShapeEntry[] = [];
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  /** the stop and frame the entries are for */
  private rendered = '';
  private retries = { key: '', n: 0 };
  /** refreshes run one after another; this settles when the last one asked for has finished */
  refreshing: Promise<void> = Promise.resolve();

  constructor(private readonly sessions: DebugSessions) {}

  getTreeItem(e: ShapeEntry): vscode.TreeItem {
    if (e.kind === 'message') return new vscode.TreeItem(e.text);
    const item = new vscode.TreeItem(e.name);
    item.description = e.description;
    item.tooltip = `${e.name}: ${e.description}${e.meta.typeName ? ` (${e.meta.typeName})` : ''}\nstrides ${JSON.stringify(e.meta.strides)}`;
    item.contextValue = 'shapeLens.remoteArray';
    item.command = { command: 'shapeLens.inspectInShapeLens', title: 'Inspect in Shape Lens', arguments: [{ expression: e.name }] };
    return item;
  }

  getChildren(e?: ShapeEntry): ShapeEntry[] {
    return e ? [] : this.entries;
  }

  /** What the view shows now, as text lines (`X  shape (64, 1, 28, 28) float32`). */
  lines(): string[] {
    return this.entries.map((e) => (e.kind === 'array' ? `${e.name}  ${e.description}` : e.text));
  }

  private show(entries: ShapeEntry[]): void {
    this.entries = entries;
    this.changed.fire();
  }

  /** Re-reads the focused frame of the active paused session (or shows why it cannot), after any refresh in progress. */
  refresh(force = false): Promise<void> {
    this.refreshing = this.refreshing.then(() => this.doRefresh(force)).catch((e: unknown) => {
      this.rendered = '';
      this.show([{ kind: 'message', text: `could not read the frame: ${e instanceof Error ? e.message : String(e)}` }]);
    });
    return this.refreshing;
  }

  private async doRefresh(force: boolean): Promise<void> {
    const session = this.sessions.pausedSession();
    if (typeof session === 'string') { this.rendered = ''; this.show(vscode.debug.activeDebugSession ? [{ kind: 'message', text: session }] : []); return; }
    const frameId = await this.sessions.frameId(session);
    if (frameId === undefined) { this.show([{ kind: 'message', text: 'no stack frame to read' }]); return; }
    const stop = this.sessions.stopCount(session);
    const key = `${session.id}:${stop}:${frameId}`;
    if (!force && key === this.rendered) return;
    // a later stop makes this refresh moot; the refresh queued behind it reads the new frame
    const moot = (): boolean => this.sessions.stopCount(session) !== stop || !this.sessions.isPaused(session);
    const { scopes } = await session.customRequest('scopes', { frameId }) as { scopes: Scope[] };
    const names: string[] = [];
    for (const sc of scopes.filter((s) => !s.expensive)) {
      const { variables } = await session.customRequest('variables', { variablesReference: sc.variablesReference }) as { variables: Variable[] };
      for (const v of variables) {
        if (names.length >= MAX_VARIABLES) break;
        if (!isIdentifier(v.name) || names.includes(v.name) || (v.type && NOT_ARRAY_TYPES.has(v.type))) continue;
        names.push(v.name);
      }
      if (moot()) return;
    }
    const answers = await probeArrays(this.sessions.evaluator(session, frameId), names, VIEW_LIMITS, moot);
    if (moot()) return;
    const entries: ShapeEntry[] = arraysOf(answers).map(([name, meta]) => ({ kind: 'array', name, meta, description: describeMeta(meta) }));
    const unanswered = names.length - answers.size;
    if (unanswered) entries.push({ kind: 'message', text: `${unanswered} more name${unanswered > 1 ? 's' : ''} not checked: the debug adapter was slow` });
    this.show(entries.length ? entries : [{ kind: 'message', text: 'no arrays or tensors in this frame' }]);
    this.rendered = unanswered ? '' : key;
    // ask again for what a slow adapter left unanswered, a few times per stop
    if (unanswered) {
      if (this.retries.key !== key) this.retries = { key, n: 0 };
      if (this.retries.n++ < 3) void this.refresh();
    }
  }

  dispose(): void {
    this.changed.dispose();
  }
}
