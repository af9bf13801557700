// The batch view: a batch as a grid of samples labelled with their index — (N, H, W),
// (N, C, H, W), (N, H, W, C), and (N, features) as rows or, when features is a square, as
// √F × √F images — with an axis legend naming each axis (torch's channels-first or NumPy/TF's
// channels-last, or the user's choice), paging through large batches, and the rows one batch
// of a loop `X[i:i+bs]` takes highlighted when the host says so. One chunk per page.

import type { BatchLayout, View, ViewContext } from '../context';
import { append, button, h, replaceChildren, select } from '../dom';
import { formatCount } from '../format';
import { byteScale, pixelCanvas, writePixels } from '../imaging';
import type { AxisSel } from '../protocol';
import { sampleStep } from '../slicing';

const isChannels = (c: number): boolean => c === 1 || c === 3 || c === 4;
const PAGE = 64;

/** The batch layouts a shape allows, the likeliest first (torch sources prefer NCHW). */
export function batchLayouts(shape: readonly number[], source: 'numpy' | 'torch', hint?: 'NCHW' | 'NHWC', maxElements = Infinity): BatchLayout[] {
  if (shape.some((d) => d === 0)) return [];
  if (shape.length === 2) {
    const r = Math.round(Math.sqrt(shape[1]));
    return r * r === shape[1] && r >= 4 && shape[1] <= maxElements ? ['NF-square', 'NF'] : ['NF'];
  }
  if (shape.length === 3) return ['NHW'];
  if (shape.length !== 4) return [];
  const c1 = isChannels(shape[1]), c3 = isChannels(shape[3]);
  let first: 'NCHW' | 'NHWC' = source === 'torch' ? 'NCHW' : 'NHWC';
  if (c1 && !c3) first = 'NCHW';
  else if (c3 && !c1) first = 'NHWC';
  if (hint) first = hint;
  return first === 'NCHW' ? ['NCHW', 'NHWC'] : ['NHWC', 'NCHW'];
}

interface Geometry {
  N: number; C: number; H: number; W: number;
  /** the axis of each of N, C, H, W (C may be absent) */
  axisOf: { N: number; C?: number; H?: number; W?: number; F?: number };
}

function geometry(shape: readonly number[], layout: BatchLayout): Geometry {
  switch (layout) {
    case 'NCHW': return { N: shape[0], C: shape[1], H: shape[2], W: shape[3], axisOf: { N: 0, C: 1, H: 2, W: 3 } };
    case 'NHWC': return { N: shape[0], C: shape[3], H: shape[1], W: shape[2], axisOf: { N: 0, C: 3, H: 1, W: 2 } };
    case 'NHW': return { N: shape[0], C: 1, H: shape[1], W: shape[2], axisOf: { N: 0, H: 1, W: 2 } };
    case 'NF-square': {
      const r = Math.round(Math.sqrt(shape[1]));
      return { N: shape[0], C: 1, H: r, W: r, axisOf: { N: 0, F: 1 } };
    }
    case 'NF': return { N: shape[0], C: 1, H: 1, W: shape[1], axisOf: { N: 0, F: 1 } };
  }
}

const LAYOUT_TEXT: Record<BatchLayout, string> = {
  NCHW: '(N, C, H, W) channels first — torch',
  NHWC: '(N, H, W, C) channels last — NumPy, TF, PIL',
  NHW: '(N, H, W) grayscale',
  'NF-square': '(N, features) as √F × √F images',
  NF: '(N, features) one row per sample',
};

export class BatchView implements View {
  readonly root: HTMLElement;
  private readonly grid: HTMLDivElement;
  private readonly legend: HTMLDivElement;
  private readonly pager: HTMLDivElement;
  private readonly notice: HTMLDivElement;
  private readonly controls: HTMLDivElement;
  private disposed = false;
  private generation = 0;

  constructor(private readonly ctx: ViewContext) {
    const { meta } = ctx;
    const layouts = batchLayouts(meta.shape, meta.source, meta.layout, meta.maxChunkElements);
    const s = ctx.settings.batch;
    ctx.settings.batch = {
      layout: s && layouts.includes(s.layout) ? s.layout : layouts[0],
      start: s && s.start < meta.shape[0] ? s.start : 0,
      perSample: s?.perSample ?? false,
      channel: s?.channel ?? 0,
    };
    this.controls = h('div', { class: 'sl-toolbar' });
    this.legend = h('div', { class: 'sl-legend', attrs: { role: 'group', 'aria-label': 'axis legend' } });
    this.pager = h('div', { class: 'sl-toolbar sl-pager' });
    this.notice = h('div', { class: 'sl-notice', attrs: { role: 'note' } });
    this.grid = h('div', { class: 'sl-batch-grid', attrs: { tabindex: 0, role: 'list', 'aria-label': `samples of ${meta.name}` } });
    this.grid.addEventListener('keydown', (e) => {
      if (e.key === 'PageDown' || e.key === 'ArrowRight') { e.preventDefault(); this.page(1); }
      if (e.key === 'PageUp' || e.key === 'ArrowLeft') { e.preventDefault(); this.page(-1); }
    });
    this.root = h('div', { class: 'sl-batch' }, this.controls, this.legend, this.pager, this.notice, this.grid);
    this.build();
  }

