// The engine fuzzer's generator: random chains of NumPy operations (fast-check, fixed seeds)
// as JSON case specs. tools/fuzz.mjs writes them out, tools/fuzz_numpy.py runs each chain in
// real NumPy and records the answers, test/reliability/fuzz.test.ts replays them through
// engine/pycall.ts. This file only decides what to try; it never computes an expected value.
// A small shape/dtype model steers it towards chains that stay valid for several steps (and
// towards errors on purpose some of the time); where the model is wrong NumPy just answers
// with an error or the tool drops the case, so the model's mistakes cost coverage, not truth.

import fc from 'fast-check';

// ---- the case format -------------------------------------------------------------------------

/** JSON as in test/engine/fixtureCodec.ts, plus register references. */
export type Json = null | boolean | number | string | readonly Json[] | { readonly [k: string]: Json };

/** `{"in": i}`: the i-th input; `{"ref": j}`: the result of step j (a setitem step's target). */
export type Reg = { readonly in: number } | { readonly ref: number };

export type Step =
  | { readonly fn: string; readonly args: readonly Json[]; readonly kwargs: { readonly [k: string]: Json } }
  | { readonly method: string; readonly self: Reg; readonly args: readonly Json[]; readonly kwargs: { readonly [k: string]: Json } }
  | { readonly attr: string; readonly self: Reg }
  | { readonly getitem: Reg; readonly index: Json }
  | { readonly setitem: Reg; readonly index: Json; readonly value: Json };

export interface FuzzSpec {
  readonly id: string;
  /** `{"nd": flat data, "dtype", "shape", "view"?}` (the codec's format; data is flat) */
  readonly inputs: readonly Json[];
  readonly steps: readonly Step[];
  /** registers compared at the end: the last step's result, and any input written through */
  readonly outputs: readonly Reg[];
  /** "ulpN" when a transcendental op makes NumPy's libm/SIMD bits unreachable (see RELIABILITY.md) */
  readonly tol?: string;
}

// ---- randomness ------------------------------------------------------------------------------

type Gen = fc.GeneratorValue;

class Rand {
  constructor(private readonly g: Gen) {}
  /** an int in [min, max]; an empty range gives min */
  int(min: number, max: number): number { return (max <= min ? min : this.g(fc.integer, { min, max })) + 0; /* never -0 */ }
  pick<T>(xs: readonly T[]): T { return xs[this.int(0, xs.length - 1)]; }
  chance(p: number): boolean { return this.int(0, 9999) < p * 10000; }
  /** one of the `[weight, value]` pairs, by weight */
  weighted<T>(table: readonly (readonly [number, T])[]): T {
    const total = table.reduce((n, [w]) => n + w, 0);
    let r = this.int(0, total - 1);
    for (const [w, v] of table) {
      if (r < w) return v;
      r -= w;
    }
    return table[table.length - 1][1];
  }
}

// ---- dtypes and values -------------------------------------------------------------------------

export const DTYPES = ['bool', 'int8', 'int16', 'int32', 'int64', 'uint8', 'uint16', 'uint32', 'uint64', 'float32', 'float64'] as const;
export type DT = (typeof DTYPES)[number];
type Kind = 'b' | 'i' | 'u' | 'f';
const kindOf = (d: DT): Kind => (d === 'bool' ? 'b' : d.startsWith('int') ? 'i' : d.startsWith('uint') ? 'u' : 'f');
const bitsOf = (d: DT): number => (d === 'bool' ? 8 : Number(/\d+/.exec(d)?.[0]));

/** The generator's own (approximate) promotion: it only steers, NumPy decides. */
function promote(a: DT, b: DT): DT {
  if (a === b) return a;
  const ka = kindOf(a), kb = kindOf(b);
  if (ka === 'b') return b;
  if (kb === 'b') return a;
  if (ka === 'f' || kb === 'f') {
    if (ka === 'f' && kb === 'f') return bitsOf(a) >= bitsOf(b) ? a : b;
    const i = ka === 'f' ? b : a, f = ka === 'f' ? a : b;
    return bitsOf(i) >= 32 || f === 'float64' ? 'float64' : 'float32';
  }
  if (ka === kb) return bitsOf(a) >= bitsOf(b) ? a : b;
  const s = ka === 'i' ? a : b, u = ka === 'u' ? a : b;
  if (bitsOf(s) > bitsOf(u)) return s;
  return bitsOf(u) === 64 ? 'float64' : (`int${bitsOf(u) * 2}` as DT);
}

const RANGE: Record<DT, [number, number]> = {
  bool: [0, 1], int8: [-128, 127], int16: [-32768, 32767], int32: [-(2 ** 31), 2 ** 31 - 1], int64: [-(2 ** 40), 2 ** 40],
  uint8: [0, 255], uint16: [0, 65535], uint32: [0, 2 ** 32 - 1], uint64: [0, 2 ** 40], float32: [0, 0], float64: [0, 0],
};

/** A data item: small ints mostly, extremes sometimes; floats dyadic, decimal or special. */
function element(r: Rand, d: DT): number | boolean | string {
  const k = kindOf(d);
  if (k === 'b') return r.chance(0.5);
  if (k === 'i' || k === 'u') {
    const [lo, hi] = RANGE[d];
    return r.weighted<() => number>([
      [8, () => (k === 'u' ? r.int(0, 12) : r.int(-9, 9))],
      [1, () => r.pick([lo, hi, lo + 1, hi - 1])],
      [1, () => r.int(Math.max(lo, -100000), Math.min(hi, 100000))],
    ])();
  }
  return r.weighted<() => number | string>([
    [6, () => r.int(-40, 40) / 4],
    [5, () => r.int(-5000, 5000) / 1000],
    [2, () => r.pick(['nan', 'inf', '-inf', -0, 0, 0.1, -0.5, 1e-3, 65504, 1e30, -1e30, 3.4e38, 1e-40, 1e300, 5e-324] as const)],
    [1, () => r.int(-1000000, 1000000)],
  ])();
}

export interface NdSpec { nd: (number | boolean | string)[]; dtype: DT; shape: number[]; view?: Json }

function makeNd(r: Rand, dtype: DT, shape: readonly number[]): NdSpec {
  const n = shape.reduce((a, b) => a * b, 1);
  return { nd: Array.from({ length: n }, () => element(r, dtype)), dtype, shape: [...shape] };
}

