// A minimal WebAssembly binary encoder for the engine's kernels (engine/random/wasmKernels.ts,
// engine/ops/linalg/gemmWasm.ts): one module with imported functions, one exported memory and
// exported functions, each body written as a flat list of instructions. Only what those
// kernels use is here; the opcodes are the WebAssembly core spec's. No dependency, no
// text-format parser: the kernels stay readable TypeScript that yields the module's bytes.

export type ValType = 'i32' | 'i64' | 'f64' | 'v128';
const VALTYPE: Record<ValType, number> = { i32: 0x7f, i64: 0x7e, f64: 0x7c, v128: 0x7b };

/** Instruction opcodes (single byte) used by the kernels. */
export const Op = {
  block: 0x02, loop: 0x03, if: 0x04, else: 0x05, end: 0x0b, br: 0x0c, brIf: 0x0d, return: 0x0f, call: 0x10,
  select: 0x1b,
  localGet: 0x20, localSet: 0x21, localTee: 0x22,
  i32Load: 0x28, i64Load: 0x29, f64Load: 0x2b, i32Store: 0x36, i64Store: 0x37, f64Store: 0x39,
  i32Const: 0x41, i64Const: 0x42, f64Const: 0x44,
  i32Eqz: 0x45, i32Eq: 0x46, i32Ne: 0x47, i32LtU: 0x49, i32GtU: 0x4b, i32GeU: 0x4f,
  i64Eqz: 0x50, i64Ne: 0x52, i64LtU: 0x54, i64GeU: 0x5a,
  f64Eq: 0x61, f64Ne: 0x62, f64Lt: 0x63, f64Gt: 0x64, f64Le: 0x65, f64Ge: 0x66,
  i32Add: 0x6a, i32Sub: 0x6b, i32Mul: 0x6c, i32And: 0x71, i32Or: 0x72, i32Xor: 0x73, i32Shl: 0x74, i32ShrU: 0x76,
  i64Add: 0x7c, i64Sub: 0x7d, i64Mul: 0x7e, i64And: 0x83, i64Or: 0x84, i64Xor: 0x85, i64Shl: 0x86, i64ShrS: 0x87, i64ShrU: 0x88,
  i64Rotr: 0x8a,
  f64Abs: 0x99, f64Neg: 0x9a, f64Sqrt: 0x9f, f64Add: 0xa0, f64Sub: 0xa1, f64Mul: 0xa2, f64Div: 0xa3,
  i32WrapI64: 0xa7, i64ExtendI32U: 0xad, f64ConvertI32S: 0xb7, f64ConvertI32U: 0xb8, f64ConvertI64S: 0xb9, f64ConvertI64U: 0xba,
  i64ReinterpretF64: 0xbd, f64ReinterpretI64: 0xbf,
} as const;

/** 128-bit SIMD instructions (0xfd prefix), as [prefix, uleb opcode]. */
export const Simd = {
  v128And: [0xfd, 0x4e], v128Or: [0xfd, 0x50], v128Xor: [0xfd, 0x51],
  i32x4Neg: [0xfd, 0xa1, 0x01], i32x4Shl: [0xfd, 0xab, 0x01], i32x4ShrU: [0xfd, 0xad, 0x01],
  v128Not: [0xfd, 0x4d], v128AnyTrue: [0xfd, 0x53], i64x2AllTrue: [0xfd, 0xc3, 0x01], i64x2Sub: [0xfd, 0xd1, 0x01],
  f64x2Splat: [0xfd, 0x14], f64x2Eq: [0xfd, 0x47], f64x2Lt: [0xfd, 0x49], f64x2Ge: [0xfd, 0x4c],
  f64x2Abs: [0xfd, 0xec, 0x01], f64x2Sqrt: [0xfd, 0xef, 0x01], f64x2Add: [0xfd, 0xf0, 0x01], f64x2Sub: [0xfd, 0xf1, 0x01],
  f64x2Mul: [0xfd, 0xf2, 0x01], f64x2Div: [0xfd, 0xf3, 0x01],
  f32x4Add: [0xfd, 0xe4, 0x01], f32x4Mul: [0xfd, 0xe6, 0x01],
};

