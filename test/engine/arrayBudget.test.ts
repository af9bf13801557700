// engine/core/memory.ts with scripted hooks: the budget counts allocations, reclaims before
// refusing, waits for a lagging sweeper instead of refusing early, and is off by default.

import { afterEach, describe, expect, it } from 'vitest';
import { emptyArray } from '../../engine/core/ndarray';
import { ArrayMemoryError } from '../../engine/core/errors';
import { liveArrayBytes, setArrayBudget, type ReclaimHooks } from '../../engine/core/memory';

const MiB = 1024 * 1024;

/** Hooks whose external-memory readings come from `readings` in turn (the last one repeats). */
function scripted(readings: number[]): ReclaimHooks & { collects: number; reads: number } {
  let clock = 0;
  const h = {
    collects: 0, reads: 0,
    collect: () => { h.collects++; },
    externalBytes: () => readings[Math.min(h.reads++, readings.length - 1)],
    pause: (ms: number) => { clock += ms; },
    now: () => clock,
  };
  return h;
}

afterEach(() => setArrayBudget(Infinity));

describe('array budget', () => {
  it('is off by default: nothing is refused or counted', () => {
    setArrayBudget(Infinity);
    for (let i = 0; i < 3; i++) emptyArray([1000, 1000], 'float64');
    expect(liveArrayBytes()).toBe(0);
  });

  it('counts allocations and refuses with NumPy\'s text when nothing was freed', () => {
    const h = scripted([0, 0 + 24 * MiB]); // baseline, then everything still held
    setArrayBudget(20 * MiB, h);
    emptyArray([1024 * 1024], 'float64'); // 8 MiB
    emptyArray([1024 * 1024], 'float64');
    expect(liveArrayBytes()).toBe(16 * MiB);
    let err: unknown;
    try { emptyArray([2, 1024, 640], 'float32'); } catch (e) { err = e; }
    expect(err).toBeInstanceOf(ArrayMemoryError);
    expect((err as Error).message).toBe('Unable to allocate 5.00 MiB for an array with shape (2, 1024, 640) and data type float32');
    expect(h.collects).toBe(1);
  });

  it('waits for the sweeper: a reading that shrinks late still admits', () => {
    // baseline 1 MiB; after gc the reading still shows 17 MiB for a while, then the sweeper
    // frees one array (9 MiB: 8 live + 8 wanted fit in 20)
    const h = scripted([1 * MiB, 17 * MiB, 17 * MiB, 17 * MiB, 9 * MiB]);
    setArrayBudget(20 * MiB, h);
    emptyArray([1024 * 1024], 'float64');
    emptyArray([1024 * 1024], 'float64');
    emptyArray([1024 * 1024], 'float64'); // 24 MiB > 20: reclaim
    expect(h.collects).toBe(1);
    expect(h.reads).toBe(5);
    expect(liveArrayBytes()).toBe(16 * MiB);
  });

  it('refuses one allocation bigger than the budget without collecting', () => {
    const h = scripted([0]);
    setArrayBudget(4 * MiB, h);
    expect(() => emptyArray([10 ** 6], 'float64')).toThrow('Unable to allocate 7.63 MiB for an array with shape (1000000,) and data type float64');
    expect(h.collects).toBe(0);
  });

  it('does not count buffers small enough to live on the V8 heap', () => {
    setArrayBudget(1, scripted([0]));
    for (let i = 0; i < 100; i++) emptyArray([8], 'float64');
    expect(liveArrayBytes()).toBe(0);
  });
});
