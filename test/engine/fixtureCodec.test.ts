// Tests of the differential harness itself, without the engine's ops: argument decoding, input
// views against NumPy's own (codec/views.json), ulp distance, -0.0/NaN handling, the call
// dispatch (with a fake PyCallSurface) and, over every fixture case, that NumPy's answer
// rebuilt as engine values compares clean — so a failure in differential.test.ts is the engine's.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DType } from '../../engine/core/dtype';
import { NumpyError } from '../../engine/core/errors';
import { NDArray } from '../../engine/core/ndarray';
import { ELLIPSIS, PyTuple, Slice } from '../../engine/core/pyvalues';
import { NpScalar, PyFloat } from '../../engine/core/scalar';
import {
  CallSpec, compareElement, compareOutcome, comparePy, decodeArg, Expected, FIXTURE_DIR, Json, loadFixtureFiles,
  materializeExpected, parseTol, PyCallSurface, runCall, runOutcome, ulpDistance,
} from './fixtureCodec';

const ok = (value: unknown) => ({ ok: true as const, value });

function arr(dtype: DType, shape: number[], data: number[]): NDArray {
  const a = materializeExpected({ type: 'ndarray', dtype, shape, data, str: null, repr: null });
  if (!a.ok) throw new Error('unreachable');
  return a.value as NDArray;
}

describe('decodeArg', () => {
  it('keeps Python ints, floats, bools, None and strings apart', () => {
    expect(decodeArg(3)).toBe(3);
    expect(decodeArg(2.5)).toBe(2.5);
    expect(decodeArg({ float: 2 })).toEqual(new PyFloat(2));
    expect(decodeArg({ float: -0 })).toBeInstanceOf(PyFloat);
    expect(Object.is((decodeArg({ float: -0 }) as PyFloat).value, -0)).toBe(true);
    expect((decodeArg({ float: 'nan' }) as PyFloat).value).toBeNaN();
    expect((decodeArg({ float: '-inf' }) as PyFloat).value).toBe(-Infinity);
    expect(decodeArg(true)).toBe(true);
    expect(decodeArg(null)).toBeNull();
    expect(decodeArg('float32')).toBe('float32');
  });

  it('decodes tuples, lists, slices and Ellipsis', () => {
    const t = decodeArg({ tuple: [1, { slice: [null, -1, 2] }, { ellipsis: true }, null, [0, 2]] });
    expect(t).toBeInstanceOf(PyTuple);
    const items = (t as PyTuple).items;
    expect(items[0]).toBe(1);
    expect(items[1]).toEqual(new Slice(null, -1, 2));
    expect(items[2]).toBe(ELLIPSIS);
    expect(items[3]).toBeNull();
    expect(items[4]).toEqual([0, 2]);
    expect(decodeArg([{ tuple: [] }])).toEqual([new PyTuple([])]);
  });

  it('decodes NumPy scalars to NpScalar and 0-d "nd" to 0-d arrays', () => {
    expect(decodeArg({ npscalar: 1.5, dtype: 'float32' })).toEqual(new NpScalar('float32', 1.5));
    expect(decodeArg({ npscalar: true, dtype: 'bool' })).toEqual(new NpScalar('bool', 1));
    const z = decodeArg({ nd: 7, dtype: 'int16' }) as NDArray;
    expect(z.shape).toEqual([]);
    expect(z.toArray()).toEqual([7]);
  });

  it('builds C-contiguous arrays from nested lists, with special floats', () => {
    const a = decodeArg({ nd: [[1, 'nan'], [-0.0, '-inf']], dtype: 'float64' }) as NDArray;
    expect(a.dtype).toBe('float64');
    expect(a.shape).toEqual([2, 2]);
    expect(a.strides).toEqual([2, 1]);
    const v = a.toArray();
    expect(v[0]).toBe(1);
    expect(v[1]).toBeNaN();
    expect(Object.is(v[2], -0)).toBe(true);
    expect(v[3]).toBe(-Infinity);
    const b = decodeArg({ nd: [true, false], dtype: 'bool' }) as NDArray;
    expect(b.toArray()).toEqual([1, 0]);
  });

  it('takes the shape of size-0 arrays from "shape"', () => {
    const e = decodeArg({ nd: [], dtype: 'int32', shape: [2, 0, 3] }) as NDArray;
    expect(e.shape).toEqual([2, 0, 3]);
    expect((decodeArg({ nd: [], dtype: 'float64' }) as NDArray).shape).toEqual([0]);
  });

  it('rejects ragged data and unknown kinds (fixture bugs, not engine errors)', () => {
    expect(() => decodeArg({ nd: [[1], [2, 3]], dtype: 'int64' })).toThrow(/ragged/);
    expect(() => decodeArg({ nd: [1], dtype: 'float16' })).toThrow(/unknown dtype/);
    expect(() => decodeArg({ what: 1 })).toThrow(/unknown argument kind/);
  });

  it('builds views over the same buffer', () => {
    const t = decodeArg({ nd: [[0, 1, 2], [3, 4, 5]], dtype: 'int32', view: 'T' }) as NDArray;
    expect(t.shape).toEqual([3, 2]);
    expect(t.toArray()).toEqual([0, 3, 1, 4, 2, 5]);
    expect(t.base).not.toBeNull();
    const s = decodeArg({ nd: [[0, 1, 2], [3, 4, 5]], dtype: 'int32', view: { tuple: [{ ellipsis: true }, { slice: [null, null, -2] }] } }) as NDArray;
    expect(s.shape).toEqual([2, 2]);
    expect(s.toArray()).toEqual([2, 0, 5, 3]);
    const n = decodeArg({ nd: [1, 2, 3], dtype: 'uint8', view: { tuple: [null, { slice: [5, -10, -1] }] } }) as NDArray;
    expect(n.shape).toEqual([1, 3]);
    expect(n.toArray()).toEqual([3, 2, 1]);
  });
});

