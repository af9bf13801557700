// PCG64's WebAssembly kernels (bytes via engine/wasm/encoder.ts, instantiated in wasmKernels.ts):
// the 128-bit LCG step with XSL-RR output in native i64 arithmetic (7 multiplies instead of
// ~20 float products in plain JavaScript), a bulk fill of raw draws, and NumPy's float64
// ziggurat (`random_standard_normal`) running on those draws in the same loop. The ziggurat's
// rare paths call back into JavaScript only for glibc's log1p (libm.ts) and exp, exactly as
// distributions.ts's scalar `standardNormal` does.

import { block, brIf, br, call, f64, f64Load, f64Store, FuncDef, get, i32, i64, i64Load, i64Store, ifElse, ifThen, loop, Op, set, tee } from '../wasm/encoder';
import { OUT, PCG_STATE, ZIG_FI, ZIG_KI, ZIG_WI } from './wasmLayout';
import { ZIGGURAT_NOR_INV_R, ZIGGURAT_NOR_R } from './tables';

const MULT_LO = 4865540595714422341n;
const MULT_HI = 2549297995355413924n;
const MASK32 = 0xffffffffn;
const M0 = MULT_LO & MASK32, M1 = MULT_LO >> 32n;

/** The locals a PCG64 loop keeps: the state and increment, and the step's temporaries. */
interface PcgLocals { sLo: number; sHi: number; incLo: number; incHi: number; a0: number; a1: number; p01: number; p10: number; hi: number }

/** Loads the state and increment from PCG_STATE into locals. */
const loadState = (L: PcgLocals): number[][] => [
  i32(0), i64Load(PCG_STATE), set(L.sLo),
  i32(0), i64Load(PCG_STATE + 8), set(L.sHi),
  i32(0), i64Load(PCG_STATE + 16), set(L.incLo),
  i32(0), i64Load(PCG_STATE + 24), set(L.incHi),
];

const storeState = (L: PcgLocals): number[][] => [
  i32(0), get(L.sLo), i64Store(PCG_STATE),
  i32(0), get(L.sHi), i64Store(PCG_STATE + 8),
];

/**
 * One `pcg64_random_r`, leaving the u64 draw on the stack. state = state * MULT + inc
 * (mod 2**128): lo = sLo * mLo, hi = mulhi(sLo, mLo) + sLo * mHi + sHi * mLo + incHi + carry,
 * with the 64×64 high product from 32-bit halves; then rotr64(hi ^ lo, hi >> 58).
 */
export const pcgStep = (L: PcgLocals): number[] => [
  get(L.sLo), i64(MASK32), [Op.i64And], set(L.a0),
  get(L.sLo), i64(32n), [Op.i64ShrU], set(L.a1),
  get(L.a0), i64(M1), [Op.i64Mul], set(L.p01),
  get(L.a1), i64(M0), [Op.i64Mul], set(L.p10),
  // mulhi(sLo, mLo) = a1*m1 + (p10 >> 32) + (p01 >> 32) + the middle column's carry
  get(L.a1), i64(M1), [Op.i64Mul],
  get(L.p10), i64(32n), [Op.i64ShrU], [Op.i64Add],
  get(L.p01), i64(32n), [Op.i64ShrU], [Op.i64Add],
  get(L.a0), i64(M0), [Op.i64Mul], i64(32n), [Op.i64ShrU],
  get(L.p10), i64(MASK32), [Op.i64And], [Op.i64Add],
  get(L.p01), i64(MASK32), [Op.i64And], [Op.i64Add],
  i64(32n), [Op.i64ShrU], [Op.i64Add],
  get(L.sLo), i64(MULT_HI), [Op.i64Mul], [Op.i64Add],
  get(L.sHi), i64(MULT_LO), [Op.i64Mul], [Op.i64Add],
  get(L.incHi), [Op.i64Add],
  set(L.hi),
  get(L.sLo), i64(MULT_LO), [Op.i64Mul], get(L.incLo), [Op.i64Add], tee(L.sLo),
  // the low half wrapped iff it ended below the addend
  get(L.incLo), [Op.i64LtU], [Op.i64ExtendI32U], get(L.hi), [Op.i64Add], set(L.sHi),
  get(L.sHi), get(L.sLo), [Op.i64Xor],
  get(L.sHi), i64(58n), [Op.i64ShrU],
  [Op.i64Rotr],
].flat();

/** `next_double` for PCG64 on the stack: (next64 >> 11) * 2**-53. */
// (the converted values are below 2**53, so the signed conversion, one instruction, is exact)
const pcgDouble = (L: PcgLocals): number[] => [pcgStep(L), i64(11n), [Op.i64ShrU], [Op.f64ConvertI64S], f64(1.1102230246251565e-16), [Op.f64Mul]].flat();

