// The torch facade's public TS API (an API boundary): tensors over engine storage, torch's
// dtypes and promotion, printing, ops, nn. The Python-shaped surface the interpreter binds
// `import torch` to is engine/torch/pycall.ts. Nothing here computes.

export { Tensor, TorchSize, TorchDevice, ReturnTypes, CPU } from './tensor';
export { TorchDType, TORCH_DTYPES, promoteTypesTorch, resultTypeTorch, getDefaultDType, setDefaultDType } from './dtype';
export { tensorRepr, tensorStr, sizeRepr, setTorchPrintOptions, resetTorchPrintOptions, formatFixed, formatExp } from './format';
export { GradModeContext, isGradEnabled, setGradEnabled } from './autograd';
export * as ops from './elementwise';
export * as reduce from './reduce';
export * as shapeOps from './shapeOps';
export * as linalg from './linalg';
export * as creation from './creation';
export * as functional from './functional';
export * as nn from './modules';
export * as pycall from './pycall';
