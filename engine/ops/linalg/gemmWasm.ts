// gemm's WebAssembly SIMD path (module bytes in gemmWasmBytes.ts, from gemmWasmSource.ts):
// packs cache blocks of A and B into the module's memory as gemm.ts's JS path does, runs a
// macro-kernel per block and copies C out. The k loop runs in consecutive chunks (float32's
// twice as deep as gemm.ts's), so every C element's additions come in the same order, and C
// round-trips through memory between chunks in its own type, which is exact: the results
// are the JS path's bit for bit (see gemmWasmSource.ts). Compiled on the first large product; where WebAssembly or
// its SIMD instructions are missing (or the memory cannot grow), gemm falls back to JS.
// Large products run on two threads where gemmThreads.ts's helper runs: a second instance on
// a shared memory, each block's rows packed here and computed in chunks by both threads.

import { TypedArray } from '../../core/dtype';
import { fromBase64 } from '../../wasm/base64';
import { GEMM_WASM_BASE64 } from './gemmWasmBytes';
import { F32_MR, F32_NR, F64_MR, F64_NR, KC, KC_F32, MB, MC, NC } from './gemmWasmLayout';
import { claim, CONTROL_BYTES, Ctl, finish, finished, gemmHelper, Helper, jobDone, packed, post, productDone } from './gemmThreads';

/** The slice of the WebAssembly JS API used here (the project's lib settings carry no DOM types). */
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: unknown };
}

type MacroKernel = (mc: number, nc: number, kc: number, aPtr: number, bPtr: number, cPtr: number, ldcBytes: number, first: number) => void;

interface GemmExports {
  memory: { buffer: ArrayBuffer; grow(pages: number): number };
  gemmF64: MacroKernel;
  gemmF32: MacroKernel;
}

/** packRows{R}x{bytes per element} and packCols{16,32} (see gemmWasmSource.ts): (src, lds, slivers, kc, dst), in bytes. */
type Packer = (src: number, lds: number, slivers: number, kc: number, dst: number) => void;

interface Kernels { readonly k: GemmExports; f64: Float64Array; f32: Float32Array }

const kernelsOf = (k: GemmExports): Kernels => ({ k, f64: new Float64Array(k.memory.buffer), f32: new Float32Array(k.memory.buffer) });

/** undefined: not tried yet; null: unavailable here (gemm uses its JS path). */
let kernels: Kernels | null | undefined;

function instantiate(): Kernels | null {
  const wasm = (globalThis as unknown as { WebAssembly?: WasmApi }).WebAssembly;
  if (wasm === undefined) return null;
  try {
    return kernelsOf(new wasm.Instance(new wasm.Module(fromBase64(GEMM_WASM_BASE64)), {}).exports as GemmExports);
  } catch {
    // no SIMD (CompileError), or a host that refuses synchronous compilation (RangeError)
    return null;
  }
}

/** Whether this runtime runs gemm's WebAssembly path (compiles the module on first call). */
export function gemmWasmAvailable(): boolean {
  if (kernels === undefined) kernels = instantiate();
  return kernels !== null;
}

/** Grows the memory to at least `bytes`; false when the runtime refuses. */
function reserve(ks: Kernels, bytes: number): boolean {
  const have = ks.k.memory.buffer.byteLength;
  if (have >= bytes) return true;
  try {
    ks.k.memory.grow(Math.ceil((bytes - have) / 65536));
  } catch {
    return false;
  }
  ks.f64 = new Float64Array(ks.k.memory.buffer);
  ks.f32 = new Float32Array(ks.k.memory.buffer);
  return true;
}

const roundUp = (n: number, m: number): number => Math.ceil(n / m) * m;

/**
 * Products from this many multiply-adds on use the helper thread when it is ready. Measured on
 * 2 cores: break-even near 96³, 1.2-1.4× at 128³ and 1.6-1.9× at 512³ repeated in a quiet A/B,
 * but the benchmark's batched 32×128³ ran slower on two threads than on one (12.0 vs 7.5 ms):
 * products of 128³ stay on one thread until that is understood.
 */
