// The result type every shape rule returns: a shape or a ShapeError with NumPy's exact text.
// The engine turns an error into a thrown NumpyError; the analyzer into a diagnostic.

import { NumpyError, PyErrorType } from '../core/errors';

export interface ShapeError {
  readonly pyType: PyErrorType;
  readonly message: string;
}

export type ShapeResult<T> = { ok: true; value: T } | { ok: false; error: ShapeError };

export const ok = <T>(value: T): ShapeResult<T> => ({ ok: true, value });
export const fail = <T = never>(pyType: PyErrorType, message: string): ShapeResult<T> =>
  ({ ok: false, error: { pyType, message } });

/** For the engine: the value, or NumPy's exception. */
export function unwrap<T>(r: ShapeResult<T>): T {
  if (r.ok) return r.value;
  throw new NumpyError(r.error.pyType, r.error.message);
}
