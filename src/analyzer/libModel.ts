// Shape models of NumPy and torch calls for the analyzer: `np.zeros((32, 784))`, `x.sum(axis=0)`,
// `torch.cat`, `nn.Linear(784, 10)(x)`… Each model turns abstract arguments into the engine's
// shape-rule inputs and calls the SAME rule the engine uses (engine/shape/); a failed rule on
// fully known dims becomes a diagnostic with the rule's exact text. Unknown in → unknown out.
// This file holds the core (elementwise, matmul, creation, reductions, reshaping, torch tensors)
// and the lookup tables; themes live beside it: libRandom.ts, libLinalg.ts, libArrayOps.ts,
// libTorchNn.ts, with the argument helpers in modelArgs.ts.

import { DType, promoteTypes, resultType, ScalarOperand } from '../../engine/core/dtype';
import { Dim, dimMul, isNum, Shape, shapeProduct, sym } from '../../engine/shape/dim';
import { broadcastShapes } from '../../engine/shape/broadcast';
import { reduceShape } from '../../engine/shape/reduce';
import { reshapeShape } from '../../engine/shape/reshape';
import { concatShape, expandDimsShape, permuteShape, squeezeAxes, stackShape, swapAxes, transposeAxes, moveAxisPerm } from '../../engine/shape/manipulation';
import { normalizeAxis } from '../../engine/shape/axes';
import { ShapeResult } from '../../engine/shape/result';
import { getUfunc } from '../../engine/ops/ufunc';
import { dotShape, matmulShape } from '../../engine/shape/matmul';
import {
  torchBmmShape, torchBroadcastShapes, torchCatShape, torchMatmulPlan, torchMmShape, torchPermuteDims,
  torchStackShape, torchViewShape, wrapDim,
} from '../../engine/shape/torch';
import { CallArgs, CallContext, Operand } from './context';
import { arg, arr, axisArg, boolArg, dimOf, dtypeArg, isArr, known, literalShape, Model, result, shapeArg, shapeFromVarargs } from './modelArgs';
import type { Fix } from './diagnostics';
import { callLayer, layerModel } from './libTorchNn';
import { RANDOM_MODELS, TENSOR_RANDOM_METHODS, TORCH_RANDOM_MODELS } from './libRandom';
import { LINALG_MODELS } from './libLinalg';
import { ARRAY_OP_METHODS, ARRAY_OP_MODELS } from './libArrayOps';
import { AValue, ArrayValue, FLOAT, int, Lib, tuple, UNKNOWN, array } from './values';
import { join } from './join';

/** mean/std/var: float inputs keep their dtype, others compute in float64 */
const floatResult = (d: DType | null): DType | null => (d === null ? null : d.startsWith('float') ? d : 'float64');
/** a float-only ufunc (np.exp, np.sqrt…): the smallest float loop the input casts to safely
 * (bool/int8/uint8 → float16, which the engine does not model: unknown) */
const ufuncFloatResult = (d: DType | null): DType | null =>
  d === null || d === 'bool' || d === 'int8' || d === 'uint8' ? null : d.startsWith('float') ? d : d === 'int16' || d === 'uint16' ? 'float32' : 'float64';

// ---- elementwise ------------------------------------------------------------------------

/** Broadcast `a op b` (arrays or scalars); numpy or torch wording. */
export function elementwise(lib: Lib, operands: { name: string; value: AValue }[], ctx: CallContext, dtype: DType | null): AValue {
  const arrays = operands.filter((o) => isArr(o.value));
  const scalar = (v: AValue): boolean => v.kind === 'int' || v.kind === 'float' || v.kind === 'bool';
  if (arrays.length === 0) return UNKNOWN;
  // an operand that may itself be an array (unknown, a list) could change the result's rank
  if (operands.some((o) => !isArr(o.value) && !scalar(o.value))) return arr(lib, null, null, ctx);
  if (arrays.some((o) => !known((o.value as ArrayValue).shape))) return arr(lib, null, dtype, ctx);
  const shapes = arrays.map((o) => (o.value as ArrayValue).shape as Dim[]);
  const rule = lib === 'torch' ? torchBroadcastShapes(shapes[0], shapes[1] ?? []) : broadcastShapes(...operands.map((o) => (isArr(o.value) ? (o.value.shape as Dim[]) : [])));
  const r = shapes.length === 1 && lib === 'torch' ? { ok: true as const, value: [...shapes[0]] } : rule;
  if (!r.ok) {
    ctx.report('shape-broadcast', r.error, arrays, columnFix(arrays));
    return arr(lib, null, dtype, ctx);
  }
  return arr(lib, r.value, dtype, ctx);
}

/**
 * `(n, m) op (n,)` fails but `(n, m) op (n, 1)` works: the 1-D operand was meant as a column
 * (typically a reduction without keepdims). Offered only when that makes the shapes broadcast.
 */
function columnFix(ops: readonly { name: string; value: AValue; range?: import('../python/ast').Range }[]): Fix | undefined {
  if (ops.length !== 2) return undefined;
  for (const [v, other] of [[ops[1], ops[0]], [ops[0], ops[1]]] as const) {
    const s = (v.value as ArrayValue).shape, o = (other.value as ArrayValue).shape;
    if (!v.range || !s || !o || s.length !== 1 || o.length !== 2 || !isNum(s[0]) || s[0] !== o[0] || o[1] === s[0]) continue;
    if (!broadcastShapes(o, [s[0], 1]).ok) continue;
    // a reduction over axis=1 without keepdims: keepdims=True is the certain fix
    if (/\.(sum|mean|max|min|std|var|prod)\((.*,\s*)?axis\s*=\s*(1|-1)\s*\)$/.test(v.name) && !v.name.includes('keepdims')) {
      return { title: 'Keep the reduced axis: keepdims=True', range: v.range, newText: `${v.name.slice(0, -1)}, keepdims=True)` };
    }
    const simple = /^[A-Za-z_][\w.]*$/.test(v.name);
    return { title: `Use ${v.name} as a column: ${simple ? v.name : `(${v.name})`}[:, None]`, range: v.range, newText: `${simple ? v.name : `(${v.name})`}[:, None]` };
  }
  return undefined;
}

