// The torch shape rules (engine/shape/torch.ts, torchNn.ts) on symbolic dims, as the analyzer
// will call them: a symbol never provably clashes with a number, concrete mismatches still
// give torch's text with the symbol spelled in, and results keep the symbols. Numeric
// behaviour and texts are covered against real torch by torch.test.ts's fixtures.

import { describe, expect, it } from 'vitest';
import { Dim, dimMul, dimText, sym } from '../../engine/shape/dim';
import { ShapeResult } from '../../engine/shape/result';
import {
  torchBroadcastShapes, torchCatShape, torchFlattenShape, torchMatmulPlan, torchStackShape, torchViewShape, wrapDim,
} from '../../engine/shape/torch';
import { conv2dShape, linearShape, maxPool2dShape, nllLossShape } from '../../engine/shape/torchNn';

const B = sym('B'), N = sym('N');
const text = (s: readonly Dim[]) => `[${s.map(dimText).join(', ')}]`;

function check<T>(r: ShapeResult<T>, expected: string, pick: (v: T) => readonly Dim[] = (v) => v as unknown as Dim[]): void {
  const got = r.ok ? text(pick(r.value)) : `${r.error.pyType}: ${r.error.message}`;
  expect(got).toBe(expected);
}

const cases: [string, () => void][] = [
  ['matmul keeps a symbolic batch', () => check(torchMatmulPlan([B, 784], [784, 10]), '[B, 10]', (v) => v.shape)],
  ['matmul mismatch names the symbol', () => check(torchMatmulPlan([B, 784], [128, 10]), 'RuntimeError: mat1 and mat2 shapes cannot be multiplied (Bx784 and 128x10)')],
  ['matmul symbol against number is no alarm', () => check(torchMatmulPlan([B, N], [784, 10]), '[B, 10]', (v) => v.shape)],
  ['matmul folds a symbolic 3-D batch', () => check(torchMatmulPlan([B, 5, 3], [3, 2]), '[B, 5, 2]', (v) => v.shape)],
  ['matmul folded mismatch', () => check(torchMatmulPlan([B, 5, 3], [4, 2]), 'RuntimeError: mat1 and mat2 shapes cannot be multiplied (5*Bx3 and 4x2)')],
  ['bmm batch broadcast with symbols', () => check(torchMatmulPlan([B, 1, 2, 3], [4, 3, 5]), '[B, 4, 2, 5]', (v) => v.shape)],
  ['linear 2-D', () => check(linearShape([B, 784], 784, 128), '[B, 128]', (v) => v.shape)],
  ['linear mismatch', () => check(linearShape([B, 784], 128, 10), 'RuntimeError: mat1 and mat2 shapes cannot be multiplied (Bx784 and 128x10)')],
  ['broadcast symbol with 1', () => check(torchBroadcastShapes([B, 1], [3]), '[B, 3]')],
  ['broadcast symbol with number: no alarm', () => check(torchBroadcastShapes([B, 3], [4, 3]), '[4, 3]')],
  ['broadcast concrete clash', () => check(torchBroadcastShapes([B, 3], [4]), 'RuntimeError: The size of tensor a (3) must match the size of tensor b (4) at non-singleton dimension 1')],
  ['view infers from a symbolic numel', () => check(torchViewShape(dimMul(784, B), [-1, 784]), '[B, 784]')],
  ['view with -1 on unknown numel leaves -1', () => check(torchViewShape(N, [-1, 7]), '[-1, 7]')],
  ['view clash on numbers', () => check(torchViewShape(300, [32, 10]), "RuntimeError: shape '[32, 10]' is invalid for input of size 300")],
  ['flatten keeps a symbolic product', () => check(torchFlattenShape([B, 1, 28, 28], 1, -1), '[B, 784]')],
  ['cat along a symbolic dim', () => check(torchCatShape([[B, 3], [N, 3]], 0), '[B+N, 3]', (v) => v.shape)],
  ['cat concrete clash', () => check(torchCatShape([[B, 3], [B, 4]], 0), 'RuntimeError: Sizes of tensors must match except in dimension 0. Expected size 3 but got size 4 for tensor number 1 in the list.')],
  ['stack equal symbolic shapes', () => check(torchStackShape([[B, 3], [B, 3]], 1), '[B, 2, 3]', (v) => v.shape)],
  ['wrapDim', () => { const r = wrapDim(2, 2); expect(r.ok ? r.value : r.error.message).toBe('Dimension out of range (expected to be in range of [-2, 1], but got 2)'); }],
  ['conv2d with a symbolic batch', () => check(conv2dShape([B, 1, 28, 28], [6, 1, 5, 5], [6], { stride: 1, padding: 0, dilation: 1, groups: 1 }), '[B, 6, 24, 24]', (v) => v.shape)],
  ['conv2d channel clash', () => check(conv2dShape([B, 3, 28, 28], [6, 1, 5, 5], null, { stride: 1, padding: 0, dilation: 1, groups: 1 }),
    'RuntimeError: Given groups=1, weight of size [6, 1, 5, 5], expected input[B, 3, 28, 28] to have 1 channels, but got 3 channels instead')],
  ['max_pool2d with a symbolic batch', () => check(maxPool2dShape([B, 6, 24, 24], { kernelSize: 2, stride: null, padding: 0, dilation: 1, ceilMode: false }), '[B, 6, 12, 12]', (v) => v.shape)],
  ['cross_entropy batch check with symbols', () => check(nllLossShape([B, 10], [B]), '[]', () => [])],
  ['cross_entropy batch clash', () => check(nllLossShape([4, 10], [3]), 'ValueError: Expected input batch_size (4) to match target batch_size (3).', () => [])],
];

describe('torch shape rules on symbolic dims', () => {
  for (const [name, fn] of cases) it(name, fn);
});
