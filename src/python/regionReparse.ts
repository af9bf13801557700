// Reparse of one stretch of top-level statements. Typing changes one statement at a time, yet
// the whole-file front end (scan, lezer's incremental parse, conversion) costs time in
// proportion to the file. The text between two "cuts" — line starts where one top-level
// statement has ended and the next has not begun — parses on its own exactly as it does in the
// file: CPython's tokenizer is at a fresh logical line with no indentation there, so nothing
// before a cut can change how what follows it is read. An edit between two cuts before the first
// broken statement is then handled by parsing that stretch alone and splicing its statements
// (moved to their place) between the unchanged ones before it and the moved ones after it.
//
// Errors: CPython's messages may look ahead to the end of the file (an unclosed bracket reads on),
// never back past a finished statement. So a stretch with an error is settled alone only when it
// runs to the end of the file (typing at the end: the common case) and begins a top-level
// statement — an indented line or an `else:` would continue the statement before the cut.
// Anything else falls back to the full parse: an error in a stretch followed by more statements,
// a stretch not ending on a line break, a line continuation at a cut, a long way from a broken
// statement to the end. test/python/regionReparse.test.ts checks every result against a fresh
// parse of the whole text, errors included.

import type * as A from './ast';
import { shifted } from './reuse';
import { changedStretch } from './textDiff';

/** What a parse leaves for the next edit's region reparse. */
export interface PreviousParse {
  readonly text: string;
  readonly module: A.Module;
  /**
   * Where the first broken top-level statement (or error) begins; the text's length when there
   * is none. Statements before it parsed as they would alone.
   */
  readonly intactBefore: number;
}

/** A stretch parsed on its own, behind `padding` empty lines (so that messages cite the file's lines). */
export interface StretchParse {
  module: A.Module;
  errors: A.SyntaxDiagnostic[];
  padding: number;
}

/** A region reparse's result; `region` is the reparsed stretch in the new text (for tests). */
export interface RegionResult {
  module: A.Module;
  errors: A.SyntaxDiagnostic[];
  region: { from: number; to: number };
}

/**
 * The new text's module and errors from `previous` by reparsing only the stretch of top-level
 * statements that the change touches, or undefined when the full parse must decide.
 * `parseStretch(stretch, startLine)` parses a stretch on its own (whose first line is the file's
 * line `startLine`).
 *
 * A stretch with errors is settled alone only when it runs to the end of the file and begins
 * a top-level statement (no indentation, not `else`/`elif`/`except`/`finally`): CPython's
 * messages can look ahead to the end of the file, never back past a finished statement.
 */
export function reparseRegion(previous: PreviousParse, text: string, parseStretch: (stretch: string, startLine: number) => StretchParse): RegionResult | undefined {
  const old = previous.text;
  const body = previous.module.body;
  const change = changedStretch(old, text);
  if (change === undefined) return undefined;
  const { from, toBefore: toOld } = change;
  const delta = text.length - old.length;
  const broken = previous.intactBefore < old.length;

  // cuts: the line start after statement k (k = -1 stands for the file's start)
  const before = lastCutBefore(old, body, Math.min(from, previous.intactBefore));
  if (before === undefined) return undefined;
  // after an error, everything from the cut to the end is reparsed
  const after = broken ? END : firstCutAfter(old, body, toOld);
  if (after === undefined) return undefined;
  const startOld = before.at;
  const endOld = after === END ? old.length : after.at;
  const endNew = endOld + delta;
  if (endNew < startOld) return undefined;
  // a long way to the end: the full parse, which reuses what it can, is cheaper than a fresh one
  if (after === END && endNew - startOld > MAX_STRETCH_TO_END) return undefined;
  // a copy, not a slice: V8's slice of a long text keeps pointing into it, and scanning that
  // view measured 2.5 times slower than scanning a string of its own (0.23 vs 0.09 ms a line)
  const stretch = (' ' + text.slice(startOld, endNew)).slice(1);
  // the stretch must end a logical line where the unchanged rest begins
  if (endOld < old.length && endsWithContinuation(text, endNew)) return undefined;

  const startLine = before.line;
  const parsed = parseStretch(stretch, startLine);
  if (parsed.errors.length > 0 && (endOld < old.length || !startsTopLevelStatement(stretch))) return undefined;

  const dOffset = startOld - parsed.padding, dLine = startLine - 1 - parsed.padding;
  const lineDelta = lineBreaks(text, startOld, endNew) - lineBreaks(old, startOld, endOld);
  const moved = parsed.module.body.map((s) => shifted(s, dOffset, dLine));
  const rest = after === END ? [] : body.slice(after.nextStmt).map((s) => shifted(s, delta, lineDelta));
  const range = previous.module.range;
  const endLine = range.endLine + lineDelta;
  const endCol = endOld < old.length ? range.endCol : text.length - lastLineStart(text);
  const module: A.Module = {
    kind: 'Module',
    body: [...body.slice(0, before.nextStmt), ...moved, ...rest],
    range: { from: 0, to: text.length, line: 1, col: 0, endLine, endCol },
  };
  const errors = parsed.errors.map((e) => ({ ...e, offset: e.offset + dOffset, line: e.line + dLine }));
  return { module, errors, region: { from: startOld, to: endNew } };
}

