// The Python front end's entry point: source text → `{ module, errors, tree }`, incrementally.
// Pipeline: scan (CPython-faithful tokens, token errors, recovery patches) → lezer parse of the
// patched text (reusing the previous tree's fragments) → convert to the typed AST → messages.
// Parsing never fails: every input gives a Module, broken statements become ErrorStmt nodes.
// The lezer tree stays inside `ParseTree` (opaque); nothing outside src/python sees it.

import { pythonParser as parser } from './lezerParser';
import { TreeFragment, type ChangedRange, type Tree } from '@lezer/common';
import type * as A from './ast';
import { convert } from './convert';
import type { ConvertCache, PreviousConversion } from './reuse';
import { LineIndex } from './lineIndex';
import { KEYWORDS, measureIndent, placeholder, scan, type BrokenRegion, type Patch, type ScanResult } from './scanner';
import { compileChecks, logicalLineAt, parserMessage } from './syntaxErrors';
import { intactBefore, reparseRegion, type StretchParse } from './regionReparse';
import { changedStretch } from './textDiff';

/** A replacement of `[from, to)` of the previous text by `insert` (VS Code's contentChanges). */
export interface TextEdit {
  from: number;
  to: number;
  insert: string;
}

/**
 * `text` after one change event's `edits`, each a range of `text` (VS Code's contentChanges:
 * ranges in the text before the event, none overlapping, in any order); undefined when they do
 * not fit it.
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): string | undefined {
  const sorted = [...edits].sort((a, b) => a.from - b.from);
  const parts: string[] = [];
  let at = 0;
  for (const e of sorted) {
    if (e.from < at || e.to < e.from || e.to > text.length) return undefined;
    parts.push(text.slice(at, e.from), e.insert);
    at = e.to;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

declare const parseTreeBrand: unique symbol;

/** Opaque parser state kept for incremental reparsing. */
export interface ParseTree {
  readonly text: string;
  readonly [parseTreeBrand]: true;
}

export interface ParseResult {
  module: A.Module;
  /** Every syntax error found, in source order (one per broken statement at most, roughly). */
  errors: A.SyntaxDiagnostic[];
  tree: ParseTree;
}

interface TreeState {
  text: string;
  module: A.Module;
  /** where the first broken statement begins (the length when none): regionReparse.ts's limit */
  intactBefore: number;
  /** the last whole-file parse, which a full reparse reuses (older than `text` after region reparses) */
  full: FullParse;
  /** Statistics for tests: characters of the previous parse reused. */
  reusable: number;
  /** the stretch a region reparse parsed (for tests) */
  region?: { from: number; to: number };
}

interface FullParse {
  text: string;
  patched: string;
  lezer: Tree;
  index: LineIndex;
  /** the clean top-level statements' conversions, reused by the next parse */
  cache: ConvertCache;
}

const MAX_RECOVERY_ROUNDS = 8;

/**
 * Parses Python 3 source. Pass the previous result's `tree` (and, optionally, the edits that
 * turned its text into `text`) to reuse the unchanged parts of the previous parse.
 */
