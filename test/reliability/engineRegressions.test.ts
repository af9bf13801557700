// Regression tests for engine bugs the differential fuzzer (fuzz.test.ts) found: one block per
// bug, the smallest input that showed it, called through engine/pycall.ts as the interpreter
// calls it. Expected values are NumPy 1.24.2's (run under /usr/bin/python3 when each was
// written; the expression is in each comment), never the engine's own output.

import { describe, expect, it } from 'vitest';
import * as py from '../../engine/pycall';
import { NDArray } from '../../engine/core/ndarray';
import { ELLIPSIS, PyTuple, Slice } from '../../engine/core/pyvalues';
import { NpScalar, PyFloat } from '../../engine/core/scalar';
import { NumpyError } from '../../engine/core/errors';

function arr(x: unknown): NDArray {
  expect(x).toBeInstanceOf(NDArray);
  return x as NDArray;
}

describe('empty non-contiguous arrays', () => {
  // np.zeros((3, 0, 4, 1), np.int8).T.ravel() → array([], dtype=int8), shape (0,); .reshape(2, 0, 3) → (2, 0, 3).
  // The engine looped forever: an empty array with non-C strides was not "contiguous", and the
  // no-copy reshape walked past the end of the new shape (NaN products never meet).
  it('ravel and reshape of an empty transposed array return (NumPy: empty arrays are contiguous)', () => {
    const t = arr(py.getAttribute(py.callFunction('zeros', [new PyTuple([3, 0, 4, 1])], { dtype: 'int8' }) as NDArray, 'T'));
    expect(t.isCContiguous && t.isFContiguous).toBe(true);
    const r = arr(py.callMethod(t, 'ravel', [], {}));
    expect([r.dtype, ...r.shape]).toEqual(['int8', 0]);
    expect([...arr(py.callMethod(t, 'reshape', [2, 0, 3], {})).shape]).toEqual([2, 0, 3]);
    expect([...arr(py.callMethod(t, 'reshape', [-1, 4], {})).shape]).toEqual([0, 4]);
  });
});

describe('no -0 in integer results', () => {
  // int64 is stored in doubles, so a JS -0 from an integer kernel survived and later became
  // -0.0 in a float cast. NumPy: np.array([0, 3, -5]) // np.array([-5, -5, 5]) → [0, -1, -1];
  // np.fmod([0, 3, -5], [-5, -5, 5]) → [0, 3, 0]; np.reciprocal(np.array([-3, 1, -1, 2])) → [0, 1, -1, 0];
  // and none of them has a sign bit after .astype(float).
  const a = () => py.callFunction('array', [[0, 3, -5]], { dtype: 'int64' }) as NDArray;
  const b = () => py.callFunction('array', [[-5, -5, 5]], { dtype: 'int64' }) as NDArray;
  const noNegZero = (x: unknown) => arr(x).toArray().every((v) => !Object.is(v, -0));
  it('floor_divide, fmod and reciprocal of int64', () => {
    const fd = arr(py.callFunction('floor_divide', [a(), b()], {}));
    expect(fd.toArray()).toEqual([0, -1, -1]);
    expect(noNegZero(fd)).toBe(true);
    const fm = arr(py.callFunction('fmod', [a(), b()], {}));
    expect(fm.toArray()).toEqual([0, 3, 0]);
    expect(noNegZero(fm)).toBe(true);
    const rc = arr(py.callFunction('reciprocal', [py.callFunction('array', [[-3, 1, -1, 2]], { dtype: 'int64' })], {}));
    expect(rc.toArray()).toEqual([0, 1, -1, 0]);
    expect(noNegZero(rc)).toBe(true);
  });
});

describe('integer reciprocal of 0', () => {
  // NumPy's integer reciprocal is C's `out = 1.0 / in`: 1/0 is inf, stored with the C cast
  // (x86: 0x80000000 truncated to the type). The engine gave 0 for every type.
  // NumPy: np.reciprocal(np.array([0, 1, -1], d)) → int8/int16 [0, 1, -1], int32 [-2147483648, 1, -1];
  // np.reciprocal(np.array([0, 1, 3], d)) → uint8/uint16/uint32 [0, 1, 0].
  it.each([
    ['int8', [0, 1, -1], [0, 1, -1]], ['int16', [0, 1, -1], [0, 1, -1]], ['int32', [0, 1, -1], [-2147483648, 1, -1]],
    ['uint8', [0, 1, 3], [0, 1, 0]], ['uint16', [0, 1, 3], [0, 1, 0]], ['uint32', [0, 1, 3], [0, 1, 0]],
  ] as const)('%s', (dtype, input, want) => {
    const r = arr(py.callFunction('reciprocal', [py.callFunction('array', [[...input]], { dtype })], {}));
    expect([r.dtype, ...r.toArray()]).toEqual([dtype, ...want]);
  });
});

