// The inspector's windowed reads from a paused program, against a scripted adapter that
// answers the window expressions as debugpy does (a str's repr of `SLDATA;…`) from a C-order
// float64 array x[i, j] = i * 2000 + j held here (exact in float64, so every value is known).
// Counts the evaluate requests and the bytes each carried: only the window asked for is read.
// Also: stale answers (resumed, moved on) and a gone adapter through InspectorSession.
import { describe, expect, it } from 'vitest';
import { RemoteArraySource } from '../../src/extension/debug/remoteSource';
import { parseMeta, windowExpression, windowSelection, type RemoteArrayMeta } from '../../src/extension/debug/remoteExpressions';
import { planWindow } from '../../src/extension/debug/chunks';
import type { Evaluator } from '../../src/extension/debug/remoteArray';
import { InspectorSession } from '../../src/extension/inspectorData';
import { payloadValues, validateHostMessage, type SliceSpec } from '../../webview/protocol';

const N = 2000;
const at = (i: number, j: number): number => i * N + j;
const meta = (): RemoteArrayMeta => {
  const m = parseMeta(`'SLMETA;numpy;float64;<f8;${N},${N};${N * 8},8;;ndarray'`);
  if (!m?.ok) throw new Error('bad meta');
  return m.meta;
};

interface Sent { expression: string; window: string; bytes: number }

/** Parses `a:b:s` / `a:b` / `i` of one axis into the indices it selects. */
function indices(t: string): number[] {
  const p = t.trim().split(':').map(Number);
  if (p.length === 1) return [p[0]];
  const [a, b, s = 1] = p;
  const out: number[] = [];
  for (let i = a; i < Math.min(b, N); i += s) out.push(i);
  return out;
}

interface FakeAdapter extends Evaluator {
  sent: Sent[];
  /** resolves pending answers one at a time when set */
  hold?: Promise<void>;
  failWith?: string;
  onSend?: () => void;
}

/** An adapter paused in a frame where `x` is the (2000, 2000) array above. */
function adapter(maxChunkBytes: number): FakeAdapter {
  const a: FakeAdapter = {
    sent: [], maxChunkBytes,
    evaluate: async (expression) => {
      a.onSend?.();
      if (a.hold) await a.hold;
      if (a.failWith) throw new Error(a.failWith);
      const m = /\(\(x\)\[([^\]]*)\]\)$/.exec(expression);
      if (!m) throw new Error(`NameError: name '${expression.slice(0, 20)}' is not defined`);
      const axes = m[1].split(',');
      const rows = indices(axes[0]), cols = axes.length > 1 ? indices(axes[1]) : [];
      const vals: number[] = [];
      for (const i of rows) for (const j of axes.length > 1 ? cols : [0]) vals.push(at(i, j));
      const bytes = Buffer.from(Float64Array.from(vals).buffer);
      a.sent.push({ expression, window: m[1], bytes: bytes.length });
      return `'SLDATA;<f8;${bytes.length};${bytes.toString('base64')}'`;
    },
  };
  return a;
}

const r = (start: number, stop: number, step = 1) => ({ start, stop, step });

