// The worker's hooks for engine/core/memory.ts: a synchronous full GC and the isolate's
// external memory (where V8 counts array-buffer backing stores), so the live-array budget can
// see dropped arrays freed in the middle of a synchronous run. Node-only (v8, vm).
//
// `gc` cannot come from the worker's execArgv (Node refuses V8 flags there): the flag is set
// just long enough for one new context to be created with `gc` on its global, then unset.

import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import type { ReclaimHooks } from '../../engine/core/memory';

/** The hooks, or null if this runtime cannot collect garbage on demand. */
export function makeArrayReclaimer(): ReclaimHooks | null {
  let gc: unknown;
  try {
    v8.setFlagsFromString('--expose-gc');
    gc = vm.runInNewContext('typeof gc === "function" ? gc : undefined');
  } catch {
    gc = undefined;
  } finally {
    v8.setFlagsFromString('--no-expose-gc');
  }
  if (typeof gc !== 'function') return null;
  const sleeper = new Int32Array(new SharedArrayBuffer(4));
  return {
    collect: gc as () => void,
    externalBytes: () => v8.getHeapStatistics().external_memory,
    pause: (ms) => { Atomics.wait(sleeper, 0, 0, ms); },
    now: () => performance.now(),
  };
}
