// Long runs of np.random normals against NumPy 1.24, bit for bit: replays
// test/fixtures/random_bulk.json (written by tools/gen_random_bulk_fixtures.py with real
// NumPy) through engine/random/pycall.ts. The engine makes bulk normals a block at a time in
// WebAssembly (engine/random/wasmKernels.ts); these runs (randn, standard_normal, normal)
// cross its block boundaries, start from a full gaussian cache and an odd MT19937 word, and
// end on odd counts. Each bulk result is checked by a checksum of every value's bits plus
// sampled values; the state afterwards checks how many draws were consumed.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NDArray } from '../../engine/core/ndarray';
import { PyFloat } from '../../engine/core/scalar';
import { PyTuple } from '../../engine/core/pyvalues';
import { callRandom, callRandomMethod, getRandomAttribute } from '../../engine/random/pycall';

interface BulkStep { method: string; args: number[]; n: number; checksum: number; samples: [number, number][] }
interface SmallStep { method: string; args: number[]; values: number[] }
type Step = BulkStep | SmallStep;
interface LegacyState { key: number[]; pos: number; has_gauss: number; gauss: number }
interface GeneratorState { state: string; inc: string }
interface Case { id: string; kind: 'legacy' | 'generator'; seed: number; steps: Step[]; state: LegacyState | GeneratorState }

const FIXTURE = JSON.parse(
  readFileSync(new URL('../fixtures/random_bulk.json', import.meta.url), 'utf8'),
) as { numpy: string; cases: Case[] };

/** NumPy's checksum: the sum of the float64 values' little-endian uint32 words, mod 2**32. */
function checksum(x: Float64Array): number {
  const w = new Uint32Array(x.buffer, x.byteOffset, 2 * x.length);
  let s = 0;
  for (let i = 0; i < w.length; i++) s += w[i];
  return s % 4294967296;
}

/** A result's values as float64s (a Python float, int or float64 array). */
function valuesOf(r: unknown): Float64Array {
  if (r instanceof NDArray) return Float64Array.from(r.toArray());
  if (r instanceof PyFloat) return Float64Array.of(r.value);
  if (typeof r === 'number') return Float64Array.of(r);
  throw new Error(`unexpected result ${String(r)}`);
}

describe(`np.random bulk normals vs NumPy ${FIXTURE.numpy}`, () => {
  for (const c of FIXTURE.cases) {
    it(c.id, () => {
      const obj = callRandom(c.kind === 'legacy' ? 'RandomState' : 'default_rng', [c.seed]);
      for (const step of c.steps) {
        const got = valuesOf(callRandomMethod(obj, step.method, step.args));
        const what = `${step.method}(${step.args.join(', ')})`;
        if ('values' in step) {
          expect([...got], what).toEqual(step.values);
        } else {
          expect(got.length, what).toBe(step.n);
          for (const [i, v] of step.samples) expect(Object.is(got[i], v), `${what}[${i}] = ${got[i]}, NumPy ${v}`).toBe(true);
          expect(checksum(got), `${what} checksum`).toBe(step.checksum);
        }
      }
      if (c.kind === 'legacy') {
        const want = c.state as LegacyState;
        const st = callRandomMethod(obj, 'get_state', []) as PyTuple;
        const [, key, pos, hasGauss, gauss] = st.items;
        expect((key as NDArray).toArray()).toEqual(want.key);
        expect(pos).toBe(want.pos);
        expect(hasGauss).toBe(want.has_gauss);
        expect(Object.is((gauss as PyFloat).value, want.gauss)).toBe(true);
      } else {
        const want = c.state as GeneratorState;
        const st = getRandomAttribute(getRandomAttribute(obj, 'bit_generator'), 'state') as Map<string, unknown>;
        const inner = st.get('state') as Map<string, unknown>;
        expect(inner.get('state')).toBe(BigInt(want.state));
        expect(inner.get('inc')).toBe(BigInt(want.inc));
      }
    });
  }
});

describe('np.random bulk normals: a state NumPy would read outside its key with', () => {
  it('gives a ValueError instead of running the kernel off its block (NumPy returns whatever memory holds)', () => {
    const rs = callRandom('RandomState', [0]);
    const st = callRandomMethod(rs, 'get_state', []) as PyTuple;
    callRandomMethod(rs, 'set_state', [new PyTuple(['MT19937', st.items[1], 700])]);
    expect(() => callRandomMethod(rs, 'randn', [10])).toThrow('MT19937 state pos must be between 0 and 624, not 700');
  });
});
