// The host side of a worker run: `runInWorker` starts out/worker.js in a worker_threads
// Worker (its own stack and heap limits, so deep recursion and big allocations stay there),
// streams stdout back, cancels cooperatively through a shared flag, and terminates the worker
// when it overruns its time budget or ignores cancellation. The caller's thread never runs
// user code. Node-only (worker_threads); the extension host and the CLI use it.

import { Worker } from 'node:worker_threads';
import * as path from 'node:path';
import type { RunOptions, RunResult } from './run';
import { DEFAULT_LIMITS } from './runtime';

export interface WorkerRunOptions extends Omit<RunOptions, 'cancelFlag' | 'filename' | 'onStart' | 'reclaimArrays'> {
  /** Path of the bundled worker (default: worker.js next to the running bundle). */
  workerPath?: string;
  /** Cancels the run: cooperatively first, then by terminating the worker. */
  signal?: AbortSignal;
  /** Extra time after the time limit before the worker is terminated (default 2000 ms). */
  graceMs?: number;
  /** The worker's JS stack (default 256 MB: room for Python's 1000 frames). */
  stackSizeMb?: number;
  /** The worker's JS heap for Python objects (default 2048 MB; arrays live outside it). */
  maxHeapMb?: number;
}

/** Messages between host and worker (see src/worker.ts). */
export type ToWorker = { type: 'run'; source: string | Uint8Array; filename: string; options: Omit<RunOptions, 'cancelFlag' | 'onStdout' | 'onStart' | 'reclaimArrays'>; cancel: SharedArrayBuffer; stream: boolean };
export type FromWorker = { type: 'started' } | { type: 'stdout'; chunk: string } | { type: 'result'; result: RunResult };

/** Time allowed for starting the worker and parsing, before the program's own time limit starts. */
const STARTUP_MS = 30000;

function defaultWorkerPath(): string {
  const dir = typeof __dirname === 'string' ? __dirname : process.cwd();
  return path.join(dir, 'worker.js');
}

function errorResult(kind: 'timeout' | 'cancelled' | 'memory' | 'crash', type: string, message: string, stdout: string, t0: number): RunResult {
  return {
    stdout, stderr: `${type}: ${message}\n`, exitCode: 1,
    error: { kind, type, message, range: null, frames: [] }, variables: [], durationMs: Date.now() - t0,
  };
}

/** Runs a program in a fresh worker; always resolves (errors are in the result). */
export function runInWorker(source: string | Uint8Array, filename: string, options: WorkerRunOptions = {}): Promise<RunResult> {
  const t0 = Date.now();
  const timeLimit = options.limits?.timeLimitMs ?? DEFAULT_LIMITS.timeLimitMs;
  const grace = options.graceMs ?? 2000;
  const cancel = new SharedArrayBuffer(4);
  const flag = new Int32Array(cancel);
  let stdout = '';
  return new Promise<RunResult>((resolve) => {
    let settled = false;
    const worker = new Worker(options.workerPath ?? defaultWorkerPath(), {
      resourceLimits: { stackSizeMb: options.stackSizeMb ?? 256, maxOldGenerationSizeMb: options.maxHeapMb ?? 2048, maxYoungGenerationSizeMb: 64 },
      stdout: false, stderr: false,
    });
    const done = (r: RunResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      void worker.terminate();
      resolve(r);
    };
    const kill = (kind: 'timeout' | 'cancelled') => {
      if (settled) return;
      const msg = kind === 'timeout' ? `execution exceeded the ${timeLimit / 1000} s time limit` : 'execution cancelled';
      done(errorResult(kind, kind === 'timeout' ? 'TimeoutError' : 'KeyboardInterrupt', msg, stdout, t0));
    };
    let timer = setTimeout(() => kill('timeout'), STARTUP_MS + timeLimit + grace);
    const onAbort = () => {
      Atomics.store(flag, 0, 1);
      setTimeout(() => kill('cancelled'), Math.min(grace, 500));
    };
    if (options.signal) {
      if (options.signal.aborted) onAbort();
      else options.signal.addEventListener('abort', onAbort);
    }
    worker.on('message', (m: FromWorker) => {
      if (m.type === 'started') {
        clearTimeout(timer);
        timer = setTimeout(() => kill('timeout'), timeLimit + grace);
      } else if (m.type === 'stdout') {
        stdout += m.chunk;
        options.onStdout?.(m.chunk);
      } else if (m.type === 'result') done(m.result);
    });
    worker.on('error', (e: Error & { code?: string }) => {
      if (e.code === 'ERR_WORKER_OUT_OF_MEMORY') done(errorResult('memory', 'MemoryError', 'the program ran out of memory', stdout, t0));
      else done(errorResult('crash', 'SystemError', `the interpreter crashed: ${e.message}`, stdout, t0));
    });
    worker.on('exit', (code) => {
      if (!settled) done(errorResult('crash', 'SystemError', `the interpreter exited unexpectedly (code ${code})`, stdout, t0));
    });
    const { signal: _s, onStdout, workerPath: _w, graceMs: _g, stackSizeMb: _st, maxHeapMb: _h, ...runOptions } = options;
    const msg: ToWorker = { type: 'run', source, filename, options: runOptions, cancel, stream: onStdout !== undefined };
    worker.postMessage(msg);
  });
}
