// The heatmap view: a 2-D window drawn on a canvas through a colour map (sequential or
// diverging), with a colour bar, min/max clipping and the value under the pointer. A window
// larger than the host's chunk limit is drawn from an evenly strided sample, and says so.
// 1-D arrays draw as a strip. It fetches one block per window; it never fetches per pixel.

import { COLORMAPS, ColormapName, countClipped, countNaN, finiteRange, isDiverging, lut, NAN_RGB, paint, paintSampled } from '../colormap';
import type { HeatmapSettings, View, ViewContext } from '../context';
import { append, button, h, px, replaceChildren, select } from '../dom';
import { formatCount, formatFull, formatStat } from '../format';
import type { ValueArray } from '../protocol';
import { blockIndex, dims, elementExpression, indexExpression, SliceState, windowSlice, sampleStep } from '../slicing';

export class HeatmapView implements View {
  readonly root: HTMLElement;
  private readonly canvas: HTMLCanvasElement;
  private readonly bar: HTMLCanvasElement;
  private readonly barLabels: HTMLDivElement;
  private readonly notice: HTMLDivElement;
  private readonly vminInput: HTMLInputElement;
  private readonly vmaxInput: HTMLInputElement;
  private readonly rows: number;
  private readonly cols: number;
  private readonly step: number;
  private values: ValueArray | undefined;
  private index: ((i: number, j: number) => number) | undefined;
  private dataRange: { min: number; max: number } | null = null;
  private sampleNote = '';
  private cursor = { i: 0, j: 0 };
  private disposed = false;
  private readonly settings: HeatmapSettings;

  constructor(private readonly ctx: ViewContext, private readonly slice: SliceState) {
    const { meta } = ctx;
    const d = dims(meta.shape, slice);
    const empty = meta.shape.some((x) => x === 0);
    this.rows = empty ? 0 : d.rows;
    this.cols = empty ? 0 : d.cols;
    this.step = sampleStep(this.rows, this.cols, meta.maxChunkElements);
    ctx.settings.heatmap ??= { cmap: 'viridis', vmin: null, vmax: null };
    this.settings = ctx.settings.heatmap;

    this.canvas = h('canvas', { class: 'sl-heatmap-canvas', attrs: { tabindex: 0, role: 'img' } });
    this.bar = h('canvas', { class: 'sl-colorbar', attrs: { width: 256, height: 1, 'aria-hidden': 'true' } });
    this.barLabels = h('div', { class: 'sl-colorbar-labels' });
    this.notice = h('div', { class: 'sl-notice', attrs: { role: 'note' } });
    this.vminInput = h('input', { attrs: { type: 'number', step: 'any', 'aria-label': 'clip minimum' } });
    this.vmaxInput = h('input', { attrs: { type: 'number', step: 'any', 'aria-label': 'clip maximum' } });
    const onClip = (): void => {
      const lo = this.vminInput.value === '' ? null : Number(this.vminInput.value);
      const hi = this.vmaxInput.value === '' ? null : Number(this.vmaxInput.value);
      this.settings.vmin = lo !== null && Number.isFinite(lo) ? lo : null;
      this.settings.vmax = hi !== null && Number.isFinite(hi) ? hi : null;
      ctx.save();
      this.draw();
    };
    this.vminInput.addEventListener('change', onClip);
    this.vmaxInput.addEventListener('change', onClip);

    const toolbar = h('div', { class: 'sl-toolbar' },
      select<ColormapName>('Colour map', COLORMAPS, this.settings.cmap, (v) => { this.settings.cmap = v; ctx.save(); this.draw(); }),
      h('label', { class: 'sl-field' }, h('span', { text: 'min' }), this.vminInput),
      h('label', { class: 'sl-field' }, h('span', { text: 'max' }), this.vmaxInput),
      button('Auto range', () => { this.settings.vmin = null; this.settings.vmax = null; ctx.save(); this.draw(); }));
    const colorbar = h('div', { class: 'sl-colorbar-wrap' }, this.bar, this.barLabels);
    this.root = h('div', { class: 'sl-heatmap' }, toolbar, this.notice, h('div', { class: 'sl-canvas-wrap' }, this.canvas), colorbar);

    this.canvas.addEventListener('mousemove', (e) => this.hover(e));
    this.canvas.addEventListener('keydown', (e) => this.onKey(e));
    this.canvas.addEventListener('mouseleave', () => ctx.status(''));
    void this.load();
  }

