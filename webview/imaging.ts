// Turning array values into pixel bytes for the image and batch views: which value range
// maps to 0–255 (uint8 as is, bool as 0/255, floats in [0, 1] times 255, anything else
// min–max scaled, with a note saying so) and writing gray/RGB/RGBA pixels, optionally BGR.

import { finiteRange } from './colormap';
import { formatStat } from './format';
import type { DTypeName } from './protocol';

export interface ByteScale {
  readonly toByte: (v: number) => number;
  /** what the user should know about the mapping ('' when values are shown as they are) */
  readonly note: string;
}

export function byteScale(dtype: DTypeName, values: ArrayLike<number>): ByteScale {
  if (dtype === 'bool') return { toByte: (v) => (v ? 255 : 0), note: '' };
  if (dtype === 'uint8') return { toByte: (v) => v, note: '' };
  const r = finiteRange(values) ?? { min: 0, max: 1 };
  const isFloat = dtype === 'float32' || dtype === 'float64';
  if (!isFloat && r.min >= 0 && r.max <= 255) return { toByte: (v) => v, note: '' };
  if (isFloat && r.min >= 0 && r.max <= 1) return { toByte: (v) => (v !== v ? 0 : v * 255), note: 'float values in [0, 1] shown as 0–255.' };
  const span = r.max > r.min ? r.max - r.min : 1;
  return {
    toByte: (v) => (v !== v ? 0 : ((v - r.min) / span) * 255),
    note: `values scaled from [${formatStat(r.min)}, ${formatStat(r.max)}] to 0–255.`,
  };
}

/**
 * Writes H×W pixels. `get(y, x, ch)` reads channel ch (0 for gray). channels: 1 gray, 3 RGB,
 * 4 RGBA; bgr swaps channels 0 and 2 (OpenCV order).
 */
export function writePixels(
  px: Uint8ClampedArray, H: number, W: number, channels: number, bgr: boolean,
  get: (y: number, x: number, ch: number) => number, toByte: (v: number) => number,
): void {
  const r = bgr ? 2 : 0, b = bgr ? 0 : 2;
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      const o = (y * W + x) * 4;
      if (channels >= 3) {
        px[o] = toByte(get(y, x, r)); px[o + 1] = toByte(get(y, x, 1)); px[o + 2] = toByte(get(y, x, b));
        px[o + 3] = channels === 4 ? toByte(get(y, x, 3)) : 255;
      } else {
        const g = toByte(get(y, x, 0));
        px[o] = g; px[o + 1] = g; px[o + 2] = g; px[o + 3] = 255;
      }
    }
  }
}

/** A canvas of W×H pixels drawn by `fill`, displayed `scale` times larger (crisp). */
export function pixelCanvas(W: number, H: number, scale: number, fill: (img: ImageData) => void, cls = 'sl-pixels'): HTMLCanvasElement {
  const c = document.createElement('canvas');
  c.className = cls;
  c.width = Math.max(1, W); c.height = Math.max(1, H);
  const g = c.getContext('2d')!;
  const img = g.createImageData(c.width, c.height);
  fill(img);
  g.putImageData(img, 0, 0);
  c.style.width = `${W * scale}px`;
  c.style.height = `${H * scale}px`;
  return c;
}
