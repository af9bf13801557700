// Asking a paused frame which of some names are arrays or tensors: one metadata request per
// name, a few at a time, within a time budget — what the inline values and the Shapes view
// both need. Names the frame lacks, non-arrays, errors and late answers are simply left out:
// these features never interrupt the user. Pure: the adapter is behind `Evaluator`.
import { fetchMeta, type Evaluator } from './remoteArray';
import type { RemoteArrayMeta } from './remoteExpressions';

export interface ProbeLimits {
  /** requests in flight at once */
  readonly concurrency: number;
  /** wait for one answer at most this long */
  readonly perRequestMs: number;
  /** stop starting requests after this long; answers arriving later are dropped */
  readonly budgetMs: number;
}

export const INLINE_LIMITS: ProbeLimits = { concurrency: 4, perRequestMs: 1000, budgetMs: 2500 };

/** `name → metadata` for the names that are arrays/tensors in the frame, in `names` order. */
export async function probeArrays(ev: Evaluator, names: readonly string[], limits: ProbeLimits, isCancelled: () => boolean = () => false): Promise<Map<string, RemoteArrayMeta>> {
  const found = new Map<string, RemoteArrayMeta>();
  const t0 = Date.now();
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < names.length) {
      if (isCancelled() || Date.now() - t0 > limits.budgetMs) return;
      const name = names[next++];
      try {
        const remaining = Math.max(1, Math.min(limits.perRequestMs, limits.budgetMs - (Date.now() - t0)));
        const m = await fetchMeta(ev, name, remaining);
        if (m.ok && Date.now() - t0 <= limits.budgetMs) found.set(name, m.meta);
      } catch { /* not defined here, not readable, too slow: no inline value for it */ }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, limits.concurrency) }, worker));
  return new Map(names.filter((n) => found.has(n)).map((n) => [n, found.get(n)!]));
}
