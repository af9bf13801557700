// A tokenizer that follows CPython 3.11's (Parser/tokenizer.c) closely enough to report its
// token-level errors with its messages and positions, to give the logical-line structure that
// error recovery and error messages need, and to compute the same-length text patches that make
// @lezer/python see CPython's tokens (`1.` floats) and skip statements whose brackets never close.
// It does not build syntax trees or look inside f-string fields; the lezer grammar does that.

import { LineIndex } from './lineIndex';
import type { SyntaxErrorType } from './ast';
import { fstringProblem } from './fstrings';

export type TokType = 'name' | 'number' | 'string' | 'op' | 'newline' | 'indent' | 'dedent' | 'end' | 'error';

export interface Token {
  type: TokType;
  from: number;
  to: number;
}

export interface LogicalLine {
  /** Index of the first and last (exclusive) token of the line in `tokens` (NEWLINE excluded). */
  firstTok: number;
  endTok: number;
  from: number;
  to: number;
  /** Indentation width of the line (tabs to multiples of 8). */
  indent: number;
  /** The line was cut short by bracket recovery (its brackets never close). */
  recovered: boolean;
}

/** An error found while scanning. `anchor` is a position inside the statement the error breaks. */
export interface ScanError {
  type: SyntaxErrorType;
  message: string;
  offset: number;
  anchor: number;
  phase: 'tokenizer' | 'parser';
  /** For "'(' was never closed": the statement cut short by recovery. */
  region?: BrokenRegion;
}

/** A same-length replacement of `text.slice(from, to)` in the text lezer parses. */
export interface Patch {
  from: number;
  to: number;
  text: string;
}

/** A statement replaced by a placeholder in the text lezer parses (`range` in the original). */
export interface BrokenRegion {
  from: number;
  to: number;
  /** The placeholder opens a block (`if 1:`), so the original's indented body still parses. */
  header: boolean;
}

export interface ScanResult {
  tokens: Token[];
  lines: LogicalLine[];
  errors: ScanError[];
  patches: Patch[];
  regions: BrokenRegion[];
  index: LineIndex;
}

export const KEYWORDS = new Set([
  'False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class', 'continue',
  'def', 'del', 'elif', 'else', 'except', 'finally', 'for', 'from', 'global', 'if', 'import', 'in',
  'is', 'lambda', 'nonlocal', 'not', 'or', 'pass', 'raise', 'return', 'try', 'while', 'with', 'yield',
]);

/** Keywords that can only start a statement, never continue an expression. */
const STATEMENT_KEYWORDS = new Set([
  'assert', 'break', 'class', 'continue', 'def', 'del', 'elif', 'except', 'finally', 'global',
  'import', 'nonlocal', 'pass', 'raise', 'return', 'try', 'while', 'with',
]);

const COMPOUND_KEYWORDS = new Set([
  'if', 'elif', 'else', 'while', 'for', 'try', 'except', 'finally', 'with', 'def', 'class', 'async',
]);

const OPERATORS3 = new Set(['**=', '...', '//=', '<<=', '>>=']);
const OPERATORS2 = new Set([
  '!=', '%=', '&=', '**', '*=', '+=', '-=', '->', '//', '/=', ':=', '<<', '<=', '<>', '==', '>=', '>>', '@=', '^=', '|=',
]);
const OPERATORS1 = new Set('()[]{}:,;+-*/|&<>=.%~^@');
const OPEN = '([{';
const CLOSE_FOR: Record<string, string> = { ')': '(', ']': '[', '}': '{' };

const NON_PRINTABLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]/u;
const IDENT_START = /[\p{XID_Start}_]/u;
const IDENT_CONTINUE = /\p{XID_Continue}/u;

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
function isHexDigit(c: number): boolean {
  return isDigit(c) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70);
}
function isPotentialIdentChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || isDigit(c) || c >= 128;
}
function isPotentialIdentStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c >= 128;
}
function isNewline(c: number): boolean {
  return c === 10 || c === 13;
}

interface Bracket {
  ch: string;
  pos: number;
}

class NumberError {
  constructor(readonly message: string, readonly offset: number) {}
}

