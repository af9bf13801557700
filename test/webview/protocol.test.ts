// The webview protocol's validators: every message either side may receive is accepted
// exactly when well-formed and within limits; everything else is rejected with a reason.
// Cases are data: check(message, expectation) is the only code that calls the validators.

import { describe, expect, test } from 'vitest';
import {
  decodeBase64, encodeBase64, LIMITS, payloadValues, rangeLength, sliceProblem, sliceShape, validateHostMessage,
  validateViewMessage,
} from '../../webview/protocol';

const meta = {
  id: 'a1', name: 'x', dtype: 'float64', shape: [2, 3], strides: [24, 8], itemsize: 8, nbytes: 48,
  contiguous: { c: true, f: false }, source: 'numpy', maxChunkElements: 1000,
};
const chunk = {
  type: 'chunk', id: 'a1', requestId: 1, slice: [{ index: 1 }, { start: 0, stop: 3, step: 1 }], shape: [3],
  valueType: 'float64', data: new Float64Array([1, 2, 3]).buffer,
};
const stats = {
  type: 'stats', id: 'a1', requestId: 2, count: 6, sampled: false, size: 6, min: 0, max: 5, mean: 2.5, std: 1.7,
  nanCount: 0, posInfCount: 0, negInfCount: 0, histogram: { lo: 0, hi: 5, counts: [1, 2, 3] },
};

type Expect = 'ok' | string;

function check(validate: (x: unknown) => { ok: boolean; error?: string }, msg: unknown, want: Expect): void {
  const r = validate(msg) as { ok: true } | { ok: false; error: string };
  if (want === 'ok') {
    expect(r.ok ? 'ok' : (r as { error: string }).error).toBe('ok');
  } else {
    expect(r.ok).toBe(false);
    expect((r as { error: string }).error).toContain(want);
  }
}

