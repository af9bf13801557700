// np.random against NumPy 1.24, bit for bit: replays every sequence of
// test/fixtures/random.json (written by tools/gen_random_fixtures.py with real NumPy) through
// engine/random/pycall.ts (randomReplay.ts compares each answer). The cases are data.

import { describe, expect, it } from 'vitest';
import { loadFixture, replaySequence } from './randomReplay';

const FIXTURE = loadFixture('random.json');

describe(`np.random matches NumPy ${FIXTURE.numpy} bit for bit`, () => {
  for (const seq of FIXTURE.sequences) {
    it(seq.id, () => {
      expect(replaySequence(seq.steps)).toEqual([]);
    });
  }
});
