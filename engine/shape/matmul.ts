// Shape rules of matrix products and np.linalg, pure over numeric or symbolic dims: the
// generalized-ufunc core-dimension rule (matmul's `(n?,k),(k,m?)->(n?,m?)`, solve's
// `(m,m),(m,n)->(m,n)`), dot/inner/outer/vdot/tensordot/trace, and the LinAlgError checks
// of np.linalg, each with NumPy 1.24's exact text and in NumPy's order of checks.
// Nothing here touches data: kernels live in engine/ops/matmul.ts and engine/ops/linalg/;
// einsum's rule is engine/shape/einsum.ts. A symbol never "provably" clashes with a number.

import { normalizeAxis } from './axes';
import { Dim, dimEq, dimText, isNum, Shape, shapeProduct, shapeTextCompact } from './dim';
import { transposeAxes } from './manipulation';
import { reshapeShape } from './reshape';
import { fail, ok, ShapeResult } from './result';

// ---- NumPy's shape texts -----------------------------------------------------------------

/**
 * NumPy's convert_shape_to_string: `null` is a "newaxis" dim; leading newaxes are dropped,
 * and the one-element form `(3,)` is used only when the whole list has one entry, so a
 * remapped `[newaxis, newaxis, 5]` prints as `(5)`.
 */
export function npyShapeString(vals: readonly (Dim | null)[]): string {
  let i = 0;
  while (i < vals.length && vals[i] === null) i++;
  if (i === vals.length) return '()';
  const parts = vals.slice(i).map((d) => (d === null ? 'newaxis' : dimText(d)));
  return vals.length === 1 ? `(${parts[0]},)` : `(${parts.join(',')})`;
}

/** The nditer's broadcast error for operands seen through op_axes (gufuncs, einsum). */
export function remappedBroadcastError(
  originals: readonly Shape[], remapped: readonly (readonly (Dim | null)[])[], requested?: readonly (Dim | null)[],
): string {
  const ops = originals.map((s, i) => `${npyShapeString(s)}->${npyShapeString(remapped[i])} `).join('');
  const tail = requested === undefined ? '' : ` and requested shape ${npyShapeString(requested)}`;
  return `operands could not be broadcast together with remapped shapes [original->remapped]: ${ops}${tail}`;
}

/** nditer's per-axis broadcast of operand dims (`null` = the operand lacks the axis). */
function broadcastAxis(dims: readonly (Dim | null)[]): Dim | undefined {
  let b: Dim = 1;
  for (const d of dims) {
    if (d === null || d === 1) continue;
    if (b === 1) { b = d; continue; }
    const eq = dimEq(d, b);
    if (eq === false) return undefined;
    if (eq === undefined && isNum(d)) b = d; // keep the concrete dim, never guess a clash
  }
  return b;
}

// ---- generalized ufuncs ------------------------------------------------------------------

export interface CoreDimRef {
  readonly name: string;
  /** `n?`: the dim may be missing (matmul's 1-D operands) */
  readonly optional: boolean;
}

export interface GufuncSignature {
  readonly text: string;
  readonly inputs: readonly (readonly CoreDimRef[])[];
  readonly outputs: readonly (readonly CoreDimRef[])[];
}

/** Parses `(n?,k),(k,m?)->(n?,m?)`. Signatures are our constants, so a bad one is a bug. */
export function parseGufuncSignature(text: string): GufuncSignature {
  const [ins, outs] = text.split('->');
  if (outs === undefined) throw new Error(`internal error: bad gufunc signature ${text}`);
  const parseList = (s: string): CoreDimRef[][] => {
    const groups = s.match(/\(([^)]*)\)/g) ?? [];
    return groups.map((g) => g.slice(1, -1).split(',').filter((x) => x.length > 0)
      .map((x) => ({ name: x.replace('?', ''), optional: x.endsWith('?') })));
  };
  return { text, inputs: parseList(ins), outputs: parseList(outs) };
}

export const MATMUL_SIGNATURE = parseGufuncSignature('(n?,k),(k,m?)->(n?,m?)');
export const SOLVE_SIGNATURE = parseGufuncSignature('(m,m),(m,n)->(m,n)');
export const SOLVE1_SIGNATURE = parseGufuncSignature('(m,m),(m)->(m)');

