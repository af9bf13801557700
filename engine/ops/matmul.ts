// Products of arrays: `@`/np.matmul, np.dot, inner, outer, vdot, tensordot, trace (and the
// diagonal view under it) and np.einsum. Shapes and errors come from engine/shape/matmul.ts
// and einsum.ts, the matrix kernel from engine/ops/linalg/gemm.ts; this file picks NumPy's
// dtypes (promote_types for matmul/dot/inner/vdot/tensordot, never value-based; einsum is
// value-based like a ufunc), walks batch dims and stores results. It returns arrays, 0-d
// included: engine/linalgPycall.ts turns 0-d results into NumPy scalars where NumPy does.

import { DType, dtypeInfo, promoteTypes, resultType, ScalarOperand, canCastSafe, canCastSameKind, TypedArray } from '../core/dtype';
import { cStrides, emptyArray, NDArray, sizeOf } from '../core/ndarray';
import { astype, copyInto, wrapInt } from '../core/cast';
import { coalesce, forEachRow } from '../core/iter';
import { typeError } from '../core/errors';
import { unwrap } from '../shape/result';
import {
  diagonalPlan, dotShape, gufuncShapes, MATMUL_SIGNATURE, TensordotAxes, tensordotPlan, vdotShape,
} from '../shape/matmul';
import { einsumPlan } from '../shape/einsum';
import { Accumulate, gemm, gemmFloat32 } from './linalg/gemm';
import { applyUfunc } from './ufunc';
import { checkedEmpty } from './creation';
import { reshape, swapaxes, transpose } from './manipulation';
import { sum } from './reduction';

// ---- the dtype-aware product of two strided matrices -----------------------------------------

const TWO53 = 2 ** 53;
let scratch = new Float64Array(0);

function scratchOf(n: number): Float64Array {
  if (scratch.length < n) scratch = new Float64Array(Math.max(n, scratch.length * 2));
  return scratch;
}

/** Largest |value| of an array (0 for empty); NaN never occurs in integer data. */
function maxAbs(a: NDArray): number {
  let m = 0;
  const D = a.data;
  const plan = coalesce(a.shape, [a.strides]);
  const nd = plan.shape.length, st = nd ? plan.strides[0][nd - 1] : 0;
  forEachRow(plan.shape, plan.strides, [a.offset], (n, [o]) => {
    for (let i = 0; i < n; i++, o += st) { const v = Math.abs(D[o]); if (v > m) m = v; }
  });
  return m;
}

/**
 * How integer products are computed. NumPy's C arithmetic wraps; exact sums wrapped at the
 * end are the same modulo 2**bits, so doubles do when no partial sum can reach 2**53 (checked
 * from the operands' largest |values|). Beyond that: Math.imul for ≤ 32-bit types, BigInt for
 * 64-bit ones. Bool products are NumPy's or-of-ands: a nonzero count.
 */
type IntMode = 'double' | 'imul' | 'bigint';

function intMode(dtype: DType, k: number, ...operands: readonly NDArray[]): IntMode {
  let bound = Math.max(k, 1);
  for (const a of operands) bound *= maxAbs(a);
  if (bound < TWO53) return 'double';
  return dtypeInfo(dtype).itemsize <= 4 ? 'imul' : 'bigint';
}

/** A product of two strided matrices into a strided output, in the result dtype's arithmetic. */
interface MatOperand { readonly data: TypedArray; readonly offset: number; readonly rs: number; readonly cs: number }

