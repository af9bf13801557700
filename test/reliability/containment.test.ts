// Interpreter containment: hostile programs (test/fixtures/containment_attacks.json) run through
// runInWorker, one fresh worker each, as the extension and the CLI run user code. Each must end
// with a clear Python-style error, quickly: sandbox escapes (imports of os/sys/socket…, file
// access, eval/exec, attribute walks to globals, builtins, subclasses or JS constructors) with a
// refusal of an allowed type; resource attacks (time, memory, recursion, output) with a limit
// error; attacks CPython itself refuses with CPython's very last line
// (test/fixtures/containment_cpython.json, tools/gen_containment_cpython.py). Nothing may leak
// (no /etc/passwd text, no file written) and the host must run a normal program afterwards.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { runInWorker, type RunResult } from '../../src/interpreter';
import { buildBundles } from '../interpreter/workerBundle';

interface Attack { name: string; src: string; expect: 'sandbox' | 'limit' | 'cpython' | 'noop'; types?: string[] }

/**
 * FIXME(src/interpreter): where Shape Lens still differs from CPython's last line, today's line
 * is asserted here (still a clean, quick error or output) so that the fix shows up. Each is
 * listed in RELIABILITY.md.
 */
const KNOWN_DIFFERENCES: Record<string, { exitCode: number; lastLine: string }> = {
};
const attacks = (JSON.parse(readFileSync(new URL('../fixtures/containment_attacks.json', import.meta.url), 'utf8')) as { attacks: Attack[] }).attacks;
const cpython = JSON.parse(readFileSync(new URL('../fixtures/containment_cpython.json', import.meta.url), 'utf8')) as
  Record<string, { stdout: string; lastLine: string; exitCode: number }>;

const TIME_LIMIT_MS = 1500;
let workerPath = '';
beforeAll(async () => { workerPath = (await buildBundles()).worker; });

const run = (src: string): Promise<RunResult> =>
  runInWorker(src, 'attack.py', { workerPath, variables: false, graceMs: 1000, limits: { timeLimitMs: TIME_LIMIT_MS, maxOutputBytes: 1 << 20 } });

const lastLine = (r: RunResult): string => r.stderr.trimEnd().split('\n').pop() ?? '';
const pwned = () => readdirSync('/tmp').filter((f) => f.startsWith('shape-lens-pwned'));

/** What each attack got, for RELIABILITY.md (printed at the end). */
const outcomes: string[] = [];
let peakRss = 0;
afterAll(() => {
  console.log(`containment outcomes:\n${outcomes.join('\n')}\npeak host rss ${Math.round(peakRss / 2 ** 20)} MB`);
});

describe('containment: hostile programs in the worker', () => {
  const before = pwned();
  for (const a of attacks) {
    it(`${a.expect}: ${a.name}`, async () => {
      const sampler = setInterval(() => { peakRss = Math.max(peakRss, process.memoryUsage().rss); }, 20);
      const t0 = Date.now();
      const r = await run(`${a.src}\n`).finally(() => clearInterval(sampler));
      const ms = Date.now() - t0;
      outcomes.push(`| ${a.name} | \`${(lastLine(r) || r.stdout.trim().split('\n')[0]).slice(0, 160)}\` | ${ms} ms |`);
      // nothing leaks: no /etc/passwd text, no `id` output, no file written
      expect(r.stdout + r.stderr).not.toMatch(/root:x?:|uid=\d/);
      expect(pwned()).toEqual(before);
      if (a.expect === 'noop') {
        expect([r.exitCode, r.stdout, r.stderr]).toEqual([0, '', '']);
        return;
      }
      const known = KNOWN_DIFFERENCES[a.name];
      if (known) {
        expect([r.exitCode, lastLine(r)]).toEqual([known.exitCode, known.lastLine]);
        expect(cpython[a.name]?.lastLine).not.toBe(known.lastLine);
        return;
      }
      if (a.expect === 'cpython') {
        const want = cpython[a.name];
        expect(want, 'run tools/gen_containment_cpython.py').toBeDefined();
        expect([r.exitCode, r.stdout, lastLine(r)]).toEqual([want.exitCode, want.stdout, want.lastLine]);
        return;
      }
      expect(r.exitCode).toBe(1);
      // a Python-style last line: `Type: message`, the type one of those allowed for this attack
      expect(lastLine(r)).toMatch(/^[\w.]+(: \S.*)?$/);
      expect(a.types).toContain(lastLine(r).split(':')[0]);
      if (a.expect === 'limit' && a.types?.every((t) => /Timeout|RuntimeError/.test(t))) {
        expect(['timeout', 'output-limit']).toContain(r.error?.kind);
      }
    }, 60_000);
  }

  it('exhausting the worker\'s heap ends the run with MemoryError, not the host', async () => {
    // many small Python objects live on the worker's JS heap (arrays do not): a 64 MB heap fills
    const r = await runInWorker('x = []\nwhile True:\n    x.append([len(x), str(len(x))])\n', 'heap.py', {
      workerPath, variables: false, maxHeapMb: 64, limits: { timeLimitMs: 20_000 },
    });
    outcomes.push(`| heap exhaustion (64 MB worker) | \`${lastLine(r)}\` | ${r.durationMs} ms |`);
    expect([r.exitCode, r.error?.kind, lastLine(r)]).toEqual([1, 'memory', 'MemoryError: the program ran out of memory']);
  }, 60_000);

  it('the host carries on: a normal program runs afterwards in a fresh worker', async () => {
    const r = await run('import numpy as np\nprint(np.arange(6).reshape(2, 3).sum(axis=0))\n');
    expect([r.exitCode, r.stdout, r.stderr]).toEqual([0, '[3 5 7]\n', '']);
    expect(existsSync('/tmp/shape-lens-pwned.txt')).toBe(false);
  }, 60_000);
});
