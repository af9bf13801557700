// Differential fuzzing of the engine: every op chain in test/fixtures/fuzz_*.json (random
// chains from fuzzGen.ts, answered by real NumPy 1.24 in tools/fuzz_numpy.py) replayed step by
// step through engine/pycall.ts. Each step must return what NumPy's did (dtype and shape, or a
// scalar), a failing chain must fail at the same step with the same error type and text, and
// the outputs (the last result and every input written through a view) must hold NumPy's
// values: bitwise, except "tol" cases (a transcendental op: see RELIABILITY.md).
// It also checks that the generator still produces the committed specs (reproducibility).

import { describe, expect, it } from 'vitest';
import { FAMILIES, FuzzSpec, generateFamily, toJson } from './fuzzGen';
import { loadFuzzFiles, runCase } from './fuzzReplay';
import { BUGS, KNOWN_MISMATCHES } from './fuzzKnown';

const files = loadFuzzFiles();

describe.each(files.map((f) => [f.family, f] as const))('fuzz %s', (_name, file) => {
  for (const c of file.cases) {
    const known = KNOWN_MISMATCHES[c.id];
    if (known !== undefined) {
      // FIXME (fuzzKnown.ts): asserts today's wrong behaviour until the bug is fixed
      it(`${c.id} [FIXME ${known}: ${BUGS[known]}]`, () => expect(runCase(c).length).toBeGreaterThan(0));
      continue;
    }
    it(c.id, () => {
      const problems = runCase(c);
      expect(problems.length === 0 ? '' : `${problems.join('\n')}\n${toJson({ inputs: c.inputs, steps: c.steps })}`).toBe('');
    });
  }
});

describe('fuzz generator', () => {
  it('reproduces the committed specs from the recorded seeds', () => {
    for (const f of files) {
      const fam = FAMILIES.find((x) => x.name === f.family);
      expect(fam, f.family).toBeDefined();
      expect([fam!.seed, fam!.count]).toEqual([f.seed, f.generated]);
      const byId = new Map(generateFamily(fam!).map((s) => [s.id, s]));
      const differ = f.cases.filter((c) => {
        const s = byId.get(c.id);
        const spec = (x: FuzzSpec) => toJson({ inputs: x.inputs, steps: x.steps, outputs: x.outputs, tol: x.tol ?? null });
        return s === undefined || spec(s) !== spec(c);
      });
      expect(differ.map((c) => c.id).slice(0, 5)).toEqual([]);
    }
  });

  it('lists no known mismatch that is not a case', () => {
    const ids = new Set(files.flatMap((f) => f.cases.map((c) => c.id)));
    expect(Object.keys(KNOWN_MISMATCHES).filter((id) => !ids.has(id))).toEqual([]);
  });

  it('ran thousands of cases', () => {
    const n = files.reduce((k, f) => k + f.cases.length, 0);
    expect(n).toBeGreaterThan(4000);
  });
});