/** A Python scalar operand (int, float, bool) as the codec writes it. */
function pyScalar(r: Rand): { json: Json; dtype: DT } {
  return r.weighted<() => { json: Json; dtype: DT }>([
    [5, () => ({ json: r.int(-5, 7), dtype: 'int64' })],
    [2, () => ({ json: r.pick([127, 128, 255, 256, 300, -129, 70000, -70000, 2 ** 31, 2 ** 40, -1]), dtype: 'int64' })],
    [5, () => ({ json: pyFloat(r.pick([0.5, -2.25, 1.5, 0.1, 2, -0, 3, 1e10, 1e-7, 1e300])), dtype: 'float64' })],
    [1, () => ({ json: pyFloat(r.pick([NaN, Infinity, -Infinity])), dtype: 'float64' })],
    [2, () => ({ json: r.chance(0.5), dtype: 'bool' })],
  ])();
}

/** A Python float: a bare JSON number when non-integral and finite, else `{"float": x}`. */
export function pyFloat(x: number): Json {
  if (Number.isNaN(x)) return { float: 'nan' };
  if (!Number.isFinite(x)) return { float: x > 0 ? 'inf' : '-inf' };
  return Number.isInteger(x) ? { float: x } : x;
}

function npScalar(r: Rand, dtype: DT): Json {
  const v = element(r, dtype);
  return { npscalar: v, dtype };
}

// ---- the model of registers --------------------------------------------------------------------

interface ArrModel {
  kind: 'array';
  /** null: unknown (data-dependent); steps then use shape-agnostic ops only */
  shape: number[] | null;
  dtype: DT | null;
  /** the input whose buffer this register may view (for write-through checks) */
  root: number | null;
  /** a broadcast_to view: NumPy makes it read-only */
  readonly?: boolean;
}
type Model = ArrModel | { kind: 'scalar'; dtype: DT | null } | { kind: 'other' };

const size = (s: readonly number[]): number => s.reduce((a, b) => a * b, 1);
const normAxis = (ax: number, nd: number): number | null => (ax >= -nd && ax < nd ? (ax < 0 ? ax + nd : ax) : null);

function broadcastModel(a: readonly number[], b: readonly number[]): number[] | null {
  const n = Math.max(a.length, b.length), out: number[] = [];
  for (let i = 0; i < n; i++) {
    const x = a[a.length - n + i] ?? 1, y = b[b.length - n + i] ?? 1;
    if (x !== y && x !== 1 && y !== 1) return null;
    out.push(x === 1 ? y : x);
  }
  return out;
}

/** A shape that broadcasts with `s` (or, when `breakIt`, one that does not if possible). */
function otherShape(r: Rand, s: readonly number[], breakIt: boolean): number[] {
  if (breakIt) {
    const cand = s.map((d, i) => i).filter((i) => s[i] !== 1);
    if (cand.length > 0) {
      const i = r.pick(cand), out = [...s];
      out[i] = s[i] + r.int(1, 2);
      return out.slice(r.int(0, i));
    }
  }
  let out = s.slice(r.int(0, r.chance(0.6) ? 0 : s.length));
  out = out.map((d) => (r.chance(0.3) ? 1 : d));
  if (r.chance(0.2) && out.length + s.length < 6) out = [...Array.from({ length: r.int(1, 2) }, () => r.pick([1, 2, 3])), ...out];
  return out;
}

function randomShape(r: Rand, maxNd = 4): number[] {
  const nd = r.weighted([[2, 0], [8, 1], [10, 2], [7, 3], [3, 4]] as const);
  const shape: number[] = [];
  for (let i = 0; i < Math.min(nd, maxNd); i++) shape.push(r.weighted([[1, 0], [4, 1], [8, 2], [8, 3], [5, 4], [2, 5]] as const));
  while (size(shape) > 48) shape[shape.indexOf(Math.max(...shape))]--;
  return shape;
}

// ---- index generation --------------------------------------------------------------------------

function sliceItem(r: Rand, n: number, zeroStep = false): { json: Json; len: number } {
  const step = zeroStep ? 0 : r.weighted([[6, null], [3, 1], [3, 2], [1, 3], [3, -1], [2, -2]] as const);
  const bound = () => (r.chance(0.4) ? null : r.int(-n - 2, n + 2));
  const start = bound(), stop = bound();
  if (step === 0) return { json: { slice: [start, stop, 0] }, len: -1 };
  const st = step ?? 1;
  const clamp = (v: number | null, dflt: number, lo: number, hi: number) => (v === null ? dflt : Math.min(Math.max(v < 0 ? v + n : v, lo), hi));
  const lo = st < 0 ? -1 : 0, hi = st < 0 ? n - 1 : n;
  const a = clamp(start, st < 0 ? hi : lo, lo, hi), b = clamp(stop, st < 0 ? lo : hi, lo, hi);
  const len = st > 0 ? Math.max(0, Math.ceil((b - a) / st)) : Math.max(0, Math.ceil((a - b) / -st));
  return { json: { slice: [start, stop, step] }, len };
}

/** Probability that a step is made to fail on purpose (bad axis, index, shape...). */
const BAD = 0.035;

/** An axis argument for `nd` dims (`extra` = 1 where nd is also valid, as for stack), sometimes out of range. */
function axisArg(r: Rand, nd: number, bad: boolean, extra = 0): number {
  if (bad) return r.pick([nd + extra, -nd - 1 - extra, nd + extra + 3]);
  return r.int(-nd - extra, nd - 1 + extra);
}

