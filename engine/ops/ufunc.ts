// Applying a ufunc: classify operands (arrays vs scalars for value-based casting), pick
// NumPy's loop dtype, broadcast, allocate or check `out`, and drive the compiled row loop.
// `applyUfunc('add', a, 1)` is `np.add(a, 1)`. Reductions over ufuncs live in reduction.ts.

import { DType, dtypeInfo, promoteTypes, resultType, ScalarOperand, canCastSameKind } from '../core/dtype';
import { NDArray, emptyArray, emptyLikeUninit, sizeOf } from '../core/ndarray';
import { castValue, copyInto } from '../core/cast';
import { broadcastStridesTo, coalesce, forEachRow } from '../core/iter';
import { NumpyError, typeError, valueError } from '../core/errors';
import { isPyScalar, NpScalar, Operand, pyScalarDType, pyScalarValue } from '../core/scalar';
import { broadcastShapes } from '../shape/broadcast';
import { shapeTextCompact } from '../shape/dim';
import { unwrap } from '../shape/result';
import { BinaryRow, compileBinary, compileUnary, UnaryRow } from './kernels';
import { LoopSet, UFUNC_ALIASES, UFUNCS, UfuncDef } from './ufuncTable';
import { asarray } from './creation';

const BY_NAME = new Map(UFUNCS.map((u) => [u.name, u]));

export function getUfunc(name: string): UfuncDef | undefined {
  return BY_NAME.get(UFUNC_ALIASES[name] ?? name);
}

export type UfuncOperand = Operand | NpScalar;

/** An operand ready for the loop: an array, and the scalar view NumPy's promotion takes of it. */
interface Classified { arr: NDArray; scalar?: ScalarOperand }

function classify(x: UfuncOperand): Classified {
  if (x instanceof NDArray) {
    return x.ndim === 0 ? { arr: x, scalar: { value: x.data[x.offset], dtype: x.dtype } } : { arr: x };
  }
  if (x instanceof NpScalar) {
    const arr = emptyArray([], x.dtype);
    arr.data[0] = x.value;
    return { arr, scalar: { value: x.value, dtype: x.dtype } };
  }
  if (isPyScalar(x)) {
    const dtype = pyScalarDType(x), value = pyScalarValue(x);
    const arr = emptyArray([], dtype);
    arr.data[0] = value;
    return { arr, scalar: { value, dtype } };
  }
  const arr = asarray(x);
  return arr.ndim === 0 ? { arr, scalar: { value: arr.data[arr.offset], dtype: arr.dtype } } : { arr };
}

const LOOP_ORDER: DType[] = ['bool', 'int8', 'uint8', 'int16', 'uint16', 'int32', 'uint32', 'int64', 'uint64', 'float32', 'float64'];

function inLoopSet(d: DType, set: LoopSet): boolean {
  const k = dtypeInfo(d).kind;
  switch (set) {
    case 'all': return true;
    case 'numeric': return k !== 'b';
    case 'ints': return k !== 'f';
    case 'intsNoBool': return k === 'i' || k === 'u';
    case 'float': return k === 'f';
  }
}

/** NumPy's loop search: the first loop every input casts to safely. */
export function resolveLoop(def: UfuncDef, common: DType): DType {
  if (common === 'bool' && def.boolError && def.loops !== 'all') throw typeError(def.boolError);
  if (def.intToFloat && dtypeInfo(common).kind !== 'f') return 'float64';
  const hasFloat16 = def.loops !== 'ints' && def.loops !== 'intsNoBool';
  for (const d of LOOP_ORDER) {
    if (d === 'float32' && hasFloat16 && (common === 'bool' || common === 'int8' || common === 'uint8')) {
      throw new NumpyError('NotImplementedError',
        `np.${def.name} of ${common} input gives float16 in NumPy, which Shape Lens does not support; cast first, e.g. x.astype(np.float32)`);
    }
    if (inLoopSet(d, def.loops) && promoteTypes(common, d) === d) return d;
  }
  throw typeError(`ufunc '${def.name}' not supported for the input types, and the inputs could not be safely coerced to any supported types according to the casting rule ''safe''`);
}

