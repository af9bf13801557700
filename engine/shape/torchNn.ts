// Shape rules of torch.nn layers with torch 1.13's exact texts: linear (through matmul's
// dispatch, hence "mat1 and mat2 shapes cannot be multiplied (4x5 and 3x2)"), conv2d
// (check_shape_forward), max_pool2d (pooling_output_shape + pool2d_shape_check) and the
// shape checks of cross_entropy / nll_loss. Pure over numeric or symbolic dims; checks that
// need values (target out of bounds) or dtypes live in engine/torch/nn.ts.

import { Dim, dimEq, dimText, isNum, Shape } from './dim';
import { fail, ok, ShapeResult } from './result';
import { torchMatmulPlan, torchMmShape, torchShapeText } from './torch';

const differs = (a: Dim, b: Dim): boolean => dimEq(a, b) === false;

/**
 * `F.linear(x, W (out, in), b)`: a 2-D input with bias is addmm(b, x, W.t()); any other input
 * is matmul(x, W.t()) (+ b). `([4, 5], 3, 2)` → "mat1 and mat2 shapes cannot be multiplied (4x5 and 3x2)".
 */
export function linearShape(input: Shape, inFeatures: Dim, outFeatures: Dim, hasBias = true): ShapeResult<{ shape: Dim[]; addmm: boolean }> {
  if (input.length === 2 && hasBias) {
    const r = torchMmShape(input, [inFeatures, outFeatures]);
    return r.ok ? ok({ shape: r.value, addmm: true }) : r;
  }
  const r = torchMatmulPlan(input, [inFeatures, outFeatures]);
  return r.ok ? ok({ shape: r.value.shape, addmm: false }) : r;
}

const pair = (x: number | readonly number[]): [number, number] => (typeof x === 'number' ? [x, x] : [x[0], x[x.length > 1 ? 1 : 0]]);

export interface Conv2dParams {
  readonly stride: number | readonly number[];
  readonly padding: number | readonly number[];
  readonly dilation: number | readonly number[];
  readonly groups: number;
}

/**
 * `F.conv2d(input, weight (out, in/groups, kH, kW), bias)` on (N, C, H, W) or unbatched
 * (C, H, W); output (N, out, H', W') with H' = floor((H + 2p - d(kH-1) - 1)/s) + 1.
 * `([1, 4, 8, 8], weight [8, 3, 3, 3])` → "Given groups=1, weight of size [8, 3, 3, 3],
 * expected input[1, 4, 8, 8] to have 3 channels, but got 4 channels instead".
 */