export interface GufuncPlan {
  /** the broadcast loop (batch) dims */
  readonly loopShape: Dim[];
  /** size of every core dim that is present; missing optional dims are absent */
  readonly core: ReadonlyMap<string, Dim>;
  /** optional core dims that were dropped because an operand had too few dims */
  readonly missing: ReadonlySet<string>;
  /** number of core dims each input actually has */
  readonly inputCoreNdim: readonly number[];
  readonly outShapes: Dim[][];
}

/**
 * NumPy's gufunc shape resolution, in its order: too few dims per operand (dropping
 * optional dims first), core dim sizes operand by operand, then broadcasting of the loop dims.
 *
 *   gufuncShapes('matmul', MATMUL_SIGNATURE, [[5, 2, 3], [3]]) → loop [5], out [[5, 2]]
 *   gufuncShapes('matmul', MATMUL_SIGNATURE, [[2, 3], [2, 3]]) → ValueError "matmul: Input
 *     operand 1 has a mismatch in its core dimension 0, with gufunc signature
 *     (n?,k),(k,m?)->(n?,m?) (size 2 is different from 3)"
 */
export function gufuncShapes(name: string, sig: GufuncSignature, shapes: readonly Shape[]): ShapeResult<GufuncPlan> {
  const missing = new Set<string>();
  const present = (dims: readonly CoreDimRef[]) => dims.filter((d) => !missing.has(d.name)).length;
  sig.inputs.forEach((dims, i) => {
    const nd = shapes[i].length;
    if (nd >= present(dims)) return;
    for (const d of dims) {
      if (d.optional && !missing.has(d.name)) {
        missing.add(d.name);
        if (nd === present(dims)) break;
      }
    }
  });
  for (let i = 0; i < sig.inputs.length; i++) {
    const nd = shapes[i].length, need = present(sig.inputs[i]);
    if (nd < need) {
      return fail('ValueError', `${name}: Input operand ${i} does not have enough dimensions (has ${nd}, gufunc core with signature ${sig.text} requires ${need})`);
    }
  }
  const inputCoreNdim = sig.inputs.map(present);
  const core = new Map<string, Dim>();
  for (let i = 0; i < sig.inputs.length; i++) {
    const s = shapes[i], start = s.length - inputCoreNdim[i];
    let delta = 0;
    for (let idim = 0; idim < sig.inputs[i].length; idim++) {
      const ref = sig.inputs[i][idim];
      let size: Dim;
      if (missing.has(ref.name)) { size = 1; delta++; } else size = s[start + idim - delta];
      const prev = core.get(ref.name);
      if (prev === undefined) { core.set(ref.name, size); continue; }
      const eq = dimEq(size, prev);
      if (eq === false) {
        return fail('ValueError', `${name}: Input operand ${i} has a mismatch in its core dimension ${idim - delta}, with gufunc signature ${sig.text} (size ${dimText(size)} is different from ${dimText(prev)})`);
      }
      if (eq === undefined && isNum(size)) core.set(ref.name, size);
    }
  }
  const loopNdim = Math.max(0, ...shapes.map((s, i) => s.length - inputCoreNdim[i]));
  const loopOf = (i: number): (Dim | null)[] => {
    const s = shapes[i], n = s.length - inputCoreNdim[i];
    return Array.from({ length: loopNdim }, (_, k) => (k >= loopNdim - n ? s[k - (loopNdim - n)] : null));
  };
  const outCore = sig.outputs.map((dims) => dims.filter((d) => !missing.has(d.name)).map((d) => core.get(d.name) as Dim));
  const loopShape: Dim[] = [];
  for (let k = 0; k < loopNdim; k++) {
    const b = broadcastAxis(shapes.map((_, i) => loopOf(i)[k]));
    if (b === undefined) {
      const nOutCore = outCore.reduce((p, o) => p + o.length, 0);
      const newaxes = new Array<null>(nOutCore).fill(null);
      const requested = [...new Array<null>(loopNdim).fill(null), ...outCore.flat()];
      return fail('ValueError', remappedBroadcastError(shapes, shapes.map((_, i) => [...loopOf(i), ...newaxes]), requested));
    }
    loopShape.push(b);
  }
  return ok({ loopShape, core, missing, inputCoreNdim, outShapes: outCore.map((c) => [...loopShape, ...c]) });
}

/**
 * `a @ b` / `np.matmul(a, b)`: 1-D operands get a 1 prepended (a) or appended (b) that is
 * dropped from the result; batch dims broadcast.
 *
 *   matmulShape([2, 1, 3, 4], [5, 4, 6]) → [2, 5, 3, 6];  matmulShape([4], [4]) → []
 */
