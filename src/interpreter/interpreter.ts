// The tree-walking evaluator: executes the typed AST of src/python statement by statement,
// with Python's scoping (locals decided statically per function, closures over enclosing
// function scopes, class bodies skipped), calls with CPython's argument binding and texts,
// generators (JS generators over the statements that contain `yield`), comprehensions as
// their own frames, try/except/finally with __context__/__cause__, and the traceback
// entries each frame adds as an exception passes. It never evaluates source text itself
// (no JS eval/Function); operators and attribute protocols live in objects.ts.

import { PyBytes } from './pybytes';
import type * as A from '../python/ast';
import { Interrupt, newException, pyError, PyRaise, toPyRaise } from './errors';
import { normBig } from './numfmt';
import {
  binaryOp, callValue, compareOp, delAttr, delItem, dictSet, getAttr, getItem, getIterator, inplaceOp, isIterable, iterToArray,
  lookupSpecial, newSet, setAttr, setItem, truth, typeName, unaryOp,
} from './objects';
import { pyFormat, pyRepr, pyStr, asciiRepr } from './repr';
import { rt } from './runtime';
import {
  ELLIPSIS, EXC, Kwargs, emptyKwargs, PyBuiltin, PyClass, PyClassMethod, PyDict, PyFloat, PyFunction, PyGenerator,
  PyInstance, PyProperty, PyRange, PySlice, PyStaticMethod, PySuper, PyTuple, Scope, ScopeInfo, T_OBJECT, T_SUPER, Value, MroError, TbEntry, Located,
} from './values';
import { importFrom, importModule } from './modules';

export const NORMAL = 0, BREAK = 1, CONTINUE = 2, RETURN = 3;

const MODULE = 0, FUNCTION = 1, CLASS = 2, COMP = 3;
type FrameKind = typeof MODULE | typeof FUNCTION | typeof CLASS | typeof COMP;

export class Frame {
  /** The node whose instruction is executing (what a traceback entry points at). */
  node: Located | null = null;
  retval: Value = null;
  constructor(
    readonly name: string,
    readonly kind: FrameKind,
    readonly scope: Scope,
    readonly globals: Map<string, Value>,
    readonly func: PyFunction | null,
    /** Prefix for the qualname of functions and classes defined here. */
    readonly qualPrefix: string,
  ) {}
}

/** The scope nested functions close over: class scopes are skipped, as in Python. */
function lexicalScope(f: Frame): Scope | null {
  switch (f.kind) {
    case MODULE: return null;
    case CLASS: return f.scope.parent;
    default: return f.scope;
  }
}

// ---- static scope analysis ------------------------------------------------------------------

const infoCache = new WeakMap<object, ScopeInfo>();
const yieldCache = new WeakMap<object, boolean>();

export function childNodes(n: object): object[] {
  const out: object[] = [];
  for (const [k, v] of Object.entries(n)) {
    if (k === 'range' || k === 'nameRange' || k === 'attrRange' || v === null || typeof v !== 'object') continue;
    if (Array.isArray(v)) { for (const x of v) if (x && typeof x === 'object' && 'kind' in x) out.push(x); }
    else if ('kind' in v) out.push(v);
  }
  return out;
}

function targetNames(t: A.Expr, out: Set<string>): void {
  switch (t.kind) {
    case 'Name': out.add(t.id); break;
    case 'Tuple': case 'List': for (const e of t.elts) targetNames(e, out); break;
    case 'Starred': targetNames(t.value, out); break;
    default: break;
  }
}

function analyzeBody(root: object, locals: Set<string>, globals: Set<string>, nonlocals: Set<string>): boolean {
  let isGen = false;
  const visit = (n: A.Node): void => {
    switch (n.kind) {
      case 'FunctionDef':
        locals.add(n.name);
        for (const d of n.decorators) visit(d);
        for (const d of n.args.defaults) visit(d);
        for (const d of n.args.kwDefaults) if (d) visit(d);
        return;
      case 'ClassDef':
        locals.add(n.name);
        for (const d of n.decorators) visit(d);
        for (const b of n.bases) visit(b);
        return;
      case 'Lambda':
        for (const d of n.args.defaults) visit(d);
        return;
      case 'Global': for (const x of n.names) globals.add(x); return;
      case 'Nonlocal': for (const x of n.names) nonlocals.add(x); return;
      case 'Assign': for (const t of n.targets) targetNames(t, locals); break;
      case 'AugAssign': targetNames(n.target, locals); break;
      case 'AnnAssign': targetNames(n.target, locals); break;
      case 'For': targetNames(n.target, locals); break;
      case 'With': for (const it of n.items) if (it.optionalVars) targetNames(it.optionalVars, locals); break;
      case 'ExceptHandler': if (n.name) locals.add(n.name); break;
      case 'Import': for (const a of n.names) locals.add(a.asname ?? a.name.split('.')[0]); break;
      case 'ImportFrom': for (const a of n.names) if (a.name !== '*') locals.add(a.asname ?? a.name); break;
      case 'Delete': for (const t of n.targets) targetNames(t, locals); break;
      case 'NamedExpr': targetNames(n.target, locals); break;
      case 'Yield': case 'YieldFrom': isGen = true; break;
      case 'GeneratorExp': case 'ListComp': case 'SetComp': case 'DictComp':
        // only walrus targets leak out of a comprehension
        for (const c of childNodes(n)) visitComp(c as A.Node);
        return;
      default: break;
    }
    for (const c of childNodes(n)) visit(c as A.Node);
  };
  const visitComp = (n: A.Node): void => {
    if (n.kind === 'NamedExpr') targetNames(n.target, locals);
    if (n.kind === 'Lambda' || n.kind === 'FunctionDef' || n.kind === 'ClassDef') return;
    for (const c of childNodes(n)) visitComp(c as A.Node);
  };
  for (const c of Array.isArray(root) ? root : [root]) visit(c as A.Node);
  return isGen;
}

export function functionInfo(node: A.FunctionDef | A.Lambda): ScopeInfo {
  let info = infoCache.get(node);
  if (info) return info;
  const locals = new Set<string>(), globals = new Set<string>(), nonlocals = new Set<string>();
  const a = node.args;
  for (const p of [...a.posonlyargs, ...a.args, ...a.kwonlyargs]) locals.add(p.name);
  if (a.vararg) locals.add(a.vararg.name);
  if (a.kwarg) locals.add(a.kwarg.name);
  const isGenerator = analyzeBody(node.kind === 'Lambda' ? [node.body] : node.body, locals, globals, nonlocals);
  for (const g of globals) locals.delete(g);
  for (const g of nonlocals) locals.delete(g);
  info = { locals, globals, nonlocals, isGenerator };
  infoCache.set(node, info);
  return info;
}

function compInfo(node: A.ListComp | A.SetComp | A.DictComp | A.GeneratorExp): ScopeInfo {
  let info = infoCache.get(node);
  if (info) return info;
  const locals = new Set<string>();
  for (const g of node.generators) targetNames(g.target, locals);
  info = { locals, globals: new Set(), nonlocals: new Set(), isGenerator: false };
  infoCache.set(node, info);
  return info;
}

function hasYield(n: object): boolean {
  const cached = yieldCache.get(n);
  if (cached !== undefined) return cached;
  const node = n as A.Node;
  let r = false;
  if (node.kind === 'Yield' || node.kind === 'YieldFrom') r = true;
  else if (node.kind !== 'FunctionDef' && node.kind !== 'ClassDef' && node.kind !== 'Lambda') {
    for (const c of childNodes(n)) if (hasYield(c)) { r = true; break; }
  }
  yieldCache.set(n, r);
  return r;
}

