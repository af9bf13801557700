// Compiles the strided row loops of elementwise kernels. Like NumPy's generate_umath.py,
// each ufunc is a row of a table holding kernel expressions (`a + b`); this file turns an
// expression into a specialised loop once per (ufunc, dtypes) so that V8 sees monomorphic
// typed-array accesses and no per-element call. Only the fixed expression strings of the
// ufunc table are compiled here: no user text ever reaches `Function`.

import { TypedArray } from '../core/dtype';
import { KERNEL_HELPERS } from './kernelHelpers';

export type UnaryRow = (n: number, A: TypedArray, ao: number, as: number, O: TypedArray, oo: number, os: number) => void;
export type BinaryRow = (
  n: number, A: TypedArray, ao: number, as: number, B: TypedArray, bo: number, bs: number,
  O: TypedArray, oo: number, os: number) => void;

const HELPER_NAMES = Object.keys(KERNEL_HELPERS);
const HELPER_DECL = `const {${HELPER_NAMES.join(', ')}} = H;`;

/**
 * The contiguous loop, `step(j)` being element i + j's statement, unrolled UNROLL times:
 * V8 reloads each typed array's base and length on every iteration of a loop over typed
 * arrays it receives as arguments, and unrolling shares those loads (~1.5-2× for add).
 * Elements are still read and written one after another, in order.
 */
const UNROLL = 8;
function contiguousLoop(step: (j: number) => string): string {
  const block = Array.from({ length: UNROLL }, (_, j) => `{ ${step(j)} }`).join('\n      ');
  return `let i = 0;
    for (; i + ${UNROLL} <= n; i += ${UNROLL}) {
      ${block}
    }
    for (; i < n; i++) { ${step(0)} }`;
}

export function compileUnary(expr: string): UnaryRow {
  const body = `${HELPER_DECL}
return function unaryRow(n, A, ao, as, O, oo, os) {
  if (as === 1 && os === 1) {
    ${contiguousLoop((j) => `const a = A[ao + i + ${j}]; O[oo + i + ${j}] = ${expr};`)}
    return;
  }
  for (let i = 0; i < n; i++, ao += as, oo += os) { const a = A[ao]; O[oo] = ${expr}; }
};`;
  return new Function('H', body)(KERNEL_HELPERS) as UnaryRow;
}

export function compileBinary(expr: string): BinaryRow {
  const body = `${HELPER_DECL}
return function binaryRow(n, A, ao, as, B, bo, bs, O, oo, os) {
  if (os === 1) {
    if (as === 1 && bs === 1) {
      ${contiguousLoop((j) => `const a = A[ao + i + ${j}], b = B[bo + i + ${j}]; O[oo + i + ${j}] = ${expr};`)}
      return;
    }
    if (as === 1 && bs === 0) {
      const b = B[bo];
      for (let i = 0; i < n; i++) { const a = A[ao + i]; O[oo + i] = ${expr}; }
      return;
    }
    if (as === 0 && bs === 1) {
      const a = A[ao];
      for (let i = 0; i < n; i++) { const b = B[bo + i]; O[oo + i] = ${expr}; }
      return;
    }
  }
  for (let i = 0; i < n; i++, ao += as, bo += bs, oo += os) { const a = A[ao], b = B[bo]; O[oo] = ${expr}; }
};`;
  return new Function('H', body)(KERNEL_HELPERS) as BinaryRow;
}

/** A reduction row: folds `n` elements at stride `as` into `acc` (`expr` sees `acc` and `a`). */
export type ReduceRow = (n: number, A: TypedArray, ao: number, as: number, acc: number) => number;

export function compileReduce(expr: string): ReduceRow {
  const body = `${HELPER_DECL}
return function reduceRow(n, A, ao, as, acc) {
  for (let i = 0; i < n; i++, ao += as) { const a = A[ao]; acc = ${expr}; }
  return acc;
};`;
  return new Function('H', body)(KERNEL_HELPERS) as ReduceRow;
}

/**
 * NumPy's pairwise summation (loops_utils.h.src) over one row: 8 accumulators for blocks
 * up to 128, recursive halving above. `f32` rounds every addition to float32 as NumPy's
 * FLOAT loop does. This is why `np.sum` of floats differs from a naive loop in the last bits.
 */
