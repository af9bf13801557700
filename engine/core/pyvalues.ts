// Python values at the engine's Python-call boundary (engine/pycall.ts): what a Python
// call like `np.sum(a, axis=(0, 1))` or `a[1:, None, ...]` passes in. Lists are JS arrays;
// tuples, slices and Ellipsis get their own types because Python tells them apart.

export class PyTuple {
  constructor(readonly items: readonly unknown[]) {}
}

export class Slice {
  constructor(readonly start: number | null, readonly stop: number | null, readonly step: number | null) {}
}

export const ELLIPSIS: unique symbol = Symbol('Ellipsis');
export type EllipsisT = typeof ELLIPSIS;

export const tuple = (...items: unknown[]): PyTuple => new PyTuple(items);
export const slice = (start: number | null = null, stop: number | null = null, step: number | null = null): Slice =>
  new Slice(start, stop, step);
