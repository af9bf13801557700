// The table view: a virtualised grid of a 2-D window (0-D, 1-D, 2-D, or a 2-D slice of N-D).
// Only the cells in view exist in the DOM (a recycled pool, repositioned on scroll); values
// arrive in tiles fetched on demand. Selection with mouse or keyboard, copied as
// tab-separated text at full precision; NaN and ±inf are highlighted. Dims too long for the
// browser's scroll height are mapped proportionally onto the scrollbar.

import { append, button, copyText, h, px } from '../dom';
import type { View, ViewContext } from '../context';
import { formatCell, formatFull } from '../format';
import { blockIndex, dims, elementExpression, SliceState, windowSlice } from '../slicing';

const CELL_H = 22;
const HEADER_H = 24;
/** browsers cap element sizes (Chromium near 33.5M px); stay well below */
const MAX_SCROLL_PX = 4_000_000;

interface Sel { r0: number; c0: number; r1: number; c1: number }

export class TableView implements View {
  readonly root: HTMLElement;
  private readonly scroller: HTMLDivElement;
  private readonly content: HTMLDivElement;
  private readonly layer: HTMLDivElement;
  private readonly info: HTMLSpanElement;
  private readonly rows: number;
  private readonly cols: number;
  private readonly cellW: number;
  private readonly rowHeadW: number;
  private readonly tileR: number;
  private readonly tileC: number;
  private pool: HTMLDivElement[] = [];
  private colHeads: HTMLDivElement[] = [];
  private rowHeads: HTMLDivElement[] = [];
  private readonly corner: HTMLDivElement;
  private frame = 0;
  private anchor = { r: 0, c: 0 };
  private focus = { r: 0, c: 0 };
  private dragging = false;
  private geom = { firstRow: 0, firstCol: 0, visRows: 0, visCols: 0 };
  private disposed = false;
  private paintedOnce = false;
  private readonly resizeObserver: ResizeObserver;

  constructor(private readonly ctx: ViewContext, private readonly slice: SliceState) {
    const { meta } = ctx;
    const d = dims(meta.shape, slice);
    this.rows = meta.shape.some((x) => x === 0) ? 0 : d.rows;
    this.cols = meta.shape.some((x) => x === 0) ? 0 : d.cols;
    this.cellW = meta.dtype === 'bool' ? 64 : meta.dtype.startsWith('float') ? 104 : 84;
    this.rowHeadW = Math.max(48, String(Math.max(0, this.rows - 1)).length * 9 + 20);
    const max = meta.maxChunkElements;
    this.tileR = Math.max(1, Math.min(64, max));
    this.tileC = Math.max(1, Math.min(32, Math.floor(max / this.tileR)));

    this.info = h('span', { class: 'sl-muted' });
    const toolbar = h('div', { class: 'sl-toolbar' },
      this.info,
      button('Copy selection', () => { void this.copySelection(); }, { title: 'Copy the selected cells as tab-separated text (Ctrl+C)' }));

    this.corner = h('div', { class: 'sl-cell sl-corner', attrs: { 'aria-hidden': 'true' } });
    this.layer = h('div', { class: 'sl-grid-layer' }, this.corner);
    this.content = h('div', { class: 'sl-grid-content' }, this.layer);
    this.scroller = h('div', {
      class: 'sl-grid',
      attrs: {
        role: 'grid', tabindex: 0, 'aria-rowcount': this.rows + 1, 'aria-colcount': this.cols + 1,
        'aria-label': `${meta.name} as a table, ${this.rows} rows by ${this.cols} columns`,
        'aria-multiselectable': 'true',
      },
    }, this.content);
    this.root = h('div', { class: 'sl-table' }, toolbar, this.scroller);
    if (meta.highlight && meta.highlight.axis === slice.rowAxis) {
      append(toolbar, h('span', { class: 'sl-hl-legend', text: `highlighted rows ${meta.highlight.start}–${meta.highlight.stop - 1}: ${meta.highlight.label}` }));
    }

    px(this.content, 'width', this.rowHeadW + this.scaledSize(this.cols, this.cellW));
    px(this.content, 'height', HEADER_H + this.scaledSize(this.rows, CELL_H));

    this.scroller.addEventListener('scroll', () => this.schedule());
    this.scroller.addEventListener('keydown', (e) => this.onKey(e));
    this.layer.addEventListener('mousedown', (e) => this.onMouse(e, 'down'));
    this.layer.addEventListener('mousemove', (e) => this.onMouse(e, 'move'));
    window.addEventListener('mouseup', this.onUp);
    document.addEventListener('copy', this.onCopy);
    this.resizeObserver = new ResizeObserver(() => this.schedule());
    this.resizeObserver.observe(this.scroller);
    this.updateInfo();
    this.schedule();
  }

