// The WebAssembly module of takeRowsWasm.ts's row gather, from its readable source via
// engine/wasm/encoder.ts. The engine runs the committed bytes of takeRowsWasmBytes.ts, so none
// of this runs at indexing time; test/engine/takeRowsWasm.test.ts checks those bytes are what
// this encodes (and rewrites them with UPDATE_WASM=1).
//
// `gatherF64(table, rowBytes, size, idx, n, out)` and `gatherI32(…)`: for t < n, index value
// i = the t-th float64 (int64/uint64 storage) or int32 at byte offset idx; an i outside
// [-size, size) returns t (nothing of row t written); a negative i counts from size; then the
// rowBytes bytes at table + i*rowBytes are copied to out + t*rowBytes, 16 bytes at a time
// (v128) and the last 8/4/2/1. Returns -1 when every row is copied. Bytes are copied as they
// are, so every dtype's values (NaN payloads, -0) arrive unchanged.

import { block, brIf, encodeModule, FuncDef, get, i32, i32Load, i32Store, i64Load, i64Store, ifThen, loop, Op, set, v128Load, v128Store } from '../wasm/encoder';

const i32Add = [Op.i32Add], i32Mul = [Op.i32Mul], i32GtU = [Op.i32GtU], i32GeU = [Op.i32GeU], i32LtU = [Op.i32LtU];
const i32Sub = [Op.i32Sub], i32And = [Op.i32And], i32Eqz = [Op.i32Eqz], ret = [Op.return], br0 = [Op.br, 0];
const i32LtS = [0x48], i32GeS = [0x4e], i32LeU = [0x4d];
/** `i32.trunc_f64_s`, `i32.load16_u`/`i32.store16`, `i32.load8_u`/`i32.store8` (not among the encoder's helpers). */
const i32TruncF64S = [0xaa];
const load16 = [0x2f, 1, 0], store16 = [0x3b, 1, 0], load8 = [0x2d, 0, 0], store8 = [0x3a, 0, 0];

function gather(name: string, f64Index: boolean): FuncDef {
  const [table, rowBytes, size, idx, n, out] = [0, 1, 2, 3, 4, 5];
  const t = 6, i = 7, src = 8, j = 9, negSize = 10, sizeF = 11, x = 12;
  // the index value of row t, checked, as an int32 row number in [0, size)
  const index: number[][] = f64Index
    ? [
      get(idx), get(t), i32(3), [Op.i32Shl], i32Add, [Op.f64Load, 3, 0], set(x),
      // !(x >= -size && x < size): NaN cannot occur (integer storage), huge values fail here
      get(x), get(negSize), [Op.f64Ge], get(x), get(sizeF), [Op.f64Lt], i32And, i32Eqz, ifThen(get(t), ret),
      get(x), i32TruncF64S, set(i),
    ]
    : [
      get(idx), get(t), i32(2), [Op.i32Shl], i32Add, i32Load(0), set(i),
      get(i), i32(0), get(size), i32Sub, i32LtS, get(i), get(size), i32GeS, [Op.i32Or], ifThen(get(t), ret),
    ];
  // copies rowBytes from src to out (out advances past the row)
  const copyRow: number[][] = [
    i32(0), set(j),
    block(loop(
      get(j), i32(16), i32Add, get(rowBytes), i32GtU, brIf(1),
      get(out), get(j), i32Add, get(src), get(j), i32Add, v128Load(0), v128Store(0),
      get(j), i32(16), i32Add, set(j), br0,
    )),
    ...([[8, i64Load(0), i64Store(0)], [4, i32Load(0), i32Store(0)], [2, load16, store16]] as const).flatMap(([w, ld, st]) => [
      get(j), i32(w), i32Add, get(rowBytes), i32LeU, ifThen(
        get(out), get(j), i32Add, get(src), get(j), i32Add, ld, st,
        get(j), i32(w), i32Add, set(j),
      ),
    ]),
    get(j), get(rowBytes), i32LtU, ifThen(get(out), get(j), i32Add, get(src), get(j), i32Add, load8, store8),
    get(out), get(rowBytes), i32Add, set(out),
  ];
  const body: number[][] = [
    ...(f64Index ? [i32(0), get(size), i32Sub, [Op.f64ConvertI32S], set(negSize), get(size), [Op.f64ConvertI32S], set(sizeF)] : []),
    i32(0), set(t),
    block(loop(
      get(t), get(n), i32GeU, brIf(1),
      ...index,
      get(i), i32(0), i32LtS, ifThen(get(i), get(size), i32Add, set(i)),
      get(table), get(i), get(rowBytes), i32Mul, i32Add, set(src),
      ...copyRow,
      get(t), i32(1), i32Add, set(t), br0,
    )),
    i32(-1),
  ];
  return {
    name, params: ['i32', 'i32', 'i32', 'i32', 'i32', 'i32'], results: ['i32'],
    locals: ['i32', 'i32', 'i32', 'i32', 'f64', 'f64', 'f64'], body,
  };
}

export function encodeTakeRowsModule(): Uint8Array {
  // one page to start: takeRowsWasm.ts grows the memory to what each gather needs
  return encodeModule([], [gather('gatherF64', true), gather('gatherI32', false)], 1, null);
}
