// "Shape Lens: Inspect in Shape Lens": an array or tensor of the paused program in the
// inspector. Reads its metadata, asks before fetching more than `shapeLens.inspector.maxElements`
// values (all of them, or the first rows), fetches the values in blocks with a cancellable
// progress notification, and hands the engine array to the inspector (inspect.ts) as scratch
// arrays are. Invoked from the Variables view, the editor's context menu, the Shapes view,
// the palette, or with `{ expression }` by other code and tests.
import * as vscode from 'vscode';
import { showInInspector } from '../inspect';
import { inspectorMaxElements } from '../settings';
import { DebugSessions } from './debugSessions';
import { fetchArray, fetchMeta, itemsizeOf, RemoteArrayError } from './remoteArray';
import { describeMeta, shapeText } from './remoteExpressions';
import { readOnlyProblem } from './readOnlyExpression';

/** Fetching more than this is refused outright: inspect a slice instead. */
const HARD_LIMIT_BYTES = 512 * 1024 * 1024;

export interface InspectRequest {
  readonly expression?: string;
  /** fetch the first `rows` rows without asking */
  readonly rows?: number;
  /** fetch all values without asking, however many */
  readonly all?: boolean;
  /** include the fetched values in the result (tests) */
  readonly returnValues?: boolean;
}

export type InspectResult =
  | { readonly error: string }
  | {
    readonly name: string; readonly expression: string; readonly shape: number[]; readonly dtype: string; readonly remoteDtype: string;
    readonly source: 'numpy' | 'torch'; readonly description: string; readonly requests: number; readonly values?: number[];
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

function mb(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
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
  expression = expression.trim();
  const req = (arg && typeof arg === 'object' ? arg : {}) as InspectRequest;
  try {
    const frameId = await sessions.frameId(session);
    if (frameId === undefined) return fail('no stack frame to read');
    const ev = sessions.evaluator(session, frameId);
    const m = await fetchMeta(ev, expression);
    if (!m.ok) return fail(`\`${expression}\` is a ${m.typeName}, not a NumPy array or torch tensor`);
    const meta = m.meta;
    const size = meta.shape.reduce((p, d) => p * d, 1);
    const rowSize = meta.shape.length ? meta.shape.slice(1).reduce((p, d) => p * d, 1) : 1;
    const itemBytes = itemsizeOf(meta);
    const limit = inspectorMaxElements();
    let rows = req.rows;
    if (!req.all && rows === undefined && (size > limit || size * 8 > HARD_LIMIT_BYTES)) {
      const fit = Math.max(1, Math.floor(limit / Math.max(1, rowSize)));
      const canAll = size * 8 <= HARD_LIMIT_BYTES;
      const all = `Fetch all ${size.toLocaleString('en-US')} values (about ${mb(size * itemBytes)})`;
      const first = `Fetch the first ${fit} rows`;
      const pick = await vscode.window.showWarningMessage(
        `Shape Lens: \`${expression}\` (${describeMeta(meta)}) has ${size.toLocaleString('en-US')} values, more than shapeLens.inspector.maxElements (${limit.toLocaleString('en-US')}).`,
        { modal: true }, ...(canAll ? [all] : []), ...(meta.shape.length ? [first] : []),
      );
      if (pick === undefined) return undefined;
      if (pick === first) rows = fit;
    }
    if (size * 8 > HARD_LIMIT_BYTES && (rows === undefined || rows * rowSize * 8 > HARD_LIMIT_BYTES)) {
      return fail(`\`${expression}\` is too large to read whole (${shapeText(meta.shape)}); inspect a slice such as \`${expression}[0]\``);
    }
    const got = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Shape Lens: reading ${expression}`, cancellable: true },
      (progress, token) => {
        let last = 0;
        return fetchArray(ev, expression!, meta, {
          rows,
          isCancelled: () => token.isCancellationRequested,
          onProgress: (done, total) => { const pct = (100 * done) / Math.max(1, total); progress.report({ increment: pct - last }); last = pct; },
        });
      },
    );
    await showInInspector(context, got.name, got.array, meta.kind);
    return {
      name: got.name, expression, shape: [...got.array.shape], dtype: got.array.dtype, remoteDtype: meta.dtype, source: meta.kind,
      description: describeMeta(meta), requests: got.requests, ...(req.returnValues ? { values: got.array.toArray() } : {}),
    };
  } catch (e) {
    if (e instanceof RemoteArrayError) return fail(e.message);
    // customRequest rejects like this when the adapter has gone away
    return fail(`the debug adapter did not answer: ${e instanceof Error ? e.message : String(e)}`);
  }
}
