// Abstract interpretation of a module: walks statements with a scope of abstract values,
// joins at branches, iterates loops to a fixpoint (with widening), analyses user functions
// per call site (recursion cut off) and nn.Module classes through __init__ and forward.
// It never executes user code and never throws on user input: anything it cannot follow
// becomes `unknown`, and unknown never produces a diagnostic.

import type * as ast from '../python/ast';
import { Dim, dimEq, dimMul, isNum, sym } from '../../engine/shape/dim';
import { DType, dtypeInfo, parseDType } from '../../engine/core/dtype';
import { indexPlan, IndexSpec } from '../../engine/shape/index';
import { torchIndexMessage } from '../../engine/shape/torch';
import { ShapeError } from '../../engine/shape/result';
import { CallArgs, CallContext, Operand } from './context';
import { Diagnostic, DiagnosticCode, Fix, formatValue, Hint, RelatedInfo } from './diagnostics';
import { join, sameValue } from './join';
import { arrayMethod, binaryOp, callLayer, compareOp, dimOf, isKnownModulePath, libFunction, shapeArg } from './libModel';
import {
  AValue, ArrayValue, ClassValue, FLOAT, FunctionValue, InstanceValue, int, NONE, Origin, Scope, str, tuple, UNKNOWN, bool,
} from './values';
import { annotationShape, commentShape } from './annotations';
import { Journal, JournaledMap, current, type Footprint } from './journal';
import { sameTree } from './sameTree';
import { loopItems, MAX_UNROLL_ITEMS, MAX_UNROLL_WORK, mutatesIterated, unrollable } from './unroll';

const MAX_CALL_DEPTH = 6;
const MAX_LOOP_PASSES = 4;
/**
 * Statements and expressions nested deeper than this are not analysed (statements skipped,
 * expressions unknown): the walk is recursive, and a 10,000-branch elif chain or a deeply
 * nested expression must not overflow the stack. CPython itself gives up near 3,000 levels.
 */
const MAX_NESTING = 400;

interface Frame {
  /** joined return values of the function being analysed */
  returns: AValue | null;
}

export interface AnalysisOutput {
  diagnostics: Diagnostic[];
  hints: Hint[];
}

/** A top-level statement's footprint plus the hints and diagnostics it produced, in order. */
interface StatementMemo extends Footprint {
  readonly stmt: ast.Stmt;
  readonly hints: { hint: Hint; strong: boolean }[];
  readonly reports: Diagnostic[];
}

export class Evaluator {
  private readonly diagnostics: Map<string, Diagnostic>;
  private readonly hints: Map<string, { hint: Hint; strong: boolean }>;
  /** the module's variables (kept between top-level statements for incremental runs) */
  private readonly module: Scope;
  private readonly callStack: { node: ast.FunctionDef | ast.Lambda; self: AValue | null }[] = [];
  /** nesting of speculative passes (loop iterations before the fixpoint): no reports there */
  private quiet = 0;
  /** inside a function analysed without call-site arguments: hints are weak */
  private weak = 0;
  /** unrolled loops around the statement running now, and the product of their lengths */
  private unrolling = 0;
  private unrollWork = 1;
  /** the node of the last diagnostic reported (an assignment whose own operation raised makes no value) */
  private raisedAt: ast.Node | null = null;
  /** set while assigning a value that was never made (its operation raised): no hint */
  private unmade = false;
  /** current nesting of exec/eval calls (see MAX_NESTING) */
  private nesting = 0;
  /** per top-level statement, what it did (incremental runs; null: must run again) */
  private memos: (StatementMemo | null)[] = [];
  /** the memos before the last rewind: an unchanged statement may come back at another index */
  private previousMemos: readonly (StatementMemo | null)[] = [];
  /** the memo of the statement running now */
  private memo: StatementMemo | null = null;
  /** function definitions replayed at a new place in this run: old node → new node */
  private readonly movedNodes = new Map<ast.Node, ast.Node>();

  /** `now` is `before` defined again by its replayed (moved, otherwise identical) definition. */
  private movedFunction(before: AValue | undefined, now: AValue | undefined): boolean {
    return before?.kind === 'function' && now?.kind === 'function' && before.self === null && now.self === null
      && before.closure === now.closure && this.movedNodes.get(before.node) === now.node;
  }

  /**
   * `journal`: record every write that outlives its top-level statement, so that `rewind(k)`
   * can restore the state before statement k (incremental.ts); null for a one-shot analysis.
   */
  constructor(private lines: readonly string[], private readonly journal: Journal | null = null) {
    this.diagnostics = JournaledMap.make(journal, -1, true);
    this.hints = JournaledMap.make(journal, -1, true);
    this.module = { vars: JournaledMap.make(journal, -1), parent: null };
  }

  run(module: ast.Module): AnalysisOutput {
    module.body.forEach((s, i) => this.execTop(i, s));
    return this.output();
  }

  /** Executes top-level statement number `i` (statements run in order, each once, after a rewind). */
  execTop(i: number, s: ast.Stmt): void {
    const j = this.journal;
    if (j === null) {
      this.exec(s, this.module, null);
      return;
    }
    j.stmt = i;
    const memo: StatementMemo = { stmt: s, reads: [], writes: [], hints: [], reports: [] };
    j.footprint = this.memo = memo;
    try {
      this.exec(s, this.module, null);
    } finally {
      j.footprint = this.memo = null;
    }
    this.memos[i] = replayable(s, memo, this.module) ? memo : null;
  }

  /**
   * Statement `i` again: the last run's statement `was` (another index when statements before it
   * were added or removed), unchanged but moved within its lines (`move` maps an old offset to the
   * new text's, or -1 inside the edit). When everything it read last time is still the same, does
   * what it did then instead of running it. Returns false (having done nothing) otherwise.
   */
  replayTop(i: number, stmt: ast.Stmt, move: (offset: number) => number, was: number = i): boolean {
    const memo = this.previousMemos[was];
    const j = this.journal;
    if (!memo || j === null) return false;
    const reads: Footprint['reads'] = [];
    for (const r of memo.reads) {
      const now = current(r.map, r.key);
      if (now !== r.value && !this.movedFunction(r.value as AValue | undefined, now as AValue | undefined) && !equalPlain(r.value, now)) return false;
      reads.push(now === r.value ? r : { ...r, value: now });
    }
    const lost = (r: ast.Range): boolean => move(r.from) < 0 || move(r.to) < 0;
    for (const h of memo.hints) if (lost(h.hint.range)) return false;
    for (const d of memo.reports) if (lost(d.range) || d.related.some((x) => lost(x.range)) || (d.fix && lost(d.fix.range))) return false;
    j.stmt = i;
    // a function definition defines the moved node (its body's hints are among the memo's, moved)
    const writes = memo.stmt.kind === 'FunctionDef' && stmt.kind === 'FunctionDef'
      ? memo.writes.map((w) => ({ ...w, value: { kind: 'function', node: stmt, closure: this.module, self: null } satisfies FunctionValue }))
      : memo.writes;
    if (memo.stmt !== stmt) this.movedNodes.set(memo.stmt, stmt);
    for (const w of writes) {
      if (w.del) w.map.delete(w.key);
      else w.map.set(w.key, w.value);
    }
    const moved = (r: ast.Range): ast.Range => (move(r.from) === r.from && move(r.to) === r.to ? r : { ...r, from: move(r.from), to: move(r.to) });
    const again: StatementMemo = { stmt, reads, writes, hints: [], reports: [] };
    for (const h of memo.hints) {
      const hint = { ...h.hint, range: moved(h.hint.range) };
      again.hints.push({ hint, strong: h.strong });
      this.mergeHint(hint, h.strong);
    }
    for (const d of memo.reports) {
      const fix = d.fix ? { ...d.fix, range: moved(d.fix.range) } : undefined;
      const copy: Diagnostic = { ...d, range: moved(d.range), related: d.related.map((x) => ({ ...x, range: moved(x.range) })), ...(fix ? { fix } : {}) };
      again.reports.push(copy);
      this.addDiagnostic(copy);
    }
    this.memos[i] = again;
    return true;
  }

