// Reparse of one stretch of top-level statements. Typing changes one statement at a time, yet
// the whole-file front end (scan, lezer's incremental parse, conversion) costs time in
// proportion to the file. When the previous parse was clean, the text between two "cuts" — line
// starts where one top-level statement has ended and the next has not begun — parses on its own
// exactly as it does in the file: CPython's tokenizer is at a fresh logical line with no
// indentation there, so nothing before a cut can change how what follows it is read. An edit
// between two cuts is then handled by parsing that stretch alone and splicing its statements
// (moved to their place) between the unchanged ones before it and the moved ones after it.
//
// Anything the stretch cannot settle alone falls back to the full parse: the stretch parsing
// with an error (an indented line that would continue the statement before the cut, an `else:`,
// an unclosed bracket...), a stretch not ending on a line break, a line continuation at a cut, a
// compile-time error in it. test/python/regionReparse.test.ts checks the result against a
// fresh parse of the whole text.

import type * as A from './ast';
import { shifted } from './reuse';
import { changedStretch } from './textDiff';
import { compileChecks } from './syntaxErrors';

/** What a clean parse leaves for the next edit's region reparse. */
export interface CleanParse {
  readonly text: string;
  readonly module: A.Module;
}

/** A region reparse's result; `region` is the reparsed stretch in the new text (for tests). */
export interface RegionResult {
  module: A.Module;
  region: { from: number; to: number };
}

/**
 * The new text's module from `previous` (a clean parse) by reparsing only the stretch of
 * top-level statements that the change touches, or undefined when the full parse must decide.
 * `parseClean` parses a stretch on its own and gives its module only if it has no error at all.
 */
export function reparseRegion(previous: CleanParse, text: string, parseClean: (stretch: string) => A.Module | undefined): RegionResult | undefined {
  const old = previous.text;
  const body = previous.module.body;
  const change = changedStretch(old, text);
  if (change === undefined) return { module: previous.module, region: { from: 0, to: 0 } };
  const { from, toBefore: toOld } = change;
  const delta = text.length - old.length;

  // cuts: the line start after statement k (k = -1 stands for the file's start)
  const before = lastCutBefore(old, body, from);
  if (before === undefined) return undefined;
  const after = firstCutAfter(old, body, toOld);
  if (after === undefined) return undefined;
  const startOld = before.at, endOld = after.at;
  const endNew = endOld + delta;
  if (endNew < startOld) return undefined;
  // a copy, not a slice: V8's slice of a long text keeps pointing into it, and scanning that
  // view measured 2.5 times slower than scanning a string of its own (0.23 vs 0.09 ms a line)
  const stretch = (' ' + text.slice(startOld, endNew)).slice(1);
  // the stretch must end a logical line where the unchanged rest begins
  if (endOld < old.length && endsWithContinuation(text, endNew)) return undefined;

  const parsed = parseClean(stretch);
  if (parsed === undefined) return undefined;

  const startLine = before.line;
  const lineDelta = lineBreaks(text, startOld, endNew) - lineBreaks(old, startOld, endOld);
  const moved = parsed.body.map((s) => shifted(s, startOld, startLine - 1));
  const rest = body.slice(after.nextStmt).map((s) => shifted(s, delta, lineDelta));
  const range = previous.module.range;
  const endLine = range.endLine + lineDelta;
  const endCol = endOld < old.length ? range.endCol : text.length - lastLineStart(text);
  const module: A.Module = {
    kind: 'Module',
    body: [...body.slice(0, before.nextStmt), ...moved, ...rest],
    range: { from: 0, to: text.length, line: 1, col: 0, endLine, endCol },
  };
  // compile-time checks look at one top-level statement at a time: those outside the stretch had none
  if (compileChecks({ ...module, body: moved }).length > 0) return undefined;
  return { module, region: { from: startOld, to: endNew } };
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
  let lo = 0, hi = body.length; // first statement whose range ends at or after offset
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (body[mid]!.range.to < offset) lo = mid + 1;
    else hi = mid;
  }
  for (let k = lo - 1; k >= 0; k--) {
    const cut = cutAfterStatement(text, body, k);
    if (cut !== undefined && cut.at < offset) return cut;
    if (lo - k > 8) return undefined; // a run of `;`-joined statements: leave it to the full parse
  }
  return { at: 0, line: 1, nextStmt: 0 };
}

/** The first cut strictly after `offset`, or the end of the text (after every statement). */
function firstCutAfter(text: string, body: readonly A.Stmt[], offset: number): Cut | undefined {
  let lo = 0, hi = body.length; // first statement whose range ends at or after offset
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (body[mid]!.range.to < offset) lo = mid + 1;
    else hi = mid;
  }
  // the statement before may still end its line after `offset` (an edit in its comment)
  const first = Math.max(lo - 1, 0);
  for (let k = first; k < body.length; k++) {
    const cut = cutAfterStatement(text, body, k);
    if (cut !== undefined && cut.at > offset) return cut;
    if (k - first > 8) return undefined;
  }
  return { at: text.length, line: 0, nextStmt: body.length };
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
