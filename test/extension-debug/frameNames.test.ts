// Which names on the visible lines of a paused frame are candidates for inline shapes.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { frameNames } from '../../src/extension/debug/frameNames';

const train = readFileSync(join(__dirname, '..', 'workspace', 'train_debug.py'), 'utf8').split('\n');
const bp = train.findIndex((l) => l.trimEnd().endsWith('# breakpoint'));

/** `line: names` (1-based lines) for the occurrences frameNames reports. */
function byLine(lines: string[], stopped: number, from = 0, to = stopped, max?: number): string[] {
  const { occurrences } = frameNames(lines, stopped, from, to, max);
  const m = new Map<number, string[]>();
  for (const o of occurrences) m.set(o.line, [...(m.get(o.line) ?? []), o.name]);
  return [...m].map(([l, ns]) => `${l + 1}: ${ns.join(' ')}`);
}

describe('frameNames', () => {
  it('inside a function: its parameters and locals, not module lines, calls, attributes or keyword names', () => {
    expect(byLine(train, bp)).toEqual([
      '14: model images labels',
      '15: x images images',
      '16: y labels',
      '17: logits x',
      '18: loss logits y',
      '19: loss',
      '20: grad model',
      '21: probs logits',
      '22: even labels',
      '23: xt images',
      '24: parts xt i i',
      '25: name',
      '26: loss',
    ]);
  });

  it('at module level: module lines only, not the function body or its parameters', () => {
    const stop = train.findIndex((l) => l.startsWith('print('));
    expect(byLine(train, stop)).toEqual([
      '7: rng',
      '8: images rng',
      '9: labels rng',
      '11: model',
      '29: loss model images labels',
    ]);
  });

  it('only the lines asked for (the visible ones)', () => {
    expect(byLine(train, bp, 19, 21)).toEqual(['20: grad model', '21: probs logits', '22: even labels']);
  });

  it('names nearest the stop first, at most max', () => {
    expect(frameNames(train, bp, 0, bp, 3).names).toEqual(['loss', 'name', 'parts']);
  });

  it('skips strings, comments, f-strings, continued brackets and docstrings', () => {
    const src = [
      'def f(a, b):',
      '    """a docstring naming c',
      '    and d"""',
      "    s = 'e f' + a  # g h",
      '    t = np.concatenate([a,',
      '                        b], axis=0)',
      "    u = f'{a}' + rb'x'",
      '    return t',
    ];
    expect(byLine(src, 7)).toEqual(['1: a b', '4: s a', '5: t a', '6: b', '7: u', '8: t']);
  });

  it('a method of a class is its own frame', () => {
    const src = ['class Net:', '    W = 1', '    def forward(self, x):', '        h = x @ self.W', '        return h', 'n = Net()'];
    expect(byLine(src, 4)).toEqual(['3: x', '4: h x', '5: h']);
    expect(byLine(src, 5)).toEqual(['6: n']);
  });
});