/** Tokenizes `text`; never throws. */
export function scan(text: string): ScanResult {
  return new Scanner(text).run();
}

class Scanner {
  readonly index: LineIndex;
  tokens: Token[] = [];
  lines: LogicalLine[] = [];
  errors: ScanError[] = [];
  patches: Patch[] = [];
  regions: BrokenRegion[] = [];

  private pos = 0;
  private indents = [0];
  private altIndents = [0];
  private parens: Bracket[] = [];
  private atLineStart = true;
  /** Token index where the current logical line starts, or -1 between lines. */
  private lineTok = -1;
  private lineIndent = 0;
  /** The previous logical line was a compound-statement header ending with ':'. */
  private pendingHeader: { keyword: string; line: number; colon: number } | null = null;
  private prevLineUnfinishedHeader = false;
  /** Start of a comment ending the current line: CPython's NEWLINE token starts there. */
  private lastComment = -1;

  constructor(readonly text: string) {
    this.index = new LineIndex(text);
  }

  run(): ScanResult {
    const text = this.text;
    if (text.charCodeAt(0) === 0xfeff) {
      // A byte-order mark: Python skips it when reading a file; lezer gets a blank line instead.
      this.pos = 1;
      this.patches.push({ from: 0, to: 1, text: '\n' });
    }
    for (;;) {
      if (this.atLineStart) {
        this.atLineStart = false;
        if (this.parens.length === 0 && this.lineStartIndentation()) continue;
      }
      // Skip whitespace.
      let c = text.charCodeAt(this.pos);
      while (c === 32 || c === 9 || c === 12) c = text.charCodeAt(++this.pos);
      const start = this.pos;
      if (c === 35 /* # */) {
        this.lastComment = start;
        while (this.pos < text.length && !isNewline(text.charCodeAt(this.pos))) this.pos++;
        continue;
      }
      if (this.pos >= text.length) {
        if (this.parens.length > 0 && this.recoverUnclosed()) continue;
        this.endLogicalLine(this.pos);
        this.finishIndentation();
        this.tokens.push({ type: 'end', from: text.length, to: text.length });
        break;
      }
      if (isNewline(c)) {
        this.pos += c === 13 && text.charCodeAt(this.pos + 1) === 10 ? 2 : 1;
        this.atLineStart = true;
        if (this.parens.length === 0 && this.lineTok >= 0) this.endLogicalLine(this.lastComment >= 0 ? this.lastComment : start, false, this.pos);
        this.lastComment = -1;
        continue;
      }
      if (c === 92 /* \ */) {
        const n = text.charCodeAt(this.pos + 1);
        if (isNewline(n)) {
          if (n === 13 && text.charCodeAt(this.pos + 2) === 10) this.patches.push({ from: start + 1, to: start + 3, text: '\n ' });
          this.pos += n === 13 && text.charCodeAt(this.pos + 2) === 10 ? 3 : 2;
          if (this.pos >= text.length) this.tokenError('unexpected EOF while parsing', this.pos, start);
          continue;
        }
        this.beginToken();
        this.tokenError('unexpected character after line continuation character', this.pos + 1, start);
        this.pos++;
        this.push('error', start, this.pos);
        continue;
      }
      this.beginToken();
      if (isPotentialIdentStart(c)) {
        this.scanNameOrString(start);
        continue;
      }
      if (isDigit(c) || (c === 46 && isDigit(text.charCodeAt(this.pos + 1)))) {
        this.scanNumber(start);
        continue;
      }
      if (c === 39 || c === 34) {
        this.scanString(start, start);
        continue;
      }
      this.scanOperator(start);
    }
    this.patchPrintNames();
    this.checkFormatStrings();
    return {
      tokens: this.tokens,
      lines: this.lines,
      errors: this.errors,
      patches: this.patches,
      regions: this.regions,
      index: this.index,
    };
  }

  // -------------------------------------------------------------------------------------------
  // Lines and indentation

