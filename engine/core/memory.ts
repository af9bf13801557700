// Live-byte accounting for array buffers. Typed arrays live outside the V8 heap, so a
// worker's heap limit does not bound them; the interpreter's worker sets a budget here and
// every buffer the engine allocates (core/dtype.ts `allocate`) passes `admitBuffer`. The
// engine alone has no budget (Infinity): the analyzer and the extension host pay one
// comparison per allocation.
//
// How live bytes are known: between checks, every allocation adds its size (frees are not
// seen, so the figure only errs high). When an allocation would pass the budget, the owner's
// hooks (src/interpreter/reclaim.ts) run a full GC and then read the isolate's external
// memory, which is where V8 counts array-buffer backing stores. V8 frees dead backing stores
// on a background sweeper after the GC, so the reading lags by some milliseconds (why a
// one-shot check after gc() gave false MemoryErrors); the check polls until the allocation
// fits or the figure stops shrinking for SETTLE_MS, and only then refuses.
//
// Why not a WeakRef or FinalizationRegistry per buffer: a program runs in one synchronous job,
// so registry callbacks never run during it, and V8 keeps WeakRef targets alive through
// young-generation GCs and until the job ends: with a WeakRef per buffer, a loop of
// `b = a * 2 + 1` on 10**6 elements ran 4.5× slower (its buffers no longer reused promptly).

import { ArrayMemoryError } from './errors';

/** Buffers up to this size sit on the V8 heap (V8's in-heap typed-array limit), which the
 * worker's heap limit already bounds. */
export const IN_HEAP_BYTES = 64;
/** How long the external-memory reading may stay unchanged before an allocation is refused. */
const SETTLE_MS = 250;

export interface ReclaimHooks {
  /** A full, synchronous garbage collection. */
  collect(): void;
  /** Bytes of external memory (array-buffer backing stores) of this isolate. */
  externalBytes(): number;
  /** Blocks this thread for `ms` milliseconds (the sweeper runs on another thread). */
  pause(ms: number): void;
  now(): number;
}

let budget = Infinity;
let hooks: ReclaimHooks | null = null;
/** External bytes when the budget was set (the runtime's own), not charged to the program. */
let baseline = 0;
/** Live array bytes: the last reading plus what was allocated since (never low). */
let live = 0;

/**
 * Caps the bytes of live array buffers (Infinity: no cap). Without `reclaim` hooks nothing is
 * ever seen freed, so every allocation counts for good; the worker always passes them.
 */
export function setArrayBudget(bytes: number, reclaim: ReclaimHooks | null = null): void {
  budget = bytes;
  hooks = reclaim;
  baseline = reclaim ? reclaim.externalBytes() : 0;
  live = 0;
}

export function arrayBudget(): number { return budget; }

/** Live array bytes as last known (exact right after a refused or reclaimed allocation). */
export function liveArrayBytes(): number { return live; }

/** Counts `bytes` more; throws NumPy's _ArrayMemoryError when they do not fit after reclaiming. */
export function admitBuffer(bytes: number, shape: readonly number[], dtype: string): void {
  if (bytes <= IN_HEAP_BYTES || budget === Infinity) return;
  if (live + bytes > budget && !(bytes <= budget && reclaimFor(bytes))) throw new ArrayMemoryError(bytes, shape, dtype);
  live += bytes;
}

/** Collects garbage and waits for the sweeper until `bytes` fit or the reading settles. */
function reclaimFor(bytes: number): boolean {
  if (!hooks) return false;
  hooks.collect();
  let last = Infinity, lastChange = hooks.now();
  for (;;) {
    live = Math.max(0, hooks.externalBytes() - baseline);
    if (live + bytes <= budget) return true;
    const t = hooks.now();
    if (live < last) { last = live; lastChange = t; } else if (t - lastChange > SETTLE_MS) return false;
    hooks.pause(2);
  }
}
