// The matrix-product kernel behind matmul, dot, tensordot and pinv: C = A·B for strided A and
// B of any typed array, into a row-major Float64Array. Large products pack A and B into
// panels and run a register-tiled micro-kernel over cache blocks: WebAssembly SIMD
// (gemmWasm.ts) where the runtime has it, else the 4×4 JS kernel below, with the same
// results bit for bit; small and vector products run plain i-k-j / dot loops. It knows nothing of dtypes beyond the accumulation
// mode, nor of shapes beyond M, N, K: engine/ops/matmul.ts does that. The order of the
// arithmetic is deliberate and documented on `gemm` below.

import { TypedArray } from '../../core/dtype';
import { gemmWasm } from './gemmWasm';

export type Accumulate = 'float64' | 'float32';

const MR = 4, NR = 4;
/** k-block (panel depth) and row-block sizes: a KC×NR B sliver and MR×KC A sliver stay in L1. */
const KC = 256, MC = 128, NC = 4096;
/** Below this many multiply-adds packing does not pay (in JS; the WebAssembly kernel pays from about 12³ on). */
const SMALL = 32 * 32 * 32, SMALL_WASM = 12 * 12 * 12;

/**
 * C[M×N] = A[M×K]·B[K×N].
 *
 * Order of operations, why results match NumPy bit for bit on a reference-BLAS build (as
 * Debian's NumPy is): every C[i,j] starts at +0 and adds A[i,k]·B[k,j] for k = 0, 1, … in
 * order — the order of reference dgemm/dgemv/ddot and of NumPy's non-BLAS matmul loop.
 * Blocking splits that k loop into consecutive chunks and never reassociates. In 'float32'
 * mode each product and each sum is rounded to float32, as sgemm accumulates in float32;
 * A and B must then hold float32 values (matmul's float32 results come only from dtypes
 * float32 holds exactly), which the small-product loops do not round again.
 * OpenBLAS/MKL builds reassociate (SIMD, FMA): against those, float32 results agree only to
 * a tolerance and float64 ones to a few ulps. A(i,k) is `A[aOff + i*aRs + k*aCs]`, B(k,j) is `B[bOff + k*bRs + j*bCs]`,
 * C(i,j) is `C[cOff + i*ldc + j]` (overwritten; never read before being written).
 *
 *   gemm(2, 2, 3, a, 0, 3, 1, b, 0, 2, 1, c, 0, 2, 'float64')  // (2×3)·(3×2) → c[0..3]
 */
export function gemm(
  M: number, N: number, K: number,
  A: TypedArray, aOff: number, aRs: number, aCs: number,
  B: TypedArray, bOff: number, bRs: number, bCs: number,
  C: Float64Array, cOff: number, ldc: number, acc: Accumulate,
): void {
  product(M, N, K, A, aOff, aRs, aCs, B, bOff, bRs, bCs, C, cOff, ldc, acc, true);
}

/**
 * `gemm` in 'float32' mode into a Float32Array (float32 matmul's result): the WebAssembly path
 * copies its float32 C block straight out; the others go through a float64 scratch. The
 * values are gemm's (each is a float32 already), so storing them loses nothing.
 */
export function gemmFloat32(
  M: number, N: number, K: number,
  A: TypedArray, aOff: number, aRs: number, aCs: number,
  B: TypedArray, bOff: number, bRs: number, bCs: number,
  C: Float32Array, cOff: number, ldc: number,
): void {
  if (M >= MR && N > 1 && K > 0 && M * N * K > SMALL_WASM && gemmWasm(M, N, K, A, aOff, aRs, aCs, B, bOff, bRs, bCs, C, cOff, ldc, true)) return;
  if (scratch.length < M * N) scratch = new Float64Array(M * N);
  product(M, N, K, A, aOff, aRs, aCs, B, bOff, bRs, bCs, scratch, 0, N, 'float32', true);
  for (let i = 0; i < M; i++) C.set(scratch.subarray(i * N, i * N + N), cOff + i * ldc);
}

let scratch = new Float64Array(0);

/** `gemm` on the JavaScript path only: the reference the WebAssembly path must match bit for bit (test/engine/gemm.test.ts). */
export function gemmJs(
  M: number, N: number, K: number,
  A: TypedArray, aOff: number, aRs: number, aCs: number,
  B: TypedArray, bOff: number, bRs: number, bCs: number,
  C: Float64Array, cOff: number, ldc: number, acc: Accumulate,
): void {
  product(M, N, K, A, aOff, aRs, aCs, B, bOff, bRs, bCs, C, cOff, ldc, acc, false);
}