export function parse(text: string, previous?: { tree: ParseTree; edits?: readonly TextEdit[] }): ParseResult {
  const last = previous?.tree as unknown as TreeState | undefined;
  if (last !== undefined) {
    const quick = reparseRegion(last, text, parseStretch);
    if (quick !== undefined) {
      const { module, errors, region } = quick;
      const state: TreeState = { text, module, intactBefore: intactBefore(module, errors, text.length), full: last.full, reusable: text.length - (region.to - region.from), region };
      return { module, errors, tree: state as unknown as ParseTree };
    }
  }
  const scanned = scan(text);
  const regions: BrokenRegion[] = [...scanned.regions];
  let patches = capBracketDepth(text, scanned, regions);
  let patched = applyPatches(text, patches);

  let fragments: readonly TreeFragment[] | undefined;
  let reusable = 0;
  let prevConversion: PreviousConversion | undefined;
  if (last !== undefined) {
    const prev = last.full;
    // after region reparses the edits describe only the last step from the full parse's text
    const changes = changedRanges(prev, patched, prev.text === last.text ? previous?.edits : undefined);
    fragments = TreeFragment.applyChanges(TreeFragment.addTree(prev.lezer), changes);
    reusable = fragments.reduce((n, f) => n + (f.to - f.from), 0);
    prevConversion = { cache: prev.cache, text: prev.text, index: prev.index, changes };
  }
  let tree = parser.parse(patched, fragments);

  const index = scanned.index;
  const lineStarts = scanned.lines.map((l) => l.from);
  let result = runConvert(tree, text, index, regions, scanned, lineStarts, prevConversion);
  // lezer's incremental parse can nest a column-0 statement in a block: parse afresh then
  if (last !== undefined && result.out.misnested) return parse(text);
  // Recovery: a broken statement that swallowed following lines is replaced by a placeholder
  // (its parse errors are kept: the placeholder itself parses cleanly).
  const carried: number[] = [];
  for (let round = 0; round < MAX_RECOVERY_ROUNDS && result.out.spills.length > 0; round++) {
    const added: Patch[] = [];
    for (const at of result.out.spills) {
      const li = logicalLineAt(scanned.lines, at);
      const line = scanned.lines[li];
      if (line === undefined || regions.some((r) => r.from === line.from)) continue;
      const inLine = result.lezerErrors.filter((e) => e >= line.from && e <= line.to);
      carried.push(...(inLine.length > 0 ? inLine.slice(0, 1) : [line.from]));
      const next = scanned.lines[li + 1];
      const wantHeader = next !== undefined && measureIndent(text, index.lineStart(index.lineOf(next.from))) > line.indent;
      const { patch, region } = placeholder(text, index, line.from, line.to, wantHeader);
      added.push(patch);
      regions.push(region);
    }
    if (added.length === 0) break;
    patches = [...patches.filter((p) => !added.some((a) => p.from < a.to && a.from < p.to)), ...added];
    const next = applyPatches(text, patches);
    const changes: ChangedRange[] = added
      .sort((a, b) => a.from - b.from)
      .map((p) => ({ fromA: p.from, toA: p.to, fromB: p.from, toB: p.to }));
    tree = parser.parse(next, TreeFragment.applyChanges(TreeFragment.addTree(tree), changes));
    patched = next;
    result = runConvert(tree, text, index, regions, scanned, lineStarts, prevConversion);
  }

  if (carried.length > 0) result.lezerErrors = [...carried, ...result.lezerErrors].sort((a, b) => a - b);
  const errors = assembleErrors(text, index, scanned, result);
  const module = result.out.module;
  const full: FullParse = { text, patched, lezer: tree, index, cache: result.out.cache };
  const state: TreeState = { text, module, intactBefore: intactBefore(module, errors, text.length), full, reusable };
  return { module, errors, tree: state as unknown as ParseTree };
}

/**
 * A stretch of a file parsed on its own. A message that cites a line number (an unclosed
 * block's header, a string's start) needs the file's numbering: then the stretch is parsed again
 * behind empty lines. (The scanner's patches that remain in a clean parse rewrite single tokens
 * for lezer, `print -1` or `1.`: they depend on the stretch's own text.)
 */
function parseStretch(stretch: string, startLine: number): StretchParse {
  const r = parse(stretch);
  if (startLine === 1 || !r.errors.some((e) => /\bline \d/.test(e.message))) return { module: r.module, errors: r.errors, padding: 0 };
  const padded = parse('\n'.repeat(startLine - 1) + stretch);
  return { module: padded.module, errors: padded.errors, padding: startLine - 1 };
}

/** For tests: the stretch the last parse reparsed on its own, if it did (regionReparse.ts). */
export function reparsedRegion(tree: ParseTree): { from: number; to: number } | undefined {
  return (tree as unknown as TreeState).region;
}

/** CPython's tokenizer refuses the 201st open bracket of a statement (MAXLEVEL in tokenizer.c). */
const MAX_BRACKET_DEPTH = 200;

/**
 * A statement nested deeper than CPython allows gets CPython's "too many nested parentheses"
 * (at the first bracket too many) and becomes a placeholder for lezer, whose tree builder
 * recurses once per level and overflows the stack near 10,000 levels. Returns the patches.
 */
