// Joining abstract values where control flow meets (after if/else, around loops).
// Equal dims stay; different dims become a symbol naming the alternatives (`3|5`), which
// equals nothing else, so a join can never produce a diagnostic. Past a few alternatives the
// symbol becomes `?` (widening), so loops reach a fixpoint.

import { Dim, dimEq, dimText, isNum, sym } from '../../engine/shape/dim';
import { AValue, Scope, UNKNOWN } from './values';

const MAX_ALTERNATIVES = 3;

export function joinDim(a: Dim, b: Dim): Dim {
  if (dimEq(a, b) === true) return a;
  const parts = new Set<string>();
  for (const d of [a, b]) for (const p of dimText(d).split('|')) parts.add(p);
  if (parts.size > MAX_ALTERNATIVES || parts.has('?')) return sym('?');
  return sym([...parts].sort((x, y) => (isNum(Number(x)) && isNum(Number(y)) ? Number(x) - Number(y) : x < y ? -1 : 1)).join('|'));
}

function joinDimOrNull(a: Dim | null, b: Dim | null): Dim | null {
  if (a === null || b === null) return null;
  return joinDim(a, b);
}

export function join(a: AValue, b: AValue): AValue {
  if (a === b) return a;
  if (a.kind !== b.kind) {
    // int and float mix to float; anything else is unknown
    if ((a.kind === 'int' && b.kind === 'float') || (a.kind === 'float' && b.kind === 'int')) return { kind: 'float' };
    return UNKNOWN;
  }
  switch (a.kind) {
    case 'array': {
      const bb = b as typeof a;
      if (a.lib !== bb.lib) return UNKNOWN;
      const shape = a.shape && bb.shape && a.shape.length === bb.shape.length
        ? a.shape.map((d, i) => joinDim(d, (bb.shape as Dim[])[i])) : null;
      return { kind: 'array', lib: a.lib, shape, dtype: a.dtype === bb.dtype ? a.dtype : null, origin: a.origin ?? bb.origin };
    }
    case 'int': return { kind: 'int', value: joinDimOrNull(a.value, (b as typeof a).value) };
    case 'bool': return { kind: 'bool', value: a.value === (b as typeof a).value ? a.value : null };
    case 'str': return { kind: 'str', value: a.value === (b as typeof a).value ? a.value : null };
    case 'tuple': {
      const bb = b as typeof a;
      if (a.items.length !== bb.items.length) return UNKNOWN;
      return { kind: 'tuple', items: a.items.map((x, i) => join(x, bb.items[i])) };
    }
    case 'list': {
      const bb = b as typeof a;
      const items = a.items && bb.items && a.items.length === bb.items.length ? a.items.map((x, i) => join(x, (bb.items as AValue[])[i])) : null;
      return { kind: 'list', items, elem: join(a.elem, bb.elem) };
    }
    case 'float': return a.value === (b as typeof a).value ? a : { kind: 'float' };
    case 'none': case 'dict': case 'unknown': return a;
    case 'libobj': return a.path === (b as typeof a).path ? a : UNKNOWN;
    default:
      return UNKNOWN;
  }
}

/** Joins two versions of a scope's variables (a name missing on one side becomes unknown). */
export function joinScopes(a: Scope, b: Scope): Scope {
  const vars = new Map<string, AValue>();
  for (const [k, v] of a.vars) {
    const w = b.vars.get(k);
    // values are immutable: the same object means nothing changed (the common case in loops)
    vars.set(k, w === undefined || w === v ? v : join(v, w));
  }
  for (const [k, v] of b.vars) if (!vars.has(k)) vars.set(k, v);
  return { vars, parent: a.parent };
}

export function sameValue(a: AValue, b: AValue): boolean {
  return JSON.stringify(a, replacer) === JSON.stringify(b, replacer);
}

function replacer(key: string, v: unknown): unknown {
  if (key === 'closure' || key === 'node' || key === 'cls' || key === 'methods' || key === 'origin') return undefined;
  if (v instanceof Map) return [...v.entries()];
  return v;
}
