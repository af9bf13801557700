// Python values as array operands, for the Python-call surfaces that must not import
// engine/pycall.ts (whose own conversion also reads torch tensors): linalgPycall.ts and
// arrayHelpersPycall.ts. Tuples count as lists, as in np.array.
import { NDArray } from './core/ndarray';
import { typeError } from './core/errors';
import { isPyScalar, NpScalar, Operand } from './core/scalar';
import { PyTuple } from './core/pyvalues';
import { asarray } from './ops/creation';

export type PyArgs = readonly unknown[];
export type PyKwargs = Readonly<Record<string, unknown>>;

export const isSeq = (x: unknown): x is readonly unknown[] | PyTuple => Array.isArray(x) || x instanceof PyTuple;
export const itemsOf = (x: readonly unknown[] | PyTuple): readonly unknown[] => (x instanceof PyTuple ? x.items : x);

/** Python value → Operand for np.array. */
export function toOperand(x: unknown): Operand | NpScalar {
  if (x instanceof NDArray || x instanceof NpScalar || isPyScalar(x)) return x;
  if (isSeq(x)) return itemsOf(x).map(toOperand) as Operand;
  if (x === null) throw typeError("unsupported operand type(s): 'NoneType'");
  throw typeError(`cannot convert ${String(x)} to an array`);
}

/** `np.asarray(x)` of a Python value. */
export function toArray(x: unknown): NDArray {
  return asarray(toOperand(x));
}
