// Evaluator unit tests: each case in snippets/*.txt (separated by `### name`) is a small
// program; its stdout, stderr and exit code were produced by CPython 3.11 + NumPy 1.24
// (tools/gen_program_expectations.py). The only helper calling the API is check().

import { describe, expect, it } from 'vitest';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runProgram } from '../../src/interpreter';

interface Expected { stdout: string; stderr: string; exitCode: number }

const DIR = path.join(__dirname, 'snippets');

/** Same split as the generator: `### name` lines start cases. */
export function splitCases(text: string): [string, string][] {
  const cases: [string, string][] = [];
  let name: string | null = null;
  let lines: string[] = [];
  const flush = () => {
    if (name !== null) cases.push([name, `${lines.join('\n').replace(/^\n+|\n+$/g, '')}\n`]);
  };
  for (const line of text.split('\n')) {
    if (line.startsWith('### ')) {
      flush();
      name = line.slice(4).trim();
      lines = [];
    } else lines.push(line);
  }
  flush();
  return cases;
}

function check(source: string, expected: Expected): void {
  const r = runProgram(source, { filename: 'snippet.py', variables: false });
  expect({ stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode }).toEqual(expected);
}

for (const file of fs.readdirSync(DIR).filter((f) => f.endsWith('.txt')).sort()) {
  const expected = JSON.parse(fs.readFileSync(path.join(DIR, file.replace(/\.txt$/, '.expected.json')), 'utf8')) as Record<string, Expected>;
  describe(file, () => {
    for (const [name, src] of splitCases(fs.readFileSync(path.join(DIR, file), 'utf8'))) {
      it(name, () => check(src, expected[name]));
    }
  });
}
