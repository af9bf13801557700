// After a clean parse, an edit between two top-level statements' line starts reparses only that
// stretch (src/python/regionReparse.ts). The result must equal a fresh parse of the whole text
// exactly — offsets, lines, columns and errors — including when the stretch cannot be read alone
// and the full parse takes over, and for full parses that follow region reparses.

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { parse, reparsedRegion, type ParseResult } from '../../src/python/parse';
import { dump } from '../../src/python/dump';

const dir = new URL('./corpus/', import.meta.url);
const sources = readdirSync(dir).filter((f) => f.endsWith('.py')).sort().map((f) => readFileSync(new URL(f, dir), 'utf8'));

function exact(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) => (typeof x === 'bigint' ? `${x}n` : x instanceof Uint8Array ? [...x] : x));
}

/** Parses `next` incrementally from `prev` and checks it against a fresh parse. */
function step(prev: ParseResult, text: string, from: number, to: number, insert: string): { result: ParseResult; text: string; region: boolean; clean: boolean } {
  const next = text.slice(0, from) + insert + text.slice(to);
  const inc = parse(next, { tree: prev.tree, edits: [{ from, to, insert }] });
  const fresh = parse(next);
  expect(exact(inc.module), `after editing ${JSON.stringify(text.slice(Math.max(0, from - 30), to + 30))} with ${JSON.stringify(insert)}`).toBe(exact(fresh.module));
  expect(inc.errors).toEqual(fresh.errors);
  return { result: inc, text: next, region: reparsedRegion(inc.tree) !== undefined, clean: prev.errors.length === 0 && fresh.errors.length === 0 };
}

// mostly edits that keep a file clean (what typing does between keystrokes that break it), and
// some that break it or join it to its neighbours
const LINE_INSERTS = ['y = 1\n', 'z = np.zeros((3, 4))\n', '\n', '# note\n', '@dec\ndef g():\n    return 1\n', 'if x:\n    pass\n', '    y = 2\n', 'else:\n    pass\n', 'a = (1,\n', 'b = 1; c = 2\n', 'x = 1 + \\\n', 'from __future__ import annotations\n', 'return 3\n', 'x = 1\r\n', '"""doc\nstring"""\n'];
const IN_LINE = ['7', 'x', ' ', '0.5', ', 2', '(', ')', ':', '#', '\\', '"', '\n', '\n    ', ';', '; q = 1'];