// ---- names --------------------------------------------------------------------------------------

function nameError(id: string, f: Frame, node: Located): PyRaise {
  f.node = node;
  const r = pyError('NameError', `name '${id}' is not defined`);
  r.exc.dict.set('name', id);
  return r;
}

const GLOBAL_NAME = Symbol('globalName');

function loadName(node: A.Name, f: Frame): Value {
  const id = node.id;
  let v: Value;
  switch (f.kind) {
    case MODULE:
      v = f.globals.get(id);
      if (v !== undefined) return v;
      break;
    case CLASS:
      v = f.scope.vars.get(id);
      if (v !== undefined) return v;
      for (let s = f.scope.parent; s; s = s.parent) {
        if (s.info!.locals.has(id)) {
          v = s.vars.get(id);
          if (v !== undefined) return v;
        }
      }
      v = f.globals.get(id);
      if (v !== undefined) return v;
      break;
    default: {
      const scope = f.scope;
      const info = scope.info!;
      if (f.kind === FUNCTION && (node as unknown as Record<symbol, number>)[GLOBAL_NAME] === 1) {
        v = f.globals.get(id);
        if (v !== undefined) return v;
        v = rt.builtins.get(id);
        if (v !== undefined) return v;
        throw nameError(id, f, node);
      }
      if (info.locals.has(id)) {
        v = scope.vars.get(id);
        if (v !== undefined) return v;
        if (f.kind === FUNCTION) {
          f.node = node;
          const r = pyError('UnboundLocalError', `cannot access local variable '${id}' where it is not associated with a value`);
          r.exc.dict.set('name', id);
          throw r;
        }
      }
      if (!info.globals.has(id)) {
        for (let s = scope.parent; s; s = s.parent) {
          if (s.info!.locals.has(id)) {
            v = s.vars.get(id);
            if (v !== undefined) return v;
            f.node = node;
            const r = pyError('NameError', `cannot access free variable '${id}' where it is not associated with a value in enclosing scope`);
            r.exc.dict.set('name', id);
            throw r;
          }
        }
      }
      // neither local nor free here: this Name node always resolves globally
      if (f.kind === FUNCTION) (node as unknown as Record<symbol, number>)[GLOBAL_NAME] = 1;
      v = f.globals.get(id);
      if (v !== undefined) return v;
    }
  }
  v = rt.builtins.get(id);
  if (v !== undefined) return v;
  throw nameError(id, f, node);
}

export function storeName(f: Frame, id: string, v: Value): void {
  switch (f.kind) {
    case MODULE: f.globals.set(id, v); return;
    case CLASS: f.scope.vars.set(id, v); return;
    default: {
      const info = f.scope.info!;
      if (info.locals.has(id)) { f.scope.vars.set(id, v); return; }
      if (info.globals.has(id)) { f.globals.set(id, v); return; }
      if (info.nonlocals.has(id)) {
        for (let s = f.scope.parent; s; s = s.parent) if (s.info!.locals.has(id)) { s.vars.set(id, v); return; }
      }
      if (f.kind === COMP) {
        // walrus inside a comprehension binds in the enclosing function (or module)
        for (let s = f.scope.parent; s; s = s.parent) if (s.info!.locals.has(id)) { s.vars.set(id, v); return; }
        f.globals.set(id, v);
        return;
      }
      f.scope.vars.set(id, v);
    }
  }
}

function deleteName(f: Frame, id: string, node: Located): void {
  let ok: boolean;
  switch (f.kind) {
    case MODULE: ok = f.globals.delete(id); break;
    case CLASS: ok = f.scope.vars.delete(id); break;
    default: {
      const info = f.scope.info!;
      if (info.globals.has(id)) ok = f.globals.delete(id);
      else ok = f.scope.vars.delete(id);
      if (!ok && info.locals.has(id)) {
        f.node = node;
        throw pyError('UnboundLocalError', `cannot access local variable '${id}' where it is not associated with a value`);
      }
    }
  }
  if (!ok) throw nameError(id, f, node);
}

// ---- tracebacks ------------------------------------------------------------------------------------

/** Normalises a JS throw and adds this frame's traceback entry (once per propagation). */
export function unwind(e: unknown, f: Frame): PyRaise | Interrupt {
  const r = toPyRaise(e);
  const st = r.exc.exc!;
  if (st.lastFrame !== f) {
    const node = f.node;
    const entry: TbEntry = { filename: rt.filename, name: f.name, node, line: node ? node.range.line : 0, frame: f };
    st.traceback.unshift(entry);
    st.lastFrame = f;
  }
  return r;
}

function checkDepth(): void {
  if (rt.depth >= rt.limits.recursionLimit) throw pyError('RecursionError', 'maximum recursion depth exceeded');
}

// ---- statements --------------------------------------------------------------------------------------

export function execBlock(stmts: readonly A.Stmt[], f: Frame): number {
  for (let i = 0; i < stmts.length; i++) {
    const c = execStmt(stmts[i], f);
    if (c !== NORMAL) return c;
  }
  return NORMAL;
}

function testValue(e: A.Expr, f: Frame): boolean {
  const v = evalExpr(e, f);
  if (typeof v === 'boolean') return v;
  f.node = e;
  return truth(v);
}

function execStmt(s: A.Stmt, f: Frame): number {
  switch (s.kind) {
    case 'Expr':
      evalExpr(s.value, f);
      return NORMAL;
    case 'Assign': {
      const v = evalExpr(s.value, f);
      const ts = s.targets;
      for (let i = 0; i < ts.length; i++) assignTo(ts[i], v, f);
      return NORMAL;
    }
    case 'AugAssign': execAugAssign(s, f); return NORMAL;
    case 'AnnAssign': execAnnAssign(s, f); return NORMAL;
    case 'If': return testValue(s.test, f) ? execBlock(s.body, f) : execBlock(s.orelse, f);
    case 'For': return execFor(s, f);
    case 'While': return execWhile(s, f);
    case 'Return':
      f.retval = s.value ? evalExpr(s.value, f) : null;
      return RETURN;
    case 'Pass': return NORMAL;
    case 'Break': return BREAK;
    case 'Continue': return CONTINUE;
    case 'FunctionDef': execFunctionDef(s, f); return NORMAL;
    case 'ClassDef': execClassDef(s, f); return NORMAL;
    case 'Try': return execTry(s, f);
    case 'Raise': return execRaise(s, f);
    case 'With': return execWith(s, 0, f);
    case 'Assert': {
      if (testValue(s.test, f)) return NORMAL;
      const args = s.msg ? [evalExpr(s.msg, f)] : [];
      f.node = s.test;
      throw new PyRaise(newException(EXC.AssertionError, args));
    }
    case 'Import': execImport(s, f); return NORMAL;
    case 'ImportFrom': execImportFrom(s, f); return NORMAL;
    case 'Global': case 'Nonlocal': return NORMAL;
    case 'Delete':
      for (const t of s.targets) deleteTarget(t, f);
      return NORMAL;
    case 'ErrorStmt':
      f.node = s;
      throw pyError('SyntaxError', 'invalid syntax');
    default:
      return assertNeverStmt(s);
  }
}

function assertNeverStmt(s: never): number {
  throw new Error(`internal error: unknown statement ${JSON.stringify((s as A.Node).kind)}`);
}

