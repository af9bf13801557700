// Regression tests for parser and analyzer failures the robustness inputs found (hostile,
// deeply nested or half-typed programs; see robustness.test.ts): one block per bug, the
// smallest input that showed it. Syntax errors are CPython 3.11's (message and position, from
// /usr/bin/python3's compile()); the analyzer runs with SHAPE_LENS_DEBUG so that an internal
// error throws instead of silently dropping every hint of the file.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from '../../src/python/parse';
import { cpythonError } from '../../src/python/syntaxErrors';
import { analyze, hintText } from '../../src/analyzer';

let debug: string | undefined;
beforeAll(() => { debug = process.env.SHAPE_LENS_DEBUG; process.env.SHAPE_LENS_DEBUG = '1'; });
afterAll(() => { if (debug === undefined) delete process.env.SHAPE_LENS_DEBUG; else process.env.SHAPE_LENS_DEBUG = debug; });

describe('bracket nesting deeper than CPython allows', () => {
  // lezer's tree builder recurses once per bracket level: 10,000 nested parentheses overflowed
  // the stack and parse() threw. CPython's tokenizer stops at the 201st open bracket:
  //   compile('x = ' + '(' * 10000 + '1' + ')' * 10000, ...) → SyntaxError: too many nested
  //   parentheses, line 1, offset 205;  'y = 1\nx = [' + '(' * 250 → line 2, offset 205;
  //   200 levels compile.
  it('10,000 parentheses: CPython\'s error at the 201st, the next statement still parses', () => {
    const r = parse(`x = ${'('.repeat(10_000)}1${')'.repeat(10_000)}\nz = 3\n`);
    const e = cpythonError(r.errors);
    expect([e?.message, e?.line, (e?.col ?? -1) + 1]).toEqual(['too many nested parentheses', 1, 205]);
    expect(r.module.body.map((s) => s.kind)).toEqual(['ErrorStmt', 'Assign']);
  });
  it('unclosed brackets past the limit report the limit first', () => {
    const e = cpythonError(parse(`y = 1\nx = [${'('.repeat(250)}`).errors);
    expect([e?.message, e?.line, (e?.col ?? -1) + 1]).toEqual(['too many nested parentheses', 2, 205]);
  });
  it('200 levels are fine', () => {
    expect(parse(`x = f(${'['.repeat(199)}${']'.repeat(199)})\n`).errors).toEqual([]);
  });
});

describe('long elif chains', () => {
  // The compiler checks (misplaced return/break/yield…) walked statements recursively, and an
  // elif chain is an If nested in the previous branch's orelse: 10,000 branches overflowed the
  // stack and parse() threw. (CPython compiles 2,000 branches; at 3,000 its compiler raises
  // RecursionError, at 10,000 its parser MemoryError; neither is a SyntaxError, so none here.)
  const chain = (n: number, last: string) => `if a:\n    pass\n${Array(n).fill('elif a:\n    pass').join('\n')}\n${last}`;
  it('10,000 branches parse, and the checks still see a misplaced return after them', () => {
    const r = parse(chain(10_000, 'return 1\n'));
    expect(r.module.body.map((s) => s.kind)).toEqual(['If', 'Return']);
    expect(r.errors.map((e) => e.message)).toEqual(["'return' outside function"]);
  });
  it('a break deep inside the chain is still found', () => {
    const r = parse(`if a:\n    pass\n${Array(5_000).fill('elif a:\n    pass').join('\n')}\nelif b:\n    break\n`);
    expect(r.errors.map((e) => e.message)).toEqual(["'break' outside loop"]);
  });
});

describe('many statements on one line', () => {
  // To find a trailing comment the AST builder scanned back from every statement's end to the
  // start of its line: quadratic in the line's length, so `x = 1; x = 1; …` with 20,000
  // statements took over 20 s to parse. The line's first '#' is now looked up once per line.
  it('30,000 statements on one line parse in well under 10 s', () => {
    const src = `${Array(30_000).fill('x = 1').join('; ')}  # done\n`;
    const t0 = performance.now();
    const r = parse(src);
    const ms = performance.now() - t0;
    expect(r.module.body.length).toBe(30_000);
    expect(r.errors).toEqual([]);
    expect(ms).toBeLessThan(10_000);
  });
});

describe('analyzer: calls that crashed the whole analysis', () => {
  // An internal exception drops every hint of the file (analyzeModule catches it); these threw.
  const hint = (src: string, name: string) => {
    const h = analyze(src).hints.filter((x) => x.name === name);
    return h.length ? hintText(h[h.length - 1]) : 'no hint';
  };
  it('np.stack / np.concatenate of a list built by append (empty literal: appends are not tracked)', () => {
    // reduce over the items' dtypes had no initial value for []
    const src = 'import numpy as np\nhs = []\nfor t in range(3):\n    hs.append(np.ones(2))\nH = np.stack(hs)\nC = np.concatenate(hs)\nz = np.zeros((2, 3))\n';
    expect(hint(src, 'H')).toBe('(?)');
    expect(hint(src, 'z')).toBe('(2, 3) float64');
  });
  it('a binary ufunc with its second operand deleted: np.maximum(z, )', () => {
    const src = 'import numpy as np\nz = np.ones(3)\nr = np.maximum(z, )\nw = np.ones((4, 2))\n';
    expect(analyze(src).diagnostics).toEqual([]);
    expect(hint(src, 'w')).toBe('(4, 2) float64');
  });
});

describe('analyzer: deep nesting', () => {
  // The evaluator recursed once per nested statement/expression: a 10,000-branch elif chain
  // overflowed the stack, which drops every hint of the file. Past 400 levels it now stops
  // (statements skipped, expressions unknown); code after the chain is analysed as usual.
  it('a 10,000-branch elif chain, then ordinary code', () => {
    const src = `import numpy as np\nif a:\n    pass\n${Array(10_000).fill('elif a:\n    x = np.ones(2)').join('\n')}\ny = np.zeros((3, 4))\n`;
    const y = analyze(src).hints.find((h) => h.name === 'y');
    expect(y && hintText(y)).toBe('(3, 4) float64');
  });
});