  dispose(): void {
    this.disposed = true;
    cancelAnimationFrame(this.frame);
    window.removeEventListener('mouseup', this.onUp);
    document.removeEventListener('copy', this.onCopy);
    this.resizeObserver.disconnect();
  }

  /** DOM cells currently alive (the virtualisation's footprint). */
  get cellCount(): number {
    return this.pool.length;
  }

  private scaledSize(n: number, unit: number): number {
    return Math.min(n * unit, MAX_SCROLL_PX);
  }

  private schedule(): void {
    if (this.disposed) return;
    cancelAnimationFrame(this.frame);
    this.frame = requestAnimationFrame(() => this.render());
  }

  /** First visible index and sub-cell offset along one axis. */
  private first(scroll: number, n: number, unit: number, visible: number, viewport: number): { first: number; off: number } {
    const full = n * unit;
    if (full <= MAX_SCROLL_PX) {
      const first = Math.min(Math.floor(scroll / unit), Math.max(0, n - 1));
      return { first, off: scroll - first * unit };
    }
    const maxScroll = Math.max(1, MAX_SCROLL_PX - viewport);
    const first = Math.round((Math.min(scroll, maxScroll) / maxScroll) * Math.max(0, n - visible + 1));
    return { first, off: 0 };
  }

  private render(): void {
    if (this.disposed) return;
    const vw = this.scroller.clientWidth, vh = this.scroller.clientHeight;
    px(this.layer, 'width', vw);
    px(this.layer, 'height', vh);
    const bodyW = Math.max(0, vw - this.rowHeadW), bodyH = Math.max(0, vh - HEADER_H);
    const visRows = Math.min(this.rows, Math.ceil(bodyH / CELL_H) + 1);
    const visCols = Math.min(this.cols, Math.ceil(bodyW / this.cellW) + 1);
    const y = this.first(this.scroller.scrollTop, this.rows, CELL_H, visRows, bodyH);
    const x = this.first(this.scroller.scrollLeft, this.cols, this.cellW, visCols, bodyW);
    const nRows = Math.min(visRows, this.rows - y.first), nCols = Math.min(visCols, this.cols - x.first);
    this.geom = { firstRow: y.first, firstCol: x.first, visRows: nRows, visCols: nCols };

    const { meta } = this.ctx;
    const hl = meta.highlight && meta.highlight.axis === this.slice.rowAxis ? meta.highlight : undefined;
    // headers
    this.colHeads = this.ensure(this.colHeads, nCols, 'sl-cell sl-colhead', 'columnheader');
    this.colHeads.forEach((el, j) => {
      const c = x.first + j;
      this.place(el, this.rowHeadW + j * this.cellW - x.off, 0, this.cellW, HEADER_H);
      this.setText(el, this.slice.colAxis === null ? '' : String(c));
      el.dataset.c = String(c);
      el.setAttribute('aria-colindex', String(c + 2));
    });
    this.rowHeads = this.ensure(this.rowHeads, nRows, 'sl-cell sl-rowhead', 'rowheader');
    this.rowHeads.forEach((el, i) => {
      const r = y.first + i;
      this.place(el, 0, HEADER_H + i * CELL_H - y.off, this.rowHeadW, CELL_H);
      this.setText(el, this.slice.rowAxis === null ? '' : String(r));
      el.dataset.r = String(r);
      el.setAttribute('aria-rowindex', String(r + 2));
      el.classList.toggle('sl-hl', !!hl && r >= hl.start && r < hl.stop);
    });
    this.place(this.corner, 0, 0, this.rowHeadW, HEADER_H);
    this.setText(this.corner, this.slice.colAxis !== null ? `${this.slice.rowAxis}↓ ${this.slice.colAxis}→` : this.slice.rowAxis !== null ? `${this.slice.rowAxis}↓` : '');

    // cells
    this.pool = this.ensure(this.pool, nRows * nCols, 'sl-cell sl-value', 'gridcell');
    const sel = this.selection();
    let missing = false;
    for (let i = 0; i < nRows; i++) {
      for (let j = 0; j < nCols; j++) {
        const el = this.pool[i * nCols + j];
        const r = y.first + i, c = x.first + j;
        this.place(el, this.rowHeadW + j * this.cellW - x.off, HEADER_H + i * CELL_H - y.off, this.cellW, CELL_H);
        el.dataset.r = String(r);
        el.dataset.c = String(c);
        el.setAttribute('aria-rowindex', String(r + 2));
        el.setAttribute('aria-colindex', String(c + 2));
        const v = this.value(r, c);
        if (v === undefined) {
          missing = true;
          this.setText(el, '…');
          el.classList.remove('sl-nan', 'sl-inf');
        } else {
          this.setText(el, formatCell(v, meta.dtype));
          el.classList.toggle('sl-nan', v !== v);
          el.classList.toggle('sl-inf', v === Infinity || v === -Infinity);
        }
        const inSel = r >= sel.r0 && r <= sel.r1 && c >= sel.c0 && c <= sel.c1;
        el.classList.toggle('sl-selected', inSel);
        el.setAttribute('aria-selected', inSel ? 'true' : 'false');
        const active = r === this.focus.r && c === this.focus.c;
        el.classList.toggle('sl-active', active);
        if (active) el.id = 'sl-active-cell'; else if (el.id) el.removeAttribute('id');
        el.classList.toggle('sl-hl', !!hl && r >= hl.start && r < hl.stop);
      }
    }
    if (this.pool.some((el) => el.id === 'sl-active-cell')) this.scroller.setAttribute('aria-activedescendant', 'sl-active-cell');
    else this.scroller.removeAttribute('aria-activedescendant');
    if (missing) this.requestTiles(y.first, nRows, x.first, nCols);
    else if (!this.paintedOnce) { this.paintedOnce = true; this.ctx.painted('table'); }
  }

