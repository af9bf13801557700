// engine/random/libm.ts against glibc 2.36 (FMA builds, x86-64) bit for bit: the inputs and
// outputs in test/fixtures/random_libm.json were produced by tools/gen_random_fixtures.py
// calling this machine's libm. V8's Math.log disagrees with glibc on ~7% of these inputs,
// which is why the engine carries its own. Only the data varies; `check` is the one helper.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { log, log1p, log1pf } from '../../engine/random/libm';

type Pairs = [number, number][];
const LIBM = JSON.parse(readFileSync(new URL('../fixtures/random_libm.json', import.meta.url), 'utf8')) as Record<string, Pairs>;

/** The inputs whose result is not bit-identical to glibc's, as "x → got (want)". */
function check(fn: (x: number) => number, pairs: Pairs): string[] {
  return pairs.filter(([x, y]) => !Object.is(fn(x), y)).map(([x, y]) => `${x} → ${fn(x)} (glibc ${y})`);
}

describe('libm ports match glibc 2.36 bit for bit', () => {
  it('log', () => expect(check(log, LIBM.log)).toEqual([]));
  it('log1p', () => expect(check(log1p, LIBM.log1p)).toEqual([]));
  it('log1pf', () => expect(check(log1pf, LIBM.log1pf)).toEqual([]));
  it('the fixture exercises inputs where V8 differs from glibc', () => {
    expect(LIBM.log.filter(([x, y]) => Math.log(x) !== y).length).toBeGreaterThan(50);
  });
});
