// MT19937's WebAssembly kernels (bytes via wasmEncoder.ts, instantiated in wasmKernels.ts):
// the 624-word twist in place and a bulk fill of `mt19937_next_double` values, with the
// key and pos copied into MT_KEY/MT_POS around each call (mt19937.ts does that).

import { block, brIf, call, f64, f64Store, FuncDef, get, i32, i32Load, i32Store, ifThen, loop, Op, set, tee } from './wasmEncoder';
import { MT_KEY, MT_POS, OUT } from './wasmLayout';

const N = 624, M = 397;

/** `mt19937_gen`: the whole 624-word twist in place at MT_KEY. */
export function mtTwist(): FuncDef {
  const a = 0, y = 1;
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
  const at = (delta: number): number[] => [...get(a), ...i32(delta), Op.i32Add];
  return {
    name: null, params: [], results: [], locals: ['i32', 'i32'],
    body: [
      i32(MT_KEY), set(a),
      loop(...step(at(4 * M), at(4)), get(a), i32(4), [Op.i32Add], tee(a), i32(MT_KEY + 4 * (N - M)), [Op.i32LtU], brIf(0)),
      loop(...step(at(4 * (M - N)), at(4)), get(a), i32(4), [Op.i32Add], tee(a), i32(MT_KEY + 4 * (N - 1)), [Op.i32LtU], brIf(0)),
      ...step(at(4 * (M - N)), at(-4 * (N - 1))),
    ],
  };
}

/** Locals of a loop drawing MT19937 doubles: pos and two word temporaries (i32). */
interface MtLocals { pos: number; a: number; b: number }

/** One tempered word into `dst`, twisting first when pos has reached 624 (`mt19937_next32`). */
const word = (L: MtLocals, dst: number, twist: number): number[] => [
  get(L.pos), i32(N), [Op.i32Eq], ifThen(call(twist), i32(0), set(L.pos)),
  get(L.pos), i32(2), [Op.i32Shl], i32Load(MT_KEY), set(dst),
  get(L.pos), i32(1), [Op.i32Add], set(L.pos),
  get(dst), get(dst), i32(11), [Op.i32ShrU], [Op.i32Xor], set(dst),
  get(dst), get(dst), i32(7), [Op.i32Shl], i32(0x9d2c5680), [Op.i32And], [Op.i32Xor], set(dst),
  get(dst), get(dst), i32(15), [Op.i32Shl], i32(0xefc60000), [Op.i32And], [Op.i32Xor], set(dst),
  get(dst), get(dst), i32(18), [Op.i32ShrU], [Op.i32Xor], set(dst),
].flat();

/** `mt19937_next_double` on the stack: (a >> 5, b >> 6) * 2**-53 from two words. */
const double = (L: MtLocals, twist: number): number[] => [
  word(L, L.a, twist), word(L, L.b, twist),
  get(L.a), i32(5), [Op.i32ShrU], [Op.f64ConvertI32U], f64(67108864), [Op.f64Mul],
  get(L.b), i32(6), [Op.i32ShrU], [Op.f64ConvertI32U], [Op.f64Add],
  f64(1.1102230246251565e-16), [Op.f64Mul],
].flat();

/**
 * `mtFillDoubles(n)`: n `mt19937_next_double` values into OUT, twisting whenever pos
 * reaches 624; pos lives at MT_POS.
 */
export function mtFillDoubles(twist: number): FuncDef {
  const n = 0, p = 1, end = 2, L: MtLocals = { pos: 3, a: 4, b: 5 };
  return {
    name: 'mtFillDoubles', params: ['i32'], results: [], locals: ['i32', 'i32', 'i32', 'i32', 'i32'],
    body: [
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
 * `mtGaussPairs(n)`: 2n `legacy_gauss` values into OUT, a polar pair at a time in the order
 * the cache gives them out (f * x2, then f * x1); `log` is the wasm glibc log's index.
 */
export function mtGaussPairs(twist: number, log: number): FuncDef {
  const n = 0, p = 1, end = 2, L: MtLocals = { pos: 3, a: 4, b: 5 }, x1 = 6, x2 = 7, r2 = 8, f = 9;
  return {
    name: 'mtGaussPairs', params: ['i32'], results: [], locals: ['i32', 'i32', 'i32', 'i32', 'i32', 'f64', 'f64', 'f64', 'f64'],
    body: [
      i32(0), i32Load(MT_POS), set(L.pos),
      i32(OUT), set(p),
      get(n), i32(4), [Op.i32Shl], i32(OUT), [Op.i32Add], set(end),
      block(
        get(p), get(end), [Op.i32GeU], brIf(0),
        loop(
          loop( // until 0 < r2 < 1
            f64(2), double(L, twist), [Op.f64Mul], f64(1), [Op.f64Sub], set(x1),
            f64(2), double(L, twist), [Op.f64Mul], f64(1), [Op.f64Sub], set(x2),
            get(x1), get(x1), [Op.f64Mul], get(x2), get(x2), [Op.f64Mul], [Op.f64Add], tee(r2),
            f64(1), [Op.f64Ge], get(r2), f64(0), [Op.f64Eq], [Op.i32Or], brIf(0),
          ),
          f64(-2), get(r2), call(log), [Op.f64Mul], get(r2), [Op.f64Div], [Op.f64Sqrt], set(f),
          get(p), get(f), get(x2), [Op.f64Mul], f64Store(0),
          get(p), get(f), get(x1), [Op.f64Mul], f64Store(8),
          get(p), i32(16), [Op.i32Add], tee(p), get(end), [Op.i32LtU], brIf(0),
        ),
      ),
      i32(0), get(L.pos), i32Store(MT_POS),
    ],
  };
}
