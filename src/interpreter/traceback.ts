// CPython 3.11's traceback printing: `Traceback (most recent call last):`, one `File …, line
// N, in name` entry per frame with the stripped source line and 3.11's caret line (`~~^~~`
// anchors for binary operators and subscripts, elided when the range spans the line), the
// `[Previous line repeated N more times]` compression, exception chaining texts, the
// `Did you mean: 'x'?` suggestions of NameError/AttributeError, and syntax-error reports.
// It formats only; the entries are recorded by interpreter.ts as exceptions unwind.

import type * as A from '../python/ast';
import { parse } from '../python/parse';
import { exceptionStr } from './repr';
import { EXC, Located, PyInstance, TbEntry, Value } from './values';

const TB_RECURSIVE_CUTOFF = 3;

export interface SourceInfo {
  filename: string;
  lines: readonly string[];
}

function lineText(src: SourceInfo, e: TbEntry): string | null {
  if (e.text !== undefined) return e.text;
  if (e.filename !== src.filename) return null;
  const l = src.lines[e.line - 1];
  return l === undefined ? null : l;
}

const isWs = (c: string) => c === ' ' || c === '\t' || c === '\f';

function caretLine(line: string, node: Located): string | null {
  const r = node.range;
  const anchors = r.line === r.endLine ? anchorsOf(node, r.col) : null;
  return carets(line, r.col, r.endCol, r.line !== r.endLine, anchors);
}

function carets(line: string, start: number, end0: number, multiline: boolean, anchors: [number, number] | null): string | null {
  let indent = 0;
  while (indent < line.length && isWs(line[indent])) indent++;
  let end = end0;
  let left = -1, right = -1;
  if (!multiline) {
    if (anchors) [left, right] = anchors;
  } else {
    let i = line.length;
    while (--i >= 0) if (!isWs(line[i])) break;
    end = i + 1;
  }
  if (start < indent || end <= start) return null;
  const hasSecondary = left !== -1 || right !== -1;
  if (start === indent && end === line.length && !hasSecondary) return null;
  let out = '    ' + ' '.repeat(start - indent);
  if (hasSecondary) {
    out += '~'.repeat(left) + '^'.repeat(right - left) + '~'.repeat(end - start - right);
  } else out += '^'.repeat(end - start);
  return out;
}

/** 3.11's secondary ranges: the operator of a BinOp, the `[...]` of a Subscript (offsets within the range). */
function anchorsOf(node: Located, start: number): [number, number] | null {
  if (node.kind === 'BinOp') {
    const seg = sourceOfRange;
    if (!seg) return null;
    const leftEnd = node.left.range.endCol - start, rightStart = node.right.range.col - start;
    if (node.left.range.endLine !== node.range.line || node.right.range.line !== node.range.line) return null;
    for (let i = leftEnd; i < rightStart; i++) {
      const c = seg[start + i];
      if (c === undefined || isWs(c)) continue;
      let r = i + 1;
      if (i + 1 < rightStart && !isWs(seg[start + i + 1] ?? ' ')) r++;
      return [i, r];
    }
    return null;
  }
  if (node.kind === 'Subscript') {
    if (node.value.range.endLine !== node.range.line || node.slice.range.endLine !== node.range.line) return null;
    return [node.value.range.endCol - start, node.slice.range.endCol + 1 - start];
  }
  return null;
}

/**
 * Anchors for a frame known only by its text and columns (NumPy's own source lines): CPython
 * parses the segment and anchors a lone BinOp or Subscript expression, as anchorsOf does.
 */
function segmentAnchors(segment: string): [number, number] | null {
  const r = parse(segment);
  const stmt = r.module.body[0];
  if (r.errors.length > 0 || r.module.body.length !== 1 || stmt.kind !== 'Expr') return null;
  const expr = stmt.value;
  if (expr.kind !== 'BinOp' && expr.kind !== 'Subscript') return null;
  sourceOfRange = segment;
  try {
    return anchorsOf(expr, 0);
  } finally {
    sourceOfRange = null;
  }
}

