// Asking a paused frame which of some names are arrays or tensors: one metadata request per
// name, a few at a time, within a time budget — what the inline values and the Shapes view
// both need. Names the frame lacks, non-arrays and errors are answered `null`; names not
// answered in time are left out (to ask again). Pure: the adapter is behind `Evaluator`.
import { fetchMeta, RemoteArrayError, type Evaluator } from './remoteArray';
import type { RemoteArrayMeta } from './remoteExpressions';

export interface ProbeLimits {
  /** requests in flight at once */
  readonly concurrency: number;
  /** wait for one answer at most this long */
  readonly perRequestMs: number;
  /** stop starting requests after this long; answers arriving later are dropped */
  readonly budgetMs: number;
}

/** Per name: its metadata, or null when the frame answered that it is not an array (or lacks it). */
export type ProbeResult = Map<string, RemoteArrayMeta | null>;

/**
 * Asks the frame about each name; the result holds the names that got an answer, in `names`
 * order: metadata for arrays/tensors, null for anything else the frame answered about (not an
 * array, not defined, an error). Names left unasked or unanswered in time are absent.
 */
export async function probeArrays(ev: Evaluator, names: readonly string[], limits: ProbeLimits, isCancelled: () => boolean = () => false): Promise<ProbeResult> {
  const answers = new Map<string, RemoteArrayMeta | null>();
  const t0 = Date.now();
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < names.length) {
      if (isCancelled() || Date.now() - t0 > limits.budgetMs) return;
      const name = names[next++];
      try {
        const m = await fetchMeta(ev, name, limits.perRequestMs);
        // lists of arrays are for Inspect only: inline values and the Shapes view show arrays and tensors
        answers.set(name, m.ok && !m.meta.listOf ? m.meta : null);
      } catch (e) {
        // a timeout says nothing about the name: leave it out so it is asked again
        if (!(e instanceof RemoteArrayError && /took longer than/.test(e.message))) answers.set(name, null);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, limits.concurrency) }, worker));
  return new Map(names.filter((n) => answers.has(n)).map((n) => [n, answers.get(n)!]));
}

/** The arrays among probe answers, in order. */
export function arraysOf(r: ProbeResult): [string, RemoteArrayMeta][] {
  return [...r].filter((e): e is [string, RemoteArrayMeta] => e[1] !== null);
}