  /** Handles indentation at the start of a physical line; true if the line was blank. */
  private lineStartIndentation(): boolean {
    const text = this.text;
    let col = 0;
    let alt = 0;
    let p = this.pos;
    for (;; p++) {
      const c = text.charCodeAt(p);
      if (c === 32) {
        col++;
        alt++;
      } else if (c === 9) {
        col = (Math.floor(col / 8) + 1) * 8;
        alt++;
      } else if (c === 12) col = alt = 0;
      else break;
    }
    const c = text.charCodeAt(p);
    if (c === 35 || isNewline(c) || p >= text.length) {
      // Blank or comment-only line: no indentation processing (EOF handled by the caller).
      this.pos = p;
      return false;
    }
    this.pos = p;
    this.lineIndent = col;
    const top = this.indents[this.indents.length - 1]!;
    const altTop = this.altIndents[this.altIndents.length - 1]!;
    const header = this.pendingHeader;
    this.pendingHeader = null;
    const lineNo = this.index.lineOf(p);
    const lineStart = this.index.lineStart(lineNo);
    const tabError = (): void => this.indentError('TabError', 'inconsistent use of tabs and spaces in indentation', lineStart, p);
    if (col === top) {
      if (alt !== altTop) tabError();
    } else if (col > top) {
      const inconsistent = alt <= altTop;
      if (inconsistent) tabError();
      this.indents.push(col);
      this.altIndents.push(alt);
      this.tokens.push({ type: 'indent', from: p, to: p });
      if (header === null && !this.prevLineUnfinishedHeader && !inconsistent) {
        this.indentError('IndentationError', 'unexpected indent', Math.max(p - 1, lineStart), p, 'parser');
      }
    } else {
      while (this.indents.length > 1 && col < this.indents[this.indents.length - 1]!) {
        this.indents.pop();
        this.altIndents.pop();
        this.tokens.push({ type: 'dedent', from: p, to: p });
      }
      if (col !== this.indents[this.indents.length - 1]) {
        this.indentError('IndentationError', 'unindent does not match any outer indentation level', this.index.lineEnd(lineNo), p);
      } else if (alt !== this.altIndents[this.altIndents.length - 1]) {
        tabError();
      }
    }
    if (header !== null && col <= top) this.expectedBlock(header, p);
    return false;
  }

  private expectedBlock(header: { keyword: string; line: number; colon: number }, at: number): void {
    const what =
      header.keyword === 'def' ? 'function definition' : header.keyword === 'class' ? 'class definition' : `'${header.keyword}' statement`;
    this.errors.push({
      type: 'IndentationError',
      message: `expected an indented block after ${what} on line ${header.line}`,
      offset: at,
      anchor: header.colon,
      phase: 'parser',
    });
  }

  private indentError(type: SyntaxErrorType, message: string, offset: number, anchor: number, phase: 'tokenizer' | 'parser' = 'tokenizer'): void {
    this.errors.push({ type, message, offset, anchor, phase });
  }

  private tokenError(message: string, offset: number, anchor: number): void {
    this.errors.push({ type: 'SyntaxError', message, offset, anchor, phase: 'tokenizer' });
  }

  private beginToken(): void {
    this.lastComment = -1;
    if (this.lineTok < 0) this.lineTok = this.tokens.length;
  }

  private push(type: TokType, from: number, to: number): void {
    this.tokens.push({ type, from, to });
  }

  /** Ends the current logical line with a NEWLINE token over [at, end). */
  private endLogicalLine(at: number, recovered = false, end = at): void {
    if (this.lineTok < 0) return;
    // INDENT/DEDENT tokens recorded before the line's first token belong to no line.
    let f = this.lineTok;
    while (f < this.tokens.length && (this.tokens[f]!.type === 'indent' || this.tokens[f]!.type === 'dedent')) f++;
    const endTok = this.tokens.length;
    this.lineTok = -1;
    if (f >= endTok) return;
    const line: LogicalLine = {
      firstTok: f,
      endTok,
      from: this.tokens[f]!.from,
      to: this.tokens[endTok - 1]!.to,
      indent: this.lineIndent,
      recovered,
    };
    this.lines.push(line);
    this.tokens.push({ type: 'newline', from: at, to: end });
    const firstText = this.tokText(f);
    const last = this.tokens[endTok - 1]!;
    const keyword = firstText === 'async' && endTok - f > 1 ? this.tokText(f + 1) : firstText;
    const isCompound = this.tokens[f]!.type === 'name' && (COMPOUND_KEYWORDS.has(firstText) || this.isSoftHeader(f, endTok));
    if (isCompound && last.type === 'op' && this.text.slice(last.from, last.to) === ':' && !recovered) {
      this.pendingHeader = {
        keyword: keyword === 'except' && this.tokText(f + 1) === '*' ? 'except*' : keyword,
        line: this.index.lineOf(this.tokens[f + (firstText === 'async' ? 1 : 0)]!.from),
        colon: last.from,
      };
      this.prevLineUnfinishedHeader = false;
    } else {
      this.pendingHeader = null;
      this.prevLineUnfinishedHeader = isCompound || recovered;
    }
  }