/** A basic index for `shape`: ints, slices, None, Ellipsis; `shape` of the result or null on error. */
function basicIndex(r: Rand, shape: readonly number[]): { index: Json; shape: number[] | null; scalar: boolean } {
  const nd = shape.length;
  const bad = r.chance(BAD) ? r.pick(['int', 'zeroStep', 'tooMany'] as const) : null;
  const regular: { json: Json; out: number[] }[] = [];
  let ok = bad === null, dim = 0, ints = 0, nones = 0;
  const nItems = Math.min(nd, r.int(0, nd)) + (bad === 'tooMany' ? nd + 1 : 0);
  const badAt = r.int(0, Math.max(0, nItems - 1));
  for (let k = 0; k < nItems; k++) {
    if (r.chance(0.1) && bad === null) { regular.push({ json: null, out: [1] }); nones++; continue; }
    const n = shape[dim] ?? 0;
    if (n > 0 && r.chance(0.3) || (bad === 'int' && k === badAt)) {
      const i = bad === 'int' && k === badAt ? r.pick([n, -n - 1, n + 3]) : r.int(-n, n - 1);
      regular.push({ json: i, out: [] });
      ints++;
    } else {
      const s = sliceItem(r, n, bad === 'zeroStep' && k === badAt);
      regular.push({ json: s.json, out: [s.len] });
    }
    dim++;
  }
  if (nItems === 0 && bad !== null) regular.push({ json: r.pick([0, { slice: [null, null, 0] }]), out: [] });
  const rest = shape.slice(dim);
  const ellipsisAt = r.chance(0.15) ? r.int(0, regular.length) : -1;
  const items: Json[] = [], out: number[] = [];
  regular.forEach((it, k) => {
    if (k === ellipsisAt) { items.push({ ellipsis: true }); out.push(...rest); }
    items.push(it.json);
    out.push(...it.out);
  });
  if (ellipsisAt === regular.length) items.push({ ellipsis: true });
  if (ellipsisAt < 0 || ellipsisAt === regular.length) out.push(...rest);
  const index: Json = items.length === 1 && r.chance(0.5) ? items[0] : { tuple: items };
  const scalar = ok && ints === nd && nones === 0 && ellipsisAt < 0;
  return { index, shape: ok ? out : null, scalar };
}

/** `reshape`'s result for an array of `n` elements, or null when NumPy would refuse. */
function reshapeModel(n: number, target: readonly number[]): number[] | null {
  const unknown = target.filter((d) => d === -1).length;
  if (unknown > 1 || target.some((d) => d < -1)) return null;
  const known = size(target.filter((d) => d !== -1));
  if (unknown === 0) return known === n ? [...target] : null;
  if (known === 0 || n % known !== 0) return null;
  return target.map((d) => (d === -1 ? n / known : d));
}

/** Flat data items as Python list items (floats of a float dtype stay Python floats). */
function dataAsPy(nd: NdSpec): Json[] {
  const f = kindOf(nd.dtype) === 'f';
  return nd.nd.map((x) => {
    if (typeof x === 'string') return pyFloat(x === 'nan' ? NaN : x === 'inf' ? Infinity : -Infinity);
    return f && typeof x === 'number' ? pyFloat(x) : x;
  });
}

// ---- ops ---------------------------------------------------------------------------------------

const BINARY_DUNDERS = ['add', 'sub', 'mul', 'truediv', 'floordiv', 'mod', 'pow', 'and', 'or', 'xor', 'lshift', 'rshift'] as const;
const COMPARE_DUNDERS = ['eq', 'ne', 'lt', 'le', 'gt', 'ge'] as const;
const BITWISE = new Set(['and', 'or', 'xor', 'lshift', 'rshift']);
const BINARY_FNS = ['maximum', 'minimum', 'fmax', 'fmin', 'fmod', 'copysign', 'logical_and', 'logical_or', 'logical_xor', 'arctan2', 'hypot', 'remainder', 'floor_divide', 'true_divide'] as const;
const EXACT_UNARY = ['negative', 'absolute', 'sign', 'square', 'sqrt', 'floor', 'ceil', 'trunc', 'rint', 'isnan', 'isinf', 'isfinite', 'signbit', 'logical_not', 'reciprocal', 'invert', 'positive', 'deg2rad', 'rad2deg'] as const;
/** Ops whose float results come from libm/SIMD code NumPy does not promise bit for bit. */
export const INEXACT = new Set(['exp', 'exp2', 'log', 'log2', 'log10', 'log1p', 'expm1', 'sin', 'cos', 'tan', 'arcsin', 'arccos', 'arctan', 'sinh', 'cosh', 'tanh', 'arcsinh', 'arccosh', 'arctanh', 'cbrt', 'arctan2', 'hypot', '__pow__', '__rpow__', '__ipow__', 'power']);
const INEXACT_UNARY = ['exp', 'exp2', 'log', 'log2', 'log10', 'log1p', 'expm1', 'sin', 'cos', 'tan', 'arcsin', 'arccos', 'arctan', 'sinh', 'cosh', 'tanh', 'arcsinh', 'arccosh', 'arctanh', 'cbrt'] as const;
const FLOAT_ONLY = new Set<string>(['sqrt', 'floor', 'ceil', 'trunc', 'rint', 'signbit', 'deg2rad', 'rad2deg', 'arctan2', 'hypot', 'copysign', ...INEXACT_UNARY]);
const REDUCTIONS = ['sum', 'prod', 'mean', 'max', 'min', 'any', 'all', 'std', 'var', 'argmax', 'argmin', 'cumsum', 'cumprod'] as const;

/** A family of cases: its own weights over the op kinds. */
export interface Family {
  readonly name: string;
  readonly seed: number;
  readonly count: number;
  readonly weights: Readonly<Record<OpKind, number>>;
  readonly maxSteps: number;
}

export type OpKind =
  | 'view' | 'transpose' | 'reshape' | 'squeeze' | 'broadcastTo' | 'flip'
  | 'binary' | 'binaryFn' | 'inplace' | 'unary' | 'inexact' | 'reduce' | 'astype'
  | 'concat' | 'fancy' | 'mask' | 'setitem' | 'where' | 'clip' | 'attr';

const w = (o: Partial<Record<OpKind, number>>): Record<OpKind, number> => ({
  view: 0, transpose: 0, reshape: 0, squeeze: 0, broadcastTo: 0, flip: 0, binary: 0, binaryFn: 0, inplace: 0, unary: 0,
  inexact: 0, reduce: 0, astype: 0, concat: 0, fancy: 0, mask: 0, setitem: 0, where: 0, clip: 0, attr: 0, ...o,
});

