// Seeded torch random numbers against real torch 1.13: test/fixtures/torch_random.json
// (tools/gen_torch_random_fixtures.py) records torch.manual_seed(seed) followed by calls to
// rand/randn/normal/randint/randperm, bernoulli, uniform_/normal_, layer init and dropout;
// the facade must reproduce every bit.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as C from '../../engine/torch/creation';
import { dropout } from '../../engine/torch/functional';
import { multinomial } from '../../engine/torch/multinomial';
import { Conv2d, Linear } from '../../engine/torch/modules';
import { Tensor } from '../../engine/torch/tensor';

interface Call {
  fn: 'rand' | 'randn' | 'normal' | 'dropout' | 'bernoulli' | 'uniform_' | 'normal_T' | 'multinomial' | 'randint' | 'randperm' | 'Linear' | 'Conv2d';
  mean?: number; std?: number; p?: number; replacement?: boolean;
  shape?: number[]; n?: number; dtype?: 'float32' | 'float64'; low?: number; high?: number;
  in?: number; out?: number; kernel?: [number, number]; groups?: number; bias?: boolean;
}
interface Result { dtype: string; shape: number[]; count?: number; bits?: string[]; head?: string[]; tail?: string[]; fnv?: string; ints?: number[] }
interface Case { seed: number; calls: Call[]; results: Result[] }

const fixture = JSON.parse(readFileSync(new URL('../fixtures/torch_random.json', import.meta.url), 'utf8')) as { cases: Case[] };

/** The tensors a call produces: one, or a layer's weight then bias. */
function run(call: Call): Tensor[] {
  const o = { dtype: call.dtype };
  switch (call.fn) {
    case 'rand': return [C.rand(call.shape!, o)];
    case 'randn': return [C.randn(call.shape!, o)];
    case 'normal': return [C.normal(call.mean!, call.std!, call.shape!, o)];
    case 'dropout': return [dropout(C.tensor(Array.from({ length: call.shape![0] }, (_, i) => i / 7 - 3), o), call.p!, true)];
    case 'bernoulli': return [C.bernoulli(C.rand(call.shape!, o))];
    case 'uniform_': return [new Tensor(C.uniform(call.shape!, call.low!, call.high!, call.dtype ?? 'float32'))];
    case 'normal_T': {
      // normal_ through t.T: drawn per element (non-contiguous) in the iterator's order
      const t = C.zeros(call.shape!, o);
      const view = t.arr.view([...t.shape].reverse(), [...t.arr.strides].reverse(), t.arr.offset);
      const vals = C.inIterationOrder(view.shape, view.strides, C.normalValues(view.shape, call.mean!, call.std!, t.dtype, false));
      const [a, b] = view.shape;
      for (let i = 0; i < a; i++) for (let j = 0; j < b; j++) t.arr.data[i * view.strides[0] + j * view.strides[1]] = vals.data[i * b + j];
      return [t];
    }
    case 'multinomial': {
      const probs = C.rand(call.shape!, o);
      for (let i = 0; i < probs.arr.size; i++) if (Number(probs.arr.data[i]) < 0.2) probs.arr.data[i] = 0;
      return [multinomial(probs, call.n!, call.replacement)];
    }
    case 'randint': return [C.randint(call.low!, call.high!, call.shape!)];
    case 'randperm': return [C.randperm(call.n!)];
    case 'Linear': return new Linear(call.in!, call.out!, call.bias).namedParameters().map(([, p]) => p);
    case 'Conv2d':
      return new Conv2d(call.in!, call.out!, call.kernel!, 1, 0, 1, call.groups, call.bias).namedParameters().map(([, p]) => p);
  }
}

/** float32 values' bits as 8-digit hex, float64 as 16-digit hex (torch's fixture encoding). */
function bitsOf(t: Tensor): { hex: string[]; words: Uint32Array } {
  const n = t.arr.size;
  const values = Array.from({ length: n }, (_, i) => Number(t.arr.data[i]));
  if (t.dtype === 'float32') {
    const words = new Uint32Array(new Float32Array(values).buffer);
    return { hex: Array.from(words, (w) => w.toString(16).padStart(8, '0')), words };
  }
  const words = new Uint32Array(new Float64Array(values).buffer);
  const hex = values.map((_, i) => words[2 * i + 1].toString(16).padStart(8, '0') + words[2 * i].toString(16).padStart(8, '0'));
  return { hex, words };
}

function fnv(words: Uint32Array): string {
  let h = 0x811c9dc5;
  for (const w of words) h = Math.imul(h ^ w, 0x01000193) >>> 0;
  return h.toString(16).padStart(8, '0');
}

const label = (c: Case): string => `seed ${c.seed}: ${c.calls.map((k) => `${k.fn}(${k.shape ?? k.n ?? [k.in, k.out, k.kernel ?? []].join(',')}${k.dtype ? `, ${k.dtype}` : ''})`).join(', ')}`;

describe('torch.manual_seed + rand/randn/randint/randperm and layer init match torch 1.13 bit for bit', () => {
  for (const c of fixture.cases) {
    it(label(c), () => {
      C.manualSeed(c.seed);
      const produced = c.calls.flatMap((call) => run(call).map((t) => [call, t] as const));
      expect(produced.length).toBe(c.results.length);
      produced.forEach(([call, got], k) => {
        const want = c.results[k];
        expect(got.dtype).toBe(want.dtype);
        expect([...got.shape]).toEqual(want.shape);
        if (want.ints) {
          expect(Array.from({ length: got.arr.size }, (_, i) => Number(got.arr.data[i]))).toEqual(want.ints);
          return;
        }
        const { hex, words } = bitsOf(got);
        const expected = want.bits ?? [...want.head!, ...want.tail!];
        const actual = want.bits ? hex : [...hex.slice(0, want.head!.length), ...hex.slice(hex.length - want.tail!.length)];
        expect(actual).toEqual(expected);
        if (want.fnv) expect(fnv(words)).toBe(want.fnv);
      });
    });
  }
});
