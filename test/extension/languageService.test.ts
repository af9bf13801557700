// The analysis worker's service (src/extension/languageService.ts) answers what the analyzer
// found, for the text the host last sent, whether that text came whole or as edits.
import { describe, expect, it } from 'vitest';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { LanguageService, selectHints } from '../../src/extension/languageService';
import { applyEdits } from '../../src/python/parse';
import { analyze, hintText } from '../../src/analyzer';
import { joinCells } from '../../src/extension/notebook';
import { EXPLAIN_COMMAND } from '../../src/extension/explainLink';
import { instrument, selectionProgram } from '../../src/extension/instrument';
import type { DiagnosticItem, HintItem, HoverItem, LanguageRequest } from '../../src/extension/languageProtocol';
import { stressProgram, typingUnits } from '../reliability/stressProgram';

const BUGS = fs.readFileSync(path.join(__dirname, '../workspace/bugs.py'), 'utf8');
const HINTS = fs.readFileSync(path.join(__dirname, '../workspace/hints.py'), 'utf8');

function ask<T>(s: LanguageService, req: LanguageRequest): T {
  return s.handle(req).value as T;
}

/** The labels the service shows for a whole text, in order. */
function labels(s: LanguageService, key: string, length: number): string[] {
  return ask<HintItem[]>(s, { op: 'hints', key, from: 0, to: length, mode: 'all' }).map((h) => `${h.end}:${h.label}`);
}

/** The same, straight from the analyzer (one label per statement, names when it assigns several). */
function analyzerLabels(text: string): string[] {
  const byEnd = new Map<number, { name: string; text: string }[]>();
  for (const { hint, text: t } of selectHints(analyze(text).hints, 'all')) {
    byEnd.set(hint.range.to, [...(byEnd.get(hint.range.to) ?? []), { name: hint.name, text: t }]);
  }
  return [...byEnd].map(([end, l]) => `${end}:${l.length === 1 ? l[0].text : l.map((x) => `${x.name}: ${x.text}`).join(', ')}`);
}

