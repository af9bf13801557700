// np.random's continuous distributions beyond the normal (exponential, laplace, gumbel,
// logistic, lognormal, gamma family) against NumPy 1.24, bit for bit: replays
// test/fixtures/random_distributions.json (tools/gen_random_distribution_fixtures.py, real
// NumPy) through engine/random/pycall.ts. The cases are data.

import { describe, expect, it } from 'vitest';
import { loadFixture, replaySequence } from './randomReplay';

const FIXTURE = loadFixture('random_distributions.json');

describe(`np.random distributions match NumPy ${FIXTURE.numpy} bit for bit`, () => {
  for (const seq of FIXTURE.sequences) {
    it(seq.id, () => {
      expect(replaySequence(seq.steps)).toEqual([]);
    });
  }
});
