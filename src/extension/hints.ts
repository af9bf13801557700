// Inlay hints: the inferred shape after each assignment of an array, `(3, 3) float64`, or
// `(B, 784)` with symbolic dims. Mode `shapeLens.hints.mode`: all assignments, only where a
// name's shape changed, or off. The tooltip gives the derivation. The analysis worker answers
// with the hints of the range asked for (languageService.ts); this places them.
import * as vscode from 'vscode';
import { Analyses, inView, toPosition } from './analyses';
import type { HintItem } from './languageProtocol';
import { hintsMode } from './settings';

export class ShapeHintsProvider implements vscode.InlayHintsProvider {
  constructor(private readonly analyses: Analyses) {}

  async provideInlayHints(doc: vscode.TextDocument, range: vscode.Range, token?: vscode.CancellationToken): Promise<vscode.InlayHint[]> {
    const mode = hintsMode(doc);
    if (mode === 'off') return [];
    const v = this.analyses.view(doc);
    if (!v) return [];
    // the editor asks for what is on screen: the worker skips the rest before writing tooltips
    const from = v.base + doc.offsetAt(range.start), to = v.base + doc.offsetAt(range.end);
    const items = await this.analyses.ask<HintItem[]>(v, { op: 'hints', key: v.key, from, to, mode });
    if (!items || token?.isCancellationRequested || !this.analyses.isCurrent(v)) return [];
    const out: vscode.InlayHint[] = [];
    for (const item of items) {
      if (!inView(v, item.end, item.end)) continue;
      const pos = toPosition(v, item.end);
      if (!range.contains(pos)) continue;
      const h = new vscode.InlayHint(pos, item.label, vscode.InlayHintKind.Type);
      h.paddingLeft = true;
      h.tooltip = new vscode.MarkdownString(item.tooltip);
      out.push(h);
    }
    return out;
  }
}
