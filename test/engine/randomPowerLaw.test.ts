// np.random's pareto, power, zipf and logseries (Generator, RandomState, module functions)
// against NumPy 1.24, bit for bit: replays test/fixtures/random_power_law.json
// (tools/gen_random_power_law_fixtures.py, real NumPy) through engine/random/pycall.ts; and
// engine/random/libmExpm1.ts's expm1 against this machine's glibc on
// test/fixtures/random_libm_expm1.json (Generator's pareto/power/logseries return through it).

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { expm1 } from '../../engine/random/libmExpm1';
import { loadFixture, replaySequence } from './randomReplay';

const FIXTURE = loadFixture('random_power_law.json');

describe(`np.random pareto, power, zipf, logseries match NumPy ${FIXTURE.numpy} bit for bit`, () => {
  for (const seq of FIXTURE.sequences) {
    it(seq.id, () => {
      expect(replaySequence(seq.steps)).toEqual([]);
    });
  }
});

type Num = number | 'inf' | '-inf' | 'nan';
const num = (v: Num): number => (v === 'inf' ? Infinity : v === '-inf' ? -Infinity : v === 'nan' ? NaN : v);
const EXPM1 = (JSON.parse(readFileSync(new URL('../fixtures/random_libm_expm1.json', import.meta.url), 'utf8')) as
  { expm1: [Num, Num][] }).expm1.map((c) => c.map(num));

describe('expm1 matches glibc 2.36 (FMA build) bit for bit', () => {
  it('on every fixture input (sampler arguments, a spread, tiny, near-overflow, specials)', () => {
    const bad = EXPM1.filter(([x, y]) => !Object.is(expm1(x), y)).map(([x, y]) => `expm1(${x}) → ${expm1(x)} (glibc ${y})`);
    expect(bad).toEqual([]);
  });
  it('the fixture exercises inputs where V8 differs from glibc', () => {
    expect(EXPM1.filter(([x, y]) => !Object.is(Math.expm1(x), y)).length).toBeGreaterThan(5);
  });
});