function deleteTarget(t: A.Expr, f: Frame): void {
  switch (t.kind) {
    case 'Name': deleteName(f, t.id, t); return;
    case 'Subscript': { const o = evalExpr(t.value, f); const i = evalExpr(t.slice, f); f.node = t; delItem(o, i); return; }
    case 'Attribute': { const o = evalExpr(t.value, f); f.node = t; delAttr(o, t.attr); return; }
    case 'Tuple': case 'List': for (const e of t.elts) deleteTarget(e, f); return;
    default: f.node = t; throw pyError('SyntaxError', 'cannot delete expression');
  }
}

export function assignTo(t: A.Expr, v: Value, f: Frame): void {
  switch (t.kind) {
    case 'Name': storeName(f, t.id, v); return;
    case 'Attribute': {
      const o = evalExpr(t.value, f);
      f.node = t;
      setAttr(o, t.attr, v);
      return;
    }
    case 'Subscript': {
      const o = evalExpr(t.value, f);
      const i = evalExpr(t.slice, f);
      f.node = t;
      setItem(o, i, v);
      return;
    }
    case 'Tuple': case 'List': unpackTo(t.elts, v, f, t); return;
    default:
      f.node = t;
      throw pyError('SyntaxError', 'cannot assign to expression');
  }
}

function unpackTo(elts: readonly A.Expr[], v: Value, f: Frame, node: Located): void {
  let star = -1;
  for (let i = 0; i < elts.length; i++) if (elts[i].kind === 'Starred') { star = i; break; }
  let items: readonly Value[];
  if (v instanceof PyTuple) items = v.items;
  else if (Array.isArray(v)) items = v;
  else {
    f.node = node;
    if (!isIterable(v)) throw pyError('TypeError', `cannot unpack non-iterable ${typeName(v)} object`);
    items = iterToArray(v);
  }
  if (star < 0) {
    if (items.length !== elts.length) {
      f.node = node;
      if (items.length < elts.length) throw pyError('ValueError', `not enough values to unpack (expected ${elts.length}, got ${items.length})`);
      throw pyError('ValueError', `too many values to unpack (expected ${elts.length})`);
    }
    for (let i = 0; i < elts.length; i++) assignTo(elts[i], items[i], f);
    return;
  }
  const after = elts.length - star - 1;
  if (items.length < star + after) {
    f.node = node;
    throw pyError('ValueError', `not enough values to unpack (expected at least ${star + after}, got ${items.length})`);
  }
  for (let i = 0; i < star; i++) assignTo(elts[i], items[i], f);
  assignTo((elts[star] as A.Starred).value, items.slice(star, items.length - after), f);
  for (let i = 0; i < after; i++) assignTo(elts[star + 1 + i], items[items.length - after + i], f);
}

function execAugAssign(s: A.AugAssign, f: Frame): void {
  const t = s.target;
  switch (t.kind) {
    case 'Name': {
      const cur = loadName(t, f);
      const rhs = evalExpr(s.value, f);
      f.node = s;
      storeName(f, t.id, inplaceOp(s.op, cur, rhs));
      return;
    }
    case 'Attribute': {
      const o = evalExpr(t.value, f);
      f.node = t;
      const cur = getAttr(o, t.attr);
      const rhs = evalExpr(s.value, f);
      f.node = s;
      const r = inplaceOp(s.op, cur, rhs);
      f.node = t;
      setAttr(o, t.attr, r);
      return;
    }
    case 'Subscript': {
      const o = evalExpr(t.value, f);
      const i = evalExpr(t.slice, f);
      f.node = t;
      const cur = getItem(o, i);
      const rhs = evalExpr(s.value, f);
      f.node = s;
      const r = inplaceOp(s.op, cur, rhs);
      f.node = t;
      setItem(o, i, r);
      return;
    }
    default:
      f.node = s;
      throw pyError('SyntaxError', "'expression' is an illegal expression for augmented assignment");
  }
}

function execAnnAssign(s: A.AnnAssign, f: Frame): void {
  if (f.kind !== FUNCTION) {
    const ann = evalExpr(s.annotation, f);
    if (s.simple && s.target.kind === 'Name') {
      const store = f.kind === MODULE ? f.globals : f.scope.vars;
      let d = store.get('__annotations__');
      if (!(d instanceof PyDict)) { d = new PyDict(); store.set('__annotations__', d); }
      dictSet(d, s.target.id, ann);
    }
  }
  if (s.value) assignTo(s.target, evalExpr(s.value, f), f);
}

function execFor(s: A.For, f: Frame): number {
  const iterable = evalExpr(s.iter, f);
  const body = s.body, target = s.target;
  let broke = false;
  if (iterable instanceof PyRange && target.kind === 'Name') {
    const r = iterable;
    const n = r.length;
    for (let i = 0; i < n; i++) {
      storeName(f, target.id, r.start + i * r.step);
      const c = execBlock(body, f);
      if (c !== NORMAL && c !== CONTINUE) {
        if (c === BREAK) { broke = true; break; }
        return c;
      }
      f.node = s;
      rt.tick();
    }
  } else {
    f.node = s;
    const it = getIterator(iterable);
    for (;;) {
      f.node = s;
      const r = it.next();
      if (r.done) break;
      assignTo(target, r.value, f);
      const c = execBlock(body, f);
      if (c !== NORMAL && c !== CONTINUE) {
        if (c === BREAK) { broke = true; break; }
        return c;
      }
      rt.tick();
    }
  }
  if (!broke && s.orelse.length) return execBlock(s.orelse, f);
  return NORMAL;
}


function execWhile(s: A.While, f: Frame): number {
  let broke = false;
  while (testValue(s.test, f)) {
    const c = execBlock(s.body, f);
    if (c !== NORMAL && c !== CONTINUE) {
      if (c === BREAK) { broke = true; break; }
      return c;
    }
    f.node = s;
    rt.tick();
  }
  if (!broke && s.orelse.length) return execBlock(s.orelse, f);
  return NORMAL;
}

function qualnameIn(f: Frame, name: string): string {
  return f.qualPrefix + name;
}

function makeFunction(node: A.FunctionDef | A.Lambda, f: Frame): PyFunction {
  const a = node.args;
  const defaults = a.defaults.map((d) => evalExpr(d, f));
  const kwDefaults = new Map<string, Value>();
  a.kwonlyargs.forEach((arg, i) => {
    const d = a.kwDefaults[i];
    if (d) kwDefaults.set(arg.name, evalExpr(d, f));
  });
  const name = node.kind === 'Lambda' ? '<lambda>' : node.name;
  const fn = new PyFunction(name, qualnameIn(f, name), node, defaults, kwDefaults, lexicalScope(f), f.globals, functionInfo(node), '__main__');
  if (node.kind === 'FunctionDef') {
    // annotations are evaluated at definition time in 3.11
    const anns: [string, Value][] = [];
    for (const arg of [...a.posonlyargs, ...a.args, ...(a.vararg ? [a.vararg] : []), ...a.kwonlyargs, ...(a.kwarg ? [a.kwarg] : [])]) {
      if (arg.annotation) anns.push([arg.name, evalExpr(arg.annotation, f)]);
    }
    if (node.returns) anns.push(['return', evalExpr(node.returns, f)]);
    if (anns.length) {
      const d = new PyDict();
      for (const [k, v] of anns) dictSet(d, k, v);
      fn.dict.set('__annotations__', d);
    }
    const first = node.body[0];
    if (first && first.kind === 'Expr' && first.value.kind === 'Constant' && first.value.value.type === 'str') fn.doc = first.value.value.value;
  }
  return fn;
}