export const THREADS_MIN = 160 * 160 * 160;

/**
 * gemm.ts's packed product (same arguments, f32 for 'float32' accumulation; C may be a
 * Float32Array in that mode) on the WebAssembly path; false, having written nothing, when that path is unavailable. Large
 * products split each block's rows with the helper thread when it is ready (`threads`
 * false: never; the results are the same bit for bit).
 */
export function gemmWasm(
  M: number, N: number, K: number, A: TypedArray, aOff: number, aRs: number, aCs: number,
  B: TypedArray, bOff: number, bRs: number, bCs: number, C: Float64Array | Float32Array, cOff: number, ldc: number, f32: boolean,
  threads = true,
): boolean {
  if (threads && M * N * K >= THREADS_MIN && M >= 2 * (f32 ? F32_MR : F64_MR)) {
    const h = gemmHelper();
    if (h !== null) {
      if (shared === undefined || shared.h !== h) shared = { h, ks: kernelsOf(h.exports as GemmExports) };
      const done = drive(shared.ks, h, M, N, K, A, aOff, aRs, aCs, B, bOff, bRs, bCs, C, cOff, ldc, f32);
      productDone();
      if (done !== 'no') return true;
      // 'no': the memory could not grow (nothing written), or the helper died (rows half done): one thread, from the start
    }
  }
  if (kernels === undefined) kernels = instantiate();
  const ks = kernels;
  if (ks === null) return false;
  return drive(ks, null, M, N, K, A, aOff, aRs, aCs, B, bOff, bRs, bCs, C, cOff, ldc, f32) === 'done';
}

/** The instance on the memory shared with the helper. */
let shared: { h: Helper; ks: Kernels } | undefined;

