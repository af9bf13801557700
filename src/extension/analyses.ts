// Keeps one incremental AnalysisSession per Python document (and one per notebook, whose
// code cells are analysed as one program in cell order) and answers "the analysis of this
// document now": synchronous, cached by document version, recomputed on demand after an
// edit with the edit's ranges passed to the session so the parser reuses the rest. The
// analyzer is pure and cheap; nothing here runs user code. It does not publish anything
// (diagnostics.ts, hints.ts, hover.ts read from it).
import * as vscode from 'vscode';
import { AnalysisSession, SessionResult } from '../analyzer/session';
import type { TextEdit } from '../python/parse';
import { joinCells, NotebookProgram } from './notebook';
import { isAnalysable } from './pythonDocuments';

/** Files larger than this are not analysed (the editor stays responsive on generated code). */
export const MAX_ANALYSED_CHARS = 2_000_000;

/** An analysis seen from one document: the program's offsets minus `base` are this document's. */
export interface DocumentView {
  readonly doc: vscode.TextDocument;
  readonly result: SessionResult;
  /** the analysed program text (for a notebook cell: all cells joined) */
  readonly text: string;
  /** offset of this document's first character in `text` */
  readonly base: number;
  readonly length: number;
  /** for a notebook cell: the program and the cells (to map other cells' ranges) */
  readonly notebook?: { readonly program: NotebookProgram; readonly cells: readonly vscode.TextDocument[] };
}

interface Entry {
  /** the document analysed: a document reopened under the same URI (an untitled one
   * especially, whose URIs are reused) is a new object and starts afresh at version 1 */
  readonly doc: vscode.TextDocument;
  readonly session: AnalysisSession;
  version: number;
  text: string;
  result: SessionResult | undefined;
  /** content changes since the last analysis, one array per change event */
  pending: vscode.TextDocumentContentChangeEvent[][];
}

interface NotebookEntry {
  readonly session: AnalysisSession;
  key: string;
  program: NotebookProgram | undefined;
  cells: vscode.TextDocument[];
  result: SessionResult | undefined;
}

export { isAnalysable };

export class Analyses implements vscode.Disposable {
  private readonly docs = new Map<string, Entry>();
  private readonly notebooks = new Map<string, NotebookEntry>();
  /** the last analysis durations (ms), for the stats command and the benchmark */
  readonly timings: number[] = [];

  /** Records an edit; the next `view` passes it to the session. */
  noteChange(e: vscode.TextDocumentChangeEvent): void {
    const entry = this.docs.get(e.document.uri.toString());
    if (entry && entry.doc === e.document && e.contentChanges.length > 0) entry.pending.push([...e.contentChanges]);
  }

  forget(doc: vscode.TextDocument): void {
    this.docs.delete(doc.uri.toString());
  }

  forgetNotebook(nb: vscode.NotebookDocument): void {
    this.notebooks.delete(nb.uri.toString());
  }

  /** The notebook that holds `doc` as a cell, if any. */
  notebookOf(doc: vscode.TextDocument): vscode.NotebookDocument | undefined {
    if (doc.uri.scheme !== 'vscode-notebook-cell') return undefined;
    return vscode.workspace.notebookDocuments.find((nb) => nb.getCells().some((c) => c.document === doc));
  }

  view(doc: vscode.TextDocument): DocumentView | undefined {
    if (!isAnalysable(doc)) return undefined;
    const nb = this.notebookOf(doc);
    if (nb) return this.cellView(nb, doc);
    const key = doc.uri.toString();
    let entry = this.docs.get(key);
    if (!entry || entry.doc !== doc) {
      entry = { doc, session: new AnalysisSession(), version: -1, text: '', result: undefined, pending: [] };
      this.docs.set(key, entry);
    }
    if (entry.result === undefined || entry.version !== doc.version) {
      const text = doc.getText();
      if (text.length > MAX_ANALYSED_CHARS) return undefined;
      // one change event since the last analysis: its ranges are relative to the text we analysed
      const edits: TextEdit[] | undefined = entry.result !== undefined && entry.pending.length === 1
        ? entry.pending[0].map((c) => ({ from: c.rangeOffset, to: c.rangeOffset + c.rangeLength, insert: c.text }))
        : undefined;
      entry.result = this.timed(() => entry!.session.update(text, edits));
      entry.text = text;
      entry.version = doc.version;
      entry.pending = [];
    }
    return { doc, result: entry.result, text: entry.text, base: 0, length: entry.text.length };
  }

  /** Analyses a notebook's Python code cells as one program; returns one cell's view. */
  notebookViews(nb: vscode.NotebookDocument): DocumentView[] {
    const cells = nb.getCells().filter((c) => c.kind === vscode.NotebookCellKind.Code && c.document.languageId === 'python').map((c) => c.document);
    const key = cells.map((d) => `${d.uri.toString()}@${d.version}`).join('|');
    const nbKey = nb.uri.toString();
    let entry = this.notebooks.get(nbKey);
    if (!entry) {
      entry = { session: new AnalysisSession(), key: '', program: undefined, cells: [], result: undefined };
      this.notebooks.set(nbKey, entry);
    }
    if (entry.result === undefined || entry.key !== key) {
      const program = joinCells(cells.map((d) => d.getText()));
      entry.result = this.timed(() => entry!.session.update(program.text));
      entry.program = program;
      entry.cells = cells;
      entry.key = key;
    }
    const program = entry.program!, result = entry.result;
    return cells.map((doc, i) => ({ doc, result, text: program.text, base: program.starts[i], length: program.lengths[i], notebook: { program, cells } }));
  }

  private cellView(nb: vscode.NotebookDocument, doc: vscode.TextDocument): DocumentView | undefined {
    return this.notebookViews(nb).find((v) => v.doc === doc);
  }

  private timed(f: () => SessionResult): SessionResult {
    const t = performance.now();
    const r = f();
    this.timings.push(performance.now() - t);
    if (this.timings.length > 50) this.timings.shift();
    return r;
  }

  dispose(): void {
    this.docs.clear();
    this.notebooks.clear();
  }
}

/** Whether a program offset range lies in the view's document. */
export function inView(v: DocumentView, from: number, to: number): boolean {
  return from >= v.base && to <= v.base + v.length;
}

export function toPosition(v: DocumentView, offset: number): vscode.Position {
  return v.doc.positionAt(Math.max(0, Math.min(offset - v.base, v.length)));
}

export function toRange(v: DocumentView, from: number, to: number): vscode.Range {
  return new vscode.Range(toPosition(v, from), toPosition(v, to));
}

/** A program offset as a location in whichever document (cell) holds it. */
export function toLocation(v: DocumentView, from: number, to: number): vscode.Location | undefined {
  if (!v.notebook) return new vscode.Location(v.doc.uri, toRange(v, from, to));
  const { program, cells } = v.notebook;
  for (let i = 0; i < cells.length; i++) {
    const s = program.starts[i];
    if (from >= s && from <= s + program.lengths[i]) {
      const d = cells[i];
      return new vscode.Location(d.uri, new vscode.Range(d.positionAt(from - s), d.positionAt(Math.min(to, s + program.lengths[i]) - s)));
    }
  }
  return undefined;
}
