// MT19937's WebAssembly kernels (bytes via engine/wasm/encoder.ts, instantiated in wasmKernels.ts):
// the 624-word twist in place and its tempering (four words at a time, SIMD), a bulk fill of
// `mt19937_next_double` values, and the legacy polar gaussian (`legacy_gauss`) over those
// doubles with glibc's log (wasmLog.ts). The key and pos are copied into MT_KEY/MT_POS
// around each call (wasmKernels.ts does that); the draws read the tempered copy.

import {
  block, br, brIf, call, f64, f64Load, f64Store, f64x2, FuncDef, get, i32, i32Load, i32Store, i32x4, ifElse, ifThen, loop, Op,
  set, shuffle, Simd, tee, v128Load, v128Store,
} from '../wasm/encoder';
import { DEFERRED, MT_KEY, MT_POS, MT_TEMPERED, OUT } from './wasmLayout';
import { LOG_INLINE_LOCALS, logInline } from './wasmLog';
import { LOG_LANES_LOCALS, logLanes } from './wasmLogSimd';

/** i8x16.shuffle lanes: the low f64 of each operand, and the high f64 of each. */
const LOW_LANES = [0, 1, 2, 3, 4, 5, 6, 7, 16, 17, 18, 19, 20, 21, 22, 23];
const HIGH_LANES = [8, 9, 10, 11, 12, 13, 14, 15, 24, 25, 26, 27, 28, 29, 30, 31];

const N = 624, M = 397;

/**
 * `mt19937_gen` then tempering: the whole 624-word twist in place at MT_KEY, four words at a
 * time where the recurrence allows (key[i] reads key[i + 1] and key[i + 397], or the
 * already-new key[i - 227]: never a lane of the same vector), then `mtTemper`.
 */
export function mtTwist(temper: number): FuncDef {
  const a = 0, y = 1, vy = 2;
  // key[i] = key[i + off] ^ (y >>> 1) ^ (-(y & 1) & MATRIX_A), y from key[i] and key[i + 1]
  // (`next` is the byte offset of key[i + 1] from key[i]: 4, or -(N-1)*4 for the last word)
  const step = (src: number[], next: number[]): number[][] => [
    get(a), i32Load(0), i32(0x80000000), [Op.i32And],
    next, i32Load(0), i32(0x7fffffff), [Op.i32And], [Op.i32Or], set(y),
    get(a),
    src, i32Load(0),
    get(y), i32(1), [Op.i32ShrU], [Op.i32Xor],
    i32(0), get(y), i32(1), [Op.i32And], [Op.i32Sub], i32(0x9908b0df), [Op.i32And], [Op.i32Xor],
    i32Store(0),
  ];
  const vstep = (src: number[]): number[][] => [
    get(a), v128Load(0), i32x4(0x80000000), Simd.v128And,
    get(a), v128Load(4), i32x4(0x7fffffff), Simd.v128And, Simd.v128Or, set(vy),
    get(a),
    src, v128Load(0),
    get(vy), i32(1), Simd.i32x4ShrU, Simd.v128Xor,
    get(vy), i32x4(1), Simd.v128And, Simd.i32x4Neg, i32x4(0x9908b0df), Simd.v128And, Simd.v128Xor,
    v128Store(0),
  ];
  const at = (delta: number): number[] => [...get(a), ...i32(delta), Op.i32Add];
  const next = (by: number, below: number): number[][] => [get(a), i32(by), [Op.i32Add], tee(a), i32(below), [Op.i32LtU], brIf(0)];
  return {
    name: null, params: [], results: [], locals: ['i32', 'i32', 'v128'],
    body: [
      i32(MT_KEY), set(a),
      // i < 224 by fours, 224…226 one at a time (a vector there would read key[624])
      loop(...vstep(at(4 * M)), ...next(16, MT_KEY + 4 * 224)),
      loop(...step(at(4 * M), at(4)), ...next(4, MT_KEY + 4 * (N - M))),
      // 227…622: 396 words, by fours
      loop(...vstep(at(4 * (M - N))), ...next(16, MT_KEY + 4 * (N - 1))),
      ...step(at(4 * (M - N)), at(-4 * (N - 1))),
      call(temper),
    ],
  };
}

/** The 624 key words tempered (`mt19937_next32`'s output transform) into MT_TEMPERED, four at a time. */
export function mtTemper(): FuncDef {
  const a = 0, v = 1;
  const shift = (op: number[], by: number, mask: number | null): number[][] => [
    get(v), get(v), i32(by), op, ...(mask === null ? [] : [i32x4(mask), Simd.v128And]), Simd.v128Xor, set(v),
  ];
  return {
    name: null, params: [], results: [], locals: ['i32', 'v128'],
    body: [
      i32(0), set(a),
      loop(
        get(a), v128Load(MT_KEY), set(v),
        ...shift(Simd.i32x4ShrU, 11, null),
        ...shift(Simd.i32x4Shl, 7, 0x9d2c5680),
        ...shift(Simd.i32x4Shl, 15, 0xefc60000),
        ...shift(Simd.i32x4ShrU, 18, null),
        get(a), get(v), v128Store(MT_TEMPERED),
        get(a), i32(16), [Op.i32Add], tee(a), i32(4 * N), [Op.i32LtU], brIf(0),
      ),
    ],
  };
}

