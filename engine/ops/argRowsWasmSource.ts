// The WebAssembly SIMD module of argRowsWasm.ts (float64 argmax/argmin along contiguous
// rows), from its readable source via engine/wasm/encoder.ts. The engine runs the committed
// bytes of argRowsWasmBytes.ts, so none of this runs at argmax time;
// test/engine/argRowsWasm.test.ts checks those bytes are what this encodes (and rewrites
// them with UPDATE_WASM=1).
//
// `argmaxF64(rows, m, n, out)` / `argminF64`: for each of m rows of n float64 (row r at
// rows + r*n*8), the float64 value of argRow.ts's answer at out + r*8: the index of the first
// largest (smallest) element, a NaN counting as the extreme (the first NaN wins). Same
// method as argRow.ts (with blocks of 16): best = element 0 (a NaN: answer 0); blocks of 16
// are tested against best with eight f64x2 comparisons, `v <= best` (`>=` for argmin) in every lane meaning the
// block holds neither a new best nor a NaN; any other block is rescanned element by element
// with the scalar test `!(v <= best)`; the tail after the last block likewise.

import { block, brIf, encodeModule, f64Load, f64Store, FuncDef, get, i32, ifThen, loop, Op, set, v128Load } from '../wasm/encoder';

const i32Add = [Op.i32Add], i32GeU = [Op.i32GeU], i32Shl = [Op.i32Shl], i32GtU = [Op.i32GtU], i32Mul = [Op.i32Mul];
const br0 = [Op.br, 0];
const f64x2Le = [0xfd, 0x4b], f64x2Splat = [0xfd, 0x14], v128And = [0xfd, 0x4e], i64x2AllTrue = [0xfd, 0xc3, 0x01];

/** Elements tested per step (eight f64x2 comparisons). */
const BLOCK = 16;

function argRows(name: string, isMax: boolean): FuncDef {
  const [rows, m, n, out] = [0, 1, 2, 3];
  const r = 4, p = 5, j = 6, bi = 7, q = 8, end = 9, best = 10, v = 11, bv = 12;
  const keepScalar = isMax ? [Op.f64Le] : [Op.f64Ge];
  const keepVector = isMax ? f64x2Le : [0xfd, 0x4c];
  // elements q..end-1 of row p, one by one: !(v keep best) takes a new best, or for a NaN
  // leaves the answer's block (toAnswer: its depth from where the scan is placed)
  const scan = (toAnswer: number): number[] => block(loop(
    get(q), get(end), i32GeU, brIf(1),
    get(p), get(q), i32(3), i32Shl, i32Add, f64Load(0), set(v),
    get(v), get(best), keepScalar, [Op.i32Eqz], ifThen(
      get(v), get(v), [Op.f64Ne], brIf(toAnswer + 3), // a NaN: q, its index, is the answer
      get(v), set(best), get(q), set(bi),
    ),
    get(q), i32(1), i32Add, set(q), br0,
  ));
  const body: number[][] = [
    i32(0), set(r),
    block(loop(
      get(r), get(m), i32GeU, brIf(1),
      get(rows), get(r), get(n), i32Mul, i32(3), i32Shl, i32Add, set(p),
      // the answer for row r: bi, or q when the block is left by a NaN
      block(
        block(
          i32(0), set(bi), i32(0), set(q),
          get(p), f64Load(0), set(best),
          get(best), get(best), [Op.f64Ne], brIf(0),
          i32(1), set(j),
          get(best), f64x2Splat, set(bv),
          block(loop(
            get(j), i32(BLOCK), i32Add, get(n), i32GtU, brIf(1),
            get(p), get(j), i32(3), i32Shl, i32Add, set(q),
            get(q), v128Load(0), get(bv), keepVector,
            ...Array.from({ length: BLOCK / 2 - 1 }, (_, k) => [get(q), v128Load(16 * (k + 1)), get(bv), keepVector, v128And]).flat(),
            i64x2AllTrue, [Op.i32Eqz], ifThen(
              get(j), set(q), get(j), i32(BLOCK), i32Add, set(end),
              scan(3),
              get(best), f64x2Splat, set(bv),
            ),
            get(j), i32(BLOCK), i32Add, set(j), br0,
          )),
          get(j), set(q), get(n), set(end),
          scan(0),
          // no NaN: the answer is bi
          get(bi), set(q),
        ),
        // here q is the answer (a NaN's index, 0 for a NaN first element, or bi)
        get(out), get(r), i32(3), i32Shl, i32Add, get(q), [Op.f64ConvertI32S], f64Store(0),
      ),
      get(r), i32(1), i32Add, set(r), br0,
    )),
  ];
  return {
    name, params: ['i32', 'i32', 'i32', 'i32'], results: [],
    locals: ['i32', 'i32', 'i32', 'i32', 'i32', 'i32', 'f64', 'f64', 'v128'], body,
  };
}

export function encodeArgRowsModule(): Uint8Array {
  // one page to start: argRowsWasm.ts grows the memory to what each call needs
  return encodeModule([], [argRows('argmaxF64', true), argRows('argminF64', false)], 1, null);
}
