// The state of one program run: output buffers, the limits (time, output, recursion,
// cancellation) and their cooperative checks, the exception-handling stack, the module table.
// One run at a time per thread: `rt` is set by run.ts before evaluation starts. Nothing
// here evaluates Python; it is the evaluator's bookkeeping.

import { Interrupt, pyError } from './errors';
import type { Located, PyInstance, PyModule, Value } from './values';

export interface Limits {
  /** Wall-clock budget for the whole run (default 5000 ms). */
  timeLimitMs: number;
  /** stdout + stderr bytes before the run is stopped (default 10 MB). */
  maxOutputBytes: number;
  /** Python frames, as sys.getrecursionlimit() (default 1000). */
  recursionLimit: number;
  /** Largest single array allocation (default 2 GiB). */
  maxArrayBytes: number;
  /**
   * Bytes all live arrays may hold together (default: maxArrayBytes). Enforced in the worker
   * only (engine/core/memory.ts; RunOptions.reclaimArrays).
   */
  maxLiveArrayBytes?: number;
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
  /** The innermost executing frame (its node gives the line warnings point at). */
  frame: { node: Located | null } | null = null;
  /** `warnings` filters: 'default' shows each warning once per location. */
  warningsAction: 'default' | 'ignore' | 'error' | 'always' = 'default';
  /** NumPy's floating-point error modes (np.seterr / np.errstate). */
  fpMode: Record<'divide' | 'over' | 'under' | 'invalid', string> = { divide: 'warn', over: 'warn', under: 'ignore', invalid: 'warn' };
  private readonly warned = new Set<string>();
  /** hash → [representative, dict key] for instances with a user-defined __hash__. */
  readonly hashBuckets = new Map<bigint, [Value, string][]>();
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

  /**
   * Prints a warning the way the warnings module's default filter does:
   * `file:line: Category: message` and the stripped source line, once per location.
   */
  warn(category: string, message: string, at?: { filename: string; line: number; text: string }): void {
    if (this.warningsAction === 'ignore') return;
    if (this.warningsAction === 'error') throw pyError(category in ERRORS ? category : 'RuntimeError', message);
    let filename = this.filename, line = 0, text = '';
    if (at) ({ filename, line, text } = at);
    else {
      const node = this.frame?.node;
      line = node ? node.range.line : 0;
      text = (this.sourceLines[line - 1] ?? '').trim();
    }
    const key = `${category}\u0000${message}\u0000${filename}\u0000${line}`;
    if (this.warningsAction === 'default') {
      if (this.warned.has(key)) return;
      this.warned.add(key);
    }
    this.write(`${filename}:${line}: ${category}: ${message}\n${text ? `  ${text}\n` : ''}`, true);
  }

  /** Size guard for str/list repetition and similar builders. */
  checkSize(n: number): void {
    if (!(n <= this.limits.maxObjectSize)) throw pyError('MemoryError');
  }
}

const ERRORS: Record<string, true> = { RuntimeWarning: true, UserWarning: true, DeprecationWarning: true, FutureWarning: true };

function formatSeconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${ms / 1000} s`;
}

export let rt: Runtime = new Runtime(DEFAULT_LIMITS, '<string>', []);

export function setRuntime(r: Runtime): void {
  rt = r;
}
