// Matrix products of tensors: torch.matmul / `@` (ATen's dot/mv/mm/fold/bmm dispatch, which
// decides the error text), torch.mm, torch.bmm, torch.mv, torch.dot. torch never promotes
// here: operands of different dtypes are an error ("expected scalar type Float but found
// Double"), bool has no kernel. Shapes and texts: engine/shape/torch.ts; the arithmetic is
// the engine's matmul (engine/ops/matmul.ts), run on same-dtype operands.

import { NDArray } from '../core/ndarray';
import { unwrap } from '../shape/result';
import { torchBmmShape, torchDotShape, torchMatmulPlan, torchMmShape, torchMvShape } from '../shape/torch';
import { matmul as npMatmul } from '../ops/matmul';
import { torchDType } from './dtype';
import { result } from './autograd';
import { runtimeError } from './elementwise';
import { Tensor } from './tensor';

function sameDType(a: Tensor, b: Tensor): void {
  if (a.dtype !== b.dtype) {
    throw runtimeError(`expected scalar type ${torchDType(a.dtype).scalarTypeName} but found ${torchDType(b.dtype).scalarTypeName}`);
  }
}

function noBool(a: Tensor, kernel: string): void {
  if (a.dtype === 'bool') throw runtimeError(`"${kernel}" not implemented for 'Bool'`);
}

const product = (a: NDArray, b: NDArray): NDArray => npMatmul(a, b);

/** ATen's should_fold: a 3-D operand against a matrix is not folded when its last two dims are transposed in memory. */
function foldable(t: Tensor, otherNdim: number): boolean {
  const s = t.arr.strides, sh = t.shape;
  return !(t.ndim === 3 && otherNdim === 2 && s[2] !== 1 && s[0] === sh[1] * sh[2]);
}

/**
 * `torch.matmul(a, b)` / `a @ b`.
 *   (64, 784) @ (128, 10) → RuntimeError "mat1 and mat2 shapes cannot be multiplied (64x784 and 128x10)"
 *   (5, 2, 3) @ (3, 4) → (5, 2, 4)
 */
export function matmul(a: Tensor, b: Tensor): Tensor {
  const plan = unwrap(torchMatmulPlan(a.shape, b.shape, { left: foldable(a, b.ndim), right: foldable(b, a.ndim) }));
  if (plan.path === 'dot') {
    if (a.dtype !== b.dtype) {
      throw runtimeError(`dot : expected both vectors to have same dtype, but found ${torchDType(a.dtype).scalarTypeName} and ${torchDType(b.dtype).scalarTypeName}`);
    }
  } else {
    sameDType(a, b);
  }
  noBool(a, plan.path === 'dot' ? 'dot' : plan.path === 'mv' ? 'addmv_impl_cpu' : plan.path === 'bmm' ? 'bmm' : 'addmm_impl_cpu_');
  const grad = { dot: 'DotBackward0', mv: 'MvBackward0', mm: 'MmBackward0', fold: 'UnsafeViewBackward0', bmm: 'UnsafeViewBackward0' }[plan.path];
  const gradFn = plan.path === 'mm' && a.ndim === 1 ? 'SqueezeBackward3' : grad;
  return result(product(a.arr, b.arr), [a, b], gradFn);
}

/** `torch.mm(a, b)`: 2-D only. */
export function mm(a: Tensor, b: Tensor): Tensor {
  unwrap(torchMmShape(a.shape, b.shape));
  sameDType(a, b);
  noBool(a, 'addmm_impl_cpu_');
  return result(product(a.arr, b.arr), [a, b], 'MmBackward0');
}

/** `torch.bmm(a, b)`: (B, n, m) @ (B, m, p). */
export function bmm(a: Tensor, b: Tensor): Tensor {
  unwrap(torchBmmShape(a.shape, b.shape));
  sameDType(a, b);
  noBool(a, 'bmm');
  return result(product(a.arr, b.arr), [a, b], 'BmmBackward0');
}

export function mv(a: Tensor, b: Tensor): Tensor {
  unwrap(torchMvShape(a.shape, b.shape));
  sameDType(a, b);
  noBool(a, 'addmv_impl_cpu');
  return result(product(a.arr, b.arr), [a, b], 'MvBackward0');
}

export function dot(a: Tensor, b: Tensor): Tensor {
  unwrap(torchDotShape(a.shape, b.shape));
  if (a.dtype !== b.dtype) {
    throw runtimeError(`dot : expected both vectors to have same dtype, but found ${torchDType(a.dtype).scalarTypeName} and ${torchDType(b.dtype).scalarTypeName}`);
  }
  noBool(a, 'dot');
  return result(product(a.arr, b.arr), [a, b], 'DotBackward0');
}
