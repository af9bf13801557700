// CPython 3.11's wording for syntax errors the scanner cannot see: messages for the positions
// where lezer's parse failed ("expected ':'", "Perhaps you forgot a comma?", "expected 'else'
// after 'if' expression", else "invalid syntax"), the compiler's checks ('return' outside
// function, 'break' outside loop…), and `cpythonError`, the one error CPython would report.
// It reads scanner tokens and the finished AST only; it never sees the lezer tree.

import type * as A from './ast';
import { fstringProblem } from './fstrings';
import { KEYWORDS, type LogicalLine, type ScanResult, type Token } from './scanner';

/** Keywords that start an expression (so a NAME token that is one of them still starts one). */
const EXPRESSION_KEYWORDS = new Set(['True', 'False', 'None', 'not', 'lambda', 'await']);
/** Tokens that end an expression. */
const CLOSERS = new Set([')', ']', '}']);
const OPENERS = new Set(['(', '[', '{']);
const COMPOUND = new Set(['if', 'elif', 'else', 'while', 'for', 'try', 'except', 'finally', 'with', 'def', 'class', 'async']);

export function logicalLineAt(lines: readonly LogicalLine[], offset: number): number {
  let lo = 0;
  let hi = lines.length - 1;
  if (hi < 0) return -1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lines[mid]!.from <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function firstTokenAtOrAfter(tokens: readonly Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.to <= offset && tokens[mid]!.from < offset) lo = mid + 1;
    else hi = mid;
  }
  while (lo < tokens.length && (tokens[lo]!.type === 'indent' || tokens[lo]!.type === 'dedent')) lo++;
  return lo;
}

/**
 * CPython's message and position for a parse failure lezer reports at `offset`.
 * Positions snap to the scanner token there, as CPython reports the token it failed on.
 */