function productInto(
  dtype: DType, M: number, N: number, K: number, A: MatOperand, B: MatOperand,
  out: TypedArray, oOff: number, ldo: number, mode: IntMode,
): void {
  const kind = dtypeInfo(dtype).kind;
  if (kind === 'f' || mode === 'double') {
    const acc: Accumulate = dtype === 'float32' ? 'float32' : 'float64';
    if (dtype === 'float64' && out instanceof Float64Array) {
      gemm(M, N, K, A.data, A.offset, A.rs, A.cs, B.data, B.offset, B.rs, B.cs, out, oOff, ldo, acc);
      return;
    }
    if (dtype === 'float32' && out instanceof Float32Array) {
      gemmFloat32(M, N, K, A.data, A.offset, A.rs, A.cs, B.data, B.offset, B.rs, B.cs, out, oOff, ldo);
      return;
    }
    const C = scratchOf(M * N);
    gemm(M, N, K, A.data, A.offset, A.rs, A.cs, B.data, B.offset, B.rs, B.cs, C, 0, N, acc);
    for (let i = 0; i < M; i++) {
      const o = oOff + i * ldo, c = i * N;
      if (kind === 'f') for (let j = 0; j < N; j++) out[o + j] = C[c + j];
      else if (kind === 'b') for (let j = 0; j < N; j++) out[o + j] = C[c + j] !== 0 ? 1 : 0;
      else for (let j = 0; j < N; j++) out[o + j] = wrapInt(C[c + j], dtype);
    }
    return;
  }
  for (let i = 0; i < M; i++) {
    for (let j = 0; j < N; j++) {
      let a = A.offset + i * A.rs, b = B.offset + j * B.cs;
      let v: number;
      if (mode === 'imul') {
        let s = 0;
        for (let k = 0; k < K; k++, a += A.cs, b += B.rs) s = (s + Math.imul(A.data[a], B.data[b])) | 0;
        v = s;
      } else {
        let s = 0n;
        for (let k = 0; k < K; k++, a += A.cs, b += B.rs) s = BigInt.asIntN(64, s + BigInt(A.data[a]) * BigInt(B.data[b]));
        v = Number(s);
      }
      out[oOff + i * ldo + j] = wrapInt(v, dtype);
    }
  }
}

// ---- matmul --------------------------------------------------------------------------

/** Calls `fn(offsets)` for every index of a broadcast loop shape (C order). */
function forEachBatch(shape: readonly number[], strides: readonly (readonly number[])[], bases: readonly number[], fn: (offsets: number[]) => void): void {
  if (shape.some((d) => d === 0)) return;
  const nd = shape.length, cur = [...bases], idx = new Array<number>(nd).fill(0);
  for (;;) {
    fn(cur);
    let d = nd - 1;
    for (; d >= 0; d--) {
      idx[d]++;
      for (let k = 0; k < cur.length; k++) cur[k] += strides[k][d];
      if (idx[d] < shape[d]) break;
      for (let k = 0; k < cur.length; k++) cur[k] -= strides[k][d] * shape[d];
      idx[d] = 0;
    }
    if (d < 0) return;
  }
}

/** Strides of an operand's loop dims inside a broadcast loop shape (0 where broadcast). */
function loopStrides(a: NDArray, coreNdim: number, loopShape: readonly number[]): number[] {
  const n = a.ndim - coreNdim, off = loopShape.length - n;
  return loopShape.map((d, k) => (k < off || a.shape[k - off] === 1 ? 0 : a.strides[k - off]));
}

/**
 * `a @ b` (np.matmul) for arrays: 1-D operands are promoted to matrices and the added dim
 * dropped; batch dims broadcast; dtype is promote_types(a, b). Returns a 0-d array for 1-D @ 1-D.
 *
 *   matmul(ones([5, 2, 3]), ones([3, 4])).shape → [5, 2, 4]
 */