export const FAMILIES: readonly Family[] = [
  { name: 'views', seed: 9001, count: 900, maxSteps: 6, weights: w({ view: 10, transpose: 6, reshape: 5, squeeze: 2, broadcastTo: 2, flip: 2, binary: 5, reduce: 4, unary: 2, setitem: 3, inplace: 2, attr: 1 }) },
  { name: 'elementwise', seed: 9002, count: 1100, maxSteps: 4, weights: w({ view: 3, transpose: 2, binary: 12, binaryFn: 6, inplace: 4, unary: 6, inexact: 4, astype: 3, where: 2, clip: 2 }) },
  { name: 'reductions', seed: 9003, count: 800, maxSteps: 4, weights: w({ view: 4, transpose: 3, reshape: 2, reduce: 12, astype: 2, binary: 3, unary: 1 }) },
  { name: 'indexing', seed: 9004, count: 900, maxSteps: 4, weights: w({ view: 4, transpose: 2, reshape: 1, fancy: 8, mask: 6, setitem: 8, binary: 2, flip: 1 }) },
  { name: 'combine', seed: 9005, count: 600, maxSteps: 4, weights: w({ view: 3, transpose: 2, reshape: 6, squeeze: 3, concat: 8, astype: 2, binary: 2, reduce: 2, flip: 1 }) },
  { name: 'mixed', seed: 9006, count: 900, maxSteps: 6, weights: w({ view: 5, transpose: 3, reshape: 3, squeeze: 1, broadcastTo: 1, flip: 1, binary: 6, binaryFn: 2, inplace: 2, unary: 3, inexact: 1, reduce: 4, astype: 2, concat: 2, fancy: 2, mask: 2, setitem: 3, where: 1, clip: 1, attr: 1 }) },
];

/** One chain under construction. */
class Chain {
  readonly inputs: NdSpec[] = [];
  readonly inModels: ArrModel[] = [];
  readonly steps: Step[] = [];
  readonly models: Model[] = [];
  readonly written = new Set<number>();
  inexact = false;
  done = false;
  constructor(readonly r: Rand) {}

  model(reg: Reg): Model { return 'in' in reg ? this.inModels[reg.in] : this.models[reg.ref]; }

  addInput(dtype: DT, shape: readonly number[], view?: { json: Json; shape: number[] | null }): Reg {
    const nd = makeNd(this.r, dtype, shape);
    if (view) nd.view = view.json;
    this.inputs.push(nd);
    const i = this.inputs.length - 1;
    this.inModels.push({ kind: 'array', shape: view ? view.shape : [...shape], dtype, root: i });
    return { in: i };
  }

  push(step: Step, m: Model, fails = false): Reg {
    this.steps.push(step);
    this.models.push(m);
    if (fails) this.done = true;
    return { ref: this.steps.length - 1 };
  }
}

/** The register a step works on: usually the newest array, sometimes an older one. */
function currentArray(c: Chain): Reg | null {
  const regs: Reg[] = [];
  for (let j = c.models.length - 1; j >= 0; j--) if (c.models[j].kind === 'array') regs.push({ ref: j });
  for (let i = c.inModels.length - 1; i >= 0; i--) regs.push({ in: i });
  if (regs.length === 0) return null;
  return c.r.chance(0.85) ? regs[0] : c.r.pick(regs);
}

const arr = (shape: number[] | null, dtype: DT | null, root: number | null = null): ArrModel => ({ kind: 'array', shape, dtype, root });
const resultOf = (shape: number[] | null, dtype: DT | null): Model => (shape !== null && shape.length === 0 ? { kind: 'scalar', dtype } : arr(shape, dtype));

function randomDtype(r: Rand, like: DT | null): DT {
  return like !== null && r.chance(0.45) ? like : r.pick(DTYPES);
}

/** An operand for a binary op on an array of `shape`: another array, a scalar, or the array itself. */
function operand(c: Chain, self: Reg, m: ArrModel, allowSelf: boolean): { json: Json; shape: number[] | null; dtype: DT | null; scalar: boolean } {
  const r = c.r;
  const choice = r.weighted([[8, 'array'], [6, 'py'], [2, 'np'], [1, 'zeroD'], [allowSelf ? 2 : 0, 'self'], [m.shape ? 1 : 0, 'mismatch']] as const);
  switch (choice) {
    case 'py': { const s = pyScalar(r); return { json: s.json, shape: [], dtype: s.dtype, scalar: true }; }
    case 'np': { const d = randomDtype(r, m.dtype); return { json: npScalar(r, d), shape: [], dtype: d, scalar: true }; }
    case 'zeroD': { const d = randomDtype(r, m.dtype); const reg = c.addInput(d, []); return { json: reg, shape: [], dtype: d, scalar: true }; }
    case 'self': {
      // the array itself, or a reversed/transposed view of it (aliasing with in-place ops)
      if (m.shape && m.shape.length >= 1 && r.chance(0.6)) {
        const rev = m.shape.length === 2 && m.shape[0] === m.shape[1] && r.chance(0.5);
        const step = rev ? { attr: 'T', self } : { getitem: self, index: { tuple: [{ slice: [null, null, -1] }] } };
        const reg = c.push(step as Step, arr(m.shape, m.dtype, m.root));
        return { json: reg, shape: m.shape, dtype: m.dtype, scalar: false };
      }
      return { json: self, shape: m.shape, dtype: m.dtype, scalar: false };
    }
    case 'array': case 'mismatch': {
      const shape = m.shape ? otherShape(r, m.shape, choice === 'mismatch') : randomShape(r, 2).slice(0, 1).map(() => 1);
      const d = randomDtype(r, m.dtype);
      if (r.chance(0.08) && shape.length === 1) {
        const nd = makeNd(r, d === 'bool' ? 'bool' : kindOf(d) === 'f' ? 'float64' : 'int64', shape);
        return { json: dataAsPy(nd), shape, dtype: nd.dtype, scalar: false };
      }
      const reg = c.addInput(d, shape);
      return { json: reg, shape, dtype: d, scalar: false };
    }
  }
}

function unaryResultDtype(name: string, d: DT | null): DT | null {
  if (d === null) return null;
  if (['isnan', 'isinf', 'isfinite', 'signbit', 'logical_not'].includes(name)) return 'bool';
  if (FLOAT_ONLY.has(name) && kindOf(d) !== 'f') return bitsOf(d) <= 16 ? 'float32' : 'float64';
  return d;
}

