// Quick fixes: the analyzer attaches a fix to a diagnostic only when it is certain (transpose
// a matmul operand, add a column axis, keepdims=True); this offers it as a preferred quick
// fix on that diagnostic. No fix logic lives here.
import * as vscode from 'vscode';
import { Analyses } from './analyses';
import { DIAGNOSTIC_SOURCE, diagnosticsIn } from './diagnostics';
import { toRange } from './analyses';

export class ShapeFixProvider implements vscode.CodeActionProvider {

  constructor(private readonly analyses: Analyses) {}

  provideCodeActions(doc: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const ours = context.diagnostics.filter((d) => d.source === DIAGNOSTIC_SOURCE);
    if (ours.length === 0) return [];
    const v = this.analyses.view(doc);
    if (!v) return [];
    const actions: vscode.CodeAction[] = [];
    for (const d of diagnosticsIn(v)) {
      if (!d.fix) continue;
      const range = toRange(v, d.range.from, d.range.to);
      const code = d.code;
      const vsd = ours.find((o) => o.range.isEqual(range) && (typeof o.code === 'object' ? o.code.value === code : o.code === code));
      if (!vsd) continue;
      const a = new vscode.CodeAction(d.fix.title, vscode.CodeActionKind.QuickFix);
      a.edit = new vscode.WorkspaceEdit();
      a.edit.replace(doc.uri, toRange(v, d.fix.range.from, d.fix.range.to), d.fix.newText);
      a.diagnostics = [vsd];
      a.isPreferred = true;
      actions.push(a);
    }
    return actions;
  }
}
