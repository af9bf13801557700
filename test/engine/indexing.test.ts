// engine/ops/indexing.ts and engine/shape/index.ts against NumPy 1.24.2: every `a[index]` and
// `a[index] = value` case in test/fixtures/indexing.json (written by
// tools/gen_indexing_fixtures.py from real NumPy) must give NumPy's shape, dtype, values,
// view-ness, strides and offset, owner array after assignment, or exception and text.
// `check` is the only code that calls the API for fixture cases; the cases are data.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DType, isDType } from '../../engine/core/dtype';
import { castValue } from '../../engine/core/cast';
import { cStrides, emptyArray, NDArray } from '../../engine/core/ndarray';
import { NumpyError } from '../../engine/core/errors';
import { ELLIPSIS, PyTuple, Slice, slice } from '../../engine/core/pyvalues';
import { NpScalar, PyFloat } from '../../engine/core/scalar';
import { arange } from '../../engine/ops/creation';
import { AssignValue, getItem, IndexItem, indexItems, setItem } from '../../engine/ops/indexing';
import { sym } from '../../engine/shape/dim';
import { assignShape, IndexSpec, indexPlan, indexShape } from '../../engine/shape/index';

// ---- the fixture's encoding ----------------------------------------------------------------

type Enc =
  | { t: 'none' } | { t: 'ellipsis' }
  | { t: 'slice'; v: (string | null)[] }
  | { t: 'bool'; v: boolean } | { t: 'int'; v: string } | { t: 'float'; v: string }
  | { t: 'array'; dtype: string; shape: number[]; v: string[] }
  | { t: 'np'; dtype: string; v: string }
  | { t: 'list'; v: unknown[] } | { t: 'tuple'; v: unknown[] }
  | { t: 'self'; index: Enc[] };

interface Base { name: string; shape: number[]; dtype: string; pre: Enc[] | null; readonly?: boolean }
type Expect =
  | { kind: 'array'; shape: number[]; dtype: string; values: string[]; strides: number[]; offset: number | null; isView: boolean; checkStrides: boolean }
  | { kind: 'scalar'; dtype: string; value: string }
  | { kind: 'set'; owner: string[] }
  | { kind: 'error'; type: string; message: string };
interface Case {
  name: string; op: 'get' | 'set'; base: Base; index: Enc[]; value?: Enc; write?: Enc; ownerAfter?: string[]; expect: Expect;
}

const fixture = JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', 'indexing.json'), 'utf8')) as { numpy: string; cases: Case[] };

/** Python text of a number: repr(float) ('nan', 'inf', '-0.0'), str(int), '0'/'1' for bools. */
function num(s: string): number {
  if (s === 'nan') return NaN;
  if (s === 'inf') return Infinity;
  if (s === '-inf') return -Infinity;
  return Number(s);
}

function dtypeOf(name: string): DType {
  if (!isDType(name)) throw new Error(`fixture dtype ${name} is not stored by the engine`);
  return name;
}

function arrayOf(e: { dtype: string; shape: number[]; v: string[] }): NDArray {
  const a = emptyArray(e.shape, dtypeOf(e.dtype));
  e.v.forEach((s, i) => { a.data[i] = num(s); });
  return a;
}

function listElement(x: unknown): unknown {
  if (Array.isArray(x)) return x.map(listElement);
  const o = x as Record<string, unknown>;
  if ('b' in o) return o.b as boolean;
  if ('i' in o) return num(o.i as string);
  if ('f' in o) return new PyFloat(num(o.f as string));
  if ('np' in o) return new NpScalar(dtypeOf(o.np as string), num(o.v as string));
  if ('slice' in o) { const [a, b, c] = o.slice as (number | null)[]; return new Slice(a, b, c); }
  if ('none' in o) return null;
  throw new Error(`unknown list element ${JSON.stringify(x)}`);
}

function decode(e: Enc, target?: NDArray): unknown {
  switch (e.t) {
    case 'none': return null;
    case 'ellipsis': return ELLIPSIS;
    case 'slice': { const [a, b, c] = e.v.map((p) => (p === null ? null : num(p))); return new Slice(a, b, c); }
    case 'bool': return e.v;
    case 'int': return num(e.v);
    case 'float': return new PyFloat(num(e.v));
    case 'array': return arrayOf(e);
    case 'np': return new NpScalar(dtypeOf(e.dtype), num(e.v));
    case 'list': return e.v.map(listElement);
    case 'tuple': return new PyTuple(e.v.map(listElement));
    case 'self': return getItem(target!, e.index.map((x) => decode(x) as IndexItem));
  }
}

