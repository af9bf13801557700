// Analyzer soundness against real runs: for every corpus program that runs clean under CPython +
// NumPy 1.24 + torch 1.13, test/fixtures/runtime_shapes.json (tools/gen_runtime_shapes.py) holds
// the shape and dtype each assignment really took. Every array hint the analyzer gives must be
// consistent with what ran there: same rank when the rank is stated, every concrete dim equal,
// a symbol equal to itself wherever it recurs in one shape (`≤4` at most 4, `2|5` one of them),
// the dtype equal when stated, numpy vs torch right. Unknown (rank or dim) is always fine. The
// analyzer must report no diagnostic on these programs, except where the run raised that very
// error (type and text) on that line and caught it (`try: … except ValueError`). Hints on lines
// that never ran (or on names the tool does not record) are counted, not checked.

import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { analyze, hintText } from '../../src/analyzer';
import type { Hint } from '../../src/analyzer';
import { dimText, sym } from '../../engine/shape/dim';
import type { Dim } from '../../engine/shape/dim';

interface Observed { kind: 'ndarray' | 'tensor' | 'npscalar' | 'other'; shape?: number[]; dtype?: string; type?: string }
interface Raised { type: string; message: string }
/** program → `LINE:name` → values seen there; `!LINE` → exceptions raised (and caught) there */
const runtime = JSON.parse(readFileSync(new URL('../fixtures/runtime_shapes.json', import.meta.url), 'utf8')) as
  Record<string, Record<string, Observed[]>>;

/** Unsound results known today, asserted exactly so that a fix or a new one shows up (none now). */
const KNOWN_UNSOUND: string[] = [];

export interface Tally {
  hints: number; checked: number; unobserved: number; unknownRank: number;
  concreteDims: number; symbolicDims: number; unknownDims: number; dtypes: number;
}

/** Why `h` cannot describe `o`, or null when it can; counts what was compared into `t`. */
export function inconsistency(h: Hint, o: Observed, t: Tally): string | null {
  const v = h.value;
  if (v.kind !== 'array') return null;
  if (o.kind === 'other') return `runtime value is a ${o.type}, not an array`;
  const lib = o.kind === 'tensor' ? 'torch' : 'numpy';
  if (v.lib !== lib) return `runtime value is a ${o.kind}`;
  if (v.dtype !== null) {
    if (v.dtype !== o.dtype) return `runtime dtype ${o.dtype}`;
    t.dtypes++;
  }
  if (v.shape === null) { t.unknownRank++; return null; }
  const shape = o.shape ?? [];
  if (v.shape.length !== shape.length) return `runtime shape (${shape.join(', ')})`;
  const bound = new Map<string, number>();
  for (let i = 0; i < shape.length; i++) {
    const d = v.shape[i];
    if (typeof d === 'number') {
      if (d !== shape[i]) return `runtime shape (${shape.join(', ')}): dim ${i} is ${shape[i]}`;
      t.concreteDims++;
    } else if (dimText(d) === '?') {
      t.unknownDims++;
    } else {
      const s = dimText(d);
      // `≤4`: at most 4 (a last, shorter batch); `2|5`: one of the joined values
      const upper = /^≤(\d+)$/.exec(s);
      if (upper && shape[i] > Number(upper[1])) return `runtime shape (${shape.join(', ')}): dim ${i} is ${shape[i]}, not ${s}`;
      if (/^\d+(\|\d+)+$/.test(s) && !s.split('|').map(Number).includes(shape[i])) return `runtime shape (${shape.join(', ')}): dim ${i} is ${shape[i]}, not ${s}`;
      const was = bound.get(s);
      if (was !== undefined && was !== shape[i]) return `runtime shape (${shape.join(', ')}): ${s} is both ${was} and ${shape[i]}`;
      bound.set(s, shape[i]);
      t.symbolicDims++;
    }
  }
  return null;
}

