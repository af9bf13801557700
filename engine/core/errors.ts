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

/**
 * An allocation refused for lack of memory: NumPy's `_ArrayMemoryError` text. `bytes` lets the
 * torch facade's callers say torch's allocator text instead (`torchAllocErrorText`).
 */
export class ArrayMemoryError extends NumpyError {
  constructor(readonly bytes: number, readonly shape: readonly number[], readonly dtype: string) {
    super('MemoryError', `Unable to allocate ${formatBytes(bytes)} for an array with shape ${shapeTuple(shape)} and data type ${dtype}`);
  }
}

/** torch 1.13's CPU allocator failure (c10/core/impl/alloc_cpu.cpp), for the same refusal. */
export function torchAllocErrorText(bytes: number): string {
  return `[enforce fail at alloc_cpu.cpp:75] err == 0. DefaultCPUAllocator: can't allocate memory: you tried to allocate ${bytes} bytes. Error code 12 (Cannot allocate memory)`;
}

/** NumPy's `_ArrayMemoryError._size_to_string`: 3 significant digits, binary units. */
export function formatBytes(bytes: number): string {
  const units = ['bytes', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB', 'EiB'];
  let u = 0;
  // NumPy picks the unit so the value is < 1000 after rounding to 3 significant figures
  while (u < units.length - 1 && bytes >= 1024 ** (u + 1) * (1 - 0.05 / 1024)) u++;
  if (u === 0) return `${bytes} bytes`;
  const v = bytes / 1024 ** u;
  const digits = v < 10 ? 2 : v < 100 ? 1 : 0;
  return `${v.toFixed(digits)} ${units[u]}`;
}

/** A shape as Python prints a tuple of ints: `(3,)`, `(2, 3)`, `()`. */
function shapeTuple(shape: readonly number[]): string {
  return shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;
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