  private isSoftHeader(f: number, end: number): boolean {
    const t = this.tokText(f);
    return (t === 'match' || t === 'case') && end - f > 2;
  }

  private tokText(i: number): string {
    const t = this.tokens[i];
    return t === undefined ? '' : this.text.slice(t.from, t.to);
  }

  private finishIndentation(): void {
    if (this.pendingHeader !== null) {
      // CPython reports it at the file's final line break (or its end).
      const t = this.text;
      let at = t.length;
      if (at > 0 && t.charCodeAt(at - 1) === 10) at--;
      if (at > 0 && t.charCodeAt(at - 1) === 13) at--;
      this.expectedBlock(this.pendingHeader, at);
      this.pendingHeader = null;
    }
    while (this.indents.length > 1) {
      this.indents.pop();
      this.altIndents.pop();
      this.tokens.push({ type: 'dedent', from: this.text.length, to: this.text.length });
    }
  }

  /**
   * lezer's grammar has a Python 2 `print x` statement, taken whenever `print` at the start of
   * a statement is not followed by `(`, `.` or the end of the line, so `print = 3` or
   * `print -1` would not parse. `print` followed by an operator or an operator-like keyword is
   * therefore respelled `prinT` for lezer (names are read from the original text).
   */
  private patchPrintNames(): void {
    const tokens = this.tokens;
    const text = this.text;
    for (let i = 0; i + 1 < tokens.length; i++) {
      const t = tokens[i]!;
      if (t.type !== 'name' || t.to - t.from !== 5 || !text.startsWith('print', t.from)) continue;
      const n = tokens[i + 1]!;
      const w = text.slice(n.from, n.to);
      if (n.type === 'op' ? w !== '(' && w !== '.' : n.type === 'name' && ['if', 'else', 'and', 'or', 'in', 'is', 'not', 'for'].includes(w)) {
        this.patches.push({ from: t.from + 4, to: t.from + 5, text: 'T' });
      }
    }
  }

  /**
   * CPython 3.11 reads an f-string as one token and parses its fields afterwards, reporting
   * problems at the end of the (implicitly concatenated) string; lezer parses fields with
   * 3.12's rules, so the 3.11 checks happen here.
   */
  private checkFormatStrings(): void {
    const tokens = this.tokens;
    const text = this.text;
    for (let i = 0; i < tokens.length; i++) {
      if (tokens[i]!.type !== 'string') continue;
      let j = i;
      while (tokens[j + 1]?.type === 'string') j++;
      for (let k = i; k <= j; k++) {
        const t = tokens[k]!;
        const raw = text.slice(t.from, t.to);
        if (!/^[rRbBuU]?[fF]/.test(raw)) continue;
        const problem = fstringProblem(raw);
        if (problem !== null) {
          this.errors.push({ type: 'SyntaxError', message: problem, offset: tokens[j]!.to, anchor: t.from, phase: 'parser' });
          break;
        }
      }
      i = j;
    }
  }

  // -------------------------------------------------------------------------------------------
  // Recovery

