// Parser and analyzer robustness: half-typed, mangled, enormous and hostile sources. The
// property under test is only that parse + analyze return (a Module, syntax errors, hints and
// diagnostics) and never throw: the analyzer runs with SHAPE_LENS_DEBUG so that an internal
// exception, which analyzeModule would otherwise swallow (losing every hint of the file), fails
// the test. Inputs: every character prefix of every corpus program (typed into an
// AnalysisSession), seeded random token deletions/insertions, 10,000-level nesting of every
// recursive construct, a 50,000-line file, random bytes and invalid UTF-8. Bugs found here get
// a minimal case in robustnessRegressions.test.ts. Counts are printed and listed in RELIABILITY.md.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { parse } from '../../src/python/parse';
import { analyze, analyzeModule, hintText } from '../../src/analyzer';
import type { AnalysisResult } from '../../src/analyzer';
import { AnalysisSession } from '../../src/analyzer/session';
import { stressProgram, typingUnits } from './stressProgram';
// @ts-expect-error: a plain .mjs tool without type declarations (it only returns a string)
import { bigProgram } from '../../tools/genBigProgram.mjs';

let debug: string | undefined;
beforeAll(() => { debug = process.env.SHAPE_LENS_DEBUG; process.env.SHAPE_LENS_DEBUG = '1'; });
afterAll(() => { if (debug === undefined) delete process.env.SHAPE_LENS_DEBUG; else process.env.SHAPE_LENS_DEBUG = debug; });

const corpusDirs = ['../programs/', '../analyzer/programs/'];
const corpus: { name: string; src: string }[] = corpusDirs.flatMap((d) => {
  const dir = new URL(d, import.meta.url);
  return readdirSync(dir).filter((f) => f.endsWith('.py')).sort().map((f) => ({ name: f, src: readFileSync(new URL(f, dir), 'utf8') }));
});

/** Parse and analyse; throws (failing the test) only if either does. */
function survive(src: string): { result: AnalysisResult; syntaxErrors: number } {
  const parsed = parse(src);
  expect(parsed.module.kind).toBe('Module');
  const result = analyzeModule(parsed.module, src);
  return { result, syntaxErrors: parsed.errors.length };
}

/** What the editor shows: hint texts and diagnostics by line. */
function visible(r: AnalysisResult): string[] {
  return [
    ...r.hints.map((h) => `${h.line} ${h.name}: ${hintText(h)}`),
    ...r.diagnostics.map((d) => `${d.range.line} ${d.code}: ${d.runtimeMessage}`),
  ];
}

describe('typing every corpus program character by character', () => {
  it(`${corpus.length} programs: every prefix analyses, and at each line end the session equals a fresh analysis`, () => {
    let prefixes = 0;
    let compared = 0;
    const mismatches: string[] = [];
    for (const { name, src } of corpus) {
      const session = new AnalysisSession();
      session.update('');
      for (let i = 1; i <= src.length; i++) {
        const r = session.update(src.slice(0, i), [{ from: i - 1, to: i - 1, insert: src[i - 1] }]);
        prefixes++;
        if (src[i - 1] === '\n' || i === src.length) {
          compared++;
          const fresh = visible(analyze(src.slice(0, i))).join('\n');
          if (visible(r.analysis).join('\n') !== fresh && mismatches.length < 5) mismatches.push(`${name} at offset ${i}`);
        }
      }
    }
    console.log(`robustness: ${prefixes} character prefixes typed, ${compared} line-end states compared with a fresh analysis`);
    expect(prefixes).toBeGreaterThan(50_000);
    expect(mismatches).toEqual([]);
  }, 300_000);
});

describe('the e2e stress program, typed as the real-editor test types it', () => {
  // in process, so a divergence shows here with a reproducible edit number (the e2e run found
  // lost hints after `class Net5` was typed: lezer's incremental parse nested it in a block)
  it('2,583 edits (30 lines by character, then by word): at each line end the session equals a fresh analysis', () => {
    const units = typingUnits(stressProgram(500));
    const session = new AnalysisSession();
    session.update('');
    let text = '';
    const mismatches: number[] = [];
    units.forEach((u, k) => {
      const from = text.length;
      text += u;
      const r = session.update(text, [{ from, to: from, insert: u }]);
      if (u.includes('\n') && visible(r.analysis).join('\n') !== visible(analyze(text)).join('\n')) mismatches.push(k);
    });
    expect(units.length).toBe(2_583);
    expect(mismatches.slice(0, 5)).toEqual([]);
  }, 300_000);
});

// ---- random token edits ----------------------------------------------------------------------