  private ensure(pool: HTMLDivElement[], n: number, cls: string, role: string): HTMLDivElement[] {
    while (pool.length < n) {
      const el = h('div', { class: cls, attrs: { role } });
      this.layer.appendChild(el);
      pool.push(el);
    }
    while (pool.length > n) pool.pop()!.remove();
    return pool;
  }

  private place(el: HTMLElement, x: number, y: number, w: number, hgt: number): void {
    el.style.transform = `translate(${x}px, ${y}px)`;
    if (el.dataset.w !== String(w)) { px(el, 'width', w); el.dataset.w = String(w); }
    if (el.dataset.h !== String(hgt)) { px(el, 'height', hgt); el.dataset.h = String(hgt); }
  }

  private setText(el: HTMLElement, t: string): void {
    if (el.textContent !== t) el.textContent = t;
  }

  private tileSlice(tr: number, tc: number) {
    const r = { start: tr * this.tileR, stop: Math.min(this.rows, (tr + 1) * this.tileR), step: 1 };
    const c = { start: tc * this.tileC, stop: Math.min(this.cols, (tc + 1) * this.tileC), step: 1 };
    return { slice: windowSlice(this.ctx.meta.shape, this.slice, r, c), r, c };
  }

  private value(r: number, c: number): number | undefined {
    const tr = Math.floor(r / this.tileR), tc = Math.floor(c / this.tileC);
    const t = this.tileSlice(tr, tc);
    const b = this.ctx.data.peek(t.slice);
    if (!b) return undefined;
    const idx = blockIndex(this.slice, t.r.stop - t.r.start, t.c.stop - t.c.start);
    return b.values[idx(r - t.r.start, c - t.c.start)];
  }

