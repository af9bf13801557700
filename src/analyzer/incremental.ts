// Incremental evaluation for the editor: after an edit, the evaluator resumes at the first
// top-level statement that changed, from the state it had before that statement (journal.ts),
// instead of re-running the module. Statements before it are unchanged (same tree, same source
// lines), so everything they computed still holds — including what a function defined there
// did for calls made before the change; calls made later are undone and re-run. The result is
// exactly a fresh analysis's (test/analyzer/incremental.test.ts checks it on random edits).

import type * as ast from '../python/ast';
import { Evaluator } from './evaluator';
import { Journal } from './journal';
import type { AnalysisOutput } from './evaluator';

export class IncrementalEvaluation {
  private evaluator: Evaluator | null = null;
  private body: readonly ast.Stmt[] = [];
  private lines: readonly string[] = [];
  /** statements re-run by the last `run` (for tests and the benchmark) */
  rerun = 0;

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
      this.evaluator = null;
      for (let i = k; i < body.length; i++) ev.execTop(i, body[i]!);
      const out = ev.output();
      this.evaluator = ev;
      this.body = [...this.body.slice(0, k), ...body.slice(k)];
      this.lines = lines;
      this.rerun = body.length - k;
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

/** Structural equality of two syntax trees (plain objects, arrays, strings, numbers, bigints). */
export function sameTree(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameTree(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  for (const k of ka) {
    if (!sameTree((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])) return false;
  }
  return true;
}
