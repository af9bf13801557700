// gemmFloat32 (float32 matmul's store into its Float32Array result) against gemm in 'float32'
// mode into float64s: the same values, bit for bit, on every path gemm takes (vector, small,
// WebAssembly, two threads) and with a result row stride wider than N (the rest left alone).

import { describe, expect, it } from 'vitest';
import { gemm, gemmFloat32 } from '../../engine/ops/linalg/gemm';

describe('gemmFloat32', () => {
  const shapes: [number, number, number][] = [[1, 1, 1], [3, 5, 7], [5, 1, 9], [4, 8, 0], [2, 40, 33], [13, 13, 13], [37, 61, 29], [96, 80, 72], [130, 257, 300]];
  for (const [M, N, K] of shapes) {
    it(`${M}×${K} · ${K}×${N}`, () => {
      let s = M * 131 + N * 17 + K;
      const next = (): number => { s = (s * 1103515245 + 12345) % 2147483648; return Math.fround(s / 2147483648 - 0.5); };
      const A = Float32Array.from({ length: M * K }, next), B = Float32Array.from({ length: K * N }, next);
      const ldc = N + 2;
      const want = new Float64Array(M * ldc).fill(7), got = new Float32Array(M * ldc).fill(7);
      gemm(M, N, K, A, 0, K, 1, B, 0, N, 1, want, 0, ldc, 'float32');
      gemmFloat32(M, N, K, A, 0, K, 1, B, 0, N, 1, got, 0, ldc);
      for (let i = 0; i < want.length; i++) if (!Object.is(got[i], want[i])) expect(`element ${i}: ${got[i]}`).toBe(`element ${i}: ${want[i]}`);
      expect(got.some((v) => v !== 7 && v !== 0) || K === 0).toBe(true);
    });
  }
});