function drive(
  ks: Kernels, h: Helper | null, M: number, N: number, K: number, A: TypedArray, aOff: number, aRs: number, aCs: number,
  B: TypedArray, bOff: number, bRs: number, bCs: number, C: Float64Array | Float32Array, cOff: number, ldc: number, f32: boolean,
): 'done' | 'no' {
  const MR = f32 ? F32_MR : F64_MR, NR = f32 ? F32_NR : F64_NR, es = f32 ? 4 : 8;
  const KCB = f32 ? KC_F32 : KC; // k depth of a panel
  const mbMax = roundUp(Math.min(MB, M), MR), ncMax = roundUp(Math.min(NC, N), NR), kcMax = Math.min(KCB, K);
  // operands of the memory's own type with contiguous rows or columns are copied in line by
  // line (a memcpy) and packed by the module; others are packed here, converting element by element
  const ownA = f32 ? A instanceof Float32Array : A instanceof Float64Array;
  const ownB = f32 ? B instanceof Float32Array : B instanceof Float64Array;
  const aRows = ownA && aCs === 1, aCols = ownA && !aRows && aRs === 1, stageA = aRows || aCols;
  const bRows = ownB && bCs === 1, bCols = ownB && !bRows && bRs === 1, stageB = bRows || bCols;
  const exports = ks.k as unknown as Record<string, Packer>; // the packers by name, as gemmWasmSource.ts names them
  const packARows = exports[`packRows${MR}x${es}`], packACols = exports[`packCols${MR * es}`];
  const packBRows = exports[`packCols${NR * es}`], packBCols = exports[`packRows${NR}x${es}`];
  // memory (after the helper's control words when shared): an A block (with the helper, all of
  // a C block's rows), a B panel (with the helper two: the next k chunk's is packed while both
  // threads run this one's), a C block of MB rows, then the staged rows of A and B (element
  // offsets; each region 16-byte aligned)
  const mcMax = Math.min(MC, mbMax), aRowsMax = h ? mbMax : mcMax;
  const aAt = h ? CONTROL_BYTES / es : 0, bAt0 = aAt + aRowsMax * kcMax, bAt1 = bAt0 + (h ? kcMax * ncMax : 0), cAt = bAt1 + kcMax * ncMax;
  const sAAt = cAt + mbMax * ncMax, sBAt = sAAt + (stageA ? mcMax * kcMax : 0), end = sBAt + (stageB ? kcMax * ncMax : 0);
  if (!reserve(ks, end * es)) return 'no';
  const kernel = f32 ? ks.k.gemmF32 : ks.k.gemmF64;
  const mem = f32 ? ks.f32 : ks.f64;
  /**
   * Copies `lines` lines of `len` elements, `stride` apart from `src[from]`, into the memory at
   * `at` as lines `width` long (zeros past `len`), then `zeroLines` lines of zeros: the staging
   * the module's packers read (one copy when the lines are contiguous and unpadded).
   */
  const stage = (src: TypedArray, from: number, lines: number, stride: number, len: number, width: number, zeroLines: number, at: number): void => {
    if (stride === len && len === width) mem.set(src.subarray(from, from + lines * len), at);
    else {
      for (let i = 0, a = from, m = at; i < lines; i++, a += stride, m += width) {
        mem.set(src.subarray(a, a + len), m);
        if (width > len) mem.fill(0, m + len, m + width);
      }
    }
    if (zeroLines > 0) mem.fill(0, at + lines * width, at + (lines + zeroLines) * width);
  };
  /** Packs rows row0…row0+mc of A's k chunk at pc into dst (slivers of MR rows; the last padded with zero rows). */
  const packA = (row0: number, mc: number, pc: number, kc: number, dst: number): void => {
    const mcp = roundUp(mc, MR), aBlock = aOff + row0 * aRs + pc * aCs;
    if (aRows) {
      // mc rows of kc (then zero rows up to mcp) → MR-row slivers
      stage(A, aBlock, mc, aRs, kc, kc, mcp - mc, sAAt);
      packARows(sAAt * es, kc * es, mcp / MR, kc, dst * es);
    } else if (aCols) {
      // kc columns of mc (padded to mcp) → MR-row slivers
      stage(A, aBlock, kc, aCs, mc, mcp, 0, sAAt);
      packACols(sAAt * es, mcp * es, mcp / MR, kc, dst * es);
    } else if (f32) packA32(A, aBlock, aRs, aCs, mc, kc, MR, ks.f32, dst);
    else packA64(A, aBlock, aRs, aCs, mc, kc, MR, ks.f64, dst);
  };
  /** Packs B's k chunk at pc of the column panel at jc (kc×nc, zero-padded to ncp) into dst: slivers of NR columns. */
  const packB = (pc: number, kc: number, jc: number, nc: number, ncp: number, dst: number): void => {
    const bBlock = bOff + pc * bRs + jc * bCs;
    if (bRows) {
      // kc rows of nc (padded to ncp) → NR-column slivers
      stage(B, bBlock, kc, bRs, nc, ncp, 0, sBAt);
      packBRows(sBAt * es, ncp * es, ncp / NR, kc, dst * es);
    } else if (bCols) {
      // nc columns of kc (then zero columns up to ncp) → NR-column slivers
      stage(B, bBlock, nc, bCs, kc, kc, ncp - nc, sBAt);
      packBCols(sBAt * es, kc * es, ncp / NR, kc, dst * es);
    } else if (f32) packB32(B, bBlock, bRs, bCs, kc, nc, NR, ks.f32, dst);
    else packB64(B, bBlock, bRs, bCs, kc, nc, NR, ks.f64, dst);
  };
  // k chunks in order for each C element: the C block stays in the module's memory until its last chunk
  for (let ib = 0; ib < M; ib += MB) {
    const mb = Math.min(MB, M - ib);
    // with the helper: chunks of `ch` rows (a multiple of MR, so every tile is whole in one
    // chunk), claimed by whichever thread is free, so a busy core only slows its own share
    // (16 per block: the last one a thread finishes alone is short; smaller chunks cost the kernel nothing measurable)
    const ch = h ? Math.min(MC, Math.max(2 * MR, roundUp(Math.ceil(mb / 16), MR))) : 0, chunks = h ? Math.ceil(mb / ch) : 0;
    for (let jc = 0; jc < N; jc += NC) {
      const nc = Math.min(NC, N - jc), ncp = roundUp(nc, NR);
      for (let pc = 0; pc < K; pc += KCB) {
        const kc = Math.min(KCB, K - pc), first = pc === 0 ? 1 : 0;
        const bAt = pc / KCB % 2 ? bAt1 : bAt0;
        if (h) {
          // posted before packing, so the helper wakes meanwhile; it takes a chunk once the B
          // panel and that chunk's A rows are packed (Packed counts chunks, after the panel)
          const c = h.ctl;
          c[Ctl.ChunkRows] = ch; c[Ctl.Rows] = roundUp(mb, MR); c[Ctl.F32] = f32 ? 1 : 0; c[Ctl.Nc] = ncp; c[Ctl.Kc] = kc;
          c[Ctl.APtr] = aAt * es; c[Ctl.BPtr] = bAt * es; c[Ctl.CPtr] = cAt * es; c[Ctl.Ldc] = ncp * es; c[Ctl.First] = first;
          post(h, chunks);
        }
        if (!h || pc === 0) packB(pc, kc, jc, nc, ncp, bAt);
        if (h) {
          for (let i = 0; i < chunks; i++) {
            packA(ib + i * ch, Math.min(ch, mb - i * ch), pc, kc, aAt + i * ch * kc);
            packed(h, i + 1);
          }
          if (pc + KCB < K) packB(pc + KCB, Math.min(KCB, K - pc - KCB), jc, nc, ncp, pc / KCB % 2 ? bAt0 : bAt1);
          const t0 = performance.now();
          let mine = 0;
          for (let i = claim(h); i >= 0; i = claim(h), mine++) {
            const r = i * ch;
            kernel(Math.min(ch, roundUp(mb, MR) - r), ncp, kc, (aAt + r * kc) * es, bAt * es, (cAt + r * ncp) * es, ncp * es, first);
            finished(h);
          }
          const t1 = performance.now();
          if (!finish(h)) return 'no';
          jobDone(mine, chunks, t1 - t0, performance.now() - t1);
        } else {
          for (let ic = 0; ic < mb; ic += MC) {
            const mc = Math.min(MC, mb - ic);
            packA(ib + ic, mc, pc, kc, aAt);
            kernel(roundUp(mc, MR), ncp, kc, aAt * es, bAt * es, (cAt + ic * ncp) * es, ncp * es, first);
          }
        }
      }
      for (let i = 0, o = cOff + ib * ldc + jc, m = cAt; i < mb; i++, o += ldc, m += ncp) C.set(mem.subarray(m, m + nc), o);
    }
  }
  return 'done';
}