/** The owner `np.arange(n).astype(dtype)`, and the array indexed: owner.reshape(shape)[pre]. */
function build(b: Base): { owner: NDArray; a: NDArray } {
  const dtype = dtypeOf(b.dtype);
  const n = b.shape.reduce((p, d) => p * d, 1);
  const owner = emptyArray([n], dtype);
  for (let i = 0; i < n; i++) owner.data[i] = castValue(i, 'int64', dtype);
  let a = owner.view(b.shape, cStrides(b.shape), 0);
  if (b.pre) a = getItem(a, b.pre.map((x) => decode(x) as IndexItem)) as NDArray;
  if (b.readonly) a = a.view(a.shape, a.strides, a.offset, false);
  return { owner, a };
}

// ---- the one helper that calls the API ---------------------------------------------------------

function check(c: Case): void {
  const { owner, a } = build(c.base);
  const index = c.index.map((x) => decode(x) as IndexItem);
  let result: NDArray | NpScalar | undefined;
  let error: unknown;
  try {
    if (c.op === 'get') result = getItem(a, index);
    else setItem(a, index, decode(c.value!, a) as AssignValue);
  } catch (e) {
    error = e;
  }
  const exp = c.expect;
  if (exp.kind === 'error') {
    expect(error, 'NumPy raised here').toBeInstanceOf(NumpyError);
    const e = error as NumpyError;
    expect({ type: e.pyType, message: e.message }).toEqual({ type: exp.type, message: exp.message });
    return;
  }
  if (error !== undefined) throw error;
  switch (exp.kind) {
    case 'scalar':
      expect(result).toBeInstanceOf(NpScalar);
      expect({ dtype: (result as NpScalar).dtype, value: (result as NpScalar).value }).toEqual({ dtype: exp.dtype, value: num(exp.value) });
      return;
    case 'array': {
      expect(result).toBeInstanceOf(NDArray);
      const r = result as NDArray;
      expect({ shape: r.shape, dtype: r.dtype, values: r.toArray() }).toEqual({ shape: exp.shape, dtype: exp.dtype, values: exp.values.map(num) });
      expect(r.root === owner, 'a view shares the owner buffer; a copy does not').toBe(exp.isView);
      if (exp.isView) expect({ strides: r.strides, offset: r.offset }).toEqual({ strides: exp.strides, offset: exp.offset });
      else if (exp.checkStrides) expect(r.strides).toEqual(exp.strides);
      if (c.write) {
        setItem(r, [ELLIPSIS], decode(c.write) as AssignValue);
        expect(owner.toArray()).toEqual(c.ownerAfter!.map(num));
      }
      return;
    }
    case 'set':
      expect(owner.toArray()).toEqual(exp.owner.map(num));
      return;
  }
}

const groups: [string, (c: Case) => boolean][] = [
  ['a[index]: basic indices give views', (c) => c.op === 'get' && c.expect.kind !== 'error' && (c.expect.kind === 'scalar' || (c.expect as { isView: boolean }).isView)],
  ['a[index]: advanced indices give copies', (c) => c.op === 'get' && c.expect.kind === 'array' && !c.expect.isView],
  ['a[index]: errors', (c) => c.op === 'get' && c.expect.kind === 'error'],
  ['a[index] = value', (c) => c.op === 'set' && c.expect.kind === 'set'],
  ['a[index] = value: errors', (c) => c.op === 'set' && c.expect.kind === 'error'],
];

describe(`indexing against NumPy ${fixture.numpy}`, () => {
  it('the fixture holds several hundred cases', () => {
    expect(fixture.cases.length).toBeGreaterThan(400);
    const grouped = groups.reduce((n, [, f]) => n + fixture.cases.filter(f).length, 0);
    expect(grouped).toBe(fixture.cases.length);
  });
  for (const [title, f] of groups) {
    describe(title, () => {
      for (const c of fixture.cases.filter(f)) it(c.name, () => check(c));
    });
  }
});

// ---- beyond the fixture: cost, the Python-call split, symbolic dims -------------------------------

