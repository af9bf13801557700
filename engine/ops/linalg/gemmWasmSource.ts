// gemm's WebAssembly SIMD module from its readable source (via engine/wasm/encoder.ts): one
// macro-kernel per accumulation mode over panels gemmWasm.ts packs into the module's memory.
// The engine runs the committed bytes of gemmWasmBytes.ts, so none of this runs at matmul
// time; test/engine/gemmWasm.test.ts checks those bytes are what this encodes (and rewrites
// them with UPDATE_WASM=1).
//
// Why the results are the JS kernel's bit for bit: SIMD runs across output columns — each
// lane is a different C[i,j] — and each lane's sum is still +0 + A[i,0]·B[0,j] + A[i,1]·B[1,j]
// + … in k order, a multiply rounded then an add rounded (no fused multiply-add: the standard
// SIMD set has none). f64x2 rounds like JS doubles; f32x4.mul/add round each operation to
// float32, as Math.fround of the double product and sum does (both operands are float32, so
// the double result is exact or the double rounding is innocuous).

import {
  brIf, encodeModule, f64x2, FuncDef, get, i32, i32Load, i32Store, i64Load, i64Store, ifElse, loop, Op, set, Simd,
  v128Load, v128Load32Splat, v128Load64Splat, v128Store, ValType,
} from '../../wasm/encoder';
import { F32_MR, F32_NR, F32_NV, F64_MR, F64_NR, F64_NV } from './gemmWasmLayout';


/**
 * A macro-kernel: C block (mc×nc, row stride ldcBytes) = or += packed A (mc×kc, slivers of MR
 * rows, k-major) · packed B (kc×nc, slivers of NR columns, k-major). mc, nc are multiples of
 * MR, NR (the packing pads with zeros); kc ≥ 1. Params: mc, nc, kc, aPtr, bPtr, cPtr,
 * ldcBytes, first (1: C starts at +0; 0: C's current values are added to).
 */
function macroKernel(name: string, MR: number, NV: number, f32: boolean): FuncDef {
  const es = f32 ? 4 : 8, NR = NV * (16 / es);
  const splat = f32 ? v128Load32Splat : v128Load64Splat;
  const mul = f32 ? Simd.f32x4Mul : Simd.f64x2Mul, add = f32 ? Simd.f32x4Add : Simd.f64x2Add;
  const [mc, nc, kc, aPtr, bPtr, cPtr, ldc, first] = [0, 1, 2, 3, 4, 5, 6, 7];
  let next = 8;
  const local = (): number => next++;
  const bj = local(), bEnd = local(), cj = local(), ai = local(), aEnd = local(), ci = local();
  const a = local(), b = local(), kEnd = local(), p = local();
  const nI32 = next - 8;
  const acc: number[][] = [];
  for (let r = 0; r < MR; r++) { acc.push([]); for (let v = 0; v < NV; v++) acc[r].push(local()); }
  const bv: number[] = [];
  for (let v = 0; v < NV; v++) bv.push(local());
  const as = local();
  const nV128 = next - 8 - nI32;

  // each row's accumulators: loaded from (or stored to) C at p, p advancing by ldc per row
  const rows = (each: (r: number) => number[][]): number[][] => {
    const out: number[][] = [get(ci), set(p)];
    for (let r = 0; r < MR; r++) {
      out.push(...each(r));
      if (r < MR - 1) out.push(get(p), get(ldc), [Op.i32Add], set(p));
    }
    return out;
  };
  const zero: number[][] = [];
  for (let r = 0; r < MR; r++) for (let v = 0; v < NV; v++) zero.push(f64x2(0), set(acc[r][v]));
  const load = rows((r) => acc[r].flatMap((l, v) => [get(p), v128Load(16 * v), set(l)]));
  const store = rows((r) => acc[r].flatMap((l, v) => [get(p), get(l), v128Store(16 * v)]));

  const kStep: number[][] = [];
  for (let v = 0; v < NV; v++) kStep.push(get(b), v128Load(16 * v), set(bv[v]));
  for (let r = 0; r < MR; r++) {
    kStep.push(get(a), splat(es * r), set(as));
    for (let v = 0; v < NV; v++) kStep.push(get(acc[r][v]), get(as), get(bv[v]), mul, add, set(acc[r][v]));
  }
  kStep.push(get(a), i32(MR * es), [Op.i32Add], set(a), get(b), i32(NR * es), [Op.i32Add], set(b));

  const body: number[][] = [
    // bEnd = bPtr + nc·kc·es; aEnd = aPtr + mc·kc·es
    get(bPtr), get(nc), get(kc), [Op.i32Mul], i32(es), [Op.i32Mul], [Op.i32Add], set(bEnd),
    get(aPtr), get(mc), get(kc), [Op.i32Mul], i32(es), [Op.i32Mul], [Op.i32Add], set(aEnd),
    get(bPtr), set(bj), get(cPtr), set(cj),
    loop( // over slivers of B (NR columns of C)
      get(aPtr), set(ai), get(cj), set(ci),
      loop( // over slivers of A (MR rows of C)
        get(first), ifElse(zero, load),
        get(ai), set(a), get(bj), set(b),
        get(ai), get(kc), i32(MR * es), [Op.i32Mul], [Op.i32Add], set(kEnd),
        loop(...kStep, get(a), get(kEnd), [Op.i32LtU], brIf(0)),
        ...store,
        get(kEnd), set(ai),
        get(ci), get(ldc), i32(MR), [Op.i32Mul], [Op.i32Add], set(ci),
        get(ai), get(aEnd), [Op.i32LtU], brIf(0),
      ),
      get(bj), get(kc), i32(NR * es), [Op.i32Mul], [Op.i32Add], set(bj),
      get(cj), i32(NR * es), [Op.i32Add], set(cj),
      get(bj), get(bEnd), [Op.i32LtU], brIf(0),
    ),
  ];
  const locals: ValType[] = [...Array<ValType>(nI32).fill('i32'), ...Array<ValType>(nV128).fill('v128')];
  return { name, params: Array<ValType>(8).fill('i32'), results: [], locals, body };
}

