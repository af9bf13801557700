// Incremental analysis must be indistinguishable from a fresh one: random edit sequences over
// the corpus programs, applied through one AnalysisSession (with the edits' ranges, as the
// editor sends them), give after every edit exactly the hints, diagnostics, shapes-at and
// syntax errors that `analyze`/`parse` give for the resulting text.

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { AnalysisSession } from '../../src/analyzer/session';
import { analyze, hintText, shapeJson, type AnalysisResult } from '../../src/analyzer';
import { parse } from '../../src/python/parse';
import { IncrementalEvaluation } from '../../src/analyzer/incremental';

const dir = new URL('./programs/', import.meta.url);
/** State that outlives a statement: an instance changed by a later method call, a walrus in a default. */
const STATEFUL = [
  'import numpy as np',
  'class Acc:',
  '    def __init__(self):',
  '        self.total = np.zeros(3)',
  '    def grow(self):',
  '        self.total = np.zeros((2, 3))',
  'def f(x, k=(w := np.ones(4))):',
  '    return x',
  'a = Acc()',
  'a.grow()',
  't = a.total',
  'u = f(1)',
  'v = w',
  '',
].join('\n');
const programs = [
  ...readdirSync(dir).filter((f) => f.endsWith('.py')).sort().map((f) => ({ name: f, text: readFileSync(new URL(f, dir), 'utf8') })),
  { name: 'stateful', text: STATEFUL },
];

/** Everything a client can read from a result, as plain data. */
function observable(r: AnalysisResult, text: string): string {
  const hints = r.hints.map((h) => ({ line: h.line, range: h.range, name: h.name, text: hintText(h), shape: shapeJson(h.value), dtype: h.value.kind === 'array' ? h.value.dtype : null, origin: h.value.kind === 'array' ? h.value.origin : null }));
  const probes = [0, 0.25, 0.5, 0.75, 1].map((f) => r.shapesAt(Math.floor(f * text.length)).map((h) => `${h.range.from}:${h.name}`));
  return JSON.stringify({ hints, diagnostics: r.diagnostics, probes }, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v));
}

/** Snippets a person types: digits, names, operators, brackets, line breaks, indentation, shapes. */
const SNIPPETS = ['1', '7', '32', 'x', 'X', ' @ ', ' + ', '.T', ', ', '(', ')', '[', ']', ':', '\n', '\n    ', '    ', '#', '# shape: (B, 3)', 'np.zeros((3, 4))', 'return ', 'def g(a):\n    return a\n', ' = ', 'for i in range(3):\n    '];

/** An edit at a fraction `at` of the text: delete `del` characters there, insert `insert`. */
interface Edit { at: number; del: number; insert: string }

const editArb: fc.Arbitrary<Edit> = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  del: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 3 }), fc.integer({ min: 4, max: 40 })),
  insert: fc.oneof(fc.constant(''), fc.constantFrom(...SNIPPETS)),
});

function apply(text: string, e: Edit): { text: string; from: number; to: number } {
  const from = Math.min(text.length, Math.floor(e.at * (text.length + 1)));
  const to = Math.min(text.length, from + e.del);
  return { text: text.slice(0, from) + e.insert + text.slice(to), from, to };
}

