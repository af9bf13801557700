// gemm's WebAssembly SIMD path against its JavaScript path, bit for bit: both promise every
// C[i,j] = +0 + A[i,0]·B[0,j] + A[i,1]·B[1,j] + … in k order (rounded to float32 at each step
// in 'float32' mode), so any difference at all — one ulp, the sign of a zero — is a bug.
// Shapes cover tile and cache-block edges (M, N not multiples of the micro-tile, K = 1, K
// beyond a k-block, M beyond a row block, N beyond a column panel), strided, transposed and
// offset operands (each with contiguous rows, which the WebAssembly path copies in and packs
// itself, and without), an output with a row stride wider than N, and non-float64 inputs. The
// JS path itself is checked against NumPy by linalg.test.ts and differential.test.ts.

import { describe, expect, it, vi } from 'vitest';
import { Accumulate, gemm, gemmJs } from '../../engine/ops/linalg/gemm';
import { gemmWasmAvailable } from '../../engine/ops/linalg/gemmWasm';
import { KC, MB, MC, NC } from '../../engine/ops/linalg/gemmWasmLayout';
import { TypedArray } from '../../engine/core/dtype';
import { rng } from './seededRandom';


type Kind = 'normal' | 'ints' | 'wide' | 'special';

/** Values with rounding at every step ('normal'), exact ones ('ints'), ones spanning magnitudes and signs of zero ('wide'), and infinities/NaN ('special'). */
function value(r: () => number, kind: Kind): number {
  const u = r();
  switch (kind) {
    case 'normal': return (u - 0.5) * 4 + (r() - 0.5) * 1e-3;
    case 'ints': return Math.floor(u * 9) - 4;
    case 'wide': return u < 0.05 ? -0 : u < 0.1 ? 0 : (r() - 0.5) * 2 ** Math.floor(r() * 80 - 40);
    case 'special': return u < 0.01 ? Infinity : u < 0.02 ? -Infinity : u < 0.025 ? NaN : (r() - 0.5) * 10;
  }
}

interface Operand { data: TypedArray; off: number; rs: number; cs: number }

type Layout = 'c' | 't' | 's' | 'r';

/** A rows×cols operand laid out as asked: row-major, transposed (column-major), strided, or rows reversed and padded. */
function operand(r: () => number, rows: number, cols: number, layout: Layout, kind: Kind, make: (n: number) => TypedArray, f32: boolean): Operand {
  // in 'float32' mode gemm's operands hold float32 values (matmul gets a float32 result only from dtypes float32 holds exactly)
  const fill = (d: TypedArray): TypedArray => { for (let i = 0; i < d.length; i++) d[i] = f32 ? Math.fround(value(r, kind)) : value(r, kind); return d; };
  if (layout === 'c') return { data: fill(make(rows * cols)), off: 0, rs: cols, cs: 1 };
  if (layout === 't') return { data: fill(make(rows * cols)), off: 0, rs: 1, cs: rows };
  // every other column of a wider array ('s') or contiguous rows of one ('r'), rows reversed, after an offset
  const ld = 2 * cols + 3, off = 5;
  return { data: fill(make(off + rows * ld)), off: off + (rows - 1) * ld, rs: -ld, cs: layout === 's' ? 2 : 1 };
}

function sameBits(a: Float64Array, b: Float64Array): string | null {
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return `element ${i}: wasm ${a[i]} vs js ${b[i]}`;
  return null;
}

function check(seed: number, M: number, N: number, K: number, acc: Accumulate, la: Layout, lb: Layout, kind: Kind, make: (n: number) => TypedArray): void {
  const r = rng(seed);
  const A = operand(r, M, K, la, kind, make, acc === 'float32'), B = operand(r, K, N, lb, kind, make, acc === 'float32');
  // C inside a wider buffer: a row stride beyond N and an offset, the rest must stay untouched
  const ldc = N + 3, cOff = 7, len = cOff + M * ldc + 2;
  const viaWasm = new Float64Array(len).fill(-12345), viaJs = new Float64Array(len).fill(-12345);
  gemm(M, N, K, A.data, A.off, A.rs, A.cs, B.data, B.off, B.rs, B.cs, viaWasm, cOff, ldc, acc);
  gemmJs(M, N, K, A.data, A.off, A.rs, A.cs, B.data, B.off, B.rs, B.cs, viaJs, cOff, ldc, acc);
  expect(sameBits(viaWasm, viaJs), `seed ${seed} ${M}×${K}·${K}×${N} ${acc} ${la}${lb} ${kind}`).toBeNull();
}

