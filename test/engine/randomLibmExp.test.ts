// engine/random/libm.ts's `exp` against glibc 2.36's (the FMA build, x86-64) bit for bit: the
// pairs in test/fixtures/random_libm_exp.json were produced by
// tools/gen_random_distribution_fixtures.py calling this machine's libm through math.exp.
// lognormal returns exp(...) itself, so V8's Math.exp (which differs on ~8% of inputs) will not do.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exp } from '../../engine/random/libm';

/** A fixture number: Python's repr for non-finite values ('inf', '-inf', 'nan'). */
type Num = number | 'inf' | '-inf' | 'nan';
const num = (v: Num): number => (v === 'inf' ? Infinity : v === '-inf' ? -Infinity : v === 'nan' ? NaN : v);
const PAIRS = (JSON.parse(readFileSync(new URL('../fixtures/random_libm_exp.json', import.meta.url), 'utf8')) as { exp: [Num, Num][] })
  .exp.map(([x, y]) => [num(x), num(y)] as const);

describe('exp matches glibc 2.36 bit for bit', () => {
  it('on every fixture input (normal-sized, near overflow/underflow, subnormal results, specials)', () => {
    const bad = PAIRS.filter(([x, y]) => !Object.is(exp(x), y)).map(([x, y]) => `${x} → ${exp(x)} (glibc ${y})`);
    expect(bad).toEqual([]);
  });
  it('the fixture exercises inputs where V8 differs from glibc', () => {
    expect(PAIRS.filter(([x, y]) => !Object.is(Math.exp(x), y)).length).toBeGreaterThan(100);
  });
});
