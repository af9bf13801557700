// Every elementwise op is one row: name, arity, which dtype loops exist (NumPy's
// `ufunc.types`), whether the result is bool, and its kernel expression per loop kind.
// Expressions see `a` (and `b`) as numbers read from the operands, and may call the
// helpers of kernelHelpers.ts; `$BITS`/`$SIGNED` are replaced with the loop dtype's.
// Adding a ufunc = adding a row here (and a fixture case in tools/).

import { DType } from '../core/dtype';

/** Which loops the ufunc has, as in its NumPy `types` list. */
export type LoopSet = 'all' | 'numeric' | 'ints' | 'intsNoBool' | 'float';

export interface UfuncDef {
  readonly name: string;
  readonly nin: 1 | 2;
  readonly loops: LoopSet;
  readonly boolOut?: boolean;
  /** Kernel per loop: exact dtype name first, else kind 'b' | 'i' | 'f' ('i' also covers unsigned). */
  readonly expr: Partial<Record<DType | 'b' | 'i' | 'f', string>>;
  /** TypeError NumPy raises when the inputs resolve to bool (subtract, negative). */
  readonly boolError?: string;
  /** int inputs compute in float64 (true_divide's resolver). */
  readonly intToFloat?: boolean;
}

const row = (name: string, nin: 1 | 2, loops: LoopSet, expr: UfuncDef['expr'], extra: Partial<UfuncDef> = {}): UfuncDef =>
  ({ name, nin, loops, expr, ...extra });

const noLoop = (name: string) =>
  `ufunc '${name}' did not contain a loop with signature matching types <class 'numpy.dtype[bool_]'> -> None`;
const cmp = (name: string, op: string) => row(name, 2, 'all', { b: `a ${op} b`, i: `a ${op} b`, f: `a ${op} b` }, { boolOut: true });
const fl1 = (name: string, fn: string) => row(name, 1, 'float', { f: `${fn}(a)` });

