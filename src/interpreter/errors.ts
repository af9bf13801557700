// Python exceptions inside the interpreter: `PyRaise` is the JS throwable that carries a
// Python exception instance through the evaluator; `Interrupt` carries the limits user code
// cannot catch (time, output, cancellation). Also the conversion of engine errors
// (NumpyError) and JS stack overflows into Python exceptions. No printing here (traceback.ts).

import { NumpyError } from '../../engine/core/errors';
import { EXC, PyClass, PyInstance, Value } from './values';

/** Thrown to raise a Python exception. Not an Error subclass: raising costs no JS stack capture. */
export class PyRaise {
  constructor(readonly exc: PyInstance) {}
}

export type InterruptKind = 'timeout' | 'cancelled' | 'output';

/**
 * A limit was hit: unwinds the whole program without running `except`/`finally` blocks.
 * Printed as a Python exception (`TimeoutError: …`) with the frames it unwound through.
 */
export class Interrupt {
  readonly exc: PyInstance;
  constructor(readonly kind: InterruptKind, message: string) {
    const cls = kind === 'cancelled' ? EXC.KeyboardInterrupt : kind === 'timeout' ? EXC.TimeoutError : EXC.RuntimeError;
    this.exc = newException(cls, message === '' ? [] : [message]);
  }
}

const STACK_OVERFLOW = (): PyRaise => pyError('RecursionError', 'maximum recursion depth exceeded');

export function newException(cls: PyClass, args: Value[]): PyInstance {
  const inst = new PyInstance(cls);
  inst.exc = { args, traceback: [], lastFrame: null, context: null, cause: null, suppressContext: false };
  return inst;
}

/** `throw pyError('TypeError', "…")`. */
export function pyError(name: string, message?: string): PyRaise {
  const cls = EXC[name];
  if (!cls) throw new Error(`internal error: unknown exception ${name}`);
  return new PyRaise(newException(cls, message === undefined ? [] : [message]));
}

export function keyError(key: Value): PyRaise {
  return new PyRaise(newException(EXC.KeyError, [key]));
}

const NUMPY_CLASS: Record<string, string> = {
  AxisError: 'AxisError', MemoryError: '_ArrayMemoryError', LinAlgError: 'LinAlgError',
};

/** Any JS exception thrown while evaluating → a PyRaise (or the Interrupt itself). */
export function toPyRaise(e: unknown): PyRaise | Interrupt {
  if (e instanceof PyRaise || e instanceof Interrupt) return e;
  if (e instanceof NumpyError) {
    const name = NUMPY_CLASS[e.pyType] ?? e.pyType;
    if (name === 'KeyError') return keyError(e.message);
    return pyError(EXC[name] ? name : 'RuntimeError', e.message);
  }
  if (e instanceof RangeError) {
    // no regular expressions here: this runs where the JS stack may be exhausted
    const m = e.message;
    if (m.indexOf('call stack') >= 0) return STACK_OVERFLOW();
    if (m.indexOf('length') >= 0 || m.indexOf('BigInt') >= 0 || m.indexOf('allocation') >= 0) return pyError('MemoryError');
  }
  const msg = e instanceof Error ? e.message : String(e);
  return pyError('SystemError', `internal interpreter error: ${msg}`);
}

EXC.SystemError ??= new PyClass('SystemError', [EXC.Exception]);
