// Incremental parsing reuses the previous conversion of unchanged top-level statements (as is
// before the edit, with moved ranges after it) and must still equal a fresh parse exactly:
// the same tree (offsets, lines and columns included) and the same syntax errors, after random edits.

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { parse } from '../../src/python/parse';
import { dump } from '../../src/python/dump';

const dir = new URL('./corpus/', import.meta.url);
const sources = readdirSync(dir).filter((f) => f.endsWith('.py')).sort().map((f) => readFileSync(new URL(f, dir), 'utf8'));

/** The whole tree as text, offsets included (the dump shows lines and columns only). */
function exact(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) => (typeof x === 'bigint' ? `${x}n` : x instanceof Uint8Array ? [...x] : x));
}

const SNIPPETS = ['1', 'x', 'return 1\n', 'break\n', 'yield 2\n', ' + ', '(', ')', '[', ':', '\n', '\n    ', '    ', '#', '"', '"""', '\\', 'def f():\n', 'else:', '\r\n', ' = '];

describe('incremental parse with reused statements', () => {
  it('equals a fresh parse after random edits', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...sources),
        fc.array(fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), del: fc.integer({ min: 0, max: 6 }), insert: fc.oneof(fc.constant(''), fc.constantFrom(...SNIPPETS)) }), { minLength: 1, maxLength: 4 }),
        (src, edits) => {
          let text = src;
          let prev = parse(text);
          for (const e of edits) {
            const from = Math.min(text.length, Math.floor(e.at * (text.length + 1)));
            const to = Math.min(text.length, from + e.del);
            const next = text.slice(0, from) + e.insert + text.slice(to);
            const inc = parse(next, { tree: prev.tree, edits: [{ from, to, insert: e.insert }] });
            const fresh = parse(next);
            expect(dump(inc.module)).toBe(dump(fresh.module));
            expect(exact(inc.module)).toBe(exact(fresh.module));
            expect(inc.errors).toEqual(fresh.errors);
            text = next;
            prev = inc;
          }
        },
      ),
      { numRuns: 100, seed: 7 },
    );
  }, 120_000);

  it('parses afresh when lezer reuse nests a column-0 statement in a block', () => {
    // found by typing test/e2e/suite/stress.e2e.ts's program: after `return` at the end of a
    // function, completing it and typing `class` made lezer put `class Net0` (line 9) inside
    // the first function's body
    // test/e2e/suite/stress.e2e.ts's blocks, k = 0..4
    const block = (k: number): string[] => {
      const d = 3 + (k % 5), n = 16 + 4 * (k % 3);
      return [
        `def layer_${k}(x, w, b):`, '    """affine + relu"""', '    return np.maximum(x @ w + b, 0.0)', '',
        `class Net${k}(nn.Module):`, '    def __init__(self):', '        super().__init__()', `        self.fc = nn.Linear(${d}, 2)`, '',
        '    def forward(self, x):', '        return torch.relu(self.fc(x))', '',
        `X_${k} = np.random.randn(${n}, ${d})`, `W_${k} = np.random.randn(${d}, ${d}) * 0.1`, `b_${k} = np.zeros(${d})`,
        `H_${k} = layer_${k}(X_${k}, W_${k}, b_${k})`, `mu_${k}, sd_${k} = H_${k}.mean(axis=0), H_${k}.std(axis=0)`,
        `Z_${k} = (H_${k} - mu_${k}) / (sd_${k} + 1e-5)  # normalise`, `labels_${k} = np.arange(${n}) % ${d}`, `onehot_${k} = np.eye(${d})[labels_${k}]`,
        `for i in range(0, ${n}, 4):`, `    xb = Z_${k}[i:i + 4]`, `    yb = onehot_${k}[i:i + 4]`, '    err = ((xb - yb) ** 2).sum(axis=1, keepdims=True)',
        `t_${k} = torch.from_numpy(Z_${k}).float()`, `out_${k} = Net${k}()(t_${k})`, `logits_${k} = out_${k}.reshape(-1, 2)`,
        `print(logits_${k}.shape, {"k": ${k}, "s": [1, 2, (3, 4)]})`, '',
      ];
    };
    const prev = ['import numpy as np', 'import torch', 'import torch.nn as nn', '', ...[0, 1, 2, 3, 4].flatMap(block), 'def layer_5(x, w, b):', '    """affine + relu"""', '    return'].join('\n');
    const next = `${prev} np.maximum(x @ w + b, 0.0)\n\nclass`;
    const inc = parse(next, { tree: parse(prev).tree, edits: [{ from: prev.length, to: prev.length, insert: next.slice(prev.length) }] });
    expect(exact(inc.module)).toBe(exact(parse(next).module));
  });

  it('keeps the statements before an edit and moves those after it', () => {
    const lines = Array.from({ length: 40 }, (_, i) => `x${i} = f(${i}, "s")  # c`);
    const text = lines.join('\n') + '\n';
    const first = parse(text);
    const at = text.indexOf('x20 = f(20') + 'x20 = f('.length;
    // one more character and one more line in statement 20
    const next = text.slice(0, at) + '1,\n' + text.slice(at);
    const second = parse(next, { tree: first.tree, edits: [{ from: at, to: at, insert: '1,\n' }] });
    const before = second.module.body.slice(0, 20);
    expect(before.every((s, i) => s === first.module.body[i])).toBe(true);
    expect(second.module.body[20]).not.toBe(first.module.body[20]);
    const after = second.module.body[30]!;
    expect(after.range.line).toBe(first.module.body[30]!.range.line + 1);
    expect(after.range.from).toBe(first.module.body[30]!.range.from + 3);
    expect(dump(second.module)).toBe(dump(parse(next).module));
  });
});