export const UFUNCS: readonly UfuncDef[] = [
  row('add', 2, 'all', { b: 'a | b', i: 'a + b', uint32: '(a + b) >>> 0', int64: 'add64(a, b)', uint64: 'addU64(a, b)', f: 'a + b' }),
  row('subtract', 2, 'numeric', { i: 'a - b', uint32: '(a - b) >>> 0', int64: 'add64(a, -b)', uint64: 'addU64(a, -b)', f: 'a - b' }, {
    boolError: 'numpy boolean subtract, the `-` operator, is not supported, use the bitwise_xor, the `^` operator, or the logical_xor function instead.',
  }),
  row('multiply', 2, 'all', { b: 'a & b', i: 'a * b + 0', int32: 'Math.imul(a, b)', uint32: 'Math.imul(a, b) >>> 0', int64: 'mul64(a, b)', uint64: 'mulU64(a, b)', f: 'a * b' }),
  row('divide', 2, 'float', { f: 'a / b' }, { intToFloat: true }),
  row('floor_divide', 2, 'numeric', { i: 'fdivI(a, b)', f: 'fdivF(a, b)' }),
  row('remainder', 2, 'numeric', { i: 'remI(a, b)', f: 'remF(a, b)' }),
  // `+ 0` in integer kernels: JS gives -0 (-5 % 5, trunc(-1/3)), which int64's double storage would keep
  row('fmod', 2, 'numeric', { i: 'b === 0 ? 0 : a % b + 0', f: 'a % b' }),
  row('power', 2, 'numeric', { i: 'powI(a, b, $BITS, $SIGNED)', f: 'powF(a, b)' }),
  // NumPy 1.24's SIMD loops return the second operand when the two compare equal (so ±0 picks b)
  row('maximum', 2, 'all', { b: 'a >= b ? a : b', i: 'a >= b ? a : b', f: '(a > b || a !== a) ? a : b' }),
  row('minimum', 2, 'all', { b: 'a <= b ? a : b', i: 'a <= b ? a : b', f: '(a < b || a !== a) ? a : b' }),
  row('fmax', 2, 'all', { b: 'a >= b ? a : b', i: 'a >= b ? a : b', f: '(a > b || b !== b) ? a : b' }),
  row('fmin', 2, 'all', { b: 'a <= b ? a : b', i: 'a <= b ? a : b', f: '(a < b || b !== b) ? a : b' }),
  row('arctan2', 2, 'float', { f: 'Math.atan2(a, b)' }),
  row('hypot', 2, 'float', { f: 'Math.hypot(a, b)' }),
  row('copysign', 2, 'float', { f: 'copySign(a, b)' }),
  cmp('equal', '==='), cmp('not_equal', '!=='), cmp('less', '<'), cmp('less_equal', '<='),
  cmp('greater', '>'), cmp('greater_equal', '>='),
  row('logical_and', 2, 'all', { b: 'a !== 0 && b !== 0', i: 'a !== 0 && b !== 0', f: 'a !== 0 && b !== 0' }, { boolOut: true }),
  row('logical_or', 2, 'all', { b: 'a !== 0 || b !== 0', i: 'a !== 0 || b !== 0', f: 'a !== 0 || b !== 0' }, { boolOut: true }),
  row('logical_xor', 2, 'all', { b: '(a !== 0) !== (b !== 0)', i: '(a !== 0) !== (b !== 0)', f: '(a !== 0) !== (b !== 0)' }, { boolOut: true }),
  row('bitwise_and', 2, 'ints', { b: 'a & b', i: 'a & b', uint32: '(a & b) >>> 0', int64: 'and64(a, b)', uint64: 'and64(a, b)' }),
  row('bitwise_or', 2, 'ints', { b: 'a | b', i: 'a | b', uint32: '(a | b) >>> 0', int64: 'or64(a, b)', uint64: 'or64(a, b)' }),
  row('bitwise_xor', 2, 'ints', { b: 'a ^ b', i: 'a ^ b', uint32: '(a ^ b) >>> 0', int64: 'xor64(a, b)', uint64: 'xor64(a, b)' }),
  row('left_shift', 2, 'intsNoBool', { i: 'shl(a, b, $BITS)' }),
  row('right_shift', 2, 'intsNoBool', { i: 'shr(a, b, $BITS)' }),

  row('negative', 1, 'numeric', { i: '0 - a', uint32: '(0 - a) >>> 0', f: '-a' }, {
    boolError: 'The numpy boolean negative, the `-` operator, is not supported, use the `~` operator or the logical_not function instead.',
  }),
  row('positive', 1, 'numeric', { i: 'a', f: 'a' }, { boolError: noLoop('positive') }),
  row('absolute', 1, 'all', { b: 'a', i: 'Math.abs(a)', f: 'Math.abs(a)' }),
  row('sign', 1, 'numeric', { i: 'signF(a)', f: 'signF(a)' }, { boolError: noLoop('sign') }),
  row('square', 1, 'numeric', { i: 'a * a + 0', int64: 'mul64(a, a)', uint64: 'mulU64(a, a)', int32: 'Math.imul(a, a)', uint32: 'Math.imul(a, a) >>> 0', f: 'a * a' }),
  // NumPy's integer loop is `out = 1.0 / in` in C: 1/0 = inf is then cast like every float->int store
  // here (x86: INT_MIN for 32 bits, low bits of it for narrower types)
  row('reciprocal', 1, 'numeric', { i: 'f2i32(1 / a)', uint32: 'f2i64(1 / a)', int64: 'f2i64(1 / a)', uint64: 'f2i64(1 / a)', f: '1 / a' }),
  fl1('sqrt', 'Math.sqrt'), fl1('cbrt', 'Math.cbrt'), fl1('exp', 'Math.exp'), fl1('exp2', '2 ** '), fl1('log', 'Math.log'),
  fl1('log2', 'Math.log2'), fl1('log10', 'Math.log10'), fl1('log1p', 'Math.log1p'), fl1('expm1', 'Math.expm1'),
  fl1('sin', 'Math.sin'), fl1('cos', 'Math.cos'), fl1('tan', 'Math.tan'), fl1('arcsin', 'Math.asin'),
  fl1('arccos', 'Math.acos'), fl1('arctan', 'Math.atan'), fl1('sinh', 'Math.sinh'), fl1('cosh', 'Math.cosh'),
  fl1('tanh', 'Math.tanh'), fl1('arcsinh', 'Math.asinh'), fl1('arccosh', 'Math.acosh'), fl1('arctanh', 'Math.atanh'),
  fl1('floor', 'Math.floor'), fl1('ceil', 'Math.ceil'), fl1('trunc', 'Math.trunc'), fl1('rint', 'rint'),
  // npymath's float32 versions multiply by NPY_PIf/180.0f and 180.0f/NPY_PIf: float32 constants
  // computed from float32 pi, then one float32 product
  row('deg2rad', 1, 'float', { float32: `a * ${Math.fround(Math.fround(Math.PI) / 180)}`, f: '(Math.PI / 180) * a' }),
  row('rad2deg', 1, 'float', { float32: `a * ${Math.fround(180 / Math.fround(Math.PI))}`, f: '(180 / Math.PI) * a' }),
  row('isnan', 1, 'all', { b: 'false', i: 'false', f: 'a !== a' }, { boolOut: true }),
  row('isinf', 1, 'all', { b: 'false', i: 'false', f: 'a === Infinity || a === -Infinity' }, { boolOut: true }),
  row('isfinite', 1, 'all', { b: 'true', i: 'true', f: 'a - a === 0' }, { boolOut: true }),
  row('signbit', 1, 'float', { f: 'a < 0 || Object.is(a, -0)' }, { boolOut: true }),
  row('logical_not', 1, 'all', { b: 'a === 0', i: 'a === 0', f: 'a === 0' }, { boolOut: true }),
  row('invert', 1, 'ints', { b: 'a ^ 1', i: '~a', uint32: '(~a) >>> 0', int64: '-a - 1', uint64: '18446744073709551615 - a' }),
];

/** NumPy's other names for the same ufunc. */
export const UFUNC_ALIASES: Readonly<Record<string, string>> = {
  true_divide: 'divide', mod: 'remainder', abs: 'absolute', conjugate: 'positive', bitwise_not: 'invert',
};