  /** Restores the state before top-level statement `k`; later statements run with `lines`. */
  rewind(k: number, lines: readonly string[]): void {
    if (!this.journal) throw new Error('rewind needs a journal');
    this.journal.rewind(k);
    this.previousMemos = this.memos;
    this.memos = this.memos.slice(0, k);
    this.movedNodes.clear();
    this.lines = lines;
  }

  output(): AnalysisOutput {
    const hints = [...this.hints.values()].map((h) => h.hint).sort((a, b) => a.range.from - b.range.from);
    const diagnostics = [...this.diagnostics.values()].sort((a, b) => a.range.from - b.range.from);
    return { diagnostics, hints };
  }

  /** A scope that records writes and reads through to `base` (branches, loop bodies). */
  private overlay(base: Scope): Scope {
    return { vars: JournaledMap.make(this.journal), parent: base };
  }

  // ---- statements ------------------------------------------------------------------------

  private execBlock(stmts: readonly ast.Stmt[], scope: Scope, frame: Frame | null): void {
    for (const s of stmts) this.exec(s, scope, frame);
  }

  private exec(s: ast.Stmt, scope: Scope, frame: Frame | null): void {
    if (this.nesting >= MAX_NESTING) return;
    this.nesting++;
    try {
      this.execStmt(s, scope, frame);
    } finally {
      this.nesting--;
    }
  }

  private execStmt(s: ast.Stmt, scope: Scope, frame: Frame | null): void {
    switch (s.kind) {
      case 'Import':
        for (const a of s.names) {
          const bindName = a.asname ?? a.name.split('.')[0];
          const path = a.asname ? a.name : a.name.split('.')[0];
          scope.vars.set(bindName, { kind: 'module', path });
        }
        return;
      case 'ImportFrom':
        for (const a of s.names) {
          if (a.name === '*' || !s.module) continue;
          const path = `${s.module}.${a.name}`;
          const v: AValue = isKnownModulePath(path) ? { kind: 'module', path } : { kind: 'libfn', path, self: null };
          scope.vars.set(a.asname ?? a.name, v);
        }
        return;
      case 'Assign': {
        this.raisedAt = null;
        const v = this.eval(s.value, scope);
        // in an unrolled iteration whose `x = op(…)` raised, x was not assigned there: its hint
        // is the other iterations' (the value stays, so later lines report nothing new)
        const unmade = this.unrolling > 0 && this.raisedAt === s.value;
        const annotated = commentShape(this.lines[s.range.line - 1]);
        const value = annotated && v.kind !== 'array' ? { kind: 'array' as const, lib: 'numpy' as const, shape: annotated, dtype: null, origin: this.origin(s) } : v;
        this.unmade = unmade;
        try {
          for (const t of s.targets) this.assign(t, value, scope, s);
        } finally {
          this.unmade = false;
        }
        return;
      }
      case 'AnnAssign': {
        const ann = annotationShape(s.annotation);
        const v = s.value ? this.eval(s.value, scope) : ann ? { kind: 'array' as const, lib: ann.lib, shape: ann.shape, dtype: null, origin: this.origin(s) } : UNKNOWN;
        this.assign(s.target, v, scope, s);
        return;
      }
      case 'AugAssign': {
        const cur = this.eval(s.target, scope);
        const rhs = this.eval(s.value, scope);
        const v = this.binary(s.op, cur, rhs, s, this.text(s.target), this.text(s.value));
        // in-place ops keep the target's shape (NumPy raises if the result would not fit)
        const kept = cur.kind === 'array' && v.kind === 'array' ? { ...v, shape: cur.shape, dtype: cur.dtype } : v;
        this.assign(s.target, kept, scope, s);
        return;
      }
      case 'Expr': this.eval(s.value, scope); return;
      case 'If': {
        this.eval(s.test, scope);
        const a = this.overlay(scope), b = this.overlay(scope);
        this.execBlock(s.body, a, frame);
        this.execBlock(s.orelse, b, frame);
        const terminatesA = terminates(s.body), terminatesB = terminates(s.orelse);
        if (terminatesA && !terminatesB) commit(scope, b);
        else if (terminatesB && !terminatesA) commit(scope, a);
        else mergeInto(scope, a, b);
        return;
      }
      case 'For': {
        const iter = this.eval(s.iter, scope);
        const items = loopItems(iter);
        if (items && items.length > 0 && items.length <= MAX_UNROLL_ITEMS && this.unrollWork * items.length <= MAX_UNROLL_WORK && unrollable(s)) {
          this.unroll(s, items, scope, frame);
          return;
        }
        // a body that appends to what it iterates takes items the loop did not start with
        const elem = mutatesIterated(s) ? UNKNOWN : this.iterElement(iter, s);
        this.loop(scope, frame, (sc) => {
          this.assign(s.target, elem, sc, s);
          this.execBlock(s.body, sc, frame);
        });
        this.execBlock(s.orelse, scope, frame);
        return;
      }
      case 'While':
        this.loop(scope, frame, (sc) => {
          this.eval(s.test, sc);
          this.execBlock(s.body, sc, frame);
        });
        this.execBlock(s.orelse, scope, frame);
        return;
      case 'FunctionDef': {
        const fn: FunctionValue = { kind: 'function', node: s, closure: scope, self: null };
        scope.vars.set(s.name, fn);
        // analyse the body once with parameters from annotations (or unknown): weak hints
        this.weak++;
        this.callFunction(fn, { args: [], kwargs: new Map(), argTexts: [], opaque: true }, s, true);
        this.weak--;
        return;
      }
      case 'ClassDef': {
        const bases = s.bases.map((b) => this.eval(b, scope));
        const methods = new Map<string, FunctionValue>();
        const classScope: Scope = { vars: JournaledMap.make(this.journal), parent: scope };
        for (const st of s.body) {
          if (st.kind === 'FunctionDef') methods.set(st.name, { kind: 'function', node: st, closure: scope, self: null });
          else if (st.kind === 'Assign') this.exec(st, classScope, null);
        }
        for (const b of bases) if (b.kind === 'class') for (const [k, m] of b.methods) if (!methods.has(k)) methods.set(k, m);
        const isModule = bases.some((b) => (b.kind === 'libfn' && b.path === 'torch.nn.Module') || (b.kind === 'class' && b.isModule));
        scope.vars.set(s.name, { kind: 'class', node: s, bases, methods, isModule });
        return;
      }
      case 'Return': {
        const v = s.value ? this.eval(s.value, scope) : NONE;
        if (frame) frame.returns = frame.returns === null ? v : join(frame.returns, v);
        return;
      }
      case 'Try': {
        // the body may stop anywhere: after it, each variable is its old or new value
        const a = this.overlay(scope);
        this.execBlock(s.body, a, frame);
        mergeInto(scope, a, this.overlay(scope));
        for (const h of s.handlers) {
          const hs = this.overlay(scope);
          if (h.name) hs.vars.set(h.name, UNKNOWN);
          this.execBlock(h.body, hs, frame);
          mergeInto(scope, hs, this.overlay(scope));
        }
        this.execBlock(s.orelse, scope, frame);
        this.execBlock(s.finalbody, scope, frame);
        return;
      }
      case 'With':
        for (const it of s.items) {
          const v = this.eval(it.contextExpr, scope);
          if (it.optionalVars) this.assign(it.optionalVars, v.kind === 'instance' ? v : UNKNOWN, scope, s);
        }
        this.execBlock(s.body, scope, frame);
        return;
      case 'Assert': this.eval(s.test, scope); return;
      case 'Delete': for (const t of s.targets) if (t.kind === 'Name') scope.vars.delete(t.id); return;
      case 'Raise': if (s.exc) this.eval(s.exc, scope); return;
      case 'ErrorStmt': this.execBlock(s.body, scope, frame); return;
      case 'Global': case 'Nonlocal': case 'Pass': case 'Break': case 'Continue': return;
    }
  }