function execFunctionDef(s: A.FunctionDef, f: Frame): void {
  const decos = s.decorators.map((d) => evalExpr(d, f));
  let v: Value = makeFunction(s, f);
  for (let i = decos.length - 1; i >= 0; i--) {
    f.node = s.decorators[i];
    v = callValue(decos[i], [v], null);
  }
  storeName(f, s.name, v);
}

function execClassDef(s: A.ClassDef, f: Frame): void {
  const decos = s.decorators.map((d) => evalExpr(d, f));
  const bases: PyClass[] = [];
  for (const b of s.bases) {
    const v = evalExpr(b, f);
    if (!(v instanceof PyClass)) {
      f.node = s;
      throw pyError('TypeError', v instanceof PyFunction || v instanceof PyBuiltin
        ? `${v instanceof PyFunction ? 'function' : 'builtin_function_or_method'}() argument 'code' must be code, not str`
        : `metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases`);
    }
    bases.push(v);
  }
  for (const k of s.keywords) evalExpr(k.value, f);
  const qual = qualnameIn(f, s.name);
  const ns = new Map<string, Value>([['__module__', '__main__'], ['__qualname__', qual]]);
  const first = s.body[0];
  if (first && first.kind === 'Expr' && first.value.kind === 'Constant' && first.value.value.type === 'str') ns.set('__doc__', first.value.value.value);
  const cf = new Frame(s.name, CLASS, new Scope(ns, null, lexicalScope(f)), f.globals, null, `${qual}.`);
  f.node = s;
  checkDepth();
  rt.depth++;
  const saved = rt.frame;
  rt.frame = cf;
  try {
    execBlock(s.body, cf);
  } catch (e) {
    throw unwind(e, cf);
  } finally {
    rt.depth--;
    rt.frame = saved;
  }
  f.node = s;
  let cls: PyClass;
  try {
    cls = new PyClass(s.name, bases.length ? bases : [T_OBJECT], '__main__', qual);
  } catch (e) {
    if (e instanceof MroError) throw pyError('TypeError', e.message);
    throw e;
  }
  for (const [k, v] of ns) {
    cls.dict.set(k, v);
    const fn = v instanceof PyStaticMethod || v instanceof PyClassMethod ? v.func : v;
    if (fn instanceof PyFunction) fn.definingClass = cls;
    if (v instanceof PyProperty) {
      if (!v.name) v.name = k;
      for (const acc of [v.fget, v.fset, v.fdel]) if (acc instanceof PyFunction) acc.definingClass = cls;
    }
  }
  if (ns.has('__eq__') && !ns.has('__hash__')) cls.dict.set('__hash__', null);
  let v: Value = cls;
  for (let i = decos.length - 1; i >= 0; i--) {
    f.node = s.decorators[i];
    v = callValue(decos[i], [v], null);
  }
  storeName(f, s.name, v);
}

function matchesHandler(h: A.ExceptHandler, exc: PyInstance, f: Frame): boolean {
  if (!h.type) return true;
  const t = evalExpr(h.type, f);
  const check = (c: Value): boolean => {
    if (!(c instanceof PyClass) || !c.isException) {
      f.node = h.type;
      throw pyError('TypeError', 'catching classes that do not inherit from BaseException is not allowed');
    }
    return exc.cls.isSubclassOf(c);
  };
  if (t instanceof PyTuple) return t.items.some(check);
  return check(t);
}

function runHandler(h: A.ExceptHandler, exc: PyInstance, f: Frame): number {
  rt.handling.push(exc);
  try {
    if (h.name) storeName(f, h.name, exc);
    return execBlock(h.body, f);
  } catch (e) {
    if (e instanceof PyRaise && e.exc !== exc && e.exc.exc && e.exc.exc.context === null && !chainContains(exc, e.exc)) e.exc.exc.context = exc;
    throw e;
  } finally {
    rt.handling.pop();
    if (h.name) {
      if (f.kind === MODULE) f.globals.delete(h.name);
      else f.scope.vars.delete(h.name);
    }
  }
}

function chainContains(start: PyInstance, target: PyInstance): boolean {
  for (let e: PyInstance | null = start; e; e = e.exc?.context ?? null) if (e === target) return true;
  return false;
}

function execTry(s: A.Try, f: Frame): number {
  let c = NORMAL;
  try {
    let handled = false;
    try {
      c = execBlock(s.body, f);
    } catch (e) {
      if (e instanceof Interrupt) throw e;
      const r = unwind(e, f) as PyRaise;
      let h: A.ExceptHandler | null = null;
      for (const cand of s.handlers) if (matchesHandler(cand, r.exc, f)) { h = cand; break; }
      if (!h) throw r;
      handled = true;
      c = runHandler(h, r.exc, f);
    }
    if (!handled && c === NORMAL && s.orelse.length) c = execBlock(s.orelse, f);
  } catch (e) {
    if (s.finalbody.length === 0 || e instanceof Interrupt) throw e;
    const r = unwind(e, f);
    let fc: number;
    try {
      fc = execBlock(s.finalbody, f);
    } catch (e2) {
      if (e2 instanceof PyRaise && r instanceof PyRaise && e2.exc !== r.exc && e2.exc.exc && e2.exc.exc.context === null) e2.exc.exc.context = r.exc;
      throw e2;
    }
    if (fc !== NORMAL) return fc;
    throw r;
  }
  if (s.finalbody.length) {
    const saved = f.retval;
    const fc = execBlock(s.finalbody, f);
    if (fc !== NORMAL) return fc;
    f.retval = saved;
  }
  return c;
}

function toException(v: Value, f: Frame, node: Located): PyInstance {
  if (v instanceof PyClass && v.isException) {
    const inst = callValue(v, [], null);
    if (!(inst instanceof PyInstance) || !inst.exc) {
      f.node = node;
      throw pyError('TypeError', `calling ${pyRepr(v)} should have returned an instance of BaseException, not ${typeName(inst)}`);
    }
    return inst;
  }
  if (v instanceof PyInstance && v.exc) return v;
  f.node = node;
  throw pyError('TypeError', 'exceptions must derive from BaseException');
}

function execRaise(s: A.Raise, f: Frame): never {
  if (!s.exc) {
    f.node = s;
    const cur = rt.handling[rt.handling.length - 1];
    if (!cur) throw pyError('RuntimeError', 'No active exception to reraise');
    throw new PyRaise(cur);
  }
  const exc = toException(evalExpr(s.exc, f), f, s);
  const st = exc.exc!;
  if (s.cause) {
    const c = evalExpr(s.cause, f);
    if (c === null) st.cause = null;
    else {
      if (!(c instanceof PyClass && c.isException) && !(c instanceof PyInstance && c.exc)) {
        f.node = s;
        throw pyError('TypeError', 'exception causes must derive from BaseException');
      }
      st.cause = toException(c, f, s);
    }
    st.suppressContext = true;
  }
  f.node = s;
  st.lastFrame = null;
  const cur = rt.handling[rt.handling.length - 1];
  if (cur && cur !== exc && !chainContains(cur, exc)) st.context = cur;
  throw new PyRaise(exc);
}

