// The Python-call surface of matrix products and np.linalg: `callMatmulFunction('dot', args,
// kwargs)` is `np.dot(*args, **kwargs)`, `callLinalg('inv', ...)` is `np.linalg.inv(...)`,
// taking Python values with NumPy's parameter names, CPython's binding errors and NumPy's
// result unwrapping (0-d results become NumPy scalars where NumPy returns scalars; tensordot
// keeps its 0-d array). It converts and dispatches only; computations live in
// engine/ops/matmul.ts and engine/ops/linalg/. It does not import engine/pycall.ts.

import { DType, parseDType } from './core/dtype';
import { NDArray, emptyArray } from './core/ndarray';
import { NumpyError, typeError, valueError } from './core/errors';
import { NpScalar, PyFloat } from './core/scalar';
import { ELLIPSIS, PyTuple } from './core/pyvalues';
import { unwrap } from './shape/result';
import { checkSquareStack, NormOrd, TensordotAxes } from './shape/matmul';
import { einsumSublistsToSubscripts, EinsumSublist } from './shape/einsum';
import * as P from './ops/matmul';
import * as L from './ops/linalg';
import { isSeq, itemsOf, PyArgs, PyKwargs, toArray } from './pyOperands';

export type { PyArgs, PyKwargs };

// ---- conversions from Python values ----------------------------------------------------

function pyTypeName(x: unknown): string {
  if (x instanceof PyFloat || (typeof x === 'number' && !Number.isInteger(x))) return 'float';
  if (typeof x === 'number') return 'int';
  if (x === null || x === undefined) return 'NoneType';
  if (x instanceof PyTuple) return 'tuple';
  if (Array.isArray(x)) return 'list';
  if (typeof x === 'string') return 'str';
  if (typeof x === 'boolean') return 'bool';
  if (x instanceof NDArray) return 'numpy.ndarray';
  if (x instanceof NpScalar) return `numpy.${x.dtype}`;
  return typeof x;
}

/** `operator.index(x)`: Python ints, bools and NumPy integer scalars. */
function toIndex(x: unknown, what?: () => NumpyError): number {
  if (typeof x === 'number' && Number.isInteger(x)) return x;
  if (typeof x === 'boolean') return x ? 1 : 0;
  if (x instanceof NpScalar && !x.dtype.startsWith('float')) return x.value;
  if (x instanceof NDArray && x.ndim === 0 && !x.dtype.startsWith('float')) return x.data[x.offset];
  throw what ? what() : typeError(`'${pyTypeName(x)}' object cannot be interpreted as an integer`);
}

/** Python truthiness of the values these functions take as flags. */
function toBool(x: unknown): boolean {
  if (x instanceof NpScalar) return x.value !== 0;
  if (x instanceof PyFloat) return x.value !== 0;
  if (x instanceof PyTuple) return x.items.length > 0;
  if (Array.isArray(x)) return x.length > 0;
  return Boolean(x);
}

function toNumber(x: unknown): number {
  if (typeof x === 'number') return x;
  if (typeof x === 'boolean') return x ? 1 : 0;
  if (x instanceof PyFloat || x instanceof NpScalar) return x.value;
  if (x instanceof NDArray && x.size === 1) return x.data[x.offset];
  throw typeError(`must be real number, not ${pyTypeName(x)}`);
}

function toDType(x: unknown): DType | undefined {
  if (x === null || x === undefined) return undefined;
  if (typeof x === 'string') {
    const d = parseDType(x);
    if (!d) throw typeError(`data type '${x}' not understood`);
    return d;
  }
  throw typeError(`Cannot interpret '${String(x)}' as a data type`);
}

function toStr(x: unknown, what: string): string {
  if (typeof x !== 'string') throw typeError(`${what} must be str, not ${pyTypeName(x)}`);
  return x;
}

