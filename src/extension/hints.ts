// Inlay hints: the inferred shape after each assignment of an array, `(3, 3) float64`, or
// `(B, 784)` with symbolic dims. Mode `shapeLens.hints.mode`: all assignments, only where a
// name's shape changed, or off. The tooltip gives the derivation. Reads the cached analysis
// (analyses.ts); computing it is synchronous and cheap, so the provider answers at once.
import * as vscode from 'vscode';
import { hintText } from '../analyzer';
import type { Hint } from '../analyzer';
import { Analyses, inView, toPosition } from './analyses';
import type { SessionResult } from '../analyzer/session';
import { derivation, lineLabel } from './describe';
import { hintsMode } from './settings';

export class ShapeHintsProvider implements vscode.InlayHintsProvider {
  constructor(private readonly analyses: Analyses) {}

  /** the hints to show of one analysis result, per mode (the editor asks again on every scroll) */
  private readonly selections = new WeakMap<SessionResult, Map<'all' | 'changed', { hint: Hint; text: string }[]>>();

  private selected(result: SessionResult, mode: 'all' | 'changed'): { hint: Hint; text: string }[] {
    let byMode = this.selections.get(result);
    if (!byMode) this.selections.set(result, byMode = new Map());
    let list = byMode.get(mode);
    if (!list) byMode.set(mode, list = selectHints(result.analysis.hints, mode));
    return list;
  }

  provideInlayHints(doc: vscode.TextDocument, range: vscode.Range): vscode.InlayHint[] {
    const mode = hintsMode(doc);
    if (mode === 'off') return [];
    const v = this.analyses.view(doc);
    if (!v) return [];
    const shown = this.selected(v.result, mode);
    // the editor asks for what is on screen: skip the rest before making positions and tooltips
    const from = v.base + doc.offsetAt(range.start), to = v.base + doc.offsetAt(range.end);
    // one hint per statement: `a: (2,) int64, b: (3,) int64` when a statement assigns several arrays
    const byStmt = new Map<number, { hint: Hint; text: string }[]>();
    for (const s of shown) {
      const end = s.hint.range.to;
      if (end < from || end > to || !inView(v, end, end)) continue;
      const list = byStmt.get(end) ?? [];
      list.push(s);
      byStmt.set(end, list);
    }
    const out: vscode.InlayHint[] = [];
    for (const [end, list] of byStmt) {
      const pos = toPosition(v, end);
      if (!range.contains(pos)) continue;
      const label = list.length === 1 ? list[0].text : list.map((s) => `${s.hint.name}: ${s.text}`).join(', ');
      const h = new vscode.InlayHint(pos, label, vscode.InlayHintKind.Type);
      h.paddingLeft = true;
      const md = new vscode.MarkdownString();
      for (const s of list) {
        md.appendMarkdown(`**${s.hint.name}** \`${s.text}\` — assigned at ${lineLabel(v, s.hint.line)}`);
        const d = derivation(v, s.hint.value);
        if (d) md.appendMarkdown(`; shape ${d}`);
        md.appendMarkdown('\n\n');
      }
      md.appendMarkdown('_Shape Lens: inferred without running the code._');
      h.tooltip = md;
      out.push(h);
    }
    return out;
  }
}

/** The hints to show: all array hints, or (mode `changed`) those whose name's shape differs from its previous one. */
export function selectHints(hints: readonly Hint[], mode: 'all' | 'changed'): { hint: Hint; text: string }[] {
  const out: { hint: Hint; text: string }[] = [];
  const last = new Map<string, string>();
  for (const hint of hints) {
    const text = hintText(hint);
    // `(?)`: rank unknown (e.g. after an error) says nothing worth a hint
    if (text === null || (hint.value.kind === 'array' && hint.value.shape === null)) continue;
    const prev = last.get(hint.name);
    last.set(hint.name, text);
    if (mode === 'changed' && prev === text) continue;
    out.push({ hint, text });
  }
  return out;
}
