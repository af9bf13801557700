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
