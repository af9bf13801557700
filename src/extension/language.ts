// The static-analysis features (inlay hints, hover, quick fixes, diagnostics) over the
// analysis worker (analyses.ts). extension.ts loads this module on first use — the first
// hint, hover or diagnostics request for a Python document — so activation loads none of it.
// It is a bundle of its own (out/language.js, tools/build.mjs) and holds no parser or analyzer:
// those run in the worker thread (out/analysisWorker.js).
import * as vscode from 'vscode';
import { Analyses } from './analyses';
import { DiagnosticsPublisher } from './diagnostics';
import { ShapeHintsProvider } from './hints';
import { ShapeHoverProvider } from './hover';
import { ShapeFixProvider } from './codeActions';
import { hintsMode } from './settings';

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
  const hints = new ShapeHintsProvider(analyses);
  // Right after an edit of a visible document, ask the worker for the hints around what the
  // editor shows: the editor asks only after its debounce (at least 25 ms), by when the answer
  // is here and its request is answered at once. A burst of change events in one turn asks once.
  const soon = new Map<string, ReturnType<typeof setTimeout>>();
  const analyseSoon = (doc: vscode.TextDocument) => {
    const key = doc.uri.toString();
    if (soon.has(key) || hintsMode(doc) === 'off' || !vscode.window.visibleTextEditors.some((ed) => ed.document === doc)) return;
    soon.set(key, setTimeout(() => {
      soon.delete(key);
      const editor = vscode.window.visibleTextEditors.find((ed) => ed.document === doc);
      if (editor && !doc.isClosed) hints.prefetch(editor);
    }, 0));
  };
  return {
    analyses, diagnostics, analyseSoon, hints,
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
