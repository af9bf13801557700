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
const rawGet = Map.prototype.get;
const rawHas = Map.prototype.has;

/**
 * What one top-level statement read from and wrote to maps older than itself (the result tables
 * excepted): if every read still gives the same value, running the statement again would do
 * the same writes (incremental.ts replays them instead).
 */
export interface Footprint {
  readonly reads: { readonly map: Map<unknown, unknown>; readonly key: unknown; readonly value: unknown }[];
  readonly writes: { readonly map: Map<unknown, unknown>; readonly key: unknown; readonly value: unknown; readonly del: boolean }[];
}

/** What `map` holds at `key` now (without recording a read). */
export function current(map: Map<unknown, unknown>, key: unknown): unknown {
  return rawGet.call(map, key);
}

export class Journal {
  /** index of the top-level statement being executed */
  stmt = 0;
  /** the current statement's reads and writes, when they are being recorded */
  footprint: Footprint | null = null;
  private entries: Entry[] = [];

  record(map: Map<unknown, unknown>, key: unknown): void {
    this.entries.push({ at: this.stmt, map, key, had: rawHas.call(map, key), prev: rawGet.call(map, key) });
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
  /** a result table (hints, diagnostics): journaled, but not part of footprints */
  private table = false;

  static make<K, V>(journal: Journal | null, born = journal?.stmt ?? 0, table = false): Map<K, V> {
    if (journal === null) return new Map<K, V>();
    const m = new JournaledMap<K, V>();
    m.journal = journal;
    m.born = born;
    m.table = table;
    return m;
  }

  private footprint(): Footprint | null {
    const j = this.journal;
    return j !== null && j.footprint !== null && !this.table && this.born < j.stmt ? j.footprint : null;
  }

  override get(key: K): V | undefined {
    const value = super.get(key);
    this.footprint()?.reads.push({ map: this as Map<unknown, unknown>, key, value });
    return value;
  }

  override has(key: K): boolean {
    this.footprint()?.reads.push({ map: this as Map<unknown, unknown>, key, value: super.get(key) });
    return super.has(key);
  }

  override set(key: K, value: V): this {
    const j = this.journal;
    if (j !== null && this.born < j.stmt) j.record(this as Map<unknown, unknown>, key);
    this.footprint()?.writes.push({ map: this as Map<unknown, unknown>, key, value, del: false });
    return super.set(key, value);
  }

  override delete(key: K): boolean {
    const j = this.journal;
    if (j !== null && this.born < j.stmt && super.has(key)) j.record(this as Map<unknown, unknown>, key);
    this.footprint()?.writes.push({ map: this as Map<unknown, unknown>, key, value: undefined, del: true });
    return super.delete(key);
  }
}
