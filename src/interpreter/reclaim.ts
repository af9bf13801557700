// The worker's hook for engine/core/memory.ts: makes dropped array buffers collectable in
// the middle of a synchronous run, so the live-bytes sweep sees them gone. Node-only (v8, vm).
//
// Two things keep a dropped buffer's WeakRef readable during one job: ECMAScript keeps every
// WeakRef target alive until the job ends, and nothing forces a collection. The first ends
// at a microtask checkpoint, which V8 also runs after evaluating a script in a vm context
// with its own microtask queue (`microtaskMode: 'afterEvaluate'`); that queue is empty, so
// only the kept set is cleared. The second needs `gc`, which a worker cannot get from
// execArgv (Node refuses V8 flags there): the flag is set just long enough for one new
// context to be created with `gc` on its global, then unset.

import * as v8 from 'node:v8';
import * as vm from 'node:vm';

/** A hook that clears the kept-alive set and collects garbage synchronously, or null if this runtime cannot. */
export function makeArrayReclaimer(): (() => void) | null {
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
  const collect = gc as () => void;
  const checkpoint = vm.createContext({}, { microtaskMode: 'afterEvaluate' });
  const endJob = new vm.Script('0');
  return () => {
    endJob.runInContext(checkpoint);
    collect();
  };
}