/**
 * The dtype of `a op b`. NumPy 1.24: Python scalars and 0-d arrays take part by value
 * (engine's resultType: `int8_array + 300` → int16, `bool_array + 1` → int64,
 * `float32_array * 2.5` → float32); a scalar whose value is unknown gives the dtype only if
 * every value would (else null). torch: a scalar of a higher category (bool < int < float)
 * gives that category's default dtype (int64, float32), otherwise the tensor's dtype wins.
 * true_divide of integers gives float64 (torch: float32).
 */
function binaryDType(a: AValue, b: AValue, op: string): DType | null {
  const divide = op === 'true_divide';
  if (!isArr(a) && !isArr(b)) return null;
  const torch = (isArr(a) && a.lib === 'torch') || (isArr(b) && b.lib === 'torch');
  if (torch) return torchBinaryDType(a, b, divide);
  const sides = [a, b];
  const arrays: DType[] = [];
  /** per scalar side: the values it may take (one when known) and its own dtype */
  const scalars: { dtype: DType; values: number[] }[] = [];
  for (const v of sides) {
    if (v.kind === 'array') {
      if (!v.dtype) return null;
      if (v.shape !== null && v.shape.length === 0) scalars.push({ dtype: v.dtype, values: SAMPLE_VALUES[kindOf(v.dtype)] });
      else if (v.shape === null) return null; // a 0-d array would be value-cast: cannot tell
      else arrays.push(v.dtype);
    } else if (v.kind === 'int') scalars.push({ dtype: 'int64', values: typeof v.value === 'number' ? [v.value] : SAMPLE_VALUES.i });
    // an unknown Python float is taken to fit float32 (|x| < 3.4e38): learners' constants do
    else if (v.kind === 'float') scalars.push({ dtype: 'float64', values: [v.value ?? 1.5] });
    else if (v.kind === 'bool') scalars.push({ dtype: 'bool', values: [v.value === null ? 1 : Number(v.value)] });
    else return null;
  }
  if (arrays.length === 0) { // two 0-d arrays: no value-based casting between them
    arrays.push(...scalars.map((x) => x.dtype));
    scalars.length = 0;
  }
  let result: DType | null = null;
  for (const combo of valueCombos(scalars)) {
    const r = resultType(arrays, combo);
    if (result !== null && r !== result) return null;
    result = r;
  }
  if (result !== null && divide && kindOf(result) !== 'f') return 'float64';
  return result;
}

type KindLetter = 'b' | 'i' | 'u' | 'f';
function kindOf(d: DType): KindLetter {
  return d === 'bool' ? 'b' : d.startsWith('uint') ? 'u' : d.startsWith('int') ? 'i' : 'f';
}
/** values an unknown scalar of each kind is tried with: small, negative, and wide */
const SAMPLE_VALUES: Record<KindLetter, number[]> = { b: [0, 1], i: [1, -1, 2 ** 40], u: [1, 2 ** 40], f: [1.5, 1e300] };

function valueCombos(scalars: { dtype: DType; values: number[] }[]): ScalarOperand[][] {
  let out: ScalarOperand[][] = [[]];
  for (const s of scalars) out = out.flatMap((prefix) => s.values.map((value) => [...prefix, { dtype: s.dtype, value }]));
  return out;
}

function torchBinaryDType(a: AValue, b: AValue, divide: boolean): DType | null {
  const rankOf = (k: KindLetter) => (k === 'b' ? 0 : k === 'f' ? 2 : 1);
  let tensorDType: DType | null = null;
  let scalarRank = -1;
  for (const v of [a, b]) {
    if (v.kind === 'array') {
      if (!v.dtype) return null;
      tensorDType = tensorDType ? promoteTypes(tensorDType, v.dtype) : v.dtype;
    } else if (v.kind === 'int') scalarRank = Math.max(scalarRank, 1);
    else if (v.kind === 'float') scalarRank = Math.max(scalarRank, 2);
    else if (v.kind === 'bool') scalarRank = Math.max(scalarRank, 0);
    else return null;
  }
  if (!tensorDType) return null;
  let r: DType = tensorDType;
  const tr = rankOf(kindOf(r));
  if (scalarRank > tr) r = scalarRank === 2 ? 'float32' : 'int64';
  if (divide && kindOf(r) !== 'f') r = 'float32';
  return r;
}

const UFUNC_OPS: Record<string, string> = {
  Add: 'add', Sub: 'subtract', Mult: 'multiply', Div: 'true_divide', FloorDiv: 'floor_divide', Mod: 'remainder',
  Pow: 'power', BitAnd: 'bitwise_and', BitOr: 'bitwise_or', BitXor: 'bitwise_xor', LShift: 'left_shift', RShift: 'right_shift',
};

/** `a <op> b` where at least one side is an array. */
export function binaryOp(op: string, left: Operand, right: Operand, ctx: CallContext): AValue {
  const lib: Lib = (isArr(left.value) && left.value.lib === 'torch') || (isArr(right.value) && right.value.lib === 'torch') ? 'torch' : 'numpy';
  if (op === 'MatMult') return matmul(lib, left, right, ctx);
  const uf = UFUNC_OPS[op];
  if (!uf) return UNKNOWN;
  return elementwise(lib, [left, right], ctx, binaryDType(left.value, right.value, uf));
}

