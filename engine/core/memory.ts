// Live-byte accounting for array buffers. Typed arrays live outside the V8 heap, so a
// worker's heap limit does not bound them; the interpreter's worker sets a budget here and
// every buffer the engine allocates (core/dtype.ts `allocate`) passes `admitBuffer` and
// `trackBuffer`. The engine alone has no budget (Infinity): the analyzer and the extension
// host pay one comparison per allocation and keep no references.
//
// Why WeakRefs swept on demand and not a FinalizationRegistry: a program runs in one
// synchronous job, and registry callbacks only run between jobs, so none would fire during a
// run (V8's `cleanupSome` is gone from Node 24). A WeakRef's target is also kept alive until
// the job ends (ECMAScript's KeepDuringJob), so the budget's owner supplies `reclaim`, which
// must end that set and collect (src/interpreter/reclaim.ts); after it, a dead buffer's
// WeakRef reads empty and the sweep recomputes the live total exactly.

import { ArrayMemoryError } from './errors';

/** Buffers up to this size sit on the V8 heap (V8's in-heap typed-array limit), which the
 * worker's heap limit already bounds; they are not tracked. */
const IN_HEAP_BYTES = 64;

let budget = Infinity;
let reclaim: (() => void) | null = null;
let live = 0;
const refs: WeakRef<object>[] = [];
const sizes: number[] = [];

/**
 * Caps the bytes of live array buffers (Infinity: no cap, nothing tracked). `reclaimHook`
 * runs before the live total is recomputed on pressure; without one, buffers dropped during
 * the current job still count. Resets the accounting: buffers allocated before are not counted.
 */
export function setArrayBudget(bytes: number, reclaimHook: (() => void) | null = null): void {
  budget = bytes;
  reclaim = reclaimHook;
  live = 0;
  refs.length = 0;
  sizes.length = 0;
}

export function arrayBudget(): number { return budget; }

/** Bytes of tracked buffers not yet seen dead (exact right after a sweep). */
export function liveArrayBytes(): number { return live; }

/** Throws NumPy's _ArrayMemoryError when `bytes` more would pass the budget after reclaiming. */
export function admitBuffer(bytes: number, shape: readonly number[], dtype: string): void {
  if (bytes <= IN_HEAP_BYTES || live + bytes <= budget) return;
  if (bytes <= budget) {
    sweepArrayBuffers();
    if (live + bytes <= budget) return;
  }
  throw new ArrayMemoryError(bytes, shape, dtype);
}

export function trackBuffer(buffer: object, bytes: number): void {
  if (budget === Infinity || bytes <= IN_HEAP_BYTES) return;
  live += bytes;
  refs.push(new WeakRef(buffer));
  sizes.push(bytes);
}

/** Reclaims, then recounts the live bytes from the WeakRefs that still hold a buffer. */
export function sweepArrayBuffers(): void {
  reclaim?.();
  let kept = 0, total = 0;
  for (let i = 0; i < refs.length; i++) {
    if (refs[i].deref() === undefined) continue;
    refs[kept] = refs[i];
    sizes[kept] = sizes[i];
    total += sizes[i];
    kept++;
  }
  refs.length = kept;
  sizes.length = kept;
  live = total;
}