  dispose(): void {
    this.disposed = true;
  }

  private get settings() {
    return this.ctx.settings.batch!;
  }

  private geometry(): Geometry {
    return geometry(this.ctx.meta.shape, this.settings.layout);
  }

  private perPage(): { k: number; step: number; shownC: number } {
    const g = this.geometry();
    const max = this.ctx.meta.maxChunkElements;
    const shownC = isChannels(g.C) ? g.C : 1;
    const step = sampleStep(g.H, g.W, Math.max(1, Math.floor(max / shownC)));
    const per = Math.ceil(g.H / step) * Math.ceil(g.W / step) * shownC;
    return { k: Math.max(1, Math.min(g.N, PAGE, Math.floor(max / per))), step, shownC };
  }

  private page(dir: number): void {
    const { k } = this.perPage();
    const N = this.geometry().N;
    const start = Math.max(0, Math.min(Math.floor((N - 1) / k) * k, this.settings.start + dir * k));
    if (start === this.settings.start) return;
    this.settings.start = start;
    this.ctx.save();
    void this.load();
  }

  private build(): void {
    const { meta } = this.ctx;
    const layouts = batchLayouts(meta.shape, meta.source, meta.layout, meta.maxChunkElements);
    const g = this.geometry();
    replaceChildren(this.controls,
      select<BatchLayout>('Layout', layouts.map((l) => [l, LAYOUT_TEXT[l]] as const), this.settings.layout,
        (v) => { this.settings.layout = v; this.settings.channel = 0; this.ctx.save(); this.build(); }));
    const cb = h('input', { attrs: { type: 'checkbox' } });
    cb.checked = this.settings.perSample;
    cb.addEventListener('change', () => { this.settings.perSample = cb.checked; this.ctx.save(); void this.load(); });
    append(this.controls, h('label', { class: 'sl-field' }, cb, h('span', { text: 'scale each sample on its own' })));
    if (!isChannels(g.C)) {
      const ch = h('input', { attrs: { type: 'range', min: 0, max: g.C - 1, value: Math.min(this.settings.channel, g.C - 1), 'aria-label': 'channel' } });
      const out = h('output', { text: String(ch.value) });
      ch.addEventListener('input', () => { out.textContent = ch.value; this.settings.channel = Number(ch.value); this.ctx.save(); void this.load(); });
      append(this.controls, h('label', { class: 'sl-field' }, h('span', { text: `channel (of ${g.C})` }), ch, out));
    }
    // axis legend
    const names: Record<string, string> = { N: 'batch (sample index)', C: 'channel', H: 'height', W: 'width', F: 'features' };
    const rows = meta.shape.map((d, ax) => {
      const letter = (Object.entries(g.axisOf).find(([, a]) => a === ax) ?? ['?'])[0];
      const extra = letter === 'F' && this.settings.layout === 'NF-square' ? ` — shown as ${g.H} × ${g.W}` : '';
      return h('li', {}, h('code', { text: `axis ${ax}` }), ` ${letter} · ${names[letter] ?? ''} · ${d}${extra}`);
    });
    replaceChildren(this.legend, h('span', { class: 'sl-muted', text: 'Axes: ' }), h('ul', {}, ...rows));
    void this.load();
  }