describe('RemoteArraySource', () => {
  it('a table tile: one evaluate of exactly that window, values as the program holds them', async () => {
    const ev = adapter(4 * 1024 * 1024);
    const src = new RemoteArraySource(ev, 'x', meta());
    expect(ev.sent).toEqual([]); // opening reads nothing
    const b = await src.readBlock([r(100, 164), r(200, 232)]);
    expect(ev.sent.map((s) => [s.window, s.bytes])).toEqual([['100:164, 200:232', 64 * 32 * 8]]);
    expect(b.shape).toEqual([64, 32]);
    expect(b.valueType).toBe('float64');
    expect(b.values[0]).toBe(at(100, 200));
    expect(b.values[64 * 32 - 1]).toBe(at(163, 231));
    expect(b.values[33]).toBe(at(101, 201));
  });

  it('a strided 1000×1000 sample over the watch context\'s 45,000 bytes: 200 answers of 5 rows, none larger', async () => {
    const ev = adapter(45_000);
    const src = new RemoteArraySource(ev, 'x', meta());
    const b = await src.readBlock([r(0, N, 2), r(0, N, 2)]);
    expect(ev.sent).toHaveLength(200);
    expect(ev.sent.every((s) => s.bytes === 5 * 1000 * 8)).toBe(true);
    expect(ev.sent[0].window).toBe('0:9:2, 0:2000:2');
    expect(ev.sent[199].window).toBe('1990:1999:2, 0:2000:2');
    expect(src.requests).toBe(200);
    expect([b.values[0], b.values[1], b.values[1000], b.values[999_999]]).toEqual([at(0, 0), at(0, 2), at(2, 0), at(1998, 1998)]);
  });

  it('one row of a fixed index and a single element', async () => {
    const ev = adapter(4 * 1024 * 1024);
    const src = new RemoteArraySource(ev, 'x', meta());
    const row = await src.readBlock([{ index: 7 }, r(10, 13)]);
    expect(Array.from(row.values)).toEqual([at(7, 10), at(7, 11), at(7, 12)]);
    const one = await src.readBlock([{ index: 1999 }, { index: 1999 }]);
    expect([one.shape, Array.from(one.values)]).toEqual([[], [at(1999, 1999)]]);
    expect(ev.sent.map((s) => s.window)).toEqual(['7, 10:13', '1999, 1999']);
  });

  it('requests go one at a time, in order', async () => {
    const ev = adapter(4 * 1024 * 1024);
    let inFlight = 0, most = 0;
    const inner = ev.evaluate;
    ev.evaluate = async (e, o) => { inFlight++; most = Math.max(most, inFlight); try { await new Promise((res) => setTimeout(res, 2)); return await inner(e, o); } finally { inFlight--; } };
    const src = new RemoteArraySource(ev, 'x', meta());
    await Promise.all([src.readBlock([r(0, 2), r(0, 2)]), src.readBlock([r(2, 4), r(0, 2)]), src.readBlock([r(4, 6), r(0, 2)])]);
    expect(most).toBe(1);
    expect(ev.sent.map((s) => s.window)).toEqual(['0:2, 0:2', '2:4, 0:2', '4:6, 0:2']);
  });

  it('the program resumes during a multi-answer read: nothing more is sent, the read fails with the reason', async () => {
    const ev = adapter(45_000);
    let resumed = false;
    ev.onSend = () => { if (ev.sent.length >= 1) resumed = true; };
    const src = new RemoteArraySource(ev, 'x', meta(), { staleReason: () => (resumed ? 'the program has resumed since this array was opened' : undefined) });
    await expect(src.readBlock([r(0, 100), r(0, N)])).rejects.toThrow('the program has resumed since this array was opened');
    expect(ev.sent).toHaveLength(2); // the answer in flight arrives; none is sent after it
  });

  it('plain errors: out of scope, adapter gone', async () => {
    const gone = adapter(45_000);
    gone.failWith = 'NameError: name \'x\' is not defined';
    await expect(new RemoteArraySource(gone, 'x', meta()).readBlock([r(0, 1), r(0, 1)])).rejects.toThrow('`x` is not defined in the paused frame (out of scope?)');
    const dead = adapter(45_000);
    dead.failWith = 'Debug adapter process has terminated unexpectedly';
    await expect(new RemoteArraySource(dead, 'x', meta()).readBlock([r(0, 1), r(0, 1)])).rejects.toThrow('evaluating `x` failed: Debug adapter process has terminated unexpectedly');
    const ended = new RemoteArraySource(dead, 'x', meta(), { staleReason: () => 'the debug session has ended' });
    await expect(ended.readBlock([r(0, 1), r(0, 1)])).rejects.toThrow('the debug session has ended');
  });

  it('statistics read a strided sample within the limit and say so; summaries of a too-large array refuse plainly', async () => {
    const ev = adapter(4 * 1024 * 1024);
    const src = new RemoteArraySource(ev, 'x', meta());
    const s = await src.stats('a1', 1, 1_000_000, 16);
    expect(ev.sent.every((q) => q.window.endsWith('0:2000:2'))).toBe(true);
    expect(ev.sent.reduce((p, q) => p + q.bytes, 0)).toBe(1_000_000 * 8);
    expect([s.count, s.size, s.sampled, s.min, s.max]).toEqual([1_000_000, N * N, true, 0, at(1998, 1998)]);
    const sum = await src.axisSummary('x', 'a1', 2, 0, 'mean', 1_000_000);
    expect(sum.type).toBe('error');
    expect((sum as { message: string }).message).toMatch(/^x\.mean\(axis=0\) needs all 4000000 values of the paused program's array/);
  });
});

describe('InspectorSession over a remote source', () => {
  const tile: SliceSpec = [r(0, 64), r(0, 32)];

  it('opening sends metadata only; a requested window comes back as a valid chunk', async () => {
    const ev = adapter(4 * 1024 * 1024);
    const s = new InspectorSession({ idPrefix: '' });
    const open = s.open('x', new RemoteArraySource(ev, 'x', meta()), { origin: 'read on demand from the paused program (test)' });
    expect(validateHostMessage(open).ok).toBe(true);
    expect(open.array).toMatchObject({ shape: [N, N], dtype: 'float64', strides: [N * 8, 8], contiguous: { c: true, f: false }, origin: 'read on demand from the paused program (test)' });
    expect(ev.sent).toEqual([]);
    const res = await s.handle({ type: 'requestChunk', id: 'a1', requestId: 3, slice: tile });
    expect(res.replies).toHaveLength(1);
    const v = validateHostMessage(res.replies[0]);
    if (!v.ok || v.value.type !== 'chunk') throw new Error(v.ok ? v.value.type : v.error);
    expect(payloadValues(v.value.data, v.value.valueType)[32]).toBe(at(1, 0));
    expect(ev.sent).toHaveLength(1);
  });

  it('the user opens another array while a window travels: its answer is dropped, and queued windows are never read', async () => {
    const ev = adapter(4 * 1024 * 1024);
    let release: () => void = () => undefined;
    ev.hold = new Promise((res) => { release = res; });
    const s = new InspectorSession({ idPrefix: '' });
    s.open('x', new RemoteArraySource(ev, 'x', meta()));
    const first = s.handle({ type: 'requestChunk', id: 'a1', requestId: 1, slice: tile });
    const second = s.handle({ type: 'requestChunk', id: 'a1', requestId: 2, slice: [r(64, 128), r(0, 32)] });
    await new Promise((res) => setTimeout(res, 5));
    s.close('a1');
    s.open('y', new RemoteArraySource(adapter(1000), 'x', meta()));
    release();
    const [a, b] = await Promise.all([first, second]);
    expect([a.replies, b.replies]).toEqual([[], []]);
    expect(a.log[0]).toMatch(/dropped an answer for a1/);
    expect(ev.sent.map((q) => q.window)).toEqual(['0:64, 0:32']);
  });

  it('the program resumes while a window travels: the view gets the reason, not the values', async () => {
    const ev = adapter(4 * 1024 * 1024);
    let release: () => void = () => undefined;
    ev.hold = new Promise((res) => { release = res; });
    let resumed = false;
    const s = new InspectorSession({ idPrefix: '' });
    s.open('x', new RemoteArraySource(ev, 'x', meta(), { staleReason: () => (resumed ? 'the program has resumed since this array was opened' : undefined) }));
    const pending = s.handle({ type: 'requestChunk', id: 'a1', requestId: 9, slice: tile });
    await new Promise((res) => setTimeout(res, 5));
    resumed = true;
    release();
    const res = await pending;
    expect(res.replies).toEqual([{ type: 'error', id: 'a1', requestId: 9, message: 'the program has resumed since this array was opened' }]);
    // and later requests are refused before anything is sent
    const later = await s.handle({ type: 'requestChunk', id: 'a1', requestId: 10, slice: [r(64, 128), r(0, 32)] });
    expect(later.replies[0]).toMatchObject({ type: 'error', message: 'the program has resumed since this array was opened' });
    expect(ev.sent).toHaveLength(1);
  });

  it('malformed and oversized window requests are refused before anything is evaluated', async () => {
    const ev = adapter(4 * 1024 * 1024);
    const s = new InspectorSession({ idPrefix: '', maxElements: 10_000 });
    s.open('x', new RemoteArraySource(ev, 'x', meta()));
    const bad = await s.handle({ type: 'requestChunk', id: 'a1', requestId: 1, slice: [r(0, 64)] });
    expect(bad.replies[0]).toMatchObject({ type: 'error', message: 'bad chunk request: slice has 1 axes, the array 2' });
    const big = await s.handle({ type: 'requestChunk', id: 'a1', requestId: 2, slice: [r(0, 200), r(0, 200)] });
    expect(big.replies[0]).toMatchObject({ type: 'error', message: 'chunk of 40000 values exceeds the limit of 10000 (shapeLens.inspector.maxElements)' });
    const junk = await s.handle({ type: 'requestChunk', id: 'a1', requestId: 3, slice: [{ start: 5, stop: 1, step: 1 }, r(0, 1)] });
    expect(junk.replies).toEqual([]);
    expect(junk.log[0]).toMatch(/rejected message from view: requestChunk.slice\[0\]: stop before start/);
    expect(ev.sent).toEqual([]);
  });
});

describe('planWindow and windowExpression', () => {
  it('sub-windows of a strided window concatenate in C order', () => {
    const parts = [...planWindow([r(0, N, 2), r(0, N, 2)], 8, 4_000_000)].map((p) => windowSelection(p.sel));
    // 500 sampled rows of 1000 × 8 bytes fit 4,000,000 bytes
    expect(parts).toEqual(['0:999:2, 0:2000:2', '1000:1999:2, 0:2000:2']);
    const deep = [...planWindow([{ index: 3 }, r(0, 4), r(1, 9, 3)], 8, 16)].map((p) => [windowSelection(p.sel), p.size]);
    expect(deep).toEqual([['3, 0, 1:5:3', 2], ['3, 0, 7:8:3', 1], ['3, 1, 1:5:3', 2], ['3, 1, 7:8:3', 1], ['3, 2, 1:5:3', 2], ['3, 2, 7:8:3', 1], ['3, 3, 1:5:3', 2], ['3, 3, 7:8:3', 1]]);
    expect([...planWindow([r(0, 0), r(0, 5)], 8, 100)]).toEqual([]);
  });

  it('torch windows are sliced on the device before the copy; lists index or join their elements', () => {
    const torch = parseMeta(`'SLMETA;torch;float16;=;64,10;20,2;cuda:0;Tensor'`);
    if (!torch?.ok) throw new Error('meta');
    expect(windowExpression('t', torch.meta, [r(0, 8), { index: 3 }])).toContain('((t).detach()[0:8, 3].cpu().float().numpy())');
    const list = parseMeta(`'SLLIST;4;list;SLMETA;numpy;float32;<f4;14,10;40,4;;ndarray'`);
    if (!list?.ok) throw new Error('meta');
    expect(windowExpression('parts', list.meta, [{ index: 2 }, r(0, 14), r(0, 10, 2)])).toContain('((parts)[2])[0:14, 0:10:2]');
    expect(windowExpression('parts', list.meta, [r(1, 3), { index: 0 }, r(0, 10)])).toContain("(lambda x: (x)[0, 0:10], (parts)[1:3])");
    expect(() => windowExpression('f()', list.meta, [])).toThrow(/no calls/);
  });
});