function capBracketDepth(text: string, scanned: ScanResult, regions: BrokenRegion[]): Patch[] {
  let patches = scanned.patches;
  const { tokens, lines, index } = scanned;
  lines.forEach((line, li) => {
    let depth = 0;
    for (let i = line.firstTok; i < line.endTok; i++) {
      const t = tokens[i]!;
      if (t.type !== 'op' || t.to - t.from !== 1) continue;
      const ch = text[t.from];
      if (ch === ')' || ch === ']' || ch === '}') depth = Math.max(0, depth - 1);
      if (ch !== '(' && ch !== '[' && ch !== '{') continue;
      if (++depth <= MAX_BRACKET_DEPTH) continue;
      scanned.errors.push({ type: 'SyntaxError', message: 'too many nested parentheses', offset: t.from, anchor: t.from, phase: 'tokenizer' });
      if (!regions.some((r) => r.from <= line.from && line.to <= r.to)) {
        const next = lines[li + 1];
        const wantHeader = next !== undefined && measureIndent(text, index.lineStart(index.lineOf(next.from))) > line.indent;
        const { patch, region } = placeholder(text, index, line.from, line.to, wantHeader);
        patches = [...patches.filter((p) => p.to <= line.from || p.from >= line.to), patch];
        regions.push(region);
      }
      return;
    }
  });
  return patches;
}

/** For tests: how many characters of the previous tree were offered for reuse. */
export function reusedLength(tree: ParseTree): number {
  return (tree as unknown as TreeState).reusable;
}

interface Converted {
  out: ReturnType<typeof convert>;
  /** Positions of parse failures (lezer's error nodes, plus those of replaced statements). */
  lezerErrors: number[];
}

function runConvert(tree: Tree, text: string, index: LineIndex, regions: BrokenRegion[], scanned: ScanResult, lineStarts: number[], previous: PreviousConversion | undefined): Converted {
  const anchors = scanned.errors.map((e) => e.anchor).sort((a, b) => a - b);
  const out = convert({ tree, text, index, regions, anchors, lineStarts, previous });
  return { out, lezerErrors: out.lezerErrors };
}

/**
 * CPython reports "'(' was never closed" only when its parser got past the bracket's line (or
 * to the end of the file); a failure on the bracket's own line with more tokens after it is
 * reported as that parse error instead (`def f(:` → "invalid syntax"). We reparse the broken
 * statement up to its next line, unpatched, to find where the parse fails.
 */
