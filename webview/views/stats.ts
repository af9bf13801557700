// The statistics view: min, max, mean, std, NaN/±inf counts and a histogram, computed by the
// host over the whole array (or a strided sample it says it took), and per-axis summaries
// (`x.mean(axis=0)`) computed on request by the host's engine.

import type { View, ViewContext } from '../context';
import { button, h, replaceChildren, select } from '../dom';
import { formatCount, formatFull, formatStat, shapeText } from '../format';
import { AxisSummaryMessage, payloadValues, StatsMessage, SUMMARY_OPS, SummaryOp } from '../protocol';

const BINS = 64;

export class StatsView implements View {
  readonly root: HTMLElement;
  private readonly summary: HTMLDivElement;
  private readonly hist: HTMLCanvasElement;
  private readonly histLabels: HTMLDivElement;
  private readonly notice: HTMLDivElement;
  private readonly axisResult: HTMLDivElement;
  private stats: StatsMessage | undefined;
  private disposed = false;

  constructor(private readonly ctx: ViewContext) {
    this.notice = h('div', { class: 'sl-notice', attrs: { role: 'note' } });
    this.summary = h('div', { class: 'sl-stats-grid', text: 'Computing…' });
    this.hist = h('canvas', { class: 'sl-histogram', attrs: { width: 512, height: 140, role: 'img', 'aria-label': 'histogram' } });
    this.histLabels = h('div', { class: 'sl-hist-labels' });
    this.axisResult = h('div', { class: 'sl-axis-result', attrs: { 'aria-live': 'polite' } });
    this.hist.addEventListener('mousemove', (e) => this.hover(e));
    const nd = ctx.meta.shape.length;
    ctx.settings.summary ??= { axis: 0, op: 'mean' };
    const sset = ctx.settings.summary;
    const axisControls = nd === 0 ? h('p', { class: 'sl-muted', text: 'A 0-d array has no axes to summarise.' }) : h('div', { class: 'sl-toolbar' },
      select('Summary', SUMMARY_OPS.map((o) => [o, o] as const), sset.op, (v: SummaryOp) => { sset.op = v; ctx.save(); }),
      select('over axis', ctx.meta.shape.map((d, i) => [String(i), `axis ${i} (size ${d})`] as const), String(Math.min(sset.axis, nd - 1)),
        (v) => { sset.axis = Number(v); ctx.save(); }),
      button('Compute', () => { void this.computeAxis(); }));
    this.root = h('div', { class: 'sl-stats' },
      this.notice, this.summary,
      h('h3', { text: 'Histogram of finite values' }), this.hist, this.histLabels,
      h('h3', { text: 'Per-axis summary' }), axisControls, this.axisResult);
    void this.load();
  }

  dispose(): void {
    this.disposed = true;
  }

  private async load(): Promise<void> {
    try {
      const s = await this.ctx.data.stats(BINS);
      if (this.disposed) return;
      this.stats = s;
      this.render(s);
      requestAnimationFrame(() => { if (!this.disposed) this.ctx.painted('stats'); });
    } catch (e) {
      this.summary.textContent = `Could not compute statistics: ${(e as Error).message}`;
    }
  }

  private render(s: StatsMessage): void {
    const nonFinite = s.nanCount + s.posInfCount + s.negInfCount;
    const of = nonFinite > 0 ? ' (finite values)' : '';
    const rows: [string, string][] = [
      ['size', formatCount(s.size)],
      [`min${of}`, formatStat(s.min)], [`max${of}`, formatStat(s.max)],
      [`mean${of}`, formatStat(s.mean)], [`std${of}, ddof=0`, formatStat(s.std)],
      ['NaN', formatCount(s.nanCount)], ['+inf', formatCount(s.posInfCount)], ['-inf', formatCount(s.negInfCount)],
    ];
    replaceChildren(this.summary, h('dl', {}, ...rows.flatMap(([k, v]) => {
      const dd = h('dd', { text: v });
      if ((k === 'NaN' || k.endsWith('inf')) && v !== '0') dd.classList.add(k === 'NaN' ? 'sl-nan' : 'sl-inf');
      return [h('dt', { text: k }), dd];
    })));
    this.notice.textContent = s.sampled
      ? `Computed on a strided sample of ${formatCount(s.count)} of ${formatCount(s.size)} values (the host's limit is ${formatCount(this.ctx.meta.maxChunkElements)}).`
      : '';
    this.drawHistogram(s);
  }

