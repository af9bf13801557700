// Incremental analysis for the editor: a session keeps the previous parse tree so an edit
// reparses only what changed (the parser reuses unchanged fragments), resumes the evaluation at
// the first top-level statement that changed (incremental.ts), and returns the cached result
// when the text did not change. Results are exactly those of a fresh `analyze`.

import { parse, ParseTree, TextEdit } from '../python/parse';
import type { SyntaxDiagnostic } from '../python/ast';
import { analyzeModule, AnalysisResult } from './index';
import { IncrementalEvaluation } from './incremental';

export interface SessionResult {
  readonly analysis: AnalysisResult;
  readonly syntaxErrors: readonly SyntaxDiagnostic[];
}

export class AnalysisSession {
  private tree: ParseTree | undefined;
  private text: string | undefined;
  private last: SessionResult | undefined;
  private readonly evaluation = new IncrementalEvaluation();

  /** Analyses `text`; `edits` (VS Code's content changes since the last call) speed up the reparse. */
  update(text: string, edits?: readonly TextEdit[]): SessionResult {
    if (this.last && text === this.text) return this.last;
    const parsed = parse(text, this.tree ? { tree: this.tree, edits } : undefined);
    this.tree = parsed.tree;
    this.text = text;
    this.last = { analysis: analyzeModule(parsed.module, text, this.evaluation), syntaxErrors: parsed.errors };
    return this.last;
  }
}