function execWith(s: A.With, i: number, f: Frame): number {
  if (i === s.items.length) return execBlock(s.body, f);
  const item = s.items[i];
  const mgr = evalExpr(item.contextExpr, f);
  f.node = item.contextExpr;
  const enter = lookupSpecial(mgr, '__enter__');
  const exit = lookupSpecial(mgr, '__exit__');
  if (enter === undefined || exit === undefined) {
    throw pyError('TypeError', `'${typeName(mgr)}' object does not support the context manager protocol`);
  }
  const v = callValue(enter, [mgr], null);
  if (item.optionalVars) assignTo(item.optionalVars, v, f);
  let c: number;
  try {
    c = execWith(s, i + 1, f);
  } catch (e) {
    if (e instanceof Interrupt) throw e;
    const r = unwind(e, f) as PyRaise;
    rt.handling.push(r.exc);
    let suppress: boolean;
    try {
      suppress = truth(callValue(exit, [mgr, r.exc.cls, r.exc, null], null));
    } finally {
      rt.handling.pop();
    }
    if (suppress) return NORMAL;
    throw r;
  }
  f.node = s;
  callValue(exit, [mgr, null, null, null], null);
  return c;
}

function execImport(s: A.Import, f: Frame): void {
  for (const a of s.names) {
    f.node = s;
    const mod = importModule(a.name);
    if (a.asname) storeName(f, a.asname, mod);
    else storeName(f, a.name.split('.')[0], importModule(a.name.split('.')[0]));
  }
}

function execImportFrom(s: A.ImportFrom, f: Frame): void {
  f.node = s;
  if (s.level > 0) throw pyError('ImportError', 'attempted relative import with no known parent package');
  const modName = s.module ?? '';
  const mod = importModule(modName);
  for (const a of s.names) {
    if (a.name === '*') {
      for (const [k, v] of importFrom(mod, '*') as [string, Value][]) storeName(f, k, v);
      continue;
    }
    storeName(f, a.asname ?? a.name, importFrom(mod, a.name));
  }
}

// ---- expressions -------------------------------------------------------------------------------------

const CONST = Symbol('const');

function constValue(e: A.Constant): Value {
  const cached = (e as unknown as Record<symbol, Value>)[CONST];
  if (cached !== undefined) return cached;
  const c = e.value;
  let v: Value;
  switch (c.type) {
    case 'int': v = normBig(c.value); break;
    case 'float': v = new PyFloat(c.value); break;
    case 'str': v = c.value; break;
    case 'bool': v = c.value; break;
    case 'None': v = null; break;
    case 'Ellipsis': v = ELLIPSIS; break;
    case 'bytes': v = new PyBytes(c.value, false); break;
    case 'complex': throw pyError('NotImplementedError', 'complex numbers are not supported by Shape Lens');
  }
  if (v !== null) (e as unknown as Record<symbol, Value>)[CONST] = v;
  return v;
}

export function evalExpr(e: A.Expr, f: Frame): Value {
  switch (e.kind) {
    case 'Constant': return constValue(e);
    case 'Name': return loadName(e, f);
    case 'BinOp': {
      const a = evalExpr(e.left, f);
      const b = evalExpr(e.right, f);
      f.node = e;
      return binaryOp(e.op, a, b);
    }
    case 'Call': return evalCall(e, f);
    case 'Attribute': {
      const o = evalExpr(e.value, f);
      f.node = e;
      return getAttr(o, e.attr);
    }
    case 'Subscript': {
      const o = evalExpr(e.value, f);
      const i = evalExpr(e.slice, f);
      f.node = e;
      return getItem(o, i);
    }
    case 'Compare': return evalCompare(e, f);
    case 'BoolOp': {
      let v: Value = null;
      const vals = e.values;
      for (let i = 0; i < vals.length; i++) {
        v = evalExpr(vals[i], f);
        if (i === vals.length - 1) break;
        let t: boolean;
        if (typeof v === 'boolean') t = v;
        else { f.node = vals[i]; t = truth(v); }
        if (e.op === 'And' ? !t : t) break;
      }
      return v;
    }
    case 'UnaryOp': {
      const v = evalExpr(e.operand, f);
      if (e.op === 'Not' && typeof v === 'boolean') return !v;
      f.node = e;
      return unaryOp(e.op, v);
    }
    case 'List': return evalElements(e.elts, f);
    case 'Tuple': return new PyTuple(evalElements(e.elts, f));
    case 'Set': {
      const items = evalElements(e.elts, f);
      f.node = e;
      return newSet(items);
    }
    case 'Dict': return evalDict(e, f);
    case 'IfExp': return testValue(e.test, f) ? evalExpr(e.body, f) : evalExpr(e.orelse, f);
    case 'JoinedStr': return evalJoinedStr(e, f);
    case 'Slice':
      return new PySlice(e.lower ? evalExpr(e.lower, f) : null, e.upper ? evalExpr(e.upper, f) : null, e.step ? evalExpr(e.step, f) : null);
    case 'Lambda': return makeFunction(e, f);
    case 'ListComp': case 'SetComp': case 'DictComp': return evalComprehension(e, f);
    case 'GeneratorExp': return evalGenExp(e, f);
    case 'NamedExpr': {
      const v = evalExpr(e.value, f);
      storeName(f, e.target.id, v);
      return v;
    }
    case 'FormattedValue': return formatValue(e, f);
    case 'Starred':
      f.node = e;
      throw pyError('SyntaxError', "can't use starred expression here");
    case 'Yield': case 'YieldFrom':
      f.node = e;
      throw pyError('NotImplementedError', 'this use of yield is not supported by Shape Lens (yield must be a statement or the value of an assignment)');
    case 'Await':
      f.node = e;
      throw pyError('NotImplementedError', 'async code is not supported by Shape Lens');
    default:
      return assertNeverExpr(e);
  }
}

function assertNeverExpr(e: never): never {
  throw new Error(`internal error: unknown expression ${JSON.stringify((e as A.Node).kind)}`);
}

function evalElements(elts: readonly A.Expr[], f: Frame): Value[] {
  const out: Value[] = [];
  for (let i = 0; i < elts.length; i++) {
    const el = elts[i];
    if (el.kind === 'Starred') {
      const v = evalExpr(el.value, f);
      f.node = el;
      if (!isIterable(v)) throw pyError('TypeError', `Value after * must be an iterable, not ${typeName(v)}`);
      for (const x of iterToArray(v)) out.push(x);
    } else out.push(evalExpr(el, f));
  }
  return out;
}

function evalDict(e: A.Dict, f: Frame): PyDict {
  const d = new PyDict();
  for (let i = 0; i < e.keys.length; i++) {
    const k = e.keys[i];
    if (k === null) {
      const m = evalExpr(e.values[i], f);
      f.node = e.values[i];
      mergeMapping(d, m);
      continue;
    }
    const kv = evalExpr(k, f);
    const vv = evalExpr(e.values[i], f);
    f.node = k;
    dictSet(d, kv, vv);
  }
  return d;
}

function mergeMapping(d: PyDict, m: Value): void {
  if (m instanceof PyDict) {
    for (const [k, e] of m.map) { const old = d.map.get(k); if (old) old[1] = e[1]; else d.map.set(k, [e[0], e[1]]); }
    return;
  }
  const keys = lookupSpecial(m, 'keys');
  if (keys === undefined) throw pyError('TypeError', `'${typeName(m)}' object is not a mapping`);
  for (const k of iterToArray(callValue(keys, [m], null))) dictSet(d, k, getItem(m, k));
}