  /**
   * EOF inside brackets. CPython reports the innermost unclosed bracket; for recovery we end
   * the broken statement at the first later physical line that is indented no deeper than the
   * statement (and does not start with a closing bracket) or starts with a statement keyword,
   * and scan the rest of the file afresh from there. Returns true if scanning resumes.
   */
  private recoverUnclosed(): boolean {
    const text = this.text;
    const first = this.lineTok < 0 ? this.tokens.length : this.lineTok;
    let cut = -1;
    let prevEndLine = -1;
    for (let i = first; i < this.tokens.length; i++) {
      const t = this.tokens[i]!;
      if (t.type !== 'name' && t.type !== 'number' && t.type !== 'string' && t.type !== 'op' && t.type !== 'error') continue;
      const line = this.index.lineOf(t.from);
      if (prevEndLine >= 0 && line > prevEndLine && i > first) {
        const lineStart = this.index.lineStart(line);
        const indent = measureIndent(text, lineStart);
        const word = text.slice(t.from, t.to);
        const closing = t.type === 'op' && CLOSE_FOR[word] !== undefined;
        if ((indent <= this.lineIndent && !closing) || (t.type === 'name' && STATEMENT_KEYWORDS.has(word))) {
          cut = i;
          break;
        }
      }
      prevEndLine = this.index.lineOf(t.to);
    }
    const end = cut < 0 ? this.tokens.length : cut;
    // Brackets still open at the cut: report the innermost, as CPython does at EOF.
    const stack: Bracket[] = [];
    for (let i = first; i < end; i++) {
      const t = this.tokens[i]!;
      if (t.type !== 'op') continue;
      const ch = text[t.from]!;
      if (t.to - t.from === 1 && OPEN.includes(ch)) stack.push({ ch, pos: t.from });
      else if (t.to - t.from === 1 && CLOSE_FOR[ch] !== undefined && stack.length > 0 && stack[stack.length - 1]!.ch === CLOSE_FOR[ch]) stack.pop();
    }
    const innermost = stack[stack.length - 1] ?? this.parens[this.parens.length - 1]!;
    const regionFrom = this.tokens[first]?.from ?? innermost.pos;
    const regionTo = end > first ? this.tokens[end - 1]!.to : text.length;
    const resumeAt = cut < 0 ? text.length : this.index.lineStart(this.index.lineOf(this.tokens[cut]!.from));
    const nextIndent = cut < 0 ? 0 : measureIndent(text, resumeAt);
    this.addRegion(regionFrom, regionTo, nextIndent > this.lineIndent);
    this.errors.push({
      type: 'SyntaxError',
      message: `'${innermost.ch}' was never closed`,
      offset: innermost.pos,
      anchor: innermost.pos,
      phase: 'tokenizer',
      region: this.regions[this.regions.length - 1]!,
    });
    this.tokens.length = end;
    this.parens = [];
    this.lineTok = first;
    this.endLogicalLine(regionTo, true);
    if (cut < 0) return false;
    this.pos = resumeAt;
    this.atLineStart = true;
    return true;
  }

  /** Replaces a broken statement by a same-length placeholder in the text lezer sees. */
  private addRegion(from: number, to: number, wantHeader: boolean): void {
    // Drop patches (number fixes) inside the region: the placeholder replaces everything.
    this.patches = this.patches.filter((p) => p.to <= from || p.from >= to);
    const { patch, region } = placeholder(this.text, this.index, from, to, wantHeader);
    this.patches.push(patch);
    this.regions.push(region);
  }

  // -------------------------------------------------------------------------------------------
  // Tokens

  private scanNameOrString(start: number): void {
    const text = this.text;
    let p = start;
    // String prefixes: any combination of r, b, u, f of length <= 2 that CPython accepts.
    while (p - start < 2 && isPrefixChar(text.charCodeAt(p))) p++;
    for (let k = p; k > start; k--) {
      const q = text.charCodeAt(k);
      if ((q === 39 || q === 34) && isValidPrefix(text.slice(start, k))) {
        this.scanString(start, k);
        return;
      }
    }
    p = start;
    let ascii = true;
    while (p < text.length) {
      const c = text.charCodeAt(p);
      if (!isPotentialIdentChar(c)) break;
      if (c >= 128) ascii = false;
      p++;
    }
    if (!ascii) {
      const bad = firstInvalidIdentifierChar(text.slice(start, p));
      if (bad !== null) {
        const at = start + bad.index;
        const cp = bad.ch.codePointAt(0)!;
        const hex = cp.toString(16).toUpperCase().padStart(4, '0');
        const printable = !NON_PRINTABLE.test(bad.ch) || bad.ch === ' ';
        this.tokenError(printable ? `invalid character '${bad.ch}' (U+${hex})` : `invalid non-printable character U+${hex}`, at, start);
        this.pos = at + bad.ch.length;
        this.push('error', start, this.pos);
        return;
      }
    }
    this.pos = p;
    this.push('name', start, p);
  }

