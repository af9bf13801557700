// Kernels of outer-axis reductions (sum/max/... over axes other than the innermost memory
// axis, e.g. sum(axis=0) of a C-contiguous matrix), where NumPy folds each input row into
// the whole output row in turn: out[j] = op(out[j], x[i, j]). These fold up to ROWS input rows
// per pass over the output, keeping out[j] in a local between them: per element the same
// operations in the same order (so the same bits), with one load and store of out[j] per
// ROWS rows instead of per row. They do not choose the loop order; reduction.ts does.

import { TypedArray } from '../core/dtype';
import { SMALL_INDEX_LIMIT, SMALL_INDEX_MASK } from './kernels';

/** Input rows folded per pass over the output row. */
export const ROWS = 8;

/**
 * Folds `m` (1..ROWS) input rows into an output row of `n` elements: for r < m in order,
 * `D[d0 + j*ds] = fold(D[d0 + j*ds], A[ao + r*rs + j*as])`.
 */
export type FoldRows = (m: number, n: number, A: TypedArray, ao: number, rs: number, as: number, D: TypedArray, d0: number, ds: number) => void;

/** `step(r)`: the statements folding row r's element (read through `o${r}`) into `acc`. */
function foldSource(name: string, params: string, pre: string, load: string, step: (r: number) => string, store: string): string {
  const offsets = Array.from({ length: ROWS - 1 }, (_, r) => `o${r + 1} = o${r} + rs`).join(', ');
  const contiguous = Array.from({ length: ROWS }, (_, r) => step(r).replaceAll('@', `o${r} + j`)).join(' ');
  // the same with masked offsets (kernels.ts's SMALL_INDEX_MASK): row r's element is p + s_r,
  // both below 2**30 when every index is and rows go forwards (rs >= 0; a reversed view's
  // rows do not), so V8 adds them without an overflow check
  const M = SMALL_INDEX_MASK;
  const rowSteps = Array.from({ length: ROWS - 1 }, (_, r) => `s${r + 1} = (rs * ${r + 1}) & ${M}`).join(', ');
  const masked = Array.from({ length: ROWS }, (_, r) => step(r).replaceAll('@', r === 0 ? 'p' : `p + s${r}`)).join(' ');
  const strided = Array.from({ length: ROWS }, (_, r) => step(r).replaceAll('@', `o${r}`)).join(' ');
  const bump = Array.from({ length: ROWS }, (_, r) => `o${r} += as;`).join(' ');
  const one = step(0).replaceAll('@', 'o');
  return `return function ${name}(${params}) {
  if (m === ${ROWS}) {
    const o0 = ao, ${offsets};
    if (as === 1 && ds === 1) {
      if (rs >= 0 && A.length <= ${SMALL_INDEX_LIMIT} && D.length <= ${SMALL_INDEX_LIMIT}) {
        const ${rowSteps};
        for (let j = 0; j < n; j++) {
          const p = (o0 + j) & ${M}, d = (d0 + j) & ${M}; ${pre} let acc = ${load}; ${masked} D[d] = ${store};
        }
        return;
      }
      for (let j = 0; j < n; j++) { const d = d0 + j; ${pre} let acc = ${load}; ${contiguous} D[d] = ${store}; }
      return;
    }
    let ${Array.from({ length: ROWS }, (_, r) => `q${r} = o${r}`).join(', ')};
    for (let j = 0, d = d0; j < n; j++, d += ds) {
      ${pre} let acc = ${load}; ${strided.replace(/o(\d+)\b/g, 'q$1')} D[d] = ${store};
      ${bump.replace(/o(\d+)\b/g, 'q$1')}
    }
    return;
  }
  for (let r = 0; r < m; r++, ao += rs) {
    for (let j = 0, o = ao, d = d0; j < n; j++, o += as, d += ds) { ${pre} let acc = ${load}; ${one} D[d] = ${store}; }
  }
};`;
}

const foldCache = new Map<string, FoldRows>();

/**
 * The fold for a reduction expression over `acc` and `a` (reduction.ts's OPS), compiled once
 * per key (the caller's op, dtypes and buffer classes) so each loop sees one typed-array class.
 * Only for folds where keeping `acc` in a local equals storing it after every row: the store
 * must not round or wrap what the expression returns (float64, float32 expressions that
 * round themselves, max/min, 0/1 results, integer sums that stay exact in a double).
 */
export function foldRowsKernel(key: string, expr: string): FoldRows {
  let k = foldCache.get(key);
  if (!k) {
    k = new Function(foldSource('foldRows', 'm, n, A, ao, rs, as, D, d0, ds', '', 'D[d]', () => `{ const a = A[@]; acc = ${expr}; }`, 'acc'))() as FoldRows;
    foldCache.set(key, k);
  }
  return k;
}

/**
 * `D[d] += (A[a] - M[d])**2` for `m` input rows, rounded as a float32 or float64 ufunc would
 * store each square and the reduction would add it: np.var's deviation and sum passes in one,
 * for an outer-axis reduction (M, the mean with kept dims, is laid out like D).
 */
export type SquaredDeviationRows = (
  m: number, n: number, A: TypedArray, ao: number, rs: number, as: number, D: TypedArray, d0: number, ds: number, M: TypedArray) => void;

const sqDevCache = new Map<string, SquaredDeviationRows>();

export function squaredDeviationRowsKernel(f32: boolean): SquaredDeviationRows {
  const key = String(f32);
  let k = sqDevCache.get(key);
  if (!k) {
    const step = f32
      ? () => '{ const x = Math.fround(A[@] - mu), sq = Math.fround(x * x); acc = Math.fround(acc + sq); }'
      : () => '{ const x = A[@] - mu; acc = acc + x * x; }';
    k = new Function(foldSource('squaredDeviationRows', 'm, n, A, ao, rs, as, D, d0, ds, M', 'const mu = M[d];', 'D[d]', step, 'acc'))() as SquaredDeviationRows;
    sqDevCache.set(key, k);
  }
  return k;
}