describe('indexing: cost', () => {
  it('basic indexing of a big array is O(1): a view over the same buffer, no element loop', () => {
    const big = emptyArray([2000, 2000], 'int64');
    const t0 = performance.now();
    let r: NDArray = big;
    for (let i = 0; i < 10_000; i++) r = getItem(big, [slice(1, null, 2), slice(null, null, -1)]) as NDArray;
    // ~40 ms here; copying 2M elements 10k times would take minutes
    expect(performance.now() - t0).toBeLessThan(2000);
    expect(r.data).toBe(big.data);
    expect({ shape: r.shape, strides: r.strides, offset: r.offset }).toEqual({ shape: [1000, 2000], strides: [4000, -1], offset: 3999 });
  });
  it('advanced indexing gathers and scatters a million elements in one pass each', () => {
    const x = arange(1_000_000);
    const idx = arange(999_999, -1, -1);
    const t0 = performance.now();
    const r = getItem(x, [idx]) as NDArray;
    setItem(x, [idx], idx); // x[idx] = idx: a million scattered writes
    expect(performance.now() - t0).toBeLessThan(3000); // ~200 ms here
    expect([r.data[0], r.data[999_999], x.data[5]]).toEqual([999_999, 0, 5]);
  });
});

describe('indexing: the Python-call split', () => {
  it('a tuple is a multi-index, anything else one item', () => {
    expect(indexItems(new PyTuple([1, slice()]))).toEqual([1, slice()]);
    expect(indexItems([0, 1])).toEqual([[0, 1]]);
    expect(indexItems(null)).toEqual([null]);
  });
});

describe('indexing: the shape rule over symbolic dims', () => {
  const B = sym('B'), N = sym('N');
  const S = (start: number | null, stop: number | null, step: number | null = null): IndexSpec => ({ kind: 'slice', start, stop, step });
  const cases: [string, (number | ReturnType<typeof sym>)[], IndexSpec[], string][] = [
    ['full slices keep the dim', [B, 3], [S(null, null), { kind: 'int', value: 1 }], '[B]'],
    ['a reversed full slice keeps the dim', [B, 3], [S(null, null, -1)], '[B,3]'],
    ['ints on a symbolic dim skip the bound check', [B, 3], [{ kind: 'int', value: 100 }], '[3]'],
    ['newaxis and ellipsis', [B, N, 3], [{ kind: 'newaxis' }, { kind: 'ellipsis' }, { kind: 'int', value: 0 }], '[1,B,N]'],
    ['a partial slice of a symbol is a new opaque symbol', [B, 3], [S(1, null)], '[B[1:],3]'],
    ['advanced dims replace adjacent indices', [B, N, 4], [S(null, null), { kind: 'intArray', shape: [2, 5] }], '[B,2,5,4]'],
    ['advanced dims go first when split', [B, N, 4], [{ kind: 'intArray', shape: [7] }, S(null, null), { kind: 'int', value: 0 }], '[7,N]'],
    ['a mask with a known count', [B, 4], [{ kind: 'boolArray', shape: [B], count: N }], '[N,4]'],
    ['a full-shape mask', [B, 4], [{ kind: 'boolArray', shape: [B, 4], count: 9 }], '[9]'],
  ];
  const text = (s: readonly (number | { text: string })[]) => `[${s.map((d) => (typeof d === 'number' ? d : d.text)).join(',')}]`;
  for (const [name, shape, index, expected] of cases) {
    it(name, () => {
      const r = indexShape(shape, index);
      expect(r.ok && text(r.value)).toBe(expected);
    });
  }
  it('a mask dim provably different from the axis is an error; an unknown one is not', () => {
    expect(indexShape([B, 4], [{ kind: 'boolArray', shape: [3, 5] }])).toEqual({
      ok: false, error: { pyType: 'IndexError', message: 'boolean index did not match indexed array along dimension 1; dimension is 4 but corresponding boolean dimension is 5' },
    });
  });
  it('index arrays that cannot broadcast, whatever the array dims', () => {
    expect(indexShape([B, N], [{ kind: 'intArray', shape: [2] }, { kind: 'intArray', shape: [3] }])).toEqual({
      ok: false, error: { pyType: 'IndexError', message: 'shape mismatch: indexing arrays could not be broadcast together with shapes (2,) (3,) ' },
    });
  });
  it('assignment shapes: a symbolic value dim never clashes', () => {
    const plan = indexPlan([B, 3], [S(null, null)]);
    expect(plan.ok).toBe(true);
    if (plan.ok) {
      expect(assignShape(plan.value, [N, 3], 'array').ok).toBe(true);
      expect(assignShape(plan.value, [2, 4], 'array')).toEqual({
        ok: false, error: { pyType: 'ValueError', message: 'could not broadcast input array from shape (2,4) into shape (B,3)' },
      });
    }
  });
});
