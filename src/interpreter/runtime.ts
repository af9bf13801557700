// The state of one program run: output buffers, the limits (time, output, recursion,
// cancellation) and their cooperative checks, the exception-handling stack, the module table.
// One run at a time per thread: `rt` is set by run.ts before evaluation starts. Nothing
// here evaluates Python; it is the evaluator's bookkeeping.

import { Interrupt, pyError } from './errors';
import type { PyInstance, PyModule, Value } from './values';

export interface Limits {
  /** Wall-clock budget for the whole run (default 5000 ms). */
  timeLimitMs: number;
  /** stdout + stderr bytes before the run is stopped (default 10 MB). */
  maxOutputBytes: number;
  /** Python frames, as sys.getrecursionlimit() (default 1000). */
  recursionLimit: number;
  /** Largest single array allocation (default 2 GiB). */
  maxArrayBytes: number;
  /** Largest str/list/int built by one operation, in elements/bits (default 2**28). */
  maxObjectSize: number;
}

export const DEFAULT_LIMITS: Limits = {
  timeLimitMs: 5000,
  maxOutputBytes: 10 * 1024 * 1024,
  recursionLimit: 1000,
  maxArrayBytes: 2 * 1024 ** 3,
  maxObjectSize: 2 ** 28,
};

export class Runtime {
  readonly stdout: string[] = [];
  readonly stderr: string[] = [];
  outBytes = 0;
  ticks = 0;
  depth = 0;
  readonly deadline: number;
  /** Exceptions being handled by `except` blocks, innermost last (for __context__ and bare raise). */
  readonly handling: PyInstance[] = [];
  readonly modules = new Map<string, PyModule>();
  builtins = new Map<string, Value>();
  /** Pending stdout not yet streamed to `onStdout`. */
  private pending = '';
  private lastFlush = 0;

  constructor(
    readonly limits: Limits,
    readonly filename: string,
    readonly sourceLines: readonly string[],
    readonly cancelFlag: Int32Array | null = null,
    readonly onStdout: ((chunk: string) => void) | null = null,
  ) {
    this.deadline = Date.now() + limits.timeLimitMs;
  }

  /** The cooperative check, every 128 ticks (loop iterations and calls). */
  tick(): void {
    if ((++this.ticks & 127) === 0) this.check();
  }

  check(): void {
    const now = Date.now();
    if (now > this.deadline) {
      throw new Interrupt('timeout', `execution exceeded the ${formatSeconds(this.limits.timeLimitMs)} time limit`);
    }
    if (this.cancelFlag && Atomics.load(this.cancelFlag, 0) !== 0) throw new Interrupt('cancelled', 'execution cancelled');
    if (this.onStdout && this.pending && now - this.lastFlush > 50) this.flush();
  }

  write(text: string, toStderr = false): void {
    this.outBytes += text.length;
    if (this.outBytes > this.limits.maxOutputBytes) {
      throw new Interrupt('output', `output exceeded the limit of ${this.limits.maxOutputBytes} bytes`);
    }
    if (toStderr) { this.stderr.push(text); return; }
    this.stdout.push(text);
    if (this.onStdout) {
      this.pending += text;
      if (this.pending.length > 8192) this.flush();
    }
  }

  flush(): void {
    if (this.onStdout && this.pending) {
      this.onStdout(this.pending);
      this.pending = '';
      this.lastFlush = Date.now();
    }
  }

  /** Size guard for str/list repetition and similar builders. */
  checkSize(n: number): void {
    if (!(n <= this.limits.maxObjectSize)) throw pyError('MemoryError');
  }
}

function formatSeconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${ms / 1000} s`;
}

export let rt: Runtime = new Runtime(DEFAULT_LIMITS, '<string>', []);

export function setRuntime(r: Runtime): void {
  rt = r;
}
