// The program corpus: every test/programs/NAME.py runs through the interpreter and must print
// exactly what CPython 3.11 + NumPy 1.24 printed (NAME.expected.json, written by
// tools/gen_program_expectations.py). Byte-for-byte; the traceback shows `File "NAME.py"`.

import { describe, expect, it } from 'vitest';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runProgram } from '../../src/interpreter';

const DIR = path.join(__dirname, '..', 'programs');

interface Expected { stdout: string; stderr: string; exitCode: number }

export const programNames = (): string[] => fs.readdirSync(DIR).filter((f) => f.endsWith('.py')).sort();

function check(name: string): void {
  const source = fs.readFileSync(path.join(DIR, name));
  const expected = JSON.parse(fs.readFileSync(path.join(DIR, name.replace(/\.py$/, '.expected.json')), 'utf8')) as Expected;
  const r = runProgram(source, { filename: name, variables: false, limits: { timeLimitMs: 20000 } });
  expect({ stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode }).toEqual(expected);
}

describe('test/programs', () => {
  it('holds at least 60 programs with expectations', () => {
    const names = programNames();
    expect(names.length).toBeGreaterThanOrEqual(60);
    for (const n of names) expect(fs.existsSync(path.join(DIR, n.replace(/\.py$/, '.expected.json')))).toBe(true);
  });
  for (const name of programNames()) it(name, () => check(name));
});
