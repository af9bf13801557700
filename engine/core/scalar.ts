// Python scalars as engine operands. A JS `number` that is an integer stands for a Python
// int, any other number for a Python float; `pyFloat(3)` spells the Python float `3.0`
// (JS cannot tell 3 from 3.0). NumPy scalars are 0-d NDArrays: NumPy treats both alike
// in promotion. This file only classifies; it creates no arrays.

import { DType } from './dtype';
import { NDArray } from './ndarray';

export class PyFloat {
  constructor(readonly value: number) {}
}

export const pyFloat = (v: number): PyFloat => new PyFloat(v);

/** Nested lists of scalars, as `np.array` takes them. */
export type NestedList = ReadonlyArray<number | boolean | PyFloat | NDArray | NestedList>;

export type Operand = NDArray | number | boolean | PyFloat | NestedList;

export type PyScalar = number | boolean | PyFloat;

export function isPyScalar(x: unknown): x is PyScalar {
  return typeof x === 'number' || typeof x === 'boolean' || x instanceof PyFloat;
}

/** The dtype NumPy gives a lone Python scalar. */
export function pyScalarDType(x: PyScalar): DType {
  if (typeof x === 'boolean') return 'bool';
  if (x instanceof PyFloat) return 'float64';
  return Number.isInteger(x) ? 'int64' : 'float64';
}

export function pyScalarValue(x: PyScalar): number {
  if (typeof x === 'boolean') return x ? 1 : 0;
  if (x instanceof PyFloat) return x.value;
  return x;
}

/** A NumPy scalar (`np.float64(1.5)`, what `a.sum()` or `a[0, 0]` returns). */
export class NpScalar {
  constructor(readonly dtype: DType, readonly value: number) {}
}
