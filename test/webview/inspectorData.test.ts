// The host side of the inspector (src/extension/inspectorData.ts): metadata as NumPy reports
// it, chunks equal to element-wise reads for any view geometry, statistics, per-axis
// summaries, and the session's answers — every reply must pass the view's own validator.

import { describe, expect, test } from 'vitest';
import { cStrides, NDArray } from '../../engine/core/ndarray';
import { allocate, DType } from '../../engine/core/dtype';
import { flip, transpose } from '../../engine/ops/manipulation';
import {
  arrayMeta, axisSummary, clampMaxElements, computeStats, extractBlock, InspectorSession,
} from '../../src/extension/inspectorData';
import { AxisSel, LIMITS, payloadValues, SliceSpec, validateHostMessage } from '../../webview/protocol';

function arr(shape: number[], dtype: DType, values?: number[]): NDArray {
  const n = shape.reduce((p, d) => p * d, 1);
  const data = allocate(dtype, n);
  for (let i = 0; i < n; i++) data[i] = values ? values[i] : i;
  return new NDArray(data, dtype, shape, cStrides(shape), 0);
}

/** The block a slice selects, read one element at a time through NDArray.at. */
function naive(a: NDArray, slice: SliceSpec): number[] {
  const out: number[] = [];
  const walk = (ax: number, idx: number[]): void => {
    if (ax === slice.length) { out.push(a.at(idx)); return; }
    const s = slice[ax];
    if ('index' in s) { walk(ax + 1, [...idx, s.index]); return; }
    for (let i = s.start; i < s.stop; i += s.step) walk(ax + 1, [...idx, i]);
  };
  walk(0, []);
  return out;
}

const r = (start: number, stop: number, step = 1): AxisSel => ({ start, stop, step });

describe('arrayMeta', () => {
  test('a C-contiguous float64 array', () => {
    const m = arrayMeta('a1', 'x', arr([2, 3], 'float64'));
    expect(m).toMatchObject({ shape: [2, 3], strides: [24, 8], itemsize: 8, nbytes: 48, dtype: 'float64', contiguous: { c: true, f: false } });
  });
  test('a transposed view is F-contiguous with swapped byte strides', () => {
    const m = arrayMeta('a1', 'x.T', transpose(arr([2, 3], 'int32')));
    expect(m).toMatchObject({ shape: [3, 2], strides: [4, 12], nbytes: 24, contiguous: { c: false, f: true } });
  });
  test('int64 reports NumPy itemsize 8; bool 1', () => {
    expect(arrayMeta('a', 'i', arr([4], 'int64')).nbytes).toBe(32);
    expect(arrayMeta('b', 'b', arr([4], 'bool')).nbytes).toBe(4);
  });
  test('the chunk limit is clamped to the protocol ceiling', () => {
    expect(clampMaxElements(undefined)).toBe(1_000_000);
    expect(clampMaxElements(0)).toBe(1);
    expect(clampMaxElements(1e12)).toBe(LIMITS.maxChunkBytes / 8);
  });
});

describe('extractBlock equals element-wise reads', () => {
  const a = arr([4, 5, 6], 'float64');
  const cases: [string, NDArray, SliceSpec][] = [
    ['whole array', a, [r(0, 4), r(0, 5), r(0, 6)]],
    ['one row of a 2-D slice', a, [{ index: 2 }, { index: 1 }, r(0, 6)]],
    ['2-D slice with steps', a, [r(0, 4, 3), { index: 4 }, r(1, 6, 2)]],
    ['rows from a later axis', a, [{ index: 1 }, r(0, 5), r(2, 4)]],
    ['single element', a, [{ index: 3 }, { index: 4 }, { index: 5 }]],
    ['empty range', a, [r(2, 2), r(0, 5), r(0, 6)]],
    ['transposed view', transpose(a), [r(0, 6), r(0, 5, 2), { index: 1 }]],
    ['negative strides (flip)', flip(a, 2), [{ index: 0 }, r(0, 5), r(0, 6)]],
    ['uint8', arr([3, 4], 'uint8'), [r(0, 3), r(1, 4)]],
    ['bool', arr([2, 2], 'bool', [1, 0, 0, 1]), [r(0, 2), r(0, 2)]],
    ['0-d', arr([], 'float32', [2.5]), []],
  ];
  test.each(cases)('%s', (_n, x, slice) => {
    const b = extractBlock(x, slice);
    expect(Array.from(b.values)).toEqual(naive(x, slice));
  });
  test('the value type follows the storage (int64 travels as float64)', () => {
    expect(extractBlock(arr([2], 'int64'), [r(0, 2)]).valueType).toBe('float64');
    expect(extractBlock(arr([2], 'int16'), [r(0, 2)]).valueType).toBe('int16');
    expect(extractBlock(arr([2], 'bool'), [r(0, 2)]).valueType).toBe('uint8');
  });
});

