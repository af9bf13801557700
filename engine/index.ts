// The public `np` API of the engine (an API boundary): import * as np from '../engine'.
// TS-shaped signatures (options objects for keyword arguments); the Python-shaped surface
// with NumPy's parameter names is engine/pycall.ts. Nothing here computes.

export { NDArray } from './core/ndarray';
export type { DType } from './core/dtype';
export { promoteTypes, resultType, parseDType } from './core/dtype';
export { NumpyError, QUALIFIED_NAME } from './core/errors';
export type { PyErrorType } from './core/errors';
export { PyFloat, pyFloat, NpScalar } from './core/scalar';
export { PyTuple, Slice, ELLIPSIS, tuple, slice } from './core/pyvalues';
export { astype } from './core/cast';
export {
  array, asarray, zeros, ones, empty, full, zerosLike as zeros_like, onesLike as ones_like, fullLike as full_like,
  arange, linspace, eye, identity, diag,
} from './ops/creation';
export {
  reshape, ravel, flatten, transpose, swapaxes, moveaxis, squeeze, expandDims as expand_dims, concatenate, stack,
  vstack, hstack, dstack, columnStack as column_stack, split, flip, broadcastTo as broadcast_to,
  broadcastArrays as broadcast_arrays, repeat, tile, copy,
} from './ops/manipulation';
export { sum, prod, mean, std, variance as var, amax as max, amin as min, all, any, argExtreme, accumulate } from './ops/reduction';
export { applyUfunc as ufunc } from './ops/ufunc';
export { where, clip, round } from './ops/elementwise';
export { nonzero } from './ops/search';
export { arrayStr, arrayRepr, scalarStr, scalarRepr, setPrintOptions, getPrintOptions } from './format';
export * as pycall from './pycall';
export * as shape from './shape/rules';
export * as random from './random/pycall';
export * as torch from './torch';