export function compareOp(left: { name: string; value: AValue }, right: { name: string; value: AValue }, ctx: CallContext): AValue {
  const lib: Lib = (isArr(left.value) && left.value.lib === 'torch') || (isArr(right.value) && right.value.lib === 'torch') ? 'torch' : 'numpy';
  return elementwise(lib, [left, right], ctx, 'bool');
}

// ---- matmul -----------------------------------------------------------------------------

/** `a @ b`: NumPy's gufunc rule or torch's matmul dispatch (each with its own error text). */
export function matmul(lib: Lib, a: Operand, b: Operand, ctx: CallContext, fn: 'matmul' | 'mm' | 'bmm' | 'dot' = 'matmul'): AValue {
  if (!isArr(a.value) || !isArr(b.value)) return UNKNOWN;
  const sa = a.value.shape, sb = b.value.shape;
  const dtype = a.value.dtype && b.value.dtype ? promoteTypes(a.value.dtype, b.value.dtype) : null;
  if (!known(sa) || !known(sb)) return arr(lib, null, dtype, ctx);
  let r: ShapeResult<Dim[]>;
  if (lib === 'numpy') r = fn === 'dot' ? dotShape(sa, sb) : matmulShape(sa, sb);
  else if (fn === 'mm') r = torchMmShape(sa, sb);
  else if (fn === 'bmm') r = torchBmmShape(sa, sb);
  else {
    const p = torchMatmulPlan(sa, sb);
    r = p.ok ? { ok: true, value: p.value.shape } : p;
  }
  if (!r.ok) {
    ctx.report('shape-matmul', r.error, [a, b], transposeFix(lib, a, b, fn));
    return arr(lib, null, dtype, ctx);
  }
  return arr(lib, r.value, dtype, ctx);
}

/** `A @ B` fails but `A @ B.T` (or `A.T @ B`) works for 2-D operands: offer the transpose. */
function transposeFix(lib: Lib, a: { name: string; value: AValue; range?: import('../python/ast').Range }, b: { name: string; value: AValue; range?: import('../python/ast').Range }, fn: string): Fix | undefined {
  const sa = (a.value as ArrayValue).shape, sb = (b.value as ArrayValue).shape;
  if (!sa || !sb || sa.length !== 2 || sb.length !== 2 || fn !== 'matmul' || ![...sa, ...sb].every(isNum)) return undefined;
  const works = (x: readonly Dim[], y: readonly Dim[]) => (lib === 'numpy' ? matmulShape(x, y) : torchMmShape(x, y)).ok;
  const wrap = (n: string) => (/^[A-Za-z_][\w.]*$/.test(n) ? n : `(${n})`);
  if (b.range && works(sa, [sb[1], sb[0]])) return { title: `Transpose ${b.name}: ${wrap(b.name)}.T`, range: b.range, newText: `${wrap(b.name)}.T` };
  if (a.range && works([sa[1], sa[0]], sb)) return { title: `Transpose ${a.name}: ${wrap(a.name)}.T`, range: a.range, newText: `${wrap(a.name)}.T` };
  return undefined;
}

// ---- NumPy functions ------------------------------------------------------------------

function creation(dflt: DType, lib: Lib, shapeIndex = 0): Model {
  return (a, ctx) => {
    const shape = lib === 'torch' ? shapeFromVarargs(a.args) : shapeArg(arg(a, shapeIndex, 'shape'));
    const dtype = dtypeArg(a.kwargs.get('dtype') ?? (lib === 'numpy' ? a.args[shapeIndex + 1] : undefined));
    return arr(lib, shape, dtype === undefined ? dflt : dtype, ctx);
  };
}

function likeModel(lib: Lib): Model {
  return (a, ctx) => {
    const x = a.args[0];
    if (!isArr(x)) return UNKNOWN;
    const dtype = dtypeArg(a.kwargs.get('dtype'));
    return arr(lib, x.shape, dtype === undefined ? x.dtype : dtype, ctx);
  };
}

function arangeModel(lib: Lib): Model {
  return (a, ctx) => {
    const num = (v: AValue | undefined): number | null => {
      if (!v) return null;
      if (v.kind === 'float') return v.value ?? null;
      const d = dimOf(v);
      return d !== null && isNum(d) ? d : null;
    };
    const isFloat = a.args.some((x) => x.kind === 'float');
    const dtype = dtypeArg(a.kwargs.get('dtype')) ?? (isFloat ? (lib === 'torch' ? 'float32' : 'float64') : 'int64');
    const [start, stop, step] = a.args.length === 1 ? [0, num(a.args[0]), 1] : [num(a.args[0]), num(a.args[1]), a.args.length > 2 ? num(a.args[2]) : 1];
    let len: Dim | null = null;
    if (start !== null && stop !== null && step !== null && step !== 0) len = Math.max(0, Math.ceil((stop - start) / step));
    else if (a.args.length === 1 && a.args[0].kind === 'int') len = a.args[0].value;
    return arr(lib, [len ?? sym('?')], dtype, ctx);
  };
}