const hostCases: [string, unknown, Expect][] = [
  ['open', { type: 'open', array: meta }, 'ok'],
  ['open with a view', { type: 'open', array: meta, view: 'heatmap' }, 'ok'],
  ['open with a highlight', { type: 'open', array: { ...meta, highlight: { axis: 0, start: 0, stop: 1, label: 'X[i:i+bs]' } } }, 'ok'],
  ['open, unknown view', { type: 'open', array: meta, view: 'spreadsheet' }, 'open.view: expected one of'],
  ['open, strides of another rank', { type: 'open', array: { ...meta, strides: [8] } }, 'open.array.strides: length differs'],
  ['open, complex dtype', { type: 'open', array: { ...meta, dtype: 'complex128' } }, 'open.array.dtype: expected one of'],
  ['open, negative dim', { type: 'open', array: { ...meta, shape: [-1, 3] } }, 'open.array.shape[0]: expected a non-negative integer'],
  ['open, fractional dim', { type: 'open', array: { ...meta, shape: [1.5, 3] } }, 'non-negative integer'],
  ['open, 33 dims', { type: 'open', array: { ...meta, shape: new Array(33).fill(1), strides: new Array(33).fill(8) } }, 'more than 32 items'],
  ['open, long name', { type: 'open', array: { ...meta, name: 'x'.repeat(LIMITS.maxNameLength + 1) } }, 'string longer than'],
  ['open, name not a string', { type: 'open', array: { ...meta, name: { toString: 'evil' } } }, 'open.array.name: expected a string'],
  ['open, highlight on a missing axis', { type: 'open', array: { ...meta, highlight: { axis: 5, start: 0, stop: 1, label: '' } } }, 'axis out of range'],
  ['open, zero chunk limit', { type: 'open', array: { ...meta, maxChunkElements: 0 } }, 'must be at least 1'],
  ['no type', { array: meta }, 'unknown message type'],
  ['unknown type', { type: 'eval', code: 'alert(1)' }, 'unknown message type "eval"'],
  ['null', null, 'message: expected an object'],
  ['array', [1, 2], 'message: expected an object'],
  ['string', '{"type":"open"}', 'message: expected an object'],
  ['chunk', chunk, 'ok'],
  ['chunk as a typed array', { ...chunk, data: new Float64Array([1, 2, 3]) }, 'ok'],
  ['chunk as base64', { ...chunk, data: encodeBase64(new Uint8Array(new Float64Array([1, 2, 3]).buffer)) }, 'ok'],
  ['chunk, short payload', { ...chunk, data: new Float64Array([1, 2]).buffer }, 'payload has 16 bytes, expected 24'],
  ['chunk, bad base64', { ...chunk, data: '<script>' }, 'invalid base64'],
  ['chunk, payload is JSON', { ...chunk, data: [1, 2, 3] }, 'expected an ArrayBuffer'],
  ['chunk, shape not the slice', { ...chunk, shape: [2] }, 'chunk.shape: does not match the slice'],
  ['chunk, step 0', { ...chunk, slice: [{ index: 1 }, { start: 0, stop: 3, step: 0 }] }, 'step must be at least 1'],
  ['chunk, stop before start', { ...chunk, slice: [{ index: 1 }, { start: 3, stop: 0, step: 1 }] }, 'stop before start'],
  ['chunk, oversized payload', { ...chunk, data: new ArrayBuffer(LIMITS.maxChunkBytes + 8) }, 'payload too large'],
  ['chunk, oversized slice', { ...chunk, slice: [{ start: 0, stop: 100000, step: 1 }, { start: 0, stop: 100000, step: 1 }], shape: [100000, 100000] }, 'slice too large for one chunk'],
  ['stats', stats, 'ok'],
  ['stats, all NaN', { ...stats, min: null, max: null, mean: null, std: null }, 'ok'],
  ['stats, NaN as a number', { ...stats, mean: NaN }, 'stats.mean: expected a finite number'],
  ['stats, too many bins', { ...stats, histogram: { lo: 0, hi: 1, counts: new Array(LIMITS.maxHistogramBins + 1).fill(0) } }, 'more than 1024 items'],
  ['axisSummary', {
    type: 'axisSummary', id: 'a1', requestId: 3, axis: 0, op: 'mean', expression: 'x.mean(axis=0)', dtype: 'float64',
    shape: [3], count: 3, valueType: 'float64', data: new Float64Array(3).buffer,
  }, 'ok'],
  ['axisSummary, more values than the shape', {
    type: 'axisSummary', id: 'a1', requestId: 3, axis: 0, op: 'mean', expression: 'e', dtype: 'float64',
    shape: [2], count: 3, valueType: 'float64', data: new Float64Array(3).buffer,
  }, 'more values than the shape holds'],
  ['explainBroadcast with symbols', { type: 'explainBroadcast', op: '+', a: { label: 'a', shape: ['B', 3] }, b: { label: 'b', shape: [3] } }, 'ok'],
  ['explainBroadcast, object dim', { type: 'explainBroadcast', op: '+', a: { label: 'a', shape: [{}] }, b: { label: 'b', shape: [3] } }, 'explainBroadcast.a.shape[0]'],
  ['explainMatmul', { type: 'explainMatmul', a: { label: 'W', shape: [3, 4] }, b: { label: 'x', shape: [4] } }, 'ok'],
  ['error', { type: 'error', message: 'gone' }, 'ok'],
];

const viewCases: [string, unknown, Expect][] = [
  ['ready', { type: 'ready' }, 'ok'],
  ['ready with a restore id', { type: 'ready', restoreId: 'a3' }, 'ok'],
  ['requestChunk', { type: 'requestChunk', id: 'a1', requestId: 1, slice: [{ index: 0 }, { start: 0, stop: 3, step: 2 }] }, 'ok'],
  ['requestChunk, negative index', { type: 'requestChunk', id: 'a1', requestId: 1, slice: [{ index: -1 }] }, 'requestChunk.slice[0].index'],
  ['requestChunk, huge', { type: 'requestChunk', id: 'a1', requestId: 1, slice: [{ start: 0, stop: 1e9, step: 1 }] }, 'slice too large'],
  ['requestChunk, no request id', { type: 'requestChunk', id: 'a1', slice: [] }, 'requestChunk.requestId'],
  ['requestChunk, long id', { type: 'requestChunk', id: 'a'.repeat(65), requestId: 1, slice: [] }, 'string longer than 64'],
  ['requestStats', { type: 'requestStats', id: 'a1', requestId: 1, bins: 64 }, 'ok'],
  ['requestStats, no bins', { type: 'requestStats', id: 'a1', requestId: 1, bins: 0 }, 'expected 1..1024'],
  ['requestAxisSummary', { type: 'requestAxisSummary', id: 'a1', requestId: 1, axis: 0, op: 'std' }, 'ok'],
  ['requestAxisSummary, unknown op', { type: 'requestAxisSummary', id: 'a1', requestId: 1, axis: 0, op: 'median' }, 'expected one of mean'],
  ['log', { type: 'log', level: 'warn', message: 'x' }, 'ok'],
  ['log, unknown level', { type: 'log', level: 'debug', message: 'x' }, 'log.level'],
  ['a host message sent to the host', chunk, 'unknown message type "chunk"'],
];

