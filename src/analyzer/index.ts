// The analyzer's API: `analyze(source)` → hints (the shape of each assignment), diagnostics
// (shape errors NumPy/torch would raise, with their exact text) and `shapesAt(offset)`.
// Pure and synchronous over the AST; it never runs user code and never throws on user input
// (an internal failure yields no results rather than an exception in the editor).

import type * as ast from '../python/ast';
import { Evaluator } from './evaluator';
import type { IncrementalEvaluation } from './incremental';
import { parse } from '../python/parse';
import { Diagnostic, formatValue, Hint, shapeJson } from './diagnostics';

export type { Diagnostic, Hint } from './diagnostics';
export { formatValue, shapeJson, CODE_HELP } from './diagnostics';

export interface AnalysisResult {
  readonly hints: readonly Hint[];
  readonly diagnostics: readonly Diagnostic[];
  /** the hints whose statement covers `offset` */
  shapesAt(offset: number): Hint[];
}

/** Analyses a parsed module; with `incremental`, resuming from that object's previous run. */
export function analyzeModule(module: ast.Module, source: string, incremental?: IncrementalEvaluation): AnalysisResult {
  let hints: Hint[] = [];
  let diagnostics: Diagnostic[] = [];
  try {
    const out = incremental ? incremental.run(module, source) : new Evaluator(source.split('\n')).run(module);
    hints = out.hints;
    diagnostics = out.diagnostics;
  } catch (e) {
    // an analyzer bug must never surface as an editor error: report nothing
    if (process.env.SHAPE_LENS_DEBUG) throw e;
  }
  return {
    hints,
    diagnostics,
    shapesAt: (offset) => hints.filter((h) => h.range.from <= offset && offset <= h.range.to),
  };
}

/** One row of `shape-lens shapes`: the shape of each name assignment, in source order. */
export function shapeRows(result: AnalysisResult): { line: number; name: string; shape: (number | string | null)[] | null; dtype: string | null }[] {
  return result.hints.map((h) => ({
    line: h.line,
    name: h.name,
    shape: shapeJson(h.value),
    dtype: h.value.kind === 'array' ? h.value.dtype : null,
  }));
}

export function hintText(h: Hint): string | null {
  return formatValue(h.value);
}

/** Parses and analyses source text (the front end never throws either). */
export function analyze(source: string): AnalysisResult {
  return analyzeModule(parse(source).module, source);
}
