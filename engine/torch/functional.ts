// torch.nn.functional: relu, sigmoid, tanh, softmax/log_softmax (with torch's implicit-dim
// rule), linear (addmm for 2-D input, else matmul + bias), conv2d (a direct loop, groups,
// stride, padding incl. 'same'/'valid', dilation), max_pool2d, cross_entropy and nll_loss
// (class-index targets with weight/ignore_index/reduction, or class-probability targets),
// mse_loss, one_hot, dropout. Shape rules and their texts: engine/shape/torchNn.ts; the
// arithmetic runs in double and is stored in the input's dtype.

import { allocateFloat64, DType } from '../core/dtype';
import { emptyArray, NDArray } from '../core/ndarray';
import { astype } from '../core/cast';
import { NumpyError } from '../core/errors';
import { unwrap } from '../shape/result';
import { torchBroadcastAll, wrapDim } from '../shape/torch';
import { conv2dShape, linearShape, maxPool2dShape, nllLossShape } from '../shape/torchNn';
import { broadcastTo } from '../ops/manipulation';
import { isFloatDType, torchDType } from './dtype';
import { result } from './autograd';
import { binary, runtimeError, unary } from './elementwise';
import { bernoulliMask } from './creation';
import { matmul } from './linalg';
import { reshape, tMethod } from './shapeOps';
import { mean, sum } from './reduce';
import { Tensor } from './tensor';

const valueError = (m: string): NumpyError => new NumpyError('ValueError', m);

export const relu = (t: Tensor): Tensor => unary('relu', t);

/** torch's `_get_softmax_dim` for a missing dim (deprecated but still used): 0 for 0-, 1-, 3-D. */
export function implicitSoftmaxDim(ndim: number): number {
  return ndim === 0 || ndim === 1 || ndim === 3 ? 0 : 1;
}

/** Runs `fn(values, n)` over every lane along `dim` (values in double, results stored in `out`). */
function alongDim(x: NDArray, out: NDArray, dim: number, fn: (v: Float64Array) => void): void {
  const n = x.ndim === 0 ? 1 : x.shape[dim];
  const st = x.ndim === 0 ? 0 : x.strides[dim], ost = out.ndim === 0 ? 0 : out.strides[dim];
  const outer = x.shape.map((_, i) => i).filter((i) => i !== dim);
  const buf = new Float64Array(n);
  const idx = new Array<number>(outer.length).fill(0);
  const total = outer.reduce((p, i) => p * x.shape[i], 1);
  for (let k = 0; k < total; k++) {
    let xo = x.offset, oo = out.offset;
    outer.forEach((d, j) => { xo += idx[j] * x.strides[d]; oo += idx[j] * out.strides[d]; });
    for (let i = 0; i < n; i++) buf[i] = x.data[xo + i * st];
    fn(buf);
    for (let i = 0; i < n; i++) out.data[oo + i * ost] = buf[i];
    for (let j = outer.length - 1; j >= 0; j--) {
      if (++idx[j] < x.shape[outer[j]]) break;
      idx[j] = 0;
    }
  }
}

function softmaxLike(t: Tensor, dim: number | null, dtype: DType | undefined, log: boolean): Tensor {
  const d = unwrap(wrapDim(dim ?? implicitSoftmaxDim(t.ndim), t.ndim));
  let x = t.arr;
  if (dtype !== undefined && dtype !== x.dtype) x = astype(x, dtype);
  if (!isFloatDType(x.dtype)) {
    const last = t.ndim === 0 || d === t.ndim - 1;
    const name = `${log ? 'log_softmax' : 'softmax'}_${last ? 'lastdim_' : ''}kernel_impl`;
    throw runtimeError(`"${name}" not implemented for '${torchDType(x.dtype).scalarTypeName}'`);
  }
  const out = emptyArray(x.shape, x.dtype);
  if (x.size > 0) {
    alongDim(x, out, d, (v) => {
      let mx = -Infinity;
      for (const a of v) if (a > mx || a !== a) mx = a;
      let s = 0;
      for (let i = 0; i < v.length; i++) s += Math.exp(v[i] - mx);
      const ls = Math.log(s);
      for (let i = 0; i < v.length; i++) v[i] = log ? v[i] - mx - ls : Math.exp(v[i] - mx) / s;
    });
  }
  return result(out, [t], log ? 'LogSoftmaxBackward0' : 'SoftmaxBackward0');
}