/** Adds one step to the chain (or ends it). */
function addStep(c: Chain, fam: Family, last: boolean): void {
  const r = c.r;
  const self = currentArray(c);
  if (self === null) { c.done = true; return; }
  const m = c.model(self) as ArrModel;
  const S = m.shape;
  const kinds = (Object.entries(fam.weights) as [OpKind, number][])
    .filter(([k, wt]) => wt > 0 && (!c.inexact || ['view', 'transpose', 'reshape', 'squeeze', 'flip', 'fancy', 'attr', 'concat'].includes(k))
      && (k !== 'attr' || last) && (S !== null || ['unary', 'reduce', 'astype', 'attr', 'binary'].includes(k)))
    .map(([k, wt]) => [wt, k] as const);
  if (kinds.length === 0) { c.done = true; return; }
  const kind = r.weighted(kinds);
  const nd = S?.length ?? 0;
  switch (kind) {
    case 'view': {
      const bi = basicIndex(r, S as number[]);
      const res: Model = bi.scalar ? { kind: 'scalar', dtype: m.dtype } : { ...arr(bi.shape, m.dtype, m.root), readonly: m.readonly };
      c.push({ getitem: self, index: bi.index }, res, bi.shape === null);
      return;
    }
    case 'transpose': {
      const s = S as number[];
      const how = r.weighted([[3, 'T'], [3, 'axes'], [2, 'swap'], [1, 'move'], [1, 'fnT']] as const);
      if (how === 'T') { c.push({ attr: 'T', self }, { ...arr([...s].reverse(), m.dtype, m.root), readonly: m.readonly }); return; }
      if (how === 'fnT') { c.push({ fn: 'transpose', args: [self], kwargs: {} }, { ...arr([...s].reverse(), m.dtype, m.root), readonly: m.readonly }); return; }
      if (how === 'axes') {
        const perm = s.map((_, i) => i);
        for (let i = perm.length - 1; i > 0; i--) { const j = r.int(0, i); [perm[i], perm[j]] = [perm[j], perm[i]]; }
        const axes = perm.map((p) => (r.chance(0.3) ? p - nd : p));
        const bad = r.chance(BAD);
        if (bad && axes.length > 0) axes[0] = r.chance(0.5) ? nd : axes[axes.length - 1];
        const ok = !bad || axes.length === 0 || (axes.length === 1 && axes[0] !== nd);
        const args: Json[] = r.chance(0.5) ? [{ tuple: axes }] : axes;
        c.push({ method: 'transpose', self, args, kwargs: {} }, { ...arr(ok ? perm.map((p) => s[p]) : null, m.dtype, m.root), readonly: m.readonly }, !ok);
        return;
      }
      const bad = r.chance(BAD);
      const a1 = axisArg(r, nd, bad && r.chance(0.5)), a2 = axisArg(r, nd, bad);
      const n1 = normAxis(a1, nd), n2 = normAxis(a2, nd);
      if (how === 'swap') {
        const out = [...s];
        if (n1 !== null && n2 !== null) { out[n1] = s[n2]; out[n2] = s[n1]; }
        c.push({ method: 'swapaxes', self, args: [a1, a2], kwargs: {} }, { ...arr(n1 === null || n2 === null ? null : out, m.dtype, m.root), readonly: m.readonly }, n1 === null || n2 === null);
        return;
      }
      const out = [...s];
      if (n1 !== null && n2 !== null) { const [d] = out.splice(n1, 1); out.splice(n2, 0, d); }
      c.push({ fn: 'moveaxis', args: [self, a1, a2], kwargs: {} }, { ...arr(n1 === null || n2 === null ? null : out, m.dtype, m.root), readonly: m.readonly }, n1 === null || n2 === null);
      return;
    }
    case 'reshape': {
      const s = S as number[];
      const n = size(s);
      const how = r.weighted([[6, 'reshape'], [2, 'ravel'], [1, 'flatten'], [1, 'fn']] as const);
      if (how === 'ravel' || how === 'flatten') {
        c.push({ method: how, self, args: [], kwargs: {} }, arr([n], m.dtype, how === 'ravel' ? m.root : null));
        return;
      }
      // a factorisation of n, maybe with -1, sometimes wrong on purpose
      const target: number[] = [];
      const parts = r.int(0, 4);
      if (n === 0) {
        for (let k = 0; k < Math.max(parts, 1); k++) target.push(r.pick([0, 1, 2, 3]));
        if (!target.includes(0)) target[0] = 0;
      } else if (parts > 0 || n !== 1) {
        let rest = n;
        for (let k = 0; k < parts - 1; k++) {
          const d = r.pick([1, 2, 3, 4, 5, 6].filter((x) => rest % x === 0));
          target.push(d);
          rest /= d;
        }
        target.push(rest);
      }
      if (r.chance(0.4) && target.length > 0) target[r.int(0, target.length - 1)] = -1;
      if (r.chance(BAD)) {
        if (target.length > 0 && r.chance(0.8)) target[r.int(0, target.length - 1)] += 1;
        else target.push(-1, -1);
      }
      const resShape = reshapeModel(n, target);
      const args: Json[] = r.chance(0.5) ? [{ tuple: target }] : target;
      if (how === 'fn') c.push({ fn: 'reshape', args: [self, { tuple: target }], kwargs: {} }, arr(resShape, m.dtype), resShape === null);
      else c.push({ method: 'reshape', self, args, kwargs: {} }, arr(resShape, m.dtype), resShape === null);
      return;
    }
    case 'squeeze': {
      const s = S as number[];
      if (r.chance(0.5)) {
        const ax = axisArg(r, nd, r.chance(BAD), 1);
        const out = [...s];
        out.splice(ax < 0 ? ax + nd + 1 : ax, 0, 1);
        const ok = ax >= -nd - 1 && ax <= nd;
        c.push({ fn: 'expand_dims', args: [self, ax], kwargs: {} }, { ...arr(ok ? out : null, m.dtype, m.root), readonly: m.readonly }, !ok);
        return;
      }
      const ones = s.map((d, i) => i).filter((i) => s[i] === 1);
      const pick = r.chance(BAD) ? 'bad' : r.weighted([[2, 'none'], [3, 'one']] as const);
      if (pick === 'none' || (pick === 'one' && ones.length === 0)) {
        c.push({ method: 'squeeze', self, args: [], kwargs: {} }, resultOfView(s.filter((d) => d !== 1), m));
        return;
      }
      const ax = pick === 'one' ? r.pick(ones) - (r.chance(0.4) ? nd : 0) : r.int(-nd - 1, nd);
      const na = normAxis(ax, nd);
      const ok = na !== null && s[na] === 1;
      c.push({ method: 'squeeze', self, args: [], kwargs: { axis: ax } }, ok ? resultOfView(s.filter((_, i) => i !== na), m) : arr(null, m.dtype), !ok);
      return;
    }
    case 'broadcastTo': {
      const s = S as number[];
      const target = [...Array.from({ length: r.int(0, 2) }, () => r.int(1, 3)), ...s.map((d) => (d === 1 && r.chance(0.6) ? r.int(0, 3) : d))];
      if (size(target) > 64) return;
      const bad = r.chance(BAD) && s.some((d) => d > 1);
      if (bad) { const i = target.findIndex((d, k) => k >= target.length - s.length && d > 1); target[i] += 1; }
      c.push({ fn: 'broadcast_to', args: [self, { tuple: target }], kwargs: {} }, { ...arr(bad ? null : target, m.dtype, m.root), readonly: true }, bad);
      return;
    }
    case 'flip': {
      const ax = r.chance(0.3) ? null : axisArg(r, nd, r.chance(BAD));
      const ok = ax === null || normAxis(ax, nd) !== null;
      c.push({ fn: 'flip', args: ax === null ? [self] : [self, ax], kwargs: {} }, S!.length === 0 ? { kind: 'scalar', dtype: m.dtype } : { ...arr(ok ? S : null, m.dtype, m.root), readonly: m.readonly }, !ok);
      return;
    }
    case 'binary': case 'binaryFn': case 'inplace': {
      const op = operand(c, self, m, kind !== 'binaryFn');
      const bshape = S && op.shape ? broadcastModel(S, op.shape) : null;
      const dtype = m.dtype && op.dtype ? (op.scalar && kindOf(op.dtype) <= kindOf(m.dtype) ? m.dtype : promote(m.dtype, op.dtype)) : null;
      if (kind === 'inplace') {
        let name: string = r.pick(['add', 'sub', 'mul', 'truediv', 'floordiv', 'mod', 'pow', 'and', 'or', 'xor', 'lshift', 'rshift', 'add', 'sub', 'mul'] as const);
        if (BITWISE.has(name) && dtype !== null && kindOf(dtype) === 'f' && r.chance(0.8)) name = r.pick(['add', 'sub', 'mul']);
        const ok = bshape !== null && S !== null && bshape.length === S.length && bshape.every((d, i) => d === S[i]) && !m.readonly;
        if (m.root !== null) c.written.add(m.root);
        c.push({ method: `__i${name}__`, self, args: [op.json], kwargs: {} }, arr(ok ? S : null, m.dtype, m.root), !ok);
        if (name === 'pow' && dtype && kindOf(dtype) === 'f') c.inexact = true;
        return;
      }
      if (kind === 'binaryFn') {
        const name = r.pick(BINARY_FNS);
        const args = r.chance(0.2) ? [op.json, self] : [self, op.json];
        const d = ['logical_and', 'logical_or', 'logical_xor'].includes(name) ? 'bool' : FLOAT_ONLY.has(name) || name === 'true_divide' ? (dtype && kindOf(dtype) === 'f' ? dtype : 'float64') : dtype;
        c.push({ fn: name, args, kwargs: {} }, resultOf(bshape, d), bshape === null);
        if (INEXACT.has(name)) c.inexact = true;
        return;
      }
      const cmp = r.chance(0.25);
      let name: string = cmp ? r.pick(COMPARE_DUNDERS) : r.pick(BINARY_DUNDERS);
      // bitwise ops on floats are TypeErrors: keep a few, not one in three
      if (BITWISE.has(name) && dtype !== null && kindOf(dtype) === 'f' && r.chance(0.8)) name = r.pick(['add', 'sub', 'mul', 'truediv', 'floordiv', 'mod']);
      const reflected = !cmp && op.scalar && r.chance(0.4);
      c.push({ method: reflected ? `__r${name}__` : `__${name}__`, self, args: [op.json], kwargs: {} }, resultOf(bshape, cmp ? 'bool' : name === 'truediv' && dtype && kindOf(dtype) !== 'f' ? 'float64' : dtype), bshape === null);
      if (name === 'pow' && dtype && kindOf(dtype) === 'f') c.inexact = true;
      return;
    }
    case 'unary': case 'inexact': {
      if (kind === 'unary' && r.chance(0.3)) {
        const name = r.pick(['neg', 'abs', 'invert', 'pos'] as const);
        c.push({ method: `__${name}__`, self, args: [], kwargs: {} }, resultOf(S, m.dtype));
        return;
      }
      let target = self, tm = m;
      const name = kind === 'inexact' ? r.pick(INEXACT_UNARY) : r.pick(EXACT_UNARY);
      // float-only ufuncs of bool/int8/uint8 give float16 in NumPy: cast first
      if (FLOAT_ONLY.has(name) && m.dtype !== null && bitsOf(m.dtype) <= 8 && kindOf(m.dtype) !== 'f' && r.chance(0.9)) {
        const d = r.pick(['float32', 'float64', 'int16'] as const);
        target = c.push({ method: 'astype', self, args: [d], kwargs: {} }, arr(S, d));
        tm = c.model(target) as ArrModel;
      }
      c.push({ fn: name, args: [target], kwargs: {} }, resultOf(S, unaryResultDtype(name, tm.dtype)));
      if (kind === 'inexact') c.inexact = true;
      return;
    }
    case 'reduce': {
      const name = r.pick(REDUCTIONS);
      const single = ['argmax', 'argmin', 'cumsum', 'cumprod'].includes(name);
      let axis: Json = null, axes: number[] | null = null, ok = true;
      const ax = r.chance(BAD) ? 'bad' : r.weighted([[3, 'none'], [6, 'int'], [single ? 0 : 2, 'tuple']] as const);
      if (ax === 'int' && S !== null && nd > 0) { const a = r.int(-nd, nd - 1); axis = a; axes = [normAxis(a, nd)!]; }
      else if (ax === 'tuple' && S !== null && nd > 0) {
        const picked = S.map((_, i) => i).filter(() => r.chance(0.5));
        axes = picked;
        axis = { tuple: picked.map((a) => (r.chance(0.3) ? a - nd : a)) };
        if (r.chance(0.1) && picked.length > 0) { axis = { tuple: [...picked, picked[0]] }; ok = false; }
      } else if (ax === 'bad') { axis = r.pick([nd, -nd - 1, nd + 2]); ok = false; }
      const keepdims = !['cumsum', 'cumprod'].includes(name) && r.chance(0.35);
      const kwargs: Record<string, Json> = {};
      if (axis !== null || r.chance(0.3)) kwargs.axis = axis;
      if (keepdims) kwargs.keepdims = true;
      if (['sum', 'prod', 'mean', 'cumsum'].includes(name) && r.chance(0.15)) kwargs.dtype = r.pick(['float64', 'float32', 'int64', 'int32', 'uint8']);
      if (['std', 'var'].includes(name) && r.chance(0.3)) kwargs.ddof = r.int(0, 2);
      let shape: number[] | null = null;
      if (S !== null && ok) {
        if (name === 'cumsum' || name === 'cumprod') shape = axes === null ? [size(S)] : [...S];
        else if (axes === null) shape = keepdims ? S.map(() => 1) : [];
        else shape = keepdims ? S.map((d, i) => (axes!.includes(i) ? 1 : d)) : S.filter((_, i) => !axes!.includes(i));
      }
      const asFn = r.chance(0.35);
      const step: Step = asFn ? { fn: name, args: [self], kwargs } : { method: name, self, args: [], kwargs };
      const d = ['any', 'all'].includes(name) ? 'bool' : name.startsWith('arg') ? 'int64' : ['mean', 'std', 'var'].includes(name) && m.dtype && kindOf(m.dtype) !== 'f' ? 'float64' : m.dtype;
      c.push(step, resultOf(shape, d), !ok);
      return;
    }
    case 'astype': {
      const d = r.pick(DTYPES);
      c.push({ method: 'astype', self, args: [r.chance(0.1) ? ({ float64: 'f8', int64: 'i8', float32: 'f4', int32: 'i4', bool: '?', uint8: 'u1' } as Record<string, string>)[d] ?? d : d], kwargs: {} }, resultOfArr(S, d));
      return;
    }
    case 'concat': {
      const s = S as number[];
      const fnName = r.weighted([[6, 'concatenate'], [3, 'stack'], [1, 'vstack'], [1, 'hstack']] as const);
      const count = r.int(1, 3);
      const items: Json[] = [self];
      const useNone = fnName === 'concatenate' && r.chance(0.1);
      const axis = fnName === 'stack' ? axisArg(r, nd, r.chance(BAD), 1) : nd > 0 ? axisArg(r, nd, r.chance(BAD)) : 0;
      const na = fnName === 'stack' ? (axis >= -nd - 1 && axis <= nd ? (axis < 0 ? axis + nd + 1 : axis) : null) : normAxis(axis, nd);
      const bad = r.chance(BAD) && nd > 0;
      let total = fnName === 'concatenate' && na !== null ? s[na] : 0;
      for (let k = 1; k < count; k++) {
        if (r.chance(0.2)) {
          items.push(self);
          total += fnName === 'concatenate' && na !== null ? s[na] : 0;
          continue;
        }
        const shp = [...s];
        if (fnName === 'concatenate' && na !== null) { shp[na] = r.int(0, 3); total += shp[na]; }
        if (bad) shp[r.int(0, shp.length - 1)] += 1;
        items.push(c.addInput(randomDtype(r, m.dtype), shp));
      }
      let shape: number[] | null = null;
      if (!bad && !useNone && na !== null && (nd > 0 || fnName === 'stack')) {
        if (fnName === 'concatenate') { shape = [...s]; shape[na] = total; }
        else if (fnName === 'stack') { shape = [...s]; shape.splice(na, 0, count); }
      }
      const kwargs: Record<string, Json> = {};
      if (useNone) kwargs.axis = null;
      else if (fnName === 'concatenate' || fnName === 'stack') kwargs.axis = axis;
      const fails = (fnName === 'concatenate' || fnName === 'stack') && !useNone && shape === null;
      c.push({ fn: fnName, args: [r.chance(0.3) ? { tuple: items } : items], kwargs }, arr(useNone ? null : shape, m.dtype), fails);
      return;
    }
    case 'fancy': {
      const s = S as number[];
      if (nd === 0) { c.push({ getitem: self, index: { tuple: [] } }, { kind: 'scalar', dtype: m.dtype }); return; }
      const axis = r.int(0, nd - 1);
      const n = s[axis];
      const vals = Array.from({ length: r.int(0, 4) }, () => (n === 0 ? 0 : r.int(-n, n - 1)));
      if (r.chance(BAD)) vals.push(r.pick([n, -n - 1, n + 5]));
      let ok = vals.every((v) => v >= -n && v < n);
      const asArray = r.chance(0.5);
      const idxShape = asArray && vals.length >= 2 && vals.length % 2 === 0 && r.chance(0.3) ? [2, vals.length / 2] : [vals.length];
      const idx: Json = asArray ? { nd: vals, dtype: r.pick(['int64', 'int32', 'uint8', 'int8'] as const), shape: idxShape } : vals;
      if (asArray && vals.some((v) => v < 0)) (idx as { dtype: string }).dtype = 'int64';
      const items: Json[] = [];
      for (let k = 0; k < axis; k++) items.push(r.chance(0.7) ? { slice: [null, null, null] } : { slice: [null, null, r.pick([1, -1, 2])] });
      items.push(idx);
      let consumed = 1;
      if (r.chance(0.2) && axis + 1 < nd) {
        // a second advanced index next to the first: an int, or an array of the same shape
        const m2 = s[axis + 1];
        if (m2 === 0) ok = false;
        items.push(r.chance(0.5) ? 0 : { nd: vals.map((_, k) => k % Math.max(1, m2)), dtype: 'int64', shape: idxShape });
        consumed = 2;
      }
      const out: number[] = [];
      items.slice(0, axis).forEach((it, k) => {
        const st = (it as { slice: (number | null)[] }).slice[2] ?? 1;
        out.push(st > 0 ? Math.ceil(s[k] / st) : Math.ceil(s[k] / -st));
      });
      const shape = ok ? [...out, ...idxShape, ...s.slice(axis + consumed)] : null;
      c.push({ getitem: self, index: items.length === 1 && r.chance(0.6) ? items[0] : { tuple: items } }, arr(shape, m.dtype), !ok);
      return;
    }
    case 'mask': {
      const s = S as number[];
      const k = r.int(nd === 0 ? 0 : 1, nd);
      const lead = s.slice(0, k);
      if (r.chance(0.35) && k === nd) {
        // a mask computed from the array itself: shape depends on the data
        const cmpReg = c.push({ method: r.pick(['__gt__', '__lt__', '__ne__', '__ge__']), self, args: [r.pick([0, 1, -1, 0.5])], kwargs: {} }, arr(s, 'bool'));
        c.push({ getitem: self, index: cmpReg }, arr(null, m.dtype));
        return;
      }
      const bad = r.chance(BAD) && lead.length > 0;
      const mshape = bad ? lead.map((d, i) => (i === 0 ? d + 1 : d)) : lead;
      const mask = makeNd(r, 'bool', mshape);
      const count = mask.nd.filter((x) => x === true).length;
      const asList = r.chance(0.15) && mshape.length === 1;
      c.push({ getitem: self, index: asList ? (mask.nd as Json) : (mask as unknown as Json) }, arr(bad ? null : [count, ...s.slice(k)], m.dtype), bad);
      return;
    }
    case 'setitem': {
      const s = S as number[];
      const how = r.weighted([[5, 'basic'], [3, 'fancy'], [3, 'mask'], [1, 'ellipsis']] as const);
      let index: Json, target: number[] | null;
      if (how === 'basic') {
        const bi = basicIndex(r, s);
        index = bi.index;
        target = bi.shape;
      } else if (how === 'ellipsis') {
        index = { ellipsis: true };
        target = s;
      } else if (how === 'fancy' && nd > 0) {
        const n = s[0];
        const vals = Array.from({ length: r.int(0, 3) }, () => (n === 0 ? 0 : r.int(-n, n - 1)));
        const ok = n > 0 || vals.length === 0;
        index = r.chance(0.5) ? vals : { nd: vals, dtype: 'int64', shape: [vals.length] };
        target = ok ? [vals.length, ...s.slice(1)] : null;
      } else {
        const k = nd === 0 ? 0 : r.int(1, nd);
        const mask = makeNd(r, 'bool', s.slice(0, k));
        index = mask as unknown as Json;
        target = [mask.nd.filter((x) => x === true).length, ...s.slice(k)];
      }
      let value: Json;
      const vk = r.weighted([[5, 'py'], [2, 'np'], [target ? 5 : 0, 'array'], [1, 'list']] as const);
      if (vk === 'py') value = pyScalar(r).json;
      else if (vk === 'np') value = npScalar(r, randomDtype(r, m.dtype));
      else if (vk === 'list') value = [pyScalar(r).json, pyScalar(r).json];
      else value = c.addInput(randomDtype(r, m.dtype), otherShape(r, target as number[], r.chance(BAD)));
      if (m.root !== null) c.written.add(m.root);
      c.push({ setitem: self, index, value }, { ...m });
      return;
    }
    case 'where': {
      const s = S as number[];
      const cond = c.push({ method: r.pick(['__gt__', '__lt__', '__eq__']), self, args: [r.pick([0, 1, 0.5])], kwargs: {} }, arr(s, 'bool'));
      const op = operand(c, self, m, false);
      const bshape = op.shape ? broadcastModel(s, op.shape) : null;
      c.push({ fn: 'where', args: r.chance(0.5) ? [cond, self, op.json] : [cond, op.json, self], kwargs: {} }, resultOfArr(bshape, m.dtype), bshape === null);
      return;
    }
    case 'clip': {
      const lo = r.chance(0.2) ? null : pyScalar(r).json, hi = lo !== null && r.chance(0.2) ? null : pyScalar(r).json;
      const step: Step = r.chance(0.5) ? { method: 'clip', self, args: [lo, hi], kwargs: {} } : { fn: 'clip', args: [self, lo, hi], kwargs: {} };
      c.push(step, resultOf(S, m.dtype));
      return;
    }
    case 'attr': {
      c.push({ attr: r.pick(['shape', 'ndim', 'size', 'strides', 'strides', 'dtype', 'nbytes']), self }, { kind: 'other' }, true);
      return;
    }
  }
}

