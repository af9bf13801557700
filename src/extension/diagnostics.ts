// Publishes the analyzer's shape errors as VS Code diagnostics (Problems panel, squiggles):
// NumPy's/torch's exact message, then the operands' shapes and origins; a code that links to
// its explanation in the README; related locations where each operand got its shape. Updates
// are debounced lightly after typing and never run on the keystroke itself.
import * as vscode from 'vscode';
import type { Diagnostic as ShapeDiagnostic } from '../analyzer';
import { Analyses, DocumentView, inView, isAnalysable, toLocation, toRange } from './analyses';
import { diagnosticsEnabled } from './settings';

export const DIAGNOSTIC_SOURCE = 'Shape Lens';
const DEBOUNCE_MS = 60;

/** The README section that explains each code (packaged with the extension). */
export function codeTarget(extensionUri: vscode.Uri, code: string): vscode.Uri {
  return vscode.Uri.joinPath(extensionUri, 'README.md').with({ fragment: code });
}

export function toVsDiagnostic(v: DocumentView, d: ShapeDiagnostic, extensionUri: vscode.Uri): vscode.Diagnostic {
  const out = new vscode.Diagnostic(toRange(v, d.range.from, d.range.to), d.message, vscode.DiagnosticSeverity.Error);
  out.source = DIAGNOSTIC_SOURCE;
  out.code = { value: d.code, target: codeTarget(extensionUri, d.code) };
  const related: vscode.DiagnosticRelatedInformation[] = [];
  for (const r of d.related) {
    const loc = toLocation(v, r.range.from, r.range.to);
    if (loc) related.push(new vscode.DiagnosticRelatedInformation(loc, r.message));
  }
  if (related.length) out.relatedInformation = related;
  return out;
}

/** The analyzer diagnostics that fall in the view's document. */
export function diagnosticsIn(v: DocumentView): ShapeDiagnostic[] {
  return v.result.analysis.diagnostics.filter((d) => inView(v, d.range.from, d.range.to));
}

export class DiagnosticsPublisher implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection('shape-lens');
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(private readonly analyses: Analyses, private readonly extensionUri: vscode.Uri) {}

  /** Schedules an update of `doc`'s diagnostics (or its notebook's) shortly. */
  schedule(doc: vscode.TextDocument, delay = DEBOUNCE_MS): void {
    if (!isAnalysable(doc)) return;
    const key = doc.uri.toString();
    const t = this.timers.get(key);
    if (t) clearTimeout(t);
    this.timers.set(key, setTimeout(() => {
      this.timers.delete(key);
      try { this.update(doc); } catch (e) { console.error('[shape-lens] diagnostics update failed', e); }
    }, delay));
  }

  update(doc: vscode.TextDocument): void {
    if (doc.isClosed) return;
    const nb = this.analyses.notebookOf(doc);
    const views = nb ? this.analyses.notebookViews(nb) : [this.analyses.view(doc)].filter((x): x is DocumentView => !!x);
    for (const v of views) {
      if (!diagnosticsEnabled(v.doc)) { this.collection.delete(v.doc.uri); continue; }
      this.collection.set(v.doc.uri, diagnosticsIn(v).map((d) => toVsDiagnostic(v, d, this.extensionUri)));
    }
  }

  clear(doc: vscode.TextDocument): void {
    this.collection.delete(doc.uri);
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.collection.dispose();
  }
}