/** Lane access: `i64x2.extract_lane`, `f64x2.replace_lane`. */
export const i64x2Extract = (lane: number): number[] => [0xfd, 0x1d, lane];
export const f64x2Replace = (lane: number): number[] => [0xfd, 0x22, lane];
/** `i8x16.shuffle`: byte k of the result is byte lanes[k] of the two operands (0–15 first, 16–31 second). */
export const shuffle = (lanes: readonly number[]): number[] => [0xfd, 0x0d, ...lanes];
/** A v128 constant with the same f64 in both lanes. */
export const f64x2 = (v: number): number[] => { F64[0] = v; return [0xfd, 0x0c, ...U8, ...U8]; };

/** The empty block type (blocks, loops and ifs that leave nothing on the stack). */
const VOID = 0x40;

function uleb(n: number): number[] {
  const out: number[] = [];
  do {
    let b = n & 0x7f;
    n = Math.floor(n / 128);
    if (n !== 0) b |= 0x80;
    out.push(b);
  } while (n !== 0);
  return out;
}

function sleb(v: bigint): number[] {
  const out: number[] = [];
  for (;;) {
    const b = Number(v & 0x7fn);
    v >>= 7n;
    if ((v === 0n && (b & 0x40) === 0) || (v === -1n && (b & 0x40) !== 0)) { out.push(b); return out; }
    out.push(b | 0x80);
  }
}

const F64 = new Float64Array(1);
const U8 = new Uint8Array(F64.buffer);

// ---- instruction helpers: each returns the bytes of one instruction ----------------------

export const get = (i: number): number[] => [Op.localGet, ...uleb(i)];
export const set = (i: number): number[] => [Op.localSet, ...uleb(i)];
export const tee = (i: number): number[] => [Op.localTee, ...uleb(i)];
export const i32 = (v: number): number[] => [Op.i32Const, ...sleb(BigInt(v | 0))];
/** An i64 constant from its unsigned (or signed) 64-bit value. */
export const i64 = (v: bigint): number[] => [Op.i64Const, ...sleb(BigInt.asIntN(64, v))];
export const f64 = (v: number): number[] => { F64[0] = v; return [Op.f64Const, ...U8]; };
/** Loads and stores with the natural alignment and a constant offset. */
export const i32Load = (off = 0): number[] => [Op.i32Load, 2, ...uleb(off)];
export const i64Load = (off = 0): number[] => [Op.i64Load, 3, ...uleb(off)];
export const f64Load = (off = 0): number[] => [Op.f64Load, 3, ...uleb(off)];
export const i32Store = (off = 0): number[] => [Op.i32Store, 2, ...uleb(off)];
export const i64Store = (off = 0): number[] => [Op.i64Store, 3, ...uleb(off)];
export const f64Store = (off = 0): number[] => [Op.f64Store, 3, ...uleb(off)];
export const v128Load = (off = 0): number[] => [0xfd, 0x00, 2, ...uleb(off)];
export const v128Store = (off = 0): number[] => [0xfd, 0x0b, 2, ...uleb(off)];
/** `v128.load32_splat` / `v128.load64_splat`: one f32 / f64 from memory into every lane. */
export const v128Load32Splat = (off = 0): number[] => [0xfd, 0x09, 2, ...uleb(off)];
export const v128Load64Splat = (off = 0): number[] => [0xfd, 0x0a, 3, ...uleb(off)];
/** A v128 constant with the same u32 in all four lanes. */
export const i32x4 = (v: number): number[] => {
  const b = [v & 0xff, (v >>> 8) & 0xff, (v >>> 16) & 0xff, v >>> 24];
  return [0xfd, 0x0c, ...b, ...b, ...b, ...b];
};
/** The concatenation of byte lists (a loop of pushes: spreads and flat() were slow enough here to matter). */
export function cat(parts: readonly (readonly number[])[]): number[] {
  const out: number[] = [];
  for (const part of parts) for (let i = 0; i < part.length; i++) out.push(part[i]);
  return out;
}

