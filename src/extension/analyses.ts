// The host's view of the analysis: which program each Python document (or notebook, whose
// code cells are analysed as one program in cell order) is in the analysis worker, keeping
// the worker's copy of its text current, and asking the worker (analysisChannel.ts) for
// hints, diagnostics and hovers. Each edit is sent as it happens, with its ranges so the
// worker's parser reuses the rest; the analysis itself, and all the memory it churns, stays
// in the worker thread, so the extension host's event loop is never held by it. Maps the
// answers' program offsets back to positions in the right document.
import * as vscode from 'vscode';
import type { TextEdit } from '../python/parse';
import { joinCells, NotebookProgram } from './notebook';
import { isAnalysable } from './pythonDocuments';
import { AnalysisChannel } from './analysisChannel';
import type { LanguageRequest, ProgramVersion } from './languageProtocol';
import type { Instrumented } from './instrument';

/** Files larger than this are not analysed (the editor stays responsive on generated code). */
export const MAX_ANALYSED_CHARS = 2_000_000;

/** A document as part of an analysed program: program offsets minus `base` are this document's. */
export interface DocumentView {
  readonly doc: vscode.TextDocument;
  /** the program's key in the worker: one per document (or notebook) object, never reused */
  readonly key: string;
  /** the program version the worker has (an answer for another is stale) */
  readonly version: ProgramVersion;
  /** offset of this document's first character in the program */
  readonly base: number;
  readonly length: number;
  /** for a notebook cell: the program and the cells (to map other cells' ranges) */
  readonly notebook?: { readonly program: NotebookProgram; readonly cells: readonly vscode.TextDocument[] };
}

interface Synced {
  version: ProgramVersion;
  /** the channel generation that has it */
  readonly generation: number;
}

export { isAnalysable };

export class Analyses implements vscode.Disposable {
  private readonly channel = new AnalysisChannel();
  private readonly synced = new Map<string, Synced>();
  /**
   * Each document's (notebook's) key in the worker. Per object, not per URI: an untitled
   * document reopened under a closed one's URI starts again at version 1, and an answer for
   * the old one, in flight when it closed, must not pass for the new one's.
   */
  private readonly keys = new WeakMap<object, string>();
  private nextKey = 1;

  private keyOf(d: vscode.TextDocument | vscode.NotebookDocument): string {
    let k = this.keys.get(d);
    if (!k) this.keys.set(d, k = `${d.uri.toString()}#${this.nextKey++}`);
    return k;
  }
  /** the last analysis durations (ms, in the worker), for the stats command and the benchmark */
  readonly timings: number[] = [];

  /** Sends an edit to the worker as it happens: its ranges only (the worker applies them; an incremental reparse). */
  noteChange(e: vscode.TextDocumentChangeEvent): void {
    const doc = e.document, key = this.keys.get(doc);
    const s = key === undefined ? undefined : this.synced.get(key);
    if (key === undefined || !s || s.generation !== this.channel.current() || e.contentChanges.length === 0) return;
    // a change event missed (or several at once): the next view sends the whole text instead
    if (s.version !== doc.version - 1) return;
    // the length from the document's line index: reading the whole text per keystroke was most of
    // the host's garbage while typing
    const length = doc.offsetAt(doc.lineAt(doc.lineCount - 1).range.end);
    if (length > MAX_ANALYSED_CHARS) { this.forget(doc); return; }
    const edits: TextEdit[] = e.contentChanges.map((c) => ({ from: c.rangeOffset, to: c.rangeOffset + c.rangeLength, insert: c.text }));
    this.channel.send({ op: 'edit', key, version: doc.version, edits, length });
    s.version = doc.version;
  }

  forget(doc: vscode.TextDocument | vscode.NotebookDocument): void {
    const key = this.keys.get(doc);
    if (key !== undefined && this.synced.delete(key)) this.channel.send({ op: 'forget', key });
  }

  /** The notebook that holds `doc` as a cell, if any. */
  notebookOf(doc: vscode.TextDocument): vscode.NotebookDocument | undefined {
    if (doc.uri.scheme !== 'vscode-notebook-cell') return undefined;
    return vscode.workspace.notebookDocuments.find((nb) => nb.getCells().some((c) => c.document === doc));
  }