  /**
   * `for v in <known items>`: the body once per item, in order, in the scope itself (unroll.ts
   * says when). Each iteration hints as it goes; the hints of one line join (`3|8`).
   */
  private unroll(s: ast.For, items: readonly AValue[], scope: Scope, frame: Frame | null): void {
    const work = this.unrollWork;
    this.unrollWork = work * items.length;
    this.unrolling++;
    try {
      for (const item of items) {
        this.assign(s.target, item, scope, s);
        this.execBlock(s.body, scope, frame);
      }
    } finally {
      this.unrolling--;
      this.unrollWork = work;
    }
    this.execBlock(s.orelse, scope, frame);
  }

  /** Runs `body` until the scope stops changing; early passes report nothing. */
  private loop(scope: Scope, frame: Frame | null, body: (sc: Scope) => void): void {
    // `state` holds the loop-head values of the variables the body changes (an overlay on scope)
    const state = this.overlay(scope);
    for (let pass = 0; pass < MAX_LOOP_PASSES; pass++) {
      const sc = this.overlay(state);
      this.quiet++;
      body(sc);
      this.quiet--;
      if (!mergeInto(state, sc, this.overlay(state))) break;
    }
    // the reporting pass runs on the fixpoint state (values any iteration can see)
    const sc = this.overlay(state);
    body(sc);
    mergeInto(state, sc, this.overlay(state));
    commit(scope, state);
    void frame;
  }

  private assign(target: ast.Expr, v: AValue, scope: Scope, stmt: ast.Stmt): void {
    switch (target.kind) {
      case 'Name':
        scope.vars.set(target.id, v);
        this.hint(target.id, v, stmt);
        return;
      case 'Tuple': case 'List': {
        const starIdx = target.elts.findIndex((e) => e.kind === 'Starred');
        const items = v.kind === 'tuple' ? v.items : v.kind === 'list' && v.items ? v.items
          : v.kind === 'array' && v.shape && v.shape.length > 0 && isNum(v.shape[0]) ? Array.from({ length: v.shape[0] }, () => rowOf(v)) : null;
        target.elts.forEach((e, i) => {
          if (e.kind === 'Starred') { this.assign(e.value, { kind: 'list', items: null, elem: UNKNOWN }, scope, stmt); return; }
          let item: AValue = UNKNOWN;
          if (items && starIdx < 0 && items.length === target.elts.length) item = items[i];
          else if (items && starIdx >= 0) item = i < starIdx ? items[i] ?? UNKNOWN : items[items.length - (target.elts.length - i)] ?? UNKNOWN;
          this.assign(e, item, scope, stmt);
        });
        return;
      }
      case 'Attribute': {
        const obj = this.eval(target.value, scope);
        if (obj.kind === 'instance') obj.attrs.set(target.attr, v);
        return;
      }
      case 'Subscript': {
        const obj = this.eval(target.value, scope);
        this.subscript(obj, target, scope);
        // `xs[i] = v` on a list of known items: which item changed is not tracked
        if (target.value.kind === 'Name' && obj.kind === 'list' && obj.items) {
          scope.vars.set(target.value.id, { kind: 'list', items: null, elem: obj.items.reduce<AValue>((acc, x) => join(acc, x), join(obj.elem, v)) });
        }
        return;
      }
      case 'Starred': this.assign(target.value, UNKNOWN, scope, stmt); return;
      default: return;
    }
  }

  private hint(name: string, v: AValue, stmt: ast.Stmt): void {
    if (this.quiet > 0 || this.unmade) return;
    const strong = this.weak === 0;
    const hint: Hint = { line: stmt.range.line, range: stmt.range, name, value: v };
    this.memo?.hints.push({ hint, strong });
    this.mergeHint(hint, strong);
  }

  /** Adds a hint: a strong one (from a call site or module code) replaces weak ones; equals join. */
  private mergeHint(hint: Hint, strong: boolean): void {
    const key = `${hint.range.from}:${hint.name}`;
    const prev = this.hints.get(key);
    if (!prev || (strong && !prev.strong)) { this.hints.set(key, { hint, strong }); return; }
    if (strong === prev.strong) this.hints.set(key, { hint: { ...hint, value: join(prev.hint.value, hint.value) }, strong });
  }

  private addDiagnostic(d: Diagnostic): void {
    const key = `${d.range.from}:${d.code}`;
    if (!this.diagnostics.has(key)) this.diagnostics.set(key, d);
  }

  private iterElement(iter: AValue, s: ast.For): AValue {
    switch (iter.kind) {
      case 'range': return int(null);
      case 'array': return rowOf(iter);
      case 'list': return iter.items && iter.items.length > 0 ? iter.items.reduce(join) : iter.elem;
      case 'tuple': return iter.items.length > 0 ? iter.items.reduce(join) : UNKNOWN;
      default: void s; return UNKNOWN;
    }
  }

  // ---- expressions -------------------------------------------------------------------------