describe('computeStats', () => {
  const x = arr([7], 'float64', [1, 2, 3, 4, NaN, Infinity, -Infinity]);
  test('over finite values, with NaN and ±inf counted', () => {
    const s = computeStats(x, 'a1', 1, 1e6, 4);
    // np.nanmin etc. over [1, 2, 3, 4]: min 1, max 4, mean 2.5, np.std([1,2,3,4]) = 1.118033988749895
    expect(s).toMatchObject({ min: 1, max: 4, mean: 2.5, nanCount: 1, posInfCount: 1, negInfCount: 1, count: 7, sampled: false, size: 7 });
    expect(s.std).toBeCloseTo(1.118033988749895, 15);
    expect(s.histogram).toEqual({ lo: 1, hi: 4, counts: [1, 1, 1, 1] });
  });
  test('symmetric values have mean exactly 0 (np.mean([-1, -0.5, 0.5, 1, 1/3, -1/3]) == 0.0)', () => {
    expect(computeStats(arr([6], 'float64', [-1, -0.5, 0.5, 1, 1 / 3, -1 / 3]), 'a1', 1, 1e6, 4).mean).toBe(0);
  });
  test('all NaN gives null statistics', () => {
    const s = computeStats(arr([2], 'float64', [NaN, NaN]), 'a1', 1, 1e6, 4);
    expect([s.min, s.max, s.mean, s.std, s.nanCount]).toEqual([null, null, null, null, 2]);
  });
  test('a constant array gets a histogram one unit wide', () => {
    expect(computeStats(arr([3], 'float64', [5, 5, 5]), 'a1', 1, 1e6, 2).histogram).toEqual({ lo: 4.5, hi: 5.5, counts: [0, 3] });
  });
  test('arrays over the limit are summarised from a strided sample', () => {
    const s = computeStats(arr([100, 100], 'float64'), 'a1', 1, 1000, 10);
    expect(s.sampled).toBe(true);
    expect(s.count).toBe(1000);
    expect(s.size).toBe(10000);
    expect(s.min).toBe(0);
    expect(s.histogram.counts.reduce((p, c) => p + c, 0)).toBe(1000);
  });
  test('non-contiguous views', () => {
    const s = computeStats(transpose(arr([2, 3], 'float64', [1, 2, 3, 4, 5, 6])), 'a1', 1, 1e6, 3);
    expect([s.min, s.max, s.mean]).toEqual([1, 6, 3.5]);
  });
});

describe('axisSummary', () => {
  const x = arr([2, 2], 'float64', [1, 2, 3, 4]);
  test.each([
    // NumPy: x = np.array([[1., 2.], [3., 4.]])
    ['mean', 0, [2, 3], 'float64'], ['mean', 1, [1.5, 3.5], 'float64'], ['sum', 0, [4, 6], 'float64'],
    ['max', 1, [2, 4], 'float64'], ['min', 0, [1, 2], 'float64'], ['std', 0, [1, 1], 'float64'],
  ] as const)('x.%s(axis=%i)', (op, axis, want, dtype) => {
    const m = axisSummary(x, 'x', 'a1', 1, axis, op, 1e6);
    expect(m.type).toBe('axisSummary');
    if (m.type !== 'axisSummary') return;
    expect(m.expression).toBe(`x.${op}(axis=${axis})`);
    expect(m.dtype).toBe(dtype);
    expect(Array.from(payloadValues(m.data, m.valueType))).toEqual(want);
  });
  test('int mean is float64, int sum stays int64 (NumPy dtypes)', () => {
    const i = arr([2, 3], 'int32');
    expect((axisSummary(i, 'i', 'a', 1, 0, 'mean', 1e6) as { dtype: string }).dtype).toBe('float64');
    expect((axisSummary(i, 'i', 'a', 1, 0, 'sum', 1e6) as { dtype: string }).dtype).toBe('int64');
  });
  test('an axis out of range is NumPy\'s AxisError', () => {
    expect(axisSummary(x, 'x', 'a1', 1, 2, 'mean', 1e6)).toEqual({
      type: 'error', id: 'a1', requestId: 1, message: 'AxisError: axis 2 is out of bounds for array of dimension 2',
    });
  });
  test('a zero-size reduction reports NumPy\'s error', () => {
    const m = axisSummary(arr([0, 3], 'float64'), 'e', 'a1', 1, 0, 'max', 1e6);
    expect(m.type).toBe('error');
    expect((m as { message: string }).message).toBe('e.max(axis=0): ValueError: zero-size array to reduction operation maximum which has no identity');
  });
  test('long results are capped at the limit', () => {
    const m = axisSummary(arr([2, 50], 'float64'), 'x', 'a1', 1, 0, 'sum', 10);
    expect(m).toMatchObject({ count: 10, shape: [50] });
  });
});