  private scanString(start: number, quoteAt: number): void {
    const text = this.text;
    const q = text.charCodeAt(quoteAt);
    let p = quoteAt + 1;
    let size = 1;
    if (text.charCodeAt(p) === q && text.charCodeAt(p + 1) === q) {
      size = 3;
      p += 2;
    } else if (text.charCodeAt(p) === q) {
      this.pos = p + 1;
      this.push('string', start, this.pos);
      return;
    }
    let endRun = 0;
    for (;;) {
      if (p >= text.length || (size === 1 && isNewline(text.charCodeAt(p)))) {
        // Unterminated: CPython reports at the token start, "detected at" the line reached.
        const detected = this.index.lineOf(Math.max(p, 0));
        const atLine = size === 3 ? this.lastLineNumber() : detected;
        this.tokenError(`unterminated ${size === 3 ? 'triple-quoted ' : ''}string literal (detected at line ${atLine})`, start, start);
        if (size === 3) {
          // Recovery: the string ends with its first line; the statement becomes a placeholder.
          const line = this.index.lineOf(start);
          const stop = this.index.lineEnd(line);
          this.pos = stop;
          this.push('string', start, stop);
          const first = this.lineTok < 0 ? this.tokens.length - 1 : this.lineTok;
          const from = this.tokens[first]!.from;
          this.parens = [];
          const nextLine = this.index.lineStart(line + 1);
          const nextIndent = nextLine < text.length ? measureIndent(text, nextLine) : 0;
          this.addRegion(from, stop, nextIndent > this.lineIndent);
          this.lineTok = first;
          this.endLogicalLine(stop, true);
          this.atLineStart = false;
          return;
        }
        this.pos = p;
        this.push('string', start, p);
        return;
      }
      const c = text.charCodeAt(p);
      if (c === q) {
        endRun++;
        p++;
        if (endRun === size) break;
        continue;
      }
      endRun = 0;
      if (c === 92 /* \ */) {
        p++;
        const n = text.charCodeAt(p);
        if (size === 1 && isNewline(n)) {
          // lezer ends a short string at a line break even after a backslash: hide the break.
          const crlf = n === 13 && text.charCodeAt(p + 1) === 10;
          this.patches.push({ from: p - 1, to: p + (crlf ? 2 : 1), text: crlf ? '\\\\ ' : '\\\\' });
          if (crlf) p++;
        } else if (n === 13 && text.charCodeAt(p + 1) === 10) {
          this.patches.push({ from: p, to: p + 2, text: '\n ' });
          p++;
        }
      }
      p++;
    }
    this.pos = p;
    this.push('string', start, p);
  }

  private lastLineNumber(): number {
    const text = this.text;
    const n = this.index.lineCount;
    // A final line terminator does not start a new line for CPython's line counter.
    return text.length > 0 && isNewline(text.charCodeAt(text.length - 1)) ? n - 1 : n;
  }