export function matmul(a: NDArray, b: NDArray): NDArray {
  const plan = unwrap(gufuncShapes('matmul', MATMUL_SIGNATURE, [a.shape, b.shape]));
  const dtype = promoteTypes(a.dtype, b.dtype);
  const out = checkedEmpty(plan.outShapes[0] as number[], dtype);
  const loopShape = plan.loopShape as number[];
  const n = plan.missing.has('n') ? 1 : plan.core.get('n') as number;
  const m = plan.missing.has('m') ? 1 : plan.core.get('m') as number;
  const k = plan.core.get('k') as number;
  if (out.size === 0) return out;
  const aCore = plan.inputCoreNdim[0], bCore = plan.inputCoreNdim[1];
  // core strides; a 1-D a is one row, a 1-D b one column
  const aRs = aCore === 2 ? a.strides[a.ndim - 2] : 0, aCs = a.strides[a.ndim - 1];
  const bRs = b.strides[b.ndim - bCore], bCs = bCore === 2 ? b.strides[b.ndim - 1] : 0;
  const mode: IntMode = dtypeInfo(dtype).kind === 'f' ? 'double' : intMode(dtype, k, a, b);
  const O = out.data;
  // b without batch dims: fold a's batch dims into its rows when they are evenly strided
  const aLoop = a.ndim - aCore;
  if (b.ndim - bCore === 0 && aLoop > 0 && aCore === 2) {
    const rows = coalesce([...a.shape.slice(0, aLoop), n], [[...a.strides.slice(0, aLoop), aRs]]);
    if (rows.shape.length <= 1) {
      const M = sizeOf(loopShape) * n;
      const rs = rows.shape.length === 1 ? rows.strides[0][0] : 0;
      productInto(dtype, M, m, k, { data: a.data, offset: a.offset, rs, cs: aCs }, { data: b.data, offset: b.offset, rs: bRs, cs: bCs }, O, 0, m, mode);
      return out;
    }
  }
  const sA = loopStrides(a, aCore, loopShape), sB = loopStrides(b, bCore, loopShape), sO = cStrides(loopShape).map((s) => s * n * m);
  forEachBatch(loopShape, [sA, sB, sO], [a.offset, b.offset, 0], ([oa, ob, oo]) => {
    productInto(dtype, n, m, k, { data: a.data, offset: oa, rs: aRs, cs: aCs }, { data: b.data, offset: ob, rs: bRs, cs: bCs }, O, oo, m, mode);
  });
  return out;
}

// ---- dot, inner, outer, vdot ------------------------------------------------------------

/** NumPy multiplies when dot/inner get a 0-d operand, after casting both to the common type. */
function scalarProduct(a: NDArray, b: NDArray, dtype: DType): NDArray {
  return applyUfunc('multiply', a.dtype === dtype ? a : astype(a, dtype), b.dtype === dtype ? b : astype(b, dtype));
}

/** An array's leading dims as rows of one stride (copying when they are not evenly strided). */
function asRows(a: NDArray): { a: NDArray; rs: number } {
  const lead = coalesce(a.shape.slice(0, -1), [a.strides.slice(0, -1)]);
  if (lead.shape.length <= 1) return { a, rs: lead.shape.length ? lead.strides[0][0] : 0 };
  const c = astype(a, a.dtype, 'C');
  return { a: c, rs: c.strides[c.ndim - 2] };
}

/**
 * `np.dot(a, b)`: sum over a's last axis and b's second-to-last (or only) axis; a 0-d
 * operand multiplies. dtype is promote_types (a Python int is int64: no value-based casting).
 *
 *   dot(ones([2, 3, 4]), ones([5, 4, 6])).shape → [2, 3, 5, 6]
 */
