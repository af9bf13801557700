// The random kernels' one WebAssembly module (its bytes in wasmKernelsBytes.ts, encoded from
// the readable source of wasmKernelsSource.ts; no .wasm file, no dependency), compiled on
// first use and shared by every generator: the module keeps no generator state between
// calls. Each run* function copies a generator's state into the slots of wasmLayout.ts, runs
// a kernel, copies the state back and the results out of OUT. The imports are the libm.ts
// functions (and Math.exp) the kernels' rare paths need bit for bit.

import { valueError } from '../core/errors';
import { fromBase64 } from '../wasm/base64';
import { KERNEL_WASM_BASE64 } from './wasmKernelsBytes';
import { FI_DOUBLE, KI_DOUBLE, LOG_TAB, WI_DOUBLE } from './tables';
import { log, log1p, LOG_INVC_SPLIT } from './libm';
import {
  LOG_INVC_SPLIT as LOG_INVC_SPLIT_AT, LOG_TABLE, MT_KEY, MT_POS, OUT, OUT_CAPACITY, PCG_STATE, ZIG_FI, ZIG_KI, ZIG_WI,
} from './wasmLayout';

export { OUT_CAPACITY };

/** The slice of the WebAssembly JS API used here (the project's lib settings carry no DOM types). */
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: unknown };
}

interface KernelExports {
  memory: { buffer: ArrayBuffer };
  pcg64Fill(n: number): void;
  pcg64Normals(n: number): void;
  mtFillDoubles(n: number): void;
  mtGaussPairs(n: number): void;
}

/** The instance's exports and its memory as words and doubles (the memory never grows, so the views stay valid). */
interface Kernels { readonly k: KernelExports; readonly mem32: Uint32Array; readonly memf64: Float64Array }

function instantiate(): Kernels {
  const wasm = (globalThis as unknown as { WebAssembly?: WasmApi }).WebAssembly;
  if (wasm === undefined) throw new Error('np.random needs WebAssembly, which this JavaScript runtime does not provide');
  const bytes = fromBase64(KERNEL_WASM_BASE64);
  // the imports wasmKernelsSource.ts declares
  const inst = new wasm.Instance(new wasm.Module(bytes), { m: { log1p, exp: Math.exp, log } });
  const k = inst.exports as KernelExports;
  const f = new Float64Array(k.memory.buffer);
  f.set(KI_DOUBLE, ZIG_KI >> 3);
  f.set(WI_DOUBLE, ZIG_WI >> 3);
  f.set(FI_DOUBLE, ZIG_FI >> 3);
  f.set(LOG_TAB, LOG_TABLE >> 3);
  f.set(LOG_INVC_SPLIT, LOG_INVC_SPLIT_AT >> 3);
  return { k, mem32: new Uint32Array(k.memory.buffer), memf64: f };
}

// built on the first draw, not at load: importing np.random stays cheap for code that never samples
let kernels: Kernels | null = null;
const K = (): Kernels => (kernels ??= instantiate());

/** OUT as an index into the memory's words (two per u64: low first). */
export const OUT32 = OUT >> 2;
const OUTF64 = OUT >> 3;

/** Copies PCG64 state words (state lo…hi, inc lo…hi, u32 each) in, runs `kernel`, copies the state back. */
function withPcg64(st: Uint32Array, kernel: 'pcg64Fill' | 'pcg64Normals', n: number): Kernels {
  const ks = K(), m = ks.mem32, s = PCG_STATE >> 2;
  for (let k = 0; k < 8; k++) m[s + k] = st[k];
  ks.k[kernel](n);
  for (let k = 0; k < 4; k++) st[k] = m[s + k];
  return ks;
}

/**
 * n ≤ OUT_CAPACITY PCG64 draws; returns the memory's words, where draw t is at
 * [OUT32 + 2t] (low) and [OUT32 + 2t + 1] (high) until the next kernel call.
 */
export function runPcg64(st: Uint32Array, n: number): Uint32Array {
  return withPcg64(st, 'pcg64Fill', n).mem32;
}

/** n ≤ OUT_CAPACITY ziggurat normals from PCG64 into d[at…]. */
export function runPcg64Normals(st: Uint32Array, n: number, d: Float64Array, at: number): void {
  d.set(withPcg64(st, 'pcg64Normals', n).memf64.subarray(OUTF64, OUTF64 + n), at);
}

/** Copies MT19937's key and pos in, runs `kernel`, copies them back; returns the new pos. */
function withMt(key: Uint32Array, pos: number, kernel: 'mtFillDoubles' | 'mtGaussPairs', n: number, d: Float64Array, at: number, count: number): number {
  // NumPy reads outside its key for any other pos (undefined behaviour); the kernel would run off its block
  if (!(pos >= 0 && pos <= 624)) throw valueError(`MT19937 state pos must be between 0 and 624, not ${pos}`);
  const ks = K(), m = ks.mem32;
  m.set(key, MT_KEY >> 2);
  m[MT_POS >> 2] = pos;
  ks.k[kernel](n);
  key.set(m.subarray(MT_KEY >> 2, (MT_KEY >> 2) + 624));
  d.set(ks.memf64.subarray(OUTF64, OUTF64 + count), at);
  return m[MT_POS >> 2];
}

/** n ≤ OUT_CAPACITY MT19937 doubles from `key`/pos into d[at…]; returns the new pos. */
export function runMtDoubles(key: Uint32Array, pos: number, n: number, d: Float64Array, at: number): number {
  return withMt(key, pos, 'mtFillDoubles', n, d, at, n);
}

/** n ≤ OUT_CAPACITY / 2 polar pairs of legacy gaussians (2n values) into d[at…]; returns the new pos. */
export function runMtGaussPairs(key: Uint32Array, pos: number, n: number, d: Float64Array, at: number): number {
  return withMt(key, pos, 'mtGaussPairs', n, d, at, 2 * n);
}
