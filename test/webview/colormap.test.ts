// The downscaled heatmap path against the full-size one: painting every pixel from the
// element under its centre gives the same colours as `paint` where the grids coincide, picks
// the right elements when shrinking, and counts clipped values as `paint` does.
import { describe, expect, test } from 'vitest';
import { countClipped, lut, NAN_RGB, paint, paintSampled } from '../../webview/colormap';

const map = lut('viridis');
const rows = 6, cols = 8;
const values = Float64Array.from({ length: rows * cols }, (_, k) => (k === 5 ? NaN : k === 7 ? Infinity : (k % 11) - 2));

describe('paintSampled', () => {
  test('with one pixel per element it paints exactly what paint paints', () => {
    const full = new Uint8ClampedArray(rows * cols * 4), sampled = new Uint8ClampedArray(rows * cols * 4);
    const clipped = paint(full, values, rows, cols, cols, 1, 0, 6, map);
    paintSampled(sampled, values, Int32Array.from({ length: rows }, (_, i) => i * cols), Int32Array.from({ length: cols }, (_, j) => j), 0, 6, map);
    expect(Array.from(sampled)).toEqual(Array.from(full));
    expect(countClipped(values, 0, 6)).toBe(clipped);
    expect(Array.from(sampled.slice(20, 23))).toEqual([...NAN_RGB]);
  });

  test('shrinking picks the element under each pixel centre (column-major block too)', () => {
    // 6×8 drawn as 3×4: pixel (y, x) shows element (2y+1, 2x+1); stored column-major: index i + j*rows
    const px = new Uint8ClampedArray(3 * 4 * 4);
    paintSampled(px, values, Int32Array.from([1, 3, 5]), Int32Array.from([1, 3, 5, 7].map((j) => j * rows)), 0, 6, map);
    const one = new Uint8ClampedArray(4);
    for (let y = 0; y < 3; y++) {
      for (let x = 0; x < 4; x++) {
        paint(one, [values[(2 * y + 1) + (2 * x + 1) * rows]], 1, 1, 0, 0, 0, 6, map);
        expect(Array.from(px.slice((y * 4 + x) * 4, (y * 4 + x) * 4 + 4)), `pixel ${y},${x}`).toEqual(Array.from(one));
      }
    }
  });

  test('countClipped ignores NaN and counts both ends, also for an empty range', () => {
    expect(countClipped([NaN, -1, 0, 3, 6, 7, Infinity, -Infinity], 0, 6)).toBe(4);
    const one = new Uint8ClampedArray(4 * 4);
    expect(countClipped([2, 2.5, 4, NaN], 2, 2)).toBe(paint(one, [2, 2.5, 4, NaN], 1, 4, 0, 1, 2, 2, map));
  });
});
