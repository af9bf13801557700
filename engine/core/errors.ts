// The one error type the engine raises. It carries the Python exception class NumPy would
// raise (`pyType`) and NumPy's exact message, so the interpreter can re-raise it verbatim and
// the analyzer can show the same text. Internal bugs are plain `Error`s, never this.

export type PyErrorType =
  | 'ValueError' | 'TypeError' | 'IndexError' | 'AxisError' | 'ZeroDivisionError'
  | 'OverflowError' | 'MemoryError' | 'LinAlgError' | 'RuntimeError' | 'NotImplementedError' | 'KeyError'
  | 'AttributeError' | 'AssertionError';

/** What CPython prints before the message (`numpy.AxisError: …`). */
export const QUALIFIED_NAME: Record<PyErrorType, string> = {
  ValueError: 'ValueError', TypeError: 'TypeError', IndexError: 'IndexError',
  AxisError: 'numpy.AxisError', ZeroDivisionError: 'ZeroDivisionError', OverflowError: 'OverflowError',
  MemoryError: 'numpy.core._exceptions._ArrayMemoryError', LinAlgError: 'numpy.linalg.LinAlgError',
  RuntimeError: 'RuntimeError', NotImplementedError: 'NotImplementedError', KeyError: 'KeyError',
  AttributeError: 'AttributeError', AssertionError: 'AssertionError',
};

export class NumpyError extends Error {
  constructor(readonly pyType: PyErrorType, message: string) {
    super(message);
    this.name = pyType;
  }
}

export function valueError(msg: string): NumpyError { return new NumpyError('ValueError', msg); }
export function typeError(msg: string): NumpyError { return new NumpyError('TypeError', msg); }
export function indexError(msg: string): NumpyError { return new NumpyError('IndexError', msg); }

/** Internal invariant; the message is built lazily so hot paths pay nothing. */
export function assert(cond: unknown, message: () => string): asserts cond {
  if (!cond) throw new Error(`internal error: ${message()}`);
}

export function assertNever(x: never): never {
  throw new Error(`internal error: unexpected ${JSON.stringify(x)}`);
}
