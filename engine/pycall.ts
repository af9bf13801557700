// The engine's Python-call surface: NumPy's function and method names with NumPy's
// parameter names and positions, taking Python values (engine/core/pyvalues.ts). The
// interpreter binds `np.*` to this, and the differential tests call it with the same
// arguments NumPy got. Results follow NumPy's unwrapping: ufuncs, reductions and integer
// indexing give NpScalar for 0-d results; creation and manipulation keep 0-d arrays.

import { NDArray } from './core/ndarray';
import { NumpyError } from './core/errors';

export type PyArgs = readonly unknown[];
export type PyKwargs = Readonly<Record<string, unknown>>;

/** `np.<name>(*args, **kwargs)`. Throws NumpyError with NumPy's text on bad input. */
export function callFunction(name: string, args: PyArgs, kwargs: PyKwargs = {}): unknown {
  throw new NumpyError('NotImplementedError', `np.${name} is not implemented (${args.length}, ${Object.keys(kwargs).length})`);
}

/** `a.<name>(*args, **kwargs)`. */
export function callMethod(self: NDArray, name: string, args: PyArgs, kwargs: PyKwargs = {}): unknown {
  throw new NumpyError('NotImplementedError', `ndarray.${name} is not implemented (${self.ndim}, ${args.length}, ${Object.keys(kwargs).length})`);
}

/** `a.<name>` for attributes: shape, ndim, size, dtype, T, strides, itemsize, nbytes. */
export function getAttribute(self: NDArray, name: string): unknown {
  throw new NumpyError('NotImplementedError', `ndarray.${name} (${self.ndim})`);
}

/** `a[index]`. A PyTuple index is a multi-index; anything else is one index item. */
export function getItem(self: NDArray, index: unknown): unknown {
  throw new NumpyError('NotImplementedError', `getitem ${self.ndim} ${String(index)}`);
}

/** `a[index] = value` (writes through views). */
export function setItem(self: NDArray, index: unknown, value: unknown): void {
  throw new NumpyError('NotImplementedError', `setitem ${self.ndim} ${String(index)} ${String(value)}`);
}
