// Public API of the interpreter: run a Python program on the engine, in this thread
// (`runProgram`) or in a worker that the caller can cancel or terminate (`runInWorker`).
// Everything else in src/interpreter is internal.

export { runProgram, decodeSource, type RunOptions, type RunResult, type ErrorInfo, type ErrorKind, type VariableInfo, type SourceRange } from './run';
export { runInWorker, type WorkerRunOptions } from './host';
export { DEFAULT_LIMITS, type Limits } from './runtime';
