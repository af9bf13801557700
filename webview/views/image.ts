// The image view: (H, W) as grayscale, (H, W, 3|4) and (C, H, W) with C in 1, 3, 4 as
// colour, with a choice of channel layout (when the shape allows both) and channel order
// (RGB or OpenCV's BGR). Large images are strided to the host's chunk limit, and the view
// says so and how values were mapped to 0–255.

import type { View, ViewContext } from '../context';
import { h, select } from '../dom';
import { formatCount } from '../format';
import { byteScale, pixelCanvas, writePixels } from '../imaging';
import type { AxisSel } from '../protocol';
import { sampleStep } from '../slicing';

export type ImageLayout = 'HW' | 'HWC' | 'CHW';
const isChannels = (c: number): boolean => c === 1 || c === 3 || c === 4;

/** The image layouts a shape allows, most likely first; empty when it is not an image. */
export function imageLayouts(shape: readonly number[]): ImageLayout[] {
  if (shape.some((d) => d === 0)) return [];
  if (shape.length === 2) return ['HW'];
  if (shape.length !== 3) return [];
  const out: ImageLayout[] = [];
  if (isChannels(shape[2])) out.push('HWC');
  if (isChannels(shape[0])) out.push('CHW');
  return out;
}

export class ImageView implements View {
  readonly root: HTMLElement;
  private readonly body: HTMLDivElement;
  private readonly notice: HTMLDivElement;
  private disposed = false;

  constructor(private readonly ctx: ViewContext) {
    const layouts = imageLayouts(ctx.meta.shape);
    const s = ctx.settings.image;
    ctx.settings.image = {
      layout: s && layouts.includes(s.layout) ? s.layout : layouts[0],
      order: s?.order ?? 'RGB',
    };
    const settings = ctx.settings.image;
    const toolbar = h('div', { class: 'sl-toolbar' });
    if (layouts.length > 1) {
      toolbar.appendChild(select('Channels', layouts.map((l) => [l, l === 'HWC' ? '(H, W, C) channels last' : '(C, H, W) channels first'] as const),
        settings.layout, (v) => { settings.layout = v; ctx.save(); void this.load(); }));
    }
    toolbar.appendChild(select('Channel order', [['RGB', 'RGB'], ['BGR', 'BGR (OpenCV)']] as const, settings.order,
      (v) => { settings.order = v; ctx.save(); void this.load(); }));
    this.notice = h('div', { class: 'sl-notice', attrs: { role: 'note' } });
    this.body = h('div', { class: 'sl-image-wrap' });
    this.root = h('div', { class: 'sl-image' }, toolbar, this.notice, this.body);
    void this.load();
  }

  dispose(): void {
    this.disposed = true;
  }

  private async load(): Promise<void> {
    const { meta, settings } = this.ctx;
    const layout = settings.image!.layout;
    const shape = meta.shape;
    const [H, W, C] = layout === 'HW' ? [shape[0], shape[1], 1] : layout === 'HWC' ? [shape[0], shape[1], shape[2]] : [shape[1], shape[2], shape[0]];
    const step = sampleStep(H, W, Math.max(1, Math.floor(meta.maxChunkElements / C)));
    const hs = Math.ceil(H / step), ws = Math.ceil(W / step);
    const r = (n: number): AxisSel => ({ start: 0, stop: n, step });
    const full = (n: number): AxisSel => ({ start: 0, stop: n, step: 1 });
    const slice = layout === 'HW' ? [r(H), r(W)] : layout === 'HWC' ? [r(H), r(W), full(C)] : [full(C), r(H), r(W)];
    try {
      const b = await this.ctx.data.fetch(slice);
      if (this.disposed) return;
      const v = b.values;
      const get = layout === 'CHW'
        ? (y: number, x: number, ch: number) => v[(ch * hs + y) * ws + x]
        : (y: number, x: number, ch: number) => v[(y * ws + x) * C + ch];
      const scale = byteScale(meta.dtype, v);
      const zoom = Math.max(1, Math.min(16, Math.floor(512 / Math.max(hs, ws))));
      const bgr = settings.image!.order === 'BGR';
      const canvas = pixelCanvas(ws, hs, zoom, (img) => writePixels(img.data, hs, ws, C, bgr, get, scale.toByte), 'sl-pixels sl-image-canvas');
      canvas.setAttribute('role', 'img');
      canvas.setAttribute('aria-label', `${meta.name} as a ${C === 1 ? 'grayscale' : C === 3 ? settings.image!.order : 'RGBA'} image, ${H} by ${W}`);
      this.body.replaceChildren(canvas);
      const notes: string[] = [];
      notes.push(`${layout === 'HW' ? 'grayscale' : layout === 'HWC' ? `(H, W, C) = (${H}, ${W}, ${C})` : `(C, H, W) = (${C}, ${H}, ${W})`}, ${zoom}× zoom.`);
      if (step > 1) notes.push(`Showing a sample: every ${step}th pixel (${formatCount(hs)} × ${formatCount(ws)} of ${formatCount(H)} × ${formatCount(W)}).`);
      if (scale.note) notes.push(scale.note[0].toUpperCase() + scale.note.slice(1));
      this.notice.textContent = notes.join(' ');
      requestAnimationFrame(() => { if (!this.disposed) this.ctx.painted('image'); });
    } catch (e) {
      this.notice.textContent = `Could not load values: ${(e as Error).message}`;
    }
  }
}
