// Colour maps as 256-entry RGB lookup tables built from a few control points (matplotlib's
// viridis, magma and gray, and the diverging coolwarm and RdBu), and the value → colour
// mapping with min/max clipping the heatmap, batch and colour bar share. No DOM.

export type ColormapName = 'viridis' | 'magma' | 'gray' | 'coolwarm' | 'RdBu';
export const COLORMAPS: readonly (readonly [ColormapName, string])[] = [
  ['viridis', 'viridis (sequential)'], ['magma', 'magma (sequential)'], ['gray', 'gray (sequential)'],
  ['coolwarm', 'coolwarm (diverging)'], ['RdBu', 'RdBu (diverging)'],
];
export const isDiverging = (c: ColormapName): boolean => c === 'coolwarm' || c === 'RdBu';

const STOPS: Record<ColormapName, string[]> = {
  viridis: ['#440154', '#472d7b', '#3b528b', '#2c728e', '#21918c', '#28ae80', '#5ec962', '#addc30', '#fde725'],
  magma: ['#000004', '#1c1044', '#4f127b', '#812581', '#b5367a', '#e55064', '#fb8761', '#fec287', '#fcfdbf'],
  gray: ['#000000', '#ffffff'],
  coolwarm: ['#3b4cc0', '#8db0fe', '#dddddd', '#f49a7b', '#b40426'],
  RdBu: ['#053061', '#4393c3', '#f7f7f7', '#d6604d', '#67001f'],
};

/** Colours for values the map cannot place. */
export const NAN_RGB: readonly [number, number, number] = [255, 0, 255];

const cache = new Map<ColormapName, Uint8Array>();

export function lut(name: ColormapName): Uint8Array {
  const hit = cache.get(name);
  if (hit) return hit;
  const stops = STOPS[name].map((c) => [1, 3, 5].map((i) => parseInt(c.slice(i, i + 2), 16)));
  const out = new Uint8Array(256 * 3);
  for (let i = 0; i < 256; i++) {
    const t = (i / 255) * (stops.length - 1);
    const k = Math.min(Math.floor(t), stops.length - 2), f = t - k;
    for (let ch = 0; ch < 3; ch++) out[i * 3 + ch] = Math.round(stops[k][ch] * (1 - f) + stops[k + 1][ch] * f);
  }
  cache.set(name, out);
  return out;
}

/** Finite min and max of values (null when none are finite). */
export function finiteRange(values: ArrayLike<number>): { min: number; max: number } | null {
  let lo = Infinity, hi = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (lo === Infinity && hi === -Infinity) return null;
  // ±inf can win the comparisons above; recompute over finite values only when that happened
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) {
    lo = Infinity; hi = -Infinity;
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (!Number.isFinite(v)) continue;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
    if (lo === Infinity) return null;
  }
  return { min: lo, max: hi };
}

/**
 * Writes RGBA pixels of a rows × cols grid read from `values[i * rowStride + j * colStride]`
 * into `px` (row-major). Values outside [vmin, vmax] clip to the ends; NaN gets NAN_RGB.
 * Returns how many values were clipped. One tight loop, no call per pixel.
 */
export function paint(
  px: Uint8ClampedArray, values: ArrayLike<number>, rows: number, cols: number, rowStride: number, colStride: number,
  vmin: number, vmax: number, map: Uint8Array,
): number {
  const span = vmax > vmin ? vmax - vmin : 1;
  const scale = 255 / span;
  const nr = NAN_RGB[0], ng = NAN_RGB[1], nb = NAN_RGB[2];
  let clipped = 0, o = 0;
  for (let i = 0; i < rows; i++) {
    let k = i * rowStride;
    for (let j = 0; j < cols; j++, k += colStride, o += 4) {
      const v = values[k];
      if (v !== v) {
        px[o] = nr; px[o + 1] = ng; px[o + 2] = nb; px[o + 3] = 255;
        continue;
      }
      let t = (v - vmin) * scale;
      if (t < 0) { t = 0; clipped++; } else if (t > 255) { t = 255; clipped++; }
      const m = ((t + 0.5) | 0) * 3;
      px[o] = map[m]; px[o + 1] = map[m + 1]; px[o + 2] = map[m + 2]; px[o + 3] = 255;
    }
  }
  return clipped;
}

/**
 * Like `paint`, for a grid drawn smaller than it is: pixel (y, x) takes the value at
 * `values[rowOffsets[y] + colOffsets[x]]` (the element under the pixel's centre), so a
 * downscaled heatmap costs one colour lookup per pixel shown, not per value.
 */
export function paintSampled(
  px: Uint8ClampedArray, values: ArrayLike<number>, rowOffsets: Int32Array, colOffsets: Int32Array,
  vmin: number, vmax: number, map: Uint8Array,
): void {
  const span = vmax > vmin ? vmax - vmin : 1;
  const scale = 255 / span;
  const nr = NAN_RGB[0], ng = NAN_RGB[1], nb = NAN_RGB[2];
  const w = colOffsets.length;
  let o = 0;
  for (let y = 0; y < rowOffsets.length; y++) {
    const base = rowOffsets[y];
    for (let x = 0; x < w; x++, o += 4) {
      const v = values[base + colOffsets[x]];
      if (v !== v) {
        px[o] = nr; px[o + 1] = ng; px[o + 2] = nb; px[o + 3] = 255;
        continue;
      }
      let t = (v - vmin) * scale;
      if (t < 0) t = 0; else if (t > 255) t = 255;
      const m = ((t + 0.5) | 0) * 3;
      px[o] = map[m]; px[o + 1] = map[m + 1]; px[o + 2] = map[m + 2]; px[o + 3] = 255;
    }
  }
}

/** How many values `paint` would clip to the ends of the map for [vmin, vmax] (NaN not counted). */
export function countClipped(values: ArrayLike<number>, vmin: number, vmax: number): number {
  const span = vmax > vmin ? vmax - vmin : 1;
  const scale = 255 / span;
  let n = 0;
  for (let i = 0; i < values.length; i++) {
    const t = (values[i] - vmin) * scale;
    if (t < 0 || t > 255) n++;
  }
  return n;
}

/** NaN count of values. */
export function countNaN(values: ArrayLike<number>): number {
  let n = 0;
  for (let i = 0; i < values.length; i++) if (values[i] !== values[i]) n++;
  return n;
}