export function parserMessage(scan: ScanResult, text: string, offset: number): { message: string; offset: number } {
  const { tokens, lines } = scan;
  const t = firstTokenAtOrAfter(tokens, offset);
  const tok = tokens[t];
  const at = tok?.from ?? text.length;
  const li = logicalLineAt(lines, at);
  const line = lines[li];
  if (line === undefined || tok === undefined) return { message: 'invalid syntax', offset: at };
  const word = (i: number): string => {
    const k = tokens[i];
    return k === undefined ? '' : text.slice(k.from, k.to);
  };
  // Inside an f-string (one token for CPython 3.11): its own messages, at the string's end.
  if (tok.type === 'string' && offset >= tok.from && offset < tok.to && /^[rRbBuU]?[fF]/.test(word(t))) {
    const m = fstringProblem(word(t));
    if (m !== null) return { message: m, offset: tok.to };
  }
  // An f-string problem before the failure point is met first (CPython parses it as it reads it).
  const lineNo = logicalLineAt(lines, at);
  const ll = lines[lineNo];
  if (ll !== undefined) {
    for (let i = ll.firstTok; i < Math.min(t, ll.endTok); i++) {
      if (tokens[i]!.type === 'string' && /^[rRbBuU]?[fF]/.test(word(i))) {
        const m = fstringProblem(word(i));
        if (m !== null) return { message: m, offset: tokens[i]!.to };
      }
    }
  }
  const first = word(line.firstTok);
  const lastWord = word(line.endTok - 1);
  // A compound statement header whose ':' is missing: failure at the end of the line.
  if (COMPOUND.has(first) && lastWord !== ':' && (tok.type === 'newline' || t >= line.endTok) && !hasColonAtDepth0(scan, text, line)) {
    return { message: "expected ':'", offset: at };
  }
  // `def f:`
  if (first === 'def' && t === line.firstTok + 2 && word(t) !== '(') return { message: "expected '('", offset: at };
  if (t > line.firstTok && t <= line.endTok) {
    const depths = depthsOf(scan, text, line);
    // The depth inside which the failure happened (a closing bracket belongs to its inside).
    const depth = t < line.endTok ? depths[t - line.firstTok]! + (CLOSERS.has(word(t)) ? 1 : 0) : 0;
    const prev = t - 1;
    // `print x` / `exec "code"` (Python 2 statements).
    const pw = word(prev);
    if (t < line.endTok && (pw === 'print' || pw === 'exec') && tokens[prev]!.type === 'name' && word(prev - 1) !== '.' && startsExpression(tok, word(t))) {
      return { message: `Missing parentheses in call to '${pw}'. Did you mean ${pw}(...)?`, offset: tokens[prev]!.from };
    }
    // `f(a.b=1)`, `[a=1]`, `if x = 1:`
    if (t < line.endTok && word(t) === '=' && tok.type === 'op') {
      let open = -1;
      for (let i = t - 1; i >= line.firstTok && depth > 0; i--) {
        if (depths[i - line.firstTok]! < depth) {
          open = i;
          break;
        }
      }
      const headerKw = ['if', 'elif', 'while'].includes(first);
      let a = open >= 0 ? open + 1 : line.firstTok + (headerKw ? 1 : 0);
      for (let i = t - 1; i > a; i--) {
        if (depths[i - line.firstTok] === depth && word(i) === ',') {
          a = i + 1;
          break;
        }
      }
      const isCall =
        open >= 0 && word(open) === '(' && open > line.firstTok && (endsExpression(tokens[open - 1]!, word(open - 1)) || first === 'class');
      const bareName = a === t - 1 && tokens[a]!.type === 'name' && !KEYWORDS.has(word(a));
      const startsWithKeyword = tokens[a]!.type === 'name' && word(a + 1) === '=';
      if (isCall && !bareName && !startsWithKeyword && a < t && endsExpression(tokens[t - 1]!, word(t - 1))) return { message: 'expression cannot contain assignment, perhaps you meant "=="?', offset: tokens[a]!.from };
      const header = ['if', 'elif', 'while'].includes(first) && a === line.firstTok + 1;
      if (!isCall && bareName && (depth > 0 || header)) {
        return { message: "invalid syntax. Maybe you meant '==' or ':=' instead of '='?", offset: tokens[a]!.from };
      }
      if (header && a === line.firstTok + 1 && !bareName) a = line.firstTok + 1;
    }
    if (t < line.endTok && endsExpression(tokens[prev]!, word(prev)) && startsExpression(tok, word(t))) {
      const a = expressionStart(scan, text, line, depths, prev);
      const aWord = word(a);
      const legacy = aWord === 'print' || aWord === 'exec';
      const nameString = tokens[a]!.type === 'name' && tokens[a + 1]?.type === 'string';
      // Only where an expression list is parsed: not in parameter or import lists, nor after
      // a comprehension's `in` (CPython parses that operand without the comma rule).
      const noExpressions = first === 'def' || first === 'import' || first === 'from' || (first === 'async' && word(line.firstTok + 1) === 'def');
      let afterForIn = word(a - 1) === 'for';
      if (word(a - 1) === 'in') {
        for (let i = a - 2; i > line.firstTok && depths[i - line.firstTok]! >= depth; i--) {
          if (depths[i - line.firstTok] === depth && word(i) === 'for') {
            afterForIn = true;
            break;
          }
        }
      }
      if (depth > 0 && !legacy && !nameString && !noExpressions && !afterForIn) return { message: 'invalid syntax. Perhaps you forgot a comma?', offset: tokens[a]!.from };
    }
    // `{1: 2, 3}`: a display with key: value entries, and an entry without its colon.
    const w = word(t);
    if (t < line.endTok && (w === '}' || w === ',') && depth > 0) {
      let open = -1;
      for (let i = t - 1; i >= line.firstTok; i--) {
        if (depths[i - line.firstTok]! < depth) {
          open = i;
          break;
        }
      }
      if (open >= 0 && word(open) === '{') {
        let entryStart = open + 1;
        let sawColon = false;
        let entryColon = false;
        for (let i = open + 1; i < t; i++) {
          if (depths[i - line.firstTok] !== depth) continue;
          if (word(i) === ':') {
            sawColon = true;
            entryColon = true;
          } else if (word(i) === ',') {
            entryStart = i + 1;
            entryColon = false;
          }
        }
        if (sawColon && !entryColon && entryStart < t && word(entryStart) !== '**') {
          return { message: "':' expected after dictionary key", offset: tokens[entryStart]!.from };
        }
      }
    }
    // `x if y` without `else`.
    for (let i = prev; i > line.firstTok; i--) {
      if (depths[i - line.firstTok]! < depth) break;
      if (depths[i - line.firstTok] !== depth) continue;
      const w = word(i);
      if (w === 'else' || w === 'for' || w === 'lambda' || w === ',' || w === '=' || w === ':') break;
      if (w === 'if' && tokens[i]!.type === 'name') {
        if (word(t) !== 'else' && word(t) !== ':' && i + 1 < t && endsExpression(tokens[i - 1]!, word(i - 1))) {
          const a = expressionStart(scan, text, line, depths, i - 1);
          return { message: "expected 'else' after 'if' expression", offset: tokens[a]!.from };
        }
        break;
      }
    }
  }
  return { message: 'invalid syntax', offset: at };
}

