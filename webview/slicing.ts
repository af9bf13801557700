// The 2-D window onto an N-D array that the table and heatmap show: which axis runs down
// (rows), which across (columns), and a fixed index on every other axis; the slice specs
// for windows of it, how to read a fetched block as rows × columns, and the NumPy index
// expression of what is shown (`x[3, :, :, 0]`, `.T` when rows come from the later axis).
// Pure: no DOM.

import type { AxisSel, SliceSpec } from './protocol';
import { indexable } from './format';

export interface SliceState {
  /** axis shown down the rows, or null (0-D, or a single row) */
  readonly rowAxis: number | null;
  /** axis shown across the columns, or null (0-D and 1-D) */
  readonly colAxis: number | null;
  /** the index on every axis (ignored for the shown ones) */
  readonly indices: readonly number[];
}

export function defaultSlice(shape: readonly number[]): SliceState {
  const nd = shape.length;
  const indices = shape.map(() => 0);
  if (nd === 0) return { rowAxis: null, colAxis: null, indices };
  if (nd === 1) return { rowAxis: 0, colAxis: null, indices };
  return { rowAxis: nd - 2, colAxis: nd - 1, indices };
}

/** A stored state still valid for this shape, else the default. */
export function validSlice(shape: readonly number[], s: SliceState | undefined): SliceState {
  if (!s || s.indices.length !== shape.length) return defaultSlice(shape);
  const okAxis = (a: number | null): boolean => a === null || (Number.isInteger(a) && a >= 0 && a < shape.length);
  if (!okAxis(s.rowAxis) || !okAxis(s.colAxis) || (s.rowAxis !== null && s.rowAxis === s.colAxis)) return defaultSlice(shape);
  if (shape.length >= 1 && s.rowAxis === null && s.colAxis === null) return defaultSlice(shape);
  if (s.indices.some((v, i) => !Number.isInteger(v) || v < 0 || (v >= shape[i] && shape[i] > 0))) return defaultSlice(shape);
  return s;
}

export function dims(shape: readonly number[], s: SliceState): { rows: number; cols: number } {
  return { rows: s.rowAxis === null ? 1 : shape[s.rowAxis], cols: s.colAxis === null ? 1 : shape[s.colAxis] };
}

export interface Range { readonly start: number; readonly stop: number; readonly step: number }

/** The slice for rows r and columns c of the window. */
export function windowSlice(shape: readonly number[], s: SliceState, r: Range, c: Range): SliceSpec {
  return shape.map((_, ax): AxisSel => {
    if (ax === s.rowAxis) return r;
    if (ax === s.colAxis) return c;
    return { index: s.indices[ax] };
  });
}

/** Index of (row i, column j) of a window's block, whose axes are in array-axis order. */
export function blockIndex(s: SliceState, nRows: number, nCols: number): (i: number, j: number) => number {
  if (s.rowAxis !== null && s.colAxis !== null && s.rowAxis > s.colAxis) return (i, j) => j * nRows + i;
  return (i, j) => i * nCols + j;
}

function rangeText(r: Range, dim: number): string {
  if (r.start === 0 && r.stop >= dim && r.step === 1) return ':';
  const start = r.start === 0 ? '' : String(r.start);
  const stop = r.stop >= dim ? '' : String(r.stop);
  return r.step === 1 ? `${start}:${stop}` : `${start}:${stop}:${r.step}`;
}

/**
 * NumPy's expression for what is shown: `x[3, :, :, 0]`, every axis spelled out so the shown
 * ones are visible; `x` itself when every axis is shown whole; `.T` when the rows come from
 * the later axis.
 */
export function indexExpression(name: string, shape: readonly number[], s: SliceState, r?: Range, c?: Range): string {
  const n = indexable(name);
  const nd = shape.length;
  const parts = shape.map((d, ax) => {
    if (ax === s.rowAxis) return r ? rangeText(r, d) : ':';
    if (ax === s.colAxis) return c ? rangeText(c, d) : ':';
    return String(s.indices[ax]);
  });
  const base = parts.every((p) => p === ':') ? n : `${n}[${parts.join(', ')}]`;
  const transposed = s.rowAxis !== null && s.colAxis !== null && s.rowAxis > s.colAxis;
  return nd === 0 ? n : transposed ? `${base}.T` : base;
}

/** The expression of one element: `x[3, 5, 2, 0]`. */
export function elementExpression(name: string, s: SliceState, row: number, col: number): string {
  const idx = s.indices.map((v, ax) => (ax === s.rowAxis ? row : ax === s.colAxis ? col : v));
  return idx.length === 0 ? `${indexable(name)}[()]` : `${indexable(name)}[${idx.join(', ')}]`;
}

/** The smallest common step so that a rows × cols window fits `max` values. */
export function sampleStep(rows: number, cols: number, max: number): number {
  if (rows * cols <= max) return 1;
  let s = Math.max(1, Math.floor(Math.sqrt((rows * cols) / max)));
  while (Math.ceil(rows / s) * Math.ceil(cols / s) > max) s++;
  return s;
}
