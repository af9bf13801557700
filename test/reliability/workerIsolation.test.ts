// Containment between runs (issue 9: "a killed or crashed worker is replaced"): a worker that
// crashes or exits gives a clear result instead of hanging the caller, the next run gets a
// fresh worker, and runs in parallel workers do not see each other: one spinning forever does
// not delay another, and one filling its array budget does not count against another's
// (the budget reads the worker isolate's own external memory, engine/core/memory.ts).

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runInWorker, runProgram, type RunResult } from '../../src/interpreter';
import { buildBundles } from '../interpreter/workerBundle';

const MiB = 1024 * 1024;
let workerPath = '';
let dir = '';
beforeAll(async () => {
  workerPath = (await buildBundles()).worker;
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shape-lens-broken-worker-'));
});
afterAll(() => { fs.rmSync(dir, { recursive: true, force: true }); });

const lastLine = (r: RunResult): string => r.stderr.trimEnd().split('\n').pop() ?? '';
const normal = 'import numpy as np\nprint(np.arange(6).reshape(2, 3).sum(axis=0))\n';
/** What the normal program prints when run in this thread: a worker must print the same. */
let normalOut = '';
beforeAll(() => {
  normalOut = runProgram(normal, { variables: false }).stdout;
  expect(normalOut.length).toBeGreaterThan(0);
});

/** A stand-in for out/worker.js that misbehaves as `body` says. */
function brokenWorker(name: string, body: string): string {
  const file = path.join(dir, `${name}.js`);
  fs.writeFileSync(file, body);
  return file;
}

describe('a crashed worker', () => {
  it('that throws while loading gives a SystemError result, and the next run works', async () => {
    const r = await runInWorker(normal, 'crash.py', { workerPath: brokenWorker('throws', "throw new Error('boom at load');\n"), variables: false });
    expect(r.error?.kind).toBe('crash');
    expect(lastLine(r)).toBe('SystemError: the interpreter crashed: boom at load');
    expect(r.exitCode).toBe(1);
    const next = await runInWorker(normal, 'next.py', { workerPath, variables: false });
    expect(next.error).toBeNull();
    expect(next.stdout).toBe(normalOut);
  });

  it('that exits mid-run gives a SystemError result with its exit code', async () => {
    const exits = brokenWorker('exits', "require('node:worker_threads').parentPort.once('message', () => process.exit(7));\n");
    const r = await runInWorker(normal, 'exit.py', { workerPath: exits, variables: false });
    expect(r.error?.kind).toBe('crash');
    expect(lastLine(r)).toBe('SystemError: the interpreter exited unexpectedly (code 7)');
  });

  it('that never answers is terminated by the time limit instead of hanging the caller', async () => {
    const silent = brokenWorker('silent', "require('node:worker_threads').parentPort.once('message', () => { for (;;) {} });\n");
    const t0 = Date.now();
    // startup allowance (30 s) + time limit + grace bound it; the limit is what the user sees
    const r = await runInWorker(normal, 'silent.py', { workerPath: silent, variables: false, limits: { timeLimitMs: 200 }, graceMs: 100 });
    expect(r.error?.kind).toBe('timeout');
    expect(Date.now() - t0).toBeLessThan(60_000);
  }, 90_000);
});

describe('parallel workers', () => {
  it('a program spinning forever does not hold up another', async () => {
    const spin = runInWorker('while True:\n    pass\n', 'spin.py', { workerPath, variables: false, limits: { timeLimitMs: 8000 } });
    const ok = await runInWorker(normal, 'ok.py', { workerPath, variables: false });
    expect(ok.error).toBeNull();
    expect(ok.stdout).toBe(normalOut);
    expect((await spin).error?.kind).toBe('timeout');
  }, 60_000);

  it("one worker's arrays do not count against another's budget", async () => {
    const budget = { maxArrayBytes: 256 * MiB, timeLimitMs: 30_000 };
    const hog = runInWorker('import numpy as np\nxs = []\nwhile True:\n    xs.append(np.zeros(10**7))\n', 'hog.py', { workerPath, variables: false, limits: budget });
    const dropper = runInWorker('import numpy as np\nfor i in range(50):\n    a = np.zeros(10**7)\nprint(a.shape)\n', 'drop.py', { workerPath, variables: false, limits: budget });
    const [h, d] = await Promise.all([hog, dropper]);
    expect(h.error?.kind).toBe('memory');
    expect(d.error).toBeNull();
    expect(d.stdout).toBe(runProgram('print((10**7,))\n').stdout);
  }, 90_000);
});
