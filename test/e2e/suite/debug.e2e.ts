// Live debugging against a real debugpy: test/workspace/train_debug.py (real NumPy + torch)
// runs under the test-only debug type of test/e2e/debugpyFixture (`python3 -m debugpy.adapter`)
// to its `# breakpoint`, then: the inline shapes VS Code asked us for, the Shapes view, Inspect
// in Shape Lens (values compared with test/fixtures/debug_frame.json from
// tools/gen_debug_fixtures.py, and with the program's own `.tolist()` through a second DAP
// request), and plain errors. SHAPE_LENS_RECORD_DAP=file records the adapter's answers (the
// unit tests' test/fixtures/debugpy_transcript.json).
import * as vscode from 'vscode';
import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { after, before, describe, it } from './mocha';
import { EXTENSION_ID, measurements, openPy, waitFor, workspaceUri } from './helpers';
import frame from '../../fixtures/debug_frame.json';

const DEBUG_TYPE = 'shape-lens-test-debugpy';

interface Local { kind: string; type: string; dtype?: string; shape?: number[]; shape_repr?: string; sha256?: string; values?: (number | string)[] }
const locals = frame.locals as Record<string, Local>;

interface DebugApi {
  lastInlineShapes(): { uri: string; frameId: number; values: { line: number; text: string }[] } | undefined;
  shapesViewLines(): Promise<string[]>;
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
    assert.deepEqual(shown(), expected, `inline values shown:\n${shown().join('\n')}`);
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