export function dot(a: NDArray, b: NDArray): NDArray {
  const dtype = promoteTypes(a.dtype, b.dtype);
  if (a.ndim === 0 || b.ndim === 0) return scalarProduct(a, b, dtype);
  const shape = unwrap(dotShape(a.shape, b.shape)) as number[];
  const out = checkedEmpty(shape, dtype);
  if (out.size === 0) return out;
  const K = a.shape[a.ndim - 1];
  const { a: a2, rs: aRs } = asRows(a);
  const P = sizeOf(a.shape.slice(0, -1));
  const aCs = a2.strides[a2.ndim - 1];
  const mode: IntMode = dtypeInfo(dtype).kind === 'f' ? 'double' : intMode(dtype, K, a, b);
  if (b.ndim === 1) {
    productInto(dtype, P, 1, K, { data: a2.data, offset: a2.offset, rs: aRs, cs: aCs }, { data: b.data, offset: b.offset, rs: b.strides[0], cs: 0 }, out.data, 0, 1, mode);
    return out;
  }
  const R = b.shape[b.ndim - 1], lead = b.shape.slice(0, -2), Q = sizeOf(lead);
  const bRs = b.strides[b.ndim - 2], bCs = b.strides[b.ndim - 1];
  forEachBatch(lead, [b.strides.slice(0, -2), cStrides(lead).map((s) => s * R)], [b.offset, 0], ([ob, oo]) => {
    productInto(dtype, P, R, K, { data: a2.data, offset: a2.offset, rs: aRs, cs: aCs }, { data: b.data, offset: ob, rs: bRs, cs: bCs }, out.data, oo, Q * R, mode);
  });
  return out;
}

/** `np.inner(a, b)`: sums over the last axes: `inner(ones([2, 3]), ones([5, 3])).shape` → [2, 5]. */
export function inner(a: NDArray, b: NDArray): NDArray {
  const dtype = promoteTypes(a.dtype, b.dtype);
  if (a.ndim === 0 || b.ndim === 0) return scalarProduct(a, b, dtype);
  return dot(a, b.ndim >= 2 ? swapaxes(b, -1, -2) : b);
}

/** `np.outer(a, b)`: `multiply(a.ravel()[:, None], b.ravel()[None, :])`. */
export function outer(a: NDArray, b: NDArray): NDArray {
  return applyUfunc('multiply', reshape(a, [a.size, 1]), reshape(b, [1, b.size]));
}

/** `np.vdot(a, b)`: both flattened (C order), one dot product; a 0-d result. */
export function vdot(a: NDArray, b: NDArray): NDArray {
  const dtype = promoteTypes(a.dtype, b.dtype);
  unwrap(vdotShape(a.shape, b.shape));
  const fa = reshape(a, [a.size]), fb = reshape(b, [b.size]);
  const out = emptyArray([], dtype);
  const mode: IntMode = dtypeInfo(dtype).kind === 'f' ? 'double' : intMode(dtype, a.size, a, b);
  productInto(dtype, 1, 1, a.size, { data: fa.data, offset: fa.offset, rs: 0, cs: fa.strides[0] ?? 0 }, { data: fb.data, offset: fb.offset, rs: fb.strides[0] ?? 0, cs: 0 }, out.data, 0, 1, mode);
  return out;
}

/**
 * `np.tensordot(a, b, axes)`, NumPy's algorithm: transpose the summed axes to the end of a
 * and the front of b, reshape both to matrices, np.dot, reshape. A full contraction gives a
 * 0-d array (NumPy returns an array here, not a scalar).
 *
 *   tensordot(ones([2, 3, 4]), ones([3, 4, 5]), 2).shape → [2, 5]
 */
export function tensordot(a: NDArray, b: NDArray, axes: TensordotAxes = 2): NDArray {
  const plan = unwrap(tensordotPlan(a.shape, b.shape, axes));
  const P = sizeOf(plan.freeA as number[]), Q = sizeOf(plan.freeB as number[]), S = plan.summed as number;
  const at = reshape(transpose(a, plan.permA), [P, S]);
  const bt = reshape(transpose(b, plan.permB), [S, Q]);
  return reshape(dot(at, bt), plan.shape as number[]);
}

// ---- diagonal and trace -----------------------------------------------------------------

/** `a.diagonal(offset, axis1, axis2)` as a read-only view (NumPy's is read-only too). */
export function diagonal(a: NDArray, offset = 0, axis1 = 0, axis2 = 1): NDArray {
  const plan = unwrap(diagonalPlan(a.shape, offset, axis1, axis2));
  const s1 = a.strides[plan.axis1], s2 = a.strides[plan.axis2];
  const length = plan.length as number;
  const start = length === 0 ? a.offset : a.offset + (offset >= 0 ? offset * s2 : -offset * s1);
  return a.view(plan.shape as number[], [...plan.kept.map((k) => a.strides[k]), s1 + s2], start, false);
}

