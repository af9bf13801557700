// Reductions, argmax/argmin and boolean-mask get/set on strided views (reversed, sliced,
// transposed), against NumPy 1.24's answers in test/fixtures/view_reductions.json (written by
// tools/gen_view_reduction_fixtures.py). The float data has widely varying exponents, so a sum
// taken in another order than NumPy's (pairwise blocks, 8192-element buffered chunks across row
// ends, outer-axis order) differs in the last bits: results are compared bit for bit, with
// dtype and shape. Inputs are rebuilt from the generator's xorshift formulas; probes prove it.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { allocate, DType } from '../../engine/core/dtype';
import { cStrides, NDArray } from '../../engine/core/ndarray';
import { PyTuple } from '../../engine/core/pyvalues';
import * as pycall from '../../engine/pycall';
import { applyView, compareOutcome, DataItem, dtypeOf, Expected, Json, Outcome } from './fixtureCodec';

type Kind = 'wide' | 'near1' | 'ties' | 'tiesnan' | 'ints' | 'mask';
interface InputSpec { kind: Kind; seed: number; shape: number[]; dtype: string; probes: [number, DataItem][] }
type ViewStep = { index: (number | null)[][] } | { transpose: number[] };
type Mask = { cmp: '>' | '<'; value: number } | { input: string; seed: number; shape: number[] };
type SetValue = number | { input: string; kind: Kind; seed: number; shape: number[]; dtype: string };
interface CaseBase { id: string; input: string; view: ViewStep[]; expected: Expected }
type Case =
  | CaseBase & { call: 'method'; method: string; axis: number | number[] | null; kwargs: Record<string, number> }
  | CaseBase & { call: 'getmask'; mask: Mask }
  | CaseBase & { call: 'setmask'; mask: Mask; value: SetValue };

const fixture = JSON.parse(readFileSync(new URL('../fixtures/view_reductions.json', import.meta.url), 'utf8')) as {
  numpy: string; inputs: Record<string, InputSpec>; cases: Case[];
};

// ---- inputs: the generator's formulas, step for step ---------------------------------------

function* xorshift(seed: number): Generator<number, never> {
  let s = seed >>> 0;
  for (;;) {
    s = (s ^ (s << 13)) >>> 0;
    s = (s ^ (s >>> 17)) >>> 0;
    s = (s ^ (s << 5)) >>> 0;
    yield s;
  }
}

function values(kind: Kind, seed: number, n: number): Float64Array {
  const r = xorshift(seed);
  const next = (): number => r.next().value;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    switch (kind) {
      case 'wide': {
        const a = next(), b = next(), c = next();
        const mant = (a >>> 5) * 67108864 + (b >>> 6);
        out[i] = (c & 1 ? -1 : 1) * mant * 2 ** (((c >>> 1) % 40) - 20 - 53);
        break;
      }
      case 'near1': {
        const a = next(), b = next();
        out[i] = 1 + (b & 1 ? -1 : 1) * a * 2 ** -38;
        break;
      }
      case 'ties': out[i] = next() % 7; break;
      case 'tiesnan': { const a = next(); out[i] = a % 50 === 0 ? NaN : (a >>> 8) % 7; break; }
      case 'ints': out[i] = (next() % 11) - 5; break;
      case 'mask': out[i] = next() % 3 === 0 ? 1 : 0; break;
    }
  }
  return out;
}

/** A fresh C-contiguous array (NumPy's `values(...).astype(dtype).reshape(shape)`). */
function build(kind: Kind, seed: number, shape: readonly number[], dtype: DType): NDArray {
  const n = shape.reduce((p, d) => p * d, 1);
  const v = values(kind, seed, n);
  const data = allocate(dtype, n);
  for (let i = 0; i < n; i++) data[i] = dtype === 'bool' ? (v[i] !== 0 ? 1 : 0) : v[i];
  return new NDArray(data, dtype, [...shape], cStrides(shape), 0);
}

function input(name: string): NDArray {
  const spec = fixture.inputs[name];
  if (spec === undefined) throw new Error(`fixture: no input ${name}`);
  return build(spec.kind, spec.seed, spec.shape, dtypeOf(spec.dtype));
}

/** Views are built from strides here, not by the engine's getItem/transpose under test. */
function view(a: NDArray, steps: readonly ViewStep[]): NDArray {
  let v = a;
  for (const step of steps) {
    if ('transpose' in step) {
      const p = step.transpose;
      v = v.view(p.map((k) => v.shape[k]), p.map((k) => v.strides[k]), v.offset);
    } else {
      v = applyView(v, { tuple: step.index.map((s): Json => ({ slice: s })) });
    }
  }
  return v;
}

function mask(m: Mask, v: NDArray): NDArray {
  if ('input' in m) return build('mask', m.seed, m.shape, 'bool');
  const vals = v.toArray();
  const data = allocate('bool', vals.length);
  vals.forEach((x, i) => { data[i] = (m.cmp === '>' ? x > m.value : x < m.value) ? 1 : 0; });
  return new NDArray(data, 'bool', [...v.shape], cStrides(v.shape), 0);
}

// ---- running a case -------------------------------------------------------------------------

function run(c: Case): unknown {
  if (c.call === 'method') {
    const kwargs: Record<string, unknown> = { ...c.kwargs };
    kwargs.axis = Array.isArray(c.axis) ? new PyTuple(c.axis) : c.axis;
    return pycall.callMethod(view(input(c.input), c.view), c.method, [], kwargs);
  }
  if (c.call === 'getmask') {
    const v = view(input(c.input), c.view);
    return pycall.getItem(v, mask(c.mask, v));
  }
  const base = input(c.input);
  const v = view(base, c.view);
  const value = typeof c.value === 'number' ? c.value : build(c.value.kind, c.value.seed, c.value.shape, dtypeOf(c.value.dtype));
  pycall.setItem(v, mask(c.mask, v), value);
  return base;
}

function check(c: Case): void {
  let outcome: Outcome;
  try {
    outcome = { ok: true, value: run(c) };
  } catch (e) {
    throw new Error(`${c.id}: NumPy answered, the engine threw ${String(e)}`);
  }
  expect(compareOutcome(c.expected, outcome).join('\n')).toBe('');
}

describe('view reduction fixtures: inputs rebuild exactly', () => {
  it('come from NumPy 1.24', () => expect(fixture.numpy).toMatch(/^1\.24\./));
  for (const [name, spec] of Object.entries(fixture.inputs)) {
    it(name, () => {
      const got = input(name).toArray();
      const bad = spec.probes.filter(([i, want]) => !Object.is(got[i], want === 'nan' ? NaN : want));
      expect(bad).toEqual([]);
    });
  }
});

describe('NumPy 1.24 on views: reductions, argmax/argmin, boolean masks', () => {
  for (const c of fixture.cases) it(c.id, () => check(c));
});