// the line being rendered (anchorsOf reads operator characters from it)
let sourceOfRange: string | null = null;

function formatEntry(src: SourceInfo, e: TbEntry): string {
  let out = `  File "${e.filename}", line ${e.line}, in ${e.name}\n`;
  const line = lineText(src, e);
  if (line === null) return out;
  let i = 0;
  while (i < line.length && isWs(line[i])) i++;
  const stripped = line.slice(i);
  if (stripped === '') return out;
  out += `    ${stripped}\n`;
  if (e.cols) {
    const c = carets(line, e.cols[0], e.cols[1], e.cols[2], e.cols[2] ? null : segmentAnchors(line.slice(e.cols[0], e.cols[1])));
    if (c !== null) out += `${c}\n`;
  } else if (e.node && e.text === undefined && e.node.range && e.node.range.line === e.line) {
    sourceOfRange = line;
    try {
      const c = caretLine(line, e.node);
      if (c !== null) out += `${c}\n`;
    } finally {
      sourceOfRange = null;
    }
  }
  return out;
}

export function formatTracebackEntries(src: SourceInfo, entries: readonly TbEntry[]): string {
  let out = '';
  let lastKey: string | null = null;
  let cnt = 0;
  for (const e of entries) {
    const key = `${e.filename}\u0000${e.line}\u0000${e.name}`;
    if (key !== lastKey) {
      if (cnt > TB_RECURSIVE_CUTOFF) out += repeated(cnt);
      lastKey = key;
      cnt = 0;
    }
    cnt++;
    if (cnt <= TB_RECURSIVE_CUTOFF) out += formatEntry(src, e);
  }
  if (cnt > TB_RECURSIVE_CUTOFF) out += repeated(cnt);
  return out;
}

function repeated(cnt: number): string {
  const n = cnt - TB_RECURSIVE_CUTOFF;
  return `  [Previous line repeated ${n} more time${n > 1 ? 's' : ''}]\n`;
}

/** The last line: `ValueError: message` (with 3.11's "Did you mean" for names and attributes). */
export function exceptionLine(exc: PyInstance, suggestion: string | null = null): string {
  const name = exc.cls.fullName;
  let msg: string;
  try {
    msg = exceptionStr2(exc);
  } catch {
    msg = '<exception str() failed>';
  }
  if (suggestion) msg += `. Did you mean: '${suggestion}'?`;
  return msg === '' ? `${name}\n` : `${name}: ${msg}\n`;
}

let strHook: ((e: PyInstance) => string) | null = null;
/** str() of an exception through user __str__ (set by run.ts, which knows the object protocol). */
export function setExceptionStrHook(f: (e: PyInstance) => string): void {
  strHook = f;
}
function exceptionStr2(exc: PyInstance): string {
  return strHook ? strHook(exc) : exceptionStr(exc);
}

export type Suggest = (exc: PyInstance) => string | null;

/** The whole report for an uncaught exception, chained exceptions first. */
export function formatException(src: SourceInfo, exc: PyInstance, suggest: Suggest): string {
  const seen = new Set<PyInstance>();
  const one = (e: PyInstance): string => {
    seen.add(e);
    const st = e.exc!;
    let out = '';
    if (st.cause && !seen.has(st.cause)) {
      out += one(st.cause);
      out += '\nThe above exception was the direct cause of the following exception:\n\n';
    } else if (st.context && !st.suppressContext && !seen.has(st.context)) {
      out += one(st.context);
      out += '\nDuring handling of the above exception, another exception occurred:\n\n';
    }
    if (st.traceback.length) out += `Traceback (most recent call last):\n${formatTracebackEntries(src, st.traceback)}`;
    out += exceptionLine(e, suggest(e));
    return out;
  };
  return one(exc);
}