  dispose(): void {
    this.disposed = true;
  }

  private async load(): Promise<void> {
    if (this.rows === 0 || this.cols === 0) {
      this.notice.textContent = 'Empty: a dimension has size 0.';
      this.ctx.painted('heatmap');
      return;
    }
    const s = this.step;
    const slice = windowSlice(this.ctx.meta.shape, this.slice,
      { start: 0, stop: this.rows, step: s }, { start: 0, stop: this.cols, step: s });
    if (s > 1) {
      const rs = Math.ceil(this.rows / s), cs = Math.ceil(this.cols / s);
      const expr = indexExpression(this.ctx.meta.name, this.ctx.meta.shape, this.slice, { start: 0, stop: this.rows, step: s }, { start: 0, stop: this.cols, step: s });
      this.sampleNote = `Showing a sample: every ${s}th row and column (${formatCount(rs)} × ${formatCount(cs)} of ${formatCount(this.rows)} × ${formatCount(this.cols)}: ${expr}), the host sends at most ${formatCount(this.ctx.meta.maxChunkElements)} values at once.`;
    }
    try {
      const b = await this.ctx.data.fetch(slice);
      if (this.disposed) return;
      this.values = b.values;
      this.index = blockIndex(this.slice, Math.ceil(this.rows / s), Math.ceil(this.cols / s));
      this.dataRange = finiteRange(b.values);
      this.draw();
      requestAnimationFrame(() => { if (!this.disposed) this.ctx.painted('heatmap'); });
    } catch (e) {
      this.notice.textContent = `Could not load values: ${(e as Error).message}`;
    }
  }

  /** Sampled grid size as drawn: a 1-D array (a single column) is drawn as a row. */
  /** the block's rows come from the later axis: stored column-major */
  private get colMajor(): boolean {
    return this.slice.rowAxis !== null && this.slice.colAxis !== null && this.slice.rowAxis > this.slice.colAxis;
  }

  private get drawn(): { rows: number; cols: number; transpose: boolean } {
    const rs = Math.ceil(this.rows / this.step), cs = Math.ceil(this.cols / this.step);
    return this.slice.colAxis === null && rs > 1 ? { rows: cs, cols: rs, transpose: true } : { rows: rs, cols: cs, transpose: false };
  }

  private range(): { vmin: number; vmax: number } {
    const dr = this.dataRange ?? { min: 0, max: 1 };
    let lo = dr.min, hi = dr.max;
    if (this.ctx.meta.dtype === 'bool') { lo = 0; hi = 1; }
    if (isDiverging(this.settings.cmap)) {
      const m = Math.max(Math.abs(lo), Math.abs(hi)) || 1;
      lo = -m; hi = m;
    }
    return { vmin: this.settings.vmin ?? lo, vmax: this.settings.vmax ?? hi };
  }