  /** `doc` as the worker has it now (its text sent first if the worker's copy is not current). */
  view(doc: vscode.TextDocument): DocumentView | undefined {
    if (!isAnalysable(doc) || doc.isClosed) return undefined;
    const nb = this.notebookOf(doc);
    if (nb) return this.notebookViews(nb).find((v) => v.doc === doc);
    const key = this.keyOf(doc);
    const s = this.synced.get(key);
    if (!s || s.version !== doc.version || s.generation !== this.channel.current()) {
      const text = doc.getText();
      if (text.length > MAX_ANALYSED_CHARS) return undefined;
      this.channel.send({ op: 'sync', key, version: doc.version, text });
      this.synced.set(key, { version: doc.version, generation: this.channel.generation });
    }
    return { doc, key, version: doc.version, base: 0, length: Number.MAX_SAFE_INTEGER };
  }

  /** A notebook's Python code cells as one program; a view of each cell. */
  notebookViews(nb: vscode.NotebookDocument): DocumentView[] {
    const cells = codeCells(nb);
    const version = cellsVersion(cells);
    const key = this.keyOf(nb);
    const program = joinCells(cells.map((d) => d.getText()));
    const s = this.synced.get(key);
    if (!s || s.version !== version || s.generation !== this.channel.current()) {
      this.channel.send({ op: 'sync', key, version, text: program.text, notebook: { starts: program.starts, lengths: program.lengths } });
      this.synced.set(key, { version, generation: this.channel.generation });
    }
    return cells.map((doc, i) => ({ doc, key, version, base: program.starts[i], length: program.lengths[i], notebook: { program, cells } }));
  }

  /** Asks the worker about `v`'s program; undefined when the answer is for an older text than `v`'s. */
  async ask<T>(v: DocumentView, req: LanguageRequest): Promise<T | undefined> {
    const reply = await this.channel.request<T>(req);
    if (reply.analysisMs !== undefined) {
      this.timings.push(reply.analysisMs);
      if (this.timings.length > 50) this.timings.shift();
    }
    // the worker does not have the program (its copy went wrong, or it was restarted): send it whole next time
    if (reply.version === -1 && this.synced.get(v.key)?.generation === this.channel.current()) this.synced.delete(v.key);
    return reply.version === v.version && reply.value !== null ? reply.value : undefined;
  }

  /** Scratch evaluation's program for `text` (or its selected lines), made in the worker: the host never parses. */
  async instrument(text: string, selection?: { fromLine: number; toLine: number }): Promise<Instrumented> {
    const reply = await this.channel.request<Instrumented>({ op: 'instrument', text, selection });
    if (!reply.value) throw new Error('the analysis worker did not instrument the program');
    return reply.value;
  }

  /** Where the analysis runs (the worker thread, or the host's when none could start). */
  thread(): ReturnType<AnalysisChannel['state']> {
    return this.channel.state();
  }

  /** Whether `v` still describes its document (no edit since). */
  isCurrent(v: DocumentView): boolean {
    if (v.doc.isClosed) return false;
    if (!v.notebook) return v.doc.version === v.version;
    // the cells' versions alone: no text read, nothing sent to the worker
    const nb = this.notebookOf(v.doc);
    return !!nb && cellsVersion(codeCells(nb)) === v.version;
  }

  dispose(): void {
    this.synced.clear();
    this.channel.dispose();
  }
}

/** A notebook's Python code cells, in order: the cells analysed as its program. */
function codeCells(nb: vscode.NotebookDocument): vscode.TextDocument[] {
  return nb.getCells().filter((c) => c.kind === vscode.NotebookCellKind.Code && c.document.languageId === 'python').map((c) => c.document);
}

/** A notebook program's version: its cells and their versions (a cell added, removed or edited changes it). */
function cellsVersion(cells: readonly vscode.TextDocument[]): string {
  return cells.map((d) => `${d.uri.toString()}@${d.version}`).join('|');
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