// Packing, one copy per memory view so each stays monomorphic in its target.

/** A block (mc×kc) → slivers of MR rows, k-major inside a sliver, rows zero-padded to MR. */
function packA64(A: TypedArray, off: number, rs: number, cs: number, mc: number, kc: number, MR: number, P: Float64Array, at: number): void {
  let o = at;
  for (let ir = 0; ir < mc; ir += MR) {
    const mr = Math.min(MR, mc - ir), row = off + ir * rs;
    if (mr === 4 && MR === 4) {
      const r1 = row + rs, r2 = row + 2 * rs, r3 = row + 3 * rs;
      for (let k = 0, kk = 0; k < kc; k++, kk += cs) {
        P[o] = A[row + kk]; P[o + 1] = A[r1 + kk]; P[o + 2] = A[r2 + kk]; P[o + 3] = A[r3 + kk]; o += 4;
      }
    } else {
      for (let k = 0; k < kc; k++) for (let r = 0; r < MR; r++) P[o++] = r < mr ? A[row + r * rs + k * cs] : 0;
    }
  }
}

/** packA64 into float32 (the store rounds, as Math.fround does). */
function packA32(A: TypedArray, off: number, rs: number, cs: number, mc: number, kc: number, MR: number, P: Float32Array, at: number): void {
  let o = at;
  for (let ir = 0; ir < mc; ir += MR) {
    const mr = Math.min(MR, mc - ir), row = off + ir * rs;
    if (mr === 4 && MR === 4) {
      const r1 = row + rs, r2 = row + 2 * rs, r3 = row + 3 * rs;
      for (let k = 0, kk = 0; k < kc; k++, kk += cs) {
        P[o] = A[row + kk]; P[o + 1] = A[r1 + kk]; P[o + 2] = A[r2 + kk]; P[o + 3] = A[r3 + kk]; o += 4;
      }
    } else {
      for (let k = 0; k < kc; k++) for (let r = 0; r < MR; r++) P[o++] = r < mr ? A[row + r * rs + k * cs] : 0;
    }
  }
}

