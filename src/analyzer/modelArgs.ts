// What every library model reads and returns: abstract arguments turned into the shape rules'
// inputs (an int or tuple as a shape, an axis, a dtype) and a rule's result turned into an array
// value or a diagnostic. Helpers only; the models themselves are in libModel.ts (core NumPy and
// torch), libRandom.ts, libLinalg.ts and libArrayOps.ts.

import { DType, parseDType, promoteTypes } from '../../engine/core/dtype';
import { Dim, isNum, sym } from '../../engine/shape/dim';
import { ShapeResult } from '../../engine/shape/result';
import { CallArgs, CallContext } from './context';
import { AValue, ArrayValue, Lib, array } from './values';

/** A library call's model: its abstract arguments (and `self` for a method) to its result. */
export type Model = (a: CallArgs, ctx: CallContext, self: AValue | null) => AValue;

// ---- reading abstract arguments ---------------------------------------------------------

export function dimOf(v: AValue | undefined): Dim | null {
  if (!v) return null;
  if (v.kind === 'int') return v.value;
  if (v.kind === 'bool' && v.value !== null) return v.value ? 1 : 0;
  return null;
}

/** A shape argument: an int or a tuple/list of ints; unknown ints become `?` dims, unknown length → null. */
export function shapeArg(v: AValue | undefined): Dim[] | null {
  if (!v) return null;
  if (v.kind === 'int') return [v.value ?? sym('?')];
  if (v.kind === 'tuple' || (v.kind === 'list' && v.items)) {
    const items = v.kind === 'tuple' ? v.items : (v.items as AValue[]);
    return items.map((x) => dimOf(x) ?? sym('?'));
  }
  return null;
}

/** Shape from `*dims` varargs (`np.random.randn(3, 4)`, `t.view(32, -1)`) or one tuple. */
export function shapeFromVarargs(args: readonly AValue[]): Dim[] | null {
  if (args.length === 1 && (args[0].kind === 'tuple' || args[0].kind === 'list')) return shapeArg(args[0]);
  if (args.length === 0) return [];
  return args.map((a) => dimOf(a) ?? sym('?'));
}

/** An axis argument: undefined when absent/None, null when unknown, else numbers. */
export function axisArg(v: AValue | undefined): number | number[] | null | undefined {
  if (!v || v.kind === 'none') return undefined;
  if (v.kind === 'int') return v.value !== null && isNum(v.value) ? v.value : null;
  if (v.kind === 'tuple') {
    const out: number[] = [];
    for (const x of v.items) {
      const d = dimOf(x);
      if (d === null || !isNum(d)) return null;
      out.push(d);
    }
    return out;
  }
  return null;
}

export function boolArg(v: AValue | undefined, dflt: boolean): boolean | null {
  if (!v) return dflt;
  if (v.kind === 'bool') return v.value;
  return null;
}

export function dtypeArg(v: AValue | undefined): DType | null | undefined {
  if (!v || v.kind === 'none') return undefined;
  if (v.kind === 'dtype') return v.dtype;
  if (v.kind === 'str' && v.value) return parseDType(v.value) ?? null;
  if (v.kind === 'libfn' && v.path === 'builtins.float') return 'float64';
  if (v.kind === 'libfn' && v.path === 'builtins.int') return 'int64';
  if (v.kind === 'libfn' && v.path === 'builtins.bool') return 'bool';
  return null;
}

export const isArr = (v: AValue | undefined | null): v is ArrayValue => v !== undefined && v !== null && v.kind === 'array';
export const known = (shape: readonly Dim[] | null | undefined): shape is readonly Dim[] => Array.isArray(shape);

export function arg(a: CallArgs, i: number, name: string): AValue | undefined {
  return a.args[i] ?? a.kwargs.get(name);
}

// ---- helpers for results ----------------------------------------------------------------

export function result<T>(r: ShapeResult<T>, ctx: CallContext, code: Parameters<CallContext['report']>[0], operands: { name: string; value: AValue }[]): T | null {
  if (r.ok) return r.value;
  ctx.report(code, r.error, operands);
  return null;
}

export function arr(lib: Lib, shape: readonly Dim[] | null, dtype: DType | null, ctx: CallContext): ArrayValue {
  return array(lib, shape, dtype, ctx.origin);
}

/** `a.kwargs` with the positional argument at `index` filed under `name` when not given by keyword. */
export function withPositional(a: CallArgs, name: string, index: number): Map<string, AValue> {
  const m = new Map(a.kwargs);
  if (!m.has(name) && a.args[index]) m.set(name, a.args[index]);
  return m;
}

/** The shape of a literal nested list (`np.array([[1, 2], [3, 4]])`) and its dtype. */
export function literalShape(v: AValue): { shape: Dim[] | null; dtype: DType | null } {
  if (v.kind === 'array') return { shape: v.shape ? [...v.shape] : null, dtype: v.dtype };
  if (v.kind === 'int') return { shape: [], dtype: 'int64' };
  if (v.kind === 'float') return { shape: [], dtype: 'float64' };
  if (v.kind === 'bool') return { shape: [], dtype: 'bool' };
  if (v.kind === 'list' || v.kind === 'tuple') {
    const items = v.kind === 'tuple' ? v.items : v.items;
    if (!items) return { shape: null, dtype: null };
    if (items.length === 0) return { shape: [0], dtype: 'float64' };
    const parts = items.map(literalShape);
    const first = parts[0].shape;
    if (!first || parts.some((p) => !p.shape || p.shape.length !== first.length)) return { shape: null, dtype: null };
    let dtype: DType | null = parts[0].dtype;
    for (const p of parts) dtype = dtype && p.dtype ? promoteTypes(dtype, p.dtype) : null;
    return { shape: [items.length, ...first], dtype };
  }
  return { shape: null, dtype: null };
}