/**
 * Packs from rows staged in memory: `slivers` groups of R rows (row stride lds bytes, kc
 * elements each, padding rows already zero) → R values per k, k-major, at dst. A's rows into
 * its slivers, or a transposed B's columns into B's. Bits are copied as integers, never
 * converted. Params: src, lds, slivers, kc, dst (bytes).
 */
function packRows(R: number, es: number): FuncDef {
  const [src, lds, slivers, kc, dst] = [0, 1, 2, 3, 4];
  const [p, pEnd, s, ...ld] = [5, 6, 7, ...Array.from({ length: R - 1 }, (_, r) => 8 + r)];
  const load = es === 8 ? i64Load : i32Load, store = es === 8 ? i64Store : i32Store;
  const step: number[][] = [];
  for (let r = 0; r < R; r++) step.push(get(dst), get(p), ...(r > 0 ? [get(ld[r - 1]), [Op.i32Add]] : []), load(), store(r * es));
  step.push(get(p), i32(es), [Op.i32Add], set(p), get(dst), i32(R * es), [Op.i32Add], set(dst));
  const body: number[][] = [];
  for (let r = 1; r < R; r++) body.push(get(lds), i32(r), [Op.i32Mul], set(ld[r - 1]));
  body.push(
    i32(0), set(s),
    loop(
      get(src), set(p), get(src), get(kc), i32(es), [Op.i32Mul], [Op.i32Add], set(pEnd),
      loop(...step, get(p), get(pEnd), [Op.i32LtU], brIf(0)),
      get(src), get(lds), i32(R), [Op.i32Mul], [Op.i32Add], set(src),
      get(s), i32(1), [Op.i32Add], set(s), get(s), get(slivers), [Op.i32LtU], brIf(0),
    ),
  );
  return { name: `packRows${R}x${es}`, params: Array<ValType>(5).fill('i32'), results: [], locals: Array<ValType>(3 + R - 1).fill('i32'), body };
}

/**
 * Packs from k-rows staged in memory (row stride lds bytes, padding already zero): `slivers`
 * groups of `bytes` (16 or 32) across each row → k-major at dst. B's rows into its slivers,
 * or a transposed A's columns into A's. Params: src, lds, slivers, kc, dst (bytes).
 */
function packCols(bytes: 16 | 32): FuncDef {
  const [src, lds, slivers, kc, dst] = [0, 1, 2, 3, 4];
  const [p, pEnd, s] = [5, 6, 7];
  const copy: number[][] = [get(dst), get(p), v128Load(0), v128Store(0)];
  if (bytes === 32) copy.push(get(dst), get(p), v128Load(16), v128Store(16));
  return {
    name: `packCols${bytes}`, params: Array<ValType>(5).fill('i32'), results: [], locals: Array<ValType>(3).fill('i32'),
    body: [
      i32(0), set(s),
      loop(
        get(src), set(p), get(src), get(kc), get(lds), [Op.i32Mul], [Op.i32Add], set(pEnd),
        loop(
          ...copy,
          get(dst), i32(bytes), [Op.i32Add], set(dst), get(p), get(lds), [Op.i32Add], set(p),
          get(p), get(pEnd), [Op.i32LtU], brIf(0),
        ),
        get(src), i32(bytes), [Op.i32Add], set(src),
        get(s), i32(1), [Op.i32Add], set(s), get(s), get(slivers), [Op.i32LtU], brIf(0),
      ),
    ],
  };
}

/** One page to start; gemmWasm.ts grows the memory to what a product's panels need. */
export const GEMM_PAGES = 1;

export function encodeGemmModule(): Uint8Array {
  // every sliver is 16 or 32 bytes wide (what packCols copies); gemmWasm.ts looks the packers up by these names
  const widths = [F64_MR * 8, F64_NR * 8, F32_MR * 4, F32_NR * 4];
  if (widths.some((w) => w !== 16 && w !== 32)) throw new Error(`gemm wasm: sliver widths ${widths} are not 16 or 32 bytes`);
  const rows = [...new Set([`${F64_MR}x8`, `${F64_NR}x8`, `${F32_MR}x4`, `${F32_NR}x4`])].map((rs) => rs.split('x').map(Number));
  const cols = [...new Set(widths)].sort() as (16 | 32)[];
  return encodeModule([], [
    macroKernel('gemmF64', F64_MR, F64_NV, false), macroKernel('gemmF32', F32_MR, F32_NV, true),
    ...rows.map(([r, es]) => packRows(r, es)), ...cols.map(packCols),
  ], GEMM_PAGES, null);
}