function reductionModel(lib: Lib, kind: 'sum' | 'mean' | 'minmax' | 'arg' | 'bool' | 'std'): Model {
  return (a, ctx, self) => {
    const x = self ?? a.args[0];
    const off = self ? 0 : 1;
    if (!isArr(x)) return kind === 'bool' ? { kind: 'bool', value: null } : UNKNOWN;
    const axisV = a.kwargs.get(lib === 'torch' ? 'dim' : 'axis') ?? a.kwargs.get('axis') ?? a.args[off];
    const axis = axisArg(axisV);
    const keepdims = boolArg(a.kwargs.get(lib === 'torch' ? 'keepdim' : 'keepdims') ?? a.kwargs.get('keepdims'), false);
    const dtype = kind === 'arg' ? 'int64' : kind === 'bool' ? 'bool' : kind === 'mean' || kind === 'std' ? floatResult(x.dtype)
      : kind === 'sum' && x.dtype && (x.dtype.startsWith('int') || x.dtype === 'bool') ? 'int64'
      : kind === 'sum' && x.dtype?.startsWith('uint') ? (lib === 'numpy' ? 'uint64' : 'int64') : x.dtype;
    if (!known(x.shape) || axis === null || keepdims === null) return arr(lib, null, dtype, ctx);
    if (axis === undefined && !keepdims) {
      if (lib === 'numpy') return kind === 'arg' || kind === 'sum' && (dtype === 'int64' || dtype === 'uint64') ? int(null) : kind === 'bool' ? { kind: 'bool', value: null } : FLOAT;
      return arr(lib, [], dtype, ctx);
    }
    const r = lib === 'torch' && typeof axis === 'number' ? torchDim(axis, x.shape.length) : { ok: true as const, value: axis };
    if (!r.ok) { ctx.report('shape-axis', r.error, [{ name: 'self', value: x }]); return arr(lib, null, dtype, ctx); }
    const plan = result(reduceShape(x.shape, axis, keepdims), ctx, 'shape-axis', [{ name: 'x', value: x }]);
    if (lib === 'torch' && kind === 'minmax' && axis !== undefined && plan) {
      const v = arr(lib, plan.shape, dtype, ctx);
      return tuple([v, arr(lib, plan.shape, 'int64', ctx)]);
    }
    return arr(lib, plan ? plan.shape : null, dtype, ctx);
  };
}

const torchDim = wrapDim;

function reshapeModel(lib: Lib, method: boolean): Model {
  return (a, ctx, self) => {
    const x = method ? self : a.args[0];
    if (!isArr(x)) return UNKNOWN;
    const shape = method ? shapeFromVarargs(a.args) : shapeArg(a.args[1] ?? a.kwargs.get('newshape'));
    if (!known(x.shape) || !shape) return arr(lib, null, x.dtype, ctx);
    const size = shapeProduct(x.shape);
    const r = lib === 'torch' ? torchViewShape(size, shape) : reshapeShape(size, shape);
    return arr(lib, result(r, ctx, 'shape-reshape', [{ name: 'x', value: x }]), x.dtype, ctx);
  };
}

function transposeModel(lib: Lib, method: boolean): Model {
  return (a, ctx, self) => {
    const x = method ? self : a.args[0];
    if (!isArr(x)) return UNKNOWN;
    if (!known(x.shape)) return arr(lib, null, x.dtype, ctx);
    const rest = method ? a.args : a.args.slice(1);
    const axes = rest.length === 0 ? (a.kwargs.get('axes') ? shapeArg(a.kwargs.get('axes')) : undefined) : shapeFromVarargs(rest);
    if (axes === null || (axes && !axes.every(isNum))) return arr(lib, null, x.dtype, ctx);
    const perm = result(transposeAxes(x.shape.length, axes as number[] | undefined), ctx, 'shape-transpose', [{ name: 'x', value: x }]);
    return arr(lib, perm ? permuteShape(x.shape, perm) : null, x.dtype, ctx);
  };
}

function concatModel(lib: Lib, stack: boolean): Model {
  return (a, ctx) => {
    const seq = a.args[0];
    const listed = seq && (seq.kind === 'tuple' ? seq.items : seq.kind === 'list' ? seq.items : null);
    // NumPy takes nested lists as arrays (`np.concatenate([[0.0], x])`); torch wants tensors
    const items = listed && lib === 'numpy' ? listed.map((x) => (isArr(x) || (x.kind !== 'list' && x.kind !== 'tuple') ? x : asArray(x, ctx))) : listed;
    const axisV = a.kwargs.get(lib === 'torch' ? 'dim' : 'axis') ?? a.args[1];
    const axis = axisV ? dimOf(axisV) : 0;
    // an empty sequence says nothing (a list appended to in a loop has no items)
    if (!items || items.length === 0 || items.some((x) => !isArr(x) || !known(x.shape)) || axis === null || !isNum(axis)) return arr(lib, null, null, ctx);
    const arrays = items as ArrayValue[];
    const dtype = arrays.every((x) => x.dtype) ? arrays.map((x) => x.dtype as DType).reduce(promoteTypes) : null;
    const shapes = arrays.map((x) => x.shape as Dim[]);
    const r: ShapeResult<{ shape: Dim[] }> = lib === 'torch' ? (stack ? torchStackShape(shapes, axis) : torchCatShape(shapes, axis)) : stack ? stackShape(shapes, axis) : concatShape(shapes, axis);
    const ops = arrays.map((v, i) => ({ name: `arrays[${i}]`, value: v as AValue }));
    const out = result(r, ctx, 'shape-concat', ops);
    return arr(lib, out ? out.shape : null, dtype, ctx);
  };
}

/** A nested list literal as the array NumPy makes of it (unknown when ragged or unknowable). */
function asArray(v: AValue, ctx: CallContext): AValue {
  const { shape, dtype } = literalShape(v);
  return shape ? arr('numpy', shape, dtype, ctx) : UNKNOWN;
}

function expandDimsModel(lib: Lib, method: boolean): Model {
  return (a, ctx, self) => {
    const x = method ? self : a.args[0];
    const axis = axisArg(method ? a.args[0] ?? a.kwargs.get('dim') : a.args[1] ?? a.kwargs.get('axis'));
    if (!isArr(x) || !known(x.shape) || axis === null || axis === undefined) return isArr(x) ? arr(lib, null, x.dtype, ctx) : UNKNOWN;
    if (lib === 'torch' && typeof axis === 'number') {
      const r = torchDim(axis, x.shape.length + 1);
      if (!r.ok) { ctx.report('shape-axis', r.error, [{ name: 'self', value: x }]); return arr(lib, null, x.dtype, ctx); }
    }
    const r = result(expandDimsShape(x.shape, axis), ctx, 'shape-axis', [{ name: 'x', value: x }]);
    return arr(lib, r ? r.shape : null, x.dtype, ctx);
  };
}

