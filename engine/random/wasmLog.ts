// glibc's `log` main path as a WebAssembly function for the legacy gaussian kernel
// (wasmMt19937.ts): the same fast path as libm.ts's `log` — table lookup, the fma-free
// polynomial tail and its error bound — operation for operation, so it returns the same
// bits. Inputs near 1 go to libm.ts's `log` and inputs whose last bit the bound cannot
// prove go to `logExact`, both imported from JavaScript, so every result is glibc's.

import { call, f64, f64Load, FuncDef, get, i32, i64, ifThen, Op, set, tee } from './wasmEncoder';
import { LOG_INVC_SPLIT, LOG_TABLE } from './wasmLayout';
import { LOG_LN2HI, LOG_LN2LO, LOG_POLY } from './tables';

const [A0, A1, A2, A3, A4] = LOG_POLY;
const SPLIT = 134217729; // 2**27 + 1, Veltkamp's splitter

/** `log(x) -> f64`; `logJs` and `logExact` are the imported JavaScript functions' indices. */
export function wasmLog(logJs: number, logExact: number): FuncDef {
  const x = 0, ix = 1, tmp = 2, i16 = 3, z = 4, t = 5, zh = 6, zl = 7, pr = 8, r = 9, kd = 10, w = 11, hi = 12, kl = 13,
    lo = 14, r2 = 15, q = 16, r3 = 17, p = 18, v = 19, eps = 20;
  const tab = (base: number, k: number): number[] => [...get(i16), ...f64Load(base + 8 * k)];
  const abs = (l: number): number[] => [...get(l), Op.f64Abs];
  return {
    name: null, params: ['f64'], results: ['f64'],
    locals: ['i64', 'i64', 'i32', 'f64', 'f64', 'f64', 'f64', 'f64', 'f64', 'f64', 'f64', 'f64', 'f64', 'f64', 'f64', 'f64', 'f64', 'f64', 'f64', 'f64'],
    body: [
      // near 1: the separate polynomial (libm.ts's logNear1 and its check)
      get(x), f64(0.9375), [Op.f64Ge], get(x), f64(1.064697265625), [Op.f64Lt], [Op.i32And],
      ifThen(get(x), call(logJs), [Op.return]),
      get(x), [Op.i64ReinterpretF64], tee(ix),
      // top = ix >> 48; top - 0x10 >= 0x7ff0 - 0x10 (unsigned): zero, subnormal, negative, inf, nan
      i64(48n), [Op.i64ShrU], [Op.i32WrapI64], i32(0x10), [Op.i32Sub], i32(0x7ff0 - 0x10), [Op.i32GeU],
      ifThen(get(x), call(logExact), [Op.return]),
      get(ix), i64(0x3fe6000000000000n), [Op.i64Sub], set(tmp),
      // i = (tmp >> 45) & 127, as a byte offset of a 16-byte table pair
      get(tmp), i64(45n), [Op.i64ShrU], [Op.i32WrapI64], i32(127), [Op.i32And], i32(4), [Op.i32Shl], set(i16),
      get(ix), get(tmp), i64(0xfff0000000000000n), [Op.i64And], [Op.i64Sub], [Op.f64ReinterpretI64], set(z),
      get(tmp), i64(52n), [Op.i64ShrS], [Op.i32WrapI64], [Op.f64ConvertI32S], set(kd),
      // r = fma(invc, z, -1) exactly, from Dekker's product (see libm.ts)
      f64(SPLIT), get(z), [Op.f64Mul], set(t),
      get(t), get(t), get(z), [Op.f64Sub], [Op.f64Sub], set(zh),
      get(z), get(zh), [Op.f64Sub], set(zl),
      tab(LOG_TABLE, 0), get(z), [Op.f64Mul], set(pr),
      get(pr), f64(1), [Op.f64Sub],
      tab(LOG_INVC_SPLIT, 0), get(zh), [Op.f64Mul], get(pr), [Op.f64Sub],
      tab(LOG_INVC_SPLIT, 0), get(zl), [Op.f64Mul], [Op.f64Add],
      tab(LOG_INVC_SPLIT, 1), get(zh), [Op.f64Mul], [Op.f64Add],
      tab(LOG_INVC_SPLIT, 1), get(zl), [Op.f64Mul], [Op.f64Add],
      [Op.f64Add], set(r),
      get(kd), f64(LOG_LN2HI), [Op.f64Mul], tab(LOG_TABLE, 1), [Op.f64Add], set(w),
      get(r), get(w), [Op.f64Add], set(hi),
      get(kd), f64(LOG_LN2LO), [Op.f64Mul], set(kl),
      get(kl), get(w), get(hi), [Op.f64Sub], get(r), [Op.f64Add], [Op.f64Add], set(lo),
      get(r), get(r), [Op.f64Mul], set(r2),
      get(r2), f64(A0), [Op.f64Mul], get(lo), [Op.f64Add], set(q),
      get(r), get(r2), [Op.f64Mul], set(r3),
      get(r), f64(A4), [Op.f64Mul], f64(A3), [Op.f64Add], get(r2), [Op.f64Mul],
      get(r), f64(A2), [Op.f64Mul], f64(A1), [Op.f64Add], [Op.f64Add], set(p),
      get(r3), get(p), [Op.f64Mul], get(q), [Op.f64Add], set(v),
      abs(r3), abs(kl), [Op.f64Add], abs(lo), [Op.f64Add], abs(q), [Op.f64Add], abs(v), [Op.f64Add],
      f64(7.105427357601002e-15), [Op.f64Mul], set(eps),
      // the result when both ends of the tail's error interval round to the same double
      get(hi), get(v), get(eps), [Op.f64Sub], [Op.f64Add], tee(t),
      get(hi), get(v), get(eps), [Op.f64Add], [Op.f64Add], [Op.f64Eq],
      ifThen(get(t), [Op.return]),
      get(x), call(logExact),
    ],
  };
}
