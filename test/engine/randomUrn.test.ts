// np.random's hypergeometric and multinomial (Generator, RandomState, module functions)
// against NumPy 1.24, bit for bit: replays test/fixtures/random_urn.json
// (tools/gen_random_urn_fixtures.py, real NumPy) through engine/random/pycall.ts. The cases are data.

import { describe, expect, it } from 'vitest';
import { loadFixture, replaySequence } from './randomReplay';

const FIXTURE = loadFixture('random_urn.json');

describe(`np.random hypergeometric and multinomial match NumPy ${FIXTURE.numpy} bit for bit`, () => {
  for (const seq of FIXTURE.sequences) {
    it(seq.id, () => {
      expect(replaySequence(seq.steps)).toEqual([]);
    });
  }
});
