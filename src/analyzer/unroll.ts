// Which `for` loops the evaluator unrolls: a loop over a few items it knows one by one (a tuple,
// a list of known items, an nn.Sequential or nn.ModuleList built from layers, enumerate of
// those) runs its body once per item, in order, so `for layer in layers: x = layer(x)` leaves x
// with the shape the last layer gives, where a fixpoint would join every layer's output into `?`.
// Only when each iteration surely runs to its end (no break/continue of this loop) and the body
// cannot change the sequence being iterated; otherwise the loop keeps its fixpoint.

import type * as ast from '../python/ast';
import { walk } from '../python/walk';
import type { AValue } from './values';

/** Loops over more items than this keep the fixpoint. */
export const MAX_UNROLL_ITEMS = 32;
/** Unrolled loops nested in unrolled loops: the product of their lengths stays under this. */
export const MAX_UNROLL_WORK = 128;

/** The items a `for` over `v` takes, in order, when each is known; null otherwise. */
export function loopItems(v: AValue): readonly AValue[] | null {
  if (v.kind === 'tuple') return v.items;
  if (v.kind === 'list') return v.items;
  // nn.Sequential(OrderedDict(…)) or of unknown things: its length is not the argument count
  if (v.kind === 'layer' && v.spec.type === 'Sequential') return v.spec.layers.every((x) => x.kind === 'layer' || x.kind === 'instance') ? v.spec.layers : null;
  return null;
}

/** Whether every iteration of `s` runs its whole body over the items the loop started with. */
export function unrollable(s: ast.For): boolean {
  return !s.isAsync && !memo(earlyExits, s, leavesEarly) && !mutatesIterated(s);
}

// a loop runs once per call site and fixpoint pass; its syntax is looked at once (nodes are immutable)
const earlyExits = new WeakMap<ast.For, boolean>();
const mutations = new WeakMap<ast.For, boolean>();

function memo(cache: WeakMap<ast.For, boolean>, s: ast.For, f: (s: ast.For) => boolean): boolean {
  let v = cache.get(s);
  if (v === undefined) { v = f(s); cache.set(s, v); }
  return v;
}

/** A break or continue of this loop in its body. */
function leavesEarly(s: ast.For): boolean {
  let found = false;
  const visit = (n: ast.Node): boolean | void => {
    if (found) return false;
    switch (n.kind) {
      case 'Break': case 'Continue': found = true; return false;
      case 'FunctionDef': case 'ClassDef': case 'Lambda': return false;
      // a nested loop's own break/continue end that loop; its `else` belongs to ours
      case 'For': case 'While': for (const st of n.orelse) walk(st, visit); return false;
      default: return undefined;
    }
  };
  for (const st of s.body) walk(st, visit);
  return found;
}

/**
 * Whether the body may change the sequence being iterated (`xs.append(v)`, `xs[i] = v`,
 * `xs += […]`, `del xs[i]` while iterating xs or enumerate(xs)): then even the items the loop
 * started with do not describe the ones it takes.
 */
export function mutatesIterated(s: ast.For): boolean {
  return memo(mutations, s, findsMutation);
}

function findsMutation(s: ast.For): boolean {
  const iterated = new Set<string>();
  walk(s.iter, (n) => {
    if (n.kind === 'Lambda') return false;
    const k = n.kind === 'Name' || n.kind === 'Attribute' ? pathKey(n) : null;
    if (k !== null) iterated.add(k);
    return undefined;
  });
  if (iterated.size === 0) return false;
  const hit = (e: ast.Expr): boolean => { const k = pathKey(e); return k !== null && iterated.has(k); };
  let found = false;
  const visit = (n: ast.Node): boolean | void => {
    if (found) return false;
    switch (n.kind) {
      case 'Call': if (n.func.kind === 'Attribute' && SEQUENCE_MUTATORS.has(n.func.attr) && hit(n.func.value)) found = true; return undefined;
      case 'Assign': if (n.targets.some((t) => t.kind === 'Subscript' && hit(t.value))) found = true; return undefined;
      case 'AugAssign': if (hit(n.target) || (n.target.kind === 'Subscript' && hit(n.target.value))) found = true; return undefined;
      case 'Delete': if (n.targets.some((t) => t.kind === 'Subscript' && hit(t.value))) found = true; return undefined;
      default: return undefined;
    }
  };
  for (const st of s.body) walk(st, visit);
  return found;
}

/** List (and ModuleList) methods that change the items. */
const SEQUENCE_MUTATORS = new Set(['append', 'extend', 'insert', 'pop', 'remove', 'clear', 'reverse', 'sort', '__setitem__', '__delitem__']);

/** `xs`, `self.layers`: a dotted name, or null for anything else. */
function pathKey(e: ast.Expr): string | null {
  if (e.kind === 'Name') return e.id;
  if (e.kind === 'Attribute') { const base = pathKey(e.value); return base === null ? null : `${base}.${e.attr}`; }
  return null;
}