function product(
  M: number, N: number, K: number,
  A: TypedArray, aOff: number, aRs: number, aCs: number,
  B: TypedArray, bOff: number, bRs: number, bCs: number,
  C: Float64Array, cOff: number, ldc: number, acc: Accumulate, wasm: boolean,
): void {
  if (M === 0 || N === 0) return;
  if (K === 0) {
    for (let i = 0; i < M; i++) C.fill(0, cOff + i * ldc, cOff + i * ldc + N);
    return;
  }
  if (N === 1) {
    gemvRows(M, K, A, aOff, aRs, aCs, B, bOff, bRs, C, cOff, ldc, acc === 'float32');
    return;
  }
  const work = M * N * K;
  if (wasm && M >= MR && work > SMALL_WASM && gemmWasm(M, N, K, A, aOff, aRs, aCs, B, bOff, bRs, bCs, C, cOff, ldc, acc === 'float32')) return;
  if (work <= SMALL || M < MR) {
    ikj(M, N, K, A, aOff, aRs, aCs, B, bOff, bRs, bCs, C, cOff, ldc, acc === 'float32');
    return;
  }
  packed(M, N, K, A, aOff, aRs, aCs, B, bOff, bRs, bCs, C, cOff, ldc, acc === 'float32');
}

/** y = A·x, one sequential dot product per row (dgemv's transposed form). */
function gemvRows(
  M: number, K: number, A: TypedArray, aOff: number, aRs: number, aCs: number,
  X: TypedArray, xOff: number, xs: number, C: Float64Array, cOff: number, ldc: number, f32: boolean,
): void {
  const fr = Math.fround;
  for (let i = 0; i < M; i++) {
    let s = 0, a = aOff + i * aRs, x = xOff;
    if (f32) {
      for (let k = 0; k < K; k++, a += aCs, x += xs) s = fr(s + fr(A[a] * X[x]));
    } else if (aCs === 1 && xs === 1) {
      for (let k = 0; k < K; k++) s += A[a + k] * X[x + k];
    } else {
      for (let k = 0; k < K; k++, a += aCs, x += xs) s += A[a] * X[x];
    }
    C[cOff + i * ldc] = s;
  }
}

/** i-k-j: each row of C accumulates rows of B scaled by A[i,k], k in order. */
function ikj(
  M: number, N: number, K: number, A: TypedArray, aOff: number, aRs: number, aCs: number,
  B: TypedArray, bOff: number, bRs: number, bCs: number, C: Float64Array, cOff: number, ldc: number, f32: boolean,
): void {
  const fr = Math.fround;
  for (let i = 0; i < M; i++) {
    const c0 = cOff + i * ldc;
    C.fill(0, c0, c0 + N);
    let a = aOff + i * aRs;
    for (let k = 0; k < K; k++, a += aCs) {
      const av = A[a];
      let b = bOff + k * bRs;
      if (f32) {
        for (let j = 0; j < N; j++, b += bCs) C[c0 + j] = fr(C[c0 + j] + fr(av * B[b]));
      } else if (bCs === 1) {
        for (let j = 0; j < N; j++) C[c0 + j] += av * B[b + j];
      } else {
        for (let j = 0; j < N; j++, b += bCs) C[c0 + j] += av * B[b];
      }
    }
  }
}

let packA = new Float64Array(0), packB = new Float64Array(0);
const tile = new Float64Array(MR * NR);