  private async load(): Promise<void> {
    const gen = ++this.generation;
    const { meta } = this.ctx;
    const g = this.geometry();
    const layout = this.settings.layout;
    const { k, step, shownC } = this.perPage();
    const n0 = Math.min(this.settings.start, Math.max(0, g.N - 1));
    const n1 = Math.min(g.N, n0 + k);
    const hs = Math.ceil(g.H / step), ws = Math.ceil(g.W / step);
    const range = (n: number, st = step): AxisSel => ({ start: 0, stop: n, step: st });
    const chan: AxisSel = isChannels(g.C) ? range(g.C, 1) : { index: Math.min(this.settings.channel, g.C - 1) };
    const batch: AxisSel = { start: n0, stop: n1, step: 1 };
    const slice: AxisSel[] = layout === 'NCHW' ? [batch, chan, range(g.H), range(g.W)]
      : layout === 'NHWC' ? [batch, range(g.H), range(g.W), chan]
        : layout === 'NHW' ? [batch, range(g.H), range(g.W)]
          : layout === 'NF' ? [batch, range(meta.shape[1])] : [batch, range(meta.shape[1], 1)];
    this.renderPager(n0, n1, g.N);
    try {
      const b = await this.ctx.data.fetch(slice);
      if (this.disposed || gen !== this.generation) return;
      const v = b.values;
      const per = layout === 'NF' ? ws : layout === 'NF-square' ? meta.shape[1] : hs * ws * shownC;
      const getter = (n: number) => {
        const base = n * per;
        if (layout === 'NCHW') return (y: number, x: number, ch: number) => v[base + (ch * hs + y) * ws + x];
        if (layout === 'NF') return (_y: number, x: number) => v[base + x];
        if (layout === 'NF-square') return (y: number, x: number) => v[base + y * g.W + x];
        return (y: number, x: number, ch: number) => v[base + (y * ws + x) * shownC + ch];
      };
      const shared = this.settings.perSample ? undefined : byteScale(meta.dtype, v);
      const th = layout === 'NF' ? 1 : layout === 'NF-square' ? g.H : hs;
      const tw = layout === 'NF-square' ? g.W : ws;
      const zoom = layout === 'NF' ? 1 : Math.max(1, Math.min(8, Math.floor(84 / Math.max(th, tw))));
      const hl = meta.highlight && meta.highlight.axis === 0 ? meta.highlight : undefined;
      const tiles: HTMLElement[] = [];
      for (let n = 0; n < n1 - n0; n++) {
        const idx = n0 + n;
        const scale = shared ?? byteScale(meta.dtype, v.subarray(n * per, (n + 1) * per));
        const get = getter(n);
        const canvas = pixelCanvas(tw, th, zoom, (img) => writePixels(img.data, th, tw, shownC, false, get, scale.toByte),
          layout === 'NF' ? 'sl-pixels sl-row-canvas' : 'sl-pixels');
        if (layout === 'NF') { canvas.style.height = '12px'; canvas.style.width = `${Math.min(640, Math.max(tw, 160))}px`; }
        const inBatch = !!hl && idx >= hl.start && idx < hl.stop;
        tiles.push(h('figure', {
          class: `sl-tile${inBatch ? ' sl-hl' : ''}`,
          attrs: { role: 'listitem', 'aria-label': `sample ${idx}${inBatch ? ' (in the highlighted batch)' : ''}`, 'data-index': idx },
        }, canvas, h('figcaption', { text: String(idx) })));
      }
      this.grid.classList.toggle('sl-batch-rows', layout === 'NF');
      this.grid.replaceChildren(...tiles);
      const notes: string[] = [];
      if (step > 1) notes.push(`Showing a sample of each image: every ${step}th pixel (${hs} × ${ws} of ${g.H} × ${g.W}).`);
      if (shared?.note) notes.push(`All samples share one scale: ${shared.note}`);
      if (this.settings.perSample) notes.push('Each sample is scaled to its own range.');
      if (!isChannels(g.C)) notes.push(`Showing channel ${this.settings.channel} of ${g.C}.`);
      if (hl) notes.push(`Highlighted: rows ${hl.start}–${hl.stop - 1}, ${hl.label}.`);
      this.notice.textContent = notes.join(' ');
      requestAnimationFrame(() => { if (!this.disposed && gen === this.generation) this.ctx.painted('batch'); });
    } catch (e) {
      this.notice.textContent = `Could not load values: ${(e as Error).message}`;
    }
  }

  private renderPager(n0: number, n1: number, N: number): void {
    const hl = this.ctx.meta.highlight && this.ctx.meta.highlight.axis === 0 ? this.ctx.meta.highlight : undefined;
    replaceChildren(this.pager,
      button('◀ Previous', () => this.page(-1), { disabled: n0 === 0, 'aria-label': 'previous samples' }),
      h('span', { class: 'sl-pager-text', text: `samples ${n0}–${n1 - 1} of ${formatCount(N)}` }),
      button('Next ▶', () => this.page(1), { disabled: n1 >= N, 'aria-label': 'next samples' }),
      hl && (hl.start < n0 || hl.start >= n1)
        ? button(`Go to ${hl.label}`, () => { this.settings.start = hl.start; this.ctx.save(); void this.load(); })
        : null);
  }
}
