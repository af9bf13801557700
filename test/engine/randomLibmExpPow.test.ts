// engine/random/libm.ts's `exp` and libmPow.ts's `pow` against glibc 2.36's (the FMA builds,
// x86-64) bit for bit: the cases in test/fixtures/random_libm_exp_pow.json were produced by
// tools/gen_random_distribution_fixtures.py calling this machine's libm through math.exp and
// math.pow. lognormal returns exp(...) and gamma/beta return pow(...) themselves, so V8's
// Math.exp and Math.pow (which differ on ~8% of these inputs) will not do.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exp } from '../../engine/random/libm';
import { powNonNegative } from '../../engine/random/libmPow';

/** A fixture number: Python's repr for non-finite values ('inf', '-inf', 'nan'). */
type Num = number | 'inf' | '-inf' | 'nan';
const num = (v: Num): number => (v === 'inf' ? Infinity : v === '-inf' ? -Infinity : v === 'nan' ? NaN : v);
const FIXTURE = JSON.parse(readFileSync(new URL('../fixtures/random_libm_exp_pow.json', import.meta.url), 'utf8')) as
  { exp: [Num, Num][]; pow: [Num, Num, Num][] };
const EXP = FIXTURE.exp.map((c) => c.map(num));
const POW = FIXTURE.pow.map((c) => c.map(num));

describe('exp and pow match glibc 2.36 bit for bit', () => {
  it('exp on every fixture input (normal-sized, near overflow/underflow, subnormal results, specials)', () => {
    const bad = EXP.filter(([x, y]) => !Object.is(exp(x), y)).map(([x, y]) => `exp(${x}) → ${exp(x)} (glibc ${y})`);
    expect(bad).toEqual([]);
  });
  it('pow on every fixture input (the samplers\' powers, a spread, zero/inf/huge/tiny specials)', () => {
    const bad = POW.filter(([x, y, z]) => !Object.is(powNonNegative(x, y), z)).map(([x, y, z]) => `pow(${x}, ${y}) → ${powNonNegative(x, y)} (glibc ${z})`);
    expect(bad).toEqual([]);
  });
  it('the fixture exercises inputs where V8 differs from glibc', () => {
    expect(EXP.filter(([x, y]) => !Object.is(Math.exp(x), y)).length).toBeGreaterThan(100);
    expect(POW.filter(([x, y, z]) => !Object.is(Math.pow(x, y), z)).length).toBeGreaterThan(100);
  });
});