describe('float32 deg2rad and rad2deg', () => {
  // NumPy's float32 loops multiply by float32 constants made from float32 pi (npymath's
  // 180.0f/NPY_PIf); the engine multiplied by the double constant, 1 ulp off for most inputs.
  // NumPy: np.rad2deg(np.array([7, -1, 0.3, 1e-3, 180, 737839], np.float32)) and np.deg2rad(...).
  const x = () => py.callFunction('array', [[7, -1, 0.3, 1e-3, 180, 737839]], { dtype: 'float32' }) as NDArray;
  it('rad2deg', () => {
    expect(arr(py.callFunction('rad2deg', [x()], {})).toArray()).toEqual([401.0704345703125, -57.2957763671875, 17.18873405456543, 0.0572957806289196, 10313.240234375, 42275060.0]);
  });
  it('deg2rad', () => {
    expect(arr(py.callFunction('deg2rad', [x()], {})).toArray()).toEqual([0.12217304855585098, -0.01745329238474369, 0.005235987715423107, 1.7453292457503267e-05, 3.1415927410125732, 12877.7197265625]);
  });
  it('int16 input computes in float32 too', () => {
    const r = arr(py.callFunction('rad2deg', [py.callFunction('array', [[7]], { dtype: 'int16' })], {}));
    expect([r.dtype, ...r.toArray()]).toEqual(['float32', 401.0704345703125]);
  });
});

describe('axis=0 and axis=-1 on 0-d arrays', () => {
  // NumPy lets a single axis 0/-1 through for 0-d input in ufunc reductions and squeeze, and
  // views 0-d input as 1-d in argmax/argmin/cumsum/cumprod; the engine raised AxisError.
  // NumPy, a = np.array(3.0):
  //   np.sum(a, axis=0) → 3.0; np.max(a, axis=-1, keepdims=True) → 3.0; np.sum(a, axis=(0,)) →
  //   AxisError "axis 0 is out of bounds for array of dimension 0"; np.mean(a, axis=0) → the same
  //   AxisError; np.argmax(a, axis=0) → 0 (int64); np.argmax(a, axis=1) → AxisError "axis 1 is out
  //   of bounds for array of dimension 1"; np.cumsum(a, axis=-1) → array([3.]); np.squeeze(a,
  //   axis=0) → array(3.), shape ().
  const a = () => py.callFunction('array', [new PyFloat(3)], {}) as NDArray;
  const err = (f: () => unknown) => { try { f(); } catch (e) { if (e instanceof NumpyError) return `${e.pyType}: ${e.message}`; throw e; } return 'no error'; };
  it('reductions', () => {
    expect(py.callFunction('sum', [a()], { axis: 0 })).toEqual(new NpScalar('float64', 3));
    expect(py.callFunction('max', [a()], { axis: -1, keepdims: true })).toEqual(new NpScalar('float64', 3));
    expect(err(() => py.callFunction('sum', [a()], { axis: new PyTuple([0]) }))).toBe('AxisError: axis 0 is out of bounds for array of dimension 0');
    expect(err(() => py.callFunction('mean', [a()], { axis: 0 }))).toBe('AxisError: axis 0 is out of bounds for array of dimension 0');
  });
  it('argmax and cumsum view it as 1-d', () => {
    expect(py.callFunction('argmax', [a()], { axis: 0 })).toEqual(new NpScalar('int64', 0));
    expect(err(() => py.callFunction('argmax', [a()], { axis: 1 }))).toBe('AxisError: axis 1 is out of bounds for array of dimension 1');
    const c = arr(py.callFunction('cumsum', [a()], { axis: -1 }));
    expect([c.dtype, ...c.shape, ...c.toArray()]).toEqual(['float64', 1, 3]);
  });
  it('squeeze', () => {
    expect([...arr(py.callFunction('squeeze', [a()], { axis: 0 })).shape]).toEqual([]);
    expect(err(() => py.callFunction('squeeze', [a()], { axis: new PyTuple([0]) }))).toBe('AxisError: axis 0 is out of bounds for array of dimension 0');
  });
});