  private drawHistogram(s: StatsMessage): void {
    const c = this.hist.getContext('2d')!;
    const W = this.hist.width, H = this.hist.height;
    c.clearRect(0, 0, W, H);
    const counts = s.histogram.counts;
    const peak = Math.max(1, ...counts);
    const css = getComputedStyle(document.body);
    c.fillStyle = css.getPropertyValue('--sl-accent').trim() || '#3794ff';
    const bw = W / counts.length;
    counts.forEach((n, i) => {
      const bh = (n / peak) * (H - 4);
      c.fillRect(i * bw + 0.5, H - bh, Math.max(1, bw - 1), bh);
    });
    const { lo, hi } = s.histogram;
    replaceChildren(this.histLabels,
      h('span', { text: formatStat(lo) }), h('span', { text: `peak ${formatCount(peak)} per bin, ${counts.length} bins` }), h('span', { text: formatStat(hi) }));
    this.hist.setAttribute('aria-label', `histogram of ${this.ctx.meta.name}: ${counts.length} bins from ${formatStat(lo)} to ${formatStat(hi)}`);
  }

  private hover(e: MouseEvent): void {
    const s = this.stats;
    if (!s) return;
    const rect = this.hist.getBoundingClientRect();
    const n = s.histogram.counts.length;
    const i = Math.min(n - 1, Math.max(0, Math.floor(((e.clientX - rect.left) / rect.width) * n)));
    const w = (s.histogram.hi - s.histogram.lo) / n;
    this.ctx.status(`[${formatStat(s.histogram.lo + i * w)}, ${formatStat(s.histogram.lo + (i + 1) * w)}): ${formatCount(s.histogram.counts[i])} values`);
  }

  private async computeAxis(): Promise<void> {
    const { axis, op } = this.ctx.settings.summary!;
    this.axisResult.textContent = 'Computing…';
    try {
      const m = await this.ctx.host.request<AxisSummaryMessage>((requestId) => ({ type: 'requestAxisSummary', id: this.ctx.meta.id, requestId, axis, op }));
      if (this.disposed) return;
      this.renderAxis(m);
    } catch (e) {
      this.axisResult.textContent = (e as Error).message;
    }
  }

  private renderAxis(m: AxisSummaryMessage): void {
    const values = payloadValues(m.data, m.valueType);
    const size = m.shape.reduce((p, d) => p * d, 1);
    const shown = Math.min(values.length, 200);
    const strides = m.shape.map((_, i) => m.shape.slice(i + 1).reduce((p, d) => p * d, 1));
    const idxText = (k: number): string => (m.shape.length === 0 ? '()' : `[${m.shape.map((d, i) => Math.floor(k / strides[i]) % d).join(', ')}]`);
    const table = h('table', { class: 'sl-axis-table' },
      h('thead', {}, h('tr', {}, h('th', { text: 'index' }), h('th', { text: 'value' }))),
      h('tbody', {}, ...Array.from({ length: shown }, (_, k) => {
        const v = values[k];
        const td = h('td', { text: formatFull(v, m.dtype) });
        if (v !== v) td.classList.add('sl-nan');
        else if (v === Infinity || v === -Infinity) td.classList.add('sl-inf');
        return h('tr', {}, h('td', { text: idxText(k) }), td);
      })));
    const note = shown < size ? `First ${formatCount(shown)} of ${formatCount(size)} values${m.count < size ? ` (the host sent ${formatCount(m.count)})` : ''}.` : '';
    replaceChildren(this.axisResult,
      h('p', {}, h('code', { text: m.expression }), ` → shape ${shapeText(m.shape)}, dtype ${m.dtype}`),
      note ? h('p', { class: 'sl-notice', text: note }) : null,
      table);
  }
}