const END = { at: -1, line: 0, nextStmt: -1 } as const;

/**
 * The longest stretch reparsed from a broken statement to the end of the file, in characters.
 * A fresh parse of 4,000 characters measured about 1.5 ms, the whole-file incremental parse of a
 * 1,000-line file about 3.
 */
const MAX_STRETCH_TO_END = 4000;

/**
 * Whether the first line of `stretch` with code on it (not blank, not only a comment) starts a
 * top-level statement: at column 0, and not a clause that would join the statement before.
 */
function startsTopLevelStatement(stretch: string): boolean {
  const skipped = /^(?:[ \t\f]*(?:#[^\r\n]*)?(?:\r\n|\r|\n))*/.exec(stretch)![0].length;
  const line = stretch.slice(skipped);
  if (!/\S/.test(line.split(/\r\n|\r|\n/, 1)[0]!)) return !/\S/.test(line); // only blank lines or comments
  if (/^\s/.test(line)) return false; // indented: it would continue the statement before
  const word = /^[A-Za-z_]\w*/.exec(line)?.[0];
  return word === undefined || !['else', 'elif', 'except', 'finally'].includes(word);
}

/** Where the first broken top-level statement, or the first error, begins (`text.length` if none). */
export function intactBefore(module: A.Module, errors: readonly A.SyntaxDiagnostic[], textLength: number): number {
  // every broken statement has an error at or after its start (errors come sorted)
  if (errors.length === 0) return textLength;
  const limit = errors[0]!.offset;
  for (const s of module.body) {
    if (s.range.from >= limit) break;
    // the statement holding the first error, or the first broken one
    if (s.kind === 'ErrorStmt' || s.range.to >= limit) return s.range.from;
  }
  return limit;
}

interface Cut {
  /** offset of the line start */
  at: number;
  /** its 1-based line */
  line: number;
  /** index of the first statement after the cut */
  nextStmt: number;
}

/**
 * The cut after statement `k`: the start of the line after the one it ends on, if the next
 * statement begins at or after it (not `a = 1; b = 2`) and no backslash continues the line.
 */
function cutAfterStatement(text: string, body: readonly A.Stmt[], k: number): Cut | undefined {
  const s = body[k]!;
  const nl = text.indexOf('\n', s.range.to);
  if (nl < 0) return undefined;
  const at = nl + 1;
  const next = body[k + 1];
  if (next !== undefined && next.range.from < at) return undefined;
  if (endsWithContinuation(text, at)) return undefined;
  return { at, line: s.range.endLine + lineBreaks(text, s.range.to, at), nextStmt: k + 1 };
}

/**
 * The last cut before `offset` (the file's start is always one). Strictly before: text inserted
 * at a line start may be an indented line that continues the statement before it.
 */
function lastCutBefore(text: string, body: readonly A.Stmt[], offset: number): Cut | undefined {
  // statements ending before `offset`, searched from the last one whose end is before it
  const lo = firstEndingAtOrAfter(body, offset);
  for (let k = lo - 1; k >= 0; k--) {
    const cut = cutAfterStatement(text, body, k);
    if (cut !== undefined && cut.at < offset) return cut;
    if (lo - k > 8) return undefined; // a run of `;`-joined statements: leave it to the full parse
  }
  return { at: 0, line: 1, nextStmt: 0 };
}

/** The first cut strictly after `offset`, or the end of the text (after every statement). */
function firstCutAfter(text: string, body: readonly A.Stmt[], offset: number): Cut | undefined {
  const lo = firstEndingAtOrAfter(body, offset);
  // the statement before may still end its line after `offset` (an edit in its comment)
  const first = Math.max(lo - 1, 0);
  for (let k = first; k < body.length; k++) {
    const cut = cutAfterStatement(text, body, k);
    if (cut !== undefined && cut.at > offset) return cut;
    if (k - first > 8) return undefined;
  }
  return { at: text.length, line: 0, nextStmt: body.length };
}

/** The index of the first statement whose range ends at or after `offset` (binary search). */
function firstEndingAtOrAfter(body: readonly A.Stmt[], offset: number): number {
  let lo = 0, hi = body.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (body[mid]!.range.to < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The line ending just before `at` (a line start) follows a backslash. */
function endsWithContinuation(text: string, at: number): boolean {
  let i = at - 1;
  if (text.charCodeAt(i) !== 10) return true; // not at a line start: never a clean cut
  i--;
  if (text.charCodeAt(i) === 13) i--;
  return text.charCodeAt(i) === 92;
}

/** Line breaks in `text[from, to)`, counted as LineIndex counts them ("\r\n", "\r", "\n"). */
function lineBreaks(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) n++;
    else if (c === 13 && text.charCodeAt(i + 1) !== 10) n++;
  }
  return n;
}

function lastLineStart(text: string): number {
  for (let i = text.length - 1; i >= 0; i--) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return i + 1;
  }
  return 0;
}
