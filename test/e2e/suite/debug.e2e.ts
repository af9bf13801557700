// Live debugging against a real debugpy: test/workspace/train_debug.py (real NumPy + torch)
// runs under the test-only debug type of test/e2e/debugpyFixture (`python3 -m debugpy.adapter`)
// to its `# breakpoint`, then: the inline shapes VS Code asked us for, the Shapes view, Inspect
// in Shape Lens (values compared with test/fixtures/debug_frame.json from
// tools/gen_debug_fixtures.py, and with the program's own `.tolist()` through a second DAP
// request), and plain errors. Then test/workspace/train_debug_large.py: a (2000, 2000) array
// opens with its metadata and the windows the view shows only, a scroll reads just the new
// window (values from tools/gen_e2e_debug_large.py), and switching between the function's and
// the module's frame updates the Shapes view and the inline shapes. SHAPE_LENS_RECORD_DAP=file
// records the adapter's answers (the unit tests' test/fixtures/debugpy_transcript.json).
import * as vscode from 'vscode';
import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { after, before, describe, it } from './mocha';
import { EXTENSION_ID, measurements, openPy, waitFor, workspaceUri } from './helpers';
import frame from '../../fixtures/debug_frame.json';
import large from '../../fixtures/debug_large.json';

const DEBUG_TYPE = 'shape-lens-test-debugpy';

interface Local { kind: string; type: string; dtype?: string; shape?: number[]; shape_repr?: string; sha256?: string; values?: (number | string)[] }
const locals = frame.locals as Record<string, Local>;

interface DebugApi {
  lastInlineShapes(): { uri: string; frameId: number; values: { line: number; text: string }[]; asked?: string } | undefined;
  shapesViewLines(): Promise<string[]>;
  inspectorArrayId(): string | undefined;
  inspectorRequest(message: unknown): Promise<{ type: string; data?: ArrayBuffer | ArrayBufferView | string; valueType?: string; message?: string }[]>;
}
type Inspected = { error: string } | { name: string; shape: number[]; dtype: string; remoteDtype: string; source: string; description: string; requests: number; values?: number[] };

function api(): DebugApi {
  return vscode.extensions.getExtension<{ debug: DebugApi }>(EXTENSION_ID)!.exports.debug;
}

/** What Shape Lens should say about a local, spelled from the fixture (Python's own shape text). */
function described(name: string): string {
  const l = locals[name];
  assert.ok(l && l.kind !== 'other', `${name} is an array in the fixture`);
  return `shape ${l.shape_repr} ${l.kind === 'torch' ? 'torch.' : ''}${l.dtype}`;
}

function sha256OfFloat64(values: readonly number[]): string {
  return createHash('sha256').update(new Uint8Array(Float64Array.from(values).buffer)).digest('hex');
}

async function inspect(arg: object): Promise<Inspected> {
  return (await vscode.commands.executeCommand<Inspected>('shapeLens.inspectInShapeLens', arg))!;
}