function squeezeModel(lib: Lib, method: boolean): Model {
  return (a, ctx, self) => {
    const x = method ? self : a.args[0];
    if (!isArr(x)) return UNKNOWN;
    const axis = axisArg(method ? a.args[0] ?? a.kwargs.get(lib === 'torch' ? 'dim' : 'axis') : a.args[1] ?? a.kwargs.get('axis'));
    if (!known(x.shape) || axis === null) return arr(lib, null, x.dtype, ctx);
    if (lib === 'torch') {
      // torch squeezes a non-1 dim silently
      if (axis === undefined) return arr(lib, x.shape.filter((d) => d !== 1), x.dtype, ctx);
      const ax = typeof axis === 'number' ? axis : null;
      if (ax === null) return arr(lib, null, x.dtype, ctx);
      const r = torchDim(ax, x.shape.length);
      if (!r.ok) { ctx.report('shape-axis', r.error, [{ name: 'self', value: x }]); return arr(lib, null, x.dtype, ctx); }
      return arr(lib, x.shape.filter((d, i) => !(i === r.value && d === 1)), x.dtype, ctx);
    }
    if (axis === undefined && x.shape.some((d) => !isNum(d))) return arr(lib, null, x.dtype, ctx);
    const drop = result(squeezeAxes(x.shape, axis), ctx, 'shape-squeeze', [{ name: 'x', value: x }]);
    return arr(lib, drop ? x.shape.filter((_, i) => !drop.includes(i)) : null, x.dtype, ctx);
  };
}

function swapModel(lib: Lib, method: boolean): Model {
  return (a, ctx, self) => {
    const x = method ? self : a.args[0];
    const rest = method ? a.args : a.args.slice(1);
    const d0 = dimOf(rest[0]), d1 = dimOf(rest[1]);
    if (!isArr(x) || !known(x.shape) || d0 === null || d1 === null || !isNum(d0) || !isNum(d1)) return isArr(x) ? arr(lib, null, x.dtype, ctx) : UNKNOWN;
    const perm = result(swapAxes(x.shape.length, d0, d1), ctx, 'shape-axis', [{ name: 'x', value: x }]);
    return arr(lib, perm ? permuteShape(x.shape, perm) : null, x.dtype, ctx);
  };
}

function moveaxisModel(): Model {
  return (a, ctx) => {
    const x = a.args[0];
    const s = axisArg(a.args[1]), d = axisArg(a.args[2]);
    if (!isArr(x) || !known(x.shape) || s === null || s === undefined || d === null || d === undefined) return isArr(x) ? arr('numpy', null, x.dtype, ctx) : UNKNOWN;
    const perm = result(moveAxisPerm(x.shape.length, typeof s === 'number' ? [s] : s, typeof d === 'number' ? [d] : d), ctx, 'shape-axis', [{ name: 'x', value: x }]);
    return arr('numpy', perm ? permuteShape(x.shape, perm) : null, x.dtype, ctx);
  };
}

function ufuncModel(name: string, nin: number): Model {
  return (a, ctx) => {
    const ops = a.args.slice(0, nin).map((v, i) => ({ name: a.argTexts[i] ?? `x${i + 1}`, value: v }));
    // a missing operand (`np.maximum(z, )` while typing) is a TypeError, not a shape question
    if (ops.length < nin) return UNKNOWN;
    const uf = getUfunc(name);
    // of Python numbers: a NumPy float scalar (np.sqrt(d) with an int d too)
    if (!ops.some((o) => isArr(o.value))) return ops.some((o) => o.value.kind === 'float') || (uf?.loops === 'float' && !uf.boolOut && ops.every((o) => o.value.kind === 'int')) ? FLOAT : UNKNOWN;
    const first = ops.find((o) => isArr(o.value))?.value as ArrayValue;
    const dtype = uf?.boolOut ? 'bool' : nin === 1 ? (uf && uf.loops === 'float' ? ufuncFloatResult(first.dtype) : first.dtype)
      : binaryDType(ops[0].value, ops[1].value, name);
    return elementwise('numpy', ops, ctx, dtype);
  };
}

function sameShape(lib: Lib, dtypeOf?: (d: DType | null) => DType | null): Model {
  return (a, ctx, self) => {
    const x = self ?? a.args[0];
    if (!isArr(x)) return UNKNOWN;
    return arr(lib, x.shape, dtypeOf ? dtypeOf(x.dtype) : x.dtype, ctx);
  };
}

function whereModel(): Model {
  return (a, ctx, self) => {
    if (a.args.length === 1 && a.kwargs.size === 0) return ARRAY_OP_MODELS.nonzero(a, ctx, self);
    if (a.args.length !== 3) return UNKNOWN;
    const ops = a.args.map((v, i) => ({ name: a.argTexts[i] ?? `arg${i}`, value: v }));
    const dt = binaryDType(a.args[1], a.args[2], 'where');
    return elementwise('numpy', ops, ctx, dt);
  };
}

function arrayModel(lib: Lib): Model {
  return (a, ctx) => {
    const v = a.args[0];
    if (!v) return UNKNOWN;
    const { shape, dtype } = literalShape(v);
    const explicit = dtypeArg(a.kwargs.get('dtype') ?? (lib === 'numpy' ? a.args[1] : undefined));
    let dt = explicit === undefined ? dtype : explicit;
    if (lib === 'torch' && explicit === undefined && dt === 'float64' && !isArr(v)) dt = 'float32';
    return arr(lib, shape, dt, ctx);
  };
}

