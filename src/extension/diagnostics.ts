// Publishes the analyzer's shape errors as VS Code diagnostics (Problems panel, squiggles):
// NumPy's/torch's exact message, then the operands' shapes and origins; a code that links to
// its explanation in the README; related locations where each operand got its shape. Updates
// are debounced lightly after typing and never run on the keystroke itself; the analysis
// worker computes them, and an answer overtaken by an edit is dropped (that edit scheduled
// the next update).
import * as vscode from 'vscode';
import { Analyses, DocumentView, inView, isAnalysable, toLocation, toRange } from './analyses';
import type { DiagnosticItem } from './languageProtocol';
import { diagnosticsEnabled } from './settings';

export const DIAGNOSTIC_SOURCE = 'Shape Lens';
const DEBOUNCE_MS = 60;

/** The README section that explains each code (packaged with the extension). */
export function codeTarget(extensionUri: vscode.Uri, code: string): vscode.Uri {
  return vscode.Uri.joinPath(extensionUri, 'README.md').with({ fragment: code });
}

export function toVsDiagnostic(v: DocumentView, d: DiagnosticItem, extensionUri: vscode.Uri): vscode.Diagnostic {
  const out = new vscode.Diagnostic(toRange(v, d.from, d.to), d.message, vscode.DiagnosticSeverity.Error);
  out.source = DIAGNOSTIC_SOURCE;
  out.code = { value: d.code, target: codeTarget(extensionUri, d.code) };
  const related: vscode.DiagnosticRelatedInformation[] = [];
  for (const r of d.related) {
    const loc = toLocation(v, r.from, r.to);
    if (loc) related.push(new vscode.DiagnosticRelatedInformation(loc, r.message));
  }
  if (related.length) out.relatedInformation = related;
  return out;
}

/** The published form of a document's diagnostics: equal signatures, equal diagnostics. */
function signature(list: readonly vscode.Diagnostic[]): string {
  const at = (r: vscode.Range) => `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
  return JSON.stringify(list.map((d) => [at(d.range), d.message, typeof d.code === 'object' ? d.code.value : d.code,
    (d.relatedInformation ?? []).map((r) => [r.location.uri.toString(), at(r.location.range), r.message])]));
}

export class DiagnosticsPublisher implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection('shape-lens');
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** what was last published per document (signature()), to skip publishing it again */
  private readonly published = new Map<string, string>();

  constructor(private readonly analyses: Analyses, private readonly extensionUri: vscode.Uri) {}

  /** Schedules an update of `doc`'s diagnostics (or its notebook's) shortly. */
  schedule(doc: vscode.TextDocument, delay = DEBOUNCE_MS): void {
    if (!isAnalysable(doc)) return;
    const key = doc.uri.toString();
    const t = this.timers.get(key);
    if (t) clearTimeout(t);
    this.timers.set(key, setTimeout(() => {
      this.timers.delete(key);
      this.update(doc).catch((e: unknown) => console.error('[shape-lens] diagnostics update failed', e));
    }, delay));
  }

  async update(doc: vscode.TextDocument): Promise<void> {
    if (doc.isClosed) return;
    const nb = this.analyses.notebookOf(doc);
    if (!nb && !diagnosticsEnabled(doc)) { this.collection.delete(doc.uri); return; }
    const views = nb ? this.analyses.notebookViews(nb) : [this.analyses.view(doc)].filter((x): x is DocumentView => !!x);
    // switched off: nothing to analyse for
    const enabled = views.filter((v) => diagnosticsEnabled(v.doc));
    for (const v of views) if (!enabled.includes(v)) this.collection.delete(v.doc.uri);
    if (enabled.length === 0) return;
    // one program: every cell of a notebook has the same answer
    const items = await this.analyses.ask<DiagnosticItem[]>(enabled[0], { op: 'diagnostics', key: enabled[0].key });
    if (!items || !enabled.every((v) => this.analyses.isCurrent(v))) return;
    for (const v of enabled) {
      const list = items.filter((d) => inView(v, d.from, d.to)).map((d) => toVsDiagnostic(v, d, this.extensionUri));
      // most keystrokes change no diagnostic: publishing the same again only makes the editor redraw
      const key = v.doc.uri.toString(), sig = signature(list);
      if (this.published.get(key) === sig && this.collection.has(v.doc.uri)) continue;
      this.published.set(key, sig);
      this.collection.set(v.doc.uri, list);
    }
  }

  clear(doc: vscode.TextDocument): void {
    this.published.delete(doc.uri.toString());
    this.collection.delete(doc.uri);
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.collection.dispose();
  }
}
