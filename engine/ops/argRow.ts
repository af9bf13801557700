// The row kernel of np.argmax / np.argmin: the index of the first extreme element of a
// strided row (for floats the first NaN wins, as in NumPy's @TYPE@_argmax). Contiguous rows
// test 8 elements at a time against the best so far and rescan only a block that holds a
// new best or a NaN; the answer is the one a plain left-to-right scan gives. Compiled per
// (argmax/argmin, float or not) so each caller's loop sees one typed-array class.

import { TypedArray } from '../core/dtype';
import { SMALL_INDEX_LIMIT, SMALL_INDEX_MASK } from './kernels';

/** An arg-extreme row: the index of the first max (or min) of `n` elements at stride `as`. */
export type ArgRow = (n: number, A: TypedArray, ao: number, as: number) => number;

const BLOCK = 8;

/**
 * `cmp` is '>' for argmax and '<' for argmin. Floats test `!(v <= best)` (true for a larger v
 * or a NaN), so a NaN always reaches the scan that returns it; a block whose elements all
 * pass `v <= best` can hold neither a new best nor a NaN. The 8 loads share V8's reload of
 * the array's base and length, which made argmax over rows of 1000 ~2x faster.
 */
export function compileArgRow(cmp: '>' | '<', isFloat: boolean): ArgRow {
  const keep = cmp === '>' ? '<=' : '>=';
  const better = isFloat ? `!(v ${keep} best)` : `v ${cmp} best`;
  const take = (i: string): string => `${isFloat ? `if (v !== v) return ${i}; ` : ''}best = v; bi = ${i};`;
  const loads = Array.from({ length: BLOCK }, (_, j) => `v${j} = A[o + ${j}]`).join(', ');
  const allKept = Array.from({ length: BLOCK }, (_, j) => `v${j} ${keep} best`).join(' && ');
  // offsets masked when A is small enough (kernels.ts's SMALL_INDEX_MASK says why)
  const blocks = (masked: string): string => `if (A.length <= ${SMALL_INDEX_LIMIT}) {
      ${block(masked)}
    } else {
      ${block('ao + j')}
    }`;
  const block = (offset: string): string => `for (; j + ${BLOCK} <= n; j += ${BLOCK}) {
        const o = ${offset}, ${loads};
        if (${allKept}) continue;
        for (let q = j; q < j + ${BLOCK}; q++) { const v = A[ao + q]; if (${better}) { ${take('q')} } }
      }`;
  const body = `return function argRow(n, A, ao, as) {
  let best = A[ao], bi = 0;
  ${isFloat ? 'if (best !== best) return 0;' : ''}
  let j = 1;
  if (as === 1) {
    ${blocks(`(ao + j) & ${SMALL_INDEX_MASK}`)}
    for (; j < n; j++) { const v = A[ao + j]; if (${better}) { ${take('j')} } }
    return bi;
  }
  for (let o = ao + as; j < n; j++, o += as) { const v = A[o]; if (${better}) { ${take('j')} } }
  return bi;
};`;
  return new Function(body)() as ArgRow;
}