/** `F.softmax(input, dim=None, dtype=None)`. */
export const softmax = (t: Tensor, dim: number | null, dtype?: DType): Tensor => softmaxLike(t, dim, dtype, false);
/** `F.log_softmax(input, dim=None, dtype=None)`. */
export const logSoftmax = (t: Tensor, dim: number | null, dtype?: DType): Tensor => softmaxLike(t, dim, dtype, true);

// ---- linear --------------------------------------------------------------------------------

/**
 * `F.linear(input, weight (out, in), bias=None)` = input @ weight.T + bias.
 *   (64, 784) with weight (10, 128) → "mat1 and mat2 shapes cannot be multiplied (64x784 and 128x10)"
 */
export function linear(input: Tensor, weight: Tensor, bias: Tensor | null): Tensor {
  const addmm = bias !== null && (input.ndim === 2 || (input.ndim === 3 && input.isContiguous));
  if (addmm) {
    if (input.dtype !== weight.dtype) throw runtimeError('mat1 and mat2 must have the same dtype');
    const inShape = input.ndim === 3 ? [input.shape[0] * input.shape[1], input.shape[2]] : input.shape;
    unwrap(linearShape(inShape, weight.shape[1], weight.shape[0], true));
    const flat = input.ndim === 3 ? reshape(input, inShape) : input;
    const prod = matmul(flat, tMethod(weight));
    const sum = binary('add', prod, bias as Tensor);
    if (input.ndim === 3) {
      const out = reshape(sum, [input.shape[0], input.shape[1], weight.shape[0]]);
      return result(out.arr, [input, weight, bias], 'ViewBackward0');
    }
    return result(sum.arr, [input, weight, bias], 'AddmmBackward0');
  }
  const prod = matmul(input, tMethod(weight));
  if (bias === null) return prod;
  const sum = binary('add', prod, bias);
  return result(sum.arr, [input, weight, bias], 'AddBackward0');
}

// ---- conv2d / max_pool2d -------------------------------------------------------------------

export interface Conv2dOptions {
  stride: number | readonly number[];
  padding: number | readonly number[] | 'same' | 'valid';
  dilation: number | readonly number[];
  groups: number;
}

const pair = (x: number | readonly number[]): [number, number] => (typeof x === 'number' ? [x, x] : [x[0], x[x.length > 1 ? 1 : 0]]);

/**
 * `F.conv2d(input (N, C, H, W) or (C, H, W), weight (O, C/groups, kH, kW), bias=None, …)`.
 *   (1, 3, 32, 32) with weight (6, 3, 5, 5) → (1, 6, 28, 28)
 */