const rowCache = new Map<string, UnaryRow | BinaryRow>();

function kernelExpr(def: UfuncDef, loop: DType, outDtype: DType): string {
  const kind = dtypeInfo(loop).kind;
  const key = kind === 'u' ? 'i' : kind;
  const expr = def.expr[loop] ?? def.expr[key];
  if (expr === undefined) throw new Error(`internal error: ufunc ${def.name} has no ${loop} kernel`);
  const e = expr.replace(/\$BITS/g, String(dtypeInfo(loop).itemsize * 8)).replace(/\$SIGNED/g, String(kind === 'i'));
  return withStoreCast(e, def.boolOut ? 'bool' : loop, outDtype);
}

/** Wraps a kernel expression so its value stores into `out` as NumPy's unsafe cast would. */
function withStoreCast(expr: string, result: DType, out: DType): string {
  if (result === out) return expr;
  const kr = dtypeInfo(result).kind, ko = dtypeInfo(out).kind;
  if (ko === 'b') return `((${expr}) != 0 ? 1 : 0)`;
  if (kr === 'f' && (ko === 'i' || ko === 'u')) {
    if (out === 'int64' || out === 'uint64' || out === 'uint32') return `f2i64(${expr})`;
    return `f2i32(${expr})`;
  }
  return expr;
}

function getRow(def: UfuncDef, loop: DType, dtypes: readonly DType[]): UnaryRow | BinaryRow {
  const key = `${def.name}|${loop}|${dtypes.join(',')}`;
  let row = rowCache.get(key);
  if (!row) {
    const expr = kernelExpr(def, loop, dtypes[dtypes.length - 1]);
    row = def.nin === 1 ? compileUnary(expr) : compileBinary(expr);
    rowCache.set(key, row);
  }
  return row;
}

/** A 0-d array of the loop dtype holding a scalar operand cast as NumPy casts it. */
function castScalar(c: Classified, loop: DType): NDArray {
  if (c.arr.dtype === loop) return c.arr;
  const out = emptyArray([], loop);
  out.data[0] = castValue(c.arr.data[c.arr.offset], c.arr.dtype, loop);
  return out;
}

/** Arrays sharing `out`'s buffer at a different geometry are copied first (NumPy's overlap rule). */
function avoidOverlap(a: NDArray, out: NDArray): NDArray {
  if (a.data !== out.data) return a;
  const same = a.offset === out.offset && a.shape.length === out.shape.length
    && a.strides.every((s, i) => s === out.strides[i] && a.shape[i] === out.shape[i]);
  if (same) return a;
  const copy = emptyArray(a.shape, a.dtype);
  copyInto(copy, a);
  return copy;
}

/** `out=` checks NumPy makes before broadcasting: writeable (argument parsing), castable (type resolution). */
function checkOutCast(def: UfuncDef, out: NDArray, resDtype: DType, casting: Casting): void {
  if (!out.writeable) throw valueError('output array is read-only');
  if (casting === 'same_kind' && !canCastSameKind(resDtype, out.dtype)) {
    throw typeError(`Cannot cast ufunc '${def.name}' output from dtype('${resDtype}') to dtype('${out.dtype}') with casting rule 'same_kind'`);
  }
}

/** The iterator's check, after broadcasting: `out` must already have the broadcast shape. */
function checkOutShape(out: NDArray, shape: readonly number[]): void {
  if (out.shape.length !== shape.length || out.shape.some((d, i) => d !== shape[i])) {
    throw valueError(`non-broadcastable output operand with shape ${shapeTextCompact(out.shape)} doesn't match the broadcast shape ${shapeTextCompact(shape)}`);
  }
}