function hasColonAtDepth0(scan: ScanResult, text: string, line: LogicalLine): boolean {
  const depths = depthsOf(scan, text, line);
  for (let i = line.firstTok + 1; i < line.endTok; i++) {
    const k = scan.tokens[i]!;
    if (depths[i - line.firstTok] === 0 && k.type === 'op' && text.slice(k.from, k.to) === ':' && text.slice(scan.tokens[line.firstTok]!.from, scan.tokens[line.firstTok]!.to) !== 'lambda') {
      // `if x: y` one-liners have their colon; `else` / `try` headers too.
      return true;
    }
  }
  return false;
}

/** Bracket depth before each token of a logical line. */
function depthsOf(scan: ScanResult, text: string, line: LogicalLine): number[] {
  const out: number[] = [];
  let d = 0;
  for (let i = line.firstTok; i < line.endTok; i++) {
    const k = scan.tokens[i]!;
    const w = k.type === 'op' ? text.slice(k.from, k.to) : '';
    if (CLOSERS.has(w)) d = Math.max(0, d - 1);
    out.push(d);
    if (OPENERS.has(w)) d++;
  }
  return out;
}

function endsExpression(k: Token, w: string): boolean {
  if (k.type === 'number' || k.type === 'string') return true;
  if (k.type === 'name') return !KEYWORDS.has(w) || w === 'True' || w === 'False' || w === 'None';
  return k.type === 'op' && (CLOSERS.has(w) || w === '...');
}

function startsExpression(k: Token, w: string): boolean {
  if (k.type === 'number' || k.type === 'string') return true;
  if (k.type === 'name') return !KEYWORDS.has(w) || EXPRESSION_KEYWORDS.has(w);
  return k.type === 'op' && (OPENERS.has(w) || w === '...' || w === '-' || w === '+' || w === '~');
}

/** Start (token index) of the expression ending at token `end`: back to a separator at its depth. */
function expressionStart(scan: ScanResult, text: string, line: LogicalLine, depths: number[], end: number): number {
  const depth = depths[end - line.firstTok]!;
  let i = end;
  for (; i > line.firstTok; i--) {
    const k = scan.tokens[i - 1]!;
    const d = depths[i - 1 - line.firstTok]!;
    const w = text.slice(k.from, k.to);
    if (d < depth) break;
    if (d > depth) continue;
    if (k.type === 'op' && (w === ',' || w === ':' || w === ';' || w === '->' || w === ':=' || (w.endsWith('=') && !['==', '!=', '<=', '>='].includes(w)))) break;
    if (k.type === 'name' && KEYWORDS.has(w) && !['not', 'and', 'or', 'in', 'is', 'True', 'False', 'None', 'await'].includes(w)) break;
  }
  return i;
}