function evalCompare(e: A.Compare, f: Frame): Value {
  let left = evalExpr(e.left, f);
  const ops = e.ops, comps = e.comparators;
  if (ops.length === 1) {
    const right = evalExpr(comps[0], f);
    if (typeof left === 'number' && typeof right === 'number') {
      switch (ops[0]) {
        case 'Lt': return left < right;
        case 'Gt': return left > right;
        case 'LtE': return left <= right;
        case 'GtE': return left >= right;
        case 'Eq': return left === right;
        case 'NotEq': return left !== right;
        default: break;
      }
    }
    f.node = e;
    return compareOp(ops[0], left, right);
  }
  let r: Value = true;
  for (let i = 0; i < ops.length; i++) {
    const right = evalExpr(comps[i], f);
    f.node = e;
    r = compareOp(ops[i], left, right);
    if (i < ops.length - 1) {
      const t = typeof r === 'boolean' ? r : truth(r);
      if (!t) return r;
    }
    left = right;
  }
  return r;
}

function formatValue(e: A.FormattedValue, f: Frame): string {
  let v = evalExpr(e.value, f);
  f.node = e;
  if (e.conversion === 'r') v = pyRepr(v);
  else if (e.conversion === 's') v = pyStr(v);
  else if (e.conversion === 'a') v = asciiRepr(v);
  const spec = e.formatSpec ? evalJoinedStr(e.formatSpec, f) : '';
  f.node = e;
  return pyFormat(v, spec);
}

function evalJoinedStr(e: A.JoinedStr, f: Frame): string {
  let out = '';
  for (const part of e.values) {
    if (part.kind === 'Constant') out += part.value.type === 'str' ? part.value.value : '';
    else out += formatValue(part, f);
  }
  rt.checkSize(out.length);
  return out;
}

// ---- calls ---------------------------------------------------------------------------------------------

export const FRAME_BUILTINS = new Map<PyBuiltin, (f: Frame, args: Value[], kwargs: Kwargs | null) => Value>();

function evalKeywords(e: A.Call, f: Frame): Kwargs | null {
  if (e.keywords.length === 0) return null;
  const kw = emptyKwargs();
  for (const k of e.keywords) {
    const v = evalExpr(k.value, f);
    if (k.name !== null) {
      kw[k.name] = v;
      continue;
    }
    f.node = k.value;
    if (!(v instanceof PyDict)) {
      const keys = lookupSpecial(v, 'keys');
      if (keys === undefined) throw pyError('TypeError', `argument after ** must be a mapping, not ${typeName(v)}`);
      for (const key of iterToArray(callValue(keys, [v], null))) kw[String(key)] = getItem(v, key);
      continue;
    }
    for (const [, [key, val]] of v.map) {
      if (typeof key !== 'string') throw pyError('TypeError', 'keywords must be strings');
      if (key in kw) throw pyError('TypeError', `got multiple values for keyword argument '${key}'`);
      kw[key] = val;
    }
  }
  return kw;
}

/** Positional arguments; `self` (for method calls) goes first. */
function evalArgs(e: A.Call, f: Frame, self?: Value): Value[] {
  const args = e.args;
  const out: Value[] = [];
  if (self !== undefined) out.push(self);
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a.kind === 'Starred') {
      const v = evalExpr(a.value, f);
      f.node = a;
      if (!isIterable(v)) throw pyError('TypeError', `Value after * must be an iterable, not ${typeName(v)}`);
      for (const x of iterToArray(v)) out.push(x);
    } else out.push(evalExpr(a, f));
  }
  return out;
}

function evalCall(e: A.Call, f: Frame): Value {
  const fn = e.func;
  if (fn.kind === 'Attribute') {
    const obj = evalExpr(fn.value, f);
    f.node = fn;
    // a plain method of a user class: call without allocating a bound method
    if (obj instanceof PyInstance) {
      const cv = obj.cls.lookup(fn.attr);
      if (cv instanceof PyFunction && !obj.dict.has(fn.attr)) {
        const args = evalArgs(e, f, obj);
        const kw = evalKeywords(e, f);
        f.node = e;
        return callFunction(cv, args, kw);
      }
    }
    const callee = getAttr(obj, fn.attr);
    const args = evalArgs(e, f);
    const kw = evalKeywords(e, f);
    f.node = e;
    return callValue(callee, args, kw);
  }
  const callee = evalExpr(fn, f);
  const args = evalArgs(e, f);
  const kw = evalKeywords(e, f);
  f.node = e;
  if (callee === T_SUPER && args.length === 0 && kw === null) return superFromFrame(f);
  if (callee instanceof PyBuiltin) {
    const special = FRAME_BUILTINS.get(callee);
    if (special) return special(f, args, kw);
  }
  return callValue(callee, args, kw);
}

/** Zero-argument super(): the defining class and the first argument of the current method. */
export function superFromFrame(f: Frame): PySuper {
  const fn = f.func;
  if (!fn || !fn.definingClass) throw pyError('RuntimeError', 'super(): __class__ cell not found');
  const a = fn.node.args;
  const first = a.posonlyargs[0] ?? a.args[0];
  const self = first ? f.scope.vars.get(first.name) : undefined;
  if (self === undefined) throw pyError('RuntimeError', 'super(): no arguments');
  return new PySuper(fn.definingClass, self);
}

