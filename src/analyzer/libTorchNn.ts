// Shape models of torch.nn layers: `nn.Linear(784, 10)` makes a layer value holding its
// construction arguments, and calling it on an input gives the forward shape from torch's own
// rules (engine/shape/torchNn.ts) or torch's error as a diagnostic. Sequential chains its layers;
// shape-preserving layers (ReLU, Dropout, BatchNorm…) are Identity; losses reduce to 0-d.
// No parameters, no training.

import { Dim, isNum, sym } from '../../engine/shape/dim';
import { torchFlattenShape } from '../../engine/shape/torch';
import { conv2dShape, linearShape, maxPool2dShape } from '../../engine/shape/torchNn';
import { CallContext } from './context';
import { arg, arr, dimOf, isArr, known, Model, result } from './modelArgs';
import { AValue, LayerSpec, UNKNOWN } from './values';

function pair(v: AValue | undefined, dflt: Dim | null): [Dim | null, Dim | null] {
  if (!v) return [dflt, dflt];
  if (v.kind === 'tuple' && v.items.length === 2) return [dimOf(v.items[0]), dimOf(v.items[1])];
  const d = dimOf(v);
  return [d, d];
}

export function layerModel(type: string): Model {
  return (a, ctx) => {
    let spec: LayerSpec;
    switch (type) {
      case 'Linear': spec = { type, inFeatures: dimOf(arg(a, 0, 'in_features')), outFeatures: dimOf(arg(a, 1, 'out_features')) }; break;
      case 'Conv2d': {
        const k = pair(arg(a, 2, 'kernel_size'), null);
        spec = { type, inChannels: dimOf(arg(a, 0, 'in_channels')), outChannels: dimOf(arg(a, 1, 'out_channels')), kernel: k, stride: pair(arg(a, 3, 'stride'), 1), padding: pair(arg(a, 4, 'padding'), 0) };
        break;
      }
      case 'MaxPool2d': {
        const k = pair(arg(a, 0, 'kernel_size'), null);
        const s = arg(a, 1, 'stride');
        spec = { type, kernel: k, stride: s && s.kind !== 'none' ? pair(s, null) : k };
        break;
      }
      case 'Flatten': {
        const s = dimOf(arg(a, 0, 'start_dim')), e = dimOf(arg(a, 1, 'end_dim'));
        spec = { type, startDim: s !== null && isNum(s) ? s : 1, endDim: e !== null && isNum(e) ? e : -1 };
        break;
      }
      case 'Sequential': spec = { type, layers: a.args }; break;
      case 'Loss': {
        const r = a.kwargs.get('reduction');
        spec = { type, reduction: r === undefined ? 'mean' : r.kind === 'str' ? r.value : null };
        break;
      }
      default: spec = { type: 'Identity' };
    }
    return { kind: 'layer', spec, origin: ctx.origin };
  };
}

const outSize = (h: Dim, k: Dim | null, s: Dim | null, p: Dim | null): Dim =>
  isNum(h) && k !== null && isNum(k) && s !== null && isNum(s) && p !== null && isNum(p) ? Math.floor((h + 2 * p - k) / s) + 1 : sym('?');

const numbers = (xs: readonly (Dim | null)[]): number[] | null => (xs.every((x) => x !== null && isNum(x)) ? (xs as number[]) : null);

/** Calling a layer on an input: the forward shape from torch's own rules (engine/shape/torchNn.ts), or its error. */
export function callLayer(layer: AValue & { kind: 'layer' }, x: { name: string; value: AValue }, ctx: CallContext): AValue {
  const spec = layer.spec;
  const v = x.value;
  if (spec.type === 'Sequential') {
    let cur: AValue = v;
    for (const l of spec.layers) {
      if (l.kind !== 'layer') return UNKNOWN;
      cur = callLayer(l, { name: x.name, value: cur }, ctx);
    }
    return cur;
  }
  if (!isArr(v)) return UNKNOWN;
  if (spec.type === 'Identity') return arr('torch', v.shape, v.dtype, ctx);
  // a loss reduced to its mean or sum is 0-d, in the input's dtype
  if (spec.type === 'Loss') return spec.reduction === 'mean' || spec.reduction === 'sum' ? arr('torch', [], v.dtype, ctx) : UNKNOWN;
  if (!known(v.shape)) return arr('torch', null, v.dtype, ctx);
  const shape = v.shape;
  const ops = [x, { name: 'layer', value: layer as AValue }];
  switch (spec.type) {
    case 'Linear': {
      if (spec.inFeatures === null || spec.outFeatures === null) return arr('torch', null, v.dtype, ctx);
      const r = result(linearShape(shape, spec.inFeatures, spec.outFeatures), ctx, 'shape-linear-in-features', ops);
      return arr('torch', r ? r.shape : null, v.dtype, ctx);
    }
    case 'Conv2d': {
      const k = numbers(spec.kernel), st = numbers(spec.stride), pad = numbers(spec.padding);
      if (!k || !st || !pad || spec.inChannels === null || spec.outChannels === null) return arr('torch', null, v.dtype, ctx);
      const weight = [spec.outChannels, spec.inChannels, k[0], k[1]];
      const r = result(conv2dShape(shape, weight, [spec.outChannels], { stride: st, padding: pad, dilation: 1, groups: 1 }), ctx, 'shape-conv-channels', ops);
      return arr('torch', r ? r.shape : null, v.dtype, ctx);
    }
    case 'MaxPool2d': {
      const k = numbers(spec.kernel), st = numbers(spec.stride);
      if (!k) return arr('torch', null, v.dtype, ctx);
      const r = result(maxPool2dShape(shape, { kernelSize: k, stride: st, padding: 0, dilation: 1, ceilMode: false }), ctx, 'shape-index', ops);
      return arr('torch', r ? r.shape : null, v.dtype, ctx);
    }
    case 'Flatten': {
      const r = result(torchFlattenShape(shape, spec.startDim, spec.endDim), ctx, 'shape-axis', ops);
      return arr('torch', r, v.dtype, ctx);
    }
  }
}