export function conv2d(input: Tensor, weight: Tensor, bias: Tensor | null, o: Conv2dOptions): Tensor {
  if (input.ndim !== 3 && input.ndim !== 4) unwrap(conv2dShape(input.shape, weight.shape, null, { stride: 1, padding: 0, dilation: 1, groups: 1 }));
  if (bias !== null && bias.dtype !== input.dtype) {
    throw runtimeError(`Input type (${torchDType(input.dtype).cName}) and bias type (${torchDType(bias.dtype).cName}) should be the same`);
  }
  const [dh, dw] = pair(o.dilation);
  const [sh, sw] = pair(o.stride);
  // 'same' pads (k-1)*d in total, the extra one at the end when odd (ATen pads the input)
  let padTop: number, padLeft: number, padBottom: number, padRight: number;
  if (o.padding === 'valid') { padTop = padLeft = padBottom = padRight = 0; } else if (o.padding === 'same') {
    if (sh !== 1 || sw !== 1) throw valueError("padding='same' is not supported for strided convolutions");
    const th = dh * (weight.shape[2] - 1), tw = dw * (weight.shape[3] - 1);
    padTop = Math.floor(th / 2); padBottom = th - padTop; padLeft = Math.floor(tw / 2); padRight = tw - padLeft;
  } else {
    [padTop, padLeft] = pair(o.padding);
    padBottom = padTop; padRight = padLeft;
  }
  const symPad: [number, number] = [Math.min(padTop, padBottom), Math.min(padLeft, padRight)];
  const padded = (padBottom !== padTop || padRight !== padLeft) ? [input.shape[input.ndim - 2] + padBottom - padTop, input.shape[input.ndim - 1] + padRight - padLeft] : null;
  const inShape = padded ? [...input.shape.slice(0, -2), ...padded] : input.shape;
  const plan = unwrap(conv2dShape(inShape, weight.shape, bias ? bias.shape : null, { stride: [sh, sw], padding: symPad, dilation: [dh, dw], groups: o.groups }));
  if (weight.dtype !== input.dtype) {
    throw runtimeError(`expected scalar type ${torchDType(input.dtype).scalarTypeName} but found ${torchDType(weight.dtype).scalarTypeName}`);
  }
  if (!isFloatDType(input.dtype)) throw runtimeError(`"slow_conv2d_cpu" not implemented for '${torchDType(input.dtype).scalarTypeName}'`);
  const x = input.ndim === 4 ? input.arr : input.arr.view([1, ...input.shape], [0, ...input.arr.strides], input.arr.offset);
  const outShape = (plan.batched ? plan.shape : [1, ...plan.shape]) as number[];
  const out = emptyArray(outShape, input.dtype);
  const [N, , H, W] = x.shape;
  const [O, Cg, KH, KW] = weight.shape;
  const [, , OH, OW] = outShape;
  const g = o.groups, Og = O / g;
  const bd = bias?.arr;
  // im2col per image and group (rows: one (c, ky, kx) tap, columns: output pixels), then a
  // row-major product whose inner loop runs along a whole column row (long, contiguous).
  const P = OH * OW, K = Cg * KH * KW;
  const col = allocateFloat64(K * P);
  const wt = Float64Array.from(weight.arr.toArray());
  const acc = new Float64Array(P);
  const xs = x.strides;
  for (let n = 0; n < N; n++) {
    for (let grp = 0; grp < g; grp++) {
      let r = 0;
      for (let c = 0; c < Cg; c++) {
        const base = x.offset + n * xs[0] + (grp * Cg + c) * xs[1];
        for (let ky = 0; ky < KH; ky++) {
          for (let kx = 0; kx < KW; kx++, r++) {
            let q = r * P;
            for (let oy = 0; oy < OH; oy++) {
              const iy = oy * sh - padTop + ky * dh;
              if (iy < 0 || iy >= H) { col.fill(0, q, q + OW); q += OW; continue; }
              const rowBase = base + iy * xs[2];
              for (let ox = 0; ox < OW; ox++) {
                const ix = ox * sw - padLeft + kx * dw;
                col[q++] = ix >= 0 && ix < W ? x.data[rowBase + ix * xs[3]] : 0;
              }
            }
          }
        }
      }
      for (let oc = grp * Og; oc < (grp + 1) * Og; oc++) {
        acc.fill(bd ? bd.data[bd.offset + oc * bd.strides[0]] : 0);
        const wrow = oc * K;
        for (let k = 0; k < K; k++) {
          const wv = wt[wrow + k];
          if (wv === 0) continue;
          const off = k * P;
          for (let q = 0; q < P; q++) acc[q] += wv * col[off + q];
        }
        out.data.set(acc, (n * O + oc) * P);
      }
    }
  }
  const res = plan.batched ? out : out.view(outShape.slice(1), out.strides.slice(1), 0);
  // unbatched input is unsqueezed, convolved and squeezed back (autograd sees the squeeze)
  return result(res, [input, weight, bias], plan.batched ? 'ConvolutionBackward0' : 'SqueezeBackward1');
}