  private draw(): void {
    const values = this.values;
    if (!values) return;
    const { rows, cols, transpose } = this.drawn;
    const { vmin, vmax } = this.range();
    this.vminInput.value = String(vmin);
    this.vmaxInput.value = String(vmax);
    const map = lut(this.settings.cmap);
    // block order: rows × cols row-major, or (rows from the later axis) column-major
    const [rs, cs] = transpose ? [0, 1] : this.colMajor ? [1, rows] : [cols, 1];
    const nan = countNaN(values);

    // fit: integer upscaling for small arrays (crisp pixels), downscaling for large ones
    const wrap = this.canvas.parentElement;
    const availW = Math.max(200, Math.min((wrap?.clientWidth || 800) - 4, 1200));
    const availH = Math.max(200, Math.floor(window.innerHeight * 0.65));
    let scale = Math.min(availW / cols, availH / rows);
    if (scale >= 1) scale = Math.max(1, Math.floor(scale));
    const w = Math.max(1, Math.round(cols * scale));
    const hgt = Math.max(rows === 1 ? 32 : 1, Math.round(rows * scale));
    this.canvas.width = w; this.canvas.height = hgt;
    px(this.canvas, 'width', w); px(this.canvas, 'height', hgt);
    const c = this.canvas.getContext('2d')!;
    let clipped: number;
    if (w < cols || hgt < rows) {
      // more values than pixels: each pixel shows the value under its centre, painted at the
      // size shown (no full-size image to scale down: a third of the work for 1000×1000)
      const img = c.createImageData(w, hgt);
      const rowOffsets = Int32Array.from({ length: hgt }, (_, y) => Math.min(rows - 1, Math.floor(((y + 0.5) * rows) / hgt)) * rs);
      const colOffsets = Int32Array.from({ length: w }, (_, x) => Math.min(cols - 1, Math.floor(((x + 0.5) * cols) / w)) * cs);
      paintSampled(img.data, values, rowOffsets, colOffsets, vmin, vmax, map);
      clipped = countClipped(values, vmin, vmax);
      c.putImageData(img, 0, 0);
    } else {
      const off = document.createElement('canvas');
      off.width = cols; off.height = rows;
      const octx = off.getContext('2d')!;
      const img = octx.createImageData(cols, rows);
      clipped = paint(img.data, values, rows, cols, rs, cs, vmin, vmax, map);
      octx.putImageData(img, 0, 0);
      c.imageSmoothingEnabled = false;
      c.drawImage(off, 0, 0, w, hgt);
    }
    this.canvas.setAttribute('aria-label', `Heatmap of ${this.ctx.meta.name}, ${this.rows} by ${this.cols}, colour map ${this.settings.cmap}, from ${vmin} to ${vmax}`);
    this.canvas.dataset.rows = String(rows);
    this.canvas.dataset.cols = String(cols);

    // colour bar
    const bctx = this.bar.getContext('2d')!;
    const bar = bctx.createImageData(256, 1);
    paint(bar.data, Uint8Array.from({ length: 256 }, (_, i) => i), 1, 256, 0, 1, 0, 255, map);
    bctx.putImageData(bar, 0, 0);
    const mid = (vmin + vmax) / 2;
    replaceChildren(this.barLabels,
      h('span', { text: formatStat(vmin) }), h('span', { text: formatStat(mid) }), h('span', { text: formatStat(vmax) }));
    if (nan > 0) {
      const sw = h('span', { class: 'sl-swatch' });
      sw.style.backgroundColor = `rgb(${NAN_RGB.join(',')})`;
      append(this.barLabels, h('span', { class: 'sl-nan-legend' }, sw, ` NaN (${formatCount(nan)})`));
    }
    const clipNote = clipped > 0 ? `${formatCount(clipped)} values outside [${formatStat(vmin)}, ${formatStat(vmax)}] are clipped to the ends of the colour map.` : '';
    this.notice.textContent = [this.sampleNote, clipNote].filter(Boolean).join(' ');
  }

  private hover(e: MouseEvent): void {
    const rect = this.canvas.getBoundingClientRect();
    const { rows, cols } = this.drawn;
    const sx = rect.width / cols, sy = rect.height / rows;
    const j = Math.min(cols - 1, Math.max(0, Math.floor((e.clientX - rect.left) / sx)));
    const i = Math.min(rows - 1, Math.max(0, Math.floor((e.clientY - rect.top) / sy)));
    this.cursor = { i, j };
    this.report(i, j);
  }

  /** Arrow keys move a cursor over the drawn grid and read out the value under it. */
  private onKey(e: KeyboardEvent): void {
    const { rows, cols } = this.drawn;
    const step = e.shiftKey ? 10 : 1;
    let { i, j } = this.cursor;
    if (e.key === 'ArrowUp') i -= step;
    else if (e.key === 'ArrowDown') i += step;
    else if (e.key === 'ArrowLeft') j -= step;
    else if (e.key === 'ArrowRight') j += step;
    else return;
    e.preventDefault();
    this.cursor = { i: Math.max(0, Math.min(rows - 1, i)), j: Math.max(0, Math.min(cols - 1, j)) };
    this.report(this.cursor.i, this.cursor.j);
  }

  private report(i: number, j: number): void {
    if (!this.values || !this.index) return;
    const { transpose } = this.drawn;
    const [r, c] = transpose ? [j, 0] : [i, j];
    const v = transpose ? this.values[j] : this.values[this.index(i, j)];
    const expr = elementExpression(this.ctx.meta.name, this.slice, r * this.step, c * this.step);
    this.ctx.status(`${expr} = ${formatFull(v, this.ctx.meta.dtype)}`);
  }
}