interface ViewFixture {
  readonly arg: Json;
  readonly dtype: string;
  readonly shape: number[];
  readonly strides: number[];
  readonly data: Json[];
}

describe('input views match NumPy (codec/views.json)', () => {
  const views = (JSON.parse(readFileSync(join(FIXTURE_DIR, 'codec', 'views.json'), 'utf8')) as { views: ViewFixture[] }).views;
  it('has views to check', () => expect(views.length).toBeGreaterThan(10));
  for (const v of views) {
    it(JSON.stringify((v.arg as { view: Json }).view) + ` of ${v.dtype}`, () => {
      const a = decodeArg(v.arg) as NDArray;
      expect(a.dtype).toBe(v.dtype);
      expect(a.shape).toEqual(v.shape);
      if (a.size > 0) expect(a.strides).toEqual(v.strides);
      const e: Expected = { type: 'ndarray', dtype: v.dtype, shape: v.shape, data: v.data as never, str: null, repr: null };
      expect(compareOutcome(e, ok(a))).toEqual([]);
    });
  }
});

describe('ulpDistance', () => {
  it('counts representable floats between two values', () => {
    expect(ulpDistance(1, 1, 'float64')).toBe(0);
    expect(ulpDistance(1, 1 + Number.EPSILON, 'float64')).toBe(1);
    expect(ulpDistance(1 + Number.EPSILON, 1, 'float64')).toBe(1);
    expect(ulpDistance(1, 1 + 2 ** -23, 'float32')).toBe(1);
    expect(ulpDistance(1, 1 + 2 ** -23, 'float64')).toBe(2 ** 29);
    expect(ulpDistance(Number.MIN_VALUE, -Number.MIN_VALUE, 'float64')).toBe(2);
    expect(ulpDistance(-1.5, -1.5 - Number.EPSILON, 'float64')).toBe(1);
    expect(ulpDistance(-1.5, -1.5 - 2 * Number.EPSILON, 'float64')).toBe(2);
  });

  it('puts -0.0 and 0.0 at distance 0', () => {
    expect(ulpDistance(-0, 0, 'float64')).toBe(0);
    expect(ulpDistance(-0, 0, 'float32')).toBe(0);
  });

  it('parses tolerances', () => {
    expect(parseTol(undefined)).toBe(0);
    expect(parseTol('ulp4')).toBe(4);
    expect(() => parseTol('1e-6')).toThrow();
  });
});

