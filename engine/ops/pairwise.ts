// NumPy's pairwise summation (loops_utils.h.src) over one strided row, compiled per buffer
// class and float width: 8 accumulators for blocks up to 128, recursive halving above, and
// float32 rounding after every addition as NumPy's FLOAT loop does (so the same bits as
// NumPy's pairwise_sum); compiled so each
// loop sees one typed-array class, with a unit-stride loop taking 16 elements per iteration
// (each accumulator still adds its elements in order; offsets masked as kernels.ts's
// SMALL_INDEX_MASK explains). Does not do the 8192-element
// chunking of the outer loop: reduction.ts does.

import { TypedArray } from '../core/dtype';
import { SMALL_INDEX_LIMIT, SMALL_INDEX_MASK } from './kernels';

/** The pairwise sum of `n` elements `A[ao + i*as]`. */
export type PairwiseSum = (A: TypedArray, ao: number, n: number, as: number) => number;

function source(f32: boolean): string {
  const r = (x: string): string => (f32 ? `Math.fround(${x})` : `(${x})`);
  const adds = (o: (k: number) => string): string =>
    Array.from({ length: 8 }, (_, k) => `r${k} = ${r(`r${k} + A[${o(k)}]`)};`).join(' ');
  const first = (o: (k: number) => string): string =>
    Array.from({ length: 8 }, (_, k) => `r${k} = A[${o(k)}];`).join(' ');
  return `return function pairwise(A, ao, n, as) {
  if (n < 8) {
    let res = -0;
    for (let i = 0; i < n; i++) res = ${r('res + A[ao + i * as]')};
    return res;
  }
  if (n <= 128) {
    const m = n - (n % 8);
    let r0, r1, r2, r3, r4, r5, r6, r7, i = 8;
    if (as === 1) {
      ${first((k) => `ao + ${k}`)}
      if (A.length <= ${SMALL_INDEX_LIMIT}) {
        for (; i + 16 <= m; i += 16) {
          const o = (ao + i) & ${SMALL_INDEX_MASK};
          ${adds((k) => `o + ${k}`)}
          ${adds((k) => `o + ${k + 8}`)}
        }
      } else {
        for (; i + 16 <= m; i += 16) {
          const o = ao + i;
          ${adds((k) => `o + ${k}`)}
          ${adds((k) => `o + ${k + 8}`)}
        }
      }
      for (; i < m; i += 8) {
        const o = ao + i;
        ${adds((k) => `o + ${k}`)}
      }
    } else {
      ${first((k) => `ao + ${k} * as`)}
      for (; i < m; i += 8) {
        const o = ao + i * as;
        ${adds((k) => `o + ${k} * as`)}
      }
    }
    let res = ${r(`${r(`${r('r0 + r1')} + ${r('r2 + r3')}`)} + ${r(`${r('r4 + r5')} + ${r('r6 + r7')}`)}`)};
    for (; i < n; i++) res = ${r('res + A[ao + i * as]')};
    return res;
  }
  let n2 = Math.floor(n / 2);
  n2 -= n2 % 8;
  return ${r('pairwise(A, ao, n2, as) + pairwise(A, ao + n2 * as, n - n2, as)')};
};`;
}

const cache = new Map<string, PairwiseSum>();

/** The pairwise sum for this buffer's class (`f32`: round every addition to float32). */
export function pairwiseKernel(A: TypedArray, f32: boolean): PairwiseSum {
  const key = `${A.constructor.name}|${f32}`;
  let k = cache.get(key);
  if (!k) { k = new Function(source(f32))() as PairwiseSum; cache.set(key, k); }
  return k;
}
