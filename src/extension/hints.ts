// Inlay hints: the inferred shape after each assignment of an array, `(3, 3) float64`, or
// `(B, 784)` with symbolic dims. Mode `shapeLens.hints.mode`: all assignments, only where a
// name's shape changed, or off. The tooltip gives the derivation. The analysis worker answers
// with the hints of the range asked for (languageService.ts); this places them. After an edit
// of a visible document, `prefetch` asks the worker for the hints around what the editor shows,
// so that the editor's own request, which comes after its debounce, is answered at once from
// that answer (or waits for it, if it is still on its way), with no second trip to the worker.
// Tooltips are asked of the worker only when the editor resolves a hint (pointer on it): sent
// with every hint they made each answer ~5x larger, for tooltips almost never shown.
import * as vscode from 'vscode';
import { Analyses, DocumentView, inView, toPosition } from './analyses';
import type { HintItem, ProgramVersion } from './languageProtocol';
import { hintsMode } from './settings';

/**
 * Lines fetched above and below the visible ones, beyond two screenfuls each way. The editor asks
 * for what it shows plus a viewport above and below plus 30 lines (InlayHintsController's
 * getVisibleRangesPlusViewportAboveBelow), and a prefetch that falls short of that is no use. Its
 * viewport counts the blank space below the last line, which visibleRanges does not: hence two.
 */
const PREFETCH_MARGIN_LINES = 40;

interface Prefetched {
  readonly version: ProgramVersion;
  readonly mode: 'all' | 'changed';
  readonly from: number;
  readonly to: number;
  /** the worker's answer, while it is on its way */
  readonly answer: Promise<readonly HintItem[] | undefined>;
  items?: readonly HintItem[];
}

export class ShapeHintsProvider implements vscode.InlayHintsProvider {
  /** the last prefetched answer per document (a document reopened under its URI is a new object) */
  private readonly prefetched = new WeakMap<vscode.TextDocument, Prefetched>();
  /** where each placed hint came from, to ask for its tooltip in resolveInlayHint */
  private readonly sources = new WeakMap<vscode.InlayHint, { view: DocumentView; end: number; mode: 'all' | 'changed' }>();

  constructor(private readonly analyses: Analyses) {}

  async provideInlayHints(doc: vscode.TextDocument, range: vscode.Range, token?: vscode.CancellationToken): Promise<vscode.InlayHint[]> {
    const mode = hintsMode(doc);
    if (mode === 'off') return [];
    const v = this.analyses.view(doc);
    if (!v) return [];
    // the editor asks for what is on screen: the worker skips the rest before writing tooltips
    const from = v.base + doc.offsetAt(range.start), to = v.base + doc.offsetAt(range.end);
    const p = this.prefetched.get(doc);
    const covers = p !== undefined && p.version === v.version && p.mode === mode && p.from <= from && to <= p.to;
    if (covers && p.items) return this.place(v, range, p.items, mode);
    // the prefetch for this version is on its way: its answer comes before a new question's would
    const items = (covers ? await p.answer : undefined) ?? await this.analyses.ask<HintItem[]>(v, { op: 'hints', key: v.key, from, to, mode });
    if (!items || token?.isCancellationRequested || !this.analyses.isCurrent(v)) return [];
    return this.place(v, range, items, mode);
  }

  /** The derivation as tooltip, asked of the worker when the editor is about to show it. */
  async resolveInlayHint(hint: vscode.InlayHint, token?: vscode.CancellationToken): Promise<vscode.InlayHint> {
    const src = this.sources.get(hint);
    if (!src || !this.analyses.isCurrent(src.view)) return hint;
    const v = src.view;
    const tooltip = await this.analyses.ask<string>(v, { op: 'hintTooltip', key: v.key, end: src.end, mode: src.mode });
    if (tooltip && !token?.isCancellationRequested) hint.tooltip = new vscode.MarkdownString(tooltip);
    return hint;
  }

  /** Asks the worker now for the hints around `editor`'s visible lines (after an edit). */
  prefetch(editor: vscode.TextEditor): void {
    const doc = editor.document;
    const mode = hintsMode(doc);
    if (mode === 'off' || editor.visibleRanges.length === 0) return;
    const v = this.analyses.view(doc);
    if (!v) return;
    const top = Math.min(...editor.visibleRanges.map((r) => r.start.line)), bottom = Math.max(...editor.visibleRanges.map((r) => r.end.line));
    const margin = 2 * (bottom - top + 1) + PREFETCH_MARGIN_LINES;
    const first = Math.max(0, top - margin), last = Math.min(doc.lineCount - 1, bottom + margin);
    const from = v.base + doc.offsetAt(new vscode.Position(first, 0)), to = v.base + doc.offsetAt(doc.lineAt(last).range.end);
    const answer = this.analyses.ask<HintItem[]>(v, { op: 'hints', key: v.key, from, to, mode }).then((items) => {
      if (items) entry.items = items;
      return items;
    }, (err: unknown) => {
      console.log(`[shape-lens] analysis failed: ${String(err)}`);
      return undefined;
    });
    const entry: Prefetched = { version: v.version, mode, from, to, answer };
    this.prefetched.set(doc, entry);
  }

  private place(v: DocumentView, range: vscode.Range, items: readonly HintItem[], mode: 'all' | 'changed'): vscode.InlayHint[] {
    const out: vscode.InlayHint[] = [];
    for (const item of items) {
      if (!inView(v, item.end, item.end)) continue;
      const pos = toPosition(v, item.end);
      if (!range.contains(pos)) continue;
      const h = new vscode.InlayHint(pos, item.label, vscode.InlayHintKind.Type);
      h.paddingLeft = true;
      this.sources.set(h, { view: v, end: item.end, mode });
      out.push(h);
    }
    return out;
  }
}
