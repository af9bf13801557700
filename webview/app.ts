// The inspector app: receives validated host messages, keeps the panel's state (the open
// array, the chosen view and its settings, the last explainer) through getState/setState so
// a hidden or reloaded panel comes back as it was, and lays out the header, view tabs,
// slicing controls, the current view and a status line. Views do the drawing; this file
// decides which exist for a shape and which starts.

import type { View, ViewContext, ViewSettings } from './context';
import { ArrayData } from './data';
import { append, h, replaceChildren } from './dom';
import { formatBytes, formatCount, shapeText } from './format';
import { HostBridge } from './host';
import type { ArrayMeta, ExplainBroadcastMessage, ExplainMatmulMessage, HostToView, ViewKind } from './protocol';
import { SliceState, validSlice } from './slicing';
import { batchLayouts, BatchView } from './views/batch';
import { BroadcastExplainer, MatmulExplainer } from './views/explain';
import { HeatmapView } from './views/heatmap';
import { imageLayouts, ImageView } from './views/image';
import { slicer } from './views/slicer';
import { StatsView } from './views/stats';
import { TableView } from './views/table';

type Explain = ExplainBroadcastMessage | ExplainMatmulMessage;

export interface SavedState {
  arrayId?: string;
  view?: ViewKind;
  settings?: ViewSettings;
  explain?: Explain;
}

const TAB_TEXT: Record<ViewKind, string> = {
  table: 'Table', heatmap: 'Heatmap', image: 'Image', batch: 'Batch', stats: 'Statistics', explain: 'Explain',
};

/** The views that make sense for an array's shape. */
export function viewsFor(meta: ArrayMeta): ViewKind[] {
  const out: ViewKind[] = ['table'];
  const size = meta.shape.reduce((p, d) => p * d, 1);
  if (meta.shape.length >= 1 && size > 0) out.push('heatmap');
  if (imageLayouts(meta.shape).length > 0) out.push('image');
  if (batchLayouts(meta.shape, meta.source, meta.layout, meta.maxChunkElements).length > 0) out.push('batch');
  out.push('stats');
  return out;
}

/** The view an array opens in when neither the host nor saved state says. */
export function defaultView(meta: ArrayMeta): ViewKind {
  const s = meta.shape, nd = s.length;
  const size = s.reduce((p, d) => p * d, 1);
  if (size === 0 || nd <= 1) return 'table';
  if (nd === 2) return size <= 2000 ? 'table' : 'heatmap';
  if (nd === 3 && (s[2] === 3 || s[2] === 4)) return 'image';
  if (nd === 3 && s[1] >= 4 && s[2] >= 4) return 'batch';
  if (nd === 4) return 'batch';
  return 'heatmap';
}

export class InspectorApp {
  private state: SavedState;
  private meta: ArrayMeta | undefined;
  private data: ArrayData | undefined;
  private view: View | undefined;
  private readonly header: HTMLElement;
  private readonly tabs: HTMLElement;
  private readonly controls: HTMLElement;
  private readonly body: HTMLElement;
  private readonly statusLine: HTMLElement;
  private readonly alert: HTMLElement;
  private firstPaintPending = false;

  constructor(private readonly root: HTMLElement, private readonly host: HostBridge) {
    const saved = host.getState<SavedState>() ?? {};
    this.state = { ...saved };
    this.header = h('header', { class: 'sl-header' });
    this.tabs = h('nav', { class: 'sl-tabs', attrs: { role: 'tablist', 'aria-label': 'views' } });
    this.controls = h('div', { class: 'sl-controls' });
    this.alert = h('div', { class: 'sl-alert', attrs: { role: 'alert' } });
    this.body = h('div', { class: 'sl-body', attrs: { role: 'tabpanel' } });
    this.statusLine = h('footer', { class: 'sl-status', attrs: { 'aria-live': 'polite' } });
    replaceChildren(root, this.header, this.tabs, this.alert, this.controls, this.body, this.statusLine);
    host.onMessage((m) => this.handle(m));
    this.tabs.addEventListener('keydown', (e) => this.onTabKey(e));
    if (this.state.explain && !this.state.arrayId) this.showExplainOnly();
    else this.renderEmpty();
  }