  eval(e: ast.Expr, scope: Scope): AValue {
    if (this.nesting >= MAX_NESTING) return UNKNOWN;
    this.nesting++;
    try {
      return this.evalExpr(e, scope);
    } finally {
      this.nesting--;
    }
  }

  private evalExpr(e: ast.Expr, scope: Scope): AValue {
    switch (e.kind) {
      case 'Constant': return constant(e.value);
      case 'Name': return lookup(scope, e.id);
      case 'Tuple': return tuple(e.elts.map((x) => this.eval(x, scope)));
      case 'List': {
        const items = e.elts.map((x) => this.eval(x, scope));
        return e.elts.some((x) => x.kind === 'Starred') ? { kind: 'list', items: null, elem: UNKNOWN } : { kind: 'list', items, elem: items.length ? items.reduce(join) : UNKNOWN };
      }
      case 'Dict': for (const v of e.values) this.eval(v, scope); return { kind: 'dict' };
      case 'Set': return UNKNOWN;
      case 'JoinedStr': for (const v of e.values) if (v.kind === 'FormattedValue') this.eval(v.value, scope); return str(null);
      case 'BinOp': {
        const l = this.eval(e.left, scope), r = this.eval(e.right, scope);
        return this.binary(e.op, l, r, e, this.text(e.left), this.text(e.right));
      }
      case 'UnaryOp': {
        const v = this.eval(e.operand, scope);
        if (e.op === 'Not') return bool(null);
        if (v.kind === 'int' && e.op === 'USub') return int(v.value !== null && isNum(v.value) ? -v.value : null);
        return v.kind === 'array' ? { ...v, origin: this.origin(e) } : v.kind === 'float' ? FLOAT : v.kind === 'int' ? int(null) : UNKNOWN;
      }
      case 'BoolOp': { const vs = e.values.map((x) => this.eval(x, scope)); return vs.reduce(join); }
      case 'Compare': {
        let left = this.eval(e.left, scope);
        let out: AValue = bool(null);
        e.comparators.forEach((c, i) => {
          const right = this.eval(c, scope);
          const op = e.ops[i];
          if ((left.kind === 'array' || right.kind === 'array') && ['Eq', 'NotEq', 'Lt', 'LtE', 'Gt', 'GtE'].includes(op)) {
            out = compareOp({ name: this.text(i === 0 ? e.left : e.comparators[i - 1]), value: left }, { name: this.text(c), value: right }, this.ctx(e));
          }
          left = right;
        });
        return out;
      }
      case 'IfExp': { this.eval(e.test, scope); return join(this.eval(e.body, scope), this.eval(e.orelse, scope)); }
      case 'Attribute': return this.attribute(this.eval(e.value, scope), e);
      case 'Subscript': return this.subscript(this.eval(e.value, scope), e, scope);
      case 'Call': return this.call(e, scope);
      case 'Lambda': return { kind: 'function', node: e, closure: scope, self: null };
      case 'ListComp': case 'GeneratorExp': case 'SetComp': {
        const inner = this.overlay(scope);
        let first: AValue = UNKNOWN;
        for (const g of e.generators) {
          const it = this.eval(g.iter, inner);
          if (g === e.generators[0]) first = it;
          this.quiet++;
          this.assignQuiet(g.target, this.iterElementOf(it), inner);
          this.quiet--;
        }
        const elem = this.eval(e.elt, inner);
        if (e.kind !== 'ListComp') return UNKNOWN;
        // one unfiltered loop over something of known length: that many items, each the element
        // summary (which holds for every iteration), so `np.array([x ** p for p in range(4)])` has 4 rows
        const g = e.generators[0];
        const count = e.generators.length === 1 && g.ifs.length === 0 ? knownLength(first) : null;
        return { kind: 'list', items: count !== null && count <= MAX_COMPREHENSION_ITEMS ? new Array<AValue>(count).fill(elem) : null, elem };
      }
      case 'DictComp': return { kind: 'dict' };
      case 'NamedExpr': { const v = this.eval(e.value, scope); scope.vars.set(e.target.id, v); return v; }
      case 'Starred': this.eval(e.value, scope); return UNKNOWN;
      case 'Slice': return {
        kind: 'slice',
        lower: e.lower ? this.eval(e.lower, scope) : NONE, upper: e.upper ? this.eval(e.upper, scope) : NONE, step: e.step ? this.eval(e.step, scope) : NONE,
      };
      default: return UNKNOWN;
    }
  }

  private assignQuiet(target: ast.Expr, v: AValue, scope: Scope): void {
    if (target.kind === 'Name') { scope.vars.set(target.id, v); return; }
    if (target.kind === 'Tuple' || target.kind === 'List') {
      target.elts.forEach((t, i) => this.assignQuiet(t, v.kind === 'tuple' && v.items.length === target.elts.length ? v.items[i] : UNKNOWN, scope));
    }
  }

  private iterElementOf(v: AValue): AValue {
    if (v.kind === 'range') return int(null);
    if (v.kind === 'array') return rowOf(v);
    if (v.kind === 'list') return v.items && v.items.length ? v.items.reduce(join) : v.elem;
    if (v.kind === 'tuple') return v.items.length ? v.items.reduce(join) : UNKNOWN;
    return UNKNOWN;
  }

  private binary(op: ast.BinaryOperator, l: AValue, r: AValue, node: ast.Stmt | ast.Expr, lt: string, rt: string): AValue {
    if (l.kind === 'array' || r.kind === 'array') {
      const ranges = node.kind === 'BinOp' ? [node.left.range, node.right.range] : node.kind === 'AugAssign' ? [node.target.range, node.value.range] : [];
      return binaryOp(op, { name: lt, value: l, range: ranges[0] }, { name: rt, value: r, range: ranges[1] }, this.ctx(node));
    }
    if (l.kind === 'int' && r.kind === 'int') {
      const a = l.value, b = r.value;
      if (a === null || b === null) return int(null);
      if (op === 'Mult') return int(dimMul(a, b));
      if (isNum(a) && isNum(b)) {
        switch (op) {
          case 'Add': return int(a + b);
          case 'Sub': return int(a - b);
          case 'FloorDiv': return b === 0 ? UNKNOWN : int(Math.floor(a / b));
          case 'Mod': return b === 0 ? UNKNOWN : int(((a % b) + b) % b);
          case 'Pow': return b >= 0 ? int(a ** b) : FLOAT;
          case 'Div': return FLOAT;
          default: return int(null);
        }
      }
      if (op === 'Add' && isNum(b) && b === 0) return int(a);
      return op === 'Div' ? FLOAT : int(null);
    }
    if ((l.kind === 'float' || l.kind === 'int') && (r.kind === 'float' || r.kind === 'int')) return FLOAT;
    if (op === 'Add' && l.kind === 'tuple' && r.kind === 'tuple') return tuple([...l.items, ...r.items]);
    if (op === 'Add' && l.kind === 'list' && r.kind === 'list') {
      return { kind: 'list', items: l.items && r.items ? [...l.items, ...r.items] : null, elem: join(l.elem, r.elem) };
    }
    if (op === 'Mod' && l.kind === 'str') return str(null);
    if (op === 'Add' && l.kind === 'str' && r.kind === 'str') return str(null);
    return UNKNOWN;
  }