/** Locals of a loop drawing MT19937 doubles: pos and two word temporaries (i32). */
interface MtLocals { pos: number; a: number; b: number }

/**
 * One tempered word into `dst` (`mt19937_next32`), twisting (and tempering) first when pos
 * has reached 624. A kernel calls `mtTemper` on entry, since the copied-in key is new.
 */
const word = (L: MtLocals, dst: number, twist: number): number[] => [
  get(L.pos), i32(N), [Op.i32Eq], ifThen(call(twist), i32(0), set(L.pos)),
  get(L.pos), i32(2), [Op.i32Shl], i32Load(MT_TEMPERED), set(dst),
  get(L.pos), i32(1), [Op.i32Add], set(L.pos),
].flat();

/** `mt19937_next_double` on the stack: (a >> 5, b >> 6) * 2**-53 from two words. */
const double = (L: MtLocals, twist: number): number[] => [
  word(L, L.a, twist), word(L, L.b, twist),
  get(L.a), i32(5), [Op.i32ShrU], [Op.f64ConvertI32S], f64(67108864), [Op.f64Mul],
  get(L.b), i32(6), [Op.i32ShrU], [Op.f64ConvertI32S], [Op.f64Add],
  f64(1.1102230246251565e-16), [Op.f64Mul],
].flat();

/** `double`'s value from the tempered words at byte offsets w + off and w + off + 4 of MT_TEMPERED. */
const pairDouble = (w: number, off: number): number[] => [
  get(w), i32Load(MT_TEMPERED + off), i32(5), [Op.i32ShrU], [Op.f64ConvertI32S], f64(67108864), [Op.f64Mul],
  get(w), i32Load(MT_TEMPERED + off + 4), i32(6), [Op.i32ShrU], [Op.f64ConvertI32S], [Op.f64Add],
  f64(1.1102230246251565e-16), [Op.f64Mul],
].flat();

/**
 * `mtFillDoubles(n)`: n `mt19937_next_double` values into OUT, twisting whenever pos
 * reaches 624; pos lives at MT_POS.
 */
export function mtFillDoubles(twist: number, temper: number): FuncDef {
  const n = 0, p = 1, end = 2, L: MtLocals = { pos: 3, a: 4, b: 5 };
  return {
    name: 'mtFillDoubles', params: ['i32'], results: [], locals: ['i32', 'i32', 'i32', 'i32', 'i32'],
    body: [
      call(temper),
      i32(0), i32Load(MT_POS), set(L.pos),
      i32(OUT), set(p),
      get(n), i32(3), [Op.i32Shl], i32(OUT), [Op.i32Add], set(end),
      block(
        get(p), get(end), [Op.i32GeU], brIf(0),
        loop(
          get(p), double(L, twist), f64Store(0),
          get(p), i32(8), [Op.i32Add], tee(p), get(end), [Op.i32LtU], brIf(0),
        ),
      ),
      i32(0), get(L.pos), i32Store(MT_POS),
    ],
  };
}

/**
 * `mtGaussPairs(n)`: 2n `legacy_gauss` values into OUT in the order the cache gives them out
 * (f * x2, then f * x1). First the polar draws (x2, x1 of each accepted pair into OUT), then
 * the logs and square roots over the block, whose iterations are independent so their
 * latencies overlap; r2 is recomputed there from x1 and x2 with the same bits. The few logs
 * wasmLog.ts cannot prove go to a list and a last pass calls libm.ts's `log` (index `log`).
 */