describe('region reparse', () => {
  it('equals a fresh parse after random edits, and takes the short path for most clean edits', () => {
    let cleanEdits = 0, regions = 0;
    fc.assert(
      fc.property(
        fc.constantFrom(...sources),
        fc.array(
          fc.oneof(
            fc.record({ kind: fc.constant('line' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), del: fc.boolean(), insert: fc.constantFrom(...LINE_INSERTS) }),
            fc.record({ kind: fc.constant('char' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), del: fc.integer({ min: 0, max: 3 }), insert: fc.constantFrom('', ...IN_LINE) }),
          ),
          { minLength: 1, maxLength: 6 },
        ),
        (src, steps) => {
          let text = src;
          let prev = parse(text);
          for (const e of steps) {
            let from: number, to: number;
            const insert = e.insert;
            if (e.kind === 'line') {
              // at a line start; optionally replacing that line
              const lineStarts = [0, ...[...text.matchAll(/\n/g)].map((m) => m.index! + 1)];
              from = lineStarts[Math.min(lineStarts.length - 1, Math.floor(e.at * lineStarts.length))]!;
              const nl = text.indexOf('\n', from);
              to = e.del ? (nl < 0 ? text.length : nl + 1) : from;
            } else {
              from = Math.min(text.length, Math.floor(e.at * (text.length + 1)));
              to = Math.min(text.length, from + e.del);
            }
            const s = step(prev, text, from, to, insert);
            if (s.clean) cleanEdits++;
            if (s.region) regions++;
            text = s.text;
            prev = s.result;
          }
        },
      ),
      { numRuns: 300, seed: 11 },
    );
    // the short path must really be exercised (a fall back to the full parse would pass the equality)
    expect(cleanEdits).toBeGreaterThan(100);
    expect(regions).toBeGreaterThan(cleanEdits * 0.9);
  }, 300_000);

  it('equals a fresh parse while typing at the end of a file, through its broken states', () => {
    let broken = 0;
    fc.assert(
      fc.property(
        fc.constantFrom(...sources),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.array(fc.record({ size: fc.integer({ min: 1, max: 7 }), back: fc.integer({ min: 0, max: 3 }), typo: fc.constantFrom('', '(', ')', ':', '\n', '\n    ', ' else', '"', '\n\n    y = (', '\nelse:', '\nif x:\n    pass\n\n    y = (', '\nif x:\n    pass\nelse', '\ntry:\n    pass\nexcept') }), { minLength: 5, maxLength: 40 }),
        (src, split, steps) => {
          const lineStarts = [0, ...[...src.matchAll(/\n/g)].map((m) => m.index! + 1)];
          let typed = lineStarts[Math.floor(split * lineStarts.length)] ?? 0;
          let text = src.slice(0, typed);
          let prev = parse(text);
          for (const st of steps) {
            // a typo, typed and then deleted; then the file's next characters; sometimes backspaces
            if (st.typo) {
              // typed in two edits, its lines first, so that a stretch can begin at its last line
              const nl = st.typo.lastIndexOf('\n') + 1;
              let s = step(prev, text, text.length, text.length, st.typo.slice(0, nl));
              if (nl < st.typo.length) s = step(s.result, s.text, s.text.length, s.text.length, st.typo.slice(nl));
              s = step(s.result, s.text, text.length, text.length + st.typo.length, '');
              prev = s.result;
            }
            const chunk = src.slice(typed, typed + st.size);
            if (chunk === '') break;
            let s = step(prev, text, text.length, text.length, chunk);
            if (s.region && s.result.errors.length > 0) broken++;
            typed += chunk.length;
            if (st.back > 0) {
              const cut = Math.min(st.back, s.text.length);
              s = step(s.result, s.text, s.text.length - cut, s.text.length, '');
              typed -= cut;
            }
            text = s.text;
            prev = s.result;
          }
        },
      ),
      { numRuns: 150, seed: 5 },
    );
    // broken states were settled by the stretch alone, not only by the full parse
    expect(broken).toBeGreaterThan(50);
  }, 300_000);

  it('reparses only the edited statement when typing at the end of a long file', () => {
    const lines = Array.from({ length: 300 }, (_, i) => `x${i} = np.zeros((${i % 7 + 1}, 4))`);
    let text = `import numpy as np\n${lines.join('\n')}\nz = np.zeros((3, 4))`;
    let prev = parse(text);
    for (const ch of ['5', '', '5', ')']) {
      const at = text.lastIndexOf('4');
      const s = ch === '' ? step(prev, text, at + 1, at + 2, '') : step(prev, text, at + 1, at + 1, ch);
      const region = reparsedRegion(s.result.tree);
      // `z = np.zeros((3, 4)))` is a syntax error, settled by the stretch too: it runs to the end
      expect(region).toEqual({ from: s.text.lastIndexOf('z = '), to: s.text.length });
      if (ch === ')') expect(s.result.errors.map((e) => e.message)).toEqual(["unmatched ')'"]);
      text = s.text;
      prev = s.result;
    }
  });

  it('falls back where the stretch cannot be read alone', () => {
    const text = 'def f(x):\n    return x\n\ny = f(1)\nif y:\n    pass\n\nw = 2\n';
    const prev = parse(text);
    // an indented line after the function continues its body
    const at = text.indexOf('y = f');
    let s = step(prev, text, at, at, '    z = x + 1\n');
    expect(reparsedRegion(s.result.tree)).toBeUndefined();
    // an else after the if joins it
    const at2 = text.indexOf('w = 2');
    s = step(prev, text, at2, at2, 'else:\n    pass\n');
    expect(reparsedRegion(s.result.tree)).toBeUndefined();
    // a backslash at the end of a statement's line continues it onto the next
    const at3 = text.indexOf('\nif y');
    s = step(prev, text, at3, at3, ' + \\');
    expect(reparsedRegion(s.result.tree)).toBeUndefined();
    // decorators belong to the definition after them: the stretch starts at the decorator
    const deco = '@dec\ndef g():\n    return 1\n';
    const t2 = `a = 1\n${deco}b = 2\n`;
    const p2 = parse(t2);
    s = step(p2, t2, t2.indexOf('return 1') + 7, t2.indexOf('return 1') + 8, '2');
    expect(reparsedRegion(s.result.tree)).toEqual({ from: t2.indexOf('@dec'), to: t2.indexOf('b = 2') });
  });

  it('a full parse after region reparses diffs against the last full parse', () => {
    let text = 'a = 1\nb = 2\nc = 3\n';
    let prev = parse(text);
    let s = step(prev, text, 4, 5, '9'); // region
    expect(reparsedRegion(s.result.tree)).toBeDefined();
    s = step(s.result, s.text, 10, 11, '8'); // region again
    expect(reparsedRegion(s.result.tree)).toBeDefined();
    // a broken edit: the full parse, whose edits are relative to the last text, not the full one
    s = step(s.result, s.text, 0, 0, '(');
    expect(reparsedRegion(s.result.tree)).toBeUndefined();
    s = step(s.result, s.text, 0, 1, '');
    text = s.text;
    prev = s.result;
    expect(dump(prev.module)).toBe(dump(parse('a = 9\nb = 8\nc = 3\n').module));
  });
});