/**
 * `np.trace(a, offset, axis1, axis2, dtype)`: the diagonal summed like `sum` (small ints
 * widen to int64/uint64, bool to int64).
 *
 *   trace(arange(24).reshape(2, 3, 4)).shape → [4]
 */
export function trace(a: NDArray, offset = 0, axis1 = 0, axis2 = 1, dtype?: DType): NDArray {
  const d = diagonal(a, offset, axis1, axis2);
  return sum(d, { axis: -1, dtype });
}

// ---- einsum --------------------------------------------------------------------------

export type Casting = 'no' | 'equiv' | 'safe' | 'same_kind' | 'unsafe';

export interface EinsumOptions {
  readonly dtype?: DType;
  readonly casting?: Casting;
}

function canCast(a: NDArray, to: DType, casting: Casting): boolean {
  switch (casting) {
    case 'unsafe': return true;
    case 'no': case 'equiv': return a.dtype === to;
    case 'same_kind': return canCastSameKind(a.dtype, to);
    case 'safe':
      // 0-d operands cast by value in NumPy 1.24 (np.einsum(',i', 3, x, dtype='int8') is fine)
      if (a.ndim === 0) return resultType([to], [{ value: a.data[a.offset], dtype: a.dtype }]) === to;
      return canCastSafe(a.dtype, to);
  }
}

/** The dtype einsum computes in: `dtype=` (checked against `casting`), else value-based result_type. */
function einsumDType(ops: readonly NDArray[], opts: EinsumOptions): DType {
  if (opts.dtype !== undefined) {
    const casting = opts.casting ?? 'safe';
    ops.forEach((a, i) => {
      if (!canCast(a, opts.dtype as DType, casting)) {
        throw typeError(`Iterator operand ${i} dtype could not be cast from dtype('${a.dtype}') to dtype('${opts.dtype}') according to the rule '${casting}'`);
      }
    });
    return opts.dtype;
  }
  const arrays = ops.filter((a) => a.ndim > 0).map((a) => a.dtype);
  const scalars: ScalarOperand[] = ops.filter((a) => a.ndim === 0).map((a) => ({ value: a.data[a.offset], dtype: a.dtype }));
  return resultType(arrays, scalars);
}

/**
 * `np.einsum(subscripts, *operands, dtype=, casting=)` (optimize=False semantics). One
 * operand with nothing summed returns a view, as NumPy does; otherwise a new array.
 *
 *   einsum('ij,jk->ik', [ones([2, 3]), ones([3, 4])]).shape → [2, 4]
 *   einsum('ii->i', [eye(3)]) → a view of the diagonal
 */
