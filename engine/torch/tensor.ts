// The torch facade's value types: `Tensor` (an engine NDArray plus torch's autograd flags),
// `TorchSize` (a tuple, as torch.Size is), `TorchDevice` and `ReturnTypes` (torch's named
// tuples such as `torch.return_types.max(values=…, indices=…)`). A Tensor never copies what it
// wraps: `from_numpy(x)` and `.numpy()` share the NDArray's buffer, and views are NDArray views.
// Autograd is not computed: a result only records whether it requires grad and the name of
// the grad_fn torch would give it, so tensors print as torch prints them.

import { DType } from '../core/dtype';
import { NDArray } from '../core/ndarray';
import { PyTuple } from '../core/pyvalues';
import { TorchDType, torchDType } from './dtype';

export class Tensor {
  /** torch's `.requires_grad` */
  requiresGrad: boolean;
  /** name of the grad_fn (`AddmmBackward0`) when this is a non-leaf that requires grad */
  gradFn: string | null;
  /** an `nn.Parameter` (prints as "Parameter containing:") */
  isParameter: boolean;

  /** mutable only for `t.data = other` and `module.double()`, which swap storage in place */
  arr: NDArray;

  constructor(arr: NDArray, opts: { requiresGrad?: boolean; gradFn?: string | null; isParameter?: boolean } = {}) {
    this.arr = arr;
    this.requiresGrad = opts.requiresGrad ?? false;
    this.gradFn = opts.gradFn ?? null;
    this.isParameter = opts.isParameter ?? false;
  }

  get dtype(): DType { return this.arr.dtype; }
  get torchDType(): TorchDType { return torchDType(this.arr.dtype); }
  get shape(): readonly number[] { return this.arr.shape; }
  get ndim(): number { return this.arr.ndim; }
  get numel(): number { return this.arr.size; }
  get isLeaf(): boolean { return this.gradFn === null; }
  get isContiguous(): boolean { return this.arr.isCContiguous; }
}

/** `torch.Size([2, 3])`: a tuple of ints (indexing, len, unpacking and == work as on tuples). */
export class TorchSize extends PyTuple {
  constructor(readonly dims: readonly number[]) {
    super(dims);
  }
}

/** `torch.device('cpu')`: only the CPU exists here. */
export class TorchDevice {
  constructor(readonly type: string, readonly index: number | null = null) {}
  toString(): string { return this.index === null ? this.type : `${this.type}:${this.index}`; }
  repr(): string { return this.index === null ? `device(type='${this.type}')` : `device(type='${this.type}', index=${this.index})`; }
}

export const CPU = new TorchDevice('cpu');

/** torch's structseq results (`torch.return_types.max`): a tuple with named fields. */
export class ReturnTypes extends PyTuple {
  constructor(readonly typeName: string, readonly names: readonly string[], items: readonly unknown[]) {
    super(items);
  }

  get(name: string): unknown {
    const i = this.names.indexOf(name);
    return i >= 0 ? this.items[i] : undefined;
  }
}