describe('compareElement', () => {
  it('tells -0.0 from 0.0 for floats, bit for bit', () => {
    expect(compareElement('float64', -0, -0)).toBeNull();
    expect(compareElement('float64', -0, 0)).toMatch(/expected -0.0, got 0/);
    expect(compareElement('float32', 0, -0)).toMatch(/expected 0, got -0.0/);
  });

  it('matches any NaN with NaN, and nothing else', () => {
    expect(compareElement('float64', 'nan', NaN)).toBeNull();
    expect(compareElement('float64', 'nan', 0)).not.toBeNull();
    expect(compareElement('float64', 1, NaN)).not.toBeNull();
    expect(compareElement('float64', 'inf', Infinity)).toBeNull();
    expect(compareElement('float64', '-inf', Infinity)).not.toBeNull();
  });

  it('allows N ulp only when asked, and only for finite floats', () => {
    const near = 0.1 + 2 * 2 ** -56;
    expect(ulpDistance(0.1, near, 'float64')).toBe(2);
    expect(compareElement('float64', 0.1, near)).toMatch(/2 ulp/);
    expect(compareElement('float64', 0.1, near, 4)).toBeNull();
    expect(compareElement('float64', 0.1, 0.1 + 2 ** -40, 4)).not.toBeNull();
    expect(compareElement('float64', 'inf', Number.MAX_VALUE, 4)).not.toBeNull();
    expect(compareElement('int32', 5, 6, 4)).not.toBeNull();
  });

  it('flags float32 results that are not float32 values', () => {
    expect(compareElement('float32', Math.fround(0.1), Math.fround(0.1))).toBeNull();
    expect(compareElement('float32', Math.fround(0.1), 0.1)).toMatch(/not a float32 value/);
  });

  it('compares ints and bools exactly, with -0 in an integer array flagged', () => {
    expect(compareElement('int64', 0, -0)).toMatch(/got -0.0/);
    expect(compareElement('uint8', 255, 255)).toBeNull();
    expect(compareElement('bool', true, 1)).toBeNull();
    expect(compareElement('bool', false, 1)).not.toBeNull();
  });
});