export function matmulShape(a: Shape, b: Shape): ShapeResult<Dim[]> {
  const r = gufuncShapes('matmul', MATMUL_SIGNATURE, [a, b]);
  return r.ok ? ok(r.value.outShapes[0]) : r;
}

// ---- dot, inner, outer, vdot -------------------------------------------------------------

function notAligned(a: Shape, i: number, b: Shape, j: number): ShapeResult<never> {
  return fail('ValueError', `shapes ${shapeTextCompact(a)} and ${shapeTextCompact(b)} not aligned: ${dimText(a[i])} (dim ${i}) != ${dimText(b[j])} (dim ${j})`);
}

/** Broadcast of a 0-d operand against the other (NumPy multiplies then). */
function scalarProductShape(a: Shape, b: Shape): Dim[] {
  return [...(a.length === 0 ? b : a)];
}

/**
 * `np.dot(a, b)`: a 0-d operand multiplies; otherwise sums over a's last axis and b's
 * second-to-last (its only axis when 1-D).
 *
 *   dotShape([2, 3, 4], [5, 4, 6]) → [2, 3, 5, 6]
 *   dotShape([2, 3], [2, 3]) → ValueError "shapes (2,3) and (2,3) not aligned: 3 (dim 1) != 2 (dim 0)"
 */
export function dotShape(a: Shape, b: Shape): ShapeResult<Dim[]> {
  if (a.length === 0 || b.length === 0) return ok(scalarProductShape(a, b));
  const i = a.length - 1, j = Math.max(b.length - 2, 0);
  if (dimEq(a[i], b[j]) === false) return notAligned(a, i, b, j);
  return ok([...a.slice(0, -1), ...b.slice(0, j), ...b.slice(j + 1)]);
}

/** b with its last two axes swapped, as np.inner sees it (its error texts show that shape). */
export function innerSwappedShape(b: Shape): Dim[] {
  if (b.length < 2) return [...b];
  const s = [...b];
  [s[s.length - 2], s[s.length - 1]] = [s[s.length - 1], s[s.length - 2]];
  return s;
}

/**
 * `np.inner(a, b)`: sums over the last axes of both.
 *
 *   innerShape([2, 3, 4], [5, 4]) → [2, 3, 5]
 */
export function innerShape(a: Shape, b: Shape): ShapeResult<Dim[]> {
  if (a.length === 0 || b.length === 0) return ok(scalarProductShape(a, b));
  return dotShape(a, innerSwappedShape(b));
}

/** `np.outer(a, b)`: both raveled. `outerShape([2, 2], [3])` → [4, 3]. */
export function outerShape(a: Shape, b: Shape): ShapeResult<Dim[]> {
  return ok([shapeProduct(a), shapeProduct(b)]);
}

/** `np.vdot(a, b)`: b is reshaped to a's size. `vdotShape([2, 2], [3])` → "cannot reshape array of size 3 into shape (4,)". */
export function vdotShape(a: Shape, b: Shape): ShapeResult<Dim[]> {
  const r = reshapeShape(shapeProduct(b), [shapeProduct(a)]);
  return r.ok ? ok([]) : r;
}

// ---- tensordot -------------------------------------------------------------------------

/** `axes` of np.tensordot after Python's unpacking: an int N, or a pair of axis lists. */
export type TensordotAxes = number | readonly [readonly number[], readonly number[]];

export interface TensordotPlan {
  /** a's axes in the order a is transposed to before the product: free axes, then summed */
  readonly permA: number[];
  /** b's axes: summed axes, then free */
  readonly permB: number[];
  readonly freeA: Dim[];
  readonly freeB: Dim[];
  /** product of the summed dims */
  readonly summed: Dim;
  readonly shape: Dim[];
}

/** Python's `t[i]` on a shape tuple. */
function pyIndex(s: Shape, i: number): Dim | undefined {
  const k = i < 0 ? i + s.length : i;
  return k >= 0 && k < s.length ? s[k] : undefined;
}

/**
 * NumPy's tensordot (numeric.py), step by step: sum axes pair up, the pairs must have equal
 * dims ("shape-mismatch for sum"), then a's free axes precede b's.
 *
 *   tensordotPlan([2, 3, 4], [3, 4, 5], 2).shape → [2, 5]
 *   tensordotPlan([2, 3], [3, 5], 3) → IndexError "tuple index out of range"
 */