describe('incremental analysis equals a fresh analysis', () => {
  it('after random edits to every corpus program', () => {
    fc.assert(
      fc.property(fc.constantFrom(...programs), fc.array(editArb, { minLength: 1, maxLength: 6 }), fc.boolean(), (prog, edits, passRanges) => {
        const s = new AnalysisSession();
        let text = prog.text;
        s.update(text);
        for (const e of edits) {
          const { text: next, from, to } = apply(text, e);
          const r = s.update(next, passRanges ? [{ from, to, insert: e.insert }] : undefined);
          text = next;
          expect(observable(r.analysis, text)).toBe(observable(analyze(text), text));
          expect(JSON.stringify(r.syntaxErrors)).toBe(JSON.stringify(parse(text).errors));
        }
      }),
      { numRuns: 200, seed: 20261125 },
    );
  }, 120_000);

  it('undoes what a later statement did to an earlier instance', () => {
    const s = new AnalysisSession();
    s.update(STATEFUL);
    const edited = STATEFUL.replace('a.grow()', 'pass');
    const r = s.update(edited);
    expect(r.analysis.hints.filter((h) => h.name === 't').map(hintText)).toEqual(['(3,) float64']);
    expect(observable(r.analysis, edited)).toBe(observable(analyze(edited), edited));
  });

  it('moves everything a replayed diagnostic points at', () => {
    const text = 'import numpy as np\nk = 1\na = np.zeros((2, 3))\nb = np.zeros((4, 5))\nc = a @ b\n';
    const s = new AnalysisSession();
    s.update(text);
    const edited = text.replace('k = 1', 'k = 100');
    const r = s.update(edited, [{ from: text.indexOf('1'), to: text.indexOf('1') + 1, insert: '100' }]);
    expect(r.analysis.diagnostics.map((d) => d.related.map((x) => edited.slice(x.range.from, x.range.to)))).toEqual([['a = np.zeros((2, 3))', 'b = np.zeros((4, 5))']]);
    expect(observable(r.analysis, edited)).toBe(observable(analyze(edited), edited));
  });

  it('replays a moved function definition and the calls of it', () => {
    const text = 'import numpy as np\nk = 1\ndef f(x):\n    h = x @ np.ones((3, 2))\n    return h\ny = f(np.zeros((4, 3)))\nz = f(np.zeros((5, 4)))\n';
    const inc = new IncrementalEvaluation();
    inc.run(parse(text).module, text);
    const edited = text.replace('k = 1', 'k = 100');
    const r = inc.run(parse(edited).module, edited);
    expect([inc.rerun, inc.replayed]).toEqual([4, 3]);
    const fresh = analyze(edited);
    expect(observable({ ...r, shapesAt: (o) => r.hints.filter((h) => h.range.from <= o && o <= h.range.to) }, edited)).toBe(observable(fresh, edited));
    expect(r.hints.find((h) => h.name === 'h')?.range.from).toBe(edited.indexOf('h = x'));
    expect(r.diagnostics.map((d) => [d.code, edited.slice(d.range.from, d.range.to)])).toEqual([['shape-matmul', 'x @ np.ones((3, 2))']]);
    // a changed body is a different function: its callers run again
    const body = edited.replace('np.ones((3, 2))', 'np.ones((4, 7))');
    const r2 = inc.run(parse(body).module, body);
    expect(r2.hints.filter((h) => h.name === 'z').map(hintText)).toEqual(['(5, 7) float64']);
    expect(observable({ ...r2, shapesAt: () => [] }, body)).toBe(observable({ ...analyze(body), shapesAt: () => [] }, body));
  });

  it('resumes at the edited statement instead of re-running the module', () => {
    // the check above cannot see whether work was reused: this one can fail if nothing is
    const text = ['import numpy as np', ...Array.from({ length: 20 }, (_, i) => `a${i} = np.zeros((${i + 1}, 3))`), 'b = a3 @ np.ones(3)'].join('\n');
    const inc = new IncrementalEvaluation();
    inc.run(parse(text).module, text);
    expect(inc.rerun).toBe(22);
    const edited = text.replace('a18 = np.zeros((19, 3))', 'a18 = np.zeros((19, 4))');
    inc.run(parse(edited).module, edited);
    expect(inc.rerun).toBe(3);
    // a19 and b did not change and read nothing that did: replayed, not run
    expect(inc.replayed).toBe(2);
    // a longer literal moves b along its line: still replayed; a3 changing makes b run again
    const longer = edited.replace('a19 = np.zeros((20, 3))', 'a19 = np.zeros((200, 3))');
    inc.run(parse(longer).module, longer);
    expect([inc.rerun, inc.replayed]).toEqual([2, 1]);
    const a3 = longer.replace('a3 = np.zeros((4, 3))', 'a3 = np.zeros((4, 2))');
    const r = inc.run(parse(a3).module, a3);
    expect(inc.replayed).toBe(16);
    expect(r.diagnostics.map((d) => d.code)).toEqual(['shape-matmul']);
  });

  it('replays the statements after a statement typed on an empty line, or deleted from one', () => {
    const lines = ['import numpy as np', ...Array.from({ length: 20 }, (_, i) => `a${i} = np.zeros((${i + 1}, 3))`), 'b = a3 @ np.ones(3)'];
    const text = [...lines.slice(0, 10), '', ...lines.slice(10)].join('\n');
    const session = new AnalysisSession();
    const inc = (session as unknown as { evaluation: IncrementalEvaluation }).evaluation;
    session.update(text);
    // typing `w` and then `w = 1` on the empty line: one more statement, the same lines
    let prev = text;
    for (const typed of ['w', 'w = 1']) {
      const at = text.indexOf('\n\n') + 1;
      const next = text.slice(0, at) + typed + text.slice(at);
      const r = session.update(next, [{ from: at, to: at + (prev.length - text.length), insert: typed }]);
      expect(observable(r.analysis, next)).toBe(observable(analyze(next), next));
      // w runs; a9…a19 and b are the last run's statements one index later, replayed
      expect([inc.rerun, inc.replayed]).toEqual([13, 12]);
      prev = next;
    }
    // and deleting it again
    const r = session.update(text, [{ from: text.indexOf('\n\n') + 1, to: text.indexOf('\n\n') + 6, insert: '' }]);
    expect(observable(r.analysis, text)).toBe(observable(analyze(text), text));
    expect([inc.rerun, inc.replayed]).toEqual([12, 12]);
  });
});
