// Shape models of np.linalg (inv, pinv, det, solve, norm, eig/eigh, svd, qr, …), np.outer and
// np.einsum, each through the engine's own rule (engine/shape/matmul.ts, einsum.ts), so a
// non-square `inv` or an einsum whose labels disagree is reported with NumPy's exact text.
// Results of float type keep float32, anything else computes in float64 (LAPACK's types);
// eig/eigvals may be complex, so their dtype stays unknown. Not modelled: lstsq's residuals,
// tensordot, multi_dot.

import { DType, promoteTypes } from '../../engine/core/dtype';
import { Dim, Shape } from '../../engine/shape/dim';
import { einsumShape } from '../../engine/shape/einsum';
import { normPlan, NormOrd, outerShape, pinvShape, qrShapes, solveShape, squareFunctionShapes, svdShapes } from '../../engine/shape/matmul';
import { ShapeResult } from '../../engine/shape/result';
import { CallArgs, CallContext } from './context';
import { arr, axisArg, boolArg, isArr, known, Model, result } from './modelArgs';
import { AValue, ArrayValue, FLOAT, int, tuple, UNKNOWN } from './values';

/** LAPACK's result type: float32 stays, other inputs (ints, bool, float64) give float64. */
const lapackDType = (d: DType | null): DType | null => (d === null ? null : d === 'float32' ? 'float32' : 'float64');

const operand = (a: CallArgs, i: number, name: string): { name: string; value: AValue } =>
  ({ name: a.argTexts[i] ?? name, value: a.args[i] ?? a.kwargs.get(name) ?? UNKNOWN });

/** A 0-d result is a NumPy scalar; otherwise an array. */
function arrayOrScalar(shape: readonly Dim[], dtype: DType | null, ctx: CallContext): AValue {
  if (shape.length > 0) return arr('numpy', shape, dtype, ctx);
  return dtype === null ? UNKNOWN : dtype.startsWith('float') ? FLOAT : dtype === 'bool' ? UNKNOWN : int(null);
}

/**
 * A function of one stacked matrix: the rule gives its result shapes (one array, or a tuple of
 * them); a failed rule on known dims is NumPy's LinAlgError, reported on the call.
 */
function matrixFunction(rule: (s: Shape, a: CallArgs) => ShapeResult<Dim[][]> | null, dtypeOf: (d: DType | null) => DType | null, asTuple: boolean): Model {
  return (a, ctx) => {
    const x = operand(a, 0, 'a');
    if (!isArr(x.value)) return UNKNOWN;
    const dtype = dtypeOf(x.value.dtype);
    if (!known(x.value.shape)) return asTuple ? UNKNOWN : arr('numpy', null, dtype, ctx);
    const r = rule(x.value.shape, a);
    if (r === null) return asTuple ? UNKNOWN : arr('numpy', null, dtype, ctx);
    const shapes = result(r, ctx, 'shape-linalg', [x]);
    if (!shapes) return asTuple ? UNKNOWN : arr('numpy', null, dtype, ctx);
    const values = shapes.map((s) => arrayOrScalar(s, dtype, ctx));
    return asTuple ? tuple(values) : values[0];
  };
}

const square = (fn: Parameters<typeof squareFunctionShapes>[0]) => (s: Shape) => squareFunctionShapes(fn, s);

function svdModel(): Model {
  return matrixFunction((s, a) => {
    const full = boolArg(a.args[1] ?? a.kwargs.get('full_matrices'), true);
    const uv = boolArg(a.args[2] ?? a.kwargs.get('compute_uv'), true);
    return full === null || uv === null ? null : svdShapes(s, full, uv);
  }, lapackDType, true);
}

function qrModel(): Model {
  return (a, ctx, self) => {
    const modeV = a.args[1] ?? a.kwargs.get('mode');
    const mode = modeV === undefined ? 'reduced' : modeV.kind === 'str' ? modeV.value : null;
    if (mode === null) return UNKNOWN;
    const single = mode === 'r';
    return matrixFunction((s) => {
      const r = qrShapes(s, mode);
      return r.ok ? { ok: true, value: r.value.shapes } : r;
    }, lapackDType, !single)(a, ctx, self);
  };
}

/** `np.linalg.solve(a, b)`: a stack of square matrices and vectors/matrices. */
const solveModel: Model = (a, ctx) => {
  const x = operand(a, 0, 'a'), y = operand(a, 1, 'b');
  if (!isArr(x.value) || !isArr(y.value)) return UNKNOWN;
  const dtype = x.value.dtype && y.value.dtype ? lapackDType(promoteTypes(x.value.dtype, y.value.dtype)) : null;
  if (!known(x.value.shape) || !known(y.value.shape)) return arr('numpy', null, dtype, ctx);
  const r = result(solveShape(x.value.shape, y.value.shape), ctx, 'shape-linalg', [x, y]);
  return arr('numpy', r ? r.shape : null, dtype, ctx);
};