  private scanNumber(start: number): void {
    const text = this.text;
    let p = start;
    const at = (k: number): number => text.charCodeAt(k);
    const fail = (e: NumberError): void => {
      this.tokenError(e.message, e.offset, start);
      // Consume the rest of the malformed literal so that it is one error token.
      let q = Math.max(p, start + 1);
      while (q < text.length && (isPotentialIdentChar(at(q)) || at(q) === 46)) q++;
      this.pos = q;
      this.push('error', start, q);
    };
    /** Error positions: CPython reports the column just before the tokenizer's cursor. */
    const err = (message: string, cursor: number): NumberError => new NumberError(message, Math.max(cursor - 1, start));
    const decimalTail = (): void => {
      for (;;) {
        while (isDigit(at(p))) p++;
        if (at(p) !== 95) return;
        p++;
        if (!isDigit(at(p))) throw err('invalid decimal literal', p);
      }
    };
    const verifyEnd = (kind: string): void => {
      const c = at(p);
      if (!isPotentialIdentChar(c)) return;
      const rest = text.slice(p, p + 4);
      const keywordish = /^(and|else|for|i[fns]|or|not)/.test(rest);
      // Non-ASCII after a number starts a new token (CPython 3.11 checks ASCII only).
      if (!keywordish && c < 128 && isPotentialIdentChar(c)) throw err(`invalid ${kind} literal`, p);
    };
    let dot = -1;
    try {
      if (at(p) === 48 /* 0 */ && /[xXoObB]/.test(text[p + 1] ?? '')) {
        const k = text[p + 1]!.toLowerCase();
        const kind = k === 'x' ? 'hexadecimal' : k === 'o' ? 'octal' : 'binary';
        const ok = k === 'x' ? isHexDigit : k === 'o' ? (c: number) => c >= 48 && c <= 55 : (c: number) => c === 48 || c === 49;
        p += 2;
        do {
          if (at(p) === 95) p++;
          if (!ok(at(p))) {
            if (k !== 'x' && isDigit(at(p))) throw err(`invalid digit '${text[p]}' in ${kind} literal`, p + 1);
            throw err(`invalid ${kind} literal`, p);
          }
          while (ok(at(p))) p++;
        } while (at(p) === 95);
        if (k !== 'x' && isDigit(at(p))) throw err(`invalid digit '${text[p]}' in ${kind} literal`, p + 1);
        verifyEnd(kind);
      } else {
        let imaginary = false;
        if (at(p) === 46) {
          dot = p;
          p++;
          decimalTail();
        } else if (at(p) === 48) {
          // "0", "00", "0_0", "0.5", "0e1", "0j"; "012" is an error.
          p++;
          for (;;) {
            if (at(p) === 95) {
              p++;
              if (!isDigit(at(p))) throw err('invalid decimal literal', p);
            }
            if (at(p) !== 48) break;
            p++;
          }
          let nonzero = false;
          if (isDigit(at(p))) {
            nonzero = true;
            decimalTail();
          }
          const c = at(p);
          if (c !== 46 && c !== 101 && c !== 69 && c !== 106 && c !== 74 && nonzero) {
            throw new NumberError(
              'leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers',
              start,
            );
          }
          if (c === 46) {
            dot = p;
            p++;
            if (isDigit(at(p))) decimalTail();
          }
        } else {
          decimalTail();
          if (at(p) === 46) {
            dot = p;
            p++;
            if (isDigit(at(p))) decimalTail();
          }
        }
        if (at(p) === 101 || at(p) === 69) {
          const e = p;
          p++;
          if (at(p) === 43 || at(p) === 45) {
            p++;
            if (!isDigit(at(p))) throw err('invalid decimal literal', p);
          } else if (!isDigit(at(p))) {
            // "1e" followed by something else: the number ends before the "e".
            p = e;
            verifyEnd('decimal');
            this.finishNumber(start, p, dot);
            return;
          }
          decimalTail();
        }
        if (at(p) === 106 || at(p) === 74) {
          p++;
          imaginary = true;
        }
        verifyEnd(imaginary ? 'imaginary' : 'decimal');
      }
    } catch (e) {
      if (e instanceof NumberError) {
        fail(e);
        return;
      }
      throw e;
    }
    this.finishNumber(start, p, dot);
  }

  private finishNumber(start: number, end: number, dot: number): void {
    this.pos = end;
    this.push('number', start, end);
    // lezer's Number token needs a digit after the dot ("1." / "1.e5" / "1.j"): patch the dot.
    if (dot >= 0 && (dot + 1 >= end || !isDigit(this.text.charCodeAt(dot + 1)))) {
      if (dot === start) return;
      this.patches.push({ from: dot, to: dot + 1, text: '0' });
    }
  }