// ---- "Did you mean" (Python/suggestions.c) ------------------------------------------------------

const MAX_CANDIDATE_ITEMS = 750;
const MAX_STRING_SIZE = 40;
const MOVE_COST = 2;
const CASE_COST = 1;

function substitutionCost(a: number, b: number): number {
  if ((a & 31) !== (b & 31)) return MOVE_COST;
  if (a === b) return 0;
  const la = a >= 65 && a <= 90 ? a + 32 : a, lb = b >= 65 && b <= 90 ? b + 32 : b;
  return la === lb ? CASE_COST : MOVE_COST;
}

function levenshtein(a0: string, b0: string, maxCost: number): number {
  let a = Buffer.from(a0, 'utf8'), b = Buffer.from(b0, 'utf8');
  if (a0 === b0) return 0;
  let s = 0;
  while (s < a.length && s < b.length && a[s] === b[s]) s++;
  a = a.subarray(s); b = b.subarray(s);
  let ea = a.length, eb = b.length;
  while (ea && eb && a[ea - 1] === b[eb - 1]) { ea--; eb--; }
  a = a.subarray(0, ea); b = b.subarray(0, eb);
  if (a.length === 0 || b.length === 0) return (a.length + b.length) * MOVE_COST;
  if (a.length > MAX_STRING_SIZE || b.length > MAX_STRING_SIZE) return maxCost + 1;
  if (b.length < a.length) { const t = a; a = b; b = t; }
  if ((b.length - a.length) * MOVE_COST > maxCost) return maxCost + 1;
  const buffer = new Array<number>(a.length);
  let tmp = MOVE_COST;
  for (let i = 0; i < a.length; i++) { buffer[i] = tmp; tmp += MOVE_COST; }
  let result = 0;
  for (let bi = 0; bi < b.length; bi++) {
    const code = b[bi];
    let distance = result = bi * MOVE_COST;
    let minimum = Infinity;
    for (let i = 0; i < a.length; i++) {
      const substitute = distance + substitutionCost(code, a[i]);
      distance = buffer[i];
      const insertDelete = Math.min(result, distance) + MOVE_COST;
      result = Math.min(insertDelete, substitute);
      buffer[i] = result;
      if (result < minimum) minimum = result;
    }
    if (minimum > maxCost) return maxCost + 1;
  }
  return result;
}

export function calculateSuggestion(dir: readonly string[], name: string): string | null {
  if (dir.length >= MAX_CANDIDATE_ITEMS) return null;
  let best: string | null = null;
  let bestDist = Number.MAX_SAFE_INTEGER;
  const nameSize = Buffer.byteLength(name, 'utf8');
  for (const item of dir) {
    if (item === name) continue;
    const itemSize = Buffer.byteLength(item, 'utf8');
    let maxDistance = Math.floor((nameSize + itemSize + 3) * MOVE_COST / 6);
    maxDistance = Math.min(maxDistance, bestDist - 1);
    const d = levenshtein(name, item, maxDistance);
    if (d > maxDistance) continue;
    if (best === null || d < bestDist) { best = item; bestDist = d; }
  }
  return best;
}

// ---- syntax errors -------------------------------------------------------------------------------

/** CPython's report of a compile-time SyntaxError (no "Traceback" header). */
export function formatSyntaxError(filename: string, lines: readonly string[], d: A.SyntaxDiagnostic): string {
  let out = `  File "${filename}", line ${d.line}\n`;
  const line = lines[d.line - 1];
  if (line !== undefined) {
    let i = 0;
    while (i < line.length && isWs(line[i])) i++;
    const stripped = line.slice(i).replace(/[\r\n]+$/, '');
    if (stripped.length) {
      out += `    ${stripped}\n`;
      const col = Math.max(0, d.col - i);
      out += `    ${' '.repeat(Math.min(col, stripped.length))}^\n`;
    }
  }
  return `${out}${d.type}: ${d.message}\n`;
}

export { EXC, type Value };