function resultOfView(shape: number[], m: ArrModel): Model {
  return { ...arr(shape, m.dtype, m.root), readonly: m.readonly };
}

function resultOfArr(shape: number[] | null, dtype: DT | null): Model { return arr(shape, dtype); }

/** The first input: a fresh array, or a view (transpose or basic index) of one. */
function firstInput(c: Chain): void {
  const r = c.r;
  const d = r.pick(DTYPES);
  const shape = randomShape(r);
  const viewKind = r.weighted([[5, 'none'], [2, 'T'], [3, 'index']] as const);
  if (viewKind === 'T' && shape.length >= 2) {
    c.addInput(d, shape, { json: 'T', shape: [...shape].reverse() });
    return;
  }
  if (viewKind === 'index' && shape.length >= 1) {
    // basic slices only, always valid: steps, reversals, offsets
    const items: Json[] = [], out: number[] = [];
    for (const n of shape) {
      const step = r.pick([1, 2, -1, -2, 3]);
      const start = r.chance(0.5) ? null : r.int(0, Math.max(0, n - 1));
      const lo = step < 0 ? -1 : 0, hi = step < 0 ? n - 1 : n;
      const a = start === null ? (step < 0 ? hi : lo) : Math.min(Math.max(start, lo), hi);
      items.push({ slice: [start, null, step] });
      out.push(step > 0 ? Math.max(0, Math.ceil((n - a) / step)) : Math.max(0, Math.ceil((a + 1) / -step)));
    }
    c.addInput(d, shape, { json: { tuple: items }, shape: out });
    return;
  }
  c.addInput(d, shape);
}

