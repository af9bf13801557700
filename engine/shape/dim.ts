// Dimensions that are numbers (the engine) or symbols (the analyzer: `B`, `n*3`).
// A symbol is a canonical product of named factors times a coefficient, enough for the
// shapes learners write (`B*28*28`, `n*3`). Two dims are provably equal only when their
// canonical forms are; a symbol against a number is "unknown", never a mismatch.

export interface SymDim {
  readonly kind: 'sym';
  /** canonical text: factors sorted, coefficient first (`3*B*n`) */
  readonly text: string;
  readonly coeff: number;
  readonly factors: readonly string[];
}

export type Dim = number | SymDim;
export type Shape = readonly Dim[];

export function sym(name: string): SymDim {
  return makeSym(1, [name]);
}

function makeSym(coeff: number, factors: string[]): SymDim {
  const sorted = [...factors].sort();
  const text = [...(coeff !== 1 ? [String(coeff)] : []), ...sorted].join('*');
  return { kind: 'sym', text, coeff, factors: sorted };
}

export const isNum = (d: Dim): d is number => typeof d === 'number';

export function dimMul(a: Dim, b: Dim): Dim {
  if (isNum(a) && isNum(b)) return a * b;
  if (isNum(a)) return a === 0 ? 0 : makeSym((b as SymDim).coeff * a, [...(b as SymDim).factors]);
  if (isNum(b)) return b === 0 ? 0 : makeSym(a.coeff * b, [...a.factors]);
  return makeSym(a.coeff * b.coeff, [...a.factors, ...b.factors]);
}

/** true: provably equal; false: provably different; undefined: cannot tell. */
export function dimEq(a: Dim, b: Dim): boolean | undefined {
  if (isNum(a) && isNum(b)) return a === b;
  if (!isNum(a) && !isNum(b) && a.text === b.text) return true;
  return undefined;
}

export function dimText(d: Dim): string {
  return isNum(d) ? String(d) : d.text;
}

/** NumPy's shape text: `(2,3)`, `(2,)`, `()` — as in broadcasting error messages. */
export function shapeTextCompact(shape: Shape): string {
  if (shape.length === 1) return `(${dimText(shape[0])},)`;
  return `(${shape.map(dimText).join(',')})`;
}

/** Python's tuple repr of a shape: `(2, 3)`, `(2,)`, `()`. */
export function shapeTextTuple(shape: Shape): string {
  if (shape.length === 1) return `(${dimText(shape[0])},)`;
  return `(${shape.map(dimText).join(', ')})`;
}

export function shapeProduct(shape: Shape): Dim {
  return shape.reduce<Dim>((p, d) => dimMul(p, d), 1);
}

export function numericShape(shape: Shape): number[] | undefined {
  return shape.every(isNum) ? (shape as number[]) : undefined;
}