/** The loop and result dtypes NumPy picks for these operands. */
export function ufuncTypes(def: UfuncDef, ops: readonly UfuncOperand[]): { loop: DType; result: DType } {
  const cs = ops.map(classify);
  const common = commonDType(cs);
  const loop = resolveLoop(def, common);
  return { loop, result: def.boolOut ? 'bool' : loop };
}

/** `np.result_type(*operands)` with value-based casting of scalars. */
export function operandsResultType(ops: readonly UfuncOperand[]): DType {
  return commonDType(ops.map(classify));
}

function commonDType(cs: readonly Classified[]): DType {
  const arrays = cs.filter((c) => !c.scalar).map((c) => c.arr.dtype);
  const scalars = cs.filter((c) => c.scalar).map((c) => c.scalar as ScalarOperand);
  return resultType(arrays, scalars);
}

/** `np.<ufunc>(x[, y], out=out)`. Always returns an array (0-d for scalar inputs). */
export type Casting = 'same_kind' | 'unsafe';

export function applyUfunc(nameOrDef: string | UfuncDef, x: UfuncOperand, y?: UfuncOperand, out?: NDArray, casting: Casting = 'same_kind'): NDArray {
  const def = typeof nameOrDef === 'string' ? getUfunc(nameOrDef) : nameOrDef;
  if (!def) throw new Error(`internal error: no ufunc ${String(nameOrDef)}`);
  const cs = def.nin === 1 ? [classify(x)] : [classify(x), classify(y as UfuncOperand)];
  const loop = resolveLoop(def, commonDType(cs));
  const resDtype: DType = def.boolOut ? 'bool' : loop;
  // NumPy's order: type resolution and out= casting, then broadcasting, then the loop
  if (out) checkOutCast(def, out, resDtype, casting);
  const ins = cs.map((c) => (c.scalar ? castScalar(c, loop) : c.arr));
  // with out=, NumPy lists the output's shape among the operands in the broadcast error
  const shapes = ins.map((a) => a.shape);
  const bres = broadcastShapes(...shapes);
  if (!bres.ok && out) unwrap(broadcastShapes(...shapes, out.shape));
  const shape = unwrap(bres) as number[];
  if (out) checkOutShape(out, shape);
  // the integer power loop raises on the first negative exponent it meets: none when it runs no element
  if (def.name === 'power' && dtypeInfo(loop).kind !== 'f' && sizeOf(shape) > 0) checkIntPower(cs[1]);
  let result: NDArray;
  if (out) {
    for (let i = 0; i < ins.length; i++) ins[i] = avoidOverlap(ins[i], out);
    result = out;
  } else {
    // uninitialised (np.empty, as NumPy's ufuncs allocate): the row loop below writes every
    // element of the broadcast shape exactly once, and a throw inside it drops `result`
    result = emptyLikeUninit(shape, resDtype, ins);
  }
  const row = getRow(def, loop, [...ins.map((a) => a.dtype), result.dtype]);
  const plan = coalesce(shape, [result.strides, ...ins.map((a) => broadcastStridesTo(a, shape))]);
  const nd = plan.shape.length;
  const st = (k: number) => (nd ? plan.strides[k][nd - 1] : 0);
  const O = result.data, os = st(0);
  if (def.nin === 1) {
    const A = ins[0].data, as = st(1), r = row as UnaryRow;
    forEachRow(plan.shape, plan.strides, [result.offset, ins[0].offset], (n, o) => r(n, A, o[1], as, O, o[0], os));
  } else {
    const A = ins[0].data, B = ins[1].data, as = st(1), bs = st(2), r = row as BinaryRow;
    forEachRow(plan.shape, plan.strides, [result.offset, ins[0].offset, ins[1].offset],
      (n, o) => r(n, A, o[1], as, B, o[2], bs, O, o[0], os));
  }
  return result;
}

function checkIntPower(exponent: Classified): void {
  const e = exponent.arr;
  const vals = e.toArray();
  if (vals.some((v) => v < 0)) throw valueError('Integers to negative integer powers are not allowed.');
}