  private attribute(obj: AValue, e: ast.Attribute): AValue {
    const name = e.attr;
    switch (obj.kind) {
      case 'module': {
        const path = `${obj.path}.${name}`;
        if (isKnownModulePath(path)) return { kind: 'module', path };
        const dt = (obj.path === 'numpy' || obj.path === 'torch') ? parseDType(name) : undefined;
        if (dt) return { kind: 'dtype', dtype: dt };
        if (obj.path === 'numpy' && (name === 'pi' || name === 'e' || name === 'inf' || name === 'nan')) return FLOAT;
        if (obj.path === 'numpy' && name === 'newaxis') return NONE;
        return { kind: 'libfn', path, self: null };
      }
      case 'array': {
        switch (name) {
          case 'shape': return obj.shape ? tuple(obj.shape.map((d) => int(d))) : UNKNOWN;
          case 'ndim': return int(obj.shape ? obj.shape.length : null);
          case 'size':
            if (obj.lib === 'torch') return { kind: 'libfn', path: 'Tensor.size', self: obj };
            return int(obj.shape ? obj.shape.reduce<Dim>((p, d) => dimMul(p, d), 1) : null);
          case 'T': return obj.shape ? { ...obj, shape: [...obj.shape].reverse(), origin: this.origin(e) } : obj;
          case 'dtype': return obj.dtype ? { kind: 'dtype', dtype: obj.dtype } : UNKNOWN;
          default: return { kind: 'libfn', path: `${obj.lib === 'torch' ? 'Tensor' : 'ndarray'}.${name}`, self: obj };
        }
      }
      case 'instance': {
        const a = obj.attrs.get(name);
        if (a) return a;
        const m = obj.cls.methods.get(name);
        if (m) return { ...m, self: obj };
        return UNKNOWN;
      }
      // torch's (values, indices) result of max/min/sort along a dim
      case 'tuple':
        if ((name === 'values' || name === 'indices') && obj.items.length === 2 && obj.items.every((x) => x.kind === 'array' && x.lib === 'torch')) return obj.items[name === 'values' ? 0 : 1];
        return UNKNOWN;
      // a Generator/RandomState: its methods are modelled by path (`numpy.random.Generator.normal`)
      case 'libobj': return { kind: 'libfn', path: `${obj.path}.${name}`, self: null };
      case 'layer':
        if (obj.spec.type === 'Linear' && name === 'in_features') return int(obj.spec.inFeatures);
        if (obj.spec.type === 'Linear' && name === 'out_features') return int(obj.spec.outFeatures);
        return UNKNOWN;
      default: return UNKNOWN;
    }
  }

  private subscript(obj: AValue, e: ast.Subscript, scope: Scope): AValue {
    const idx = this.eval(e.slice, scope);
    if (obj.kind === 'tuple' || (obj.kind === 'list' && obj.items)) {
      const items = obj.kind === 'tuple' ? obj.items : (obj.items as AValue[]);
      const i = dimOf(idx);
      if (i !== null && isNum(i)) return items[i < 0 ? i + items.length : i] ?? UNKNOWN;
      if (idx.kind === 'slice') {
        const lo = idx.lower.kind === 'none' ? 0 : dimOf(idx.lower), hi = idx.upper.kind === 'none' ? items.length : dimOf(idx.upper);
        if (lo !== null && hi !== null && isNum(lo) && isNum(hi) && idx.step.kind === 'none') {
          const sl = items.slice(lo, hi);
          return obj.kind === 'tuple' ? tuple(sl) : { kind: 'list', items: sl, elem: sl.length ? sl.reduce(join) : UNKNOWN };
        }
      }
      return obj.kind === 'list' ? obj.elem : UNKNOWN;
    }
    if (obj.kind === 'list') return obj.elem;
    if (obj.kind !== 'array') return UNKNOWN;
    if (!obj.shape) return { ...obj, origin: this.origin(e) };
    const items = e.slice.kind === 'Tuple' ? e.slice.elts : [e.slice];
    const vals = idx.kind === 'tuple' && e.slice.kind === 'Tuple' ? idx.items : [idx];
    const specs: IndexSpec[] = [];
    /** result dims made unknown by slices with unknown bounds (simple int/slice/newaxis indices only) */
    const unknownDims = new Set<number>();
    let outDim = 0;
    const simple = vals.every((v) => v.kind === 'int' || v.kind === 'slice' || v.kind === 'none');
    for (let i = 0; i < vals.length; i++) {
      let spec = indexSpec(vals[i], items[i]);
      if (!spec && simple && vals[i].kind === 'slice') {
        spec = { kind: 'slice', start: null, stop: null, step: 1 };
        unknownDims.add(outDim);
      }
      if (!spec) return { ...obj, shape: null, origin: this.origin(e) };
      if (spec.kind === 'slice' || spec.kind === 'newaxis') outDim++;
      specs.push(spec);
    }
    const r = indexPlan(obj.shape, specs);
    if (!r.ok) {
      // the same check in torch's words ("dimension", "tensor")
      const error = obj.lib === 'torch' ? { ...r.error, message: torchIndexMessage(r.error.message) } : r.error;
      this.report(e, 'shape-index', error, [{ name: this.text(e.value), value: obj }]);
      return { ...obj, shape: null, origin: this.origin(e) };
    }
    // `X[i:i+bs]` with symbolic i: the batch is bs long except maybe the last one
    const shape = r.value.shape.map((d, k) => (unknownDims.has(k) ? refineBatchDim(items, vals, specsItemFor(specs, k)) : d));
    if (r.value.scalar) return obj.lib === 'numpy' ? (obj.dtype && obj.dtype.startsWith('float') ? FLOAT : obj.dtype ? int(null) : UNKNOWN) : { ...obj, shape: [], origin: this.origin(e) };
    return { kind: 'array', lib: obj.lib, shape, dtype: obj.dtype, origin: this.origin(e) };
  }

  private call(e: ast.Call, scope: Scope): AValue {
    const fn = this.eval(e.func, scope);
    const opaque = e.args.some((a) => a.kind === 'Starred') || e.keywords.some((k) => k.name === null);
    const args: CallArgs = {
      args: e.args.filter((a) => a.kind !== 'Starred').map((a) => this.eval(a, scope)),
      kwargs: new Map(e.keywords.filter((k) => k.name !== null).map((k) => [k.name as string, this.eval(k.value, scope)])),
      argTexts: e.args.map((a) => this.text(a)),
      opaque,
    };
    if (e.func.kind === 'Attribute' && LIST_MUTATORS.has(e.func.attr)) this.listMutated(e.func.value, e.func.attr, args, scope);
    const out = this.apply(fn, args, e);
    // user code may append to a list it is given: its length is no longer claimed
    if (fn.kind === 'function' || fn.kind === 'class' || fn.kind === 'instance') {
      for (const a of [...e.args, ...e.keywords.map((k) => k.value)]) this.listMutated(a, 'passed', args, scope);
    }
    return out;
  }