export interface MaxPool2dOptions {
  kernelSize: number | readonly number[];
  stride: number | readonly number[] | null;
  padding: number | readonly number[];
  dilation: number | readonly number[];
  ceilMode: boolean;
}

/** `F.max_pool2d(input, kernel_size, stride=None, padding=0, dilation=1, ceil_mode=False)`. */
export function maxPool2d(input: Tensor, o: MaxPool2dOptions, returnIndices = false): Tensor | [Tensor, Tensor] {
  const plan = unwrap(maxPool2dShape(input.shape, { kernelSize: o.kernelSize, stride: o.stride, padding: o.padding, dilation: o.dilation, ceilMode: o.ceilMode }));
  if (!isFloatDType(input.dtype)) throw runtimeError(`"max_pool2d" not implemented for '${torchDType(input.dtype).scalarTypeName}'`);
  const x = input.arr;
  const outShape = plan.shape as number[];
  const out = emptyArray(outShape, input.dtype);
  const idxOut = emptyArray(outShape, 'int64');
  const nd = x.ndim;
  const H = x.shape[nd - 2], W = x.shape[nd - 1];
  const OH = outShape[nd - 2], OW = outShape[nd - 1];
  const planes = x.shape.slice(0, nd - 2).reduce((p, d) => p * d, 1);
  const [kH, kW] = plan.kernel, [dH, dW] = plan.stride, [pH, pW] = plan.padding, [dilH, dilW] = plan.dilation;
  const lead = x.shape.slice(0, nd - 2);
  let k = 0;
  for (let p = 0; p < planes; p++) {
    // offset of plane p in x (walk the leading dims)
    let rem = p, base = x.offset;
    for (let d = lead.length - 1; d >= 0; d--) { base += (rem % lead[d]) * x.strides[d]; rem = Math.floor(rem / lead[d]); }
    for (let oy = 0; oy < OH; oy++) {
      for (let ox = 0; ox < OW; ox++) {
        let best = -Infinity, bi = -1;
        for (let ky = 0; ky < kH; ky++) {
          const iy = oy * dH - pH + ky * dilH;
          if (iy < 0 || iy >= H) continue;
          for (let kx = 0; kx < kW; kx++) {
            const ix = ox * dW - pW + kx * dilW;
            if (ix < 0 || ix >= W) continue;
            const v = x.data[base + iy * x.strides[nd - 2] + ix * x.strides[nd - 1]];
            if (bi < 0 || v > best || v !== v) { best = v; bi = iy * W + ix; if (v !== v) break; }
          }
          if (best !== best) break;
        }
        idxOut.data[k] = bi;
        out.data[k++] = best;
      }
    }
  }
  const r = result(out, [input], 'MaxPool2DWithIndicesBackward0');
  return returnIndices ? [r, new Tensor(idxOut)] : r;
}

// ---- losses --------------------------------------------------------------------------------

export type Reduction = 'mean' | 'sum' | 'none';

function checkReduction(r: string): Reduction {
  if (r !== 'mean' && r !== 'sum' && r !== 'none') throw valueError(`${r} is not a valid value for reduction`);
  return r;
}