const f64 = (n: number): TypedArray => new Float64Array(n);
const f32 = (n: number): TypedArray => new Float32Array(n);

describe('gemm: WebAssembly SIMD path = JS path, bit for bit', () => {
  it('runs here (Node has WebAssembly SIMD), so the comparisons below exercise it', () => {
    expect(gemmWasmAvailable()).toBe(true);
  });

  const edges: [number, number, number][] = [
    [4, 8, 1025], [5, 7, 1000], [33, 33, 33], [64, 64, 64], [37, 61, 29], [130, 9, 40], [MC + 3, 17, KC + 1],
    [6, 2, 4000], [7, 3, 3000], [9, 5, 2000], [8, 12, 700], [13, 20, 300], [40, 2, 1000],
    [4, NC + 13, 5], [70, 100, 2 * KC + 7], [4, 4, 2049], [200, 200, 1], [MB + 3, 6, KC + 3],
  ];
  for (const acc of ['float64', 'float32'] as const) {
    for (const [M, N, K] of edges) {
      it(`${acc}: ${M}×${K} · ${K}×${N}, every layout`, () => {
        let seed = M * 1_000_003 + N * 1009 + K;
        for (const la of ['c', 't', 's', 'r'] as const) for (const lb of ['c', 't', 's', 'r'] as const) {
          check(seed++, M, N, K, acc, la, lb, 'normal', acc === 'float32' ? f32 : f64);
        }
      });
    }
    it(`${acc}: random shapes, value kinds and input types`, () => {
      const r = rng(acc === 'float32' ? 99 : 7);
      const kinds: Kind[] = ['normal', 'ints', 'wide', 'special'];
      const makes = [f64, f32, (n: number): TypedArray => acc === 'float32' ? new Int16Array(n) : new Int32Array(n)];
      const layouts = ['c', 't', 's', 'r'] as const;
      for (let t = 0; t < 120; t++) {
        const M = 4 + Math.floor(r() * 90), N = 2 + Math.floor(r() * 90), K = 1 + Math.floor(r() * (r() < 0.2 ? 700 : 90));
        check(1000 + t, M, N, K, acc, layouts[Math.floor(r() * 4)], layouts[Math.floor(r() * 4)],
          kinds[Math.floor(r() * 4)], makes[Math.floor(r() * 3)]);
      }
    });
  }
});

describe('gemm without WebAssembly SIMD', () => {
  // a runtime with no WebAssembly, and one whose WebAssembly rejects the module (no SIMD support)
  const hosts: [string, unknown][] = [
    ['no WebAssembly', undefined],
    ['a WebAssembly without SIMD', { Module: class { constructor() { throw new Error('CompileError: invalid opcode 0xfd'); } }, Instance: class {} }],
  ];
  for (const [name, wasm] of hosts) {
    it(`falls back to the JS path on ${name}`, async () => {
      vi.resetModules();
      vi.stubGlobal('WebAssembly', wasm);
      try {
        const fresh = await import('../../engine/ops/linalg/gemm');
        const freshWasm = await import('../../engine/ops/linalg/gemmWasm');
        expect(freshWasm.gemmWasmAvailable()).toBe(false);
        const r = rng(5);
        const M = 37, N = 41, K = 300;
        const A = Float64Array.from({ length: M * K }, () => r() - 0.5), B = Float64Array.from({ length: K * N }, () => r() - 0.5);
        const viaFallback = new Float64Array(M * N), viaJs = new Float64Array(M * N);
        fresh.gemm(M, N, K, A, 0, K, 1, B, 0, N, 1, viaFallback, 0, N, 'float64');
        gemmJs(M, N, K, A, 0, K, 1, B, 0, N, 1, viaJs, 0, N, 'float64');
        expect(sameBits(viaFallback, viaJs)).toBeNull();
        expect(viaJs.some((v) => v !== 0)).toBe(true);
      } finally {
        vi.unstubAllGlobals();
        vi.resetModules();
      }
    });
  }
});