  private tilesFor(r0: number, nr: number, c0: number, nc: number): Promise<unknown>[] {
    const out: Promise<unknown>[] = [];
    for (let tr = Math.floor(r0 / this.tileR); tr <= Math.floor((r0 + nr - 1) / this.tileR); tr++) {
      for (let tc = Math.floor(c0 / this.tileC); tc <= Math.floor((c0 + nc - 1) / this.tileC); tc++) {
        const t = this.tileSlice(tr, tc);
        if (!this.ctx.data.peek(t.slice)) out.push(this.ctx.data.fetch(t.slice));
      }
    }
    return out;
  }

  private requestTiles(r0: number, nr: number, c0: number, nc: number): void {
    const ps = this.tilesFor(r0, nr, c0, nc);
    if (ps.length === 0) return;
    Promise.all(ps).then(() => this.schedule(), (e: Error) => this.ctx.status(`Could not load values: ${e.message}`));
  }

  private selection(): Sel {
    return {
      r0: Math.min(this.anchor.r, this.focus.r), r1: Math.max(this.anchor.r, this.focus.r),
      c0: Math.min(this.anchor.c, this.focus.c), c1: Math.max(this.anchor.c, this.focus.c),
    };
  }

  private updateInfo(): void {
    const s = this.selection();
    const n = (s.r1 - s.r0 + 1) * (s.c1 - s.c0 + 1);
    const at = elementExpression(this.ctx.meta.name, this.slice, this.focus.r, this.focus.c);
    this.info.textContent = this.rows === 0 || this.cols === 0 ? 'empty (a dimension has size 0)'
      : n > 1 ? `${s.r1 - s.r0 + 1} × ${s.c1 - s.c0 + 1} selected` : at;
  }

  private onMouse(e: MouseEvent, kind: 'down' | 'move'): void {
    const t = (e.target as HTMLElement).closest<HTMLElement>('[data-r], [data-c]');
    if (!t) return;
    if (kind === 'move') {
      const rr = t.dataset.r, cc = t.dataset.c;
      if (rr !== undefined && cc !== undefined) {
        const v = this.value(Number(rr), Number(cc));
        if (v !== undefined) this.ctx.status(`${elementExpression(this.ctx.meta.name, this.slice, Number(rr), Number(cc))} = ${formatFull(v, this.ctx.meta.dtype)}`);
      }
      if (!this.dragging) return;
    }
    const r = t.dataset.r !== undefined ? Number(t.dataset.r) : undefined;
    const c = t.dataset.c !== undefined ? Number(t.dataset.c) : undefined;
    if (kind === 'down') {
      e.preventDefault();
      this.scroller.focus();
      this.dragging = true;
      if (r !== undefined && c === undefined) { this.anchor = { r, c: 0 }; this.focus = { r, c: this.cols - 1 }; } // row header
      else if (c !== undefined && r === undefined) { this.anchor = { r: 0, c }; this.focus = { r: this.rows - 1, c }; } // column header
      else if (r !== undefined && c !== undefined) {
        this.focus = { r, c };
        if (!e.shiftKey) this.anchor = { r, c };
      }
    } else if (r !== undefined && c !== undefined) {
      this.focus = { r, c };
    }
    this.updateInfo();
    this.schedule();
  }

  private readonly onUp = (): void => { this.dragging = false; };

