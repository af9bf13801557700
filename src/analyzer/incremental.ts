// Incremental evaluation for the editor: after an edit, the evaluator resumes at the first
// top-level statement that changed, from the state it had before that statement (journal.ts),
// instead of re-running the module. Statements before it are unchanged (same tree, same source
// lines), so everything they computed still holds — including what a function defined there
// did for calls made before the change; calls made later are undone and re-run. A later
// statement that is unchanged apart from moving along its line, and whose every read gives the
// same value as last time, is replayed (its writes, hints and diagnostics, moved) instead of
// run. The result is exactly a fresh analysis's (test/analyzer/incremental.test.ts checks it).

import type * as ast from '../python/ast';
import { Evaluator } from './evaluator';
import { Journal } from './journal';
import { sameTree } from './sameTree';
import { changedStretch } from '../python/textDiff';
import { shiftedFrom } from '../python/reuse';
import type { AnalysisOutput } from './evaluator';

export class IncrementalEvaluation {
  private evaluator: Evaluator | null = null;
  private body: readonly ast.Stmt[] = [];
  private lines: readonly string[] = [];
  /** statements re-run by the last `run`, and of those replayed (for tests and the benchmark) */
  rerun = 0;
  replayed = 0;
  private source = '';

  /** Analyses `module` (parsed from `source`), reusing the previous run's work where it can. */
  run(module: ast.Module, source: string): AnalysisOutput {
    const lines = source.split('\n');
    const body = module.body;
    let k = 0;
    if (this.evaluator !== null) {
      const old = this.body;
      const n = Math.min(old.length, body.length);
      while (k < n && sameStatement(old[k]!, body[k]!, this.lines, lines)) k++;
    }
    try {
      let ev = this.evaluator;
      if (ev === null) {
        ev = new Evaluator(lines, new Journal());
        k = 0;
      } else {
        ev.rewind(k, lines);
      }
      // until this run completes, a failure must not leave a half-updated evaluator behind
      const old = this.body;
      this.evaluator = null;
      const move = offsetMap(this.source, source);
      let replayed = 0;
      // statements after the edit pair with the old ones at the same distance from the end, so
      // that adding or removing a statement (on lines that were already there) keeps the replays
      const added = body.length - old.length;
      for (let i = k; i < body.length; i++) {
        const was = i - added;
        const a = was >= k ? old[was] : undefined, b = body[i]!;
        const again = a !== undefined && a.range.line === b.range.line && sameStatementMoved(a, b, this.lines, lines, move) && ev.replayTop(i, b, move, was);
        if (again) replayed++;
        else ev.execTop(i, b);
      }
      const out = ev.output();
      this.evaluator = ev;
      this.body = [...old.slice(0, k), ...body.slice(k)];
      this.lines = lines;
      this.source = source;
      this.rerun = body.length - k;
      this.replayed = replayed;
      return out;
    } catch (e) {
      this.body = [];
      this.rerun = body.length;
      throw e;
    }
  }
}

/** The same statement at the same place with the same source lines (comments included: `# shape:`). */
function sameStatement(a: ast.Stmt, b: ast.Stmt, linesA: readonly string[], linesB: readonly string[]): boolean {
  const r = a.range;
  for (let l = r.line - 1; l < r.endLine; l++) if (linesA[l] !== linesB[l]) return false;
  return a === b || sameTree(a, b);
}

/** `b` is `a` moved (offsets mapped by `move`) on the same lines with the same text. */
function sameStatementMoved(a: ast.Stmt, b: ast.Stmt, linesA: readonly string[], linesB: readonly string[], move: (offset: number) => number): boolean {
  const r = a.range;
  if (move(r.from) !== b.range.from) return false;
  for (let l = r.line - 1; l < r.endLine; l++) if (linesA[l] !== linesB[l]) return false;
  // the parser's moved copy of `a` (reuse.ts): every range moved alike, so when its ends map as
  // `move` maps them, all of `a` lies after the edit and `move` maps every range of it alike too
  if (shiftedFrom(b) === a && move(r.to) === b.range.to && b.range.line === r.line && b.range.endLine === r.endLine) return true;
  return sameTreeMoved(a, b, move);
}

/**
 * Maps offsets of `before` to `after` for an edit of one stretch of text: positions in the
 * common prefix stay, those in the common suffix move by the length change, and those in the
 * changed stretch (or on its boundary, where it is ambiguous) map to -1.
 */
export function offsetMap(before: string, after: string): (offset: number) => number {
  const change = changedStretch(before, after);
  if (change === undefined) return (x) => x;
  const p = change.from, suffixStart = change.toBefore;
  const delta = after.length - before.length;
  return (x) => (x < p ? x : x >= suffixStart && x > p ? x + delta : x === p && p === before.length && delta === 0 ? x : -1);
}

function sameTreeMoved(a: unknown, b: unknown, move: (offset: number) => number): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameTreeMoved(a[i], b[i], move)) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const x = a as Record<string, unknown>, y = b as Record<string, unknown>;
  // for-in, not Object.keys: no array per node
  let keys = 0;
  for (const k in x) {
    keys++;
    const u = x[k], w = y[k];
    if (k === 'range' || k === 'nameRange' || k === 'attrRange') {
      const r = u as ast.Range, t = w as ast.Range;
      if (move(r.from) !== t.from || move(r.to) !== t.to || r.line !== t.line || r.col !== t.col || r.endLine !== t.endLine || r.endCol !== t.endCol) return false;
    } else if (!sameTreeMoved(u, w, move)) return false;
  }
  for (const _ in y) keys--;
  return keys === 0;
}

export { sameTree };