  /** Tells the host the view is up (and which array it showed before a reload). */
  start(): void {
    this.host.post(this.state.arrayId ? { type: 'ready', restoreId: this.state.arrayId } : { type: 'ready' });
  }

  private save(): void {
    this.host.setState(this.state);
  }

  handle(m: HostToView): void {
    switch (m.type) {
      case 'open': this.open(m.array, m.view); return;
      case 'explainBroadcast': case 'explainMatmul':
        this.state.explain = m;
        this.state.view = 'explain';
        this.save();
        if (this.meta) this.render(); else this.showExplainOnly();
        return;
      case 'error':
        this.alert.textContent = m.message;
        // a panel revived after a reload whose array the host no longer has: forget it, and
        // keep showing the saved explainer if there is one
        if (m.id === undefined && !this.meta && this.state.arrayId) {
          delete this.state.arrayId;
          this.save();
          if (this.state.explain) this.showExplainOnly();
        }
        return;
      case 'chunk': case 'stats': case 'axisSummary':
        return; // replies are routed by HostBridge.request
    }
  }

  private open(meta: ArrayMeta, view: ViewKind | undefined): void {
    performance.clearMarks('sl:open');
    performance.mark('sl:open');
    this.firstPaintPending = true;
    const same = this.state.arrayId === meta.id;
    this.meta = meta;
    this.data = new ArrayData(meta, this.host);
    const settings = same ? this.state.settings ?? {} : {};
    const views = this.available();
    const chosen = same && this.state.view && views.includes(this.state.view) ? this.state.view
      : view && views.includes(view) ? view : defaultView(meta);
    this.state = { arrayId: meta.id, view: chosen, settings, ...(this.state.explain ? { explain: this.state.explain } : {}) };
    this.alert.textContent = '';
    this.save();
    this.render();
  }

  private available(): ViewKind[] {
    const v = this.meta ? viewsFor(this.meta) : [];
    if (this.state.explain) v.push('explain');
    return v;
  }

  private renderEmpty(): void {
    replaceChildren(this.header, h('p', { class: 'sl-muted', text: 'Waiting for an array…' }));
  }

  private showExplainOnly(): void {
    replaceChildren(this.header, h('h1', { text: 'Shape Lens' }));
    this.renderTabs(['explain'], 'explain');
    this.show('explain');
  }

  private render(): void {
    const meta = this.meta!;
    const views = this.available();
    const current = this.state.view && views.includes(this.state.view) ? this.state.view : views[0];
    this.state.view = current;
    this.renderHeader(meta);
    this.renderTabs(views, current);
    this.show(current);
  }

  private renderHeader(m: ArrayMeta): void {
    document.title = `${m.name} ${shapeText(m.shape)}`;
    const contiguity = m.contiguous.c && m.contiguous.f ? 'C and F contiguous' : m.contiguous.c ? 'C contiguous'
      : m.contiguous.f ? 'F contiguous (a transposed view?)' : 'not contiguous (a strided view)';
    const size = m.shape.reduce((p, d) => p * d, 1);
    const fact = (k: string, v: string, cls = ''): HTMLElement[] => [h('dt', { text: k }), h('dd', { text: v, class: cls })];
    replaceChildren(this.header,
      h('h1', {}, h('code', { class: 'sl-name', text: m.name })),
      h('dl', { class: 'sl-facts' },
        ...fact('shape', shapeText(m.shape), 'sl-shape'),
        ...fact('dtype', m.dtype),
        ...fact('size', formatCount(size)),
        ...fact('strides', `${shapeText(m.strides)} bytes`),
        ...fact('layout', contiguity),
        ...fact('nbytes', formatBytes(m.nbytes)),
        ...(m.source === 'torch' ? fact('from', 'torch tensor') : []),
        ...(m.origin ? fact('values', m.origin, 'sl-origin') : [])));
  }