describe('compareOutcome', () => {
  const e2x2: Expected = { type: 'ndarray', dtype: 'int32', shape: [2, 2], data: [1, 2, 3, 4], str: '', repr: '' };

  it('accepts the same array and reads views in C order', () => {
    expect(compareOutcome(e2x2, ok(arr('int32', [2, 2], [1, 2, 3, 4])))).toEqual([]);
    const t = arr('int32', [2, 2], [1, 3, 2, 4]);
    const tv = t.view([2, 2], [1, 2], 0);
    expect(compareOutcome(e2x2, ok(tv))).toEqual([]);
  });

  it('reports dtype, shape and element differences', () => {
    expect(compareOutcome(e2x2, ok(arr('int64', [2, 2], [1, 2, 3, 4])))).toEqual(['result.dtype: expected int32, got int64']);
    expect(compareOutcome(e2x2, ok(arr('int32', [4], [1, 2, 3, 4])))).toEqual(['result.shape: expected (2, 2), got (4,)']);
    expect(compareOutcome(e2x2, ok(arr('int32', [2, 2], [1, 2, 3, 5])))).toEqual(['result.flat[3]: expected 4, got 5']);
  });

  it('wants an NpScalar, not a 0-d array or a number, for scalar results', () => {
    const e: Expected = { type: 'scalar', dtype: 'float64', value: 1.5, str: '1.5', repr: '1.5' };
    expect(compareOutcome(e, ok(new NpScalar('float64', 1.5)))).toEqual([]);
    expect(compareOutcome(e, ok(arr('float64', [], [1.5])))).toHaveLength(1);
    expect(compareOutcome(e, ok(1.5))).toHaveLength(1);
    expect(compareOutcome(e, ok(new NpScalar('float32', 1.5)))).toHaveLength(1);
  });

  it('compares errors by Python type and exact message', () => {
    const e: Expected = { type: 'error', pyType: 'AxisError', message: 'axis 2 is out of bounds for array of dimension 2' };
    expect(compareOutcome(e, { ok: false, error: new NumpyError('AxisError', e.message) })).toEqual([]);
    expect(compareOutcome(e, { ok: false, error: new NumpyError('ValueError', e.message) })).toHaveLength(1);
    expect(compareOutcome(e, { ok: false, error: new NumpyError('AxisError', 'axis 2 out of bounds') })).toHaveLength(1);
    expect(compareOutcome(e, ok(3))).toHaveLength(1);
    expect(compareOutcome(e2x2, { ok: false, error: new NumpyError('NotImplementedError', 'np.x') })).toHaveLength(1);
  });

  it('checks lists and tuples item by item', () => {
    const e: Expected = { type: 'tuple', items: [e2x2, { type: 'py', value: { float: 0.25 } }] };
    const a = arr('int32', [2, 2], [1, 2, 3, 4]);
    expect(compareOutcome(e, ok(new PyTuple([a, 0.25])))).toEqual([]);
    expect(compareOutcome(e, ok([a, 0.25]))).toHaveLength(1);
    expect(compareOutcome({ type: 'list', items: [e2x2] }, ok([a]))).toEqual([]);
  });
});

describe('comparePy', () => {
  it('keeps Python types apart', () => {
    expect(comparePy({ tuple: [2, 3] }, new PyTuple([2, 3]))).toBeNull();
    expect(comparePy({ tuple: [2, 3] }, [2, 3])).not.toBeNull();
    expect(comparePy(3, 3)).toBeNull();
    expect(comparePy(3, true)).not.toBeNull();
    expect(comparePy(true, 1)).not.toBeNull();
    expect(comparePy('float64', 'float64')).toBeNull();
    expect(comparePy({ float: 2 }, new PyFloat(2))).toBeNull();
    expect(comparePy({ float: 2 }, 2)).not.toBeNull();
    expect(comparePy({ float: 0.5 }, 0.5)).toBeNull();
    expect(comparePy(null, undefined)).not.toBeNull();
  });
});