export function conv2dShape(input: Shape, weight: Shape, bias: Shape | null, p: Conv2dParams): ShapeResult<{ shape: Dim[]; batched: boolean }> {
  if (input.length !== 3 && input.length !== 4) {
    return fail('RuntimeError', `Expected 3D (unbatched) or 4D (batched) input to conv2d, but got input of size: ${torchShapeText(input)}`);
  }
  const batched = input.length === 4;
  const x: Dim[] = batched ? [...input] : [1, ...input];
  const [sh, sw] = pair(p.stride), [ph, pw] = pair(p.padding), [dh, dw] = pair(p.dilation);
  const g = p.groups;
  if (ph < 0 || pw < 0) return fail('RuntimeError', 'negative padding is not supported');
  if (sh <= 0 || sw <= 0) return fail('RuntimeError', 'non-positive stride is not supported');
  if (weight.length !== 4) {
    return fail('RuntimeError', `Expected ${weight.length}-dimensional input for ${weight.length}-dimensional weight ${torchShapeText(weight)}, but got 4-dimensional input of size ${torchShapeText(x)} instead`);
  }
  const w0 = weight[0];
  if (isNum(w0) && w0 < g) {
    return fail('RuntimeError', `Given groups=${g}, expected weight to be at least ${g} at dimension 0, but got weight of size ${torchShapeText(weight)} instead`);
  }
  if (isNum(w0) && w0 % g !== 0) {
    return fail('RuntimeError', `Given groups=${g}, expected weight to be divisible by ${g} at dimension 0, but got weight of size [${torchShapeText(weight)}] instead`);
  }
  const inCh: Dim = isNum(weight[1]) ? weight[1] * g : weight[1];
  if (differs(x[1], inCh)) {
    return fail('RuntimeError', `Given groups=${g}, weight of size ${torchShapeText(weight)}, expected input${torchShapeText(x)} to have ${dimText(inCh)} channels, but got ${dimText(x[1])} channels instead`);
  }
  if (bias !== null && (bias.length !== 1 || differs(bias[0], w0))) {
    return fail('RuntimeError', `Given weight of size ${torchShapeText(weight)}, expected bias to be 1-dimensional with ${dimText(w0)} elements, but got bias of size ${torchShapeText(bias)} instead`);
  }
  const inputShape: Dim[] = [], kernelShape: Dim[] = [];
  let tooBig = false;
  const pads = [ph, pw], dils = [dh, dw];
  for (let i = 0; i < 2; i++) {
    const xi = x[2 + i], ki = weight[2 + i];
    const padded: Dim = isNum(xi) ? xi + 2 * pads[i] : xi;
    const kern: Dim = isNum(ki) ? dils[i] * (ki - 1) + 1 : ki;
    inputShape.push(padded);
    kernelShape.push(kern);
    if (isNum(padded) && isNum(kern) && padded < kern) tooBig = true;
  }
  if (tooBig) {
    return fail('RuntimeError', `Calculated padded input size per channel: (${inputShape.map(dimText).join(' x ')}). Kernel size: (${kernelShape.map(dimText).join(' x ')}). Kernel size can't be greater than actual input size`);
  }
  const strides = [sh, sw];
  const spatial = [0, 1].map((i): Dim => {
    const padded = inputShape[i], kern = kernelShape[i];
    if (!isNum(padded) || !isNum(kern)) return { kind: 'sym', text: '?', coeff: 1, factors: ['?'] };
    return Math.floor((padded - kern) / strides[i]) + 1;
  });
  const out: Dim[] = [x[0], w0, ...spatial];
  return ok({ shape: batched ? out : out.slice(1), batched });
}

/** ATen's pooling_output_shape (with its pad and stride checks). */
function poolingOutputShape(size: number, k: number, pad: number, stride: number, dilation: number, ceil: boolean): ShapeResult<number> {
  if (stride === 0) return fail('RuntimeError', 'stride should not be zero');
  if (pad < 0) return fail('RuntimeError', `pad must be non-negative, but got pad: ${pad}`);
  if (pad > Math.floor(k / 2)) return fail('RuntimeError', `pad should be at most half of kernel size, but got pad=${pad} and kernel_size=${k}`);
  const num = size + 2 * pad - dilation * (k - 1) - 1 + (ceil ? stride - 1 : 0);
  let out = Math.floor(num / stride) + 1;
  if (ceil && (out - 1) * stride >= size + pad) out--;
  return ok(out);
}

export interface Pool2dParams {
  readonly kernelSize: number | readonly number[];
  /** null or [] means "same as kernel_size" */
  readonly stride: number | readonly number[] | null;
  readonly padding: number | readonly number[];
  readonly dilation: number | readonly number[];
  readonly ceilMode: boolean;
}

/**
 * `F.max_pool2d(input (N, C, H, W) or (C, H, W), kernel_size, stride=kernel_size, …)`.
 * `([1, 3, 1, 1], k=2)` → "Given input size: (3x1x1). Calculated output size: (3x0x0). Output size is too small".
 */