  /**
   * `xs.append(v)`, `self.layers.append(v)` and the like: the list's length is no longer known
   * (its element summary takes `v` in).
   */
  private listMutated(target: ast.Expr, method: string, args: CallArgs, scope: Scope): void {
    // `self.layers`: the attribute of an instance held by a name (evaluating it has no effects)
    const owner = target.kind === 'Attribute' && target.value.kind === 'Name' ? lookup(scope, target.value.id) : null;
    const cur = target.kind === 'Name' ? lookup(scope, target.id)
      : target.kind === 'Attribute' && owner?.kind === 'instance' ? owner.attrs.get(target.attr) : undefined;
    if (cur?.kind !== 'list' || cur.items === null) return;
    const added = method === 'append' ? args.args[0] ?? UNKNOWN : method === 'extend' || method === 'insert' || method === 'passed' ? UNKNOWN : cur.elem;
    const elem = cur.items.reduce<AValue>((acc, x) => join(acc, x), join(cur.elem, added));
    const changed: AValue = { kind: 'list', items: null, elem };
    if (target.kind === 'Name') scope.vars.set(target.id, changed);
    else if (target.kind === 'Attribute' && owner?.kind === 'instance') owner.attrs.set(target.attr, changed);
  }

  private apply(fn: AValue, args: CallArgs, e: ast.Call): AValue {
    switch (fn.kind) {
      case 'libfn': {
        if (fn.path.startsWith('builtins.') || !fn.path.includes('.')) return this.builtin(fn.path.replace('builtins.', ''), args);
        if (args.opaque) return UNKNOWN;
        if (fn.self && fn.self.kind === 'array') {
          const m = arrayMethod(fn.self.lib, fn.path.split('.').pop() as string);
          return m ? m(args, this.ctx(e), fn.self) : UNKNOWN;
        }
        if (fn.path === 'torch.nn.Module') return UNKNOWN;
        const m = libFunction(fn.path);
        return m ? m(args, this.ctx(e), null) : UNKNOWN;
      }
      case 'function': return args.opaque ? UNKNOWN : this.callFunction(fn, args, e, false);
      case 'class': return this.instantiate(fn, args, e);
      case 'layer': {
        const x = args.args[0];
        return x ? callLayer(fn, { name: this.text(e.args[0]), value: x }, this.ctx(e)) : UNKNOWN;
      }
      case 'instance': {
        const fwd = fn.cls.isModule ? fn.cls.methods.get('forward') : fn.cls.methods.get('__call__');
        return fwd ? this.callFunction({ ...fwd, self: fn }, args, e, false) : UNKNOWN;
      }
      case 'dtype': return args.args[0]?.kind === 'array' ? { ...args.args[0], dtype: fn.dtype } : dtypeScalar(fn.dtype, args.args[0]);
      default: return UNKNOWN;
    }
  }

  private builtin(name: string, a: CallArgs): AValue {
    const x = a.args[0];
    switch (name) {
      case 'len':
        if (x?.kind === 'array') return int(x.shape && x.shape.length > 0 ? x.shape[0] : null);
        if (x?.kind === 'tuple') return int(x.items.length);
        if (x?.kind === 'list' && x.items) return int(x.items.length);
        return int(null);
      case 'range': {
        const v = a.args.map(dimOf);
        return a.args.length === 1 ? { kind: 'range', start: 0, stop: v[0], step: 1 } : { kind: 'range', start: v[0], stop: v[1], step: a.args.length > 2 ? v[2] : 1 };
      }
      case 'int': return x?.kind === 'int' ? x : int(null);
      case 'float': return FLOAT;
      case 'tuple': return x?.kind === 'tuple' ? x : x?.kind === 'list' && x.items ? tuple(x.items) : UNKNOWN;
      case 'list': return x?.kind === 'tuple' ? { kind: 'list', items: x.items, elem: x.items.length ? x.items.reduce(join) : UNKNOWN } : x?.kind === 'list' ? x : { kind: 'list', items: null, elem: UNKNOWN };
      case 'enumerate': {
        // a list of (index, item) pairs: unrolled loops see each pair (`for i, layer in enumerate(model)`)
        const first = a.args[1] ?? a.kwargs.get('start');
        const start = first === undefined ? 0 : dimOf(first);
        const items = x ? loopItems(x) : null;
        if (items && start !== null && isNum(start)) {
          const pairs = items.map((v, i) => tuple([int(start + i), v]));
          return { kind: 'list', items: pairs, elem: pairs.length ? pairs.reduce<AValue>(join, pairs[0]) : UNKNOWN };
        }
        return { kind: 'list', items: null, elem: tuple([int(null), x && x.kind !== 'layer' ? this.iterElementOf(x) : UNKNOWN]) };
      }
      case 'print': return NONE;
      case 'str': case 'repr': return str(null);
      case 'isinstance': case 'bool': return bool(null);
      case 'max': case 'min': case 'sum': case 'abs': case 'round':
        return x?.kind === 'int' && a.args.length === 1 ? int(null) : UNKNOWN;
      case 'super': return UNKNOWN;
      default: return UNKNOWN;
    }
  }

  private instantiate(cls: ClassValue, args: CallArgs, e: ast.Call): AValue {
    const inst: InstanceValue = { kind: 'instance', cls, attrs: JournaledMap.make(this.journal) };
    const init = cls.methods.get('__init__');
    if (init && !args.opaque) this.callFunction({ ...init, self: inst }, args, e, false);
    return inst;
  }

  /** Analyses a user function for one call (or, with `definition`, once with unknown/annotated params). */
  private callFunction(fn: FunctionValue, args: CallArgs, site: ast.Node & { range: ast.Range }, definition: boolean): AValue {
    const node = fn.node;
    // recursion is cut off; the same method on another object is not recursion
    // (`Sequential.__call__` calling each layer's inherited `__call__`)
    if (this.callStack.some((c) => c.node === node && c.self === fn.self) || this.callStack.length >= MAX_CALL_DEPTH) return UNKNOWN;
    const scope: Scope = { vars: JournaledMap.make(this.journal), parent: fn.closure };
    const a = node.args;
    const params = [...a.posonlyargs, ...a.args];
    let pos = 0;
    if (fn.self) { if (params[0]) scope.vars.set(params[0].name, fn.self); pos = 1; }
    const firstDefault = params.length - a.defaults.length;
    params.slice(pos).forEach((p, i) => {
      const k = i + pos;
      let v: AValue | undefined = definition ? undefined : args.args[i] ?? args.kwargs.get(p.name);
      if (v === undefined && k >= firstDefault) v = this.eval(a.defaults[k - firstDefault], fn.closure);
      if (v === undefined || (definition && v.kind !== 'array')) {
        const ann = p.annotation ? annotationShape(p.annotation) : null;
        const cs = commentShape(this.lines[p.range.line - 1]);
        if (ann) v = { kind: 'array', lib: ann.lib, shape: ann.shape, dtype: null, origin: { line: p.range.line, text: this.text(p) } };
        else if (cs) v = { kind: 'array', lib: 'numpy', shape: cs, dtype: null, origin: { line: p.range.line, text: this.text(p) } };
      }
      scope.vars.set(p.name, v ?? UNKNOWN);
    });
    for (const p of a.kwonlyargs) scope.vars.set(p.name, definition ? UNKNOWN : args.kwargs.get(p.name) ?? UNKNOWN);
    // `*layers`: the positional arguments past the named ones (unless a `*xs` at the call hides some)
    if (a.vararg) scope.vars.set(a.vararg.name, definition || args.opaque ? UNKNOWN : tuple(args.args.slice(params.length - pos)));
    if (a.kwarg) scope.vars.set(a.kwarg.name, { kind: 'dict' });
    this.callStack.push({ node, self: fn.self });
    const frame: Frame = { returns: null };
    try {
      if (node.kind === 'Lambda') return this.eval(node.body, scope);
      this.execBlock(node.body, scope, frame);
    } finally {
      this.callStack.pop();
    }
    void site;
    return frame.returns ?? NONE;
  }