/** `F.nll_loss(input (N, C) or (C), target (N) or (), weight=None, ignore_index=-100, reduction='mean')`. */
export function nllLoss(input: Tensor, target: Tensor, weight: Tensor | null, ignoreIndex: number, reduction: string, gradFn = 'NllLossBackward0'): Tensor {
  const red = checkReduction(reduction);
  const { classDim } = unwrap(nllLossShape(input.shape, target.shape));
  if (target.dtype !== 'int64') throw runtimeError(`expected scalar type Long but found ${torchDType(target.dtype).scalarTypeName}`);
  if (!isFloatDType(input.dtype)) throw runtimeError(`"nll_loss_out_frame" not implemented for '${torchDType(input.dtype).scalarTypeName}'`);
  const C = input.shape[classDim];
  const N = input.ndim === 1 ? 1 : input.shape[0];
  const x = input.arr, t = target.arr;
  const losses = emptyArray(input.ndim === 1 ? [] : [N], input.dtype);
  // accumulate in the input's dtype; a batch is summed as nll_loss_out_frame's 8-level
  // cascade (LossNLL.cpp): level j folds into j + 1 whenever the batch index's j-th group of
  // levelPower bits is zero
  const r = input.dtype === 'float32' ? Math.fround : (v: number) => v;
  const LEVELS = 8;
  const levelPower = Math.max(4, Math.trunc((N <= 2 ? 1 : (N - 1).toString(2).length) / LEVELS));
  const lossSums = new Array<number>(LEVELS).fill(0), weightSums = new Array<number>(LEVELS).fill(0);
  let ignored = 0, single = 0, singleWeight = 0;
  for (let i = 0; i < N; i++) {
    const cls = t.data[t.offset + (t.ndim ? i * t.strides[0] : 0)];
    if (cls === ignoreIndex) { losses.data[i] = 0; ignored++; continue; }
    if (cls < 0 || cls >= C) throw new NumpyError('IndexError', `Target ${cls} is out of bounds.`);
    const w = weight ? Number(weight.arr.data[weight.arr.offset + cls * weight.arr.strides[0]]) : 1;
    const v = Number(x.data[x.offset + (input.ndim === 1 ? cls * x.strides[0] : i * x.strides[0] + cls * x.strides[1])]);
    losses.data[i] = r(-v * w);
    single = r(-v * w); singleWeight = w;
    lossSums[0] = weight ? r(lossSums[0] - r(v * w)) : r(lossSums[0] - v);
    if (weight) weightSums[0] = r(weightSums[0] + w);
    for (let j = 0; j + 1 < LEVELS; j++) {
      if (Math.floor(i / 2 ** (j * levelPower)) % 2 ** levelPower !== 0) break;
      lossSums[j + 1] = r(lossSums[j + 1] + lossSums[j]);
      weightSums[j + 1] = r(weightSums[j + 1] + weightSums[j]);
      lossSums[j] = 0; weightSums[j] = 0;
    }
  }
  if (red === 'none') return result(losses, [input, weight], gradFn);
  const out = emptyArray([], input.dtype);
  if (input.ndim === 1) {
    // a single sample: -input[target] * weight, divided by that weight for the mean
    out.data[0] = ignored ? (red === 'sum' ? 0 : NaN) : red === 'sum' ? single : r(single / singleWeight);
  } else {
    const total = lossSums.reduce((a, b) => r(a + b), 0);
    const totalWeight = weight ? weightSums.reduce((a, b) => r(a + b), 0) : r(N - ignored);
    out.data[0] = red === 'sum' ? total : r(total / totalWeight);
  }
  return result(out, [input, weight], gradFn);
}

/**
 * `F.cross_entropy(input, target, weight=None, ignore_index=-100, reduction='mean',
 * label_smoothing=0.0)`: log_softmax over the class dim, then nll_loss; a float target of the
 * input's shape holds class probabilities.
 */
export function crossEntropy(input: Tensor, target: Tensor, weight: Tensor | null, ignoreIndex: number, reduction: string, labelSmoothing: number): Tensor {
  const red = checkReduction(reduction);
  if (labelSmoothing !== 0) throw new NumpyError('NotImplementedError', 'cross_entropy with label_smoothing is not supported by Shape Lens');
  const sameShape = input.ndim === target.ndim && input.shape.every((d, i) => d === target.shape[i]);
  if (sameShape) {
    if (!isFloatDType(target.dtype)) throw runtimeError(`Expected floating point type for target with class probabilities, got ${torchDType(target.dtype).scalarTypeName}`);
    const classDim = input.ndim === 1 ? 0 : 1;
    const lsm = logSoftmax(input, classDim);
    let prod = binary('mul', lsm, target);
    if (weight) prod = binary('mul', prod, input.ndim === 1 ? weight : reshape(weight, [1, weight.numel, ...input.shape.slice(2).map(() => 1)]));
    const x = prod.arr;
    const N = input.ndim === 1 ? 1 : input.shape[0];
    const per = emptyArray(input.ndim === 1 ? [] : [N], input.dtype);
    const vals = x.toArray(), C = vals.length / N;
    let total = 0;
    for (let i = 0; i < N; i++) {
      let s = 0;
      for (let c = 0; c < C; c++) s += vals[i * C + c];
      per.data[i] = -s;
      total += -s;
    }
    if (red === 'none') return result(per, [input, target], 'NegBackward0');
    const out = emptyArray([], input.dtype);
    out.data[0] = red === 'sum' ? total : total / N;
    return result(out, [input, target], red === 'sum' ? 'NegBackward0' : 'DivBackward0');
  }
  const lsm = logSoftmax(input, input.ndim === 1 ? 0 : 1);
  return nllLoss(lsm, target, weight, ignoreIndex, red);
}

