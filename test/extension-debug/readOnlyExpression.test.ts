// Which expressions Shape Lens sends to a paused program: names, attributes and subscripts only.
import { describe, expect, it } from 'vitest';
import { isIdentifier, readOnlyProblem } from '../../src/extension/debug/readOnlyExpression';

const READ_ONLY = [
  'x', ' images ', 'model.fc.weight', 'batch[0]', 'batch[0, :, ::2]', "d['images']", 'd["k"][3]', 'xs[i]', 'xs[-1]', 'x[1:-1]',
  'x[...]', 'x[..., 0]', 'x[None]', 'x[:, None]', 'a.b[2].c', 'x[i:j:2]', 'self.W', 'données', 'x[ 1 : 2 ]', 'x[0,]',
];
const NOT_READ_ONLY: [string, RegExp][] = [
  ['x.numpy()', /no calls/],
  ['f(x)', /no calls/],
  ['x + 1', /no calls or operators/],
  ['x = 1', /no calls or operators/],
  ['x[f()]', /no calls/],
  ['x[a + 1]', /no calls/],
  ['lambda: 0', /no calls/],
  ['[y for y in x]', /no calls/],
  ['import os', /no calls/],
  ['x; y', /no calls/],
  ['x[0', /no calls/],
  ['x.', /no calls/],
  ['1', /no calls/],
  ["d['a\\'b']", /no calls/],
  ['', /empty/],
  ['x'.repeat(201), /longer than 200/],
];

describe('readOnlyProblem', () => {
  for (const e of READ_ONLY) it(`accepts ${e.trim()}`, () => expect(readOnlyProblem(e)).toBeUndefined());
  for (const [e, why] of NOT_READ_ONLY) it(`refuses ${e.slice(0, 30)}`, () => expect(readOnlyProblem(e)).toMatch(why));
});

describe('isIdentifier', () => {
  it('names, not keywords or groups', () => {
    expect(['x', '_y2', 'données'].map(isIdentifier)).toEqual([true, true, true]);
    expect(['class', 'special variables', '2x', 'a.b', ''].map(isIdentifier)).toEqual([false, false, false, false, false]);
  });
});
