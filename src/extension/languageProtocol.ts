// The messages between the extension host and the analysis worker (analysisWorker.ts): the
// host sends each document's text as it changes and asks for hints, diagnostics and hovers;
// the worker answers with plain data in program offsets, which the host turns into VS Code's
// objects (positions, markdown). Pure types: no `vscode`, nothing the structured clone drops.
import type { TextEdit } from '../python/parse';
import type { NotebookProgram } from './notebook';

/** A document's (or a notebook's) version: VS Code's number, or the notebook's cell versions. */
export type ProgramVersion = number | string;

export type LanguageRequest =
  /** the program's text now; `edits` are the one change event since the previous sync, when the host knows them */
  | { op: 'sync'; key: string; version: ProgramVersion; text: string; edits?: readonly TextEdit[]; notebook?: NotebookLayout }
  /**
   * One change event of a document the worker has at `version - 1`, without the text: the worker
   * applies `edits` (ranges in the previous text, as VS Code gives them) itself. `length` is the
   * new text's length: a copy that does not come out at it is dropped, and the worker then answers
   * for that key as for an unknown program, so the host sends the whole text again.
   */
  | { op: 'edit'; key: string; version: number; edits: readonly TextEdit[]; length: number }
  | { op: 'hints'; key: string; from: number; to: number; mode: 'all' | 'changed' }
  /** the tooltip (markdown) of the hint after the statement ending at `end`, when the editor resolves it */
  | { op: 'hintTooltip'; key: string; end: number; mode: 'all' | 'changed' }
  | { op: 'diagnostics'; key: string }
  /** `word`: the identifier under the pointer, for assignment targets (the host knows word boundaries) */
  | { op: 'hover'; key: string; offset: number; uri: string; word?: { from: number; to: number; text: string } }
  | { op: 'forget'; key: string }
  /** scratch evaluation's program: `text` (or the selected lines of it) with each statement's result kept (instrument.ts) */
  | { op: 'instrument'; text: string; selection?: { fromLine: number; toLine: number } };

/** A notebook's cells in the joined program (notebook.ts's NotebookProgram without the text). */
export type NotebookLayout = Pick<NotebookProgram, 'starts' | 'lengths'>;

/** What the worker answers: the value for the program `version` it analysed. */
export interface LanguageReply<T> {
  readonly version: ProgramVersion;
  readonly value: T;
  /** how long the analysis this request caused took, when it caused one */
  readonly analysisMs?: number;
}

/** One inlay hint: after the statement ending at `end`, all arrays it assigns. Its tooltip is asked for apart ('hintTooltip'). */
export interface HintItem {
  readonly end: number;
  readonly label: string;
}

export interface RangeItem { readonly from: number; readonly to: number }

export interface DiagnosticItem extends RangeItem {
  readonly code: string;
  readonly message: string;
  readonly related: readonly (RangeItem & { readonly message: string })[];
  readonly fix?: RangeItem & { readonly title: string; readonly newText: string };
}

export interface HoverItem extends RangeItem {
  readonly markdown: string;
  /** the commands the markdown's links may run (MarkdownString.isTrusted) */
  readonly commands: readonly string[];
}

/** Worker thread messages: a request with its id, and the answer (or the error's text) for that id. */
export interface WorkerRequest { readonly id: number; readonly req: LanguageRequest }
export type WorkerReply =
  | { readonly id: number; readonly ok: true; readonly reply: LanguageReply<unknown> }
  | { readonly id: number; readonly ok: false; readonly error: string };