/** Cache-blocked product over packed panels (GotoBLAS layout: A in MR-row slivers, B in NR-column slivers). */
function packed(
  M: number, N: number, K: number, A: TypedArray, aOff: number, aRs: number, aCs: number,
  B: TypedArray, bOff: number, bRs: number, bCs: number, C: Float64Array, cOff: number, ldc: number, f32: boolean,
): void {
  const nc0 = Math.min(NC, N), ncPad = Math.ceil(nc0 / NR) * NR;
  if (packB.length < KC * ncPad) packB = new Float64Array(KC * ncPad);
  if (packA.length < KC * MC) packA = new Float64Array(KC * MC);
  const Ap = packA, Bp = packB;
  const kernel = f32 ? kernel4x4f32 : kernel4x4;
  for (let jc = 0; jc < N; jc += NC) {
    const nc = Math.min(NC, N - jc);
    for (let pc = 0; pc < K; pc += KC) {
      const kc = Math.min(KC, K - pc), first = pc === 0;
      packPanelB(B, bOff + pc * bRs + jc * bCs, bRs, bCs, kc, nc, Bp, f32);
      for (let ic = 0; ic < M; ic += MC) {
        const mc = Math.min(MC, M - ic);
        packPanelA(A, aOff + ic * aRs + pc * aCs, aRs, aCs, mc, kc, Ap, f32);
        for (let jr = 0; jr < nc; jr += NR) {
          const nr = Math.min(NR, nc - jr);
          for (let ir = 0; ir < mc; ir += MR) {
            const mr = Math.min(MR, mc - ir);
            const c = cOff + (ic + ir) * ldc + jc + jr;
            if (mr === MR && nr === NR) {
              kernel(kc, Ap, ir * kc, Bp, jr * kc, C, c, ldc, first);
            } else {
              // edge tile: run the full kernel on a scratch tile, keep the valid part
              tile.fill(0);
              if (!first) for (let r = 0; r < mr; r++) for (let q = 0; q < nr; q++) tile[r * NR + q] = C[c + r * ldc + q];
              kernel(kc, Ap, ir * kc, Bp, jr * kc, tile, 0, NR, first);
              for (let r = 0; r < mr; r++) for (let q = 0; q < nr; q++) C[c + r * ldc + q] = tile[r * NR + q];
            }
          }
        }
      }
    }
  }
}

/** A block (mc×kc) → slivers of MR rows, k-major inside a sliver, zero-padded rows. */
function packPanelA(A: TypedArray, off: number, rs: number, cs: number, mc: number, kc: number, Ap: Float64Array, f32: boolean): void {
  for (let ir = 0; ir < mc; ir += MR) {
    const mr = Math.min(MR, mc - ir);
    let o = ir * kc;
    const row = off + ir * rs;
    if (mr === MR && !f32) {
      const r0 = row, r1 = row + rs, r2 = row + 2 * rs, r3 = row + 3 * rs;
      for (let k = 0, kk = 0; k < kc; k++, kk += cs) {
        Ap[o++] = A[r0 + kk]; Ap[o++] = A[r1 + kk]; Ap[o++] = A[r2 + kk]; Ap[o++] = A[r3 + kk];
      }
    } else {
      for (let k = 0; k < kc; k++) {
        for (let r = 0; r < MR; r++) Ap[o++] = r < mr ? (f32 ? Math.fround(A[row + r * rs + k * cs]) : A[row + r * rs + k * cs]) : 0;
      }
    }
  }
}

/** B block (kc×nc) → slivers of NR columns, k-major inside a sliver, zero-padded columns. */
function packPanelB(B: TypedArray, off: number, rs: number, cs: number, kc: number, nc: number, Bp: Float64Array, f32: boolean): void {
  for (let jr = 0; jr < nc; jr += NR) {
    const nr = Math.min(NR, nc - jr);
    let o = jr * kc;
    const col = off + jr * cs;
    if (nr === NR && !f32) {
      for (let k = 0, b = col; k < kc; k++, b += rs) {
        Bp[o++] = B[b]; Bp[o++] = B[b + cs]; Bp[o++] = B[b + 2 * cs]; Bp[o++] = B[b + 3 * cs];
      }
    } else {
      for (let k = 0; k < kc; k++) {
        const b = col + k * rs;
        for (let q = 0; q < NR; q++) Bp[o++] = q < nr ? (f32 ? Math.fround(B[b + q * cs]) : B[b + q * cs]) : 0;
      }
    }
  }
}

