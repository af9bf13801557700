// Undo log for incremental analysis. The evaluator runs a module one top-level statement at a
// time; every write to a map that existed before the current statement (the module scope,
// instance attributes, the hint and diagnostic tables) is recorded with the value it replaced.
// Rewinding to statement k undoes, newest first, the writes made by statements k, k+1, …, which
// restores exactly the state a fresh run has just before statement k. Maps made during a
// statement need no records: rewinding past that statement makes them unreachable.

interface Entry {
  /** the top-level statement that made the write */
  readonly at: number;
  readonly map: Map<unknown, unknown>;
  readonly key: unknown;
  readonly had: boolean;
  readonly prev: unknown;
}

const rawSet = Map.prototype.set;
const rawDelete = Map.prototype.delete;

export class Journal {
  /** index of the top-level statement being executed */
  stmt = 0;
  private entries: Entry[] = [];

  record(map: Map<unknown, unknown>, key: unknown): void {
    this.entries.push({ at: this.stmt, map, key, had: map.has(key), prev: map.get(key) });
  }

  /** Undoes the writes of statements `k` and later. */
  rewind(k: number): void {
    const e = this.entries;
    while (e.length > 0 && e[e.length - 1]!.at >= k) {
      const x = e.pop()!;
      if (x.had) rawSet.call(x.map, x.key, x.prev);
      else rawDelete.call(x.map, x.key);
    }
    this.stmt = k;
  }

  get size(): number {
    return this.entries.length;
  }
}

/**
 * A Map whose writes after the statement that made it are journaled; `born` -1 for maps that
 * outlive every statement (the module scope, the result tables). Without a journal: a plain Map.
 */
export class JournaledMap<K, V> extends Map<K, V> {
  private journal: Journal | null = null;
  private born = 0;

  static make<K, V>(journal: Journal | null, born = journal?.stmt ?? 0): Map<K, V> {
    if (journal === null) return new Map<K, V>();
    const m = new JournaledMap<K, V>();
    m.journal = journal;
    m.born = born;
    return m;
  }

  override set(key: K, value: V): this {
    const j = this.journal;
    if (j !== null && this.born < j.stmt) j.record(this as Map<unknown, unknown>, key);
    return super.set(key, value);
  }

  override delete(key: K): boolean {
    const j = this.journal;
    if (j !== null && this.born < j.stmt && this.has(key)) j.record(this as Map<unknown, unknown>, key);
    return super.delete(key);
  }
}