/** `np.linalg.norm(x, ord=None, axis=None, keepdims=False)`. */
const normModel: Model = (a, ctx) => {
  const x = operand(a, 0, 'x');
  if (!isArr(x.value)) return x.value.kind === 'list' || x.value.kind === 'tuple' ? UNKNOWN : FLOAT;
  const dtype = lapackDType(x.value.dtype);
  const ordV = a.args[1] ?? a.kwargs.get('ord');
  let ord: NormOrd | undefined;
  if (!ordV || ordV.kind === 'none') ord = null;
  else if (ordV.kind === 'int' && typeof ordV.value === 'number') ord = ordV.value;
  else if (ordV.kind === 'float' && ordV.value !== undefined) ord = ordV.value;
  else if (ordV.kind === 'str' && ordV.value !== null) ord = ordV.value;
  const axisV = a.args[2] ?? a.kwargs.get('axis');
  const axis = axisArg(axisV);
  const keepdims = boolArg(a.args[3] ?? a.kwargs.get('keepdims'), false);
  if (ord === undefined || axis === null || keepdims === null || !known(x.value.shape)) return arr('numpy', null, dtype, ctx);
  const plan = result(normPlan(x.value.shape, ord, axis ?? null, keepdims), ctx, 'shape-axis', [x]);
  return plan ? arrayOrScalar(plan.shape, dtype, ctx) : arr('numpy', null, dtype, ctx);
};

/** `np.outer(a, b)`: both raveled, (a.size, b.size). */
const outerModel: Model = (a, ctx) => {
  const x = a.args[0], y = a.args[1];
  if (!isArr(x) || !isArr(y)) return UNKNOWN;
  const dtype = x.dtype && y.dtype ? promoteTypes(x.dtype, y.dtype) : null;
  if (!known(x.shape) || !known(y.shape)) return arr('numpy', null, dtype, ctx);
  const r = outerShape(x.shape, y.shape);
  return arr('numpy', r.ok ? r.value : null, dtype, ctx);
};

/** `np.einsum('ij,jk->ik', a, b)`: the engine's einsum plan over the operands' shapes. */
const einsumModel: Model = (a, ctx) => {
  const sub = a.args[0];
  const ops = a.args.slice(1).map((v, i) => ({ name: a.argTexts[i + 1] ?? `operand${i}`, value: v }));
  if (!sub || sub.kind !== 'str' || ops.length === 0) return UNKNOWN;
  if (!ops.every((o) => isArr(o.value))) return UNKNOWN;
  const arrays = ops.map((o) => o.value as ArrayValue);
  const explicit = a.kwargs.get('dtype');
  const dtype = explicit !== undefined ? null : arrays.every((x) => x.dtype) ? arrays.map((x) => x.dtype as DType).reduce(promoteTypes) : null;
  if (sub.value === null || !arrays.every((x) => known(x.shape))) return arr('numpy', null, dtype, ctx);
  const shape = result(einsumShape(sub.value, arrays.map((x) => x.shape as Dim[])), ctx, 'shape-einsum', ops);
  return shape ? arrayOrScalar(shape, dtype, ctx) : arr('numpy', null, dtype, ctx);
};

/** Models by their path under `numpy.`. */
export const LINALG_MODELS: Record<string, Model> = {
  'linalg.inv': matrixFunction(square('inv'), lapackDType, false),
  'linalg.cholesky': matrixFunction(square('cholesky'), lapackDType, false),
  'linalg.det': matrixFunction(square('det'), lapackDType, false),
  'linalg.slogdet': matrixFunction(square('slogdet'), lapackDType, true),
  'linalg.eigh': matrixFunction(square('eigh'), lapackDType, true),
  'linalg.eigvalsh': matrixFunction(square('eigvalsh'), lapackDType, false),
  // real input may have complex eigenvalues (complex128): the dtype is the run's to say
  'linalg.eig': matrixFunction(square('eig'), () => null, true),
  'linalg.eigvals': matrixFunction(square('eigvals'), () => null, false),
  'linalg.pinv': matrixFunction((s) => { const r = pinvShape(s); return r.ok ? { ok: true, value: [r.value] } : r; }, lapackDType, false),
  'linalg.svd': svdModel(),
  'linalg.qr': qrModel(),
  'linalg.solve': solveModel,
  'linalg.norm': normModel,
  outer: outerModel,
  einsum: einsumModel,
};