/** 0-d results become NumPy scalars (PyArray_Return). */
function scalarize(a: NDArray): NDArray | NpScalar {
  return a.ndim === 0 ? new NpScalar(a.dtype, a.data[a.offset]) : a;
}

function notSupported(what: string): NumpyError {
  return new NumpyError('NotImplementedError', `${what} is not supported by Shape Lens`);
}

// ---- binding (CPython's rules and messages) --------------------------------------------

type Params = Record<string, unknown>;

interface Sig {
  readonly params: readonly string[];
  /** how many leading params have no default */
  readonly required: number;
  readonly impl: (p: Params) => unknown;
}

function listNames(names: readonly string[]): string {
  const q = names.map((n) => `'${n}'`);
  if (q.length === 1) return q[0];
  if (q.length === 2) return `${q[0]} and ${q[1]}`;
  return `${q.slice(0, -1).join(', ')}, and ${q[q.length - 1]}`;
}

/** Binds like a Python `def name(params...)`: keyword errors, then too many, then missing. */
function bind(name: string, sig: Sig, args: PyArgs, kwargs: PyKwargs): Params {
  const p: Params = {};
  const n = Math.min(args.length, sig.params.length);
  for (let i = 0; i < n; i++) p[sig.params[i]] = args[i];
  for (const [k, v] of Object.entries(kwargs)) {
    if (!sig.params.includes(k)) throw typeError(`${name}() got an unexpected keyword argument '${k}'`);
    if (k in p) throw typeError(`${name}() got multiple values for argument '${k}'`);
    p[k] = v;
  }
  if (args.length > sig.params.length) {
    const total = sig.params.length;
    const takes = sig.required === total ? `${total} positional argument${total === 1 ? '' : 's'}` : `from ${sig.required} to ${total} positional arguments`;
    throw typeError(`${name}() takes ${takes} but ${args.length} ${args.length === 1 ? 'was' : 'were'} given`);
  }
  const missing = sig.params.slice(0, sig.required).filter((k) => !(k in p));
  if (missing.length) {
    throw typeError(`${name}() missing ${missing.length} required positional argument${missing.length === 1 ? '' : 's'}: ${listNames(missing)}`);
  }
  return p;
}

const given = (x: unknown) => x !== undefined && x !== null;

// ---- np.matmul & co --------------------------------------------------------------------

const UFUNC_KWARGS = ['out', 'casting', 'order', 'dtype', 'subok', 'signature', 'extobj', 'axes', 'axis'];

/** np.matmul is a ufunc: its own binding texts, and ufunc keywords. */
function callMatmul(args: PyArgs, kwargs: PyKwargs): unknown {
  if (args.length < 2 || args.length > 3) {
    throw typeError(`matmul() takes from 2 to 3 positional arguments but ${args.length} were given`);
  }
  for (const k of Object.keys(kwargs)) {
    if (!UFUNC_KWARGS.includes(k)) throw typeError(`matmul() got an unexpected keyword argument '${k}'`);
  }
  const out = args.length === 3 ? args[2] : kwargs.out;
  if (given(out)) throw notSupported('np.matmul(..., out=...)');
  for (const k of ['dtype', 'signature', 'axes', 'axis']) if (given(kwargs[k])) throw notSupported(`np.matmul(..., ${k}=...)`);
  return scalarize(P.matmul(toArray(args[0]), toArray(args[1])));
}

/** `axes` of np.tensordot the way its Python code unpacks it. */
function tensordotAxes(x: unknown): TensordotAxes {
  if (!isSeq(x)) return toIndex(x);
  const items = itemsOf(x);
  if (items.length > 2) throw valueError('too many values to unpack (expected 2)');
  if (items.length < 2) throw valueError(`not enough values to unpack (expected 2, got ${items.length})`);
  const side = (s: unknown): number[] => {
    if (s instanceof NDArray && s.ndim > 0) return s.toArray().map((v) => toIndex(new NpScalar(s.dtype, v)));
    return isSeq(s) ? itemsOf(s).map((v) => toIndex(v)) : [toIndex(s)];
  };
  return [side(items[0]), side(items[1])];
}