function eyeModel(lib: Lib): Model {
  return (a, ctx) => {
    const n = dimOf(a.args[0]);
    const m = a.args[1] && a.args[1].kind !== 'none' ? dimOf(a.args[1]) : n;
    const dtype = dtypeArg(a.kwargs.get('dtype')) ?? (lib === 'torch' ? 'float32' : 'float64');
    return arr(lib, [n ?? sym('?'), m ?? sym('?')], dtype, ctx);
  };
}

function linspaceModel(lib: Lib): Model {
  return (a, ctx) => {
    const n = a.args[2] ?? a.kwargs.get(lib === 'torch' ? 'steps' : 'num');
    const num = n ? dimOf(n) : lib === 'numpy' ? 50 : null;
    const dtype = dtypeArg(a.kwargs.get('dtype') ?? (lib === 'numpy' ? a.args[5] : undefined));
    return arr(lib, [num ?? sym('?')], dtype ?? (lib === 'torch' ? 'float32' : 'float64'), ctx);
  };
}

function astypeModel(lib: Lib, fixed?: DType): Model {
  return (a, ctx, self) => {
    if (!isArr(self)) return UNKNOWN;
    const d = fixed ?? dtypeArg(a.args[0] ?? a.kwargs.get('dtype'));
    return arr(lib, self.shape, d ?? null, ctx);
  };
}

/** `x.numpy()`, `torch.from_numpy(x)`: same shape, other library. */
function convertModel(to: Lib, method: boolean): Model {
  return (a, ctx, self) => {
    const x = method ? self : a.args[0];
    if (!isArr(x)) return UNKNOWN;
    return array(to, x.shape, x.dtype, x.origin ?? ctx.origin);
  };
}

function flattenModel(lib: Lib): Model {
  return (a, ctx, self) => {
    const x = self ?? a.args[0];
    if (!isArr(x) || !known(x.shape)) return isArr(x) ? arr(lib, null, x.dtype, ctx) : UNKNOWN;
    if (lib === 'numpy') return arr(lib, [shapeProduct(x.shape)], x.dtype, ctx);
    const off = self ? 0 : 1;
    const s = dimOf(a.args[off] ?? a.kwargs.get('start_dim')) ?? 0, e = dimOf(a.args[off + 1] ?? a.kwargs.get('end_dim')) ?? -1;
    if (!isNum(s) || !isNum(e)) return arr(lib, null, x.dtype, ctx);
    const nd = x.shape.length;
    const st = s < 0 ? s + nd : s, en = e < 0 ? e + nd : e;
    if (nd === 0) return arr(lib, [1], x.dtype, ctx);
    const mid = x.shape.slice(st, en + 1).reduce<Dim>((p, d) => dimMul(p, d), 1);
    return arr(lib, [...x.shape.slice(0, st), mid, ...x.shape.slice(en + 1)], x.dtype, ctx);
  };
}

function permuteModel(): Model {
  return (a, ctx, self) => {
    if (!isArr(self) || !known(self.shape)) return isArr(self) ? arr('torch', null, self.dtype, ctx) : UNKNOWN;
    const dims = shapeFromVarargs(a.args);
    if (!dims || !dims.every(isNum)) return arr('torch', null, self.dtype, ctx);
    const perm = result(torchPermuteDims(self.shape.length, dims as number[]), ctx, 'shape-transpose', [{ name: 'self', value: self }]);
    return arr('torch', perm ? permuteShape(self.shape, perm) : null, self.dtype, ctx);
  };
}

function sizeModel(): Model {
  return (a, _ctx, self) => {
    if (!isArr(self) || !known(self.shape)) return UNKNOWN;
    if (a.args.length === 0) return tuple(self.shape.map((d) => int(d)));
    const d = dimOf(a.args[0]);
    if (d === null || !isNum(d)) return int(null);
    const r = normalizeAxis(d, self.shape.length);
    return r.ok ? int(self.shape[r.value]) : int(null);
  };
}

export { callLayer, dimOf, literalShape, shapeArg };

// ---- the tables ---------------------------------------------------------------------------

const NUMPY: Record<string, Model> = {
  zeros: creation('float64', 'numpy'), ones: creation('float64', 'numpy'), empty: creation('float64', 'numpy'),
  full: (a, ctx) => arr('numpy', shapeArg(a.args[0]), dtypeArg(a.kwargs.get('dtype')) ?? (a.args[1]?.kind === 'float' ? 'float64' : a.args[1]?.kind === 'int' ? 'int64' : null), ctx),
  zeros_like: likeModel('numpy'), ones_like: likeModel('numpy'), empty_like: likeModel('numpy'), full_like: likeModel('numpy'),
  array: arrayModel('numpy'), asarray: arrayModel('numpy'),
  arange: arangeModel('numpy'), linspace: linspaceModel('numpy'), eye: eyeModel('numpy'),
  identity: (a, ctx) => { const n = dimOf(a.args[0]) ?? sym('?'); return arr('numpy', [n, n], 'float64', ctx); },
  sum: reductionModel('numpy', 'sum'), mean: reductionModel('numpy', 'mean'), std: reductionModel('numpy', 'std'), var: reductionModel('numpy', 'std'),
  max: reductionModel('numpy', 'minmax'), min: reductionModel('numpy', 'minmax'), amax: reductionModel('numpy', 'minmax'), amin: reductionModel('numpy', 'minmax'),
  prod: reductionModel('numpy', 'sum'), argmax: reductionModel('numpy', 'arg'), argmin: reductionModel('numpy', 'arg'),
  any: reductionModel('numpy', 'bool'), all: reductionModel('numpy', 'bool'),
  reshape: reshapeModel('numpy', false), transpose: transposeModel('numpy', false), swapaxes: swapModel('numpy', false), moveaxis: moveaxisModel(),
  concatenate: concatModel('numpy', false), stack: concatModel('numpy', true),
  vstack: (a, ctx) => concatModel('numpy', false)({ ...a, args: [atLeast2dSeq(a.args[0])] }, ctx, null),
  hstack: (a, ctx) => hstackModel(a, ctx),
  column_stack: (a, ctx) => concatModel('numpy', false)({ ...a, args: [columnsSeq(a.args[0])], kwargs: new Map([['axis', int(1)]]) }, ctx, null),
  expand_dims: expandDimsModel('numpy', false), squeeze: squeezeModel('numpy', false),
  ravel: flattenModel('numpy'), where: whereModel(), clip: sameShape('numpy'), copy: sameShape('numpy'),
  matmul: (a, ctx) => matmul('numpy', { name: a.argTexts[0] ?? 'x1', value: a.args[0] }, { name: a.argTexts[1] ?? 'x2', value: a.args[1] }, ctx),
  dot: (a, ctx) => dotModel(a, ctx),
};

