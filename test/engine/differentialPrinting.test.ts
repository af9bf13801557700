// Printing, end to end: every ndarray or NumPy scalar result in the differential fixtures
// carries NumPy's str() and repr(). We print (1) NumPy's own values rebuilt from the fixture
// and (2) the engine's result for the same call, and both must match NumPy's text exactly.
// (2) is skipped per case only where values may differ by a few ulp (`tol`), where (1) still runs.

import { describe, expect, it } from 'vitest';
import * as pycall from '../../engine/pycall';
import { NDArray } from '../../engine/core/ndarray';
import { NpScalar } from '../../engine/core/scalar';
import { arrayRepr, arrayStr, scalarRepr, scalarStr } from '../../engine/format';
import { Expected, FixtureCase, loadFixtureFiles, materializeExpected, runOutcome } from './fixtureCodec';

type Printed = { str: string; repr: string };

function printed(v: unknown): Printed | undefined {
  if (v instanceof NDArray) return { str: arrayStr(v), repr: arrayRepr(v) };
  if (v instanceof NpScalar) return { str: scalarStr(v.dtype, v.value), repr: scalarRepr(v.dtype, v.value) };
  return undefined;
}

function hasText(e: Expected): e is Extract<Expected, { type: 'ndarray' | 'scalar' }> & { str: string; repr: string } {
  return (e.type === 'ndarray' || e.type === 'scalar') && e.str !== null && e.repr !== null;
}

function check(c: FixtureCase): void {
  const e = c.expected;
  if (!hasText(e)) throw new Error('not a printable case');
  const mine = materializeExpected(e);
  expect(mine.ok && printed(mine.value)).toEqual({ str: e.str, repr: e.repr });
  if (c.tol) return;
  const got = runOutcome(c.call, pycall);
  expect(got.ok && printed(got.value)).toEqual({ str: e.str, repr: e.repr });
}

describe.each(loadFixtureFiles().map((f) => [f.category, f] as const))('printing %s', (_category, file) => {
  for (const c of file.cases) if (hasText(c.expected)) it(c.id, () => check(c));
});
