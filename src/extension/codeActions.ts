// Quick fixes: the analyzer attaches a fix to a diagnostic only when it is certain (transpose
// a matmul operand, add a column axis, keepdims=True); this offers it as a preferred quick
// fix on that diagnostic. No fix logic lives here.
import * as vscode from 'vscode';
import { Analyses, inView, toRange } from './analyses';
import { DIAGNOSTIC_SOURCE } from './diagnostics';
import type { DiagnosticItem } from './languageProtocol';

export class ShapeFixProvider implements vscode.CodeActionProvider {

  constructor(private readonly analyses: Analyses) {}

  async provideCodeActions(doc: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): Promise<vscode.CodeAction[]> {
    const ours = context.diagnostics.filter((d) => d.source === DIAGNOSTIC_SOURCE);
    if (ours.length === 0) return [];
    const v = this.analyses.view(doc);
    if (!v) return [];
    const diagnostics = await this.analyses.ask<DiagnosticItem[]>(v, { op: 'diagnostics', key: v.key });
    if (!diagnostics || !this.analyses.isCurrent(v)) return [];
    const actions: vscode.CodeAction[] = [];
    for (const d of diagnostics) {
      if (!d.fix || !inView(v, d.from, d.to)) continue;
      const range = toRange(v, d.from, d.to);
      const vsd = ours.find((o) => o.range.isEqual(range) && (typeof o.code === 'object' ? o.code.value === d.code : o.code === d.code));
      if (!vsd) continue;
      const a = new vscode.CodeAction(d.fix.title, vscode.CodeActionKind.QuickFix);
      a.edit = new vscode.WorkspaceEdit();
      a.edit.replace(doc.uri, toRange(v, d.fix.from, d.fix.to), d.fix.newText);
      a.diagnostics = [vsd];
      a.isPreferred = true;
      actions.push(a);
    }
    return actions;
  }
}
