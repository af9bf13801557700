// The extension's entry point: registers the providers and commands and returns. Activation
// (on a Python file or notebook, or one of our commands) parses and analyses nothing, and does
// not even load the parser and analyzer: language.ts is imported on first use — the first
// hint, hover or diagnostics request — and each document is analysed when VS Code first asks
// for its hints, or shortly after it is shown or edited. Everything here is glue over
// language.ts (static shapes), evaluate.ts (the sandboxed interpreter worker, which also feeds
// inspect.ts, the inspector webview) and debug/ (live debugging).
import { LOAD_START } from './loadClock';
import * as vscode from 'vscode';
import { isAnalysable } from './pythonDocuments';
import { loadLanguage, type LanguageFeatures } from './languageBundle';
import { evaluation, registerEvaluation } from './evaluate';
import { registerInspector } from './inspect';
import { registerDebugging, type DebuggingApi } from './debug/registerDebugging';

/** every module of the bundle has been evaluated by now */
const LOADED = performance.now();

const PYTHON: vscode.DocumentSelector = [{ language: 'python' }, { notebookType: 'jupyter-notebook', language: 'python' }];

interface Stats {
  /** ms from the bundle starting to load to activate() returning (includes the host's queueing in between) */
  activationMs: number;
  /** ms to evaluate the bundle's modules */
  moduleLoadMs: number;
  /** ms spent in activate() itself */
  activateBodyMs: number;
  /** analyses run by the time activate() returned (0: nothing eager) */
  analysesAtActivation: number;
  /** the last analyses' durations, ms */
  analysisMs: number[];
  /** when (performance.now()) out/language.js was loaded and its features created, and how long that took */
  languageLoad?: { at: number; ms: number };
  /** where the analysis runs: the worker thread, or the host's when none could start */
  analysisThread?: { thread: 'worker' | 'host' | 'none'; losses: number; lastLoss?: string };
}

const stats: Stats = { activationMs: 0, moduleLoadMs: 0, activateBodyMs: 0, analysesAtActivation: 0, analysisMs: [] };

/** What activate() returns: for tests and other extensions. */
export interface ShapeLensApi {
  stats(): Stats;
  /** the scratch-evaluation results shown inline in a document */
  inlineResults(uri: vscode.Uri): { line: number; text: string; error: boolean }[];
  /** live debugging: the last inline shapes and the Shapes view's lines */
  debug: DebuggingApi;
}

export function activate(context: vscode.ExtensionContext): ShapeLensApi {
  const t0 = performance.now();
  // the static-analysis features: out/language.js, a bundle of its own, loaded on first use
  let ready: LanguageFeatures | undefined;
  const language = (): LanguageFeatures => {
    if (!ready) {
      const at = performance.now();
      ready = loadLanguage().createLanguageFeatures(context.extensionUri);
      stats.languageLoad = { at, ms: performance.now() - at };
      context.subscriptions.push(ready);
    }
    return ready;
  };
  const currentStats = (): Stats => ({ ...stats, analysisMs: [...(ready?.analyses.timings ?? [])], analysisThread: ready?.analyses.thread() });
  const hintsChanged = new vscode.EventEmitter<void>();
  context.subscriptions.push(
    hintsChanged,
    vscode.languages.registerInlayHintsProvider(PYTHON, {
      onDidChangeInlayHints: hintsChanged.event,
      provideInlayHints: (doc, range) => language().hints.provideInlayHints(doc, range),
      resolveInlayHint: (hint) => language().hints.resolveInlayHint(hint),
    }),
    vscode.languages.registerHoverProvider(PYTHON, {
      provideHover: (doc, pos) => language().hover.provideHover(doc, pos),
    }),
    vscode.languages.registerCodeActionsProvider(PYTHON, {
      provideCodeActions: (doc, range, ctx) => language().fixes.provideCodeActions(doc, range, ctx),
    }, { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] }),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (!isAnalysable(e.document) || e.contentChanges.length === 0) return;
      const l = language();
      l.analyses.noteChange(e);
      l.diagnostics.schedule(e.document);
      l.analyseSoon(e.document);
    }),
    vscode.workspace.onDidOpenTextDocument((d) => {
      if (isAnalysable(d)) language().diagnostics.schedule(d);
    }),
    vscode.workspace.onDidCloseTextDocument((d) => {
      if (!ready) return;
      ready.analyses.forget(d);
      if (d.uri.scheme !== 'vscode-notebook-cell') ready.diagnostics.clear(d);
    }),
    vscode.workspace.onDidChangeNotebookDocument((e) => {
      const first = e.notebook.getCells().find((c) => c.document.languageId === 'python');
      if (first) language().diagnostics.schedule(first.document);
    }),
    vscode.workspace.onDidOpenNotebookDocument((nb) => {
      const first = nb.getCells().find((c) => c.document.languageId === 'python');
      if (first) language().diagnostics.schedule(first.document);
    }),
    vscode.workspace.onDidCloseNotebookDocument((nb) => {
      if (!ready) return;
      ready.analyses.forget(nb);
      for (const c of nb.getCells()) ready.diagnostics.clear(c.document);
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('shapeLens.hints')) hintsChanged.fire();
      if (ready && e.affectsConfiguration('shapeLens.diagnostics')) for (const d of vscode.workspace.textDocuments) ready.diagnostics.schedule(d, 0);
    }),
    vscode.commands.registerCommand('shapeLens._stats', currentStats),
  );
  registerEvaluation(context, () => language().analyses);
  registerInspector(context);
  const debugging = registerDebugging(context);
  // documents already open: analysed after activation returns, a little later, one at a time
  const already = vscode.workspace.textDocuments.filter(isAnalysable);
  already.forEach((d, i) => setTimeout(() => language().diagnostics.schedule(d, 0), 200 + 50 * i));
  const t1 = performance.now();
  stats.activateBodyMs = t1 - t0;
  stats.activationMs = t1 - LOAD_START;
  stats.moduleLoadMs = LOADED - LOAD_START;
  stats.analysesAtActivation = ready?.analyses.timings.length ?? 0;
  return {
    stats: currentStats,
    inlineResults: (uri) => evaluation()?.inlineResults(uri) ?? [],
    debug: debugging,
  };
}

export function deactivate(): void {}
