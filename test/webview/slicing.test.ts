// Pure helpers of the inspector: the NumPy index expression of the shown slice, element
// expressions, sample steps, and value text (expected strings are Python's repr/str).

import { describe, expect, test } from 'vitest';
import { formatBytes, formatCell, formatFull, shapeText } from '../../webview/format';
import { defaultSlice, elementExpression, indexExpression, sampleStep, SliceState, validSlice } from '../../webview/slicing';

const s = (rowAxis: number | null, colAxis: number | null, indices: number[]): SliceState => ({ rowAxis, colAxis, indices });

describe('indexExpression', () => {
  test.each([
    ['x', [5, 4, 3, 2], s(1, 2, [3, 0, 0, 0]), 'x[3, :, :, 0]'],
    ['x', [5, 4, 3, 2], s(2, 1, [3, 0, 0, 0]), 'x[3, :, :, 0].T'],
    ['x', [5, 4, 3, 2], s(2, 3, [3, 1, 0, 0]), 'x[3, 1, :, :]'],
    ['x', [5, 4, 3, 2], s(0, 3, [0, 2, 1, 0]), 'x[:, 2, 1, :]'],
    ['x', [4, 5], s(0, 1, [0, 0]), 'x'],
    ['x', [4, 5], s(1, 0, [0, 0]), 'x.T'],
    ['v', [10], s(0, null, [0]), 'v'],
    ['loss', [], s(null, null, []), 'loss'],
    ['a + b', [2, 3, 4], s(1, 2, [1, 0, 0]), '(a + b)[1, :, :]'],
    ['model.w', [2, 3, 4], s(0, 2, [0, 2, 0]), 'model.w[:, 2, :]'],
  ] as const)('%s %o %o → %s', (name, shape, st, want) => expect(indexExpression(name, shape, st)).toBe(want));

  test('windows show their ranges', () => {
    expect(indexExpression('x', [100, 100], s(0, 1, [0, 0]), { start: 0, stop: 100, step: 4 }, { start: 10, stop: 20, step: 1 })).toBe('x[::4, 10:20]');
  });
});

describe('elementExpression', () => {
  test.each([
    ['x', s(1, 2, [3, 0, 0, 0]), 5, 2, 'x[3, 5, 2, 0]'],
    ['x', s(2, 1, [3, 0, 0, 0]), 5, 2, 'x[3, 2, 5, 0]'],
    ['v', s(0, null, [0]), 7, 0, 'v[7]'],
    ['s', s(null, null, []), 0, 0, 's[()]'],
  ] as const)('%s row %i col %i', (name, st, r, c, _x) => expect(elementExpression(name, st, r, c)).toBe(_x));
});

describe('slice state', () => {
  test('defaults: last two axes, zeros elsewhere', () => {
    expect(defaultSlice([5, 4, 3, 2])).toEqual(s(2, 3, [0, 0, 0, 0]));
    expect(defaultSlice([7])).toEqual(s(0, null, [0]));
    expect(defaultSlice([])).toEqual(s(null, null, []));
  });
  test('a stored state for another shape falls back to the default', () => {
    expect(validSlice([5, 4], s(1, 2, [0, 0, 0]))).toEqual(s(0, 1, [0, 0]));
    expect(validSlice([5, 4, 3], s(1, 2, [9, 0, 0]))).toEqual(s(1, 2, [0, 0, 0]));
    expect(validSlice([5, 4, 3], s(0, 2, [0, 3, 0]))).toEqual(s(0, 2, [0, 3, 0]));
  });
});

describe('sampleStep', () => {
  test.each([
    [1000, 1000, 1_000_000, 1], [1000, 1000, 100_000, 4], [1, 10_000_000, 1_000_000, 10], [4000, 3000, 1_000_000, 4],
  ])('%i × %i within %i → every %i', (r, c, max, want) => {
    expect(sampleStep(r, c, max)).toBe(want);
    expect(Math.ceil(r / want) * Math.ceil(c / want)).toBeLessThanOrEqual(max);
  });
});

describe('value text (Python repr)', () => {
  test.each([
    [0.1, 'float64', '0.1'], [1, 'float64', '1.0'], [-0.0, 'float64', '-0.0'], [1e-5, 'float64', '1e-05'], [1e16, 'float64', '1e+16'],
    [123456789.123, 'float64', '123456789.123'], [1.5e300, 'float64', '1.5e+300'], [NaN, 'float64', 'nan'], [-Infinity, 'float64', '-inf'],
    [Math.fround(0.1), 'float32', '0.1'], [Math.fround(1 / 3), 'float32', '0.33333334'], [1, 'bool', 'True'], [0, 'bool', 'False'],
    [-7, 'int64', '-7'], [0.30000000000000004, 'float64', '0.30000000000000004'],
  ] as const)('formatFull(%d, %s) = %s', (v, d, want) => expect(formatFull(v, d)).toBe(want));
  test.each([
    [0.30000000000000004, 'float64', '0.3'], [123456789.123, 'float64', '123456790.0'], [1e-7, 'float64', '1e-07'], [2, 'float32', '2.0'],
  ] as const)('formatCell(%d, %s) = %s (8 significant digits)', (v, d, want) => expect(formatCell(v, d)).toBe(want));
  test('shapes print as Python tuples', () => {
    expect([shapeText([]), shapeText([3]), shapeText([2, 3])]).toEqual(['()', '(3,)', '(2, 3)']);
  });
  test('bytes', () => {
    expect(formatBytes(160)).toBe('160 bytes');
    expect(formatBytes(8_000_000)).toBe('7.6 MiB (8,000,000 bytes)');
  });
});