export function einsum(subscripts: string, ops: readonly NDArray[], opts: EinsumOptions = {}): NDArray {
  const plan = unwrap(einsumPlan(subscripts, ops.map((a) => a.shape)));
  if (plan.view) {
    const a = ops[0];
    const strides = plan.view.map((axes) => axes.reduce((s, ax) => s + a.strides[ax], 0));
    return a.view(plan.outShape as number[], strides, a.offset, a.writeable);
  }
  const dtype = einsumDType(ops, opts);
  const cast = ops.map((a) => (a.dtype === dtype ? a : astype(a, dtype)));
  const iterShape = plan.iterShape as number[];
  const out = checkedEmpty(plan.outShape as number[], dtype);
  if (sizeOf(iterShape) === 0) return out;
  const kind = dtypeInfo(dtype).kind;
  const nSummed = sizeOf(iterShape.slice(plan.outputNdim));
  const mode: IntMode = kind === 'f' ? 'double' : intMode(dtype, nSummed, ...cast);
  const outStrides = [...cStrides(plan.outShape as number[]), ...new Array<number>(iterShape.length - plan.outputNdim).fill(0)];
  const opStrides = plan.operands.map((o, k) => o.iterAxes.map((ax, i) => {
    if (ax < 0 || iterShape[i] === 1 || (o.combinedShape[ax] as number) === 1) return 0;
    return o.combined[ax].reduce((s, d) => s + cast[k].strides[d], 0);
  }));
  if (kind === 'f' && cast.length === 2 && einsumViaGemm(iterShape, plan.outputNdim, cast, opStrides, out)) return out;
  if (mode === 'bigint' || mode === 'imul') {
    einsumBigInt(iterShape, cast, opStrides, out, outStrides, dtype);
    return out;
  }
  const f64 = dtype === 'float64';
  const acc = f64 ? out.data as Float64Array : scratchOf(out.size).fill(0, 0, out.size);
  einsumLoop(iterShape, cast, opStrides, acc, outStrides, dtype === 'float32');
  if (!f64) {
    const O = out.data;
    if (kind === 'f') for (let i = 0; i < out.size; i++) O[i] = acc[i];
    else if (kind === 'b') for (let i = 0; i < out.size; i++) O[i] = acc[i] !== 0 ? 1 : 0;
    else for (let i = 0; i < out.size; i++) O[i] = wrapInt(acc[i], dtype);
  }
  return out;
}

/**
 * Two-operand float contractions where every label is a batch, free or summed label of
 * matrix products ('bij,bjk->bik', 'bhqd,bhkd->bhqk', 'ij,kj'): both operands are copied
 * into [batch, free, summed] order and multiplied with the GEMM kernel, then permuted into
 * the output. Returns false (and does nothing) for other patterns, e.g. a summed label
 * present in only one operand. NumPy's einsum sums in its own iterator order, so float
 * results agree to rounding, not bit for bit.
 */
function einsumViaGemm(shape: readonly number[], outNdim: number, ops: readonly NDArray[], opStrides: readonly (readonly number[])[], out: NDArray): boolean {
  const [A, B] = ops, [sa, sb] = opStrides;
  const batch: number[] = [], left: number[] = [], right: number[] = [], summed: number[] = [];
  for (let i = 0; i < shape.length; i++) {
    // opStrides is 0 where an operand lacks the label or broadcasts it; which one it is does not matter here
    const inA = sa[i] !== 0 || shape[i] === 1, inB = sb[i] !== 0 || shape[i] === 1;
    if (i < outNdim) (inA && inB ? batch : inA ? left : inB ? right : batch).push(i);
    else if (inA && inB) summed.push(i);
    else return false;
  }
  const prod = (dims: readonly number[]) => dims.reduce((p, d) => p * shape[d], 1);
  const nb = prod(batch), L = prod(left), R = prod(right), S = prod(summed);
  if (L * R * S < 4096) return false; // the generic loop is as fast for small products
  const gather = (a: NDArray, strides: readonly number[], dims: readonly number[]) =>
    astype(a.view(dims.map((d) => shape[d]), dims.map((d) => strides[d]), a.offset), a.dtype, 'C');
  const a2 = gather(A, sa, [...batch, ...left, ...summed]), b2 = gather(B, sb, [...batch, ...summed, ...right]);
  const tmpDims = [...batch, ...left, ...right];
  const tmp = emptyArray(tmpDims.map((d) => shape[d]), out.dtype);
  for (let k = 0; k < nb; k++) {
    productInto(out.dtype, L, R, S, { data: a2.data, offset: k * L * S, rs: S, cs: 1 }, { data: b2.data, offset: k * S * R, rs: R, cs: 1 },
      tmp.data, k * L * R, R, 'double');
  }
  const perm = Array.from({ length: outNdim }, (_, i) => tmpDims.indexOf(i));
  copyInto(out, tmp.view(perm.map((p) => tmp.shape[p]), perm.map((p) => tmp.strides[p]), 0));
  return true;
}

