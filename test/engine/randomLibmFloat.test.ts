// engine/random/libmFloat.ts's logf and powf against glibc 2.36's (the FMA builds, x86-64) bit
// for bit: the cases in test/fixtures/random_libm_float.json were produced by
// tools/gen_random_distribution_fixtures.py calling this machine's libm through ctypes. NumPy's
// float32 standard_gamma returns powf(...) and -logf(...) itself; fround(Math.pow/log) differs
// from glibc on some of these inputs.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { logf, powfNonNegative } from '../../engine/random/libmFloat';

/** A fixture number: Python's repr for non-finite values ('inf', '-inf', 'nan'). */
type Num = number | 'inf' | '-inf' | 'nan';
const num = (v: Num): number => (v === 'inf' ? Infinity : v === '-inf' ? -Infinity : v === 'nan' ? NaN : v);
const FIXTURE = JSON.parse(readFileSync(new URL('../fixtures/random_libm_float.json', import.meta.url), 'utf8')) as
  { logf: [Num, Num][]; powf: [Num, Num, Num][] };
const LOGF = FIXTURE.logf.map((c) => c.map(num));
const POWF = FIXTURE.powf.map((c) => c.map(num));

describe('logf and powf match glibc 2.36 bit for bit', () => {
  it('logf on every fixture input (uniforms, a spread, near 1, subnormal, specials)', () => {
    expect(LOGF.filter(([x, y]) => !Object.is(logf(x), y)).map(([x, y]) => `logf(${x}) → ${logf(x)} (glibc ${y})`)).toEqual([]);
  });
  it('powf on every fixture input (the sampler\'s powers, a spread, specials)', () => {
    const bad = POWF.filter(([x, y, z]) => !Object.is(powfNonNegative(x, y), z)).map(([x, y, z]) => `powf(${x}, ${y}) → ${powfNonNegative(x, y)} (glibc ${z})`);
    expect(bad).toEqual([]);
  });
  it('the fixture exercises inputs where fround(Math.log) differs from glibc', () => {
    expect(LOGF.filter(([x, y]) => !Object.is(Math.fround(Math.log(x)), y)).length).toBeGreaterThan(10);
  });
});