export function tensordotPlan(a: Shape, b: Shape, axes: TensordotAxes): ShapeResult<TensordotPlan> {
  let axesA: number[], axesB: number[];
  if (typeof axes === 'number') {
    axesA = []; axesB = [];
    for (let i = -axes; i < 0; i++) axesA.push(i);
    for (let i = 0; i < axes; i++) axesB.push(i);
  } else {
    axesA = [...axes[0]]; axesB = [...axes[1]];
  }
  const nda = a.length, ndb = b.length;
  let equal = axesA.length === axesB.length;
  if (equal) {
    for (let k = 0; k < axesA.length; k++) {
      const da = pyIndex(a, axesA[k]);
      if (da === undefined) return fail('IndexError', 'tuple index out of range');
      const db = pyIndex(b, axesB[k]);
      if (db === undefined) return fail('IndexError', 'tuple index out of range');
      if (dimEq(da, db) === false) { equal = false; break; }
      if (axesA[k] < 0) axesA[k] += nda;
      if (axesB[k] < 0) axesB[k] += ndb;
    }
  }
  if (!equal) return fail('ValueError', 'shape-mismatch for sum');
  const notinA = Array.from({ length: nda }, (_, k) => k).filter((k) => !axesA.includes(k));
  const notinB = Array.from({ length: ndb }, (_, k) => k).filter((k) => !axesB.includes(k));
  const permA = [...notinA, ...axesA], permB = [...axesB, ...notinB];
  const ta = transposeAxes(nda, permA);
  if (!ta.ok) return ta;
  const tb = transposeAxes(ndb, permB);
  if (!tb.ok) return tb;
  const freeA = notinA.map((k) => a[k]), freeB = notinB.map((k) => b[k]);
  return ok({ permA, permB, freeA, freeB, summed: shapeProduct(axesA.map((k) => a[k])), shape: [...freeA, ...freeB] });
}

// ---- trace / diagonal ------------------------------------------------------------------

export interface DiagonalPlan {
  readonly axis1: number;
  readonly axis2: number;
  /** the diagonal's length (after the offset) */
  readonly length: Dim;
  /** the kept axes, in order; the diagonal is appended as the last axis */
  readonly kept: number[];
  /** the shape of `a.diagonal(...)`; `np.trace` drops its last axis */
  readonly shape: Dim[];
}

/**
 * `a.diagonal(offset, axis1, axis2)` (and so `np.trace`), with PyArray_Diagonal's checks.
 *
 *   diagonalPlan([2, 3, 4], 0, 1, 2).shape → [2, 3];  diagonalPlan([3], 0, 0, 1) →
 *   ValueError "diag requires an array of at least two dimensions"
 */
export function diagonalPlan(shape: Shape, offset: number, axis1: number, axis2: number): ShapeResult<DiagonalPlan> {
  const nd = shape.length;
  if (nd < 2) return fail('ValueError', 'diag requires an array of at least two dimensions');
  const r1 = normalizeAxis(axis1, nd, 'axis1: ');
  if (!r1.ok) return r1;
  const r2 = normalizeAxis(axis2, nd, 'axis2: ');
  if (!r2.ok) return r2;
  if (r1.value === r2.value) return fail('ValueError', 'axis1 and axis2 cannot be the same');
  let d1 = shape[r1.value], d2 = shape[r2.value];
  let length: Dim;
  if (isNum(d1) && isNum(d2)) {
    if (offset >= 0) d2 -= Math.min(offset, d2); else d1 -= Math.min(-offset, d1);
    length = Math.min(d1, d2);
  } else {
    length = offset === 0 && dimEq(d1, d2) === true ? d1 : { kind: 'sym', text: `diag(${dimText(d1)},${dimText(d2)},${offset})`, coeff: 1, factors: [] };
  }
  const kept = Array.from({ length: nd }, (_, k) => k).filter((k) => k !== r1.value && k !== r2.value);
  return ok({ axis1: r1.value, axis2: r2.value, length, kept, shape: [...kept.map((k) => shape[k]), length] });
}

/** `np.trace(a, offset, axis1, axis2)`: the diagonal summed. `traceShape([2, 3, 4])` → [4]. */
export function traceShape(shape: Shape, offset = 0, axis1 = 0, axis2 = 1): ShapeResult<Dim[]> {
  const r = diagonalPlan(shape, offset, axis1, axis2);
  return r.ok ? ok(r.value.shape.slice(0, -1)) : r;
}

// ---- np.linalg -------------------------------------------------------------------------

const linAlgError = (message: string) => fail('LinAlgError', message);