const PCG_LOCALS: PcgLocals = { sLo: 1, sHi: 2, incLo: 3, incHi: 4, a0: 5, a1: 6, p01: 7, p10: 8, hi: 9 };
const PCG_LOCAL_TYPES = ['i64', 'i64', 'i64', 'i64', 'i64', 'i64', 'i64', 'i64', 'i64'] as const;

/** `pcg64Fill(n)`: n draws into OUT as u64, the state read from and written back to PCG_STATE. */
export function pcg64Fill(): FuncDef {
  const L = PCG_LOCALS, n = 0, p = 10, end = 11;
  return {
    name: 'pcg64Fill', params: ['i32'], results: [], locals: [...PCG_LOCAL_TYPES, 'i32', 'i32'],
    body: [
      ...loadState(L),
      i32(OUT), set(p),
      get(n), i32(3), [Op.i32Shl], i32(OUT), [Op.i32Add], set(end),
      block(
        get(p), get(end), [Op.i32GeU], brIf(0),
        loop(
          get(p), pcgStep(L), i64Store(0),
          get(p), i32(8), [Op.i32Add], tee(p), get(end), [Op.i32LtU], brIf(0),
        ),
      ),
      ...storeState(L),
    ],
  };
}

/**
 * `pcg64Normals(n)`: n `random_standard_normal` values into OUT, operation for operation as
 * numpy/random/src/distributions/distributions.c (and distributions.ts's standardNormal).
 * `log1p` and `exp` are the imported function indices.
 */
export function pcg64Normals(log1p: number, exp: number): FuncDef {
  const L = PCG_LOCALS, n = 0, p = 10, end = 11, r = 12, idx = 13, rabs = 14, x = 15, xx = 16, yy = 17, rabsF = 18;
  const table = (base: number): number[] => [...get(idx), ...i32(3), Op.i32Shl, ...f64Load(base)];
  return {
    name: 'pcg64Normals', params: ['i32'], results: [],
    locals: [...PCG_LOCAL_TYPES, 'i32', 'i32', 'i64', 'i32', 'i64', 'f64', 'f64', 'f64', 'f64'],
    body: [
      ...loadState(L),
      i32(OUT), set(p),
      get(n), i32(3), [Op.i32Shl], i32(OUT), [Op.i32Add], set(end),
      block(
        get(p), get(end), [Op.i32GeU], brIf(0),
        loop( // each output
          block( // done: x holds the normal
            loop( // retry with a new draw
              pcgStep(L), tee(r), [Op.i32WrapI64], i32(0xff), [Op.i32And], set(idx),
              get(r), i64(9n), [Op.i64ShrU], i64(0xfffffffffffffn), [Op.i64And], set(rabs),
              // x = ±rabs * wi[idx], the sign (bit 8 of the draw) moved into x's sign bit without a
              // branch: a coin flip would be mispredicted half the time
              get(rabs), [Op.f64ConvertI64S], tee(rabsF), table(ZIG_WI), [Op.f64Mul], [Op.i64ReinterpretF64],
              get(r), i64(55n), [Op.i64Shl], i64(0x8000000000000000n), [Op.i64And], [Op.i64Xor], [Op.f64ReinterpretI64], set(x),
              // rabs < ki[idx] (ki holds integers below 2**53, exact as doubles)
              get(rabsF), table(ZIG_KI), [Op.f64Lt], brIf(1),
              get(idx), [Op.i32Eqz],
              ifElse(
                [loop( // the tail beyond r
                  f64(-ZIGGURAT_NOR_INV_R), pcgDouble(L), [Op.f64Neg], call(log1p), [Op.f64Mul], set(xx),
                  pcgDouble(L), [Op.f64Neg], call(log1p), [Op.f64Neg], set(yy),
                  get(yy), get(yy), [Op.f64Add], get(xx), get(xx), [Op.f64Mul], [Op.f64Gt],
                  ifThen(
                    f64(ZIGGURAT_NOR_R), get(xx), [Op.f64Add], set(x),
                    get(rabs), i64(8n), [Op.i64ShrU], [Op.i32WrapI64], i32(1), [Op.i32And],
                    ifThen(get(x), [Op.f64Neg], set(x)),
                    br(4),
                  ),
                  br(0),
                )],
                [
                  // (fi[idx-1] - fi[idx]) * u + fi[idx] < exp(-0.5 * x * x)
                  table(ZIG_FI - 8), table(ZIG_FI), [Op.f64Sub], pcgDouble(L), [Op.f64Mul], table(ZIG_FI), [Op.f64Add],
                  f64(-0.5), get(x), [Op.f64Mul], get(x), [Op.f64Mul], call(exp), [Op.f64Lt],
                  brIf(2),
                ],
              ),
              br(0),
            ),
          ),
          get(p), get(x), f64Store(0),
          get(p), i32(8), [Op.i32Add], tee(p), get(end), [Op.i32LtU], brIf(0),
        ),
      ),
      ...storeState(L),
    ],
  };
}
