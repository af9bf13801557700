// The extension's entry point: registers the providers and commands and returns. Activation
// (on a Python file or notebook, or one of our commands) parses and analyses nothing: each
// document is analysed when VS Code first asks for its hints, or shortly after it is shown.
// Everything here is glue over analyses.ts (static shapes), evaluate.ts (the sandboxed
// interpreter worker, which also feeds inspect.ts, the inspector webview).
import { LOAD_START } from './loadClock';
import * as vscode from 'vscode';
import { Analyses, isAnalysable } from './analyses';
import { DiagnosticsPublisher } from './diagnostics';
import { ShapeHintsProvider } from './hints';
import { ShapeHoverProvider } from './hover';
import { ShapeFixProvider } from './codeActions';
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
  const analyses = new Analyses();
  const diagnostics = new DiagnosticsPublisher(analyses, context.extensionUri);
  const hints = new ShapeHintsProvider(analyses);
  context.subscriptions.push(
    analyses, diagnostics,
    vscode.languages.registerInlayHintsProvider(PYTHON, hints),
    vscode.languages.registerHoverProvider(PYTHON, new ShapeHoverProvider(analyses)),
    vscode.languages.registerCodeActionsProvider(PYTHON, new ShapeFixProvider(analyses), { providedCodeActionKinds: ShapeFixProvider.kinds }),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (!isAnalysable(e.document) || e.contentChanges.length === 0) return;
      analyses.noteChange(e);
      diagnostics.schedule(e.document);
    }),
    vscode.workspace.onDidOpenTextDocument((d) => diagnostics.schedule(d)),
    vscode.workspace.onDidCloseTextDocument((d) => {
      analyses.forget(d);
      if (d.uri.scheme !== 'vscode-notebook-cell') diagnostics.clear(d);
    }),
    vscode.workspace.onDidChangeNotebookDocument((e) => {
      const first = e.notebook.getCells().find((c) => c.document.languageId === 'python');
      if (first) diagnostics.schedule(first.document);
    }),
    vscode.workspace.onDidOpenNotebookDocument((nb) => {
      const first = nb.getCells().find((c) => c.document.languageId === 'python');
      if (first) diagnostics.schedule(first.document);
    }),
    vscode.workspace.onDidCloseNotebookDocument((nb) => {
      analyses.forgetNotebook(nb);
      for (const c of nb.getCells()) diagnostics.clear(c.document);
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('shapeLens.hints')) hints.refresh();
      if (e.affectsConfiguration('shapeLens.diagnostics')) for (const d of vscode.workspace.textDocuments) diagnostics.schedule(d, 0);
    }),
    vscode.commands.registerCommand('shapeLens._stats', () => ({ ...stats, analysisMs: [...analyses.timings] })),
  );
  registerEvaluation(context);
  registerInspector(context);
  const debugging = registerDebugging(context);
  // documents already open: analysed after activation returns, a little later, one at a time
  const already = vscode.workspace.textDocuments.filter(isAnalysable);
  already.forEach((d, i) => diagnostics.schedule(d, 200 + 50 * i));
  const t1 = performance.now();
  stats.activateBodyMs = t1 - t0;
  stats.activationMs = t1 - LOAD_START;
  stats.moduleLoadMs = LOADED - LOAD_START;
  stats.analysesAtActivation = analyses.timings.length;
  return {
    stats: () => ({ ...stats, analysisMs: [...analyses.timings] }),
    inlineResults: (uri) => evaluation()?.inlineResults(uri) ?? [],
    debug: debugging,
  };
}

export function deactivate(): void {}