export function frameLocals(f: Frame): Map<string, Value> {
  return f.kind === MODULE ? f.globals : f.scope.vars;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function listNames(names: string[]): string {
  const q = names.map((n) => `'${n}'`);
  if (q.length === 1) return q[0];
  if (q.length === 2) return `${q[0]} and ${q[1]}`;
  return `${q.slice(0, -1).join(', ')}, and ${q[q.length - 1]}`;
}

/** CPython's argument binding, with its error texts (qualname-prefixed, as 3.10+ prints them). */
function bindArguments(fn: PyFunction, args: Value[], kwargs: Kwargs | null, vars: Map<string, Value>): void {
  const a = fn.node.args;
  if (kwargs === null && a.vararg === null && a.kwarg === null && a.kwonlyargs.length === 0 && a.posonlyargs.length === 0 && args.length === a.args.length) {
    const ps = a.args;
    for (let i = 0; i < ps.length; i++) vars.set(ps[i].name, args[i]);
    return;
  }
  const posonly = a.posonlyargs, regular = a.args;
  const nPosonly = posonly.length;
  const nPos = nPosonly + regular.length;
  const nargs = args.length;
  const name = fn.qualname;
  const pname = (i: number): string => (i < nPosonly ? posonly[i].name : regular[i - nPosonly].name);
  const n = nargs < nPos ? nargs : nPos;
  for (let i = 0; i < n; i++) vars.set(pname(i), args[i]);
  if (nargs > nPos) {
    if (a.vararg) vars.set(a.vararg.name, new PyTuple(args.slice(nPos)));
    else {
      const nDefaults = fn.defaults.length;
      let kwGiven = 0;
      if (kwargs) for (const k of Object.keys(kwargs)) if (a.kwonlyargs.some((x) => x.name === k)) kwGiven++;
      const takes = nDefaults > 0 ? `from ${nPos - nDefaults} to ${nPos}` : `${nPos}`;
      const given = kwGiven > 0
        ? `${plural(nargs, 'positional argument')} (and ${plural(kwGiven, 'keyword-only argument')}) were given`
        : `${nargs} ${nargs === 1 ? 'was' : 'were'} given`;
      throw pyError('TypeError', `${name}() takes ${takes} positional argument${nPos === 1 && nDefaults === 0 ? '' : 's'} but ${given}`);
    }
  } else if (a.vararg) vars.set(a.vararg.name, new PyTuple([]));
  let kwDict: PyDict | null = null;
  if (a.kwarg) { kwDict = new PyDict(); vars.set(a.kwarg.name, kwDict); }
  if (kwargs) {
    const posonlyPassed: string[] = [];
    for (const k of Object.keys(kwargs)) {
      const v = kwargs[k];
      let idx = -1;
      for (let i = 0; i < regular.length; i++) if (regular[i].name === k) { idx = i + nPosonly; break; }
      if (idx >= 0) {
        if (idx < nargs) throw pyError('TypeError', `${name}() got multiple values for argument '${k}'`);
        vars.set(k, v);
        continue;
      }
      if (a.kwonlyargs.some((x) => x.name === k)) { vars.set(k, v); continue; }
      if (kwDict) { dictSet(kwDict, k, v); continue; }
      if (posonly.some((x) => x.name === k)) { posonlyPassed.push(k); continue; }
      throw pyError('TypeError', `${name}() got an unexpected keyword argument '${k}'`);
    }
    if (posonlyPassed.length) {
      throw pyError('TypeError', `${name}() got some positional-only arguments passed as keyword arguments: '${posonlyPassed.join(', ')}'`);
    }
  }
  if (nargs < nPos) {
    const defaults = fn.defaults;
    const firstDefault = nPos - defaults.length;
    let missing: string[] | null = null;
    for (let i = nargs; i < nPos; i++) {
      const pn = pname(i);
      if (vars.has(pn)) continue;
      if (i >= firstDefault) vars.set(pn, defaults[i - firstDefault]);
      else (missing ??= []).push(pn);
    }
    if (missing) {
      throw pyError('TypeError', `${name}() missing ${missing.length} required positional argument${missing.length === 1 ? '' : 's'}: ${listNames(missing)}`);
    }
  }
  if (a.kwonlyargs.length) {
    let missing: string[] | null = null;
    for (const k of a.kwonlyargs) {
      if (vars.has(k.name)) continue;
      const d = fn.kwDefaults.get(k.name);
      if (d !== undefined) vars.set(k.name, d);
      else (missing ??= []).push(k.name);
    }
    if (missing) {
      throw pyError('TypeError', `${name}() missing ${missing.length} required keyword-only argument${missing.length === 1 ? '' : 's'}: ${listNames(missing)}`);
    }
  }
}

export function callFunction(fn: PyFunction, args: Value[], kwargs: Kwargs | null): Value {
  checkDepth();
  const scope = new Scope(new Map(), fn.info, fn.closure);
  bindArguments(fn, args, kwargs, scope.vars);
  const frame = new Frame(fn.name, FUNCTION, scope, fn.globals, fn, `${fn.qualname}.<locals>.`);
  if (fn.info.isGenerator) return makeGenerator(fn, frame);
  rt.depth++;
  rt.tick();
  const saved = rt.frame;
  rt.frame = frame;
  try {
    const node = fn.node;
    if (node.kind === 'Lambda') return evalExpr(node.body, frame);
    return execBlock(node.body, frame) === RETURN ? frame.retval : null;
  } catch (e) {
    throw unwind(e, frame);
  } finally {
    rt.depth--;
    rt.frame = saved;
  }
}

// ---- comprehensions ---------------------------------------------------------------------------------------

function compName(e: A.ListComp | A.SetComp | A.DictComp | A.GeneratorExp): string {
  switch (e.kind) {
    case 'ListComp': return '<listcomp>';
    case 'SetComp': return '<setcomp>';
    case 'DictComp': return '<dictcomp>';
    default: return '<genexpr>';
  }
}

function compFrame(e: A.ListComp | A.SetComp | A.DictComp | A.GeneratorExp, f: Frame): Frame {
  return new Frame(compName(e), COMP, new Scope(new Map(), compInfo(e), lexicalScope(f)), f.globals, null, f.qualPrefix);
}

function compLoop(gens: readonly A.Comprehension[], i: number, it: Iterator<Value>, cf: Frame, emit: () => void): void {
  const g = gens[i];
  const last = i === gens.length - 1;
  for (;;) {
    const r = it.next();
    if (r.done) return;
    assignTo(g.target, r.value, cf);
    let ok = true;
    for (const cond of g.ifs) if (!testValue(cond, cf)) { ok = false; break; }
    if (ok) {
      if (last) emit();
      else {
        const sub = evalExpr(gens[i + 1].iter, cf);
        cf.node = gens[i + 1].iter;
        compLoop(gens, i + 1, getIterator(sub), cf, emit);
      }
    }
    rt.tick();
  }
}

function evalComprehension(e: A.ListComp | A.SetComp | A.DictComp, f: Frame): Value {
  const first = evalExpr(e.generators[0].iter, f);
  f.node = e;
  const it = getIterator(first);
  f.node = e;
  const cf = compFrame(e, f);
  checkDepth();
  rt.depth++;
  const saved = rt.frame;
  rt.frame = cf;
  try {
    if (e.kind === 'ListComp') {
      const out: Value[] = [];
      const elt = e.elt;
      compLoop(e.generators, 0, it, cf, () => { out.push(evalExpr(elt, cf)); });
      return out;
    }
    if (e.kind === 'SetComp') {
      const items: Value[] = [];
      const elt = e.elt;
      compLoop(e.generators, 0, it, cf, () => { items.push(evalExpr(elt, cf)); });
      return newSet(items);
    }
    const d = new PyDict();
    compLoop(e.generators, 0, it, cf, () => {
      const k = evalExpr(e.key, cf);
      const v = evalExpr(e.value, cf);
      cf.node = e.key;
      dictSet(d, k, v);
    });
    return d;
  } catch (err) {
    throw unwind(err, cf);
  } finally {
    rt.depth--;
    rt.frame = saved;
  }
}

function* genCompLoop(gens: readonly A.Comprehension[], i: number, it: Iterator<Value>, cf: Frame, elt: A.Expr): Generator<Value, void, Value> {
  const g = gens[i];
  const last = i === gens.length - 1;
  for (;;) {
    const r = it.next();
    if (r.done) return;
    assignTo(g.target, r.value, cf);
    let ok = true;
    for (const cond of g.ifs) if (!testValue(cond, cf)) { ok = false; break; }
    if (ok) {
      if (last) yield evalExpr(elt, cf);
      else {
        const sub = evalExpr(gens[i + 1].iter, cf);
        cf.node = gens[i + 1].iter;
        yield* genCompLoop(gens, i + 1, getIterator(sub), cf, elt);
      }
    }
  }
}

function evalGenExp(e: A.GeneratorExp, f: Frame): PyGenerator {
  const first = evalExpr(e.generators[0].iter, f);
  f.node = e;
  const it = getIterator(first);
  const cf = compFrame(e, f);
  const js = genCompLoop(e.generators, 0, it, cf, e.elt);
  return driveGenerator(js, cf, '<genexpr>', `${f.qualPrefix}<genexpr>`);
}

// ---- generators -------------------------------------------------------------------------------------------

function driveGenerator(js: Generator<Value, Value, Value>, frame: Frame, name: string, qualname: string): PyGenerator {
  const gen: PyGenerator = new PyGenerator((send: Value) => {
    if (gen.finished) return { done: true, value: null };
    if (gen.running) throw pyError('ValueError', 'generator already executing');
    checkDepth();
    gen.running = true;
    rt.depth++;
    rt.tick();
    const saved = rt.frame;
    rt.frame = frame;
    try {
      const r = js.next(send);
      if (r.done) gen.finished = true;
      return r;
    } catch (e) {
      gen.finished = true;
      if (e instanceof PyRaise && e.exc.cls.isSubclassOf(EXC.StopIteration)) {
        const r = unwind(e, frame) as PyRaise;
        const err = pyError('RuntimeError', 'generator raised StopIteration');
        err.exc.exc!.cause = r.exc;
        err.exc.exc!.context = r.exc;
        err.exc.exc!.suppressContext = true;
        throw err;
      }
      throw unwind(e, frame);
    } finally {
      gen.running = false;
      rt.depth--;
      rt.frame = saved;
    }
  }, name, qualname);
  return gen;
}

function makeGenerator(fn: PyFunction, frame: Frame): PyGenerator {
  const body = (fn.node as A.FunctionDef).body;
  function* run(): Generator<Value, Value, Value> {
    const c = yield* genBlock(body, frame);
    return c === RETURN ? frame.retval : null;
  }
  return driveGenerator(run(), frame, fn.name, fn.qualname);
}

type Gen<T> = Generator<Value, T, Value>;

function* genBlock(stmts: readonly A.Stmt[], f: Frame): Gen<number> {
  for (const s of stmts) {
    const c = hasYield(s) ? yield* genStmt(s, f) : execStmt(s, f);
    if (c !== NORMAL) return c;
  }
  return NORMAL;
}

function* genValue(e: A.Expr, f: Frame): Gen<Value> {
  if (e.kind === 'Yield') {
    const v = e.value ? evalExpr(e.value, f) : null;
    const sent = yield v;
    return sent === undefined ? null : sent;
  }
  if (e.kind === 'YieldFrom') {
    const src = evalExpr(e.value, f);
    f.node = e;
    if (src instanceof PyGenerator) {
      let send: Value = null;
      for (;;) {
        const r = src.resume(send);
        if (r.done) return r.value ?? null;
        send = yield r.value;
      }
    }
    const it = getIterator(src);
    for (;;) {
      const r = it.next();
      if (r.done) return null;
      yield r.value;
    }
  }
  if (!hasYield(e)) return evalExpr(e, f);
  f.node = e;
  throw pyError('NotImplementedError', 'yield inside a larger expression is not supported by Shape Lens');
}

function* genStmt(s: A.Stmt, f: Frame): Gen<number> {
  switch (s.kind) {
    case 'Expr': yield* genValue(s.value, f); return NORMAL;
    case 'Assign': {
      const v = yield* genValue(s.value, f);
      for (const t of s.targets) assignTo(t, v, f);
      return NORMAL;
    }
    case 'AugAssign': {
      if (s.target.kind !== 'Name') break;
      const cur = loadName(s.target, f);
      const rhs = yield* genValue(s.value, f);
      f.node = s;
      storeName(f, s.target.id, inplaceOp(s.op, cur, rhs));
      return NORMAL;
    }
    case 'Return':
      f.retval = s.value ? yield* genValue(s.value, f) : null;
      return RETURN;
    case 'If': {
      const t = yield* genValue(s.test, f);
      f.node = s.test;
      return truth(t) ? yield* genBlock(s.body, f) : yield* genBlock(s.orelse, f);
    }
    case 'While': {
      let broke = false;
      for (;;) {
        const t = yield* genValue(s.test, f);
        f.node = s.test;
        if (!truth(t)) break;
        const c = yield* genBlock(s.body, f);
        if (c === BREAK) { broke = true; break; }
        if (c === RETURN) return c;
        rt.tick();
      }
      if (!broke && s.orelse.length) return yield* genBlock(s.orelse, f);
      return NORMAL;
    }
    case 'For': {
      const iterable = evalExpr(s.iter, f);
      f.node = s;
      const it = getIterator(iterable);
      let broke = false;
      for (;;) {
        f.node = s;
        const r = it.next();
        if (r.done) break;
        assignTo(s.target, r.value, f);
        const c = yield* genBlock(s.body, f);
        if (c === BREAK) { broke = true; break; }
        if (c === RETURN) return c;
        rt.tick();
      }
      if (!broke && s.orelse.length) return yield* genBlock(s.orelse, f);
      return NORMAL;
    }
    case 'Try': return yield* genTry(s, f);
    case 'With': return yield* genWith(s, 0, f);
    default: break;
  }
  f.node = s;
  throw pyError('NotImplementedError', `yield inside this ${s.kind} statement is not supported by Shape Lens`);
}

function* genTry(s: A.Try, f: Frame): Gen<number> {
  let c = NORMAL;
  try {
    let handled = false;
    try {
      c = yield* genBlock(s.body, f);
    } catch (e) {
      if (e instanceof Interrupt) throw e;
      const r = unwind(e, f) as PyRaise;
      let h: A.ExceptHandler | null = null;
      for (const cand of s.handlers) if (matchesHandler(cand, r.exc, f)) { h = cand; break; }
      if (!h) throw r;
      handled = true;
      rt.handling.push(r.exc);
      try {
        if (h.name) storeName(f, h.name, r.exc);
        c = yield* genBlock(h.body, f);
      } finally {
        rt.handling.pop();
        if (h.name) f.scope.vars.delete(h.name);
      }
    }
    if (!handled && c === NORMAL && s.orelse.length) c = yield* genBlock(s.orelse, f);
  } catch (e) {
    if (s.finalbody.length === 0 || e instanceof Interrupt) throw e;
    const r = unwind(e, f);
    const fc = yield* genBlock(s.finalbody, f);
    if (fc !== NORMAL) return fc;
    throw r;
  }
  if (s.finalbody.length) {
    const saved = f.retval;
    const fc = yield* genBlock(s.finalbody, f);
    if (fc !== NORMAL) return fc;
    f.retval = saved;
  }
  return c;
}

function* genWith(s: A.With, i: number, f: Frame): Gen<number> {
  if (i === s.items.length) return yield* genBlock(s.body, f);
  const item = s.items[i];
  const mgr = evalExpr(item.contextExpr, f);
  f.node = item.contextExpr;
  const enter = lookupSpecial(mgr, '__enter__');
  const exit = lookupSpecial(mgr, '__exit__');
  if (enter === undefined || exit === undefined) throw pyError('TypeError', `'${typeName(mgr)}' object does not support the context manager protocol`);
  const v = callValue(enter, [mgr], null);
  if (item.optionalVars) assignTo(item.optionalVars, v, f);
  let c: number;
  try {
    c = yield* genWith(s, i + 1, f);
  } catch (e) {
    if (e instanceof Interrupt) throw e;
    const r = unwind(e, f) as PyRaise;
    if (truth(callValue(exit, [mgr, r.exc.cls, r.exc, null], null))) return NORMAL;
    throw r;
  }
  callValue(exit, [mgr, null, null, null], null);
  return c;
}

// ---- modules ---------------------------------------------------------------------------------------------------

/** The globals of `__main__`, in CPython's order (it decides NameError suggestions). */
export function mainGlobals(filename: string, builtinsModule: Value): Map<string, Value> {
  return new Map<string, Value>([
    ['__name__', '__main__'], ['__doc__', null], ['__package__', null], ['__loader__', null], ['__spec__', null],
    ['__annotations__', new PyDict()], ['__builtins__', builtinsModule], ['__file__', filename], ['__cached__', null],
  ]);
}

/** Runs a module body; an uncaught exception comes back as the PyRaise/Interrupt (with its traceback). */
export function execModule(body: readonly A.Stmt[], globals: Map<string, Value>): { frame: Frame; error: PyRaise | Interrupt | null } {
  const frame = new Frame('<module>', MODULE, new Scope(globals, null, null), globals, null, '');
  rt.depth = 1;
  rt.frame = frame;
  try {
    execBlock(body, frame);
    return { frame, error: null };
  } catch (e) {
    return { frame, error: unwind(e, frame) };
  }
}