/** Sum of products over NumPy's iterator dims, last dim innermost; every output starts at 0. */
function einsumLoop(shape: readonly number[], ops: readonly NDArray[], opStrides: readonly (readonly number[])[], O: Float64Array, outStrides: readonly number[], f32: boolean): void {
  const nd = shape.length, nop = ops.length;
  const last = (s: readonly number[]) => (nd ? s[nd - 1] : 0);
  const so = last(outStrides);
  const fr = Math.fround;
  const D = ops.map((a) => a.data), S = opStrides.map(last);
  const strides = [outStrides, ...opStrides];
  forEachRow(nd ? shape : [], nd ? strides : strides.map(() => []), [0, ...ops.map((a) => a.offset)], (n, offs) => {
    let o = offs[0];
    if (nop === 1) {
      const A = D[0], sa = S[0];
      let p = offs[1];
      if (so === 0) {
        let acc = O[o];
        if (f32) for (let i = 0; i < n; i++, p += sa) acc = fr(acc + A[p]);
        else for (let i = 0; i < n; i++, p += sa) acc += A[p];
        O[o] = acc;
      } else if (f32) {
        for (let i = 0; i < n; i++, p += sa, o += so) O[o] = fr(O[o] + A[p]);
      } else {
        for (let i = 0; i < n; i++, p += sa, o += so) O[o] += A[p];
      }
      return;
    }
    if (nop === 2) {
      const A = D[0], B = D[1], sa = S[0], sb = S[1];
      let p = offs[1], q = offs[2];
      if (so === 0) {
        let acc = O[o];
        if (f32) for (let i = 0; i < n; i++, p += sa, q += sb) acc = fr(acc + fr(A[p] * B[q]));
        else for (let i = 0; i < n; i++, p += sa, q += sb) acc += A[p] * B[q];
        O[o] = acc;
      } else if (f32) {
        for (let i = 0; i < n; i++, p += sa, q += sb, o += so) O[o] = fr(O[o] + fr(A[p] * B[q]));
      } else {
        for (let i = 0; i < n; i++, p += sa, q += sb, o += so) O[o] += A[p] * B[q];
      }
      return;
    }
    const ptr = offs.slice(1);
    for (let i = 0; i < n; i++) {
      let prod = D[0][ptr[0]];
      for (let k = 1; k < nop; k++) prod = f32 ? fr(prod * D[k][ptr[k]]) : prod * D[k][ptr[k]];
      O[o] = f32 ? fr(O[o] + prod) : O[o] + prod;
      for (let k = 0; k < nop; k++) ptr[k] += S[k];
      o += so;
    }
  });
}

/** einsum for integer data whose sums may pass 2**53: C's wrapping arithmetic via BigInt. */
function einsumBigInt(shape: readonly number[], ops: readonly NDArray[], opStrides: readonly (readonly number[])[], out: NDArray, outStrides: readonly number[], dtype: DType): void {
  const nd = shape.length, nop = ops.length;
  const acc = new Array<bigint>(out.size).fill(0n);
  const bits = dtypeInfo(dtype).itemsize * 8;
  const last = (s: readonly number[]) => (nd ? s[nd - 1] : 0);
  const so = last(outStrides), S = opStrides.map(last);
  const strides = [outStrides, ...opStrides];
  forEachRow(nd ? shape : [], nd ? strides : strides.map(() => []), [0, ...ops.map((a) => a.offset)], (n, offs) => {
    const ptr = offs.slice(1);
    let o = offs[0];
    for (let i = 0; i < n; i++) {
      let prod = BigInt(ops[0].data[ptr[0]]);
      for (let k = 1; k < nop; k++) prod = BigInt.asIntN(bits, prod * BigInt(ops[k].data[ptr[k]]));
      acc[o] = BigInt.asIntN(bits, acc[o] + prod);
      for (let k = 0; k < nop; k++) ptr[k] += S[k];
      o += so;
    }
  });
  for (let i = 0; i < out.size; i++) out.data[i] = wrapInt(Number(acc[i]), dtype);
}