export function pairwiseSum(A: TypedArray, ao: number, n: number, as: number, f32: boolean): number {
  const r = f32 ? Math.fround : (x: number) => x;
  if (n < 8) {
    let res = -0;
    for (let i = 0; i < n; i++) res = r(res + A[ao + i * as]);
    return res;
  }
  if (n <= 128) {
    let r0 = A[ao], r1 = A[ao + as], r2 = A[ao + 2 * as], r3 = A[ao + 3 * as];
    let r4 = A[ao + 4 * as], r5 = A[ao + 5 * as], r6 = A[ao + 6 * as], r7 = A[ao + 7 * as];
    const m = n - (n % 8);
    let i = 8;
    for (; i < m; i += 8) {
      const o = ao + i * as;
      r0 = r(r0 + A[o]); r1 = r(r1 + A[o + as]); r2 = r(r2 + A[o + 2 * as]); r3 = r(r3 + A[o + 3 * as]);
      r4 = r(r4 + A[o + 4 * as]); r5 = r(r5 + A[o + 5 * as]); r6 = r(r6 + A[o + 6 * as]); r7 = r(r7 + A[o + 7 * as]);
    }
    let res = r(r(r(r0 + r1) + r(r2 + r3)) + r(r(r4 + r5) + r(r6 + r7)));
    for (; i < n; i++) res = r(res + A[ao + i * as]);
    return res;
  }
  let n2 = Math.floor(n / 2);
  n2 -= n2 % 8;
  return r(pairwiseSum(A, ao, n2, as, f32) + pairwiseSum(A, ao + n2 * as, n - n2, as, f32));
}

/** An accumulation row: `D[d] = fold(D[d], A[a])` along a row (outer-axis reductions). */
export type AccumulateRow = (n: number, A: TypedArray, ao: number, as: number, D: TypedArray, d0: number, ds: number) => void;

export function compileAccumulate(expr: string): AccumulateRow {
  const body = `${HELPER_DECL}
return function accumulateRow(n, A, ao, as, D, d0, ds) {
  if (as === 1 && ds === 1) {
    for (let i = 0; i < n; i++) { const acc = D[d0 + i], a = A[ao + i]; D[d0 + i] = ${expr}; }
    return;
  }
  for (let i = 0; i < n; i++, ao += as, d0 += ds) { const acc = D[d0], a = A[ao]; D[d0] = ${expr}; }
};`;
  return new Function('H', body)(KERNEL_HELPERS) as AccumulateRow;
}

/**
 * `D[d] += (A[a] - M[d])**2` along a row, rounded as a float32 or float64 ufunc would store the
 * square and the reduction would add it: np.var's deviation and sum passes in one, for an
 * outer-axis reduction (M, the mean with kept dims, is laid out like D).
 */
export type SquaredDeviationRow = (n: number, A: TypedArray, ao: number, as: number, M: TypedArray, D: TypedArray, d0: number, ds: number) => void;

export function compileSquaredDeviationRow(f32: boolean): SquaredDeviationRow {
  const step = f32
    ? 'const x = Math.fround(A[ao + i * as] - M[d]), sq = Math.fround(x * x); D[d] = Math.fround(D[d] + sq);'
    : 'const x = A[ao + i * as] - M[d]; D[d] = D[d] + x * x;';
  const body = `return function squaredDeviationRow(n, A, ao, as, M, D, d0, ds) {
  if (as === 1 && ds === 1) {
    for (let i = 0; i < n; i++) { const d = d0 + i; ${step.replace('A[ao + i * as]', 'A[ao + i]')} }
    return;
  }
  for (let i = 0; i < n; i++) { const d = d0 + i * ds; ${step} }
};`;
  return new Function(body)() as SquaredDeviationRow;
}

/** An arg-extreme row: the index of the first max (or min) of `n` elements at stride `as`. */
export type ArgRow = (n: number, A: TypedArray, ao: number, as: number) => number;

/**
 * `cmp` is '>' for argmax and '<' for argmin. `isFloat`: the first NaN wins, as in NumPy's
 * @TYPE@_argmax. Floats test `!(v <= best)` (true for a larger v or a NaN) so the common
 * element costs one branch; the contiguous loop is separate because V8 checks `A[ao + i]`
 * more cheaply than a strided offset.
 */
export function compileArgRow(cmp: '>' | '<', isFloat: boolean): ArgRow {
  const better = isFloat ? `!(v ${cmp === '>' ? '<=' : '>='} best)` : `v ${cmp} best`;
  const take = `${isFloat ? 'if (v !== v) return i; ' : ''}best = v; bi = i;`;
  const body = `return function argRow(n, A, ao, as) {
  let best = A[ao], bi = 0;
  ${isFloat ? 'if (best !== best) return 0;' : ''}
  if (as === 1) {
    for (let i = 1; i < n; i++) { const v = A[ao + i]; if (${better}) { ${take} } }
    return bi;
  }
  for (let i = 1, o = ao + as; i < n; i++, o += as) { const v = A[o]; if (${better}) { ${take} } }
  return bi;
};`;
  return new Function(body)() as ArgRow;
}