describe('analyzer soundness on programs that run clean', () => {
  const total: Tally = { hints: 0, checked: 0, unobserved: 0, unknownRank: 0, concreteDims: 0, symbolicDims: 0, unknownDims: 0, dtypes: 0 };
  const programs = Object.keys(runtime).sort();
  it(`${programs.length} programs: every array hint agrees with the real run, and no diagnostics`, () => {
    const problems: string[] = [];
    let caught = 0;
    let silent = 0; // assignments that made an array at run time but got no array hint
    for (const prog of programs) {
      const src = readFileSync(new URL(`../../${prog}`, import.meta.url), 'utf8');
      const result = analyze(src);
      for (const d of result.diagnostics) {
        const raised = (runtime[prog][`!${d.range.line}`] ?? []) as unknown as Raised[];
        if (raised.some((r) => r.message === d.runtimeMessage && r.type === d.pyType)) caught++;
        else problems.push(`${prog}:${d.range.line}: ${d.pyType} ${d.code} on a program that runs clean: ${d.runtimeMessage}`);
      }
      const byKey = new Map<string, Hint[]>();
      for (const h of result.hints) {
        if (h.value.kind !== 'array') continue;
        const key = `${h.line}:${h.name}`;
        byKey.set(key, [...(byKey.get(key) ?? []), h]);
      }
      for (const [key, seen] of Object.entries(runtime[prog])) {
        if (!key.startsWith('!') && !byKey.has(key) && seen.some((o) => o.kind !== 'other')) silent++;
      }
      for (const [key, hints] of byKey) {
        total.hints += hints.length;
        const seen = runtime[prog][key];
        if (!seen || key.startsWith('!')) { total.unobserved += hints.length; continue; }
        // a line analysed in several contexts (a function per call site) has several hints: each
        // runtime value must fit one of them, and each hint must fit some runtime value
        for (const o of seen) {
          const why = hints.map((h) => inconsistency(h, o, { ...total }));
          if (why.every((w) => w !== null)) problems.push(`${prog}:${key}: analyzer says ${hints.map(hintText).join(' | ')}, but ${why[0]}`);
        }
        for (const h of hints) {
          const t = { ...total };
          const fits = seen.some((o) => inconsistency(h, o, t) === null);
          if (!fits) continue; // reported above
          // count once per hint, against its first fitting observation
          const o = seen.find((x) => inconsistency(h, x, { ...total }) === null) as Observed;
          inconsistency(h, o, total);
          total.checked++;
        }
      }
    }
    console.log(`soundness: ${JSON.stringify(total)}; diagnostics of errors the run raised and caught: ${caught}; runtime arrays without a hint: ${silent}`);
    expect(problems).toEqual(KNOWN_UNSOUND);
    // guards against a vacuous pass (an analyzer that says nothing agrees with everything)
    expect(total.checked).toBeGreaterThan(350);
    expect(total.concreteDims).toBeGreaterThan(500);
  });
});

describe('the consistency rule itself', () => {
  const t = (): Tally => ({ hints: 0, checked: 0, unobserved: 0, unknownRank: 0, concreteDims: 0, symbolicDims: 0, unknownDims: 0, dtypes: 0 });
  const hint = (shape: readonly Dim[] | null, dtype: 'float64' | null = null, lib: 'numpy' | 'torch' = 'numpy'): Hint =>
    ({ line: 1, name: 'x', range: HERE, value: { kind: 'array', lib, shape, dtype, origin: null } });
  const HERE = { from: 0, to: 0, line: 1, col: 0, endLine: 1, endCol: 0 };
  const nd = (shape: number[], dtype = 'float64'): Observed => ({ kind: 'ndarray', shape, dtype });
  it('rejects a wrong concrete dim, rank, dtype, library or non-array', () => {
    expect(inconsistency(hint([2, 3]), nd([2, 4]), t())).toMatch(/dim 1 is 4/);
    expect(inconsistency(hint([2, 3]), nd([2, 3, 1]), t())).toMatch(/runtime shape/);
    expect(inconsistency(hint([2], 'float64'), nd([2], 'int64'), t())).toMatch(/dtype int64/);
    expect(inconsistency(hint([2], null, 'torch'), nd([2]), t())).toMatch(/ndarray/);
    expect(inconsistency(hint([2]), { kind: 'other', type: 'list' }, t())).toMatch(/list/);
  });
  it('accepts unknown rank, and a symbol only if it is the same number wherever it recurs', () => {
    expect(inconsistency(hint(null), nd([5, 5]), t())).toBeNull();
    const n = sym('n');
    expect(inconsistency(hint([n, n]), nd([4, 4]), t())).toBeNull();
    expect(inconsistency(hint([n, n]), nd([4, 5]), t())).toMatch(/n is both 4 and 5/);
    expect(inconsistency(hint([sym('≤4')]), nd([3]), t())).toBeNull();
    expect(inconsistency(hint([sym('≤4')]), nd([5]), t())).toMatch(/not ≤4/);
    expect(inconsistency(hint([sym('2|5')]), nd([5]), t())).toBeNull();
    expect(inconsistency(hint([sym('2|5')]), nd([3]), t())).toMatch(/not 2\|5/);
  });
});