describe('host → view messages', () => {
  test.each(hostCases)('%s', (_name, msg, want) => check(validateHostMessage, msg, want));
});

describe('view → host messages', () => {
  test.each(viewCases)('%s', (_name, msg, want) => check(validateViewMessage, msg, want));
});

describe('validated messages carry only known fields', () => {
  test('extra fields are dropped, not passed on', () => {
    const r = validateHostMessage({ type: 'open', array: { ...meta, html: '<b>x</b>' }, onload: 'alert(1)' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(Object.keys(r.value)).toEqual(['type', 'array']);
    expect(Object.keys((r.value as { array: object }).array)).not.toContain('html');
  });
});

describe('payloads', () => {
  test.each([0, 1, 2, 3, 4, 5, 16, 1000])('base64 round-trips %i bytes', (n) => {
    const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 97 + 13) & 255);
    const s = encodeBase64(bytes);
    expect(s.length % 4).toBe(0);
    expect(Array.from(decodeBase64(s))).toEqual(Array.from(bytes));
  });
  test('base64 matches the standard alphabet', () => {
    expect(encodeBase64(new TextEncoder().encode('Shape Lens?>'))).toBe('U2hhcGUgTGVucz8+');
  });
  test('values from an unaligned typed-array view are copied, not misread', () => {
    const buf = new ArrayBuffer(17);
    new Float64Array(buf.slice(0, 16)).forEach(() => undefined);
    const src = new Uint8Array(buf, 1, 16);
    src.set(new Uint8Array(new Float64Array([1.5, -2]).buffer));
    expect(Array.from(payloadValues(src, 'float64'))).toEqual([1.5, -2]);
  });
  test('values from base64', () => {
    const s = encodeBase64(new Uint8Array(new Int16Array([-3, 7]).buffer));
    expect(Array.from(payloadValues(s, 'int16'))).toEqual([-3, 7]);
  });
});

describe('slices', () => {
  test.each([
    [{ start: 0, stop: 10, step: 1 }, 10], [{ start: 0, stop: 10, step: 3 }, 4], [{ start: 5, stop: 5, step: 1 }, 0], [{ start: 9, stop: 10, step: 4 }, 1],
  ])('rangeLength(%o) = %i', (r, n) => expect(rangeLength(r)).toBe(n));
  test('sliceShape keeps ranges in axis order', () => {
    expect(sliceShape([{ start: 0, stop: 4, step: 2 }, { index: 3 }, { start: 1, stop: 4, step: 1 }])).toEqual([2, 3]);
  });
  test.each([
    [[{ index: 2 }, { start: 0, stop: 3, step: 1 }], [3, 3], undefined],
    [[{ index: 3 }, { start: 0, stop: 3, step: 1 }], [3, 3], 'index 3 is out of bounds for axis 0 with size 3'],
    [[{ index: 0 }, { start: 0, stop: 4, step: 1 }], [3, 3], 'stop 4 is beyond axis 1 with size 3'],
    [[{ index: 0 }], [3, 3], 'slice has 1 axes, the array 2'],
  ] as const)('sliceProblem %#', (slice, shape, want) => expect(sliceProblem(slice, shape)).toBe(want));
});