/** np.einsum's two call forms → subscripts and operand arrays. */
function einsumArgs(args: PyArgs): { subscripts: string; ops: NDArray[] } {
  if (args.length < 1) {
    throw valueError('must specify the einstein sum subscripts string and at least one operand, or at least one operand and its corresponding subscripts list');
  }
  if (typeof args[0] === 'string') {
    if (args.length < 2) throw valueError('must specify the einstein sum subscripts string and at least one operand');
    return { subscripts: args[0], ops: args.slice(1).map(toArray) };
  }
  const nop = Math.floor(args.length / 2);
  if (nop === 0) throw valueError('must provide at least an operand and a subscripts list to einsum');
  const sublist = (x: unknown): EinsumSublist => {
    if (!isSeq(x)) throw typeError('the subscripts for each operand must be a list or a tuple');
    return itemsOf(x).map((v) => (v === ELLIPSIS ? null : toIndex(v, () => typeError('each subscript must be either an integer or an ellipsis'))));
  };
  const ops: NDArray[] = [], lists: EinsumSublist[] = [];
  for (let i = 0; i < nop; i++) {
    ops.push(toArray(args[2 * i]));
    lists.push(sublist(args[2 * i + 1]));
  }
  const output = args.length === 2 * nop + 1 ? sublist(args[2 * nop]) : undefined;
  return { subscripts: unwrap(einsumSublistsToSubscripts(lists, output)), ops };
}

const EINSUM_C_KWARGS = ['out', 'order', 'casting', 'dtype'];
const CASTINGS = ['no', 'equiv', 'safe', 'same_kind', 'unsafe'];

function callEinsum(args: PyArgs, kwargs: PyKwargs): unknown {
  const { out, optimize, ...rest } = kwargs;
  if (optimize !== undefined && toBool(optimize)) {
    const unknown = Object.keys(rest).filter((k) => !['dtype', 'order', 'casting'].includes(k));
    if (unknown.length) throw typeError(`Did not understand the following kwargs: [${unknown.map((k) => `'${k}'`).join(', ')}]`);
  }
  for (const k of Object.keys(rest)) {
    if (!EINSUM_C_KWARGS.includes(k)) throw typeError(`'${k}' is an invalid keyword for einsum`);
  }
  const { subscripts, ops } = einsumArgs(args);
  if (given(out)) throw notSupported('np.einsum(..., out=...)');
  let casting: P.Casting | undefined;
  if (rest.casting !== undefined) {
    const c = rest.casting;
    if (typeof c !== 'string' || !CASTINGS.includes(c)) {
      throw valueError(`casting must be one of 'no', 'equiv', 'safe', 'same_kind', or 'unsafe'`);
    }
    casting = c as P.Casting;
  }
  return scalarize(P.einsum(subscripts, ops, { dtype: toDType(rest.dtype), casting }));
}

function noOut(name: string, p: Params): void {
  if (given(p.out)) throw notSupported(`np.${name}(..., out=...)`);
}

const MATMUL_FUNCTIONS: Record<string, Sig> = {
  dot: { params: ['a', 'b', 'out'], required: 2, impl: (p) => { noOut('dot', p); return scalarize(P.dot(toArray(p.a), toArray(p.b))); } },
  inner: { params: ['a', 'b'], required: 2, impl: (p) => scalarize(P.inner(toArray(p.a), toArray(p.b))) },
  outer: { params: ['a', 'b', 'out'], required: 2, impl: (p) => { noOut('outer', p); return P.outer(toArray(p.a), toArray(p.b)); } },
  vdot: { params: ['a', 'b'], required: 2, impl: (p) => scalarize(P.vdot(toArray(p.a), toArray(p.b))) },
  tensordot: {
    params: ['a', 'b', 'axes'], required: 2,
    impl: (p) => {
      const axes = p.axes === undefined ? 2 : tensordotAxes(p.axes);
      return P.tensordot(toArray(p.a), toArray(p.b), axes);
    },
  },
  trace: {
    params: ['a', 'offset', 'axis1', 'axis2', 'dtype', 'out'], required: 1,
    impl: (p) => {
      noOut('trace', p);
      const int = (x: unknown, d: number) => (x === undefined ? d : toIndex(x));
      return scalarize(P.trace(toArray(p.a), int(p.offset, 0), int(p.axis1, 0), int(p.axis2, 1), toDType(p.dtype)));
    },
  },
};

