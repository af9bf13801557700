// torch's float sum/mean/var/std against real torch 1.13: test/fixtures/torch_reduce.json
// (tools/gen_torch_reduce_fixtures.py) reduces seeded randn tensors — contiguous, transposed,
// permuted, strided and offset views — over all dims, single dims and dim lists; the facade
// must reproduce every bit (torch's cascade order, engine/torch/cascadeSum.ts; var/std:
// engine/torch/variance.ts).

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { astype } from '../../engine/core/cast';
import { NDArray } from '../../engine/core/ndarray';
import * as C from '../../engine/torch/creation';
import { mean, sum, variance } from '../../engine/torch/reduce';
import { Tensor } from '../../engine/torch/tensor';

interface Expected { shape: number[]; bits?: string[]; head?: string[]; tail?: string[]; fnv?: string; count?: number }
interface Case {
  seed: number; shape: number[]; dtype: 'float32' | 'float64'; view: string;
  op: 'sum' | 'mean' | 'var' | 'std'; dim: number | number[] | null; keepdim: boolean; correction?: number; result: Expected;
}

const fixture = JSON.parse(readFileSync(new URL('../fixtures/torch_reduce.json', import.meta.url), 'utf8')) as { cases: Case[] };

/** The fixture's input: randn after manual_seed, widened and divided by 3 for float64, then the view. */
function input(c: Case): Tensor {
  C.manualSeed(c.seed);
  let a = C.randn(c.shape).arr;
  if (c.dtype === 'float64') {
    a = astype(a, 'float64');
    for (let i = 0; i < a.size; i++) a.data[i] = Number(a.data[i]) / 3;
  }
  const n = a.ndim;
  const swap = (s: readonly number[], i: number, j: number): number[] => { const r = [...s]; [r[i], r[j]] = [r[j], r[i]]; return r; };
  const last = (s: readonly number[], v: number): number[] => [...s.slice(0, n - 1), v];
  let v: NDArray = a;
  if (c.view === 'T') v = a.view(swap(a.shape, n - 1, n - 2), swap(a.strides, n - 1, n - 2), a.offset);
  else if (c.view === 'permute') v = a.view([...a.shape].reverse(), [...a.strides].reverse(), a.offset);
  else if (c.view === 'step') v = a.view(last(a.shape, Math.ceil(a.shape[n - 1] / 2)), last(a.strides, 2 * a.strides[n - 1]), a.offset);
  else if (c.view === 'offset') v = a.view(last(a.shape, a.shape[n - 1] - 1), a.strides, a.offset + a.strides[n - 1]);
  return new Tensor(v);
}

function hexOf(t: Tensor): { hex: string[]; words: Uint32Array } {
  const values = Array.from({ length: t.arr.size }, (_, i) => Number(t.arr.data[i]));
  if (t.dtype === 'float32') {
    const words = new Uint32Array(new Float32Array(values).buffer);
    return { hex: Array.from(words, (w) => w.toString(16).padStart(8, '0')), words };
  }
  const words = new Uint32Array(new Float64Array(values).buffer);
  return { hex: values.map((_, i) => words[2 * i + 1].toString(16).padStart(8, '0') + words[2 * i].toString(16).padStart(8, '0')), words };
}

/** NaN bits carry a sign/payload torch's 0/0 and JS's differ in; any NaN compares as 'nan'. */
function canon(hex: string): string {
  const bits = BigInt(`0x${hex}`);
  const [exp, man] = hex.length === 8 ? [(bits >> 23n) & 0xffn, bits & 0x7fffffn] : [(bits >> 52n) & 0x7ffn, bits & 0xfffffffffffffn];
  return exp === (hex.length === 8 ? 0xffn : 0x7ffn) && man !== 0n ? 'nan' : hex;
}

function fnv(words: Uint32Array): string {
  let h = 0x811c9dc5;
  for (const w of words) h = Math.imul(h ^ w, 0x01000193) >>> 0;
  return h.toString(16).padStart(8, '0');
}

const label = (c: Case): string =>
  `seed ${c.seed} ${c.dtype}[${c.shape}] ${c.view}: ${c.op}(${c.dim === null ? '' : `dim=${JSON.stringify(c.dim)}, keepdim=${c.keepdim}`}${c.correction === undefined ? '' : `, correction=${c.correction}`})`;

describe('torch float sum/mean/var/std match torch 1.13 bit for bit', () => {
  for (const c of fixture.cases) {
    it(label(c), () => {
      const x = input(c);
      const got = c.op === 'sum' || c.op === 'mean'
        ? (c.op === 'sum' ? sum : mean)(x, c.dim, c.keepdim)
        : variance(x, c.dim, c.correction ?? 1, c.keepdim, c.op === 'std');
      expect([...got.shape]).toEqual(c.result.shape);
      const { hex, words } = hexOf(got);
      if (c.result.bits) {
        expect(hex.map(canon)).toEqual(c.result.bits.map(canon));
      } else {
        expect(hex.slice(0, c.result.head!.length)).toEqual(c.result.head);
        expect(hex.slice(hex.length - c.result.tail!.length)).toEqual(c.result.tail);
        expect(fnv(words)).toBe(c.result.fnv);
      }
    });
  }
});