function atLeast2dSeq(v: AValue | undefined): AValue {
  if (!v || (v.kind !== 'tuple' && v.kind !== 'list')) return UNKNOWN;
  const items = v.kind === 'tuple' ? v.items : v.items;
  if (!items) return UNKNOWN;
  return tuple(items.map((x) => (isArr(x) && known(x.shape) && x.shape.length === 1 ? { ...x, shape: [1, x.shape[0]] } : x)));
}

/** column_stack's inputs: 1-D arrays become columns, others stay (then joined on axis 1). */
function columnsSeq(v: AValue | undefined): AValue {
  if (!v || (v.kind !== 'tuple' && v.kind !== 'list')) return UNKNOWN;
  const items = v.kind === 'tuple' ? v.items : v.items;
  if (!items) return UNKNOWN;
  return tuple(items.map((x) => (isArr(x) && known(x.shape) && x.shape.length < 2 ? { ...x, shape: x.shape.length === 1 ? [x.shape[0], 1] : [1, 1] } : x)));
}

function hstackModel(a: CallArgs, ctx: CallContext): AValue {
  const v = a.args[0];
  const items = v && (v.kind === 'tuple' ? v.items : v.kind === 'list' ? v.items : null);
  if (!items || !items.every((x) => isArr(x) && known(x.shape))) return arr('numpy', null, null, ctx);
  const first = (items[0] as ArrayValue).shape as Dim[];
  return concatModel('numpy', false)({ ...a, args: [v], kwargs: new Map([['axis', int(first.length === 1 ? 0 : 1)]]) }, ctx, null);
}

function dotModel(a: CallArgs, ctx: CallContext): AValue {
  return matmul('numpy', { name: a.argTexts[0] ?? 'a', value: a.args[0] ?? UNKNOWN }, { name: a.argTexts[1] ?? 'b', value: a.args[1] ?? UNKNOWN }, ctx, 'dot');
}

const NDARRAY_METHODS: Record<string, Model> = {
  reshape: reshapeModel('numpy', true), transpose: transposeModel('numpy', true), swapaxes: swapModel('numpy', true),
  sum: reductionModel('numpy', 'sum'), mean: reductionModel('numpy', 'mean'), std: reductionModel('numpy', 'std'), var: reductionModel('numpy', 'std'),
  max: reductionModel('numpy', 'minmax'), min: reductionModel('numpy', 'minmax'), prod: reductionModel('numpy', 'sum'),
  argmax: reductionModel('numpy', 'arg'), argmin: reductionModel('numpy', 'arg'), any: reductionModel('numpy', 'bool'), all: reductionModel('numpy', 'bool'),
  squeeze: squeezeModel('numpy', true), flatten: flattenModel('numpy'), ravel: flattenModel('numpy'),
  astype: astypeModel('numpy'), copy: sameShape('numpy'), clip: sameShape('numpy'), round: sameShape('numpy'),
  dot: (a, ctx, self) => dotModel({ ...a, args: [self ?? UNKNOWN, ...a.args], argTexts: ['self', ...a.argTexts] }, ctx),
  tolist: () => ({ kind: 'list', items: null, elem: UNKNOWN }), item: () => UNKNOWN,
};