describe('LanguageService', () => {
  it('answers hints and diagnostics of the synced text, as the analyzer finds them', () => {
    const s = new LanguageService();
    s.handle({ op: 'sync', key: 'a', version: 1, text: BUGS });
    const got = labels(s, 'a', BUGS.length);
    expect(got.length).toBeGreaterThan(3);
    expect(got).toEqual(analyzerLabels(BUGS));
    const diags = ask<DiagnosticItem[]>(s, { op: 'diagnostics', key: 'a' });
    const want = analyze(BUGS).diagnostics;
    expect(diags.map((d) => [d.from, d.to, d.code, d.message])).toEqual(want.map((d) => [d.range.from, d.range.to, d.code, d.message]));
    expect(diags.some((d) => d.fix)).toBe(want.some((d) => d.fix));
  });

  it('answers only the hints ending in the range asked for', () => {
    const s = new LanguageService();
    s.handle({ op: 'sync', key: 'a', version: 1, text: HINTS });
    const all = ask<HintItem[]>(s, { op: 'hints', key: 'a', from: 0, to: HINTS.length, mode: 'all' });
    const mid = Math.floor(HINTS.length / 2);
    const some = ask<HintItem[]>(s, { op: 'hints', key: 'a', from: 0, to: mid, mode: 'all' });
    expect(some.length).toBeGreaterThan(0);
    expect(some).toEqual(all.filter((h) => h.end <= mid));
  });

  /**
   * Types `program` into a new service unit by unit, each change sent as `change` makes it;
   * asks for diagnostics now and then, so that some analyses see one edit and some several.
   * Then its hints must be those of a fresh analysis of the program.
   */
  function expectTypedLikeFresh(change: (text: string, at: number, tok: string, i: number, version: number) => LanguageRequest): void {
    const program = stressProgram(40);
    const s = new LanguageService();
    let text = '';
    let version = 0;
    s.handle({ op: 'sync', key: 'typed', version: ++version, text });
    for (const [i, tok] of typingUnits(program).entries()) {
      const at = text.length;
      text += tok;
      s.handle(change(text, at, tok, i, ++version));
      if (i % 7 === 0) s.handle({ op: 'diagnostics', key: 'typed' });
    }
    expect(text).toBe(program);
    expect(s.handle({ op: 'hints', key: 'typed', from: 0, to: text.length, mode: 'all' }).version).toBe(version);
    expect(labels(s, 'typed', text.length)).toEqual(analyzerLabels(program));
  }

  it('after typing a program edit by edit, answers what a fresh analysis of the final text does', () => {
    expectTypedLikeFresh((text, at, tok, _i, version) => ({ op: 'sync', key: 'typed', version, text, edits: [{ from: at, to: at, insert: tok }] }));
  });

  it('typed as edits alone (no text), keeps its own copy of the text and answers as for the final text', () => {
    expectTypedLikeFresh((text, at, tok, i, version) => ({
      op: 'edit', key: 'typed', version, length: text.length,
      // now and then a word typed over (a replacing edit), as with a completion
      edits: i % 11 === 5 && at >= 3 ? [{ from: at - 3, to: at, insert: text.slice(at - 3) }] : [{ from: at, to: at, insert: tok }],
    }));
  });

  it('drops its copy when an edit does not fit it (a gap in versions, a wrong length), so the host sends the text', () => {
    const s = new LanguageService();
    s.handle({ op: 'sync', key: 'a', version: 1, text: 'x = 1\n' });
    // version 2 never came
    s.handle({ op: 'edit', key: 'a', version: 3, edits: [{ from: 0, to: 0, insert: '#' }], length: 7 });
    expect(s.handle({ op: 'hints', key: 'a', from: 0, to: 7, mode: 'all' })).toEqual({ version: -1, value: null });
    s.handle({ op: 'sync', key: 'b', version: 1, text: 'x = 1\n' });
    s.handle({ op: 'edit', key: 'b', version: 2, edits: [{ from: 0, to: 0, insert: '#' }], length: 99 });
    expect(s.handle({ op: 'diagnostics', key: 'b' })).toEqual({ version: -1, value: null });
    // an edit past the end
    s.handle({ op: 'sync', key: 'c', version: 1, text: 'x = 1\n' });
    s.handle({ op: 'edit', key: 'c', version: 2, edits: [{ from: 10, to: 12, insert: '' }], length: 6 });
    expect(s.handle({ op: 'diagnostics', key: 'c' }).version).toBe(-1);
  });

  it('applies one change event\'s edits as ranges of the text before it, in whichever order they come', () => {
    // two cursors: VS Code lists the later range first
    expect(applyEdits('a = 1\nb = 2\n', [{ from: 10, to: 11, insert: '20' }, { from: 4, to: 5, insert: '10' }])).toBe('a = 10\nb = 20\n');
    expect(applyEdits('abc', [{ from: 0, to: 3, insert: '' }])).toBe('');
    expect(applyEdits('abc', [{ from: 1, to: 3, insert: 'x' }, { from: 2, to: 2, insert: 'y' }])).toBeUndefined();
  });

  it('reports the analysis time only for a request that analysed', () => {
    const s = new LanguageService();
    s.handle({ op: 'sync', key: 'a', version: 1, text: BUGS });
    expect(s.handle({ op: 'hints', key: 'a', from: 0, to: 10, mode: 'all' }).analysisMs).toBeGreaterThanOrEqual(0);
    expect(s.handle({ op: 'diagnostics', key: 'a' }).analysisMs).toBeUndefined();
    s.handle({ op: 'sync', key: 'a', version: 2, text: `${BUGS}x = 1\n`, edits: [{ from: BUGS.length, to: BUGS.length, insert: 'x = 1\n' }] });
    expect(s.handle({ op: 'diagnostics', key: 'a' }).analysisMs).toBeGreaterThanOrEqual(0);
  });

  it('answers nothing for a program it does not have (never synced, or forgotten)', () => {
    const s = new LanguageService();
    expect(s.handle({ op: 'hints', key: 'nope', from: 0, to: 10, mode: 'all' })).toEqual({ version: -1, value: null });
    s.handle({ op: 'sync', key: 'a', version: 3, text: BUGS });
    s.handle({ op: 'forget', key: 'a' });
    expect(s.handle({ op: 'diagnostics', key: 'a' }).value).toBeNull();
  });

  it('labels lines of a notebook program by cell', () => {
    const cells = ['import numpy as np\nx = np.zeros((2, 3))', 'y = x.T'];
    const program = joinCells(cells);
    const s = new LanguageService();
    s.handle({ op: 'sync', key: 'nb', version: 'v1', text: program.text, notebook: { starts: program.starts, lengths: program.lengths } });
    const hints = ask<HintItem[]>(s, { op: 'hints', key: 'nb', from: 0, to: program.text.length, mode: 'all' });
    const y = hints.find((h) => h.end > program.starts[1]);
    const yHint = analyze(program.text).hints.find((h) => h.name === 'y')!;
    expect(y?.label).toBe(hintText(yHint));
    // tooltips come apart, when the editor resolves a hint
    expect(hints.every((h) => !('tooltip' in h))).toBe(true);
    const tooltip = (end: number) => ask<string | null>(s, { op: 'hintTooltip', key: 'nb', end, mode: 'all' });
    expect(tooltip(y!.end)).toContain('assigned at cell 2, line 1');
    expect(tooltip(y!.end)).toContain('made at cell 2, line 1: `x.T`');
    expect(tooltip(hints.find((h) => h.end < program.starts[1])!.end)).toContain('assigned at cell 1, line 2');
    // no hint ends there: no tooltip
    expect(tooltip(y!.end - 1)).toBeNull();
  });

  it('hovers an operator with its operands\' alignment and the diagram link, and an assignment target with its hint', () => {
    const s = new LanguageService();
    s.handle({ op: 'sync', key: 'a', version: 1, text: BUGS });
    const plus = BUGS.indexOf('A + v') + 2;
    const op = ask<HoverItem>(s, { op: 'hover', key: 'a', offset: plus, uri: 'file:///bugs.py' });
    expect(op.markdown).toContain('broadcast  A + v');
    expect(op.markdown).toContain('operands could not be broadcast together');
    expect(op.commands).toEqual([EXPLAIN_COMMAND]);
    expect([op.from, op.to]).toEqual([plus, plus + 1]);

    const at = BUGS.indexOf('m = np.zeros');
    const target = ask<HoverItem>(s, { op: 'hover', key: 'a', offset: at, uri: 'file:///bugs.py', word: { from: at, to: at + 1, text: 'm' } });
    const mHint = analyze(BUGS).hints.find((h) => h.name === 'm')!;
    expect(target.markdown).toContain(`\`m\`: **\`${hintText(mHint)}\`**`);
    expect(target.markdown).toContain('command:shapeLens.inspectArray?');
    expect(target.commands).toEqual(['shapeLens.inspectArray']);
    expect([target.from, target.to]).toEqual([at, at + 1]);
  });

  it('instruments scratch evaluation\'s program, whole or the selected lines', () => {
    const s = new LanguageService();
    expect(s.handle({ op: 'instrument', text: BUGS }).value).toEqual(instrument(BUGS));
    const sel = s.handle({ op: 'instrument', text: BUGS, selection: { fromLine: 3, toLine: 5 } }).value;
    expect(sel).toEqual(instrument(selectionProgram(BUGS, 3, 5), 3, 5));
    expect((sel as ReturnType<typeof instrument>).snapshots.map((x) => x.line)).toEqual([3, 4, 5]);
  });
});
