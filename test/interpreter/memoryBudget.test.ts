// The live-array budget (engine/core/memory.ts, set by the worker from limits.maxArrayBytes,
// which the extension takes from shapeLens.evaluation.memoryLimitMb): arrays live outside
// the V8 heap, so without it a program appending arrays to a list grew until the time limit.
// Through the real worker path: the budget ends such a program with NumPy's (or torch's)
// own error, arrays that are dropped never count against it (no false positives), and the
// process's RSS stays near the budget. Expected texts: tools/gen_memory_budget_fixtures.py
// (the same programs under CPython with an address-space limit).

import { beforeAll, describe, expect, it } from 'vitest';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runInWorker, runProgram, type RunResult } from '../../src/interpreter';
import { buildBundles } from './workerBundle';

interface Expected { src: string; stdout: string; lastLine: string; exitCode: number }
const EXPECTED: Record<string, Expected> = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'memory_budget.json'), 'utf8'));

const MiB = 1024 * 1024;
let workerPath = '';
beforeAll(async () => { workerPath = (await buildBundles()).worker; });

const lastLine = (r: RunResult): string => r.stderr.trimEnd().split('\n').pop() ?? '';

/** Runs a fixture program in a fresh worker with a `budgetMb` memory limit (as the extension
 * passes memoryLimitMb) and samples this process's RSS meanwhile (the worker shares it). */
async function runBudgeted(name: string, budgetMb: number, timeLimitMs = 20000): Promise<{ r: RunResult; peakMb: number; baseMb: number }> {
  const src = EXPECTED[name].src;
  global.gc?.();
  const baseMb = process.memoryUsage().rss / MiB;
  let peakMb = baseMb;
  const sampler = setInterval(() => { peakMb = Math.max(peakMb, process.memoryUsage().rss / MiB); }, 5);
  try {
    const r = await runInWorker(src, 'budget.py', {
      workerPath, variables: false, limits: { timeLimitMs, maxArrayBytes: budgetMb * MiB }, maxHeapMb: budgetMb,
    });
    return { r, peakMb, baseMb };
  } finally {
    clearInterval(sampler);
  }
}

describe('live-array budget in the worker', () => {
  it("ends a loop appending 80 MB arrays with NumPy's _ArrayMemoryError, RSS near the budget", async () => {
    const name = 'numpy append 80 MB arrays';
    const { r, peakMb, baseMb } = await runBudgeted(name, 256);
    expect(lastLine(r)).toBe(EXPECTED[name].lastLine);
    expect(r.error?.kind).toBe('memory');
    expect(r.error?.range?.line).toBe(4);
    // 3 arrays (229 MiB) fit in 256 MiB; the 4th is refused before it is allocated
    console.log(`append 80 MB arrays, budget 256 MiB: RSS ${baseMb.toFixed(0)} MiB before, peak ${peakMb.toFixed(0)} MiB (+${(peakMb - baseMb).toFixed(0)} MiB)`);
    expect(peakMb - baseMb).toBeLessThan(256 + 128);
  }, 60000);

  it('does not count arrays the program dropped: 50 × 80 MB allocate-and-drop within 256 MB', async () => {
    const name = 'numpy allocate and drop 80 MB arrays 50 times';
    const { r } = await runBudgeted(name, 256);
    expect(r.error).toBeNull();
    expect(r.stdout).toBe(EXPECTED[name].stdout);
  }, 60000);

  it('releases dropped arrays: filling and dropping 80 MB arrays keeps RSS near the budget', async () => {
    // np.ones touches every page (np.zeros' pages stay unmapped), so RSS shows what is really held
    const name = 'numpy fill and drop 80 MB arrays 8 times';
    const { r, peakMb, baseMb } = await runBudgeted(name, 256, 60000);
    expect(r.error).toBeNull();
    expect(r.stdout).toBe(EXPECTED[name].stdout);
    console.log(`fill and drop 80 MB arrays 8 times, budget 256 MiB: RSS peak +${(peakMb - baseMb).toFixed(0)} MiB, ${r.durationMs} ms`);
    expect(peakMb - baseMb).toBeLessThan(256 + 128);
  }, 120000);

  it('names the shape and dtype of the array that did not fit', async () => {
    const name = 'numpy 3-d array past the budget';
    const { r } = await runBudgeted(name, 128);
    expect(lastLine(r)).toBe(EXPECTED[name].lastLine);
  }, 60000);

  it("gives torch's allocator error for tensors", async () => {
    for (const name of ['torch append 80 MB tensors', 'torch append 40 MB float32 tensors']) {
      const { r } = await runBudgeted(name, 128);
      expect(lastLine(r)).toBe(EXPECTED[name].lastLine);
      expect(r.error?.type).toBe('RuntimeError');
    }
  }, 60000);

  it("still gives NumPy's text for one allocation past the budget, and the next run works", async () => {
    const name = 'numpy one huge array';
    const { r } = await runBudgeted(name, 256);
    expect(lastLine(r)).toBe(EXPECTED[name].lastLine);
    const next = await runInWorker('import numpy as np\nprint(np.ones(10**6).sum())\n', 'next.py', { workerPath, variables: false, limits: { maxArrayBytes: 256 * MiB } });
    expect(next.error).toBeNull();
    expect(next.stdout).toBe('1000000.0\n');
  }, 60000);

  it('is not set outside the worker: an in-process run keeps the engine unlimited', () => {
    // three 80 MB arrays held at once under a 100 MB per-array limit: only the per-array limit applies
    const r = runProgram('import numpy as np\nxs = [np.zeros(10**7) for _ in range(3)]\nprint(len(xs))\n', { limits: { maxArrayBytes: 100 * MiB }, variables: false });
    expect(r.error).toBeNull();
    expect(r.stdout).toBe('3\n');
  });
});