describe('runCall', () => {
  /** Records calls; getItem hands back a view (or a scalar for an int index on 1-D). */
  function fake(): { py: PyCallSurface; log: string[] } {
    const log: string[] = [];
    const py: PyCallSurface = {
      callFunction: (name, args) => { log.push(`fn ${name} ${args.length}`); return 42; },
      callMethod: (self, name, args) => { log.push(`method ${name} ${self.shape} ${args.length}`); return self; },
      getAttribute: (self, name) => { log.push(`attr ${name}`); return self.ndim; },
      getItem: (self, index) => {
        log.push(`getitem ${self.shape}`);
        return typeof index === 'number' && self.ndim === 1 ? new NpScalar(self.dtype, self.at([index])) : self.view(self.shape, self.strides, self.offset);
      },
      setItem: (self, index) => { log.push(`setitem ${self.shape} ${String(index)}`); },
    };
    return { py, log };
  }
  const A: Json = { nd: [[1, 2], [3, 4]], dtype: 'int32' };

  it('dispatches functions, methods, attributes and getitem', () => {
    const { py, log } = fake();
    expect(runCall({ fn: 'add', args: [A, 1], kwargs: {} }, py)).toBe(42);
    runCall({ method: 'sum', self: A, args: [], kwargs: { axis: 0 } }, py);
    expect(runCall({ attr: 'ndim', self: A }, py)).toBe(2);
    runCall({ getitem: A, index: 0 }, py);
    expect(log).toEqual(['fn add 2', 'method sum 2,2 0', 'attr ndim', 'getitem 2,2']);
  });

  it('answers setitem and setitem_view with the target array', () => {
    const { py, log } = fake();
    const r = runCall({ setitem: A, index: 1, value: 0 }, py) as NDArray;
    expect(r.shape).toEqual([2, 2]);
    runCall({ setitem_view: A, view: { slice: [1, null, null] }, index: 0, value: 9 }, py);
    expect(log).toEqual(['setitem 2,2 1', 'getitem 2,2', 'setitem 2,2 0']);
  });

  it('runs augmented assignment as Python does', () => {
    const { py, log } = fake();
    runCall({ iop: '+=', self: A, index: null, value: 1 }, py);
    runCall({ iop: '//=', self: A, index: 0, value: 2 }, py);
    runCall({ iop: '*=', self: { nd: [1, 2], dtype: 'int8' }, index: 1, value: 2 }, py);
    expect(log).toEqual([
      'method __iadd__ 2,2 1',
      'getitem 2,2', 'method __ifloordiv__ 2,2 1', 'setitem 2,2 0',
      'getitem 2', 'fn multiply 2', 'setitem 2 1',
    ]);
  });

  it('turns NumpyError into an outcome and lets other exceptions through', () => {
    const { py } = fake();
    const failing: PyCallSurface = { ...py, callFunction: () => { throw new NumpyError('ValueError', 'bad'); } };
    expect(runOutcome({ fn: 'x', args: [], kwargs: {} }, failing)).toMatchObject({ ok: false });
    const buggy: PyCallSurface = { ...py, callFunction: () => { throw new TypeError('oops'); } };
    expect(() => runOutcome({ fn: 'x', args: [], kwargs: {} }, buggy)).toThrow('oops');
  });
});

describe('every fixture case', () => {
  const files = loadFixtureFiles();

  it('has every category, each with unique ids', () => {
    const categories = files.map((f) => f.category);
    for (const c of ['creation', 'dtypes', 'promotion', 'ufuncs', 'broadcast', 'reductions', 'manipulation', 'indexing',
      'assignment', 'printing']) expect(categories).toContain(c);
    for (const f of files) {
      expect(f.numpy).toMatch(/^1\.24\./);
      expect(new Set(f.cases.map((c) => c.id)).size).toBe(f.cases.length);
    }
  });

  /** Decodes the arguments only: PyCallSurface methods that return placeholders. */
  const decodeOnly: PyCallSurface = {
    callFunction: () => null, callMethod: () => null, getAttribute: () => null,
    getItem: (self) => self, setItem: () => undefined,
  };

  for (const f of files) {
    it(`${f.category}: arguments decode and NumPy's answer compares clean with itself`, () => {
      for (const c of f.cases) {
        const call: CallSpec = c.call;
        expect(() => runCall(call, decodeOnly), c.id).not.toThrow();
        const tol = parseTol(c.tol);
        expect(compareOutcome(c.expected, materializeExpected(c.expected), tol), c.id).toEqual([]);
      }
    });
  }

  it('catches a -0.0 that became 0.0 in real fixture data', () => {
    const withNegZero = files.flatMap((f) => f.cases).find(
      (c) => c.expected.type === 'ndarray' && c.expected.data?.some((x) => Object.is(x, -0)));
    expect(withNegZero).toBeDefined();
    const e = withNegZero!.expected as Extract<Expected, { type: 'ndarray' }>;
    const flipped = materializeExpected({ ...e, data: e.data!.map((x) => (Object.is(x, -0) ? 0 : x)) });
    expect(compareOutcome(e, flipped).join('\n')).toMatch(/expected -0.0, got 0/);
  });
});