/** `F.mse_loss(input, target, reduction='mean')`: broadcasts (torch warns), promotes dtypes. */
export function mseLoss(input: Tensor, target: Tensor, reduction: string): Tensor {
  const red = checkReduction(reduction);
  const shape = unwrap(torchBroadcastAll([input.shape, target.shape])) as number[];
  const diff = binary('sub', new Tensor(broadcastTo(input.arr, shape)), new Tensor(broadcastTo(target.arr, shape)));
  if (!isFloatDType(diff.dtype)) throw runtimeError(`"mse_cpu" not implemented for '${torchDType(diff.dtype).scalarTypeName}'`);
  const sq = binary('mul', diff, diff);
  if (red === 'none') return result(sq.arr, [input, target], 'MseLossBackward0');
  // apply_loss_reduction: the unreduced loss's mean() / sum(), torch's summation order
  const out = (red === 'sum' ? sum : mean)(sq, null, false).arr;
  return result(out, [input, target], 'MseLossBackward0');
}

/** `F.one_hot(tensor, num_classes=-1)`: int64 class indices → int64 one-hot in a new last dim. */
export function oneHot(t: Tensor, numClasses = -1): Tensor {
  if (t.dtype !== 'int64') throw runtimeError('one_hot is only applicable to index tensor.');
  const vals = t.arr.toArray();
  if (vals.some((v) => v < 0)) throw runtimeError('Class values must be non-negative.');
  let n = numClasses;
  if (n === -1) {
    if (vals.length === 0) throw runtimeError('Can not infer total number of classes from empty tensor.');
    n = Math.max(...vals) + 1;
  } else if (vals.some((v) => v >= n)) {
    throw runtimeError('Class values must be smaller than num_classes.');
  }
  const out = emptyArray([...t.shape, n], 'int64');
  vals.forEach((v, i) => { out.data[i * n + v] = 1; });
  return new Tensor(out);
}

/** `F.dropout(input, p=0.5, training=True)`: zeroes with probability p, scales the rest by 1/(1-p). */
export function dropout(t: Tensor, p: number, training: boolean): Tensor {
  if (p < 0 || p > 1) throw valueError(`dropout probability has to be between 0 and 1, but got ${p}`);
  if (!training || p === 0) return t;
  if (!isFloatDType(t.dtype)) throw runtimeError('result type Float can\'t be cast to the desired output type Long');
  // torch: noise = empty_like(x).bernoulli_(1 - p); noise.div_(1 - p); x * noise, each step
  // in x's dtype (p == 1 multiplies by zeros without drawing)
  const out = emptyArray(t.shape, t.dtype);
  const vals = t.arr.toArray();
  if (p === 1) {
    for (let i = 0; i < vals.length; i++) out.data[i] = vals[i] * 0;
    return result(out, [t], 'MulBackward0');
  }
  const mask = bernoulliMask(t.shape, 1 - p, t.dtype);
  const r = t.dtype === 'float32' ? Math.fround : (v: number): number => v;
  const keep = r(1 - p);
  for (let i = 0; i < vals.length; i++) out.data[i] = r(vals[i] * r(Number(mask.data[i]) / keep));
  return result(out, [t], 'MulBackward0');
}
