// Float reductions must match NumPy bit for bit, which only happens when we add in NumPy's
// order (pairwise blocks of 8 and 128, 8192-element chunks, sequential across the outer
// axes). Inputs are rebuilt from the generator's exact formula; expected bits come from
// tools/gen_sum_order_fixtures.py (real NumPy).

import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import * as np from '../../engine';
import { NDArray } from '../../engine/core/ndarray';
import { DType } from '../../engine/core/dtype';

interface Case { id: string; n: number; shape: number[]; dtype: DType; view?: 'C' | 'T'; op: 'sum' | 'mean' | 'var' | 'std'; axis: number | number[] | null; expected: string[] }
const fixture = JSON.parse(readFileSync(new URL('../fixtures/sum_order.json', import.meta.url), 'utf8')) as { cases: Case[] };

function input(c: Case): NDArray {
  const a = np.zeros([c.n], 'float64');
  for (let i = 0; i < c.n; i++) {
    const x = ((i * 7919) % 10007) / 10007 * 2 ** ((i % 11) - 5);
    a.data[i] = i % 3 === 0 ? -x : x;
  }
  const typed = np.astype(a, c.dtype);
  const shaped = np.reshape(typed, c.shape);
  return c.view === 'T' ? np.transpose(shaped) : shaped;
}

/** Python's float.hex() → number. */
function fromHex(h: string): number {
  if (h === 'inf') return Infinity;
  if (h === '-inf') return -Infinity;
  if (h === 'nan') return NaN;
  const m = /^(-?)0x([01])\.([0-9a-f]*)p([+-]\d+)$/.exec(h);
  if (!m) throw new Error(`bad hex float ${h}`);
  const frac = m[3] ? parseInt(m[3], 16) / 16 ** m[3].length : 0;
  const v = (Number(m[2]) + frac) * 2 ** Number(m[4]);
  return m[1] ? -v : v;
}

function check(c: Case): void {
  const a = input(c);
  const opts = { axis: c.axis };
  const r = c.op === 'sum' ? np.sum(a, opts) : c.op === 'mean' ? np.mean(a, opts) : c.op === 'var' ? np.var(a, opts) : np.std(a, opts);
  const got = r.toArray().slice(0, c.expected.length);
  expect(got).toEqual(c.expected.map(fromHex));
  expect(r.dtype).toBe(c.dtype);
}

describe('NumPy summation order', () => {
  for (const c of fixture.cases) it(c.id, () => check(c));
});
