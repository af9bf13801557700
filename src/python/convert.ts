// Converts a @lezer/python tree into the typed AST of ast.ts, with CPython's node ranges
// (parenthesised nodes exclude their parens, bare tuples span their commas, compound statements
// end at their last body statement). Statements containing an error anchor become `ErrorStmt`s.
// It never throws on user input and decides no error messages beyond a few structural ones
// (`Broken`); the lezer tree does not escape this file and parse.ts.

import type { SyntaxNode, Tree } from '@lezer/common';
import type * as A from './ast';
import type { LineIndex } from './lineIndex';
import { decodeBody, latin1ToBytes, numberValue, stringParts } from './literals';
import { KEYWORDS, type BrokenRegion } from './scanner';
import { fstringProblem } from './fstrings';
import { shifted, toPrevious, type ConvertCache, type PreviousConversion } from './reuse';
import { carryChecks } from './syntaxErrors';

/** An error the converter itself finds (a structure lezer accepts but CPython rejects). */
export interface ConvertError {
  message: string;
  offset: number;
  phase: 'parser' | 'compiler';
}

export interface ConvertInput {
  tree: Tree;
  /** The original source (the tree may have been parsed from a patched copy of equal length). */
  text: string;
  index: LineIndex;
  regions: readonly BrokenRegion[];
  /** Sorted positions of the scanner's errors; a statement containing one becomes an ErrorStmt. */
  anchors: readonly number[];
  /** Start offsets of logical lines (sorted), to detect broken statements that swallowed lines. */
  lineStarts: readonly number[];
  /** The previous parse's conversion, whose clean unchanged top-level statements are reused. */
  previous?: PreviousConversion;
}

export interface ConvertOutput {
  module: A.Module;
  errors: ConvertError[];
  /** Start offsets of broken simple statements that span several logical lines. */
  spills: number[];
  /** Positions of lezer's error nodes, in document order. */
  lezerErrors: number[];
  /** This conversion's clean top-level statements, for the next incremental parse. */
  cache: ConvertCache;
  /**
   * The tree nests a statement that starts a line at column 0 inside a block, which no valid
   * parse does: lezer's incremental parse sometimes builds such trees (parse.ts then parses afresh).
   */
  misnested: boolean;
}

/** Internal: the tree has a shape the converter cannot turn into a valid node. */
class Broken {
  constructor(readonly offset: number, readonly message = 'invalid syntax') {}
}

const COMPARE_OPS: Record<string, A.CompareOperator> = {
  '==': 'Eq', '!=': 'NotEq', '<': 'Lt', '<=': 'LtE', '>': 'Gt', '>=': 'GtE',
  is: 'Is', 'is not': 'IsNot', in: 'In', 'not in': 'NotIn',
};

const BINARY_OPS: Record<string, A.BinaryOperator> = {
  '+': 'Add', '-': 'Sub', '*': 'Mult', '@': 'MatMult', '/': 'Div', '%': 'Mod', '**': 'Pow',
  '<<': 'LShift', '>>': 'RShift', '|': 'BitOr', '^': 'BitXor', '&': 'BitAnd', '//': 'FloorDiv',
};

const STATEMENT_NODES = new Set([
  'AssignStatement', 'UpdateStatement', 'ExpressionStatement', 'DeleteStatement', 'PassStatement',
  'BreakStatement', 'ContinueStatement', 'ReturnStatement', 'YieldStatement', 'PrintStatement',
  'RaiseStatement', 'ImportStatement', 'ScopeStatement', 'AssertStatement', 'TypeDefinition',
  'IfStatement', 'WhileStatement', 'ForStatement', 'TryStatement', 'WithStatement',
  'FunctionDefinition', 'ClassDefinition', 'DecoratedStatement', 'MatchStatement',
]);

const COMPOUND_NODES = new Set([
  'IfStatement', 'WhileStatement', 'ForStatement', 'TryStatement', 'WithStatement',
  'FunctionDefinition', 'ClassDefinition', 'DecoratedStatement', 'MatchStatement',
]);

/** Space, tab, form feed, line breaks and a continuation backslash. */
function isTrailingSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 12 || c === 10 || c === 13 || c === 92;
}

function nodeKey(n: SyntaxNode): string {
  return `${n.from}:${n.to}:${n.type.id}`;
}

function isError(n: SyntaxNode): boolean {
  return n.type.isError;
}

/** Children except comments. */
function kids(node: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (let c = node.firstChild; c !== null; c = c.nextSibling) if (c.name !== 'Comment') out.push(c);
  return out;
}


export function convert(input: ConvertInput): ConvertOutput {
  return new Converter(input).run();
}

class Converter {
  private readonly text: string;
  private readonly index: LineIndex;
  private readonly claimed: boolean[];
  private readonly errors: ConvertError[] = [];
  private readonly spills: number[] = [];
  private readonly regionByStart = new Map<number, BrokenRegion>();
  /** Statement nodes (by `nodeKey`) that directly contain a lezer error node. */
  private readonly lezerBroken = new Set<string>();
  private readonly lezerErrors: number[] = [];
  private readonly cache: ConvertCache = new Map();
  private misnested = false;
  private claimedCount = 0;

  constructor(private readonly input: ConvertInput) {
    this.text = input.text;
    this.index = input.index;
    this.claimed = input.anchors.map(() => false);
    for (const r of input.regions) this.regionByStart.set(r.from, r);
    const errorNodes: SyntaxNode[] = [];
    input.tree.iterate({
      enter: (n) => {
        if (n.type.isError) {
          this.lezerErrors.push(n.from);
          errorNodes.push(n.node);
        }
      },
    });
    // Each error belongs to its innermost enclosing statement (a Body's error to its compound statement).
    for (const e of errorNodes) {
      for (let p = e.parent; p !== null; p = p.parent) {
        if (STATEMENT_NODES.has(p.name)) {
          this.lezerBroken.add(nodeKey(p));
          break;
        }
        if (p.name === 'Script' || ((p.name === 'StatementGroup' || p.name === 'Body' || p.name === 'Script') && e.to > e.from)) break;
      }
    }
  }

  run(): ConvertOutput {
    const top = this.input.tree.topNode;
    const body = this.block(top, true);
    const module: A.Module = { kind: 'Module', body, range: this.range(0, this.text.length) };
    return { module, errors: this.errors, spills: this.spills, lezerErrors: this.lezerErrors, cache: this.cache, misnested: this.misnested };
  }

