// The shape rules of tile, repeat, diff, pad and the axis-keeping ops (engine/shape/arrayOps.ts,
// padding.ts) against real NumPy 1.24: each case's result shape or exception type and text
// (test/fixtures/array_op_shapes.json, tools/gen_array_op_shape_fixtures.py). Then the
// same rules on symbolic dims, as the analyzer calls them.

import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { axisKeepingShape, diffShape, meshgridShapes, repeatShape, tileShape, triShape } from '../../engine/shape/arrayOps';
import { Dim, dimText, sym } from '../../engine/shape/dim';
import { paddedDims, padPairs } from '../../engine/shape/padding';
import { ShapeResult } from '../../engine/shape/result';

type Arg = number | string | boolean | null | Arg[];
/** `result`: NumPy's result shape (`results`: meshgrid's, one per output); or `error`/`message`: what it raised */
interface Case { op: string; shape: number[]; args: Record<string, Arg>; result?: number[]; results?: number[][]; error?: string; message?: string }

const cases = JSON.parse(readFileSync(new URL('../fixtures/array_op_shapes.json', import.meta.url), 'utf8')) as Case[];

const flat = (v: Arg): number[] => (Array.isArray(v) ? v.flatMap(flat) : [v as number]);
const dims = (v: Arg): number[] => (Array.isArray(v) ? [v.length, ...(v.length ? dims(v[0]) : [])] : []);
const axisOf = (v: Arg | undefined): number | number[] | null => (v === undefined || v === null ? null : Array.isArray(v) ? flat(v) : (v as number));

function rule(c: Case): ShapeResult<Dim[]> {
  const a = c.args;
  switch (c.op) {
    case 'tile': return tileShape(c.shape, typeof a.reps === 'number' ? [a.reps] : flat(a.reps));
    case 'repeat': return repeatShape(c.shape, typeof a.repeats === 'number' ? a.repeats : { counts: flat(a.repeats) }, a.axis as number | null);
    case 'diff': return diffShape(c.shape, a.n as number, a.axis as number);
    case 'cumsum': case 'cumprod': case 'argsort': return axisKeepingShape(c.shape, axisOf(a.axis), true, true);
    case 'sort': return axisKeepingShape(c.shape, axisOf(a.axis), true);
    case 'flip': case 'roll': return axisKeepingShape(c.shape, axisOf(a.axis), false);
    case 'pad': {
      const r = padPairs(dims(a.pad_width), flat(a.pad_width), c.shape.length);
      return r.ok ? { ok: true, value: paddedDims(c.shape, r.value) } : r;
    }
    case 'triu': case 'tril': return triShape(c.shape);
    case 'meshgrid': {
      const r = meshgridShapes(flat(a.sizes), a.indexing as string, a.sparse as boolean);
      return r.ok ? { ok: true, value: r.value.map((s) => sym(`(${s.join(', ')})`)) } : r;
    }
    default: throw new Error(`no rule for ${c.op}`);
  }
}

const text = (r: ShapeResult<Dim[]>): string => (r.ok ? `(${r.value.map(dimText).join(', ')})` : `${r.error.pyType}: ${r.error.message}`);
const expected = (c: Case): string => (c.error ? `${c.error}: ${c.message}`
  : c.results ? `(${c.results.map((s) => `(${s.join(', ')})`).join(', ')})` : `(${(c.result ?? []).join(', ')})`);

describe('array-op shape rules against NumPy 1.24', () => {
  it(`holds ${cases.length} fixture cases`, () => expect(cases.length).toBeGreaterThan(400));
  for (const c of cases) {
    const name = `${c.op} of (${c.shape.join(', ')}) ${JSON.stringify(c.args)}`;
    it(name, () => {
      expect(text(rule(c))).toBe(expected(c));
    });
  }
});

describe('the same rules on symbolic dims', () => {
  const B = sym('B');
  const cases: [string, ShapeResult<Dim[]>, string][] = [
    ['tile keeps a symbol times its rep', tileShape([B, 3], [2, 1]), '(2*B, 3)'],
    ['tile pads reps before a symbolic shape', tileShape([B], [3, 2]), '(3, 2*B)'],
    ['tile with a negative rep on a symbolic shape cannot tell', tileShape([B], [-1]), '(?)'],
    ['repeat along a symbolic axis', repeatShape([B, 3], 2, 0), '(2*B, 3)'],
    ['repeat of the raveled symbolic array', repeatShape([B, 3], 2, null), '(6*B)'],
    ['repeat counts against a symbolic axis: unknown total', repeatShape([B, 3], { counts: [1, 2] }, 0), '(?, 3)'],
    ['diff along a symbolic axis is unknown', diffShape([B, 3], 1, 0), '(?, 3)'],
    ['diff along a known axis keeps the symbol', diffShape([B, 3], 1, -1), '(B, 2)'],
    ['cumsum flattens a symbolic shape', axisKeepingShape([B, 3], null, true), '(3*B)'],
    ['sort checks the axis against the rank', axisKeepingShape([B, 3], 2, true), 'AxisError: axis 2 is out of bounds for array of dimension 2'],
  ];
  for (const [name, r, want] of cases) it(name, () => expect(text(r)).toBe(want));
  it('padding keeps a symbol only where nothing is added', () => {
    expect(paddedDims([B, 28, 28], [[0, 0], [1, 1], [1, 1]]).map(dimText)).toEqual(['B', '30', '30']);
    expect(paddedDims([B, 28], [[1, 0], [0, 0]]).map(dimText)).toEqual(['?', '28']);
  });
});