/** `_assert_stacked_2d`: at least 2-D. */
export function checkStacked2d(shape: Shape): ShapeResult<true> {
  if (shape.length < 2) return linAlgError(`${shape.length}-dimensional array given. Array must be at least two-dimensional`);
  return ok(true);
}

/** `_assert_2d`: exactly 2-D (lstsq). */
export function check2d(shape: Shape): ShapeResult<true> {
  if (shape.length !== 2) return linAlgError(`${shape.length}-dimensional array given. Array must be two-dimensional`);
  return ok(true);
}

/** `_assert_stacked_2d` then `_assert_stacked_square`: inv, det, eig, eigh, cholesky, solve's a. */
export function checkSquareStack(shape: Shape): ShapeResult<{ batch: Dim[]; n: Dim }> {
  const r = checkStacked2d(shape);
  if (!r.ok) return r;
  const m = shape[shape.length - 2], n = shape[shape.length - 1];
  if (dimEq(m, n) === false) return linAlgError('Last 2 dimensions of the array must be square');
  return ok({ batch: shape.slice(0, -2), n: isNum(m) ? m : n });
}

/**
 * `np.linalg.solve(a, b)`: b is a stack of vectors when b.ndim == a.ndim - 1 (gufunc
 * solve1, `(m,m),(m)->(m)`), else of matrices (solve, `(m,m),(m,n)->(m,n)`).
 *
 *   solveShape([3, 2, 2], [3, 2]) → { vector: true, shape: [3, 2] }
 */
export function solveShape(a: Shape, b: Shape): ShapeResult<{ vector: boolean; shape: Dim[] }> {
  const r = checkSquareStack(a);
  if (!r.ok) return r;
  const vector = b.length === a.length - 1;
  const g = vector ? gufuncShapes('solve1', SOLVE1_SIGNATURE, [a, b]) : gufuncShapes('solve', SOLVE_SIGNATURE, [a, b]);
  return g.ok ? ok({ vector, shape: g.value.outShapes[0] }) : g;
}

export interface LstsqShapes { readonly x: Dim[]; readonly s: Dim[]; readonly vector: boolean; readonly m: Dim; readonly n: Dim; readonly k: Dim }

/** `np.linalg.lstsq(a, b)`: both 2-D after a 1-D b gets a column axis; rows must agree. */
export function lstsqShapes(a: Shape, b: Shape): ShapeResult<LstsqShapes> {
  const vector = b.length === 1;
  const b2: Shape = vector ? [b[0], 1] : b;
  for (const s of [a, b2]) {
    const r = check2d(s);
    if (!r.ok) return r;
  }
  const [m, n] = a, [m2, k] = b2;
  if (dimEq(m, m2) === false) return linAlgError('Incompatible dimensions');
  const minMN: Dim = isNum(m) && isNum(n) ? Math.min(m, n) : { kind: 'sym', text: `min(${dimText(m)},${dimText(n)})`, coeff: 1, factors: [] };
  return ok({ x: vector ? [n] : [n, k], s: [minMN], vector, m, n, k });
}

const minDim = (a: Dim, b: Dim): Dim => (isNum(a) && isNum(b) ? Math.min(a, b) : dimEq(a, b) === true ? a : { kind: 'sym', text: `min(${dimText(a)},${dimText(b)})`, coeff: 1, factors: [] });

/** `np.linalg.svd(a, full_matrices, compute_uv)`: [u, s, vh] or [s]. */
export function svdShapes(shape: Shape, fullMatrices = true, computeUv = true): ShapeResult<Dim[][]> {
  const r = checkStacked2d(shape);
  if (!r.ok) return r;
  const batch = shape.slice(0, -2), m = shape[shape.length - 2], n = shape[shape.length - 1], k = minDim(m, n);
  if (!computeUv) return ok([[...batch, k]]);
  return ok(fullMatrices ? [[...batch, m, m], [...batch, k], [...batch, n, n]] : [[...batch, m, k], [...batch, k], [...batch, k, n]]);
}

export type QrMode = 'reduced' | 'complete' | 'r' | 'raw';

