// The program corpus: every test/programs/NAME.py runs through the interpreter in a worker
// (as `shape-lens run` does: its own 256 MB stack, so Python's 1000-frame recursion limit is
// reached like CPython's) and must print exactly what CPython 3.11 + NumPy 1.24 printed
// (NAME.expected.json, written by tools/gen_program_expectations.py). Byte for byte; the
// traceback shows `File "NAME.py"`.

import { beforeAll, describe, expect, it } from 'vitest';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runInWorker } from '../../src/interpreter';
import { buildBundles } from './workerBundle';

const DIR = path.join(__dirname, '..', 'programs');

interface Expected { stdout: string; stderr: string; exitCode: number }

const programNames = (): string[] => fs.readdirSync(DIR).filter((f) => f.endsWith('.py')).sort();

let workerPath = '';
beforeAll(async () => { workerPath = (await buildBundles()).worker; });

async function check(name: string): Promise<void> {
  const source = fs.readFileSync(path.join(DIR, name));
  const expected = JSON.parse(fs.readFileSync(path.join(DIR, name.replace(/\.py$/, '.expected.json')), 'utf8')) as Expected;
  const r = await runInWorker(source, name, { workerPath, variables: false, limits: { timeLimitMs: 30000 } });
  expect({ stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode }).toEqual(expected);
}

describe('test/programs', () => {
  it('holds at least 60 programs, each with its CPython expectation', () => {
    const names = programNames();
    expect(names.length).toBeGreaterThanOrEqual(60);
    for (const n of names) expect(fs.existsSync(path.join(DIR, n.replace(/\.py$/, '.expected.json')))).toBe(true);
  });
  describe.concurrent('programs', () => {
    for (const name of programNames()) it(name, () => check(name));
  });
});
