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

/**
 * Offsets masked with SMALL_INDEX_MASK let V8 prove that `o + j` (j a small constant) stays an
 * int32, so it drops the overflow check and sign extension it otherwise emits per element
 * (about a third of the instructions of a contiguous add or sum loop). Exact while every
 * buffer the loop indexes has at most SMALL_INDEX_LIMIT elements: the loops check that and
 * run unmasked otherwise.
 */
export const SMALL_INDEX_LIMIT = 2 ** 30;
export const SMALL_INDEX_MASK = '0x3fffffff';

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

/**
 * `contiguousLoop` with each block's offsets masked (SMALL_INDEX_MASK) when every buffer in
 * `arrays` is small enough, else the plain loop. `offsets` are the buffer offsets the
 * steps add `i` to (`ao`, `oo`, ...); a masked step reads `p${offset}` + j instead.
 */
function contiguousLoopMasked(arrays: readonly string[], offsets: readonly string[], step: (j: number, at: (o: string) => string) => string): string {
  const small = arrays.map((a) => `${a}.length <= ${SMALL_INDEX_LIMIT}`).join(' && ');
  const bases = offsets.map((o) => `p${o} = (${o} + i) & ${SMALL_INDEX_MASK}`).join(', ');
  const block = Array.from({ length: UNROLL }, (_, j) => `{ ${step(j, (o) => `p${o} + ${j}`)} }`).join('\n        ');
  return `if (${small}) {
      let i = 0;
      for (; i + ${UNROLL} <= n; i += ${UNROLL}) {
        const ${bases};
        ${block}
      }
      for (; i < n; i++) { ${step(0, (o) => `${o} + i`)} }
      return;
    }
    ${contiguousLoop((j) => step(j, (o) => `${o} + i + ${j}`))}`;
}

export function compileUnary(expr: string): UnaryRow {
  const body = `${HELPER_DECL}
return function unaryRow(n, A, ao, as, O, oo, os) {
  if (as === 1 && os === 1) {
    ${contiguousLoopMasked(['A', 'O'], ['ao', 'oo'], (_j, at) => `const a = A[${at('ao')}]; O[${at('oo')}] = ${expr};`)}
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
      ${contiguousLoopMasked(['A', 'B', 'O'], ['ao', 'bo', 'oo'], (_j, at) => `const a = A[${at('ao')}], b = B[${at('bo')}]; O[${at('oo')}] = ${expr};`)}
      return;
    }
    if (as === 1 && bs === 0) {
      const b = B[bo];
      ${contiguousLoopMasked(['A', 'O'], ['ao', 'oo'], (_j, at) => `const a = A[${at('ao')}]; O[${at('oo')}] = ${expr};`)}
      return;
    }
    if (as === 0 && bs === 1) {
      const a = A[ao];
      ${contiguousLoopMasked(['B', 'O'], ['bo', 'oo'], (_j, at) => `const b = B[${at('bo')}]; O[${at('oo')}] = ${expr};`)}
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
