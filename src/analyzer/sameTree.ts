// Structural equality of plain data (syntax trees, abstract values): objects key by key,
// arrays item by item, primitives (bigints, NaN) with Object.is. Used to tell an unchanged
// statement or an unchanged value from a changed one in incremental analysis.

/** Structural equality of two syntax trees (plain objects, arrays, strings, numbers, bigints). */
export function sameTree(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameTree(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  for (const k of ka) {
    if (!sameTree((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])) return false;
  }
  return true;
}