describe('ufunc errors in NumPy\'s order', () => {
  // NumPy resolves the loop and checks out= casting before it broadcasts, and the integer
  // power loop raises only when it meets a negative exponent, after broadcasting (so an empty
  // result raises nothing). The engine checked the exponent first and casting last.
  const err = (f: () => unknown) => { try { f(); } catch (e) { if (e instanceof NumpyError) return `${e.pyType}: ${e.message}`; throw e; } return 'no error'; };
  it('in-place: the output casting error comes before the broadcast error', () => {
    // NumPy: a = np.arange(4)[::3]; a /= np.array([[-2], [-7], [8]]) → UFuncTypeError (a TypeError)
    const a = arr(py.getItem(arr(py.callFunction('arange', [4], {})), new Slice(null, null, 3)));
    const b = py.callFunction('array', [[[-2], [-7], [8]]], {});
    expect(err(() => py.callMethod(a, '__itruediv__', [b], {}))).toBe("TypeError: Cannot cast ufunc 'divide' output from dtype('float64') to dtype('int64') with casting rule 'same_kind'");
    // a read-only output is still reported first: np.broadcast_to(np.arange(3), (2, 3)) += 1.5
    const ro = arr(py.callFunction('broadcast_to', [py.callFunction('arange', [3], {}), new PyTuple([2, 3])], {}));
    expect(err(() => py.callMethod(ro, '__iadd__', [new PyFloat(1.5)], {}))).toBe('ValueError: output array is read-only');
  });
  it('integer power: broadcasting first, and no error when no element runs', () => {
    // NumPy: np.array([5, 7, 3], np.uint8) ** [0, -1, -5, -3, 26186] → the broadcast error
    const u = py.callFunction('array', [[5, 7, 3]], { dtype: 'uint8' }) as NDArray;
    expect(err(() => py.callMethod(u, '__pow__', [[0, -1, -5, -3, 26186]], {}))).toBe('ValueError: operands could not be broadcast together with shapes (3,) (5,) ');
    // NumPy: np.zeros((1, 0), np.uint16) ** -5 → array([], shape=(1, 0), dtype=int32)
    const e = arr(py.callMethod(py.callFunction('zeros', [new PyTuple([1, 0])], { dtype: 'uint16' }) as NDArray, '__pow__', [-5], {}));
    expect([e.dtype, ...e.shape]).toEqual(['int32', 1, 0]);
    // NumPy: np.array([2, 3]) ** np.array([1, -1]) → ValueError
    expect(err(() => py.callFunction('power', [py.callFunction('array', [[2, 3]], {}), py.callFunction('array', [[1, -1]], {})], {}))).toBe('ValueError: Integers to negative integer powers are not allowed.');
  });
});

describe('np.flip of a 0-d array with an axis', () => {
  // np.flip(np.array(5), 0) → AxisError "axis 0 is out of bounds for array of dimension 0"
  // (normalize_axis_tuple); without an axis it is m[()] → a scalar. The engine ignored the axis.
  const z = () => py.callFunction('array', [5], { dtype: 'int16' }) as NDArray;
  it('raises for any axis, returns the scalar without one', () => {
    let e: unknown;
    try { py.callFunction('flip', [z(), 0], {}); } catch (x) { e = x; }
    expect(e instanceof NumpyError && `${e.pyType}: ${e.message}`).toBe('AxisError: axis 0 is out of bounds for array of dimension 0');
    expect(py.callFunction('flip', [z()], {})).toEqual(new NpScalar('int16', 5));
  });
});

describe('a.reshape() with no shape', () => {
  // NumPy: np.ones(3).reshape() → TypeError "reshape() takes exactly 1 argument (0 given)";
  // the engine reshaped to () (and failed only for size != 1).
  it('is a TypeError', () => {
    let e: unknown;
    try { py.callMethod(py.callFunction('ones', [1], {}) as NDArray, 'reshape', [], {}); } catch (x) { e = x; }
    expect(e instanceof NumpyError && `${e.pyType}: ${e.message}`).toBe('TypeError: reshape() takes exactly 1 argument (0 given)');
    expect([...arr(py.callMethod(py.callFunction('ones', [1], {}) as NDArray, 'reshape', [new PyTuple([])], {})).shape]).toEqual([]);
  });
});

describe('ravel copies unless C-contiguous', () => {
  // NumPy's ravel (order C) returns a view only of a C-contiguous array and copies anything
  // else (PyArray_Ravel), even when reshape(-1) could be a view. The engine ravelled through
  // reshape, so writing into the result wrote into the original.
  // NumPy: a = np.arange(6, dtype=np.int32).reshape(2, 3)[::-1, ::2]; r = a.ravel(); r[...] = 7
  // leaves a unchanged ([[3, 5], [0, 2]]); np.ravel(a) copies too; a C-contiguous array's
  // ravel is a view (writes show through).
  const base = () => py.callMethod(py.callFunction('arange', [6], { dtype: 'int32' }) as NDArray, 'reshape', [2, 3], {}) as NDArray;
  it('a reversed, strided view is copied', () => {
    const a = arr(py.getItem(base(), new PyTuple([new Slice(null, null, -1), new Slice(null, null, 2)])));
    for (const r of [py.callMethod(a, 'ravel', [], {}), py.callFunction('ravel', [a], {})]) {
      py.setItem(arr(r), ELLIPSIS, 7);
      expect(a.toArray()).toEqual([3, 5, 0, 2]);
    }
  });
  it('a C-contiguous array gives a view', () => {
    const b = base();
    py.setItem(arr(py.callMethod(b, 'ravel', [], {})), ELLIPSIS, 7);
    expect(b.toArray()).toEqual([7, 7, 7, 7, 7, 7]);
  });
});