/** The names callMatmulFunction answers. */
export const MATMUL_FUNCTION_NAMES: readonly string[] = ['matmul', 'einsum', ...Object.keys(MATMUL_FUNCTIONS)];

/**
 * `np.<name>(*args, **kwargs)` for matmul, dot, inner, outer, vdot, einsum, tensordot, trace.
 * `a @ b` is `callMatmulFunction('matmul', [a, b])`; `a.dot(b)` and `a.trace(...)` are
 * the function with `a` first.
 *
 *   callMatmulFunction('dot', [[1, 2], [3, 4]], {}) → NpScalar int64 11
 */
export function callMatmulFunction(name: string, args: PyArgs, kwargs: PyKwargs = {}): unknown {
  if (name === 'matmul') return callMatmul(args, kwargs);
  if (name === 'einsum') return callEinsum(args, kwargs);
  const sig = MATMUL_FUNCTIONS[name];
  if (!sig) throw new NumpyError('AttributeError', `module 'numpy' has no attribute '${name}'`);
  return sig.impl(bind(name, sig, args, kwargs));
}

// ---- np.linalg -------------------------------------------------------------------------

function toOrd(x: unknown): NormOrd {
  if (x === undefined || x === null) return null;
  if (typeof x === 'string') return x;
  return toNumber(x);
}

function toNormAxis(x: unknown): number | number[] | null {
  if (x === undefined || x === null) return null;
  if (x instanceof PyTuple) return x.items.map((v) => toIndex(v));
  return toIndex(x, () => typeError("'axis' must be None, an integer or a tuple of integers"));
}

/** `np.linalg.matrix_power(a, n)`, NumPy's binary decomposition over matmul. */
function matrixPower(a: NDArray, nArg: unknown): NDArray {
  unwrap(checkSquareStack(a.shape));
  let n = toIndex(nArg, () => typeError('exponent must be an integer'));
  if (n === 0) {
    const out = emptyArray(a.shape, a.dtype);
    const m = a.shape[a.ndim - 1];
    for (let b = 0; b < out.size / Math.max(m * m, 1); b++) for (let i = 0; i < m; i++) out.data[b * m * m + i * m + i] = 1;
    return out;
  }
  let x = a;
  if (n < 0) { x = L.inv(a); n = -n; }
  if (n === 1) return x;
  if (n === 2) return P.matmul(x, x);
  if (n === 3) return P.matmul(P.matmul(x, x), x);
  let z: NDArray | null = null, result: NDArray | null = null;
  while (n > 0) {
    z = z === null ? x : P.matmul(z, z);
    const bit = n % 2;
    n = Math.floor(n / 2);
    if (bit) result = result === null ? z : P.matmul(result, z);
  }
  return result as NDArray;
}

const tuple = (...items: unknown[]) => new PyTuple(items);