  /** No token error, lezer error or recovery region touches [from, to] (so the text alone decides the tree). */
  private isClean(from: number, to: number): boolean {
    const firstAtOrAfter = (xs: readonly number[]): number | undefined => {
      let lo = 0;
      let hi = xs.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (xs[mid]! < from) lo = mid + 1;
        else hi = mid;
      }
      return xs[lo];
    };
    const anchor = firstAtOrAfter(this.input.anchors);
    if (anchor !== undefined && anchor <= to) return false;
    const err = firstAtOrAfter(this.lezerErrors);
    if (err !== undefined && err <= to) return false;
    return !this.input.regions.some((r) => r.from <= to && from <= r.to);
  }

  /** The previous conversion of top-level node `c`, when its text and position allow reuse. */
  private reused(c: SyntaxNode): readonly A.Stmt[] | undefined {
    const prev = this.input.previous;
    if (prev === undefined || this.index.col(c.from) !== 0) return undefined;
    const at = toPrevious(prev.changes, c.from);
    const hit = at < 0 ? undefined : prev.cache.get(at);
    if (hit === undefined || hit.type !== c.type.id || hit.to - at !== c.to - c.from || prev.index.col(at) !== 0) return undefined;
    if (prev.text.slice(at, hit.to) !== this.text.slice(c.from, c.to) || !this.isClean(c.from, c.to)) return undefined;
    const dLine = this.index.lineOf(c.from) - prev.index.lineOf(at);
    return hit.stmts.map((st) => {
      const moved = shifted(st, c.from - at, dLine);
      carryChecks(st, moved);
      return moved;
    });
  }

  // -------------------------------------------------------------------------------------------
  // Helpers

  private range(from: number, to: number): A.Range {
    return this.index.range(from, to);
  }

  private src(n: SyntaxNode | { from: number; to: number }): string {
    return this.text.slice(n.from, n.to);
  }

  /** Claims the unclaimed error anchors in [from, to]; true if there were any. */
  private claim(from: number, to: number): boolean {
    const anchors = this.input.anchors;
    let lo = 0;
    let hi = anchors.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (anchors[mid]! < from) lo = mid + 1;
      else hi = mid;
    }
    let any = false;
    for (let i = lo; i < anchors.length && anchors[i]! <= to; i++) {
      if (!this.claimed[i]) {
        this.claimed[i] = true;
        this.claimedCount++;
        any = true;
      }
    }
    return any;
  }

  private readonly hashByLine = new Map<number, number>();

  /** Offset of the first '#' on physical line `line` (in a comment or not), or -1. */
  private firstHash(line: number): number {
    let at = this.hashByLine.get(line);
    if (at === undefined) {
      const end = this.index.lineEnd(line);
      at = -1;
      for (let i = this.index.lineStart(line); i < end; i++) {
        if (this.text.charCodeAt(i) === 35) {
          at = i;
          break;
        }
      }
      this.hashByLine.set(line, at);
    }
    return at;
  }

  /** End of `node` without trailing whitespace, line breaks and comments (Body nodes have them). */
  private contentEnd(node: SyntaxNode): number {
    const text = this.text;
    let end = node.to;
    for (;;) {
      while (end > node.from && isTrailingSpace(text.charCodeAt(end - 1))) end--;
      // Only a line with a '#' before `end` can end in a comment. (The line's first '#' is
      // cached: scanning back for each statement was quadratic on `a = 1; b = 2; …` lines.)
      const hash = this.firstHash(this.index.lineOf(Math.max(end - 1, 0)));
      if (hash < 0 || hash >= end) return end;
      const inner = this.input.tree.resolveInner(end, -1);
      if (inner.name === 'Comment' && inner.from >= node.from && inner.to === end) end = inner.from;
      else return end;
    }
  }

  /** Start of the next token at or after `pos` (skipping blanks, line breaks and comments). */
  private nextTokenStart(pos: number): number {
    const text = this.text;
    let i = pos;
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === 35) {
        while (i < text.length && text.charCodeAt(i) !== 10 && text.charCodeAt(i) !== 13) i++;
      } else if (isTrailingSpace(c)) i++;
      else break;
    }
    return i;
  }

  private hasLineStartWithin(from: number, to: number): boolean {
    const starts = this.input.lineStarts;
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid]! <= from) lo = mid + 1;
      else hi = mid;
    }
    return lo < starts.length && starts[lo]! < to;
  }

  private fail(at: SyntaxNode | number | undefined, message?: string): never {
    const offset = at === undefined ? this.text.length : typeof at === 'number' ? at : at.from;
    throw new Broken(offset, message);
  }

  // -------------------------------------------------------------------------------------------
  // Statements

  private block(parent: SyntaxNode, top = false): A.Stmt[] {
    const out: A.Stmt[] = [];
    for (let c = parent.firstChild; c !== null; c = c.nextSibling) {
      const name = c.name;
      if (name === 'Comment' || name === ':') continue;
      // top level: reuse the previous parse's statements; record clean ones for the next parse
      const cacheable = top && (name === 'StatementGroup' || STATEMENT_NODES.has(name));
      if (cacheable) {
        const again = this.reused(c);
        if (again !== undefined) {
          out.push(...again);
          this.cache.set(c.from, { to: c.to, type: c.type.id, stmts: again });
          continue;
        }
      }
      if (!top && !this.misnested && (name === 'StatementGroup' || STATEMENT_NODES.has(name)) && this.index.col(c.from) === 0) this.misnested = true;
      const mark = { at: out.length, errors: this.errors.length, spills: this.spills.length, claimed: this.claimedCount };
      this.blockItem(c, name, out);
      if (cacheable && this.errors.length === mark.errors && this.spills.length === mark.spills && this.claimedCount === mark.claimed
        && out.slice(mark.at).every((st) => st.kind !== 'ErrorStmt') && this.index.col(c.from) === 0 && this.isClean(c.from, c.to)) {
        this.cache.set(c.from, { to: c.to, type: c.type.id, stmts: out.slice(mark.at) });
      }
    }
    return out;
  }

  /** Converts one child of a block (a statement, a group `a; b`, or broken text) into `out`. */
  private blockItem(c: SyntaxNode, name: string, out: A.Stmt[]): void {
    if (isError(c)) {
      if (c.to > c.from) {
        const end = this.contentEnd(c);
        this.claim(c.from, end);
        out.push({ kind: 'ErrorStmt', body: [], range: this.range(c.from, end) });
      }
      return;
    }
    if (name === 'StatementGroup') {
      for (let s = c.firstChild; s !== null; s = s.nextSibling) {
        if (STATEMENT_NODES.has(s.name)) out.push(this.stmt(s));
        else if (isError(s) && s.to > s.from) {
          this.claim(s.from, s.to);
          out.push({ kind: 'ErrorStmt', body: [], range: this.range(s.from, s.to) });
        }
      }
      return;
    }
    if (STATEMENT_NODES.has(name)) {
      out.push(this.stmt(c));
      return;
    }
    // Anything else at statement level (a stray token) is broken text.
    if (c.to > c.from && !/^[a-z]/.test(name)) {
      this.claim(c.from, c.to);
      out.push({ kind: 'ErrorStmt', body: [], range: this.range(c.from, c.to) });
    }
  }

  private stmt(node: SyntaxNode): A.Stmt {
    const bodies = new Map<number, A.Stmt[]>();
    if (COMPOUND_NODES.has(node.name)) this.collectBodies(node, bodies);
    const end = this.contentEnd(node);
    const region = this.regionByStart.get(node.from);
    const claimed = this.claim(node.from, region !== undefined ? Math.max(end, region.to) : end);
    const broken = this.lezerBroken.has(nodeKey(node)) || claimed;
    const errorStmt = (to: number): A.ErrorStmt => {
      const body = [...bodies.values()].flat();
      const last = body[body.length - 1];
      const stop = Math.max(to, last?.range.to ?? to);
      return { kind: 'ErrorStmt', body, range: this.range(node.from, stop) };
    };
    if (region !== undefined) return errorStmt(region.to);
    if (broken) {
      if (!COMPOUND_NODES.has(node.name) && this.hasLineStartWithin(node.from, end)) this.spills.push(node.from);
      return errorStmt(end);
    }
    try {
      return this.buildStmt(node, bodies);
    } catch (e) {
      if (!(e instanceof Broken)) throw e;
      this.errors.push({ message: e.message, offset: e.offset, phase: 'parser' });
      return errorStmt(end);
    }
  }

  private collectBodies(node: SyntaxNode, bodies: Map<number, A.Stmt[]>): void {
    for (let c = node.firstChild; c !== null; c = c.nextSibling) {
      if (c.name === 'Body') bodies.set(c.from, this.block(c));
      else if (c.name === 'FunctionDefinition' || c.name === 'ClassDefinition' || c.name === 'MatchBody' || c.name === 'MatchClause') {
        this.collectBodies(c, bodies);
      }
    }
  }

  private buildStmt(node: SyntaxNode, bodies: Map<number, A.Stmt[]>): A.Stmt {
    const ks = kids(node);
    const r = (to = this.contentEnd(node)) => this.range(node.from, to);
    switch (node.name) {
      case 'ExpressionStatement':
        return { kind: 'Expr', value: this.exprList(ks, 0, ks.length), range: r() };
      case 'AssignStatement':
        return this.assign(node, ks);
      case 'UpdateStatement': {
        const opAt = ks.findIndex((k) => k.name === 'UpdateOp');
        if (opAt !== 1) this.fail(ks[opAt < 0 ? 0 : 1]);
        const target = this.expr(ks[0]!);
        this.setContext(target, 'Store', 'augmented');
        const op = BINARY_OPS[this.src(ks[1]!).slice(0, -1)];
        if (op === undefined) this.fail(ks[1]);
        const value = ks[2]?.name === 'YieldExpression' ? this.expr(ks[2]) : this.exprList(ks, 2, ks.length);
        return { kind: 'AugAssign', target, op, value, range: r() };
      }
      case 'DeleteStatement': {
        const { elts } = this.elements(ks, 1, ks.length, false);
        for (const t of elts) this.setContext(t, 'Del', 'del');
        return { kind: 'Delete', targets: elts, range: r() };
      }
      case 'PassStatement':
        return { kind: 'Pass', range: r() };
      case 'BreakStatement':
        return { kind: 'Break', range: r() };
      case 'ContinueStatement':
        return { kind: 'Continue', range: r() };
      case 'ReturnStatement':
        return { kind: 'Return', value: ks.length > 1 ? this.exprList(ks, 1, ks.length) : null, range: r() };
      case 'YieldStatement':
        return { kind: 'Expr', value: this.yieldExpr(node, ks), range: r() };
      case 'RaiseStatement': {
        if (ks.length === 1) return { kind: 'Raise', exc: null, cause: null, range: r() };
        const exc = this.expr(ks[1]!);
        if (ks.length === 2) return { kind: 'Raise', exc, cause: null, range: r() };
        if (ks[2]!.name !== 'from' || ks.length !== 4) this.fail(ks[2]);
        return { kind: 'Raise', exc, cause: this.expr(ks[3]!), range: r() };
      }
      case 'ImportStatement':
        return this.importStmt(node, ks);
      case 'ScopeStatement': {
        const names: string[] = [];
        for (let i = 1; i < ks.length; i++) {
          if (ks[i]!.name === 'VariableName') names.push(this.src(ks[i]!));
          else if (ks[i]!.name !== ',' || i === ks.length - 1) this.fail(ks[i]);
        }
        return { kind: ks[0]!.name === 'global' ? 'Global' : 'Nonlocal', names, range: r() };
      }
      case 'AssertStatement': {
        const { elts, commas } = this.elements(ks, 1, ks.length, false);
        if (elts.length === 0 || elts.length > 2 || commas >= elts.length) this.fail(ks[ks.length - 1]);
        return { kind: 'Assert', test: elts[0]!, msg: elts[1] ?? null, range: r() };
      }
      case 'PrintStatement':
        return this.fail(node, "Missing parentheses in call to 'print'. Did you mean print(...)?");
      case 'TypeDefinition':
        return this.fail(ks[1]);
      case 'MatchStatement':
        return this.fail(node, 'match statements are not supported');
      case 'IfStatement':
        return this.ifStmt(ks, bodies);
      case 'WhileStatement': {
        const body = this.body(ks[2], bodies);
        const orelse = ks[3]?.name === 'else' ? this.body(ks[4], bodies) : [];
        if (ks.length !== (orelse.length > 0 || ks[3]?.name === 'else' ? 5 : 3)) this.fail(ks[3]);
        return { kind: 'While', test: this.expr(ks[1]!), body, orelse, range: this.blockRange(node.from, body, orelse) };
      }
      case 'ForStatement':
        return this.forStmt(node, ks, bodies);
      case 'TryStatement':
        return this.tryStmt(node, ks, bodies);
      case 'WithStatement':
        return this.withStmt(node, ks, bodies);
      case 'FunctionDefinition':
        return this.funcDef(node, ks, bodies, []);
      case 'ClassDefinition':
        return this.classDef(node, ks, bodies, []);
      case 'DecoratedStatement': {
        const decorators: A.Expr[] = [];
        let i = 0;
        for (; i < ks.length && ks[i]!.name === 'Decorator'; i++) decorators.push(this.decorator(ks[i]!));
        const def = ks[i];
        if (def === undefined || i !== ks.length - 1) this.fail(def);
        if (def.name === 'FunctionDefinition') return this.funcDef(def, kids(def), bodies, decorators);
        if (def.name === 'ClassDefinition') return this.classDef(def, kids(def), bodies, decorators);
        return this.fail(def);
      }
      default:
        return this.fail(node);
    }
  }

  private body(node: SyntaxNode | undefined, bodies: Map<number, A.Stmt[]>): A.Stmt[] {
    if (node === undefined || node.name !== 'Body') this.fail(node);
    const stmts = bodies.get(node.from);
    if (stmts === undefined || stmts.length === 0) this.fail(node);
    return stmts;
  }

  private blockRange(from: number, ...blocks: A.Stmt[][]): A.Range {
    let to = from;
    for (const b of blocks) if (b.length > 0) to = b[b.length - 1]!.range.to;
    return this.range(from, to);
  }

  private assign(node: SyntaxNode, ks: SyntaxNode[]): A.Stmt {
    const end = this.contentEnd(node);
    const typeAt = ks.findIndex((k) => k.name === 'TypeDef');
    if (typeAt >= 0) {
      const target = this.exprList(ks, 0, typeAt);
      if (target.kind === 'Tuple' && ks[0]!.name !== 'TupleExpression') {
        this.fail(ks[0], 'only single target (not tuple) can be annotated');
      }
      if (target.kind === 'List' || target.kind === 'Tuple') this.fail(ks[0], `only single target (not ${target.kind === 'List' ? 'list' : 'tuple'}) can be annotated`);
      this.setContext(target, 'Store', 'annotated');
      const annotation = this.typeDef(ks[typeAt]!);
      let value: A.Expr | null = null;
      if (typeAt + 1 < ks.length) {
        if (ks[typeAt + 1]!.name !== 'AssignOp') this.fail(ks[typeAt + 1]);
        const rest = ks.slice(typeAt + 2);
        if (rest.some((k) => k.name === 'AssignOp')) this.fail(rest.find((k) => k.name === 'AssignOp'));
        value = rest[0]?.name === 'YieldExpression' && rest.length === 1 ? this.expr(rest[0]) : this.exprList(rest, 0, rest.length);
      }
      const simple = target.kind === 'Name' && ks[0]!.name === 'VariableName';
      return { kind: 'AnnAssign', target, annotation, value, simple, range: this.range(node.from, end) };
    }
    const parts: [number, number][] = [];
    let start = 0;
    for (let i = 0; i < ks.length; i++) {
      if (ks[i]!.name === 'AssignOp') {
        if (this.src(ks[i]!) !== '=') this.fail(ks[i]);
        parts.push([start, i]);
        start = i + 1;
      }
    }
    parts.push([start, ks.length]);
    const exprs = parts.map(([a, b]) => {
      if (a >= b) this.fail(ks[a] ?? ks[ks.length - 1]);
      return b - a === 1 && ks[a]!.name === 'YieldExpression' ? this.expr(ks[a]!) : this.exprList(ks, a, b);
    });
    const value = exprs.pop()!;
    for (const t of exprs) this.setContext(t, 'Store', 'assign', exprs.length === 1);
    return { kind: 'Assign', targets: exprs, value, range: this.range(node.from, end) };
  }

  /** `: annotation` (parameters, AnnAssign) or `-> annotation` (whose arrow is anonymous). */
  private typeDef(node: SyntaxNode): A.Expr {
    const ks = kids(node);
    const last = ks[ks.length - 1];
    if (last === undefined || ks.length > 2 || (ks.length === 2 && ks[0]!.name !== ':')) this.fail(last ?? node);
    return this.expr(last);
  }

  private ifStmt(ks: SyntaxNode[], bodies: Map<number, A.Stmt[]>): A.Stmt {
    // Clauses: [kw, test?, Body] … [else, Body]
    interface Clause {
      kw: SyntaxNode;
      test: SyntaxNode | null;
      body: A.Stmt[];
    }
    const clauses: Clause[] = [];
    let i = 0;
    while (i < ks.length) {
      const kw = ks[i]!;
      if (kw.name === 'if' || kw.name === 'elif') {
        if (ks[i + 1] === undefined || ks[i + 1]!.name === 'Body') this.fail(ks[i + 1] ?? kw);
        clauses.push({ kw, test: ks[i + 1]!, body: this.body(ks[i + 2], bodies) });
        i += 3;
      } else if (kw.name === 'else') {
        clauses.push({ kw, test: null, body: this.body(ks[i + 1], bodies) });
        i += 2;
        if (i !== ks.length) this.fail(ks[i]);
      } else this.fail(kw);
    }
    let orelse: A.Stmt[] = [];
    let result: A.If | null = null;
    for (let c = clauses.length - 1; c >= 0; c--) {
      const clause = clauses[c]!;
      if (clause.test === null) {
        orelse = clause.body;
        continue;
      }
      const node: A.If = {
        kind: 'If',
        test: this.expr(clause.test),
        body: clause.body,
        orelse,
        range: this.blockRange(clause.kw.from, clause.body, orelse),
      };
      result = node;
      orelse = [node];
    }
    if (result === null) this.fail(ks[0]);
    return result;
  }

  private forStmt(node: SyntaxNode, ks: SyntaxNode[], bodies: Map<number, A.Stmt[]>): A.Stmt {
    let i = 0;
    const isAsync = ks[0]?.name === 'async';
    if (isAsync) i++;
    if (ks[i]?.name !== 'for') this.fail(ks[i]);
    i++;
    const inAt = ks.findIndex((k, j) => j > i && k.name === 'in');
    if (inAt < 0) this.fail(ks[i]);
    const target = this.exprList(ks, i, inAt);
    this.setContext(target, 'Store', 'for');
    const bodyAt = ks.findIndex((k, j) => j > inAt && k.name === 'Body');
    if (bodyAt < 0) this.fail(ks[ks.length - 1]);
    const iter = this.exprList(ks, inAt + 1, bodyAt);
    const body = this.body(ks[bodyAt], bodies);
    let orelse: A.Stmt[] = [];
    if (bodyAt + 1 < ks.length) {
      if (ks[bodyAt + 1]!.name !== 'else' || bodyAt + 3 !== ks.length) this.fail(ks[bodyAt + 1]);
      orelse = this.body(ks[bodyAt + 2], bodies);
    }
    return { kind: 'For', target, iter, body, orelse, isAsync, range: this.blockRange(node.from, body, orelse) };
  }

  private tryStmt(node: SyntaxNode, ks: SyntaxNode[], bodies: Map<number, A.Stmt[]>): A.Stmt {
    const body = this.body(ks[1], bodies);
    const handlers: A.ExceptHandler[] = [];
    let orelse: A.Stmt[] = [];
    let finalbody: A.Stmt[] = [];
    let i = 2;
    while (ks[i]?.name === 'except') {
      const kw = ks[i]!;
      i++;
      if (ks[i]?.name === '*') this.fail(ks[i], 'except* is not supported');
      let type: A.Expr | null = null;
      let name: string | null = null;
      if (ks[i]?.name !== 'Body') {
        type = this.expr(ks[i]!);
        i++;
        if (ks[i]?.name === 'as') {
          if (ks[i + 1]?.name !== 'VariableName') this.fail(ks[i + 1]);
          name = this.src(ks[i + 1]!);
          i += 2;
        } else if (ks[i]?.name === ',') {
          this.fail(type.range.from, 'multiple exception types must be parenthesized');
        }
      }
      const hbody = this.body(ks[i], bodies);
      i++;
      handlers.push({ kind: 'ExceptHandler', type, name, body: hbody, range: this.blockRange(kw.from, hbody) });
    }
    if (ks[i]?.name === 'else') {
      if (handlers.length === 0) this.fail(ks[i]);
      orelse = this.body(ks[i + 1], bodies);
      i += 2;
    }
    if (ks[i]?.name === 'finally') {
      finalbody = this.body(ks[i + 1], bodies);
      i += 2;
    }
    if (i !== ks.length) this.fail(ks[i]);
    if (handlers.length === 0 && finalbody.length === 0) this.fail(this.nextTokenStart(node.to), "expected 'except' or 'finally' block");
    const lastHandler = handlers[handlers.length - 1]?.body ?? [];
    return { kind: 'Try', body, handlers, orelse, finalbody, range: this.blockRange(node.from, body, lastHandler, orelse, finalbody) };
  }

  private withStmt(node: SyntaxNode, ks: SyntaxNode[], bodies: Map<number, A.Stmt[]>): A.Stmt {
    let i = 0;
    const isAsync = ks[0]?.name === 'async';
    if (isAsync) i++;
    i++; // with
    const items: A.WithItem[] = [];
    while (i < ks.length && ks[i]!.name !== 'Body') {
      const contextExpr = this.expr(ks[i]!);
      i++;
      let optionalVars: A.Expr | null = null;
      if (ks[i]?.name === 'as') {
        optionalVars = this.expr(ks[i + 1] ?? this.fail(ks[i]));
        this.setContext(optionalVars, 'Store', 'with');
        i += 2;
      }
      items.push({ kind: 'withitem', contextExpr, optionalVars });
      if (ks[i]?.name === ',') i++;
      else if (ks[i]?.name !== 'Body') this.fail(ks[i]);
    }
    if (items.length === 0) this.fail(ks[i]);
    const body = this.body(ks[i], bodies);
    if (i + 1 !== ks.length) this.fail(ks[i + 1]);
    return { kind: 'With', items, body, isAsync, range: this.blockRange(node.from, body) };
  }

  private funcDef(node: SyntaxNode, ks: SyntaxNode[], bodies: Map<number, A.Stmt[]>, decorators: A.Expr[]): A.Stmt {
    let i = 0;
    const isAsync = ks[0]?.name === 'async';
    if (isAsync) i++;
    i++; // def
    const nameNode = ks[i];
    if (nameNode?.name !== 'VariableName') this.fail(nameNode);
    i++;
    if (ks[i]?.name === 'TypeParamList') this.fail(ks[i]);
    const params = ks[i];
    if (params?.name !== 'ParamList') this.fail(params);
    const args = this.parameters(params, true);
    i++;
    let returns: A.Expr | null = null;
    if (ks[i]?.name === 'TypeDef') {
      returns = this.typeDef(ks[i]!);
      i++;
    }
    const body = this.body(ks[i], bodies);
    if (i + 1 !== ks.length) this.fail(ks[i + 1]);
    return {
      kind: 'FunctionDef',
      name: this.src(nameNode),
      nameRange: this.range(nameNode.from, nameNode.to),
      args,
      body,
      decorators,
      returns,
      isAsync,
      range: this.blockRange(node.from, body),
    };
  }

  private classDef(node: SyntaxNode, ks: SyntaxNode[], bodies: Map<number, A.Stmt[]>, decorators: A.Expr[]): A.Stmt {
    const nameNode = ks[1];
    if (nameNode?.name !== 'VariableName') this.fail(nameNode);
    let i = 2;
    if (ks[i]?.name === 'TypeParamList') this.fail(ks[i]);
    let bases: A.Expr[] = [];
    let keywords: A.Keyword[] = [];
    if (ks[i]?.name === 'ArgList') {
      const call = this.argList(ks[i]!);
      bases = call.args;
      keywords = call.keywords;
      i++;
    }
    const body = this.body(ks[i], bodies);
    if (i + 1 !== ks.length) this.fail(ks[i + 1]);
    return {
      kind: 'ClassDef',
      name: this.src(nameNode),
      nameRange: this.range(nameNode.from, nameNode.to),
      bases,
      keywords,
      body,
      decorators,
      range: this.blockRange(node.from, body),
    };
  }

  private decorator(node: SyntaxNode): A.Expr {
    const ks = kids(node);
    let e: A.Expr | null = null;
    let start = -1;
    for (let i = 1; i < ks.length; i++) {
      const k = ks[i]!;
      if (k.name === 'VariableName') {
        if (e === null) {
          start = k.from;
          e = { kind: 'Name', id: this.src(k), ctx: 'Load', range: this.range(k.from, k.to) };
        } else {
          if (ks[i - 1]!.name !== '.') this.fail(k);
          e = { kind: 'Attribute', value: e, attr: this.src(k), attrRange: this.range(k.from, k.to), ctx: 'Load', range: this.range(start, k.to) };
        }
      } else if (k.name === '.') continue;
      else if (k.name === 'ArgList' && e !== null && i === ks.length - 1) {
        const call = this.argList(k);
        e = { kind: 'Call', func: e, args: call.args, keywords: call.keywords, range: this.range(start, k.to) };
      } else this.fail(k);
    }
    if (e === null) this.fail(node);
    return e;
  }

  private importStmt(node: SyntaxNode, ks: SyntaxNode[]): A.Stmt {
    const range = this.range(node.from, this.contentEnd(node));
    if (ks[0]!.name === 'import') {
      if (ks[1]?.name === '(') this.fail(ks[1]);
      const names = this.aliases(ks, 1, ks.length, true);
      return { kind: 'Import', names, range };
    }
    let i = 1;
    let level = 0;
    for (; i < ks.length; i++) {
      if (ks[i]!.name === '.') level++;
      else if (ks[i]!.name === 'Ellipsis') level += 3;
      else break;
    }
    const modStart = i;
    while (i < ks.length && ks[i]!.name !== 'import') i++;
    let module: string | null = null;
    if (i > modStart) {
      module = this.dotted(ks, modStart, i);
    } else if (level === 0) this.fail(ks[i]);
    if (ks[i]?.name !== 'import') this.fail(ks[i]);
    i++;
    let names: A.Alias[];
    if (ks[i]?.name === '*') {
      if (i + 1 !== ks.length) this.fail(ks[i + 1]);
      names = [{ kind: 'alias', name: '*', asname: null, range: this.range(ks[i]!.from, ks[i]!.to) }];
    } else if (ks[i]?.name === '(') {
      if (ks[ks.length - 1]!.name !== ')') this.fail(ks[ks.length - 1]);
      names = this.aliases(ks, i + 1, ks.length - 1, false);
    } else {
      names = this.aliases(ks, i, ks.length, false);
      if (ks[ks.length - 1]!.name === ',') this.fail(ks[ks.length - 1], 'trailing comma not allowed without surrounding parentheses');
    }
    return { kind: 'ImportFrom', module, names, level, range };
  }

  private dotted(ks: SyntaxNode[], from: number, to: number): string {
    let s = '';
    for (let i = from; i < to; i++) {
      const k = ks[i]!;
      const want = (i - from) % 2 === 0 ? 'VariableName' : '.';
      if (k.name !== want) this.fail(k);
      s += this.src(k);
    }
    if ((to - from) % 2 === 0) this.fail(ks[to - 1]);
    return s;
  }

  private aliases(ks: SyntaxNode[], from: number, to: number, dottedAllowed: boolean): A.Alias[] {
    const out: A.Alias[] = [];
    let i = from;
    while (i < to) {
      const start = i;
      while (i < to && ks[i]!.name !== 'as' && ks[i]!.name !== ',') i++;
      if (i === start) this.fail(ks[i]);
      if (!dottedAllowed && i - start > 1) this.fail(ks[start + 1]);
      const name = this.dotted(ks, start, i);
      let asname: string | null = null;
      let endNode = ks[i - 1]!;
      if (ks[i]?.name === 'as') {
        const a = ks[i + 1];
        if (a?.name !== 'VariableName') this.fail(a ?? ks[i]);
        asname = this.src(a);
        endNode = a;
        i += 2;
      }
      out.push({ kind: 'alias', name, asname, range: this.range(ks[start]!.from, endNode.to) });
      if (i < to) {
        if (ks[i]!.name !== ',') this.fail(ks[i]);
        i++;
      }
    }
    if (out.length === 0) this.fail(ks[from] ?? ks[ks.length - 1]);
    return out;
  }

  /** Def or lambda parameters. `ParamList` of a def includes its parens. */
  private parameters(node: SyntaxNode, isDef: boolean): A.Arguments {
    const ks = kids(node);
    let i = 0;
    let end = ks.length;
    if (isDef) {
      if (ks[0]?.name !== '(' || ks[end - 1]?.name !== ')') this.fail(ks[0] ?? node);
      i = 1;
      end--;
    }
    const args: A.Arguments = {
      kind: 'arguments', posonlyargs: [], args: [], vararg: null, kwonlyargs: [], kwDefaults: [], kwarg: null, defaults: [],
    };
    let starSeen = false;
    let bareStar: SyntaxNode | null = null;
    const seen = new Set<string>();
    const arg = (nameNode: SyntaxNode, typeNode: SyntaxNode | undefined): A.Arg => {
      const name = this.src(nameNode);
      if (seen.has(name)) this.fail(nameNode, `duplicate argument '${name}' in function definition`);
      seen.add(name);
      const annotation = typeNode?.name === 'TypeDef' ? this.typeDef(typeNode) : null;
      return { kind: 'arg', name, annotation, range: this.range(nameNode.from, annotation?.range.to ?? nameNode.to) };
    };
    // The `/` marker is an anonymous token: it shows up as a gap between separators.
    const slashBefore = (j: number): boolean => {
      const prevEnd = j > 0 ? ks[j - 1]!.to : node.from;
      const next = ks[j]?.from ?? node.to;
      const slash = this.text.indexOf('/', prevEnd);
      if (slash < 0 || slash >= next) return false;
      return this.text.slice(prevEnd, next).replace(/#[^\n\r]*/g, '').trim() === '/';
    };
    while (i < end || (i === end && slashBefore(i) && args.args.length > 0 && args.posonlyargs.length === 0)) {
      const k = ks[i] ?? node;
      if (slashBefore(i) && (k.name === ',' || i === end)) {
        if (starSeen || args.posonlyargs.length > 0 || args.args.length === 0) this.fail(k);
        args.posonlyargs = args.args;
        args.args = [];
        if (k.name === ',') i++;
        continue;
      }
      if (k.name === '/') {
        if (starSeen || args.posonlyargs.length > 0 || args.args.length === 0) this.fail(k);
        args.posonlyargs = args.args;
        args.args = [];
        i++;
      } else if (k.name === '*') {
        if (starSeen) this.fail(k, '* argument may appear only once');
        starSeen = true;
        i++;
        if (ks[i]?.name === 'VariableName') {
          const hasType = ks[i + 1]?.name === 'TypeDef';
          args.vararg = arg(ks[i]!, hasType ? ks[i + 1] : undefined);
          i += hasType ? 2 : 1;
        } else bareStar = k;
      } else if (k.name === '**') {
        const n = ks[i + 1];
        if (n?.name !== 'VariableName') this.fail(n ?? k);
        const hasType = ks[i + 2]?.name === 'TypeDef';
        args.kwarg = arg(n, hasType ? ks[i + 2] : undefined);
        i += hasType ? 3 : 2;
        if (i < end && !(ks[i]!.name === ',' && i + 1 === end)) this.fail(ks[i + (ks[i]!.name === ',' ? 1 : 0)], 'arguments cannot follow var-keyword argument');
      } else if (k.name === 'VariableName') {
        const hasType = ks[i + 1]?.name === 'TypeDef';
        const a = arg(k, hasType ? ks[i + 1] : undefined);
        i += hasType ? 2 : 1;
        let dflt: A.Expr | null = null;
        if (ks[i]?.name === 'AssignOp') {
          if (this.src(ks[i]!) !== '=') this.fail(ks[i]);
          dflt = this.expr(ks[i + 1] ?? this.fail(ks[i]));
          i += 2;
        }
        if (starSeen) {
          args.kwonlyargs.push(a);
          args.kwDefaults.push(dflt);
        } else {
          if (dflt !== null) args.defaults.push(dflt);
          else if (args.defaults.length > 0) this.fail(k, 'non-default argument follows default argument');
          args.args.push(a);
        }
      } else this.fail(k);
      if (i < end) {
        if (ks[i]!.name !== ',') this.fail(ks[i]);
        i++;
      }
    }
    if (bareStar !== null && args.kwonlyargs.length === 0) {
      this.fail(bareStar, isDef ? 'named arguments must follow bare *' : 'named arguments must follow bare *');
    }
    return args;
  }

  // -------------------------------------------------------------------------------------------
  // Expression lists, targets

  /**
   * Parses `elt, elt, *elt, …` in ks[from, to). Elements are expression nodes, optionally
   * preceded by a `*` token (a Starred element when `allowStar`).
   */
  private elements(ks: SyntaxNode[], from: number, to: number, allowStar = true): { elts: A.Expr[]; commas: number } {
    const elts: A.Expr[] = [];
    let commas = 0;
    let i = from;
    while (i < to) {
      const k = ks[i]!;
      if (k.name === '*') {
        if (!allowStar || i + 1 >= to) this.fail(k);
        const value = this.expr(ks[i + 1]!);
        elts.push({ kind: 'Starred', value, ctx: 'Load', range: this.range(k.from, value.range.to) });
        i += 2;
      } else {
        elts.push(this.expr(k));
        i++;
      }
      if (i < to) {
        if (ks[i]!.name !== ',') this.fail(ks[i]);
        commas++;
        i++;
      }
    }
    return { elts, commas };
  }

  /** A comma-separated list: one element without commas is itself; otherwise a bare Tuple. */
  private exprList(ks: SyntaxNode[], from: number, to: number): A.Expr {
    if (from >= to) this.fail(ks[from] ?? ks[ks.length - 1]);
    const { elts, commas } = this.elements(ks, from, to);
    if (elts.length === 1 && commas === 0) {
      if (elts[0]!.kind === 'Starred') this.fail(ks[from], 'can\'t use starred expression here');
      return elts[0]!;
    }
    return { kind: 'Tuple', elts, ctx: 'Load', range: this.range(ks[from]!.from, ks[to - 1]!.to) };
  }

  /**
   * Marks an expression as an assignment/del target; invalid targets are errors. `hint`: the
   * target of a single `=` (or an element of its bare tuple), where CPython suggests `==`.
   */
  private setContext(e: A.Expr, ctx: A.ExprContext, how: 'assign' | 'augmented' | 'annotated' | 'del' | 'for' | 'with', hint = false): void {
    switch (e.kind) {
      case 'Name':
      case 'Attribute':
      case 'Subscript':
        e.ctx = ctx;
        return;
      case 'Starred':
        if (how === 'augmented' || how === 'annotated' || how === 'del') break;
        e.ctx = ctx;
        this.setContext(e.value, ctx, how, hint);
        return;
      case 'List':
      case 'Tuple':
        if (how === 'augmented' || how === 'annotated') break;
        e.ctx = ctx;
        for (const x of e.elts) this.setContext(x, ctx, how, hint && e.kind === 'Tuple' && this.text[e.range.from] !== '(');
        return;
      default:
        break;
    }
    const what = describeTarget(e);
    const verb = how === 'del' ? 'delete' : 'assign to';
    let message: string;
    if (how === 'augmented') message = `'${what}' is an illegal expression for augmented assignment`;
    else if (how === 'annotated') message = `illegal target for annotation`;
    else if (how === 'del') message = `cannot delete ${what}`;
    else if (hint && !['Lambda', 'IfExp', 'BoolOp', 'Compare'].includes(e.kind) && !(e.kind === 'UnaryOp' && e.op === 'Not') && !/^(None|True|False)$/.test(what)) {
      message = `cannot assign to ${what} here. Maybe you meant '==' instead of '='?`;
    } else message = `cannot ${verb} ${what}`;
    this.fail(e.range.from, message);
  }

  // -------------------------------------------------------------------------------------------
  // Expressions

  private expr(node: SyntaxNode): A.Expr {
    switch (node.name) {
      case 'VariableName':
        return { kind: 'Name', id: this.src(node), ctx: 'Load', range: this.range(node.from, node.to) };
      case 'Number':
        return { kind: 'Constant', value: numberValue(this.src(node)), range: this.range(node.from, node.to) };
      case 'Boolean':
        return { kind: 'Constant', value: { type: 'bool', value: this.src(node) === 'True' }, range: this.range(node.from, node.to) };
      case 'None':
        return { kind: 'Constant', value: { type: 'None' }, range: this.range(node.from, node.to) };
      case 'Ellipsis':
        return { kind: 'Constant', value: { type: 'Ellipsis' }, range: this.range(node.from, node.to) };
      case 'String':
      case 'FormatString':
        return this.strings(node, [node]);
      case 'ContinuedString':
        return this.strings(node, kids(node));
      case 'ParenthesizedExpression': {
        const ks = kids(node);
        if (ks.length === 3) return this.expr(ks[1]!);
        if (ks.length === 4 && ks[1]!.name === '*') {
          this.fail(ks[1], "can't use starred expression here");
        }
        return this.fail(ks[1] ?? node);
      }
      case 'TupleExpression': {
        const ks = kids(node);
        if (ks[ks.length - 1]?.name !== ')') this.fail(node.to);
        const { elts } = this.elements(ks, 1, ks.length - 1);
        return { kind: 'Tuple', elts, ctx: 'Load', range: this.range(node.from, node.to) };
      }
      case 'ArrayExpression': {
        const ks = kids(node);
        if (ks[ks.length - 1]?.name !== ']') this.fail(node.to);
        const { elts } = this.elements(ks, 1, ks.length - 1);
        return { kind: 'List', elts, ctx: 'Load', range: this.range(node.from, node.to) };
      }
      case 'SetExpression': {
        const ks = kids(node);
        if (ks[ks.length - 1]?.name !== '}') this.fail(node.to);
        const { elts } = this.elements(ks, 1, ks.length - 1);
        return { kind: 'Set', elts, range: this.range(node.from, node.to) };
      }
      case 'DictionaryExpression':
        return this.dict(node);
      case 'ComprehensionExpression':
      case 'ArrayComprehensionExpression':
      case 'SetComprehensionExpression':
      case 'DictionaryComprehensionExpression':
        return this.comprehension(node);
      case 'CallExpression': {
        const ks = kids(node);
        if (ks.length !== 2 || ks[1]!.name !== 'ArgList') this.fail(ks[1] ?? node);
        const func = this.expr(ks[0]!);
        const { args, keywords } = this.argList(ks[1]!);
        return { kind: 'Call', func, args, keywords, range: this.range(node.from, node.to) };
      }
      case 'MemberExpression':
        return this.member(node);
      case 'UnaryExpression': {
        const ks = kids(node);
        if (ks.length !== 2) this.fail(ks[2] ?? node.to);
        if (ks[0]!.name === 'not') return this.boolExpr(node);
        const t = this.src(ks[0]!);
        const op: A.UnaryOperator = t === '-' ? 'USub' : t === '+' ? 'UAdd' : t === '~' ? 'Invert' : 'Not';
        return { kind: 'UnaryOp', op, operand: this.expr(ks[1]!), range: this.range(node.from, node.to) };
      }
      case 'BinaryExpression':
        return this.binary(node);
      case 'AwaitExpression': {
        const ks = kids(node);
        if (ks.length !== 2) this.fail(ks[2] ?? node.to);
        return { kind: 'Await', value: this.expr(ks[1]!), range: this.range(node.from, node.to) };
      }
      case 'ConditionalExpression': {
        const ks = kids(node);
        if (ks.length !== 5 || ks[1]!.name !== 'if' || ks[3]!.name !== 'else') this.fail(ks[3] ?? node.to, "expected 'else' after 'if' expression");
        return { kind: 'IfExp', body: this.expr(ks[0]!), test: this.expr(ks[2]!), orelse: this.expr(ks[4]!), range: this.range(node.from, node.to) };
      }
      case 'LambdaExpression': {
        const ks = kids(node);
        if (ks.length !== 4 || ks[1]!.name !== 'ParamList' || ks[2]!.name !== ':') this.fail(ks[2] ?? node.to);
        const args = this.parameters(ks[1]!, false);
        return { kind: 'Lambda', args, body: this.expr(ks[3]!), range: this.range(node.from, node.to) };
      }
      case 'NamedExpression': {
        const ks = kids(node);
        if (ks.length !== 3) this.fail(ks[3] ?? node.to);
        const target = this.expr(ks[0]!);
        if (target.kind !== 'Name') this.fail(target.range.from, `cannot use assignment expressions with ${describeTarget(target)}`);
        target.ctx = 'Store';
        return { kind: 'NamedExpr', target, value: this.expr(ks[2]!), range: this.range(node.from, node.to) };
      }
      case 'YieldExpression':
        return this.yieldExpr(node, kids(node));
      default:
        return this.fail(node);
    }
  }

  private yieldExpr(node: SyntaxNode, ks: SyntaxNode[]): A.Expr {
    const range = this.range(node.from, this.contentEnd(node));
    if (ks[1]?.name === 'from') {
      if (ks.length !== 3) this.fail(ks[3] ?? node.to);
      return { kind: 'YieldFrom', value: this.expr(ks[2]!), range };
    }
    return { kind: 'Yield', value: ks.length > 1 ? this.exprList(ks, 1, ks.length) : null, range };
  }

  private binary(node: SyntaxNode): A.Expr {
    const ks = kids(node);
    if (ks.length < 3) this.fail(ks[ks.length - 1] ?? node.to);
    const left = ks[0]!;
    const right = ks[ks.length - 1]!;
    const opText = ks.slice(1, -1).map((k) => this.src(k)).join(' ');
    const range = this.range(node.from, node.to);
    if (opText === 'and' || opText === 'or') return this.boolExpr(node);
    const cmp = COMPARE_OPS[opText];
    if (cmp !== undefined) {
      const ops: A.CompareOperator[] = [cmp];
      const comparators: A.Expr[] = [this.expr(right)];
      let l = left;
      // `a < b < c` arrives left-nested: unnest (parenthesised comparisons stay apart).
      for (;;) {
        if (l.name !== 'BinaryExpression') break;
        const lk = kids(l);
        const t = lk.slice(1, -1).map((k) => this.src(k)).join(' ');
        const c = COMPARE_OPS[t];
        if (c === undefined || lk.length < 3) break;
        ops.unshift(c);
        comparators.unshift(this.expr(lk[lk.length - 1]!));
        l = lk[0]!;
      }
      return { kind: 'Compare', left: this.expr(l), ops, comparators, range };
    }
    const op = BINARY_OPS[opText];
    if (op === undefined) this.fail(ks[1]);
    return { kind: 'BinOp', left: this.expr(left), op, right: this.expr(right), range };
  }

  /**
   * `not`/`and`/`or` chains. lezer's `not` takes everything to its right (`not a or b` comes
   * out as `not (a or b)`), so the chain is flattened to operands and operators and rebuilt
   * with Python's precedence (or < and < not), flattening same-operator runs like CPython.
   */
  private boolExpr(node: SyntaxNode): A.Expr {
    type Item = { t: 'operand'; node: SyntaxNode } | { t: 'and' | 'or' | 'not'; node: SyntaxNode };
    const items: Item[] = [];
    const flatten = (n: SyntaxNode): void => {
      const ks = kids(n);
      if (n.name === 'BinaryExpression' && ks.length === 3 && (ks[1]!.name === 'and' || ks[1]!.name === 'or')) {
        flatten(ks[0]!);
        items.push({ t: ks[1]!.name as 'and' | 'or', node: ks[1]! });
        flatten(ks[2]!);
      } else if (n.name === 'UnaryExpression' && ks.length === 2 && ks[0]!.name === 'not') {
        items.push({ t: 'not', node: ks[0]! });
        flatten(ks[1]!);
      } else items.push({ t: 'operand', node: n });
    };
    flatten(node);
    let i = 0;
    // Each parse returns the node and the end of its source (including closing parentheses).
    const parseNot = (): [A.Expr, number] => {
      const it = items[i];
      if (it === undefined) return this.fail(node.to);
      i++;
      if (it.t === 'not') {
        const [operand, end] = parseNot();
        return [{ kind: 'UnaryOp', op: 'Not', operand, range: this.range(it.node.from, end) }, end];
      }
      if (it.t !== 'operand') return this.fail(it.node);
      return [this.expr(it.node), it.node.to];
    };
    const parseLevel = (op: 'and' | 'or', sub: () => [A.Expr, number]): [A.Expr, number] => {
      const start = items[i]?.node.from ?? node.to;
      const [first, firstEnd] = sub();
      const values = [first];
      let end = firstEnd;
      while (items[i]?.t === op) {
        i++;
        const [v, e] = sub();
        values.push(v);
        end = e;
      }
      if (values.length === 1) return [first, end];
      return [{ kind: 'BoolOp', op: op === 'and' ? 'And' : 'Or', values, range: this.range(start, end) }, end];
    };
    const [result] = parseLevel('or', () => parseLevel('and', parseNot));
    if (i !== items.length) this.fail(items[i]!.node);
    return result;
  }

  private member(node: SyntaxNode): A.Expr {
    const ks = kids(node);
    const value = this.expr(ks[0]!);
    const range = this.range(node.from, node.to);
    if (ks[1]?.name === '.') {
      const p = ks[2];
      if (p?.name !== 'PropertyName' || ks.length !== 3) this.fail(p ?? node.to);
      if (KEYWORDS.has(this.src(p))) this.fail(p);
      return { kind: 'Attribute', value, attr: this.src(p), attrRange: this.range(p.from, p.to), ctx: 'Load', range };
    }
    if (ks[1]?.name !== '[' || ks[ks.length - 1]!.name !== ']') this.fail(ks[1] ?? node.to);
    return { kind: 'Subscript', value, slice: this.subscript(ks, 2, ks.length - 1), ctx: 'Load', range };
  }

  /** The inside of `[...]`: an expression, a Slice, or a Tuple of them. */
  private subscript(ks: SyntaxNode[], from: number, to: number): A.Expr {
    if (from >= to) this.fail(ks[to]);
    const items: A.Expr[] = [];
    let commas = 0;
    let i = from;
    while (i < to) {
      const start = i;
      while (i < to && ks[i]!.name !== ',') i++;
      if (i === start) this.fail(ks[i]);
      items.push(this.sliceItem(ks, start, i));
      if (i < to) {
        commas++;
        i++;
      }
    }
    if (items.length === 1 && commas === 0) {
      if (items[0]!.kind === 'Starred') return { kind: 'Tuple', elts: items, ctx: 'Load', range: items[0]!.range };
      return items[0]!;
    }
    return { kind: 'Tuple', elts: items, ctx: 'Load', range: this.range(ks[from]!.from, ks[to - 1]!.to) };
  }

  private sliceItem(ks: SyntaxNode[], from: number, to: number): A.Expr {
    const colons: number[] = [];
    for (let i = from; i < to; i++) if (ks[i]!.name === ':') colons.push(i);
    if (colons.length === 0) {
      if (ks[from]!.name === '*' && to - from === 2) {
        const value = this.expr(ks[from + 1]!);
        return { kind: 'Starred', value, ctx: 'Load', range: this.range(ks[from]!.from, value.range.to) };
      }
      if (to - from !== 1) this.fail(ks[from + 1]);
      return this.expr(ks[from]!);
    }
    if (colons.length > 2) this.fail(ks[colons[2]!]);
    const part = (a: number, b: number): A.Expr | null => {
      if (a === b) return null;
      if (b - a !== 1) this.fail(ks[a + 1]);
      return this.expr(ks[a]!);
    };
    const c1 = colons[0]!;
    const c2 = colons[1];
    const lower = part(from, c1);
    const upper = part(c1 + 1, c2 ?? to);
    const step = c2 === undefined ? null : part(c2 + 1, to);
    return { kind: 'Slice', lower, upper, step, range: this.range(ks[from]!.from, ks[to - 1]!.to) };
  }

  private dict(node: SyntaxNode): A.Expr {
    const ks = kids(node);
    if (ks[ks.length - 1]?.name !== '}') this.fail(node.to);
    const keys: (A.Expr | null)[] = [];
    const values: A.Expr[] = [];
    let i = 1;
    const end = ks.length - 1;
    while (i < end) {
      if (ks[i]!.name === '**') {
        keys.push(null);
        values.push(this.expr(ks[i + 1] ?? this.fail(ks[i])));
        i += 2;
      } else {
        const key = this.expr(ks[i]!);
        if (ks[i + 1]?.name !== ':') this.fail(ks[i + 1] ?? node.to, "':' expected after dictionary key");
        if (i + 2 >= end) this.fail(ks[i + 2] ?? node.to, "expression expected after dictionary key and ':'");
        keys.push(key);
        values.push(this.expr(ks[i + 2]!));
        i += 3;
      }
      if (i < end) {
        if (ks[i]!.name !== ',') this.fail(ks[i]);
        i++;
      }
    }
    return { kind: 'Dict', keys, values, range: this.range(node.from, node.to) };
  }

  private comprehension(node: SyntaxNode): A.Expr {
    const ks = kids(node);
    const range = this.range(node.from, node.to);
    const close = ks.length - 1;
    if (!/^[)\]}]$/.test(ks[close]?.name ?? '')) this.fail(node.to);
    let i = 1;
    if (node.name === 'DictionaryComprehensionExpression') {
      if (ks[1]!.name === '**') this.fail(ks[1], 'dict unpacking cannot be used in dict comprehension');
      const key = this.expr(ks[1]!);
      if (ks[2]?.name !== ':') this.fail(ks[2]);
      const value = this.expr(ks[3] ?? this.fail(ks[2]));
      const gens = this.generators(ks, 4, close);
      return { kind: 'DictComp', key, value, generators: gens, range };
    }
    if (ks[1]!.name === '*') this.fail(ks[1], 'iterable unpacking cannot be used in comprehension');
    const elt = this.expr(ks[1]!);
    i = 2;
    const generators = this.generators(ks, i, close);
    const kind = node.name === 'ComprehensionExpression' ? 'GeneratorExp' : node.name === 'ArrayComprehensionExpression' ? 'ListComp' : 'SetComp';
    return { kind, elt, generators, range };
  }

  /** `for targets in iter if cond …` clauses in ks[from, to). */
  private generators(ks: SyntaxNode[], from: number, to: number): A.Comprehension[] {
    const out: A.Comprehension[] = [];
    let i = from;
    while (i < to) {
      let isAsync = false;
      if (ks[i]!.name === 'async') {
        isAsync = true;
        i++;
      }
      if (ks[i]?.name !== 'for') this.fail(ks[i] ?? to);
      i++;
      const inAt = ks.findIndex((k, j) => j >= i && j < to && k.name === 'in');
      if (inAt < 0) this.fail(ks[to]);
      const target = this.exprList(ks, i, inAt);
      this.setContext(target, 'Store', 'for');
      if (inAt + 1 >= to) this.fail(ks[to]);
      const iter = this.expr(ks[inAt + 1]!);
      i = inAt + 2;
      const ifs: A.Expr[] = [];
      while (i < to && ks[i]!.name === 'if') {
        if (i + 1 >= to) this.fail(ks[to]);
        ifs.push(this.expr(ks[i + 1]!));
        i += 2;
      }
      out.push({ kind: 'comprehension', target, iter, ifs, isAsync });
    }
    if (out.length === 0) this.fail(ks[from]);
    return out;
  }

  private argList(node: SyntaxNode): { args: A.Expr[]; keywords: A.Keyword[] } {
    const ks = kids(node);
    if (ks[0]?.name !== '(' || ks[ks.length - 1]?.name !== ')') this.fail(node.to);
    const args: A.Expr[] = [];
    const keywords: A.Keyword[] = [];
    const end = ks.length - 1;
    let i = 1;
    let sawKeyword = false;
    let sawDoubleStar = false;
    let genexpAt: A.Expr | null = null;
    let count = 0;
    while (i < end) {
      const k = ks[i]!;
      count++;
      if (k.name === '*') {
        const value = this.expr(ks[i + 1] ?? this.fail(k));
        if (sawDoubleStar) this.fail(k, 'iterable argument unpacking follows keyword argument unpacking');
        args.push({ kind: 'Starred', value, ctx: 'Load', range: this.range(k.from, value.range.to) });
        i += 2;
      } else if (k.name === '**') {
        const value = this.expr(ks[i + 1] ?? this.fail(k));
        keywords.push({ kind: 'keyword', name: null, value, range: this.range(k.from, value.range.to) });
        sawDoubleStar = true;
        i += 2;
      } else if (k.name === 'VariableName' && ks[i + 1]?.name === 'AssignOp') {
        const op = this.src(ks[i + 1]!);
        const value = this.expr(ks[i + 2] ?? this.fail(ks[i + 1]));
        if (ks[i + 3]?.name === 'for' || ks[i + 3]?.name === 'async') this.fail(ks[i + 3], 'invalid syntax. Maybe you meant \'==\' or \':=\' instead of \'=\'?');
        if (op === ':=') {
          const target: A.Name = { kind: 'Name', id: this.src(k), ctx: 'Store', range: this.range(k.from, k.to) };
          if (sawKeyword || sawDoubleStar) this.fail(k, sawDoubleStar ? 'positional argument follows keyword argument unpacking' : 'positional argument follows keyword argument');
          args.push({ kind: 'NamedExpr', target, value, range: this.range(k.from, value.range.to) });
        } else {
          const name = this.src(k);
          if (keywords.some((kw) => kw.name === name)) this.fail(k, `keyword argument repeated: ${name}`);
          keywords.push({ kind: 'keyword', name, value, range: this.range(k.from, value.range.to) });
          sawKeyword = true;
        }
        i += 3;
      } else {
        let value = this.expr(k);
        i++;
        if (ks[i]?.name === 'for' || ks[i]?.name === 'async') {
          let j = i;
          while (j < end && !(ks[j]!.name === ',' && this.commaEndsGenerator(ks, i, j))) j++;
          const generators = this.generators(ks, i, j);
          value = { kind: 'GeneratorExp', elt: value, generators, range: this.range(k.from, ks[j - 1]!.to) };
          genexpAt = value;
          i = j;
        }
        // CPython reports these at the token after the arguments (the closing parenthesis).
        if (sawDoubleStar) this.fail(ks[end], 'positional argument follows keyword argument unpacking');
        if (sawKeyword) this.fail(ks[end], 'positional argument follows keyword argument');
        args.push(value);
      }
      if (i < end) {
        if (ks[i]!.name !== ',') this.fail(ks[i], 'invalid syntax. Perhaps you forgot a comma?');
        i++;
      }
    }
    if (genexpAt !== null) {
      if (count > 1 || ks[end - 1]!.name === ',') this.fail(genexpAt.range.from, 'Generator expression must be parenthesized');
      // A sole generator argument takes the call's parentheses, as in CPython.
      genexpAt.range = this.range(node.from, node.to);
    }
    return { args, keywords };
  }

  /** Inside a call, a comma after comprehension clauses ends the generator unless it separates `for` targets. */
  private commaEndsGenerator(ks: SyntaxNode[], from: number, comma: number): boolean {
    // Find the last `for` before the comma; if no `in` follows it before the comma, we are in its targets.
    let lastFor = -1;
    for (let j = from; j < comma; j++) if (ks[j]!.name === 'for') lastFor = j;
    for (let j = lastFor + 1; j < comma; j++) if (ks[j]!.name === 'in') return true;
    return lastFor < 0;
  }

  // -------------------------------------------------------------------------------------------
  // Strings

  /** One literal or an implicit concatenation: Constant (str/bytes) or JoinedStr. */
  private strings(node: SyntaxNode, pieces: SyntaxNode[]): A.Expr {
    const range = this.range(node.from, node.to);
    const parts: (A.Constant | A.FormattedValue)[] = [];
    let anyFormat = false;
    let bytesKind: boolean | null = null;
    let pendingText = '';
    let pendingFrom = -1;
    let pendingTo = -1;
    const flush = (): void => {
      if (pendingText !== '') {
        parts.push({ kind: 'Constant', value: { type: 'str', value: pendingText }, range: this.range(pendingFrom, pendingTo) });
      }
      pendingText = '';
      pendingFrom = -1;
    };
    const addText = (s: string, from: number, to: number): void => {
      if (s === '') return;
      if (pendingFrom < 0) pendingFrom = from;
      pendingText += s;
      pendingTo = to;
    };
    let bytesValue = '';
    for (const piece of pieces) {
      if (piece.name !== 'String' && piece.name !== 'FormatString') this.fail(piece);
      const raw = this.src(piece);
      const sp = stringParts(raw);
      if (!sp.terminated) this.fail(piece);
      if (bytesKind !== null && bytesKind !== sp.bytes) this.fail(node.to, 'cannot mix bytes and nonbytes literals');
      bytesKind = sp.bytes;
      const base = piece.from;
      if (!sp.format) {
        const d = decodeBody(raw.slice(sp.bodyFrom, sp.bodyTo), { raw: sp.raw, bytes: sp.bytes });
        if (d.error !== null) this.fail(d.error.at === 'start' ? piece.from : piece.to, d.error.message);
        if (sp.bytes) bytesValue += d.value;
        else addText(d.value, base + sp.bodyFrom, base + sp.bodyTo);
        continue;
      }
      anyFormat = true;
      const problem = fstringProblem(raw);
      if (problem !== null) this.fail(node.to, problem);
      // Literal segments between replacement fields, then the fields themselves.
      let at = base + sp.bodyFrom;
      const bodyEnd = base + sp.bodyTo;
      for (let c = piece.firstChild; c !== null; c = c.nextSibling) {
        if (c.name !== 'FormatReplacement') continue;
        this.literalSegment(at, c.from, sp.raw, addText, piece);
        const field = this.formatField(c, sp.raw, piece);
        for (const f of field) {
          if (f.kind === 'Constant' && f.value.type === 'str') addText(f.value.value, f.range.from, f.range.to);
          else {
            flush();
            parts.push(f);
          }
        }
        at = c.to;
      }
      this.literalSegment(at, bodyEnd, sp.raw, addText, piece);
    }
    if (bytesKind === true) return { kind: 'Constant', value: { type: 'bytes', value: latin1ToBytes(bytesValue) }, range };
    if (!anyFormat) return { kind: 'Constant', value: { type: 'str', value: pendingText }, range };
    flush();
    return { kind: 'JoinedStr', values: parts, range };
  }

  private literalSegment(from: number, to: number, raw: boolean, addText: (s: string, from: number, to: number) => void, piece: SyntaxNode): void {
    if (to <= from) return;
    const src = this.text.slice(from, to);
    if (src.replace(/\}\}/g, '').includes('}')) this.fail(piece.to, "f-string: single '}' is not allowed");
    const d = decodeBody(src, { raw, bytes: false, format: true });
    if (d.error !== null) this.fail(piece.to, d.error.message);
    addText(d.value, from, to);
  }

  /** `{expr=!r:spec}` → [Constant("expr=")?, FormattedValue]. */
  private formatField(node: SyntaxNode, raw: boolean, piece: SyntaxNode): (A.Constant | A.FormattedValue)[] {
    const ks = kids(node);
    const errAt = piece.to;
    if (ks[0]?.name !== '{') this.fail(errAt);
    let i = 1;
    const exprStart = i;
    while (i < ks.length && !['FormatSelfDoc', 'FormatConversion', 'FormatSpec', '}'].includes(ks[i]!.name)) i++;
    if (i === exprStart) this.fail(errAt, 'f-string: empty expression not allowed');
    if (i >= ks.length) this.fail(errAt, "f-string: expecting '}'");
    const value =
      i - exprStart === 1 && ks[exprStart]!.name === 'YieldExpression' ? this.expr(ks[exprStart]!) : this.exprList(ks, exprStart, i);
    const out: (A.Constant | A.FormattedValue)[] = [];
    let selfDoc = false;
    if (ks[i]!.name === 'FormatSelfDoc') {
      selfDoc = true;
      const docEnd = ks[i + 1] !== undefined ? ks[i + 1]!.from : ks[i]!.to;
      out.push({ kind: 'Constant', value: { type: 'str', value: this.text.slice(ks[0]!.to, docEnd) }, range: this.range(ks[0]!.to, docEnd) });
      i++;
    }
    let conversion: A.FormattedValue['conversion'] = null;
    if (ks[i]?.name === 'FormatConversion') {
      conversion = this.src(ks[i]!).slice(1) as 's' | 'r' | 'a';
      i++;
    }
    let formatSpec: A.JoinedStr | null = null;
    if (ks[i]?.name === 'FormatSpec') {
      formatSpec = this.formatSpec(ks[i]!, raw, piece);
      i++;
    }
    if (ks[i]?.name !== '}' || i !== ks.length - 1) this.fail(errAt, "f-string: expecting '}'");
    if (selfDoc && conversion === null && formatSpec === null) conversion = 'r';
    out.push({ kind: 'FormattedValue', value, conversion, formatSpec, range: this.range(node.from, node.to) });
    return out;
  }

  private formatSpec(node: SyntaxNode, raw: boolean, piece: SyntaxNode): A.JoinedStr {
    const values: (A.Constant | A.FormattedValue)[] = [];
    let at = node.from + 1; // after ':'
    const pushText = (from: number, to: number): void => {
      if (to <= from) return;
      const d = decodeBody(this.text.slice(from, to), { raw, bytes: false, format: true });
      if (d.error !== null) this.fail(piece.to, d.error.message);
      if (d.value === '') return;
      const prev = values[values.length - 1];
      if (prev?.kind === 'Constant' && prev.value.type === 'str') {
        values[values.length - 1] = { kind: 'Constant', value: { type: 'str', value: prev.value.value + d.value }, range: this.range(prev.range.from, to) };
      } else values.push({ kind: 'Constant', value: { type: 'str', value: d.value }, range: this.range(from, to) });
    };
    for (let c = node.firstChild; c !== null; c = c.nextSibling) {
      if (c.name !== 'FormatReplacement') continue;
      pushText(at, c.from);
      for (const f of this.formatField(c, raw, piece)) {
        if (f.kind === 'FormattedValue' && f.formatSpec !== null && f.formatSpec.values.some((v) => v.kind === 'FormattedValue')) {
          this.fail(piece.to, 'f-string: expressions nested too deeply');
        }
        if (f.kind === 'Constant' && f.value.type === 'str') pushText(f.range.from, f.range.to);
        else values.push(f);
      }
      at = c.to;
    }
    pushText(at, node.to);
    return { kind: 'JoinedStr', values, range: this.range(node.from, node.to) };
  }
}