/** `np.linalg.qr(a, mode)`: [q, r], [r] or raw [h, tau]. */
export function qrShapes(shape: Shape, mode: string): ShapeResult<{ mode: QrMode; shapes: Dim[][] }> {
  if (mode !== 'reduced' && mode !== 'complete' && mode !== 'r' && mode !== 'raw') {
    return fail('ValueError', `Unrecognized mode '${mode}'`);
  }
  const r = checkStacked2d(shape);
  if (!r.ok) return r;
  const batch = shape.slice(0, -2), m = shape[shape.length - 2], n = shape[shape.length - 1], k = minDim(m, n);
  switch (mode) {
    case 'reduced': return ok({ mode, shapes: [[...batch, m, k], [...batch, k, n]] });
    case 'complete': return ok({ mode, shapes: [[...batch, m, m], [...batch, m, n]] });
    case 'r': return ok({ mode, shapes: [[...batch, k, n]] });
    case 'raw': return ok({ mode, shapes: [[...batch, n, m], [...batch, k]] });
  }
}

/** Result shapes of the square-matrix functions: inv/cholesky → a's shape; det → batch; eig/eigh → [w, v]. */
export function squareFunctionShapes(fn: 'inv' | 'cholesky' | 'det' | 'eig' | 'eigh' | 'eigvals' | 'eigvalsh' | 'slogdet', shape: Shape): ShapeResult<Dim[][]> {
  const r = checkSquareStack(shape);
  if (!r.ok) return r;
  const { batch, n } = r.value;
  switch (fn) {
    case 'inv': case 'cholesky': return ok([[...batch, n, n]]);
    case 'det': return ok([batch]);
    case 'slogdet': return ok([batch, batch]);
    case 'eigvals': case 'eigvalsh': return ok([[...batch, n]]);
    case 'eig': case 'eigh': return ok([[...batch, n], [...batch, n, n]]);
  }
}

/** `np.linalg.pinv(a)`: the last two dims swapped. */
export function pinvShape(shape: Shape): ShapeResult<Dim[]> {
  const r = checkStacked2d(shape);
  if (!r.ok) return r;
  return ok([...shape.slice(0, -2), shape[shape.length - 1], shape[shape.length - 2]]);
}

/** The `ord` of np.linalg.norm: None, a number (±Infinity for ±inf) or 'fro'/'nuc'/'f'. */
export type NormOrd = null | number | string;

export interface NormPlan {
  /** vector norm over one axis, matrix norm over two, or NumPy's fast path over the raveled array */
  readonly kind: 'flat' | 'vector' | 'matrix';
  readonly axes: number[];
  readonly shape: Dim[];
}

/**
 * `np.linalg.norm(x, ord, axis, keepdims)`: which norm NumPy computes and its shape, with
 * linalg.py's checks in its order.
 *
 *   normPlan([3, 4], null, null, false) → flat, []
 *   normPlan([2, 3, 4], 2, null, false) → ValueError "Improper number of dimensions to norm."
 */
export function normPlan(shape: Shape, ord: NormOrd, axis: number | readonly number[] | null, keepdims: boolean): ShapeResult<NormPlan> {
  const nd = shape.length;
  if (axis === null && (ord === null || ((ord === 'f' || ord === 'fro') && nd === 2) || (ord === 2 && nd === 1))) {
    return ok({ kind: 'flat', axes: Array.from({ length: nd }, (_, k) => k), shape: keepdims ? new Array<Dim>(nd).fill(1) : [] });
  }
  const axes = axis === null ? Array.from({ length: nd }, (_, k) => k) : typeof axis === 'number' ? [axis] : [...axis];
  if (axes.length === 1) {
    if (typeof ord === 'string') return fail('ValueError', `Invalid norm order '${ord}' for vectors`);
    const r = normalizeAxis(axes[0], nd);
    if (!r.ok) return r;
    const ax = r.value;
    return ok({ kind: 'vector', axes: [ax], shape: shape.map((d, k) => (k === ax ? (keepdims ? 1 : null) : d)).filter((d): d is Dim => d !== null) });
  }
  if (axes.length === 2) {
    const r1 = normalizeAxis(axes[0], nd);
    if (!r1.ok) return r1;
    const r2 = normalizeAxis(axes[1], nd);
    if (!r2.ok) return r2;
    if (r1.value === r2.value) return fail('ValueError', 'Duplicate axes given.');
    const valid = ord === null || ord === 2 || ord === -2 || ord === 1 || ord === -1 || ord === Infinity || ord === -Infinity
      || ord === 'fro' || ord === 'f' || ord === 'nuc';
    if (!valid) return fail('ValueError', 'Invalid norm order for matrices.');
    const both = [r1.value, r2.value];
    return ok({ kind: 'matrix', axes: both, shape: shape.map((d, k) => (both.includes(k) ? (keepdims ? 1 : null) : d)).filter((d): d is Dim => d !== null) });
  }
  return fail('ValueError', 'Improper number of dimensions to norm.');
}