describe('live debugging (debugpy)', () => {
  let session: vscode.DebugSession | undefined;
  const recorded: { expression: string; context?: string; success?: boolean; result?: string; message?: string }[] = [];
  const disposables: vscode.Disposable[] = [];

  /** The program's own view of `expr` (`json.dumps(expr.tolist())`), flattened in C order. */
  async function programValues(expr: string): Promise<number[]> {
    const frameId = await topFrame();
    const r = await session!.customRequest('evaluate', { expression: `__import__('json').dumps((${expr}).tolist())`, frameId, context: 'clipboard' }) as { result: string };
    const text = r.result.replace(/^'|'$/g, '');
    const flat = (v: unknown): number[] => (Array.isArray(v) ? v.flatMap(flat) : [typeof v === 'boolean' ? Number(v) : v as number]);
    return flat(JSON.parse(text));
  }

  async function topFrame(): Promise<number> {
    const threads = await session!.customRequest('threads') as { threads: { id: number }[] };
    for (const t of threads.threads) {
      try {
        const st = await session!.customRequest('stackTrace', { threadId: t.id, startFrame: 0, levels: 1 }) as { stackFrames: { id: number; name: string }[] };
        if (st.stackFrames[0]?.name === 'train_step') return st.stackFrames[0].id;
      } catch { /* a running thread */ }
    }
    throw new Error('no thread stopped in train_step');
  }

  before(async function () {
    this.timeout(120_000);
    const ed = await openPy('train_debug.py');
    const uri = workspaceUri('train_debug.py');
    const bp = new vscode.SourceBreakpoint(new vscode.Location(uri, new vscode.Position(frame.line - 1, 0)));
    vscode.debug.addBreakpoints([bp]);
    disposables.push({ dispose: () => vscode.debug.removeBreakpoints([bp]) });
    let onStop: () => void = () => undefined;
    const stopped = new Promise<void>((res) => { onStop = res; });
    disposables.push(vscode.debug.registerDebugAdapterTrackerFactory(DEBUG_TYPE, {
      createDebugAdapterTracker: () => {
        const pending = new Map<number, { expression: string; context?: string }>();
        return {
          onWillReceiveMessage: (m: { type?: string; command?: string; seq?: number; arguments?: { expression?: string; context?: string } }) => {
            if (m.type === 'request' && m.command === 'evaluate' && m.arguments?.expression?.includes('SL')) pending.set(m.seq!, { expression: m.arguments.expression, context: m.arguments.context });
          },
          onDidSendMessage: (m: { type?: string; event?: string; command?: string; request_seq?: number; success?: boolean; message?: string; body?: { result?: string } }) => {
            if (m.type === 'event' && m.event === 'stopped') onStop();
            const req = m.type === 'response' && m.command === 'evaluate' ? pending.get(m.request_seq!) : undefined;
            if (req) recorded.push({ ...req, success: m.success, result: m.body?.result, message: m.message });
          },
        };
      },
    }));
    const t0 = performance.now();
    const folder = vscode.workspace.workspaceFolders![0];
    const ok = await vscode.debug.startDebugging(folder, {
      type: DEBUG_TYPE, name: 'train_debug', request: 'launch', program: uri.fsPath, cwd: folder.uri.fsPath,
      python: process.env.SHAPE_LENS_PYTHON || '/usr/bin/python3', console: 'internalConsole', justMyCode: true,
    });
    assert.equal(ok, true, 'the debug session started');
    await Promise.race([stopped, new Promise((_, rej) => setTimeout(() => rej(new Error('debugpy did not stop at the breakpoint in 90 s')), 90_000))]);
    measurements.debugLaunchToStopMs = Math.round(performance.now() - t0);
    session = vscode.debug.activeDebugSession;
    assert.equal(session?.type, DEBUG_TYPE);
    await vscode.window.showTextDocument(ed.document);
  });

  after(async function () {
    this.timeout(30_000);
    // the unit tests replay these answers (test/extension-debug/transcript.test.ts); the two large arrays' chunks stay out
    const small = recorded.filter((r, i) => (r.result?.length ?? 0) < 100_000 && recorded.findIndex((q) => q.expression === r.expression) === i);
    if (process.env.SHAPE_LENS_RECORD_DAP) writeFileSync(process.env.SHAPE_LENS_RECORD_DAP, JSON.stringify({ adapter: 'debugpy (Debian python3-debugpy)', exchanges: small }, null, 1));
    if (session) await vscode.debug.stopDebugging(session);
    for (const d of disposables) d.dispose();
  });

  it('inline values: the shape of each array on the visible lines of the paused frame', async () => {
    const expected = ([
      [14, ['images', 'labels']], [15, ['x', 'images']], [16, ['y', 'labels']], [17, ['logits', 'x']], [18, ['loss', 'logits', 'y']],
      [19, ['loss']], [20, ['grad']], [21, ['probs', 'logits']], [22, ['even', 'labels']], [23, ['xt', 'images']], [24, ['xt']], [26, ['loss']],
    ] as [number, string[]][]).map(([l, ns]) => `${l}: ${ns.map((n) => `${n}: ${described(n)}`).join(' | ')}`);
    const shown = (): string[] => {
      const l = api().lastInlineShapes();
      if (!l || !l.uri.endsWith('train_debug.py')) return [];
      const byLine = new Map<number, string[]>();
      for (const v of l.values) byLine.set(v.line + 1, [...(byLine.get(v.line + 1) ?? []), v.text]);
      return [...byLine].map(([line, t]) => `${line}: ${t.join(' | ')}`);
    };
    const t0 = performance.now();
    // VS Code asks again when late answers arrive (onDidChangeInlineValues)
    await waitFor('every inline shape', () => (shown().length === expected.length ? true : undefined), 30_000).catch(() => undefined);
    measurements.inlineShapesMs = Math.round(performance.now() - t0);
    const raw = api().lastInlineShapes();
    assert.deepEqual(shown(), expected, `inline values shown:\n${shown().join('\n')}\nlast given to VS Code: ${raw ? `${raw.uri} frame ${raw.frameId}, ${raw.values.length} values (${raw.asked})` : 'none'}`);
  });

  it('the Shapes view lists the arrays and tensors of the frame with their shapes', async () => {
    const arrays = Object.keys(locals).filter((n) => locals[n].kind !== 'other');
    const expected = arrays.map((n) => `${n}  ${described(n)}`).sort();
    const lines = async (): Promise<string[]> => [...await api().shapesViewLines()].sort();
    await waitFor('the Shapes view entries', async () => ((await lines()).length === expected.length ? true : undefined), 45_000).catch(() => undefined);
    assert.deepEqual(await lines(), expected, `Shapes view:\n${(await lines()).join('\n')}`);
  });

  it('Inspect in Shape Lens: the exact values of NumPy arrays and torch tensors (fixture from real NumPy/torch)', async function () {
    this.timeout(120_000);
    for (const name of ['images', 'xt', 'labels', 'even', 'x', 'y', 'loss']) {
      const l = locals[name];
      const t0 = performance.now();
      const r = await inspect({ expression: name, returnValues: true });
      if ('error' in r) assert.fail(`${name}: ${r.error}`);
      if (name === 'images') measurements.inspectImagesMs = Math.round(performance.now() - t0);
      assert.deepEqual([r.shape, r.dtype, r.source, r.description], [l.shape, l.dtype, l.kind, described(name)], name);
      assert.equal(sha256OfFloat64(r.values!), l.sha256, `${name}: the values differ from NumPy's`);
      if (l.values) assert.deepEqual(r.values, l.values, name);
    }
    const tabs = vscode.window.tabGroups.all.flatMap((g) => g.tabs).map((t) => t.label);
    assert.ok(tabs.includes('Shape Lens Inspector'), tabs.join(', '));
  });

  it('Inspect in Shape Lens: computed tensors and arrays match the program\'s own .tolist()', async function () {
    this.timeout(120_000);
    for (const [arg, expr] of [
      [{ variable: { name: 'probs', evaluateName: 'probs' } }, 'probs'], // as the Variables view passes it
      [{ expression: 'logits' }, 'logits.detach()'],
      [{ expression: 'grad' }, 'grad'],
      [{ expression: 'model.weight' }, 'model.weight.detach()'],
      [{ expression: 'images', rows: 2 }, 'images[:2]'],
      [{ expression: 'xt[3, :, ::2]' }, 'xt[3, :, ::2]'],
      [{ expression: 'parts' }, 'xt[:4]'], // a list of arrays, inspected as one
    ] as [object, string][]) {
      const r = await inspect({ ...arg, returnValues: true });
      if ('error' in r) assert.fail(`${expr}: ${r.error}`);
      const expected = await programValues(expr);
      assert.equal(r.values!.length, expected.length, expr);
      assert.ok(r.values!.every((v, i) => Object.is(v, expected[i])), `${expr}: values differ from the program's`);
    }
    const list = await inspect({ expression: 'parts' });
    assert.ok(!('error' in list) && list.description === `shape (4, ${locals.xt.shape!.slice(1).join(', ')}) float32 (list of 4)`, JSON.stringify(list));
    const part = await inspect({ expression: 'images', rows: 2 });
    assert.ok(!('error' in part) && part.name === 'images[:2]' && part.shape.join() === '2,1,28,28', JSON.stringify(part));
  });

  it('Inspect in Shape Lens from the editor\'s context menu: the selected expression', async () => {
    const ed = vscode.window.visibleTextEditors.find((e) => e.document.uri.path.endsWith('train_debug.py'))!;
    const xtLine = frame.line - 4; // `    xt = images[:, 0, ::2, ::3]`
    const line = ed.document.lineAt(xtLine).text;
    const at = line.indexOf('images[');
    ed.selection = new vscode.Selection(xtLine, at, xtLine, line.length);
    const r = await vscode.commands.executeCommand<Inspected>('shapeLens.inspectInShapeLens', ed.document.uri);
    assert.ok(r && !('error' in r), JSON.stringify(r));
    assert.deepEqual([r.name, r.description], ['images[:, 0, ::2, ::3]', described('xt')]);
  });

  it('Inspect in Shape Lens: plain errors for a non-array, an undefined name and a call', async () => {
    assert.deepEqual(await inspect({ expression: 'name' }), { error: '`name` is a str, not a NumPy array or torch tensor' });
    assert.deepEqual(await inspect({ expression: 'model' }), { error: '`model` is a torch.nn.modules.linear.Linear, not a NumPy array or torch tensor' });
    assert.deepEqual(await inspect({ expression: 'nonexistent' }), { error: '`nonexistent` is not defined in the paused frame (out of scope?)' });
    assert.deepEqual(await inspect({ expression: 'probs.sum()' }), { error: 'only names, attributes and subscripts are evaluated (no calls or operators): probs.sum()' });
    const r = await inspect({ expression: 'labels[99]' });
    assert.ok('error' in r && /^evaluating `labels\[99\]` failed: IndexError: /.test(r.error), JSON.stringify(r));
  });

  it('after the session ends, the view empties and Inspect says why it cannot', async function () {
    this.timeout(30_000);
    const s = session!;
    session = undefined;
    await vscode.debug.stopDebugging(s);
    await waitFor('the session to end', () => (vscode.debug.activeDebugSession ? undefined : true), 20_000);
    assert.deepEqual(await waitFor('an empty Shapes view', async () => ((await api().shapesViewLines()).length === 0 ? true : undefined), 10_000), true);
    assert.deepEqual(await inspect({ expression: 'images' }), { error: 'cannot inspect: no debug session is running' });
  });
});