/** The 4×4 micro-kernel: 16 accumulators in registers, one k step per iteration, k in order. */
function kernel4x4(kc: number, Ap: Float64Array, ao: number, Bp: Float64Array, bo: number, C: Float64Array, c: number, ldc: number, first: boolean): void {
  let c00 = 0, c01 = 0, c02 = 0, c03 = 0, c10 = 0, c11 = 0, c12 = 0, c13 = 0;
  let c20 = 0, c21 = 0, c22 = 0, c23 = 0, c30 = 0, c31 = 0, c32 = 0, c33 = 0;
  const c1 = c + ldc, c2 = c1 + ldc, c3 = c2 + ldc;
  if (!first) {
    c00 = C[c]; c01 = C[c + 1]; c02 = C[c + 2]; c03 = C[c + 3];
    c10 = C[c1]; c11 = C[c1 + 1]; c12 = C[c1 + 2]; c13 = C[c1 + 3];
    c20 = C[c2]; c21 = C[c2 + 1]; c22 = C[c2 + 2]; c23 = C[c2 + 3];
    c30 = C[c3]; c31 = C[c3 + 1]; c32 = C[c3 + 2]; c33 = C[c3 + 3];
  }
  for (let k = 0; k < kc; k++, ao += MR, bo += NR) {
    const a0 = Ap[ao], a1 = Ap[ao + 1], a2 = Ap[ao + 2], a3 = Ap[ao + 3];
    const b0 = Bp[bo], b1 = Bp[bo + 1], b2 = Bp[bo + 2], b3 = Bp[bo + 3];
    c00 += a0 * b0; c01 += a0 * b1; c02 += a0 * b2; c03 += a0 * b3;
    c10 += a1 * b0; c11 += a1 * b1; c12 += a1 * b2; c13 += a1 * b3;
    c20 += a2 * b0; c21 += a2 * b1; c22 += a2 * b2; c23 += a2 * b3;
    c30 += a3 * b0; c31 += a3 * b1; c32 += a3 * b2; c33 += a3 * b3;
  }
  C[c] = c00; C[c + 1] = c01; C[c + 2] = c02; C[c + 3] = c03;
  C[c1] = c10; C[c1 + 1] = c11; C[c1 + 2] = c12; C[c1 + 3] = c13;
  C[c2] = c20; C[c2 + 1] = c21; C[c2 + 2] = c22; C[c2 + 3] = c23;
  C[c3] = c30; C[c3 + 1] = c31; C[c3 + 2] = c32; C[c3 + 3] = c33;
}

/** kernel4x4 with float32 arithmetic: every product and every sum rounded to float32. */
function kernel4x4f32(kc: number, Ap: Float64Array, ao: number, Bp: Float64Array, bo: number, C: Float64Array, c: number, ldc: number, first: boolean): void {
  const f = Math.fround;
  let c00 = 0, c01 = 0, c02 = 0, c03 = 0, c10 = 0, c11 = 0, c12 = 0, c13 = 0;
  let c20 = 0, c21 = 0, c22 = 0, c23 = 0, c30 = 0, c31 = 0, c32 = 0, c33 = 0;
  const c1 = c + ldc, c2 = c1 + ldc, c3 = c2 + ldc;
  if (!first) {
    c00 = C[c]; c01 = C[c + 1]; c02 = C[c + 2]; c03 = C[c + 3];
    c10 = C[c1]; c11 = C[c1 + 1]; c12 = C[c1 + 2]; c13 = C[c1 + 3];
    c20 = C[c2]; c21 = C[c2 + 1]; c22 = C[c2 + 2]; c23 = C[c2 + 3];
    c30 = C[c3]; c31 = C[c3 + 1]; c32 = C[c3 + 2]; c33 = C[c3 + 3];
  }
  for (let k = 0; k < kc; k++, ao += MR, bo += NR) {
    const a0 = Ap[ao], a1 = Ap[ao + 1], a2 = Ap[ao + 2], a3 = Ap[ao + 3];
    const b0 = Bp[bo], b1 = Bp[bo + 1], b2 = Bp[bo + 2], b3 = Bp[bo + 3];
    c00 = f(c00 + f(a0 * b0)); c01 = f(c01 + f(a0 * b1)); c02 = f(c02 + f(a0 * b2)); c03 = f(c03 + f(a0 * b3));
    c10 = f(c10 + f(a1 * b0)); c11 = f(c11 + f(a1 * b1)); c12 = f(c12 + f(a1 * b2)); c13 = f(c13 + f(a1 * b3));
    c20 = f(c20 + f(a2 * b0)); c21 = f(c21 + f(a2 * b1)); c22 = f(c22 + f(a2 * b2)); c23 = f(c23 + f(a2 * b3));
    c30 = f(c30 + f(a3 * b0)); c31 = f(c31 + f(a3 * b1)); c32 = f(c32 + f(a3 * b2)); c33 = f(c33 + f(a3 * b3));
  }
  C[c] = c00; C[c + 1] = c01; C[c + 2] = c02; C[c + 3] = c03;
  C[c1] = c10; C[c1 + 1] = c11; C[c1 + 2] = c12; C[c1 + 3] = c13;
  C[c2] = c20; C[c2 + 1] = c21; C[c2 + 2] = c22; C[c2 + 3] = c23;
  C[c3] = c30; C[c3 + 1] = c31; C[c3 + 2] = c32; C[c3 + 3] = c33;
}