  // ---- reporting -----------------------------------------------------------------------------

  private ctx(node: ast.Node & { range: ast.Range }): CallContext {
    return {
      node,
      origin: this.origin(node),
      report: (code, error, operands, fix) => this.report(node, code, error, operands, fix),
    };
  }

  private report(node: ast.Node & { range: ast.Range }, code: DiagnosticCode, error: ShapeError, operands: readonly Operand[], fix?: Fix): void {
    if (this.quiet > 0) return;
    const related: RelatedInfo[] = [];
    const parts: string[] = [];
    for (const o of operands) {
      const f = formatValue(o.value);
      if (!f || o.value.kind !== 'array') continue;
      const from = o.value.origin ? ` from line ${o.value.origin.line} \`${o.value.origin.text}\`` : '';
      parts.push(`${o.name}: ${f}${from}`);
      if (o.value.origin) {
        const line = o.value.origin.line;
        related.push({ message: `${o.name}: ${f}`, range: lineRange(this.lines, line) });
      }
    }
    this.raisedAt = node;
    const message = parts.length ? `${error.message.trimEnd()}\n${parts.join('; ')}` : error.message.trimEnd();
    const d: Diagnostic = { range: node.range, severity: 'error', code, message, runtimeMessage: error.message, pyType: error.pyType, related, fix };
    this.memo?.reports.push(d);
    this.addDiagnostic(d);
  }

  private origin(node: ast.Node & { range: ast.Range }): Origin {
    return { line: node.range.line, text: this.text(node) };
  }

  private text(node: { range: ast.Range }): string {
    const r = node.range;
    if (r.line === r.endLine) return (this.lines[r.line - 1] ?? '').slice(r.col, r.endCol);
    return (this.lines[r.line - 1] ?? '').slice(r.col).trim() + ' …';
  }
}

// ---- helpers -------------------------------------------------------------------------------

function constant(c: ast.ConstantValue): AValue {
  switch (c.type) {
    case 'int': return int(c.value >= BigInt(Number.MIN_SAFE_INTEGER) && c.value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(c.value) : null);
    case 'float': return { kind: 'float', value: c.value };
    case 'bool': return bool(c.value);
    case 'str': return str(c.value);
    case 'None': return NONE;
    default: return UNKNOWN;
  }
}

function lookup(scope: Scope, name: string): AValue {
  for (let s: Scope | null = scope; s; s = s.parent) {
    const v = s.vars.get(name);
    if (v !== undefined) return v;
  }
  return BUILTIN_NAMES.has(name) ? { kind: 'libfn', path: `builtins.${name}`, self: null } : UNKNOWN;
}

const BUILTIN_NAMES = new Set(['len', 'range', 'int', 'float', 'tuple', 'list', 'print', 'str', 'repr', 'isinstance', 'bool', 'max', 'min', 'sum', 'abs', 'round', 'super', 'enumerate', 'zip']);


function lookupOwn(scope: Scope, name: string): AValue | undefined {
  for (let s: Scope | null = scope; s; s = s.parent) {
    const v = s.vars.get(name);
    if (v !== undefined) return v;
  }
  return undefined;
}

/** Writes an overlay's variables into its base. */
function commit(base: Scope, o: Scope): void {
  for (const [k, v] of o.vars) base.vars.set(k, v);
}

/**
 * Joins two overlays of `base` (the two ways control can reach a point) into `base`. Only
 * the variables either side wrote are touched, so this is cheap in big modules. Returns
 * whether any variable of `base` changed (the loop fixpoint test).
 */
function mergeInto(base: Scope, a: Scope, b: Scope): boolean {
  let changed = false;
  const keys = new Set([...a.vars.keys(), ...b.vars.keys()]);
  for (const k of keys) {
    const old = lookupOwn(base, k);
    const va = a.vars.get(k) ?? old, vb = b.vars.get(k) ?? old;
    const v = va === undefined ? vb : vb === undefined ? va : va === vb ? va : join(va, vb);
    if (v === undefined) continue;
    if (old === undefined || !sameValueFast(v, old)) { base.vars.set(k, v); changed = true; }
  }
  return changed;
}

/**
 * A statement can be replayed when it defines nothing that holds syntax nodes (functions,
 * classes, instances: their positions would be stale) and wrote only module variables.
 */
function replayable(s: ast.Stmt, memo: StatementMemo, module: Scope): boolean {
  if (s.kind === 'FunctionDef') {
    // its one write, the function itself (replaying makes one for the moved node)
    const w = memo.writes[0];
    return memo.writes.length === 1 && w !== undefined && w.map === module.vars && w.key === s.name && (w.value as AValue).kind === 'function'
      && (w.value as FunctionValue).node === s && (w.value as FunctionValue).closure === module && s.decorators.length === 0;
  }
  if (s.kind === 'ClassDef') return false;
  return memo.writes.every((w) => w.map === module.vars && (w.del || plain(w.value as AValue, 0)));
}

/**
 * Two plain values that are equal in every part (origins included) are interchangeable: a
 * statement that read one computes the same from the other. (A loop joins its variables with
 * their values from before it, so `xb` after one loop reads the `xb` of the loop before.)
 */
function equalPlain(a: unknown, b: unknown): boolean {
  if (a === undefined || b === undefined || !plain(a as AValue, 0) || !plain(b as AValue, 0)) return false;
  return sameTree(a, b);
}

/** A value with no syntax nodes or mutable parts in it. */
function plain(v: AValue, depth: number): boolean {
  if (depth > 50) return false;
  switch (v.kind) {
    case 'function': case 'class': case 'instance': return false;
    case 'tuple': return v.items.every((x) => plain(x, depth + 1));
    case 'list': return (v.items === null || v.items.every((x) => plain(x, depth + 1))) && plain(v.elem, depth + 1);
    case 'libfn': return v.self === null || plain(v.self, depth + 1);
    case 'slice': return plain(v.lower, depth + 1) && plain(v.upper, depth + 1) && plain(v.step, depth + 1);
    case 'layer': return v.spec.type !== 'Sequential' || v.spec.layers.every((x) => plain(x, depth + 1));
    default: return true;
  }
}

