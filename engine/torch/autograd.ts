// What the facade keeps of autograd: grad mode (`torch.no_grad()`, `set_grad_enabled`) and
// the rule that a result requires grad when grad mode is on, it is floating point and one of
// its tensor inputs requires grad — recorded with the grad_fn name torch would print
// (`grad_fn=<AddmmBackward0>`). No graph is built and nothing is differentiated:
// `backward()` raises NotImplementedError (see engine/torch/pycall.ts).

import { NDArray } from '../core/ndarray';
import { isFloatDType } from './dtype';
import { Tensor } from './tensor';

let gradEnabled = true;

export function isGradEnabled(): boolean { return gradEnabled; }
export function setGradEnabled(on: boolean): void { gradEnabled = on; }

/**
 * `with torch.no_grad():` / `torch.enable_grad()` — the interpreter calls enter() and exit().
 * `torch.set_grad_enabled(mode)` switches at once (it also works as a plain call), so its
 * context remembers the mode from before the call and exit() restores that.
 */
export class GradModeContext {
  private saved: boolean[] = [];
  private readonly before: boolean | null;
  constructor(readonly enabled: boolean, applyNow = false) {
    this.before = applyNow ? gradEnabled : null;
    if (applyNow) gradEnabled = enabled;
  }
  enter(): void { this.saved.push(this.before ?? gradEnabled); gradEnabled = this.enabled; }
  exit(): void { gradEnabled = this.saved.pop() ?? true; }
}

/** True when a result computed from `inputs` requires grad. */
export function needsGrad(inputs: readonly unknown[]): boolean {
  return gradEnabled && inputs.some((x) => x instanceof Tensor && x.requiresGrad);
}

/** Wraps a result array; it records `gradFn` when it requires grad. */
export function result(arr: NDArray, inputs: readonly unknown[], gradFn: string): Tensor {
  if (isFloatDType(arr.dtype) && needsGrad(inputs)) return new Tensor(arr, { requiresGrad: true, gradFn });
  return new Tensor(arr);
}
