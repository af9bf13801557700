// The incremental session must give exactly what a fresh analysis gives, edit after edit,
// including through a half-typed line (a syntax error keeps the rest of the file analysed).

import { describe, expect, it } from 'vitest';
import { AnalysisSession } from '../../src/analyzer/session';
import { analyze, hintText } from '../../src/analyzer';

const base = [
  'import numpy as np',
  'X = np.zeros((32, 784))',
  'W = np.zeros((784, 10))',
  'out = X @ W',
  'b = np.zeros(10)',
  'y = out + b',
].join('\n');

function summary(r: ReturnType<typeof analyze>): string[] {
  return [...r.hints.map((h) => `${h.line} ${h.name} ${hintText(h)}`), ...r.diagnostics.map((d) => `${d.range.line} ${d.code}`)];
}

describe('incremental analysis session', () => {
  it('matches a fresh analysis after each edit, through a half-typed line', () => {
    const s = new AnalysisSession();
    let text = base;
    expect(summary(s.update(text).analysis)).toEqual(summary(analyze(text)));
    const steps: [string, string][] = [
      ['W = np.zeros((784, 10))', 'W = np.zeros((78'],
      ['W = np.zeros((78', 'W = np.zeros((784, 5))'],
      ['b = np.zeros(10)', 'b = np.zeros(5)'],
    ];
    for (const [from, to] of steps) {
      const at = text.indexOf(from);
      const edits = [{ from: at, to: at + from.length, insert: to }];
      text = text.slice(0, at) + to + text.slice(at + from.length);
      const r = s.update(text, edits);
      expect(summary(r.analysis)).toEqual(summary(analyze(text)));
    }
    // the final program is consistent again: (32, 5) + (5,)
    const last = s.update(text).analysis;
    expect(last.diagnostics).toEqual([]);
    expect(last.hints.map(hintText)).toContain('(32, 5) float64');
  });

  it('keeps hints for the statements around a syntax error', () => {
    const s = new AnalysisSession();
    const r = s.update(base.replace('out = X @ W', 'out = X @'));
    expect(r.syntaxErrors.length).toBeGreaterThan(0);
    expect(r.analysis.hints.find((h) => h.name === 'b')).toBeDefined();
    expect(r.analysis.hints.find((h) => h.name === 'X')?.line).toBe(2);
  });
});