const LINALG_FUNCTIONS: Record<string, Sig> = {
  inv: { params: ['a'], required: 1, impl: (p) => L.inv(toArray(p.a)) },
  det: { params: ['a'], required: 1, impl: (p) => scalarize(L.det(toArray(p.a))) },
  slogdet: { params: ['a'], required: 1, impl: (p) => tuple(...L.slogdet(toArray(p.a)).map(scalarize)) },
  solve: { params: ['a', 'b'], required: 2, impl: (p) => L.solve(toArray(p.a), toArray(p.b)) },
  cholesky: { params: ['a'], required: 1, impl: (p) => L.cholesky(toArray(p.a)) },
  qr: {
    params: ['a', 'mode'], required: 1,
    impl: (p) => {
      const r = L.qr(toArray(p.a), p.mode === undefined ? 'reduced' : toStr(p.mode, 'mode'));
      return r.length === 1 ? r[0] : tuple(...r);
    },
  },
  svd: {
    params: ['a', 'full_matrices', 'compute_uv', 'hermitian'], required: 1,
    impl: (p) => {
      const r = L.svd(toArray(p.a), p.full_matrices === undefined ? true : toBool(p.full_matrices),
        p.compute_uv === undefined ? true : toBool(p.compute_uv), toBool(p.hermitian ?? false));
      return r.length === 1 ? r[0] : tuple(...r);
    },
  },
  eig: { params: ['a'], required: 1, impl: (p) => tuple(...L.eig(toArray(p.a))) },
  eigvals: { params: ['a'], required: 1, impl: (p) => L.eigvals(toArray(p.a)) },
  eigh: { params: ['a', 'UPLO'], required: 1, impl: (p) => tuple(...L.eigh(toArray(p.a), p.UPLO === undefined ? 'L' : toStr(p.UPLO, 'UPLO'))) },
  eigvalsh: { params: ['a', 'UPLO'], required: 1, impl: (p) => L.eigvalsh(toArray(p.a), p.UPLO === undefined ? 'L' : toStr(p.UPLO, 'UPLO')) },
  lstsq: {
    params: ['a', 'b', 'rcond'], required: 2,
    impl: (p) => {
      const rcond: L.Rcond = p.rcond === undefined || p.rcond === 'warn' ? 'warn' : p.rcond === null ? null : toNumber(p.rcond);
      const [x, res, rank, s] = L.lstsq(toArray(p.a), toArray(p.b), rcond);
      return tuple(x, res, rank, s);
    },
  },
  pinv: {
    params: ['a', 'rcond', 'hermitian'], required: 1,
    impl: (p) => L.pinv(toArray(p.a), toArray(p.rcond === undefined ? new PyFloat(1e-15) : p.rcond), toBool(p.hermitian ?? false)),
  },
  matrix_rank: {
    params: ['A', 'tol', 'hermitian'], required: 1,
    impl: (p) => {
      const r = L.matrixRank(toArray(p.A), given(p.tol) ? toArray(p.tol) : null, toBool(p.hermitian ?? false));
      return typeof r === 'number' ? r : scalarize(r);
    },
  },
  norm: {
    params: ['x', 'ord', 'axis', 'keepdims'], required: 1,
    impl: (p) => scalarize(L.norm(toArray(p.x), toOrd(p.ord), toNormAxis(p.axis), toBool(p.keepdims ?? false))),
  },
  matrix_power: { params: ['a', 'n'], required: 2, impl: (p) => matrixPower(toArray(p.a), p.n) },
};

/** The names callLinalg answers. */
export const LINALG_FUNCTION_NAMES: readonly string[] = Object.keys(LINALG_FUNCTIONS);

/**
 * `np.linalg.<name>(*args, **kwargs)`.
 *
 *   callLinalg('det', [[[1, 2], [3, 4]]], {}) → NpScalar float64 -2.0000000000000004
 *   callLinalg('inv', [[1, 2, 3]], {}) → LinAlgError "1-dimensional array given. Array must be at least two-dimensional"
 */
export function callLinalg(name: string, args: PyArgs, kwargs: PyKwargs = {}): unknown {
  const sig = LINALG_FUNCTIONS[name];
  if (!sig) throw new NumpyError('AttributeError', `module 'numpy.linalg' has no attribute '${name}'`);
  return sig.impl(bind(name, sig, args, kwargs));
}