  private renderTabs(views: ViewKind[], current: ViewKind): void {
    replaceChildren(this.tabs, ...views.map((v) => {
      const t = h('button', {
        class: 'sl-tab', text: TAB_TEXT[v],
        attrs: { role: 'tab', type: 'button', 'aria-selected': v === current ? 'true' : 'false', tabindex: v === current ? 0 : -1, 'data-view': v },
      });
      t.addEventListener('click', () => this.select(v));
      return t;
    }));
  }

  private onTabKey(e: KeyboardEvent): void {
    const tabs = Array.from(this.tabs.querySelectorAll<HTMLButtonElement>('[role=tab]'));
    const i = tabs.findIndex((t) => t === document.activeElement);
    if (i < 0) return;
    let j = i;
    if (e.key === 'ArrowRight') j = (i + 1) % tabs.length;
    else if (e.key === 'ArrowLeft') j = (i - 1 + tabs.length) % tabs.length;
    else if (e.key === 'Home') j = 0;
    else if (e.key === 'End') j = tabs.length - 1;
    else return;
    e.preventDefault();
    const v = tabs[j].dataset.view as ViewKind;
    this.select(v);
    this.tabs.querySelector<HTMLButtonElement>(`[data-view="${v}"]`)?.focus();
  }

  private select(v: ViewKind): void {
    if (v === this.state.view) return;
    this.state.view = v;
    this.save();
    if (this.meta) this.render(); else this.showExplainOnly();
  }

  private context(): ViewContext {
    const settings = (this.state.settings ??= {});
    return {
      meta: this.meta!, data: this.data!, host: this.host, settings,
      save: () => this.save(),
      status: (t) => { this.statusLine.textContent = t; },
      painted: (view) => this.painted(view),
    };
  }

  private painted(view: string): void {
    this.root.dataset.painted = view;
    if (!this.firstPaintPending) return;
    this.firstPaintPending = false;
    const m = performance.measure(`sl:first-paint:${view}`, 'sl:open');
    this.root.dataset.firstPaintMs = m.duration.toFixed(1);
  }

  private show(kind: ViewKind): void {
    this.view?.dispose();
    this.view = undefined;
    delete this.root.dataset.painted;
    replaceChildren(this.controls);
    this.statusLine.textContent = '';
    if (kind === 'explain') {
      const e = this.state.explain!;
      this.view = e.type === 'explainBroadcast' ? new BroadcastExplainer(e) : new MatmulExplainer(e);
      replaceChildren(this.body, this.view.root);
      this.root.dataset.painted = 'explain';
      return;
    }
    const ctx = this.context();
    if (kind === 'table' || kind === 'heatmap') {
      const s = validSlice(ctx.meta.shape, ctx.settings.slice);
      ctx.settings.slice = s;
      this.save();
      const make = (st: SliceState): View => (kind === 'table' ? new TableView(ctx, st) : new HeatmapView(ctx, st));
      const onSlice = (st: SliceState): void => {
        const axesChanged = st.rowAxis !== ctx.settings.slice?.rowAxis || st.colAxis !== ctx.settings.slice?.colAxis;
        ctx.settings.slice = st;
        this.save();
        if (axesChanged) { this.show(kind); return; }
        this.view?.dispose();
        this.view = make(st);
        replaceChildren(this.body, this.view.root);
      };
      append(this.controls, slicer(ctx.meta, s, onSlice, ctx.status).root);
      this.view = make(s);
    } else if (kind === 'image') {
      this.view = new ImageView(ctx);
    } else if (kind === 'batch') {
      this.view = new BatchView(ctx);
    } else {
      this.view = new StatsView(ctx);
    }
    replaceChildren(this.body, this.view.root);
  }
}
