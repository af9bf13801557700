// Laws the engine must obey for any input (fast-check): broadcasting commutes, reshape
// round-trips, transposing by a permutation and its inverse is the identity, views write
// through to their base, and integer reductions over an axis tuple equal nested reductions.

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as np from '../../engine';
import { NDArray } from '../../engine/core/ndarray';
import { broadcastShapes } from '../../engine/shape/broadcast';
import { getItem, setItem } from '../../engine/pycall';
import { Slice, PyTuple } from '../../engine/core/pyvalues';

const dim = fc.integer({ min: 0, max: 4 });
const shapeArb = fc.array(dim, { minLength: 0, maxLength: 4 });
/** A shape and a second one broadcast-compatible with it (some dims set to 1 or dropped). */
const compatiblePair = shapeArb.chain((s) =>
  fc.tuple(fc.constant(s), fc.array(fc.boolean(), { minLength: s.length, maxLength: s.length }), fc.integer({ min: 0, max: s.length }))
    .map(([a, ones, drop]) => [a, a.map((d, i) => (ones[i] ? 1 : d)).slice(drop)] as const));

function filled(shape: readonly number[], seed: number): NDArray {
  const a = np.zeros(shape, 'int64');
  for (let i = 0; i < a.size; i++) a.data[i] = ((i * 7919 + seed * 104729) % 201) - 100;
  return a;
}

const sameArray = (x: NDArray, y: NDArray) => {
  expect(y.dtype).toBe(x.dtype);
  expect([...y.shape]).toEqual([...x.shape]);
  expect(y.toArray()).toEqual(x.toArray());
};

describe('engine laws', () => {
  it('broadcasting commutes: shapes and values of a + b and b + a agree', () => {
    fc.assert(fc.property(compatiblePair, fc.nat(50), ([sa, sb], seed) => {
      const ab = broadcastShapes(sa, sb), ba = broadcastShapes(sb, sa);
      expect(ab).toEqual(ba);
      const a = filled(sa, seed), b = filled(sb, seed + 1);
      sameArray(np.ufunc('add', a, b), np.ufunc('add', b, a));
    }));
  });

  it('incompatible shapes fail both ways with NumPy-style text', () => {
    fc.assert(fc.property(fc.integer({ min: 2, max: 5 }), fc.integer({ min: 2, max: 5 }), (m, n) => {
      fc.pre(m !== n);
      const r1 = broadcastShapes([3, m], [n]), r2 = broadcastShapes([n], [3, m]);
      expect(r1.ok).toBe(false);
      expect(r2.ok).toBe(false);
      if (!r1.ok) expect(r1.error.message).toBe(`operands could not be broadcast together with shapes (3,${m}) (${n},) `);
    }));
  });

  it('reshape round-trips, including through non-contiguous views', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 4 }), fc.boolean(), (shape, viaT) => {
      let x = filled(shape, 3);
      if (viaT) x = np.transpose(x);
      const flat = np.reshape(x, [-1]);
      sameArray(np.reshape(flat, [...x.shape]), np.copy(x));
    }));
  });

  it('transpose by a permutation then its inverse is the identity (and .T twice)', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 4 }).chain((s) =>
      fc.tuple(fc.constant(s), fc.shuffledSubarray(s.map((_, i) => i), { minLength: s.length, maxLength: s.length }))), ([shape, perm]) => {
      const x = filled(shape, 5);
      const inv = perm.map((_, i) => perm.indexOf(i));
      sameArray(np.transpose(np.transpose(x, perm), inv), x);
      sameArray(np.transpose(np.transpose(x)), x);
    }));
  });

  it('views write through to the base (slices of slices)', () => {
    fc.assert(fc.property(fc.integer({ min: 2, max: 6 }), fc.integer({ min: 2, max: 6 }), fc.integer({ min: 1, max: 3 }), (r, c, step) => {
      const base = filled([r, c], 1);
      const view = getItem(base, new PyTuple([new Slice(null, null, step), new Slice(1, null, null)])) as NDArray;
      const inner = getItem(view, new PyTuple([new Slice(null, null, -1)])) as NDArray;
      setItem(inner, new PyTuple([]), 999);
      for (let i = 0; i < r; i++) for (let j = 0; j < c; j++) {
        const inView = i % step === 0 && j >= 1;
        expect(base.at([i, j]) === 999).toBe(inView);
      }
      expect(view.base).toBe(base);
      expect(inner.base).toBe(base);
    }));
  });

  it('integer sum over an axis tuple equals summing one axis at a time', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 2, maxLength: 4 }), (shape) => {
      const x = filled(shape, 7);
      const both = np.sum(x, { axis: [0, 1] });
      const nested = np.sum(np.sum(x, { axis: 1 }), { axis: 0 });
      sameArray(both, nested);
    }));
  });
});