/** A chunk reply's values as float64 (the payload of a float64 array is little-endian doubles). */
function float64Values(data: ArrayBuffer | ArrayBufferView | string | undefined): number[] {
  if (data instanceof ArrayBuffer) return Array.from(new Float64Array(data));
  if (data && typeof data !== 'string') return Array.from(new Float64Array(data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength)));
  throw new Error(`not a binary payload: ${typeof data}`);
}

describe('live debugging: a large array read window by window, and switching frames (debugpy)', () => {
  let session: vscode.DebugSession | undefined;
  /** evaluate requests Shape Lens sent for values (`SLDATA`), with the selection and answer size */
  const windows: { selection: string; answerChars: number }[] = [];
  const disposables: vscode.Disposable[] = [];
  const r = (start: number, stop: number) => ({ start, stop, step: 1 });

  before(async function () {
    this.timeout(120_000);
    const ed = await openPy(large.file);
    const uri = workspaceUri(large.file);
    const bp = new vscode.SourceBreakpoint(new vscode.Location(uri, new vscode.Position(large.line - 1, 0)));
    vscode.debug.addBreakpoints([bp]);
    disposables.push({ dispose: () => vscode.debug.removeBreakpoints([bp]) });
    let onStop: () => void = () => undefined;
    const stopped = new Promise<void>((res) => { onStop = res; });
    disposables.push(vscode.debug.registerDebugAdapterTrackerFactory(DEBUG_TYPE, {
      createDebugAdapterTracker: () => {
        const pending = new Map<number, string>();
        return {
          onWillReceiveMessage: (m: { type?: string; command?: string; seq?: number; arguments?: { expression?: string } }) => {
            const e = m.type === 'request' && m.command === 'evaluate' ? m.arguments?.expression ?? '' : '';
            if (e.includes('SLDATA')) pending.set(m.seq!, e);
          },
          onDidSendMessage: (m: { type?: string; event?: string; command?: string; request_seq?: number; body?: { result?: string } }) => {
            if (m.type === 'event' && m.event === 'stopped') onStop();
            const e = m.type === 'response' && m.command === 'evaluate' ? pending.get(m.request_seq!) : undefined;
            // the window: the subscript of `(a)[…]` inside the expression
            if (e) windows.push({ selection: /\(\(a\)\[([^\]]*)\]\)$/.exec(e)?.[1] ?? e, answerChars: m.body?.result?.length ?? 0 });
          },
        };
      },
    }));
    const folder = vscode.workspace.workspaceFolders![0];
    const ok = await vscode.debug.startDebugging(folder, {
      type: DEBUG_TYPE, name: 'train_debug_large', request: 'launch', program: uri.fsPath, cwd: folder.uri.fsPath,
      python: process.env.SHAPE_LENS_PYTHON || '/usr/bin/python3', console: 'internalConsole', justMyCode: true,
    });
    assert.equal(ok, true, 'the debug session started');
    await Promise.race([stopped, new Promise((_, rej) => setTimeout(() => rej(new Error('debugpy did not stop at the breakpoint in 90 s')), 90_000))]);
    session = vscode.debug.activeDebugSession;
    await vscode.window.showTextDocument(ed.document);
  });

  after(async function () {
    this.timeout(30_000);
    if (session) await vscode.debug.stopDebugging(session);
    for (const d of disposables) d.dispose();
  });

  it('a (2000, 2000) array opens with its metadata and the visible windows only; a scroll reads just the new window', async function () {
    this.timeout(120_000);
    const res = await inspect({ expression: 'a', view: 'table' });
    if ('error' in res) assert.fail(res.error);
    assert.deepEqual([res.shape, res.dtype, res.description, res.requests], [large.function.a.shape, 'float64', `shape ${large.function.a.shape_repr} float64`, 0]);
    // the table's first paint: wait until its requests have stopped for a second
    let seen = -1, since = Date.now();
    await waitFor('the view\'s first windows', () => {
      if (windows.length !== seen) { seen = windows.length; since = Date.now(); }
      return windows.length > 0 && Date.now() - since > 1500 ? true : undefined;
    }, 60_000);
    const first = windows.map((w) => w.selection);
    measurements.largeArrayFirstWindows = first;
    assert.ok(first.length <= 4, `at most the visible tiles: ${first.join(' | ')}`);
    for (const sel of first) {
      const [rows, cols] = sel.split(', ').map((t) => t.split(':').map(Number));
      assert.equal(rows[0], 0, `a window at the top: ${sel}`);
      assert.ok((rows[1] - rows[0]) * (cols[1] - cols[0]) <= 64 * 32, `a tile, not more: ${sel}`);
    }
    // nothing near the size of the array travelled (4,000,000 values are 42.7 MB of base64)
    const chars = windows.reduce((p, w) => p + w.answerChars, 0);
    measurements.largeArrayFirstPaintAnswerChars = chars;
    assert.ok(chars < 4 * 64 * 32 * 8 * 1.4 + 4000, `${chars} characters`);

    // scrolling: the windows a scroll to rows 1000 and to the last cell would ask for
    const id = api().inspectorArrayId();
    assert.ok(id, 'the inspector shows the array');
    for (const [k, w] of Object.entries(large.windows)) {
      const before = windows.length;
      const replies = await api().inspectorRequest({ type: 'requestChunk', id, requestId: 900_000 + windows.length, slice: [r(w.rows[0], w.rows[1]), r(w.cols[0], w.cols[1])] });
      assert.equal(replies[0]?.type, 'chunk', `${k}: ${JSON.stringify(replies[0]?.message)}`);
      assert.deepEqual(windows.slice(before).map((x) => x.selection), [`${w.rows[0]}:${w.rows[1]}, ${w.cols[0]}:${w.cols[1]}`], `${k}: exactly that window was evaluated`);
      const got = float64Values(replies[0].data);
      assert.equal(got.length, w.values.length, k);
      assert.ok(got.every((v, i) => Object.is(v, w.values[i])), `${k}: values differ from NumPy's`);
    }
  });

  it('switching to the module\'s frame and back updates the Shapes view and the inline shapes', async function () {
    this.timeout(90_000);
    // the Shapes view lists a frame's locals and the module's globals: the function frame has both
    const describedIn = (...frames: Record<string, { shape_repr: string; dtype: string }>[]): string[] =>
      frames.flatMap((arrays) => Object.entries(arrays).map(([n, l]) => `${n}  shape ${l.shape_repr} ${l.dtype}`)).sort();
    const viewIs = async (want: string[]): Promise<true | undefined> => (JSON.stringify([...await api().shapesViewLines()].sort()) === JSON.stringify(want) ? true : undefined);
    const inlineTexts = (): string[] => api().lastInlineShapes()?.values.map((v) => v.text) ?? [];
    await waitFor('the function frame\'s Shapes', () => viewIs(describedIn(large.function, large.module)), 30_000)
      .catch(async () => assert.deepEqual([...await api().shapesViewLines()].sort(), describedIn(large.function, large.module)));
    await waitFor('inline shapes of the function frame', () => (inlineTexts().some((t) => t.startsWith('scaled: ')) ? true : undefined), 30_000)
      .catch(() => assert.fail(`inline shapes: ${inlineTexts().join(' | ')}`));
    const functionFrame = api().lastInlineShapes()!.frameId;
    assert.ok(inlineTexts().includes(`scaled: shape ${large.function.scaled.shape_repr} float64`), inlineTexts().join(' | '));

    await vscode.commands.executeCommand('workbench.action.debug.callStackBottom');
    await waitFor('the module frame\'s Shapes', () => viewIs(describedIn(large.module)), 30_000)
      .catch(async () => assert.deepEqual([...await api().shapesViewLines()].sort(), describedIn(large.module)));
    await waitFor('inline shapes of the module frame', () => {
      const l = api().lastInlineShapes();
      return l && l.frameId !== functionFrame && inlineTexts().some((t) => t.startsWith('grid: ')) ? true : undefined;
    }, 30_000).catch(() => assert.fail(`inline shapes after switching: ${inlineTexts().join(' | ')}`));
    assert.ok(inlineTexts().includes(`grid: shape ${large.module.grid.shape_repr} float64`), inlineTexts().join(' | '));
    assert.ok(!inlineTexts().some((t) => t.startsWith('scaled: ')), `no function locals in the module frame: ${inlineTexts().join(' | ')}`);

    await vscode.commands.executeCommand('workbench.action.debug.callStackTop');
    await waitFor('the function frame\'s Shapes again', () => viewIs(describedIn(large.function, large.module)), 30_000)
      .catch(async () => assert.deepEqual([...await api().shapesViewLines()].sort(), describedIn(large.function, large.module)));
    await waitFor('inline shapes of the function frame again', () => (api().lastInlineShapes()?.frameId === functionFrame ? true : undefined), 30_000)
      .catch(() => assert.fail(`inline shapes: frame ${api().lastInlineShapes()?.frameId}, ${inlineTexts().join(' | ')}`));
  });

  it('after the program resumes, the inspector refuses windows of the old stop plainly', async function () {
    this.timeout(60_000);
    const id = api().inspectorArrayId();
    assert.ok(id);
    await vscode.commands.executeCommand('workbench.action.debug.continue');
    await waitFor('the session to end', () => (vscode.debug.activeDebugSession ? undefined : true), 30_000);
    const before = windows.length;
    const replies = await api().inspectorRequest({ type: 'requestChunk', id, requestId: 999_999, slice: [r(0, 2), r(0, 2)] });
    assert.equal(replies[0]?.type, 'error');
    assert.match(replies[0].message ?? '', /^the (debug session has ended|program has resumed since this array was opened)$/);
    assert.equal(windows.length, before, 'nothing was evaluated');
    session = undefined;
  });
});