function neverClosedOrParseError(scanned: ScanResult, text: string, index: LineIndex, e: ScanResult['errors'][number]): { message: string; offset: number; phase: A.SyntaxDiagnostic['phase'] } {
  const keep = { message: e.message, offset: e.offset, phase: e.phase };
  const region = e.region;
  if (region === undefined) return keep;
  const bracketLine = index.lineOf(e.offset);
  const tokens = scanned.tokens;
  const significant = (t: { type: string }): boolean => t.type !== 'newline' && t.type !== 'indent' && t.type !== 'dedent' && t.type !== 'end';
  let stop = text.length;
  for (const t of tokens) {
    if (t.from >= region.from && significant(t) && index.lineOf(t.from) > bracketLine) {
      stop = index.lineEnd(index.lineOf(t.from));
      break;
    }
  }
  let first = -1;
  parser.parse(text.slice(region.from, stop)).iterate({
    enter(n) {
      if (first < 0 && n.type.isError) first = n.from;
      return first < 0;
    },
  });
  if (first < 0) return keep;
  const at = region.from + first;
  if (index.lineOf(at) > bracketLine) return keep;
  // Failing at an opening bracket after an expression, with an expression inside, CPython's
  // error pass reads on inside the bracket to the end of the file (`p{rint(1)`).
  const fi = tokens.findIndex((t) => t.from >= at && significant(t));
  const failing = tokens[fi];
  if (failing !== undefined && failing.type === 'op' && failing.to - failing.from === 1 && '([{'.includes(text[failing.from]!)) {
    const before = tokens[fi - 1];
    const after = tokens[fi + 1];
    const word = (t: { from: number; to: number } | undefined): string => (t === undefined ? '' : text.slice(t.from, t.to));
    const exprEnd = before !== undefined && (before.type === 'number' || before.type === 'string' || (before.type === 'name' && !KEYWORDS.has(word(before))) || /^[)\]}]$/.test(word(before)));
    const exprStart = after !== undefined && (after.type === 'number' || after.type === 'string' || (after.type === 'name' && !KEYWORDS.has(word(after))) || /^[([{]$/.test(word(after)));
    const li = logicalLineAt(scanned.lines, at);
    const firstWord = word(tokens[scanned.lines[li]?.firstTok ?? -1]);
    if (exprEnd && exprStart && !['import', 'from', 'def', 'class'].includes(firstWord)) return keep;
  }
  const m = parserMessage(scanned, text, at);
  // The failing token must not be the file's last: CPython would then read on to the end.
  const later = tokens.some((t) => t.from > at && significant(t));
  if (!later) return keep;
  return { message: m.message, offset: m.offset, phase: 'parser' };
}

function assembleErrors(text: string, index: LineIndex, scanned: ScanResult, result: Converted): A.SyntaxDiagnostic[] {
  const errors: A.SyntaxDiagnostic[] = [];
  const diag = (type: A.SyntaxErrorType, message: string, offset: number, phase: A.SyntaxDiagnostic['phase']): A.SyntaxDiagnostic => {
    const line = index.lineOf(offset);
    return { type, message, line, col: offset - index.lineStart(line), offset, phase };
  };
  // Logical lines that already have an error: lezer's errors there are consequences.
  const flagged = new Set<number>();
  const lineOf = (offset: number): number => logicalLineAt(scanned.lines, offset);
  for (const e of scanned.errors) {
    const m = neverClosedOrParseError(scanned, text, index, e);
    errors.push(diag(e.type, m.message, m.offset, m.phase));
    flagged.add(lineOf(e.anchor));
  }
  for (const e of result.out.errors) {
    const li = lineOf(e.offset);
    if (flagged.has(li)) continue;
    flagged.add(li);
    errors.push(diag('SyntaxError', e.message, e.offset, e.phase));
  }
  for (const at of result.lezerErrors) {
    const li = lineOf(at);
    if (flagged.has(li)) continue;
    flagged.add(li);
    const m = parserMessage(scanned, text, at);
    errors.push(diag('SyntaxError', m.message, m.offset, 'parser'));
  }
  for (const c of compileChecks(result.out.module)) {
    if (flagged.has(lineOf(c.offset))) continue;
    errors.push(diag('SyntaxError', c.message, c.offset, 'compiler'));
  }
  return errors.sort((a, b) => a.offset - b.offset);
}

function applyPatches(text: string, patches: readonly Patch[]): string {
  if (patches.length === 0) return text;
  const sorted = [...patches].sort((a, b) => a.from - b.from);
  let out = '';
  let at = 0;
  for (const p of sorted) {
    if (p.from < at) continue;
    out += text.slice(at, p.from) + p.text;
    at = p.to;
  }
  return out + text.slice(at);
}

/**
 * Changed ranges between the previous patched text and the new one. The caller's edits are
 * used when they account for every difference; otherwise (no edits, wrong edits, or patches
 * that moved) a common-prefix/suffix diff is exact and cheap.
 */
function changedRanges(prev: FullParse, patched: string, edits: readonly TextEdit[] | undefined): ChangedRange[] {
  if (edits !== undefined && edits.length > 0) {
    const sorted = [...edits].sort((a, b) => a.from - b.from);
    const ranges: ChangedRange[] = [];
    let delta = 0;
    let ok = true;
    let lastTo = 0;
    for (const e of sorted) {
      if (e.from < lastTo || e.to < e.from || e.to > prev.patched.length) {
        ok = false;
        break;
      }
      ranges.push({ fromA: e.from, toA: e.to, fromB: e.from + delta, toB: e.from + delta + e.insert.length });
      delta += e.insert.length - (e.to - e.from);
      lastTo = e.to;
    }
    if (ok && prev.patched.length + delta === patched.length && unchangedOutside(prev.patched, patched, ranges)) return ranges;
  }
  const change = changedStretch(prev.patched, patched);
  return change === undefined ? [] : [{ fromA: change.from, toA: change.toBefore, fromB: change.from, toB: change.toAfter }];
}

function unchangedOutside(a: string, b: string, ranges: readonly ChangedRange[]): boolean {
  let pa = 0;
  let pb = 0;
  for (const r of ranges) {
    if (a.slice(pa, r.fromA) !== b.slice(pb, r.fromB)) return false;
    pa = r.toA;
    pb = r.toB;
  }
  return a.slice(pa) === b.slice(pb);
}