export function maxPool2dShape(input: Shape, p: Pool2dParams): ShapeResult<{ shape: Dim[]; kernel: [number, number]; stride: [number, number]; padding: [number, number]; dilation: [number, number] }> {
  const [kH, kW] = pair(p.kernelSize);
  const strideGiven = p.stride !== null && !(Array.isArray(p.stride) && p.stride.length === 0);
  const [dH, dW] = strideGiven ? pair(p.stride as number | number[]) : [kH, kW];
  const [padH, padW] = pair(p.padding), [dilH, dilW] = pair(p.dilation);
  const nd = input.length;
  if (nd !== 3 && nd !== 4) return fail('RuntimeError', 'non-empty 3D or 4D (batch mode) tensor expected for input');
  const planes = input[nd - 3], h = input[nd - 2], w = input[nd - 1];
  let oh: Dim = { kind: 'sym', text: '?', coeff: 1, factors: ['?'] }, ow: Dim = oh;
  if (isNum(h)) {
    const r = poolingOutputShape(h, kH, padH, dH, dilH, p.ceilMode);
    if (!r.ok) return r;
    oh = r.value;
  }
  if (isNum(w)) {
    const r = poolingOutputShape(w, kW, padW, dW, dilW, p.ceilMode);
    if (!r.ok) return r;
    ow = r.value;
  }
  if (kW <= 0 || kH <= 0) return fail('RuntimeError', `kernel size should be greater than zero, but got kH: ${kH} kW: ${kW}`);
  if (dW <= 0 || dH <= 0) return fail('RuntimeError', `stride should be greater than zero, but got dH: ${dH} dW: ${dW}`);
  if (dilH <= 0 || dilW <= 0) return fail('RuntimeError', `dilation should be greater than zero, but got dilationH: ${dilH} dilationW: ${dilW}`);
  const validDims = input[1] !== 0 && input[2] !== 0;
  if (!((nd === 3 && input[0] !== 0 && validDims) || (nd === 4 && validDims && input[3] !== 0))) {
    return fail('RuntimeError', `Expected 3D or 4D (batch mode) tensor with optional 0 dim batch size for input, but got:${torchShapeText(input)}`);
  }
  if (Math.floor(kW / 2) < padW || Math.floor(kH / 2) < padH) {
    return fail('RuntimeError', `pad should be smaller than or equal to half of kernel size, but got padW = ${padW}, padH = ${padH}, kW = ${kW}, kH = ${kH}`);
  }
  if ((isNum(ow) && ow < 1) || (isNum(oh) && oh < 1)) {
    return fail('RuntimeError', `Given input size: (${dimText(planes)}x${dimText(h)}x${dimText(w)}). Calculated output size: (${dimText(planes)}x${dimText(oh)}x${dimText(ow)}). Output size is too small`);
  }
  return ok({ shape: [...input.slice(0, nd - 2), oh, ow], kernel: [kH, kW], stride: [dH, dW], padding: [padH, padW], dilation: [dilH, dilW] });
}

/**
 * The shape checks of `F.cross_entropy(input, target)` with class-index targets (nll_loss_nd,
 * then nll_loss): input (N, C) or (C), target (N) or (). Returns the class dim.
 * `([4, 3], [3])` → ValueError "Expected input batch_size (4) to match target batch_size (3)."
 */
export function nllLossShape(input: Shape, target: Shape): ShapeResult<{ classDim: number }> {
  if (input.length < 1) return fail('ValueError', `Expected 1 or more dimensions (got ${input.length})`);
  if (input.length !== 1 && target.length >= 1 && differs(input[0], target[0])) {
    return fail('ValueError', `Expected input batch_size (${dimText(input[0])}) to match target batch_size (${dimText(target[0])}).`);
  }
  if (input.length !== 1 && target.length === 0) {
    return fail('RuntimeError', `size mismatch (got input: ${torchShapeText(input)}, target: ${torchShapeText(target)})`);
  }
  if (input.length > 2) {
    return fail('NotImplementedError', 'cross_entropy/nll_loss over inputs with more than 2 dimensions is not supported by Shape Lens');
  }
  if (target.length > 1) return fail('RuntimeError', '0D or 1D target tensor expected, multi-target not supported');
  if (input.length === 1 && target.length !== 0) {
    return fail('RuntimeError', `size mismatch (got input: ${torchShapeText(input)}, target: ${torchShapeText(target)})`);
  }
  return ok({ classDim: input.length === 1 ? 0 : 1 });
}
