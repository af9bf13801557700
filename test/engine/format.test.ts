// engine/format/ against NumPy 1.24.2's own text: every array, view and scalar case in
// test/fixtures/format.json (written by tools/gen_format_fixtures.py from real NumPy) must
// print identically. Expected text always comes from the fixture, never from our output.
// One `check*` helper per kind of case; the cases are data.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DType, isDType } from '../../engine/core/dtype';
import { emptyArray, NDArray } from '../../engine/core/ndarray';
import {
  arrayRepr, arrayStr, Dragon4Options, formatPositional, formatScientific, getPrintOptions, PrintOptions,
  pyFloatRepr, resetPrintOptions, scalarRepr, scalarStr, setPrintOptions, TrimMode,
} from '../../engine/format';

interface ArrayCase {
  name: string; dtype: string; shape: number[]; values: string[];
  options: Partial<PrintOptions>; str: string; repr: string;
}
interface ViewCase {
  name: string; dtype: string; baseShape: number[]; values: string[];
  shape: number[]; strides: number[]; offset: number; str: string; repr: string;
}
interface ScalarCase { dtype: string; value: string; str: string; repr: string }
interface PyFloatCase { value: string; repr: string }
interface FloatFuncCase {
  fn: 'positional' | 'scientific'; dtype: 'float32' | 'float64'; value: string; text: string;
  kwargs: {
    precision?: number; unique?: boolean; fractional?: boolean; trim?: TrimMode; sign?: boolean;
    pad_left?: number; pad_right?: number; exp_digits?: number; min_digits?: number;
  };
}
interface Fixture {
  numpy: string; arrays: ArrayCase[]; views: ViewCase[]; scalars: ScalarCase[]; pyfloats: PyFloatCase[];
  floatfuncs: FloatFuncCase[];
}

const fixture = JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', 'format.json'), 'utf8')) as Fixture;

/** Fixture values are Python text: repr(float) ('nan', 'inf', '-0.0', '1e-05'), str(int), '0'/'1'. */
function parseValue(s: string): number {
  if (s === 'nan') return NaN;
  if (s === 'inf') return Infinity;
  if (s === '-inf') return -Infinity;
  return Number(s);
}

function dtypeOf(name: string): DType {
  if (!isDType(name)) throw new Error(`fixture dtype ${name} is not stored by the engine`);
  return name;
}

function build(dtype: string, shape: readonly number[], values: readonly string[]): NDArray {
  const a = emptyArray(shape, dtypeOf(dtype));
  expect(a.data.length).toBe(values.length);
  values.forEach((v, i) => { a.data[i] = parseValue(v); });
  return a;
}

function checkArray(a: NDArray, expected: { str: string; repr: string }, options?: Partial<PrintOptions>): void {
  expect(arrayStr(a, options)).toBe(expected.str);
  expect(arrayRepr(a, options)).toBe(expected.repr);
}

describe(`format: arrays (NumPy ${fixture.numpy})`, () => {
  it('the fixture holds several hundred cases', () => {
    expect(fixture.arrays.length).toBeGreaterThan(300);
  });
  for (const c of fixture.arrays) {
    it(c.name, () => {
      checkArray(build(c.dtype, c.shape, c.values), c, Object.keys(c.options).length ? c.options : undefined);
    });
  }
});

describe('format: non-contiguous views walk strides and offset', () => {
  for (const c of fixture.views) {
    it(c.name, () => {
      const base = build(c.dtype, c.baseShape, c.values);
      const v = base.view(c.shape, c.strides, c.offset);
      checkArray(v, c);
    });
  }
  it('a hand-built transposed view over a bigger buffer', () => {
    // np.arange(12).reshape(3, 4).T
    const base = emptyArray([3, 4], 'int64');
    for (let i = 0; i < 12; i++) base.data[i] = i;
    const t = base.view([4, 3], [1, 4], 0);
    checkArray(t, {
      str: '[[ 0  4  8]\n [ 1  5  9]\n [ 2  6 10]\n [ 3  7 11]]',
      repr: 'array([[ 0,  4,  8],\n       [ 1,  5,  9],\n       [ 2,  6, 10],\n       [ 3,  7, 11]])',
    });
  });
});

describe('format: NumPy scalars', () => {
  for (const c of fixture.scalars) {
    it(`np.${c.dtype}(${c.value}) prints ${JSON.stringify(c.str)}`, () => {
      const v = parseValue(c.value);
      expect(scalarStr(dtypeOf(c.dtype), v)).toBe(c.str);
      expect(scalarRepr(dtypeOf(c.dtype), v)).toBe(c.repr);
    });
  }
  it('0-d arrays str like their scalar', () => {
    for (const c of fixture.scalars) {
      const a = build(c.dtype, [], [c.value]);
      expect(arrayStr(a)).toBe(c.str);
    }
  });
});

describe('format: Python float repr', () => {
  for (const c of fixture.pyfloats) {
    it(`repr(${c.value})`, () => {
      expect(pyFloatRepr(parseValue(c.value))).toBe(c.repr);
    });
  }
});

describe('format: np.format_float_positional / np.format_float_scientific', () => {
  for (const c of fixture.floatfuncs) {
    it(`${c.fn} np.${c.dtype}(${c.value}) ${JSON.stringify(c.kwargs)}`, () => {
      const k = c.kwargs;
      const opts: Dragon4Options = {
        precision: k.precision, unique: k.unique, fractional: k.fractional, trim: k.trim, sign: k.sign,
        padLeft: k.pad_left, padRight: k.pad_right, expDigits: k.exp_digits, minDigits: k.min_digits,
      };
      const f = c.fn === 'positional' ? formatPositional : formatScientific;
      expect(f(parseValue(c.value), c.dtype, opts)).toBe(c.text);
    });
  }
});

describe('format: module-level print options', () => {
  it('setPrintOptions changes later calls and overrides win over it', () => {
    const saved = getPrintOptions();
    try {
      const byName = new Map(fixture.arrays.map((c) => [c.name, c]));
      const c = byName.get('float64 thirds 2-D [precision=3]');
      const plain = byName.get('float64 thirds 2-D [floatmode=\'maxprec_equal\']');
      if (!c || !plain) throw new Error('fixture cases missing');
      const a = build(c.dtype, c.shape, c.values);
      setPrintOptions({ precision: 3 });
      expect(getPrintOptions().precision).toBe(3);
      checkArray(a, c);
      checkArray(a, plain, { precision: 8, floatmode: 'maxprec_equal' });
    } finally {
      setPrintOptions(saved);
    }
    expect(getPrintOptions()).toEqual(saved);
  });
  it('defaults are NumPy\'s', () => {
    const saved = getPrintOptions();
    resetPrintOptions();
    expect(getPrintOptions()).toEqual({
      precision: 8, threshold: 1000, edgeitems: 3, linewidth: 75, suppress: false, floatmode: 'maxprec', sign: '-',
    });
    setPrintOptions(saved);
  });
  it('bad options raise NumPy\'s errors', () => {
    expect(() => setPrintOptions({ sign: 'x' as PrintOptions['sign'] })).toThrow("sign option must be one of ' ', '+', or '-'");
    expect(() => setPrintOptions({ floatmode: 'x' as PrintOptions['floatmode'] }))
      .toThrow('floatmode option must be one of "fixed", "unique", "maxprec", "maxprec_equal"');
    expect(() => setPrintOptions({ precision: 1.5 })).toThrow('precision must be an integer');
    expect(() => setPrintOptions({ threshold: NaN })).toThrow('threshold must be non-NAN');
  });
});