  private scanOperator(start: number): void {
    const text = this.text;
    const c0 = text.charCodeAt(start);
    let len = 0;
    // Brackets and separators first (most operators), then the multi-character table.
    if (c0 === 40 || c0 === 41 || c0 === 91 || c0 === 93 || c0 === 123 || c0 === 125 || c0 === 44) len = 1;
    else if (OPERATORS3.has(text.slice(start, start + 3))) len = 3;
    else if (OPERATORS2.has(text.slice(start, start + 2))) len = 2;
    else if (OPERATORS1.has(text[start]!)) len = 1;
    if (len === 0) {
      // `$`, `?`, `!`, backtick…: CPython's parser rejects the ERRORTOKEN with "invalid syntax".
      const ch = String.fromCodePoint(text.codePointAt(start)!);
      this.pos = start + ch.length;
      this.push('error', start, this.pos);
      this.errors.push({ type: 'SyntaxError', message: 'invalid syntax', offset: start, anchor: start, phase: 'parser' });
      return;
    }
    this.pos = start + len;
    this.push('op', start, this.pos);
    if (len !== 1) return;
    const ch = text[start]!;
    if (OPEN.includes(ch)) {
      this.parens.push({ ch, pos: start });
      return;
    }
    const want = CLOSE_FOR[ch];
    if (want === undefined) return;
    const top = this.parens[this.parens.length - 1];
    if (top === undefined) {
      this.tokenError(`unmatched '${ch}'`, start, start);
      return;
    }
    if (top.ch !== want) {
      const topLine = this.index.lineOf(top.pos);
      const here = this.index.lineOf(start);
      this.tokenError(
        `closing parenthesis '${ch}' does not match opening parenthesis '${top.ch}'` + (topLine !== here ? ` on line ${topLine}` : ''),
        start,
        start,
      );
    }
    this.parens.pop();
  }
}

/**
 * A same-length stand-in for the broken statement text[from, to): `pass` (or `0`), or a block
 * header (`if 1:`, `elif 1:`, `else:`…) when the statement had an indented body after it, so
 * that the body still parses. Line breaks are kept so that line numbers do not move.
 */
export function placeholder(text: string, index: LineIndex, from: number, to: number, wantHeader: boolean): { patch: Patch; region: BrokenRegion } {
  const firstWord = /^[A-Za-z_]+/.exec(text.slice(from, from + 10))?.[0] ?? '';
  const headerFor: Record<string, string> = { elif: 'elif 1:', else: 'else:', except: 'except:', finally: 'finally:' };
  const firstLineEnd = index.lineEnd(index.lineOf(from));
  const room = Math.min(to, firstLineEnd) - from;
  let stub = room >= 4 ? 'pass' : '0';
  let header = false;
  if (wantHeader) {
    const specific = headerFor[firstWord];
    if (specific !== undefined && specific.length <= room) stub = specific;
    else if (room >= 5) stub = 'if 1:';
    header = stub.endsWith(':');
  }
  let out = '';
  for (let i = from; i < to; i++) {
    const c = text[i]!;
    if (c === '\n' || c === '\r') out += c;
    else if (i - from < stub.length) out += stub[i - from];
    else out += ' ';
  }
  return { patch: { from, to, text: out }, region: { from, to, header } };
}

export function measureIndent(text: string, at: number): number {
  let col = 0;
  for (let p = at; ; p++) {
    const c = text.charCodeAt(p);
    if (c === 32) col++;
    else if (c === 9) col = (Math.floor(col / 8) + 1) * 8;
    else if (c === 12) col = 0;
    else return col;
  }
}

function isPrefixChar(c: number): boolean {
  // r R b B u U f F
  return c === 114 || c === 82 || c === 98 || c === 66 || c === 117 || c === 85 || c === 102 || c === 70;
}

function isValidPrefix(p: string): boolean {
  const l = p.toLowerCase();
  return ['', 'r', 'u', 'b', 'f', 'br', 'rb', 'fr', 'rf'].includes(l);
}

/** CPython's `_PyUnicode_ScanIdentifier`: XID_Start or `_`, then XID_Continue. */
function firstInvalidIdentifierChar(word: string): { index: number; ch: string } | null {
  let i = 0;
  let first = true;
  for (const ch of word) {
    if (!(first ? IDENT_START.test(ch) : IDENT_CONTINUE.test(ch))) return { index: i, ch };
    first = false;
    i += ch.length;
  }
  return null;
}