const TORCH: Record<string, Model> = {
  zeros: creation('float32', 'torch'), ones: creation('float32', 'torch'), empty: creation('float32', 'torch'),
  tensor: arrayModel('torch'), from_numpy: convertModel('torch', false), as_tensor: arrayModel('torch'),
  arange: arangeModel('torch'), eye: eyeModel('torch'), linspace: linspaceModel('torch'),
  zeros_like: likeModel('torch'), ones_like: likeModel('torch'), randn_like: likeModel('torch'), rand_like: likeModel('torch'),
  cat: concatModel('torch', false), stack: concatModel('torch', true),
  matmul: (a, ctx) => matmul('torch', { name: a.argTexts[0] ?? 'input', value: a.args[0] }, { name: a.argTexts[1] ?? 'other', value: a.args[1] }, ctx),
  mm: (a, ctx) => matmul('torch', { name: a.argTexts[0] ?? 'input', value: a.args[0] }, { name: a.argTexts[1] ?? 'mat2', value: a.args[1] }, ctx, 'mm'),
  bmm: (a, ctx) => matmul('torch', { name: a.argTexts[0] ?? 'input', value: a.args[0] }, { name: a.argTexts[1] ?? 'mat2', value: a.args[1] }, ctx, 'bmm'),
  sum: reductionModel('torch', 'sum'), mean: reductionModel('torch', 'mean'), max: reductionModel('torch', 'minmax'), argmax: reductionModel('torch', 'arg'),
  flatten: flattenModel('torch'), squeeze: squeezeModel('torch', false), unsqueeze: expandDimsModel('torch', false),
  relu: sameShape('torch'), sigmoid: sameShape('torch'), tanh: sameShape('torch'), exp: sameShape('torch'), log: sameShape('torch'), abs: sameShape('torch'), sqrt: sameShape('torch'),
  'nn.functional.relu': sameShape('torch'), 'nn.functional.softmax': sameShape('torch'), 'nn.functional.log_softmax': sameShape('torch'),
  'nn.functional.sigmoid': sameShape('torch'), 'nn.functional.dropout': sameShape('torch'),
  'nn.functional.one_hot': (a, ctx) => {
    const x = a.args[0] ?? a.kwargs.get('tensor');
    if (!isArr(x) || !known(x.shape)) return isArr(x) ? arr('torch', null, 'int64', ctx) : UNKNOWN;
    const n = dimOf(a.args[1] ?? a.kwargs.get('num_classes'));
    // num_classes=-1 (the default): the largest label + 1, a value only the run knows
    return arr('torch', [...x.shape, n !== null && (!isNum(n) || n >= 0) ? n : sym('num_classes')], 'int64', ctx);
  },
  'nn.functional.cross_entropy': (_a, ctx) => arr('torch', [], 'float32', ctx),
  'nn.functional.mse_loss': (_a, ctx) => arr('torch', [], 'float32', ctx),
  'nn.Linear': layerModel('Linear'), 'nn.Conv2d': layerModel('Conv2d'), 'nn.MaxPool2d': layerModel('MaxPool2d'),
  'nn.Flatten': layerModel('Flatten'), 'nn.Sequential': layerModel('Sequential'),
  // a ModuleList is a list of its modules (a copy of the one given); appending makes its length unknown
  'nn.ModuleList': (a) => {
    const m = a.args[0] ?? a.kwargs.get('modules');
    if (m === undefined || m.kind === 'none') return { kind: 'list', items: [], elem: UNKNOWN };
    if (m.kind === 'tuple') return { kind: 'list', items: m.items, elem: m.items.length ? m.items.reduce(join) : UNKNOWN };
    return m.kind === 'list' ? { kind: 'list', items: m.items, elem: m.elem } : { kind: 'list', items: null, elem: UNKNOWN };
  },
  'nn.ReLU': layerModel('Identity'), 'nn.Sigmoid': layerModel('Identity'), 'nn.Tanh': layerModel('Identity'),
  'nn.Dropout': layerModel('Identity'), 'nn.Softmax': layerModel('Identity'), 'nn.LogSoftmax': layerModel('Identity'),
  // a Parameter is its tensor (requires_grad aside)
  'nn.Parameter': (a, ctx) => (isArr(a.args[0]) ? arr('torch', a.args[0].shape, a.args[0].dtype, ctx) : UNKNOWN),
  'nn.CrossEntropyLoss': layerModel('Loss'), 'nn.MSELoss': layerModel('Loss'), 'nn.NLLLoss': layerModel('Loss'), 'nn.L1Loss': layerModel('Loss'),
  'nn.BCELoss': layerModel('Loss'), 'nn.BCEWithLogitsLoss': layerModel('Loss'),
  'nn.BatchNorm1d': layerModel('Identity'), 'nn.BatchNorm2d': layerModel('Identity'), 'nn.Identity': layerModel('Identity'),
};

const TENSOR_METHODS: Record<string, Model> = {
  view: reshapeModel('torch', true), reshape: reshapeModel('torch', true), permute: permuteModel(),
  transpose: swapModel('torch', true), unsqueeze: expandDimsModel('torch', true), squeeze: squeezeModel('torch', true),
  flatten: flattenModel('torch'), size: sizeModel(), contiguous: sameShape('torch'), clone: sameShape('torch'),
  detach: sameShape('torch'), zero_: sameShape('torch'), fill_: sameShape('torch'), cpu: sameShape('torch'), cuda: sameShape('torch'), to: sameShape('torch'),
  float: astypeModel('torch', 'float32'), double: astypeModel('torch', 'float64'), long: astypeModel('torch', 'int64'),
  int: astypeModel('torch', 'int32'), bool: astypeModel('torch', 'bool'),
  numpy: convertModel('numpy', true),
  sum: reductionModel('torch', 'sum'), mean: reductionModel('torch', 'mean'), std: reductionModel('torch', 'std'),
  max: reductionModel('torch', 'minmax'), min: reductionModel('torch', 'minmax'), argmax: reductionModel('torch', 'arg'),
  relu: sameShape('torch'), sigmoid: sameShape('torch'), exp: sameShape('torch'), abs: sameShape('torch'),
  dim: (_a, _c, self) => (isArr(self) && known(self.shape) ? int(self.shape.length) : int(null)),
  numel: (_a, _c, self) => (isArr(self) && known(self.shape) ? int(shapeProduct(self.shape)) : int(null)),
  item: () => FLOAT, tolist: () => ({ kind: 'list', items: null, elem: UNKNOWN }),
};

/** A library function by its full path (`numpy.zeros`, `torch.nn.Linear`), or undefined. */
export function libFunction(path: string): Model | undefined {
  if (path.startsWith('numpy.')) {
    const name = path.slice(6);
    const m = NUMPY[name] ?? RANDOM_MODELS[name] ?? LINALG_MODELS[name] ?? ARRAY_OP_MODELS[name];
    if (m) return m;
    const uf = getUfunc(name);
    if (uf) return ufuncModel(name, uf.nin);
    return undefined;
  }
  if (path.startsWith('torch.')) return TORCH[path.slice(6)] ?? TORCH_RANDOM_MODELS[path.slice(6)];
  return undefined;
}

export function arrayMethod(lib: Lib, name: string): Model | undefined {
  return lib === 'torch' ? TENSOR_METHODS[name] ?? TENSOR_RANDOM_METHODS[name] : ARRAY_OP_METHODS[name] ?? NDARRAY_METHODS[name];
}

export function isKnownModulePath(path: string): boolean {
  return ['numpy', 'numpy.random', 'numpy.linalg', 'torch', 'torch.nn', 'torch.nn.functional'].includes(path);
}