function buildChain(g: Gen, fam: Family, id: string): FuzzSpec {
  const r = new Rand(g);
  const c = new Chain(r);
  firstInput(c);
  const nSteps = r.int(1, fam.maxSteps);
  for (let i = 0; i < nSteps && !c.done; i++) addStep(c, fam, i === nSteps - 1);
  if (c.steps.length === 0) c.push({ method: 'copy', self: { in: 0 }, args: [], kwargs: {} }, { ...c.inModels[0] });
  const outputs: Reg[] = [{ ref: c.steps.length - 1 }];
  for (const i of c.written) outputs.push({ in: i });
  const spec: FuzzSpec = { id, inputs: c.inputs as unknown as Json[], steps: c.steps, outputs };
  return c.inexact ? { ...spec, tol: INEXACT_TOL } : spec;
}

/** The tolerance of chains with a transcendental op (see RELIABILITY.md, "Tolerances"). */
export const INEXACT_TOL = 'ulp4';

/** The family's cases, reproducibly: the same seed and count give the same specs. */
export function generateFamily(fam: Family): FuzzSpec[] {
  const gens = fc.sample(fc.gen(), { seed: fam.seed, numRuns: fam.count });
  return gens.map((g, i) => buildChain(g, fam, `${fam.name}-${i}`));
}

const NEG_ZERO = '\u0000-0.0\u0000';

/** JSON text that keeps -0.0 (JSON.stringify writes 0). */
export function toJson(x: unknown): string {
  return JSON.stringify(x, (_k, v: unknown) => (Object.is(v, -0) ? NEG_ZERO : v)).split(JSON.stringify(NEG_ZERO)).join('-0.0');
}
