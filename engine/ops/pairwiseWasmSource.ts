// The WebAssembly SIMD module of the float64 pairwise sum (pairwiseWasm.ts runs it), from its
// readable source via engine/wasm/encoder.ts. The engine runs the committed bytes of
// pairwiseWasmBytes.ts, so none of this runs at sum time; test/engine/pairwiseWasm.test.ts
// checks those bytes are what this encodes (and rewrites them with UPDATE_WASM=1).
//
// `pairwiseF64(p, n)` is pairwise.ts's kernel for one contiguous row (as === 1) of n float64
// at byte offset p, step for step: n < 8 adds sequentially from -0; n ≤ 128 runs 8
// accumulators r0…r7 (r_k = element k, then += elements k+8, k+16, … below n - n % 8),
// combines them as ((r0+r1)+(r2+r3))+((r4+r5)+(r6+r7)) and adds the last n % 8 elements in
// order; larger n splits at n2 = floor(n/2) rounded down to a multiple of 8 and adds the two
// halves' sums. Why the result is the JS kernel's bit for bit: the accumulators are four
// f64x2 vectors (r0,r1), (r2,r3), (r4,r5), (r6,r7), so each lane adds exactly the elements
// its r_k adds, in the same order, with IEEE double rounding as JS's `+`; everything else is
// scalar f64 arithmetic in the same order.

import { block, brIf, encodeModule, f64, f64Load, f64Store, FuncDef, get, i32, ifThen, loop, Op, set, Simd, v128Load } from '../wasm/encoder';

/** `f64x2.extract_lane`: not among the encoder's helpers. */
const extractF64 = (lane: number): number[] => [0xfd, 0x21, lane];
const call = (fn: number): number[] => [Op.call, fn];
const i32GeU = [Op.i32GeU], i32GtU = [Op.i32GtU], i32Add = [Op.i32Add], i32And = [Op.i32And], i32Shl = [Op.i32Shl];
const i32ShrU = [Op.i32ShrU], i32Sub = [Op.i32Sub], f64Add = [Op.f64Add], ret = [Op.return];

function pairwiseF64(): FuncDef {
  const [p, n] = [0, 1];
  const i = 2, m = 3, q = 4, res = 5, v = [6, 7, 8, 9];
  // res = res + A[i] for i from the current i up to n (i counts elements)
  const sequentialTail = block(loop(
    get(i), get(n), i32GeU, brIf(1),
    get(res), get(p), get(i), i32(3), i32Shl, i32Add, f64Load(0), f64Add, set(res),
    get(i), i32(1), i32Add, set(i), [Op.br, 0],
  ));
  const lanes = (k: number): number[][] => [get(v[k]), extractF64(0), get(v[k]), extractF64(1), f64Add];
  const body: number[][] = [
    // n < 8: a sequential sum from -0
    block(
      get(n), i32(8), i32GeU, brIf(0),
      f64(-0), set(res), i32(0), set(i),
      sequentialTail,
      get(res), ret,
    ),
    // 8 ≤ n ≤ 128: the eight accumulators as four vectors
    block(
      get(n), i32(128), i32GtU, brIf(0),
      get(n), i32(-8), i32And, set(m),
      ...v.flatMap((l, k) => [get(p), v128Load(16 * k), set(l)]),
      i32(8), set(i),
      // a full block of 128 (every leaf of a chunk of 8192) straight-line; the loop below otherwise
      get(n), i32(128), [Op.i32Eq], ifThen(
        ...Array.from({ length: 15 }, (_, g) => v.flatMap((l, k) => [get(l), get(p), v128Load(64 * (g + 1) + 16 * k), Simd.f64x2Add, set(l)])).flat(),
        i32(128), set(i),
      ),
      block(loop(
        get(i), get(m), i32GeU, brIf(1),
        get(p), get(i), i32(3), i32Shl, i32Add, set(q),
        ...v.flatMap((l, k) => [get(l), get(q), v128Load(16 * k), Simd.f64x2Add, set(l)]),
        get(i), i32(8), i32Add, set(i), [Op.br, 0],
      )),
      ...lanes(0), ...lanes(1), f64Add, ...lanes(2), ...lanes(3), f64Add, f64Add, set(res),
      sequentialTail,
      get(res), ret,
    ),
    // n > 128: pairwise(p, n2) + pairwise(p + 8*n2, n - n2), n2 = floor(n/2) rounded down to a multiple of 8
    get(n), i32(1), i32ShrU, i32(-8), i32And, set(m),
    get(p), get(m), call(0),
    get(p), get(m), i32(3), i32Shl, i32Add, get(n), get(m), i32Sub, call(0),
    f64Add,
  ];
  return { name: 'pairwiseF64', params: ['i32', 'i32'], results: ['f64'], locals: ['i32', 'i32', 'i32', 'f64', 'v128', 'v128', 'v128', 'v128'], body };
}

/**
 * `pairwiseRowsF64(p, m, n, rowBytes, out)`: for r < m, the float64 at out + 8r is
 * +0 + pairwiseF64(p + r*rowBytes, n): reduction.ts's sum of one row (its accumulator starts
 * at the identity +0, and a row of up to a chunk is one pairwise sum), for many rows per call.
 */
function pairwiseRowsF64(): FuncDef {
  const [p, m, n, rowBytes, out] = [0, 1, 2, 3, 4];
  const r = 5;
  return {
    name: 'pairwiseRowsF64', params: ['i32', 'i32', 'i32', 'i32', 'i32'], results: [], locals: ['i32'],
    body: [
      i32(0), set(r),
      block(loop(
        get(r), get(m), i32GeU, brIf(1),
        get(out), get(r), i32(3), i32Shl, i32Add,
        f64(0), get(p), get(r), get(rowBytes), [Op.i32Mul], i32Add, get(n), call(0), f64Add,
        f64Store(0),
        get(r), i32(1), i32Add, set(r), [Op.br, 0],
      )),
    ],
  };
}

/**
 * Pages of the module's memory: a chunk of 8192 float64 (reduction.ts's CHUNK) at offset 0,
 * and from PAIRWISE_OUT_BYTES the sums pairwiseRowsF64 writes.
 */
export const PAIRWISE_PAGES = 2;
export const PAIRWISE_OUT_BYTES = 65536;

export function encodePairwiseModule(): Uint8Array {
  return encodeModule([], [pairwiseF64(), pairwiseRowsF64()], PAIRWISE_PAGES, PAIRWISE_PAGES);
}