/** B panel (kc×nc) → slivers of NR columns, k-major inside a sliver, columns zero-padded to NR. */
function packB64(B: TypedArray, off: number, rs: number, cs: number, kc: number, nc: number, NR: number, P: Float64Array, at: number): void {
  let o = at;
  for (let jr = 0; jr < nc; jr += NR) {
    const nr = Math.min(NR, nc - jr), col = off + jr * cs;
    if (nr === NR && cs === 1 && NR === 4) {
      for (let k = 0, b = col; k < kc; k++, b += rs, o += 4) { P[o] = B[b]; P[o + 1] = B[b + 1]; P[o + 2] = B[b + 2]; P[o + 3] = B[b + 3]; }
    } else if (nr === NR && cs === 1 && NR === 8) {
      for (let k = 0, b = col; k < kc; k++, b += rs, o += 8) {
        P[o] = B[b]; P[o + 1] = B[b + 1]; P[o + 2] = B[b + 2]; P[o + 3] = B[b + 3];
        P[o + 4] = B[b + 4]; P[o + 5] = B[b + 5]; P[o + 6] = B[b + 6]; P[o + 7] = B[b + 7];
      }
    } else {
      for (let k = 0, b = col; k < kc; k++, b += rs) for (let q = 0; q < NR; q++) P[o++] = q < nr ? B[b + q * cs] : 0;
    }
  }
}

/** packB64 into float32 (the store rounds, as Math.fround does). */
function packB32(B: TypedArray, off: number, rs: number, cs: number, kc: number, nc: number, NR: number, P: Float32Array, at: number): void {
  let o = at;
  for (let jr = 0; jr < nc; jr += NR) {
    const nr = Math.min(NR, nc - jr), col = off + jr * cs;
    if (nr === NR && cs === 1 && NR === 4) {
      for (let k = 0, b = col; k < kc; k++, b += rs, o += 4) { P[o] = B[b]; P[o + 1] = B[b + 1]; P[o + 2] = B[b + 2]; P[o + 3] = B[b + 3]; }
    } else if (nr === NR && cs === 1 && NR === 8) {
      for (let k = 0, b = col; k < kc; k++, b += rs, o += 8) {
        P[o] = B[b]; P[o + 1] = B[b + 1]; P[o + 2] = B[b + 2]; P[o + 3] = B[b + 3];
        P[o + 4] = B[b + 4]; P[o + 5] = B[b + 5]; P[o + 6] = B[b + 6]; P[o + 7] = B[b + 7];
      }
    } else {
      for (let k = 0, b = col; k < kc; k++, b += rs) for (let q = 0; q < NR; q++) P[o++] = q < nr ? B[b + q * cs] : 0;
    }
  }
}