  private onKey(e: KeyboardEvent): void {
    const page = Math.max(1, this.geom.visRows - 2);
    let { r, c } = this.focus;
    switch (e.key) {
      case 'ArrowUp': r--; break;
      case 'ArrowDown': r++; break;
      case 'ArrowLeft': c--; break;
      case 'ArrowRight': c++; break;
      case 'PageUp': r -= page; break;
      case 'PageDown': r += page; break;
      case 'Home': if (e.ctrlKey) r = 0; c = 0; break;
      case 'End': if (e.ctrlKey) r = this.rows - 1; c = this.cols - 1; break;
      case 'a': case 'A':
        if (e.ctrlKey || e.metaKey) {
          e.preventDefault();
          this.anchor = { r: 0, c: 0 }; this.focus = { r: this.rows - 1, c: this.cols - 1 };
          this.updateInfo(); this.schedule();
        }
        return;
      default: return;
    }
    e.preventDefault();
    r = Math.max(0, Math.min(this.rows - 1, r));
    c = Math.max(0, Math.min(this.cols - 1, c));
    this.focus = { r, c };
    if (!e.shiftKey) this.anchor = { r, c };
    this.reveal(r, c);
    this.updateInfo();
    this.schedule();
  }

  /** Scrolls so that cell (r, c) is in view. */
  private reveal(r: number, c: number): void {
    const g = this.geom;
    const scrollTo = (n: number, unit: number, idx: number, first: number, vis: number, viewport: number, cur: number): number => {
      if (idx >= first && idx < first + vis - 1) return cur;
      if (n * unit <= MAX_SCROLL_PX) return idx < first ? idx * unit : (idx + 1) * unit - viewport;
      const maxScroll = Math.max(1, MAX_SCROLL_PX - viewport);
      const target = idx < first ? idx : idx - vis + 2;
      return (Math.max(0, target) / Math.max(1, n - vis + 1)) * maxScroll;
    };
    this.scroller.scrollTop = scrollTo(this.rows, CELL_H, r, g.firstRow, g.visRows, this.scroller.clientHeight - HEADER_H, this.scroller.scrollTop);
    this.scroller.scrollLeft = scrollTo(this.cols, this.cellW, c, g.firstCol, g.visCols, this.scroller.clientWidth - this.rowHeadW, this.scroller.scrollLeft);
  }

  /** The selection as TSV when every value is loaded; undefined otherwise. */
  private selectionText(): string | undefined {
    const s = this.selection();
    const lines: string[] = [];
    for (let r = s.r0; r <= s.r1; r++) {
      const cells: string[] = [];
      for (let c = s.c0; c <= s.c1; c++) {
        const v = this.value(r, c);
        if (v === undefined) return undefined;
        cells.push(formatFull(v, this.ctx.meta.dtype));
      }
      lines.push(cells.join('\t'));
    }
    return lines.join('\n');
  }

  private selectionSize(): number {
    const s = this.selection();
    return (s.r1 - s.r0 + 1) * (s.c1 - s.c0 + 1);
  }

  private tooBig(): boolean {
    const n = this.selectionSize();
    if (n <= this.ctx.meta.maxChunkElements) return false;
    this.ctx.status(`Selection of ${n} cells is larger than the copy limit of ${this.ctx.meta.maxChunkElements} values.`);
    return true;
  }

  async copySelection(): Promise<void> {
    if (this.rows === 0 || this.cols === 0 || this.tooBig()) return;
    const s = this.selection();
    await Promise.all(this.tilesFor(s.r0, s.r1 - s.r0 + 1, s.c0, s.c1 - s.c0 + 1));
    const text = this.selectionText();
    if (text === undefined) return;
    const ok = await copyText(text);
    this.ctx.status(ok ? `Copied ${this.selectionSize()} values.` : 'Copy failed: the clipboard is not available.');
  }

  private readonly onCopy = (e: ClipboardEvent): void => {
    if (document.activeElement !== this.scroller || this.rows === 0 || this.cols === 0) return;
    e.preventDefault();
    if (this.tooBig()) return;
    const text = this.selectionText();
    if (text !== undefined && e.clipboardData) {
      e.clipboardData.setData('text/plain', text);
      this.ctx.status(`Copied ${this.selectionSize()} values.`);
    } else {
      void this.copySelection();
    }
  };
}