describe('InspectorSession', () => {
  const session = (max?: number) => new InspectorSession({ maxElements: max, idPrefix: '' });
  const valid = (m: unknown) => {
    const v = validateHostMessage(m);
    expect(v.ok ? 'valid' : v.error).toBe('valid');
  };

  test('open, then a chunk; every reply passes the view\'s validator', async () => {
    const s = session();
    const open = s.open('x', arr([3, 4], 'float64'), { source: 'torch' });
    valid(open);
    expect(open.array).toMatchObject({ id: 'a1', name: 'x', source: 'torch', maxChunkElements: 1_000_000 });
    const res = await s.handle({ type: 'requestChunk', id: 'a1', requestId: 7, slice: [{ index: 2 }, r(0, 4)] });
    expect(res.log).toEqual([]);
    expect(res.replies).toHaveLength(1);
    valid(res.replies[0]);
    const c = res.replies[0] as { data: ArrayBuffer; requestId: number };
    expect(c.requestId).toBe(7);
    expect(Array.from(new Float64Array(c.data))).toEqual([8, 9, 10, 11]);
  });

  test('ready with a known restore id re-sends the open message; unknown gets nothing', async () => {
    const s = session();
    const open = s.open('x', arr([2], 'float64'));
    expect((await s.handle({ type: 'ready', restoreId: open.array.id })).replies).toEqual([open]);
    expect((await s.handle({ type: 'ready', restoreId: 'a99' })).replies).toEqual([]);
  });

  test.each([
    ['malformed', { type: 'requestChunk', id: 'a1', slice: 'all' }, [], /^\[inspector\] rejected message from view: requestChunk.requestId/],
    ['unknown type', { type: 'runPython', code: 'import os' }, [], /unknown message type "runPython"/],
    ['out of bounds', { type: 'requestChunk', id: 'a1', requestId: 1, slice: [{ index: 3 }, r(0, 4)] }, ['error'], /index 3 is out of bounds for axis 0 with size 3/],
    ['over the limit', { type: 'requestChunk', id: 'a1', requestId: 1, slice: [r(0, 3), r(0, 4)] }, ['error'], /chunk of 12 values exceeds the limit of 10 \(shapeLens.inspector.maxElements\)/],
    ['unknown array', { type: 'requestStats', id: 'a9', requestId: 1, bins: 8 }, ['error'], /no array a9/],
  ] as const)('%s requests are refused with a log line', async (_n, msg, replyTypes, logLine) => {
    const s = session(10);
    s.open('x', arr([3, 4], 'float64'));
    const res = await s.handle(msg);
    expect(res.replies.map((m) => m.type)).toEqual(replyTypes);
    res.replies.forEach(valid);
    expect(res.log.join('\n')).toMatch(logLine);
  });

  test('stats and summaries through the session', async () => {
    const s = session();
    s.open('W', arr([2, 2], 'float64', [1, 2, 3, 4]));
    const st = (await s.handle({ type: 'requestStats', id: 'a1', requestId: 1, bins: 4 })).replies[0];
    valid(st);
    expect(st).toMatchObject({ type: 'stats', min: 1, max: 4, mean: 2.5 });
    const sm = (await s.handle({ type: 'requestAxisSummary', id: 'a1', requestId: 2, axis: 1, op: 'mean' })).replies[0];
    valid(sm);
    expect(sm).toMatchObject({ type: 'axisSummary', expression: 'W.mean(axis=1)', shape: [2] });
  });

  test('ids differ between sessions unless a prefix is given', () => {
    const a = new InspectorSession().open('x', arr([1], 'float64')).array.id;
    const b = new InspectorSession().open('x', arr([1], 'float64')).array.id;
    expect(a).toMatch(/^[0-9a-z]+a1$/);
    expect(a).not.toBe(b);
  });

  test('the view\'s log lines reach the host log', async () => {
    expect((await session().handle({ type: 'log', level: 'warn', message: 'rejected message: x' })).log).toEqual(['[inspector view] warn: rejected message: x']);
  });
});
