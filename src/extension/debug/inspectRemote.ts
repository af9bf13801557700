// "Shape Lens: Inspect in Shape Lens": an array or tensor of the paused program in the
// inspector. Reads its metadata (one small request) and opens the inspector on a
// RemoteArraySource: the view then asks for the windows it shows (table tiles as the user
// scrolls, a heatmap's or image's 2-D slice within shapeLens.inspector.maxElements, strided
// beyond it) and each is read then, from the frame that was paused at open. Nothing is read
// after the program resumes. Invoked from the Variables view, the editor's context menu, the
// Shapes view, the palette, or with `{ expression }` by other code and tests.
import * as vscode from 'vscode';
import { noticeStaleSource, showInInspector } from '../inspect';
import { DebugSessions } from './debugSessions';
import { fetchMeta, RemoteArrayError } from './remoteArray';
import { RemoteArraySource } from './remoteSource';
import { describeMeta } from './remoteExpressions';
import { readOnlyProblem } from './readOnlyExpression';
import { VIEW_KINDS, type ViewKind } from '../../../webview/protocol';

/** `returnValues` reads at most this many values (tests; the inspector itself reads windows). */
const RETURN_VALUES_LIMIT = 4_000_000;

export interface InspectRequest {
  readonly expression?: string;
  /** inspect only the first `rows` rows (`x[:rows]`) */
  readonly rows?: number;
  /** include all values in the result, read through the same source the inspector uses (tests) */
  readonly returnValues?: boolean;
  /** the view to open on (else the inspector picks one for the shape) */
  readonly view?: ViewKind;
}

export type InspectResult =
  | { readonly error: string }
  | {
    readonly name: string; readonly expression: string; readonly shape: number[]; readonly dtype: string; readonly remoteDtype: string;
    readonly source: 'numpy' | 'torch'; readonly description: string;
    /** evaluate requests for values made before this returned: 0 unless returnValues */
    readonly requests: number; readonly values?: number[];
  };

interface VariablesViewArg { variable?: { name?: string; evaluateName?: string } }

/** The expression an invocation is about: an explicit one, a Variables view item, or the editor's selection/word. */
function expressionFrom(arg: unknown): string | undefined {
  if (arg && typeof arg === 'object' && !(arg instanceof vscode.Uri)) {
    const a = arg as InspectRequest & VariablesViewArg;
    if (typeof a.expression === 'string') return a.expression;
    if (a.variable) return a.variable.evaluateName ?? a.variable.name;
  }
  // the editor's context menu passes its document's uri; that editor may have lost focus to the inspector
  const ed = (arg instanceof vscode.Uri ? vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === arg.toString()) : undefined)
    ?? vscode.window.activeTextEditor;
  if (!ed) return undefined;
  if (!ed.selection.isEmpty) return ed.document.getText(ed.selection).trim();
  const r = ed.document.getWordRangeAtPosition(ed.selection.active);
  return r ? ed.document.getText(r) : undefined;
}

/** The inspector's last remote source, so a resume can stop it (tests read its request count). */
let lastSource: RemoteArraySource | undefined;
export function lastRemoteSource(): RemoteArraySource | undefined {
  return lastSource;
}

export async function inspectInShapeLens(context: vscode.ExtensionContext, sessions: DebugSessions, arg: unknown): Promise<InspectResult | undefined> {
  const fail = (error: string): InspectResult => { void vscode.window.showWarningMessage(`Shape Lens: ${error}`); return { error }; };
  const session = sessions.pausedSession();
  if (typeof session === 'string') return fail(`cannot inspect: ${session}`);
  let expression = expressionFrom(arg);
  // the palette passes no argument: confirm the word under the cursor; menus pass their item
  if (arg === undefined || !expression) {
    expression = await vscode.window.showInputBox({
      prompt: 'Array or tensor to inspect in the paused frame (a name, attribute or subscript)',
      value: expression ?? '',
      validateInput: (v) => readOnlyProblem(v) ?? null,
    });
    if (!expression) return undefined;
  }
  const problem = readOnlyProblem(expression);
  if (problem) return fail(problem);
  const req = (arg && typeof arg === 'object' ? arg : {}) as InspectRequest;
  expression = expression.trim();
  if (req.rows !== undefined && Number.isSafeInteger(req.rows) && req.rows >= 0) expression = `${expression}[:${req.rows}]`;
  try {
    const stop = sessions.stopCount(session);
    const frameId = await sessions.frameId(session);
    if (frameId === undefined) return fail('no stack frame to read');
    const ev = sessions.evaluator(session, frameId);
    const m = await fetchMeta(ev, expression);
    if (!m.ok) return fail(`\`${expression}\` is a ${m.typeName}, not a NumPy array or torch tensor`);
    const meta = m.meta;
    const src = new RemoteArraySource(ev, expression, meta, { staleReason: () => sessions.staleReason(session, stop) });
    lastSource = src;
    const view = req.view !== undefined && VIEW_KINDS.includes(req.view) ? req.view : undefined;
    await showInInspector(context, expression, src, meta.kind, { origin: `read on demand from the paused program (${session.name})`, ...(view ? { view } : {}) });
    let values: number[] | undefined;
    if (req.returnValues) {
      const size = meta.shape.reduce((p, d) => p * d, 1);
      if (size > RETURN_VALUES_LIMIT) return fail(`\`${expression}\` has ${size} values, more than a test may read at once`);
      const b = await src.readBlock(meta.shape.map((d) => ({ start: 0, stop: d, step: 1 })));
      values = Array.from(b.values);
    }
    return {
      name: expression, expression, shape: [...meta.shape], dtype: src.dtype, remoteDtype: meta.dtype, source: meta.kind,
      description: describeMeta(meta), requests: src.requests, ...(values ? { values } : {}),
    };
  } catch (e) {
    if (e instanceof RemoteArrayError) return fail(e.message);
    // customRequest rejects like this when the adapter has gone away
    return fail(`the debug adapter did not answer: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** The debugged program resumed or ended: the inspector says so for its remote array. */
export function remoteSourcesMayBeStale(): void {
  noticeStaleSource();
}
