// The WebAssembly SIMD module of foldSumWasm.ts (float64 outer-axis sums), from its readable
// source via engine/wasm/encoder.ts. The engine runs the committed bytes of
// foldSumWasmBytes.ts, so none of this runs at sum time; test/engine/foldSumWasm.test.ts
// checks those bytes are what this encodes (and rewrites them with UPDATE_WASM=1).
//
// `foldF64(d, rows, m, n)`: for each column j < n, D[j] = (((D[j] + R0[j]) + R1[j]) + …) +
// R(m-1)[j], where D is n float64 at byte d and row r is n float64 at rows + r*n*8. This is
// outerReduce.ts's fold for add: each output element adds the rows' elements one after
// another in row order. Columns go two per f64x2 (sixteen per block of eight independent
// accumulators), each lane adding its own column's elements in the same order with IEEE
// double rounding as JS's `+`, so the result is the JS fold's bit for bit; an odd last
// column is added in scalar f64.

import { block, brIf, cat, encodeModule, f64Load, f64Store, FuncDef, get, i32, ifThen, loop, Op, set, Simd, v128Load, v128Store } from '../wasm/encoder';

const i32Add = [Op.i32Add], i32GeU = [Op.i32GeU], i32Shl = [Op.i32Shl], i32LtU = [Op.i32LtU];
const f64Add = [Op.f64Add], br0 = [Op.br, 0];

/** Columns per block: eight f64x2 accumulators, so eight independent chains of adds. */
const BLOCK = 16;

function foldF64(): FuncDef {
  const [d, rows, m, n] = [0, 1, 2, 3];
  const j = 4, r = 5, p = 6, rowBytes = 7, dj = 8, accS = 9;
  const acc = Array.from({ length: BLOCK / 2 }, (_, k) => 10 + k);
  // `add` for rows r = 0..m-1, p pointing at row r's columns
  const overRows = (add: number[][]): number[] => cat([
    get(rows), get(j), i32(3), i32Shl, i32Add, set(p),
    i32(0), set(r),
    block(loop(
      get(r), get(m), i32GeU, brIf(1),
      ...add,
      get(p), get(rowBytes), i32Add, set(p),
      get(r), i32(1), i32Add, set(r), br0,
    )),
  ]);
  const dAt = [get(d), get(j), i32(3), i32Shl, i32Add, set(dj)];
  // columns j..j+2*lanes-1 with `lanes` accumulators; j advances past them
  const columns = (lanes: number): number[][] => [
    ...dAt,
    ...acc.slice(0, lanes).flatMap((a, k) => [get(dj), v128Load(16 * k), set(a)]),
    overRows(acc.slice(0, lanes).flatMap((a, k) => [get(a), get(p), v128Load(16 * k), Simd.f64x2Add, set(a)])),
    ...acc.slice(0, lanes).flatMap((a, k) => [get(dj), get(a), v128Store(16 * k)]),
    get(j), i32(2 * lanes), i32Add, set(j),
  ];
  const body: number[][] = [
    get(n), i32(3), i32Shl, set(rowBytes),
    i32(0), set(j),
    block(loop(get(j), i32(BLOCK), i32Add, get(n), [Op.i32GtU], brIf(1), ...columns(BLOCK / 2), br0)),
    block(loop(get(j), i32(2), i32Add, get(n), [Op.i32GtU], brIf(1), ...columns(1), br0)),
    // an odd last column
    get(j), get(n), i32LtU, ifThen(
      ...dAt,
      get(dj), f64Load(0), set(accS),
      overRows([get(accS), get(p), f64Load(0), f64Add, set(accS)]),
      get(dj), get(accS), f64Store(0),
    ),
  ];
  return {
    name: 'foldF64', params: ['i32', 'i32', 'i32', 'i32'], results: [],
    locals: ['i32', 'i32', 'i32', 'i32', 'i32', 'f64', ...acc.map(() => 'v128' as const)], body,
  };
}

export function encodeFoldSumModule(): Uint8Array {
  // one page to start: foldSumWasm.ts grows the memory to what each sum needs
  return encodeModule([], [foldF64()], 1, null);
}
