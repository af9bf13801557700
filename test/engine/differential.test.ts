// Differential tests: every case in test/fixtures/engine/*.json (NumPy 1.24's answers, made by
// tools/gen_engine_fixtures.py) replayed through engine/pycall.ts and compared value for value,
// dtype for dtype and error text for error text. It does not compare str/repr yet: the
// printing layer is written separately, and the fixtures already carry NumPy's text for it.

import { describe, expect, it } from 'vitest';
import * as pycall from '../../engine/pycall';
import { compareOutcome, FixtureCase, loadFixtureFiles, parseTol, runOutcome } from './fixtureCodec';

function check(c: FixtureCase): void {
  const problems = compareOutcome(c.expected, runOutcome(c.call, pycall), parseTol(c.tol));
  expect(problems.join('\n')).toBe('');
}

// Plain it() per case: it.each would run the ids through printf-style formatting and quoting.
describe.each(loadFixtureFiles().map((f) => [f.category, f] as const))('%s', (_category, file) => {
  for (const c of file.cases) it(c.id, () => check(c));
});