/** `sameValue` without serialising, for the values loops compare most (arrays, ints). */
function sameValueFast(a: AValue, b: AValue): boolean {
  if (a === b) return true;
  if (a.kind !== b.kind) return false;
  if (a.kind === 'array') {
    const c = b as ArrayValue;
    if (a.lib !== c.lib || a.dtype !== c.dtype) return false;
    if (a.shape === null || c.shape === null) return a.shape === c.shape;
    return a.shape.length === c.shape.length && a.shape.every((d, i) => sameDim(d, c.shape![i]!));
  }
  if (a.kind === 'int') return sameDim(a.value, (b as typeof a).value);
  if (a.kind === 'unknown' || a.kind === 'none' || a.kind === 'dict') return true;
  return sameValue(a, b);
}

function sameDim(a: Dim | null, b: Dim | null): boolean {
  if (a === null || b === null) return a === b;
  return isNum(a) || isNum(b) ? a === b : a.text === b.text;
}

/** A block that always leaves (return/raise/continue/break at its end). */
function terminates(stmts: readonly ast.Stmt[]): boolean {
  const last = stmts[stmts.length - 1];
  return !!last && (last.kind === 'Return' || last.kind === 'Raise' || last.kind === 'Continue' || last.kind === 'Break');
}

function rowOf(v: ArrayValue): AValue {
  if (!v.shape) return { ...v };
  if (v.shape.length === 0) return UNKNOWN;
  if (v.shape.length === 1 && v.lib === 'numpy') return v.dtype?.startsWith('float') ? FLOAT : int(null);
  return { ...v, shape: v.shape.slice(1) };
}

/** The engine's index spec for one abstract index item, or null when it cannot be known. */
function indexSpec(v: AValue, node: ast.Expr | undefined): IndexSpec | null {
  switch (v.kind) {
    case 'int': return v.value !== null && isNum(v.value) ? { kind: 'int', value: v.value } : { kind: 'int' };
    case 'none': return { kind: 'newaxis' };
    case 'slice': {
      const num = (x: AValue): number | null | undefined => {
        if (x.kind === 'none') return null;
        const d = dimOf(x);
        return d !== null && isNum(d) ? d : undefined;
      };
      const lo = num(v.lower), hi = num(v.upper), st = num(v.step);
      if (st === undefined || lo === undefined || hi === undefined) return null;
      return { kind: 'slice', start: lo, stop: hi, step: st };
    }
    case 'array':
      if (!v.shape) return null;
      if (v.dtype === 'bool') return { kind: 'boolArray', shape: v.shape };
      if (v.dtype && v.dtype.startsWith('float')) return null;
      return v.dtype ? { kind: 'intArray', shape: v.shape } : null;
    case 'list': {
      if (!v.items) return null;
      const allInt = v.items.every((x) => x.kind === 'int');
      if (allInt) return { kind: 'intArray', shape: [v.items.length] };
      if (v.items.every((x) => x.kind === 'bool')) return { kind: 'boolArray', shape: [v.items.length], count: v.items.filter((x) => x.kind === 'bool' && x.value).length };
      return null;
    }
    case 'bool': return { kind: 'boolArray', shape: [] };
    default:
      // `x[..., 0]`: Ellipsis has no abstract value of its own; the syntax says it
      if (node?.kind === 'Constant' && node.value.type === 'Ellipsis') return { kind: 'ellipsis' };
      return null;
  }
}

/** The index item that produced result dim `k` of a simple (int/slice/newaxis) index. */
function specsItemFor(specs: readonly IndexSpec[], k: number): number {
  let d = 0;
  for (let i = 0; i < specs.length; i++) {
    if (specs[i].kind === 'slice' || specs[i].kind === 'newaxis') {
      if (d === k) return i;
      d++;
    }
  }
  return -1;
}

/** `X[i:i+bs]`: a slice whose stop is its start plus a length is at most that long (the last batch may be shorter). */
function refineBatchDim(items: readonly ast.Expr[], vals: readonly AValue[], i: number): Dim {
  const item = items[i];
  const v = vals[i];
  if (!item || item.kind !== 'Slice' || !v || v.kind !== 'slice') return sym('?');
  if (item.upper && item.upper.kind === 'BinOp' && item.upper.op === 'Add' && item.lower && textEq(item.upper.left, item.lower)) {
    const len = item.upper.right;
    if (len.kind === 'Name') return sym(`≤${len.id}`);
    if (len.kind === 'Constant' && len.value.type === 'int') return sym(`≤${len.value.value}`);
  }
  return sym('?');
}

function textEq(a: ast.Expr, b: ast.Expr): boolean {
  return a.kind === 'Name' && b.kind === 'Name' && a.id === b.id;
}

function lineRange(lines: readonly string[], line: number): ast.Range {
  let from = 0;
  for (let i = 0; i < line - 1; i++) from += (lines[i] ?? '').length + 1;
  const len = (lines[line - 1] ?? '').length;
  return { from, to: from + len, line, col: 0, endLine: line, endCol: len };
}

export { dimEq, shapeArg };

/**
 * `np.int32(3)`, `np.float64(x)`: a NumPy scalar. In NumPy 1.24's value-based casting an integer
 * scalar acts like a Python int of its value and a float64 scalar like a Python float; other
 * scalars (float32, bool, complex…) keep their own dtype, which these values cannot carry, so
 * they stay unknown rather than be taken for a Python float.
 */
function dtypeScalar(dtype: DType, arg: AValue | undefined): AValue {
  const info = dtypeInfo(dtype);
  if (info.kind === 'i' || info.kind === 'u') {
    // a value outside the type wraps (or raises) in NumPy: keep only values that fit
    const v = arg?.kind === 'int' ? arg.value : null;
    return int(typeof v === 'number' && v >= info.min && v <= info.max ? v : null);
  }
  if (dtype === 'float64') return FLOAT;
  return UNKNOWN;
}

/** List methods that change a list's length. */
const LIST_MUTATORS = new Set(['append', 'extend', 'insert', 'pop', 'remove', 'clear']);

/** Comprehensions longer than this keep an element summary only. */
const MAX_COMPREHENSION_ITEMS = 4096;

/** How many items iterating `v` gives, when that is a known number. */
function knownLength(v: AValue): number | null {
  if (v.kind === 'range') {
    const { start, stop, step } = v;
    if (start === null || stop === null || step === null || !isNum(start) || !isNum(stop) || !isNum(step) || step === 0) return null;
    return Math.max(0, Math.ceil((stop - start) / step));
  }
  if (v.kind === 'tuple') return v.items.length;
  if (v.kind === 'list') return v.items ? v.items.length : null;
  if (v.kind === 'array' && v.shape && v.shape.length > 0 && isNum(v.shape[0])) return v.shape[0];
  return null;
}