/** CPython's name for an expression in "cannot assign to …" messages. */
export function describeTarget(e: A.Expr): string {
  switch (e.kind) {
    case 'Call':
      return 'function call';
    case 'Constant':
      if (e.value.type === 'None') return 'None';
      if (e.value.type === 'bool') return e.value.value ? 'True' : 'False';
      if (e.value.type === 'Ellipsis') return 'ellipsis';
      return 'literal';
    case 'BinOp':
    case 'UnaryOp':
      return 'expression';
    case 'BoolOp':
      return 'expression';
    case 'Compare':
      return 'comparison';
    case 'Lambda':
      return 'lambda';
    case 'IfExp':
      return 'conditional expression';
    case 'NamedExpr':
      return 'named expression';
    case 'Dict':
      return 'dict literal';
    case 'Set':
      return 'set display';
    case 'ListComp':
      return 'list comprehension';
    case 'SetComp':
      return 'set comprehension';
    case 'DictComp':
      return 'dict comprehension';
    case 'GeneratorExp':
      return 'generator expression';
    case 'Await':
      return 'await expression';
    case 'Yield':
    case 'YieldFrom':
      return 'yield expression';
    case 'JoinedStr':
      return 'f-string expression';
    case 'FormattedValue':
      return 'f-string expression';
    case 'Starred':
      return 'starred';
    case 'Slice':
      return 'slice';
    case 'Tuple':
      return 'tuple';
    case 'List':
      return 'list';
    case 'Name':
    case 'Attribute':
    case 'Subscript':
      return e.kind.toLowerCase();
  }
}