// ---------------------------------------------------------------------------------------------
// Compiler checks

interface Scope {
  inFunction: boolean;
  inLoop: boolean;
}

/**
 * Errors CPython's compiler (not its parser) reports: misplaced return/break/continue/yield/await.
 * Walks with an explicit stack, not recursion: an `elif` chain is an If nested in the previous
 * one's orelse, and a few thousand branches must not overflow the JS stack.
 */
export function compileChecks(module: A.Module): { message: string; offset: number }[] {
  const out: { message: string; offset: number }[] = [];
  for (const s of module.body) {
    let found = checksOf.get(s);
    if (found === undefined) {
      found = topLevelChecks(s).map((c) => ({ message: c.message, rel: c.offset - s.range.from }));
      checksOf.set(s, found);
    }
    for (const c of found) out.push({ message: c.message, offset: s.range.from + c.rel });
  }
  return out;
}

/**
 * A top-level statement's checks (offsets relative to its start), kept with the statement:
 * an incremental parse reuses unchanged statements, and their checks with them.
 */
const checksOf = new WeakMap<A.Stmt, readonly { message: string; rel: number }[]>();

/** `moved` is `original` at another place (reuse.ts): it has the same checks. */
export function carryChecks(original: A.Stmt, moved: A.Stmt): void {
  const c = checksOf.get(original);
  if (c !== undefined) checksOf.set(moved, c);
}

function topLevelChecks(top: A.Stmt): { message: string; offset: number }[] {
  const out: { message: string; offset: number }[] = [];
  const work: { s: A.Stmt; scope: Scope }[] = [];
  // pushed in reverse so that statements are visited in source order
  const stmts = (body: readonly A.Stmt[], scope: Scope): void => {
    for (let i = body.length - 1; i >= 0; i--) work.push({ s: body[i]!, scope });
  };
  const exprs = (e: A.Expr | null, scope: Scope): void => {
    if (e === null) return;
    visitExpr(e, (x) => {
      if (!scope.inFunction && (x.kind === 'Yield' || x.kind === 'YieldFrom')) out.push({ message: "'yield' outside function", offset: x.range.from });
      if (!scope.inFunction && x.kind === 'Await') out.push({ message: "'await' outside function", offset: x.range.from });
    });
  };
  const stmt = (s: A.Stmt, scope: Scope): void => {
    switch (s.kind) {
      case 'FunctionDef': {
        for (const d of s.decorators) exprs(d, scope);
        stmts(s.body, { inFunction: true, inLoop: false });
        return;
      }
      case 'ClassDef':
        stmts(s.body, { inFunction: false, inLoop: false });
        return;
      case 'Return':
        if (!scope.inFunction) out.push({ message: "'return' outside function", offset: s.range.from });
        exprs(s.value, scope);
        return;
      case 'Break':
        if (!scope.inLoop) out.push({ message: "'break' outside loop", offset: s.range.from });
        return;
      case 'Continue':
        if (!scope.inLoop) out.push({ message: "'continue' not properly in loop", offset: s.range.from });
        return;
      case 'Nonlocal':
        if (!scope.inFunction) out.push({ message: 'nonlocal declaration not allowed at module level', offset: s.range.from });
        return;
      case 'For':
      case 'While':
        exprs(s.kind === 'For' ? s.iter : s.test, scope);
        stmts(s.orelse, scope);
        stmts(s.body, { ...scope, inLoop: true });
        return;
      case 'If':
        exprs(s.test, scope);
        stmts(s.orelse, scope);
        stmts(s.body, scope);
        return;
      case 'With':
        for (const it of s.items) exprs(it.contextExpr, scope);
        stmts(s.body, scope);
        return;
      case 'Try':
        stmts(s.finalbody, scope);
        stmts(s.orelse, scope);
        for (let i = s.handlers.length - 1; i >= 0; i--) stmts(s.handlers[i]!.body, scope);
        stmts(s.body, scope);
        return;
      case 'ErrorStmt':
        return;
      case 'Expr':
        exprs(s.value, scope);
        return;
      case 'Assign':
      case 'AugAssign':
      case 'AnnAssign':
        exprs(s.value, scope);
        return;
      default:
        return;
    }
  };
  stmts([top], { inFunction: false, inLoop: false });
  for (let item = work.pop(); item !== undefined; item = work.pop()) stmt(item.s, item.scope);
  return out;
}