export function mtGaussPairs(twist: number, temper: number, log: number): FuncDef {
  const n = 0, p = 1, end = 2, L: MtLocals = { pos: 3, a: 4, b: 5 }, w = 6, ok = 7, nDeferred = 8;
  const x1 = 9, x2 = 10, r2 = 11, lg = 12, va = 13, vb = 14, vx1 = 15, vx2 = 16, vr2 = 17, vlg = 18, first = 19;
  const firstLanes = first + LOG_INLINE_LOCALS.length;
  // the pair at p from its x2, x1 and the log of r2 in lg: f = sqrt(-2 log(r2) / r2)
  const finish = (): number[][] => [
    f64(-2), get(lg), [Op.f64Mul], get(r2), [Op.f64Div], [Op.f64Sqrt], set(lg),
    get(p), get(lg), get(x2), [Op.f64Mul], f64Store(0),
    get(p), get(lg), get(x1), [Op.f64Mul], f64Store(8),
  ];
  // the pair at p with the scalar log: finished now, or listed for the last pass
  const scalarPair = (): number[][] => [
    ...load(),
    logInline(r2, lg, ok, first),
    get(ok),
    ifElse(finish(), [
      get(nDeferred), i32(2), [Op.i32Shl], get(p), i32Store(DEFERRED),
      get(nDeferred), i32(1), [Op.i32Add], set(nDeferred),
    ]),
  ];
  const load = (): number[][] => [
    get(p), f64Load(0), set(x2),
    get(p), f64Load(8), set(x1),
    get(x1), get(x1), [Op.f64Mul], get(x2), get(x2), [Op.f64Mul], [Op.f64Add], set(r2),
  ];
  return {
    name: 'mtGaussPairs', params: ['i32'], results: [],
    locals: [
      'i32', 'i32', 'i32', 'i32', 'i32', 'i32', 'i32', 'i32', 'f64', 'f64', 'f64', 'f64',
      'v128', 'v128', 'v128', 'v128', 'v128', 'v128', ...LOG_INLINE_LOCALS, ...LOG_LANES_LOCALS,
    ],
    body: [
      call(temper),
      i32(0), i32Load(MT_POS), set(L.pos),
      get(n), i32(4), [Op.i32Shl], i32(OUT), [Op.i32Add], set(end),
      i32(OUT), set(p),
      block(
        get(p), get(end), [Op.i32GeU], brIf(0),
        loop(
          // one polar attempt, written at p and kept (p advances) only when 0 < r2 < 1: the
          // ~21% rejections would otherwise be a badly predicted branch
          // the four words: straight from the tempered block unless it runs out within them
          get(L.pos), i32(N - 4), [Op.i32GtU],
          ifElse(
            [f64(2), double(L, twist), [Op.f64Mul], f64(1), [Op.f64Sub], set(x1),
              f64(2), double(L, twist), [Op.f64Mul], f64(1), [Op.f64Sub], set(x2)],
            [get(L.pos), i32(2), [Op.i32Shl], set(w),
              f64(2), pairDouble(w, 0), [Op.f64Mul], f64(1), [Op.f64Sub], set(x1),
              f64(2), pairDouble(w, 8), [Op.f64Mul], f64(1), [Op.f64Sub], set(x2),
              get(L.pos), i32(4), [Op.i32Add], set(L.pos)],
          ),
          get(x1), get(x1), [Op.f64Mul], get(x2), get(x2), [Op.f64Mul], [Op.f64Add], set(r2),
          get(p), get(x2), f64Store(0),
          get(p), get(x1), f64Store(8),
          get(p),
          get(r2), f64(1), [Op.f64Lt], get(r2), f64(0), [Op.f64Ne], [Op.i32And], i32(4), [Op.i32Shl],
          [Op.i32Add], tee(p), get(end), [Op.i32LtU], brIf(0),
        ),
        i32(OUT), set(p),
        // two pairs at a time (f64x2) while two are left and both lanes suit the vector log
        block(
          loop(
            get(p), i32(32), [Op.i32Add], get(end), [Op.i32GtU], brIf(1),
            get(p), v128Load(0), set(va),
            get(p), v128Load(16), set(vb),
            get(va), get(vb), shuffle(LOW_LANES), set(vx2),
            get(va), get(vb), shuffle(HIGH_LANES), set(vx1),
            get(vx1), get(vx1), Simd.f64x2Mul, get(vx2), get(vx2), Simd.f64x2Mul, Simd.f64x2Add, tee(vr2),
            // near 1, or not a positive normal: the scalar code's other paths
            f64x2(0.9375), Simd.f64x2Ge, get(vr2), f64x2(1.064697265625), Simd.f64x2Lt, Simd.v128And,
            get(vr2), f64x2(2.2250738585072014e-308), Simd.f64x2Ge, Simd.v128Not, Simd.v128Or, Simd.v128AnyTrue,
            ifElse([i32(0), set(ok)], [logLanes(vr2, vlg, ok, firstLanes)]),
            get(ok),
            ifElse([
              f64x2(-2), get(vlg), Simd.f64x2Mul, get(vr2), Simd.f64x2Div, Simd.f64x2Sqrt, set(vlg),
              get(vlg), get(vx2), Simd.f64x2Mul, set(va),
              get(vlg), get(vx1), Simd.f64x2Mul, set(vb),
              get(p), get(va), get(vb), shuffle(LOW_LANES), v128Store(0),
              get(p), get(va), get(vb), shuffle(HIGH_LANES), v128Store(16),
            ], [
              ...scalarPair(),
              get(p), i32(16), [Op.i32Add], set(p),
              ...scalarPair(),
              get(p), i32(16), [Op.i32Sub], set(p),
            ]),
            get(p), i32(32), [Op.i32Add], set(p),
            br(0),
          ),
        ),
        // the last pair of an odd count
        get(p), get(end), [Op.i32LtU],
        ifThen(...scalarPair()),
        // the deferred pairs, with the JavaScript log
        get(nDeferred), [Op.i32Eqz], brIf(0),
        loop(
          get(nDeferred), i32(1), [Op.i32Sub], tee(nDeferred), i32(2), [Op.i32Shl], i32Load(DEFERRED), set(p),
          ...load(),
          get(r2), call(log), set(lg),
          ...finish(),
          get(nDeferred), brIf(0),
        ),
      ),
      i32(0), get(L.pos), i32Store(MT_POS),
    ],
  };
}