export const block = (...body: number[][]): number[] => cat([[Op.block, VOID], ...body, [Op.end]]);
export const loop = (...body: number[][]): number[] => cat([[Op.loop, VOID], ...body, [Op.end]]);
export const ifThen = (...body: number[][]): number[] => cat([[Op.if, VOID], ...body, [Op.end]]);
export const ifElse = (then: number[][], els: number[][]): number[] => cat([[Op.if, VOID], ...then, [Op.else], ...els, [Op.end]]);
export const br = (depth: number): number[] => [Op.br, ...uleb(depth)];
export const brIf = (depth: number): number[] => [Op.brIf, ...uleb(depth)];
export const call = (fn: number): number[] => [Op.call, ...uleb(fn)];

// ---- module -------------------------------------------------------------------------------

export interface FuncDef {
  readonly name: string | null; // exported under this name, or internal
  readonly params: readonly ValType[];
  readonly results: readonly ValType[];
  readonly locals: readonly ValType[];
  readonly body: readonly number[][];
}

export interface ImportDef { readonly module: string; readonly name: string; readonly params: readonly ValType[]; readonly results: readonly ValType[] }

const str = (s: string): number[] => { const b = [...new TextEncoder().encode(s)]; return [...uleb(b.length), ...b]; };
const vec = (items: number[][]): number[] => cat([uleb(items.length), ...items]);
const section = (id: number, body: number[]): number[] => cat([[id], uleb(body.length), body]);
const funcType = (p: readonly ValType[], r: readonly ValType[]): number[] =>
  [0x60, ...vec(p.map((t) => [VALTYPE[t]])), ...vec(r.map((t) => [VALTYPE[t]]))];

/**
 * The module's bytes: imports take function indices 0…, then `funcs` in order; one memory
 * of `pages` 64 KiB pages, exported as "memory", growable up to `maxPages` (null: no limit
 * but the runtime's). Each function gets its own type entry.
 */
export function encodeModule(imports: readonly ImportDef[], funcs: readonly FuncDef[], pages: number, maxPages: number | null = pages): Uint8Array {
  const types = [...imports.map((f) => funcType(f.params, f.results)), ...funcs.map((f) => funcType(f.params, f.results))];
  const importSec = vec(imports.map((f, i) => [...str(f.module), ...str(f.name), 0x00, ...uleb(i)]));
  const funcSec = vec(funcs.map((_, i) => uleb(imports.length + i)));
  const memSec = vec([maxPages === null ? [0x00, ...uleb(pages)] : [0x01, ...uleb(pages), ...uleb(maxPages)]]);
  const exports: number[][] = [[...str('memory'), 0x02, 0]];
  funcs.forEach((f, i) => { if (f.name !== null) exports.push([...str(f.name), 0x00, ...uleb(imports.length + i)]); });
  const codes = funcs.map((f) => {
    const locals = vec(f.locals.map((t) => [1, VALTYPE[t]]));
    const body = cat([locals, ...f.body, [Op.end]]);
    return cat([uleb(body.length), body]);
  });
  const bytes = cat([
    [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
    section(1, vec(types)),
    imports.length ? section(2, importSec) : [],
    section(3, funcSec),
    section(5, memSec),
    section(7, vec(exports)),
    section(10, vec(codes)),
  ]);
  // a nested array left in a body would otherwise become a 0 byte (`unreachable`)
  const bad = bytes.findIndex((b) => !Number.isInteger(b) || b < 0 || b > 255);
  if (bad >= 0) throw new Error(`wasm encoder: byte ${bad} is ${JSON.stringify(bytes[bad])}`);
  return new Uint8Array(bytes);
}