/** Visits an expression tree in pre-order, not descending into lambdas (their own function scope); iterative for deep trees. */
function visitExpr(root: A.Expr, f: (e: A.Expr) => void): void {
  const stack: A.Expr[] = [root];
  // children are pushed last-first so that they pop in source order
  // (an array, not rest arguments: a BoolOp may have tens of thousands of values)
  const push = (xs: readonly (A.Expr | null)[]): void => {
    for (let i = xs.length - 1; i >= 0; i--) if (xs[i]) stack.push(xs[i]!);
  };
  for (let e = stack.pop(); e !== undefined; e = stack.pop()) {
    f(e);
    switch (e.kind) {
      case 'Lambda':
        break;
      case 'BoolOp':
        push(e.values);
        break;
      case 'NamedExpr':
        push([e.value]);
        break;
      case 'BinOp':
        push([e.left, e.right]);
        break;
      case 'UnaryOp':
        push([e.operand]);
        break;
      case 'IfExp':
        push([e.test, e.body, e.orelse]);
        break;
      case 'Call':
        push([e.func, ...e.args, ...e.keywords.map((k) => k.value)]);
        break;
      case 'Await':
      case 'YieldFrom':
      case 'Starred':
        push([e.value]);
        break;
      case 'Yield':
        push([e.value]);
        break;
      case 'Tuple':
      case 'List':
      case 'Set':
        push(e.elts);
        break;
      case 'Attribute':
        push([e.value]);
        break;
      case 'Subscript':
        push([e.value, e.slice]);
        break;
      case 'Compare':
        push([e.left, ...e.comparators]);
        break;
      default:
        break;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// The one error CPython reports

/**
 * The error `compile()` would raise for the whole file, given all our errors: the first error
 * in source order, except that a tokenizer error found later (an unterminated string, a bad
 * number, an unmatched bracket…) replaces a parser error, because CPython tokenizes the rest
 * of the file after a parse failure; compiler errors count only when there is nothing else.
 */
export function cpythonError(errors: readonly A.SyntaxDiagnostic[]): A.SyntaxDiagnostic | undefined {
  // The tokenizer meets a bad dedent at the start of its line (CPython reports its end).
  const key = (e: A.SyntaxDiagnostic): number => (e.message === UNINDENT ? e.offset - e.col : e.offset);
  const neverClosed = (e: A.SyntaxDiagnostic): boolean => e.phase === 'tokenizer' && e.message.endsWith(' was never closed');
  // At one position the tokenizer's error comes first (the parser needs the token to fail).
  const rank = (e: A.SyntaxDiagnostic): number => (e.phase === 'tokenizer' ? 0 : 1);
  const syntax = errors.filter((e) => e.phase !== 'compiler').sort((a, b) => key(a) - key(b) || rank(a) - rank(b));
  const first = syntax[0];
  if (first === undefined) return [...errors].sort((a, b) => a.offset - b.offset)[0];
  // A parse failure, or a bracket that is only found unclosed at the end of the file, gives
  // way to any later tokenizer error: CPython reads the rest of the file before reporting.
  // "unexpected indent" is raised without reading on (see _PyPegen_set_syntax_error).
  if ((first.phase !== 'parser' && !neverClosed(first)) || first.message === 'unexpected indent') return first;
  const overriding = syntax.find((e) => key(e) > key(first) && e.phase === 'tokenizer' && e.type === 'SyntaxError' && !neverClosed(e));
  return overriding ?? first;
}

const UNINDENT = 'unindent does not match any outer indentation level';