/** A rough Python tokenizer: enough to cut programs at token boundaries. */
function tokens(src: string): string[] {
  return src.match(/\s+|#[^\n]*|[A-Za-z_]\w*|\d+\.?\d*(?:e[-+]?\d+)?|'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|\*\*=?|\/\/=?|->|[-+*/%@&|^<>=!]=|<<|>>|\S/g) ?? [];
}

/** Tokens worth inserting: brackets, block keywords, operators, indentation, string openers. */
const insertable = ['(', ')', '[', ']', '{', '}', ':', ',', '.', '=', '==', '@', '*', '**', '-', '+', 'if', 'else', 'elif',
  'for', 'in', 'def', 'class', 'return', 'lambda', 'yield', 'await', 'async', 'with', 'as', 'not', 'and', 'import', 'from',
  'np', 'torch', 'x', 'self', '\n', '\n    ', '    ', '\t', '\\', "'", '"', '"""', "f'{", '#', ';', '0', '-1', '...', 'None',
  'np.zeros((2, 3))', '.reshape(', '.T', 'axis=', '*args', '**kw', ':=', '->', '@property\n', 'try:', 'except', 'finally:'];

describe('random token deletions and insertions', () => {
  it('3,000 mangled corpus programs (fast-check, seed 9)', () => {
    const edit = fc.record({
      at: fc.nat(),
      del: fc.integer({ min: 0, max: 3 }),
      ins: fc.array(fc.constantFrom(...insertable), { maxLength: 3 }),
    });
    let runs = 0;
    fc.assert(
      fc.property(fc.nat(corpus.length - 1), fc.array(edit, { minLength: 1, maxLength: 8 }), (pick, edits) => {
        const toks = tokens(corpus[pick].src);
        for (const e of edits) {
          const at = toks.length ? e.at % toks.length : 0;
          toks.splice(at, e.del, ...e.ins.map((t) => (/^\w/.test(t) ? ` ${t} ` : t)));
        }
        survive(toks.join(''));
        runs++;
      }),
      { seed: 9, numRuns: 3_000 },
    );
    console.log(`robustness: ${runs} token-edited programs`);
    expect(runs).toBe(3_000);
  }, 300_000);
});

describe('random edits through an AnalysisSession', () => {
  it('300 sessions of 12 edits anywhere in a program: each state equals a fresh analysis (fast-check, seed 11)', () => {
    const edit = fc.record({ at: fc.nat(), del: fc.integer({ min: 0, max: 40 }), ins: fc.array(fc.constantFrom(...insertable), { maxLength: 3 }) });
    let states = 0;
    fc.assert(
      fc.property(fc.nat(corpus.length - 1), fc.array(edit, { minLength: 1, maxLength: 12 }), (pick, edits) => {
        let text = corpus[pick].src;
        const session = new AnalysisSession();
        session.update(text);
        for (const e of edits) {
          const from = e.at % (text.length + 1);
          const to = Math.min(text.length, from + e.del);
          const insert = e.ins.join(' ');
          text = text.slice(0, from) + insert + text.slice(to);
          const r = session.update(text, [{ from, to, insert }]);
          expect(visible(r.analysis)).toEqual(visible(analyze(text)));
          states++;
        }
      }),
      { seed: 11, numRuns: 300 },
    );
    console.log(`robustness: ${states} edited session states compared with a fresh analysis`);
    expect(states).toBeGreaterThan(300);
  }, 300_000);
});

// ---- deep nesting ----------------------------------------------------------------------------

const N = 10_000;
const rep = (s: string, n = N) => s.repeat(n);
const deep: Record<string, string> = {
  'parentheses': `x = ${rep('(')}1${rep(')')}\n`,
  'lists': `x = ${rep('[')}${rep(']')}\n`,
  'dict displays': `x = ${rep('{1: ')}1${rep('}')}\n`,
  'call arguments': `x = ${rep('f(')}1${rep(')')}\n`,
  'unary minus': `x = ${rep('-')}1\n`,
  'not': `x = ${rep('not ')}a\n`,
  'binary + chain (left-deep)': `x = 1${rep(' + 1')}\n`,
  'array + chain': `import numpy as np\na = np.ones(3)\nx = a${rep(' + a')}\n`,
  'power chain (right-deep)': `x = 2${rep(' ** 2')}\n`,
  'comparison chain': `x = a${rep(' < a')}\n`,
  'and chain': `x = a${rep(' and a')}\n`,
  'attribute chain': `x = a${rep('.b')}\n`,
  'method chain': `import numpy as np\nx = np.ones((2, 3))${rep('.T')}\n`,
  'subscript chain': `x = a${rep('[0]')}\n`,
  'call chain': `x = f${rep('()')}\n`,
  'conditional expression chain': `x = ${rep('a if b else ')}c\n`,
  'lambda chain': `x = ${rep('lambda: ')}1\n`,
  'walrus chain': `x = ${rep('(y := ')}1${rep(')')}\n`,
  'string concatenation': `x = ${rep("'a' ")}\n`,
  'f-string nesting': `x = ${rep("f'{")}1${rep("}'")}\n`,
  'indented blocks': Array.from({ length: N }, (_, i) => `${' '.repeat(i)}if a:`).join('\n') + `\n${' '.repeat(N)}pass\n`,
  'nested functions': Array.from({ length: N }, (_, i) => `${' '.repeat(i)}def f${i}():`).join('\n') + `\n${' '.repeat(N)}return 1\n`,
  'elif chain': `if a:\n    pass\n${rep('elif a:\n    pass\n')}`,
  'decorators': `${rep('@d\n')}def f(): pass\n`,
  'unclosed brackets': `x = ${rep('([{')}\n`,
  'closing brackets only': `x = ${rep(')]}')}\n`,
  'tuple of tuples via commas': `x = ${rep('(1, ')}${rep(')')}\n`,
};

describe('10,000-level nesting', () => {
  for (const [what, src] of Object.entries(deep)) {
    it(what, () => {
      // code after the construct must still be analysed
      const after = `\nimport numpy as np\nzz = np.zeros((3, 4))\n`;
      const { result } = survive(src + after);
      const zz = result.hints.find((h) => h.name === 'zz');
      // an indented tail belongs to the deepest block, which the analyzer skips past 400 levels
      if (!/^(indented blocks|nested functions)$/.test(what)) expect(zz && hintText(zz)).toBe(hintText(analyze(after).hints[0]));
    }, 120_000);
  }
});

// ---- size ------------------------------------------------------------------------------------

describe('a 50,000-line file', () => {
  it('analyses, with the same hints for its last block as the block alone would get', () => {
    const src: string = bigProgram(50_000);
    expect(src.split('\n').length).toBeGreaterThanOrEqual(50_000);
    const { result, syntaxErrors } = survive(src);
    // CPython compiles this file cleanly. (Plain @lezer/python put a false error near every
    // ~156,000th character; src/python/lezerParser.ts fixes it.)
    expect(syntaxErrors).toBe(0);
    // block k is self-contained: analysing it alone must give the same hints as inside the file
    const lines = src.split('\n');
    const lastDef = lines.map((l, i) => (l.startsWith('def block_') ? i : -1)).filter((i) => i >= 0).at(-2) as number;
    const block = ['import numpy as np', 'import torch', 'import torch.nn as nn', ...lines.slice(lastDef, lastDef + 18)].join('\n');
    const alone = analyze(block).hints.map((h) => `${h.name}: ${hintText(h)}`);
    const inFile = result.hints.filter((h) => h.line > lastDef && h.line <= lastDef + 18).map((h) => `${h.name}: ${hintText(h)}`);
    expect(alone.length).toBeGreaterThan(5);
    expect(inFile).toEqual(alone);
    console.log(`robustness: 50,000-line file, ${result.hints.length} hints`);
  }, 300_000);
});

// ---- bytes -----------------------------------------------------------------------------------

describe('binary garbage and invalid UTF-8', () => {
  it('500 random byte strings decoded as UTF-8 (U+FFFD replacement) and as Latin-1 (fast-check, seed 99)', () => {
    let runs = 0;
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 4_000 }), (bytes) => {
        survive(new TextDecoder('utf-8').decode(bytes));
        survive(Buffer.from(bytes).toString('latin1'));
        runs++;
      }),
      { seed: 99, numRuns: 500 },
    );
    expect(runs).toBe(500);
  }, 300_000);

  it('random bytes spliced into a real program (fast-check, seed 7)', () => {
    let runs = 0;
    fc.assert(
      fc.property(fc.nat(corpus.length - 1), fc.nat(), fc.uint8Array({ minLength: 1, maxLength: 64 }), (pick, at, bytes) => {
        const src = corpus[pick].src;
        const i = at % (src.length + 1);
        survive(src.slice(0, i) + Buffer.from(bytes).toString('latin1') + src.slice(i));
        runs++;
      }),
      { seed: 7, numRuns: 500 },
    );
    expect(runs).toBe(500);
  }, 300_000);

  const invalid: Record<string, number[]> = {
    'lone continuation bytes': [0x80, 0xbf],
    'truncated 3-byte sequence': [0xe2, 0x82],
    'overlong encoding of /': [0xc0, 0xaf],
    'UTF-16 surrogate encoded in UTF-8': [0xed, 0xa0, 0x80],
    'bytes FE FF': [0xfe, 0xff],
    'beyond U+10FFFF': [0xf4, 0x90, 0x80, 0x80],
    'NUL byte': [0x00],
  };
  for (const [what, bytes] of Object.entries(invalid)) {
    it(what, () => {
      for (const where of ['x = 1\n#', "x = '", 'x', 'def f():\n    ', 'import numpy as np\na = np.ones(3)', '']) {
        const src = new TextDecoder('utf-8').decode(Buffer.concat([Buffer.from(where), Buffer.from(bytes), Buffer.from(" + 1\ny = 'ok'\n")]));
        survive(src);
      }
    });
  }

  it('lone UTF-16 surrogates, BOMs, form feeds, CR line ends and odd whitespace in a JS string', () => {
    for (const odd of ['\ud800', '\udfff', '\ufeff', '\f', '\r', '\r\n', '\v', '\u2028', '\u00a0', '\u200b', '\u0000']) {
      for (const src of [`x = 1${odd}\ny = 2\n`, `${odd}import numpy as np\na = np.ones(${odd}3)\n`, `s = '${odd}'\n`, `def f(${odd}):\n${odd}    return 1\n`]) {
        survive(src);
      }
    }
  });
});
