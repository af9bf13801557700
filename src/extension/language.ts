// The static-analysis features (inlay hints, hover, quick fixes, diagnostics) over one
// Analyses cache. extension.ts loads this module on first use — the first hint, hover or
// diagnostics request for a Python document, or the first scratch run — so activation never
// loads the parser or the analyzer. It is a bundle of its own (out/language.js, tools/build.mjs).
import * as vscode from 'vscode';
import { Analyses } from './analyses';
import { DiagnosticsPublisher } from './diagnostics';
import { ShapeHintsProvider } from './hints';
import { ShapeHoverProvider } from './hover';
import { ShapeFixProvider } from './codeActions';

// scratch evaluation instruments the code with the same parser (evaluate.ts loads it from here)
export { instrument, selectionProgram } from './instrument';

export interface LanguageFeatures extends vscode.Disposable {
  readonly analyses: Analyses;
  readonly diagnostics: DiagnosticsPublisher;
  readonly hints: ShapeHintsProvider;
  readonly hover: ShapeHoverProvider;
  readonly fixes: ShapeFixProvider;
  /** analyses `doc` soon if it is visible, coalescing a burst of edits */
  analyseSoon(doc: vscode.TextDocument): void;
}

export function createLanguageFeatures(extensionUri: vscode.Uri): LanguageFeatures {
  const analyses = new Analyses();
  const diagnostics = new DiagnosticsPublisher(analyses, extensionUri);
  // Analyse a visible document right after an edit, off the keystroke itself: the editor asks
  // for hints only after its debounce (at least 25 ms), by when the analysis is ready and the
  // answer is immediate.
  const soon = new Map<string, ReturnType<typeof setTimeout>>();
  const analyseSoon = (doc: vscode.TextDocument) => {
    const key = doc.uri.toString();
    if (soon.has(key) || !vscode.window.visibleTextEditors.some((ed) => ed.document === doc)) return;
    soon.set(key, setTimeout(() => {
      soon.delete(key);
      try { if (!doc.isClosed) analyses.view(doc); } catch (err) { console.error('[shape-lens] analysis failed', err); }
    }, 0));
  };
  return {
    analyses, diagnostics, analyseSoon,
    hints: new ShapeHintsProvider(analyses),
    hover: new ShapeHoverProvider(analyses),
    fixes: new ShapeFixProvider(analyses),
    dispose() {
      for (const t of soon.values()) clearTimeout(t);
      soon.clear();
      diagnostics.dispose();
      analyses.dispose();
    },
  };
}
