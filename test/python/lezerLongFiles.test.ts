// Long files with blank lines between top-level statements used to get false syntax errors:
// @lezer/lr's guard against deep left-associative trees counted the Python grammar's internal
// statement-list term as a named node and forced a reduction in the middle of a statement
// (src/python/lezerParser.ts). Every program here is valid Python (CPython compiles each
// pattern, whatever its length), so the expected number of syntax errors is 0.
import { describe, expect, it } from 'vitest';
import { parser as plainLezer } from '@lezer/python';
import { parse } from '../../src/python/parse';
// @ts-expect-error: a plain .mjs tool without type declarations (it only returns a string)
import { bigProgram } from '../../tools/genBigProgram.mjs';

const repeat = (pattern: string, n: number) => Array.from({ length: n }, (_, i) => pattern.replaceAll('#', String(i))).join('');

function lezerErrors(text: string): number {
  let n = 0;
  plainLezer.parse(text).iterate({ enter: (node) => { if (node.type.isError) n++; } });
  return n;
}

describe('long files with blank lines', () => {
  const cases: [string, string][] = [
    ['700 assignments, each followed by a blank line', repeat('x# = 1\n\n', 700)],
    ['2,000 three-statement paragraphs', repeat('a# = 1\nb = 2\nc = 3\n\n', 2000)],
    ['1,000 functions with blank lines around them', repeat('def f#():\n    pass\n\n\nx = 1\n\n', 1000)],
    ['the generated 20,000-line NumPy/torch program', bigProgram(20_000)],
  ];
  for (const [what, text] of cases) {
    it(`${what}: no syntax errors, every statement whole`, () => {
      // the plain parser shows the bug, so this test would fail without the fix
      if (what.startsWith('700')) expect(lezerErrors(text)).toBeGreaterThan(0);
      const { errors, module } = parse(text);
      expect(errors.map((e) => `${e.line}: ${e.message}`)).toEqual([]);
      const expectedStatements = text.split('\n').filter((l) => /^\S/.test(l)).length;
      expect(module.body.length).toBe(expectedStatements);
    });
  }
});
