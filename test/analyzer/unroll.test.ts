// Loop unrolling (src/analyzer/unroll.ts): which loops run their body once per item, and the
// bounds that keep the rest on the fixpoint. The shapes unrolled loops give are held to real runs
// by programs/ok_loop_unroll.py (corpus.test.ts, and soundness.test.ts through
// test/fixtures/runtime_shapes.json); here, the choices themselves.

import { describe, expect, it } from 'vitest';
import { parse } from '../../src/python/parse';
import type * as ast from '../../src/python/ast';
import { analyze, hintText } from '../../src/analyzer';
import { AnalysisSession } from '../../src/analyzer/session';
import { mutatesIterated, unrollable } from '../../src/analyzer/unroll';

function firstFor(src: string): ast.For {
  const s = parse(src).module.body.find((x) => x.kind === 'For');
  if (!s || s.kind !== 'For') throw new Error('no for loop');
  return s;
}

const hintOn = (src: string, line: number, name: string): string | null => {
  const h = analyze(src).hints.filter((x) => x.line === line && x.name === name);
  return h.length ? hintText(h[h.length - 1]) : null;
};

describe('which for loops unroll', () => {
  it('a body that runs to its end over items it does not change', () => {
    expect(unrollable(firstFor('for l in layers:\n    x = l(x)\n'))).toBe(true);
    // a nested loop's break is its own; a nested function's too
    expect(unrollable(firstFor('for l in layers:\n    for k in l:\n        break\n    def f():\n        return 1\n'))).toBe(true);
  });
  it('not when an iteration may end early', () => {
    expect(unrollable(firstFor('for l in layers:\n    if c:\n        break\n    x = l(x)\n'))).toBe(false);
    expect(unrollable(firstFor('for l in layers:\n    if c:\n        continue\n    x = l(x)\n'))).toBe(false);
    // the else of a nested loop belongs to the outer one
    expect(unrollable(firstFor('for l in layers:\n    for k in l:\n        pass\n    else:\n        break\n'))).toBe(false);
  });
  it('not when the body changes what is iterated, directly or through enumerate', () => {
    for (const body of ['layers.append(l)', 'layers[0] = l', 'layers += [l]', 'del layers[0]']) {
      expect(mutatesIterated(firstFor(`for l in layers:\n    ${body}\n`))).toBe(true);
      expect(unrollable(firstFor(`for i, l in enumerate(layers):\n    ${body}\n`))).toBe(false);
    }
    expect(mutatesIterated(firstFor('for l in self.layers:\n    self.layers.append(l)\n'))).toBe(true);
    expect(mutatesIterated(firstFor('for l in layers:\n    other.append(l)\n'))).toBe(false);
  });
});

describe('unrolled loops in the analysis', () => {
  const ones = (n: number): string => `(${Array.from({ length: n }, () => '1').join(', ')},)`;
  const grow = (n: number): string => `import numpy as np\nx = np.ones(1)\nfor k in ${ones(n)}:\n    x = np.concatenate([x, np.ones(k)])\ny = x\n`;
  // a concrete length after the loop (the items followed one by one) vs a joined one
  const CONCRETE = /^\(\d+,\) float64$/;
  it('follow each item up to the limit, and keep the fixpoint beyond it', () => {
    expect(hintOn(grow(32), 5, 'y')).toMatch(CONCRETE);
    expect(hintOn(grow(33), 5, 'y')).not.toMatch(CONCRETE);
  });
  it('nested unrolled loops stay within the work bound', () => {
    const nested = (outer: number, inner: number): string => [
      'import numpy as np',
      'x = np.ones(1)',
      `for a in ${ones(outer)}:`,
      `    for b in ${ones(inner)}:`,
      '        x = np.concatenate([x, np.ones(b)])',
      'y = x',
    ].join('\n');
    expect(hintOn(nested(16, 8), 6, 'y')).toMatch(CONCRETE);
    // 32 × 5 iterations is past the bound: the inner loop keeps its fixpoint
    expect(hintOn(nested(32, 5), 6, 'y')).not.toMatch(CONCRETE);
  });
  it('`self.layers.append` makes a ModuleList of unknown length (its loop is not unrolled)', () => {
    const src = [
      'import torch',
      'import torch.nn as nn',
      'class Net(nn.Module):',
      '    def __init__(self):',
      '        super().__init__()',
      '        self.layers = nn.ModuleList([nn.Linear(4, 4)])',
      '        self.layers.append(nn.Linear(4, 2))',
      '    def forward(self, x):',
      '        for layer in self.layers:',
      '            x = layer(x)',
      '        return x',
      'y = Net()(torch.zeros(3, 4))',
    ].join('\n');
    // one Linear(4, 4) would say (3, 4); the run gives (3, 2)
    expect(hintOn(src, 12, 'y')).not.toBe('(3, 4) torch.float32');
  });
  it('incremental analysis of an unrolled loop equals a fresh one after an edit', () => {
    const before = 'import torch\nimport torch.nn as nn\nlayers = [nn.Linear(8, 4), nn.ReLU()]\nx = torch.zeros(2, 8)\nfor l in layers:\n    x = l(x)\ny = x\n';
    const after = before.replace('nn.Linear(8, 4)', 'nn.Linear(8, 6)');
    const s = new AnalysisSession();
    s.update(before);
    const at = before.indexOf('nn.Linear(8, 4)') + 'nn.Linear(8, '.length;
    const r = s.update(after, [{ from: at, to: at + 1, insert: '6' }]);
    const summary = (x: ReturnType<typeof analyze>): string[] => x.hints.map((h) => `${h.line} ${h.name} ${hintText(h)}`);
    expect(summary(r.analysis)).toEqual(summary(analyze(after)));
    expect(summary(r.analysis)).toContain('7 y (2, 6) torch.float32');
  });
});
