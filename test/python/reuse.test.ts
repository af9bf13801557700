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
