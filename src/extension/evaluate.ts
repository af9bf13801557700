// Scratch evaluation: "Evaluate Selection" / "Evaluate File" run the code in the bundled
// interpreter (src/interpreter, in a worker thread: runInWorker) — never on the extension
// host's thread, never with Python. Results: each top-level statement's value at the end of
// its line (decorations), printed output in the "Shape Lens" output channel, an uncaught
// exception as an error diagnostic at its line with the traceback. A status-bar item shows
// the run and cancels it (cooperatively, then by terminating the worker). Also owns
// "New Scratch" and "Inspect Array" (whose arrays come from a run).
import * as vscode from 'vscode';
import type { RunResult, VariableInfo } from '../interpreter/run';
import { parseDType } from '../../engine/core/dtype';
import type { NDArray } from '../../engine/core/ndarray';
import type { Instrumented, Snapshot } from './instrument';
import { SNAPSHOT_PREFIX } from './snapshotNames';
import type { Analyses } from './analyses';
import { evaluationLimits, inspectorMaxElements } from './settings';
import { showInInspector } from './inspect';
import { loadInspectorData } from './inspectorDataBundle';

export const RUN_SOURCE = 'Shape Lens (run)';

const SCRATCH_SAMPLE = `# Shape Lens scratch: evaluate with Ctrl+Alt+Enter (selection or line), Ctrl+Alt+Shift+Enter (file).
# Runs in Shape Lens's own NumPy/PyTorch interpreter: no Python needed.
import numpy as np

X = np.random.randn(4, 3)          # a batch of 4 samples, 3 features
W = np.random.randn(3, 2) * 0.01   # weights: 3 inputs -> 2 outputs
b = np.zeros(2)
out = X @ W + b                    # (4, 3) @ (3, 2) + (2,) -> (4, 2)
print(out.shape)
mu = X.mean(axis=0)                # per-feature mean: (3,)
Xn = (X - mu) / X.std(axis=0)
Xn.mean(axis=0).round(6)
`;

interface LastRun {
  readonly uri: string;
  readonly version: number;
  readonly result: RunResult;
  readonly snapshots: readonly Snapshot[];
}

class Evaluation implements vscode.Disposable {
  private output: vscode.OutputChannel | undefined;
  private status: vscode.StatusBarItem | undefined;
  readonly errors = vscode.languages.createDiagnosticCollection('shape-lens-run');
  private readonly valueDecoration = vscode.window.createTextEditorDecorationType({
    after: { color: new vscode.ThemeColor('editorCodeLens.foreground'), margin: '0 0 0 2em', fontStyle: 'italic' },
    rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
  });
  private readonly errorDecoration = vscode.window.createTextEditorDecorationType({
    after: { color: new vscode.ThemeColor('editorError.foreground'), margin: '0 0 0 2em' },
    rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
  });
  private running: { controller: AbortController; uri: string } | undefined;
  /** decorations per document, re-applied when its editor becomes visible again */
  private readonly decorations = new Map<string, { values: vscode.DecorationOptions[]; errors: vscode.DecorationOptions[] }>();
  last: LastRun | undefined;
  private readonly completed = new vscode.EventEmitter<RunResult>();
  readonly onDidComplete = this.completed.event;

  /** `analyses`: the analysis worker's host side (language.ts), which instruments the program */
  constructor(private readonly context: vscode.ExtensionContext, private readonly analyses: () => Analyses) {}

  channel(): vscode.OutputChannel {
    this.output ??= vscode.window.createOutputChannel('Shape Lens');
    return this.output;
  }

  private showStatus(label: string): void {
    if (!this.status) {
      this.status = vscode.window.createStatusBarItem('shapeLens.run', vscode.StatusBarAlignment.Left, 100);
      this.status.name = 'Shape Lens evaluation';
      this.status.command = 'shapeLens.cancelEvaluation';
      this.status.tooltip = 'Shape Lens is running your code in its sandboxed interpreter. Click to cancel.';
    }
    this.status.text = `$(loading~spin) Shape Lens: running ${label} — click to cancel`;
    this.status.show();
  }

  private hideStatus(): void {
    this.status?.hide();
  }

  cancel(): boolean {
    if (!this.running) return false;
    this.running.controller.abort();
    return true;
  }

  get isRunning(): boolean {
    return this.running !== undefined;
  }

  /** Clears a document's run results (decorations, error diagnostics). */
  clear(uri: vscode.Uri): void {
    const key = uri.toString();
    if (!this.decorations.has(key) && !this.errors.has(uri)) return;
    this.decorations.delete(key);
    this.errors.delete(uri);
    for (const ed of vscode.window.visibleTextEditors) if (ed.document.uri.toString() === key) this.paint(ed);
  }

  /** The inline results shown for a document, `line: text` (for tests and the API). */
  inlineResults(uri: vscode.Uri): { line: number; text: string; error: boolean }[] {
    const d = this.decorations.get(uri.toString());
    if (!d) return [];
    const row = (o: vscode.DecorationOptions, error: boolean) => ({ line: o.range.start.line + 1, text: o.renderOptions?.after?.contentText ?? '', error });
    return [...d.values.map((o) => row(o, false)), ...d.errors.map((o) => row(o, true))].sort((a, b) => a.line - b.line);
  }

  paint(ed: vscode.TextEditor): void {
    const d = this.decorations.get(ed.document.uri.toString());
    ed.setDecorations(this.valueDecoration, d?.values ?? []);
    ed.setDecorations(this.errorDecoration, d?.errors ?? []);
  }

  async run(doc: vscode.TextDocument, selection?: { fromLine: number; toLine: number }, opts: { maxValues?: number; quiet?: boolean } = {}): Promise<RunResult> {
    this.cancel();
    const controller = new AbortController();
    const uri = doc.uri.toString();
    this.running = { controller, uri };
    void vscode.commands.executeCommand('setContext', 'shapeLens.running', true);
    const text = doc.getText();
    const label = selection ? `${shortName(doc)} lines ${selection.fromLine}–${selection.toLine}` : shortName(doc);
    const out = this.channel();
    if (!opts.quiet) {
      out.appendLine(`▶ ${label}`);
      this.showStatus(label);
    }
    const limits = evaluationLimits();
    let result: RunResult;
    let inst: Instrumented;
    try {
      // loaded on the first run, not at activation (the worker host, the engine's ops); the
      // program is instrumented in the analysis worker (the parser never runs on this thread)
      const { runInWorker } = await import('../interpreter/host');
      inst = await this.analyses().instrument(text, selection);
      result = await runInWorker(inst.source, doc.uri.scheme === 'file' ? doc.uri.fsPath : shortName(doc), {
        limits: { timeLimitMs: limits.timeoutMs, maxArrayBytes: limits.memoryLimitMb * 1024 * 1024 },
        maxHeapMb: limits.memoryLimitMb,
        maxValues: opts.maxValues ?? 0,
        signal: controller.signal,
        onStdout: opts.quiet ? undefined : (chunk) => out.append(chunk),
      });
    } finally {
      if (this.running?.controller === controller) {
        this.running = undefined;
        void vscode.commands.executeCommand('setContext', 'shapeLens.running', false);
        this.hideStatus();
      }
    }
    result = fixColumns(result, inst.shifted);
    if (opts.quiet) return result;
    if (result.stderr) out.append(result.stderr.endsWith('\n') ? result.stderr : `${result.stderr}\n`);
    out.appendLine(result.error
      ? `✗ ${result.error.type}${result.error.range ? ` at line ${result.error.range.line}` : ''} (${result.durationMs} ms)`
      : `✓ done in ${result.durationMs} ms`);
    this.last = { uri, version: doc.version, result, snapshots: inst.snapshots };
    this.publish(doc, result, inst.snapshots);
    this.completed.fire(result);
    return result;
  }

  private publish(doc: vscode.TextDocument, result: RunResult, snapshots: readonly Snapshot[]): void {
    const vars = new Map(result.variables.map((v) => [v.name, v]));
    const values: vscode.DecorationOptions[] = [];
    const byLine = new Map<number, string[]>();
    const arraysByLine = new Map<number, string[]>();
    for (const s of snapshots) {
      const v = vars.get(s.variable);
      if (!v || (s.name === undefined && v.type === 'NoneType')) continue;
      const list = byLine.get(s.line) ?? [];
      list.push(s.name ? `${s.name}: ${describeValue(v)}` : `→ ${describeValue(v)}`);
      byLine.set(s.line, list);
      if (s.name && v.shape && v.shape.length > 0) arraysByLine.set(s.line, [...(arraysByLine.get(s.line) ?? []), s.name]);
    }
    if (evaluationLimits().showInline) {
      for (const [line, parts] of byLine) {
        if (line > doc.lineCount) continue;
        const end = doc.lineAt(line - 1).range.end;
        const text = truncate(parts.join('   '), 120);
        values.push({ range: new vscode.Range(end, end), renderOptions: { after: { contentText: text } }, hoverMessage: hoverFor(parts, doc.uri, arraysByLine.get(line) ?? []) });
      }
    }
    const errors: vscode.DecorationOptions[] = [];
    const e = result.error;
    if (e && e.range && e.range.line <= doc.lineCount) {
      const r = e.range;
      const lineText = doc.lineAt(r.line - 1).text;
      const start = new vscode.Position(r.line - 1, Math.min(r.col, lineText.length));
      const end = r.endLine === r.line && r.endCol > r.col ? new vscode.Position(r.line - 1, Math.min(r.endCol, lineText.length)) : doc.lineAt(r.line - 1).range.end;
      const d = new vscode.Diagnostic(new vscode.Range(start, end), `${e.type}: ${e.message}\n\n${result.stderr.trimEnd()}`, vscode.DiagnosticSeverity.Error);
      d.source = RUN_SOURCE;
      d.code = e.kind;
      const related = e.frames.filter((f) => f.line >= 1 && f.line <= doc.lineCount && f.line !== r.line && (f.filename === doc.uri.fsPath || f.filename === shortName(doc)))
        .map((f) => new vscode.DiagnosticRelatedInformation(new vscode.Location(doc.uri, doc.lineAt(f.line - 1).range), `called from ${f.name}`));
      if (related.length) d.relatedInformation = related;
      this.errors.set(doc.uri, [d]);
      errors.push({ range: new vscode.Range(doc.lineAt(r.line - 1).range.end, doc.lineAt(r.line - 1).range.end), renderOptions: { after: { contentText: truncate(`✗ ${e.type}: ${e.message}`, 140) } } });
    } else {
      this.errors.delete(doc.uri);
      if (e) void vscode.window.showWarningMessage(`Shape Lens: ${e.type}: ${e.message}`);
    }
    this.decorations.set(doc.uri.toString(), { values, errors });
    for (const ed of vscode.window.visibleTextEditors) if (ed.document === doc) this.paint(ed);
  }

  /** An array variable of the last run of `doc` (values included), or a fresh run that keeps them. */
  async arrayOf(doc: vscode.TextDocument, name: string): Promise<{ info: VariableInfo; array: NDArray } | string> {
    const max = inspectorMaxElements();
    const find = (r: RunResult) => r.variables.find((v) => v.name === name);
    let r: RunResult | undefined;
    if (this.last && this.last.uri === doc.uri.toString() && this.last.version === doc.version) {
      const v = find(this.last.result);
      if (v?.values && !v.truncated && v.values.length === v.size) r = this.last.result;
    }
    if (!r) {
      r = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: `Shape Lens: running ${shortName(doc)} to inspect ${name}` },
        () => this.run(doc, undefined, { maxValues: max, quiet: true }));
    }
    const v = find(r);
    if (!v) return r.error ? `${name} was not computed: ${r.error.type}: ${r.error.message}` : `no top-level variable named ${name}`;
    if (!v.shape || !v.dtype || !v.values) return `${name} is a ${v.type}, not an array`;
    if (v.truncated || v.values.length < (v.size ?? 0)) return `${name} has ${v.size} elements, more than shapeLens.inspector.maxElements (${max})`;
    const dtype = parseDType(v.dtype.replace(/^torch\./, ''));
    if (!dtype) return `unsupported dtype ${v.dtype}`;
    return { info: v, array: (await loadInspectorData()).arrayOfValues(v.values, dtype, v.shape) };
  }

  dispose(): void {
    this.cancel();
    this.output?.dispose();
    this.status?.dispose();
    this.errors.dispose();
    this.valueDecoration.dispose();
    this.errorDecoration.dispose();
  }
}

function shortName(doc: vscode.TextDocument): string {
  return doc.isUntitled ? doc.uri.path : doc.uri.path.split('/').pop() ?? doc.uri.path;
}

function truncate(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}

/** `(2, 3) int64  [[0 1 2] [3 4 5]]`, `5`, `'text'`. */
export function describeValue(v: VariableInfo): string {
  const flat = v.repr.replace(/\s+/g, ' ');
  if (v.shape && v.dtype && v.shape.length > 0) {
    const shape = v.shape.length === 1 ? `(${v.shape[0]},)` : `(${v.shape.join(', ')})`;
    const body = flat.replace(/^(array|tensor)\((.*)\)$/s, '$2').replace(/, dtype=\w+$/, '');
    return `${shape} ${v.dtype}  ${truncate(body, 60)}`;
  }
  return truncate(flat, 80);
}

function hoverFor(parts: string[], uri: vscode.Uri, arrays: readonly string[]): vscode.MarkdownString {
  const md = new vscode.MarkdownString();
  md.appendCodeblock(parts.join('\n'), 'text');
  for (const name of arrays) {
    const args = encodeURIComponent(JSON.stringify([{ uri: uri.toString(), name }]));
    md.appendMarkdown(`[Inspect \`${name}\`](command:shapeLens.inspectArray?${args})  `);
  }
  if (arrays.length) md.isTrusted = { enabledCommands: ['shapeLens.inspectArray'] };
  return md;
}

function fixColumns(r: RunResult, shifted: ReadonlyMap<number, number>): RunResult {
  const e = r.error;
  const hidden = (s: string) => s.replace(new RegExp(`${SNAPSHOT_PREFIX}\\d+_s = `, 'g'), '').replace(new RegExp(`; ${SNAPSHOT_PREFIX}\\w+_s = \\w+`, 'g'), '');
  const stderr = hidden(r.stderr);
  if (!e || !e.range) return { ...r, stderr };
  const k = shifted.get(e.range.line) ?? 0;
  const range = k ? { ...e.range, col: Math.max(0, e.range.col - k), endCol: e.range.endLine === e.range.line ? Math.max(0, e.range.endCol - k) : e.range.endCol } : e.range;
  return { ...r, stderr, error: { ...e, range } };
}

let instance: Evaluation | undefined;

export function evaluation(): Evaluation | undefined {
  return instance;
}

export function registerEvaluation(context: vscode.ExtensionContext, analyses: () => Analyses): void {
  const ev = new Evaluation(context, analyses);
  instance = ev;
  const activePython = (): vscode.TextEditor | undefined => {
    const ed = vscode.window.activeTextEditor;
    if (!ed || ed.document.languageId !== 'python') {
      void vscode.window.showInformationMessage('Shape Lens: open a Python file or scratch to evaluate.');
      return undefined;
    }
    return ed;
  };
  context.subscriptions.push(
    ev,
    vscode.commands.registerCommand('shapeLens.evaluateSelection', async (): Promise<RunResult | undefined> => {
      const ed = activePython();
      if (!ed) return undefined;
      const sel = ed.selection;
      const fromLine = sel.start.line + 1;
      const toLine = sel.isEmpty ? fromLine : sel.end.character === 0 && sel.end.line > sel.start.line ? sel.end.line : sel.end.line + 1;
      return ev.run(ed.document, { fromLine, toLine });
    }),
    vscode.commands.registerCommand('shapeLens.evaluateFile', async (): Promise<RunResult | undefined> => {
      const ed = activePython();
      return ed ? ev.run(ed.document) : undefined;
    }),
    vscode.commands.registerCommand('shapeLens.cancelEvaluation', () => ev.cancel()),
    vscode.commands.registerCommand('shapeLens.clearResults', () => {
      const ed = vscode.window.activeTextEditor;
      if (ed) ev.clear(ed.document.uri);
    }),
    vscode.commands.registerCommand('shapeLens.newScratch', async () => {
      const doc = await vscode.workspace.openTextDocument({ language: 'python', content: SCRATCH_SAMPLE });
      return vscode.window.showTextDocument(doc);
    }),
    vscode.commands.registerCommand('shapeLens.inspectArray', async (arg?: { uri?: string; name?: string }) => {
      const doc = arg?.uri ? await vscode.workspace.openTextDocument(vscode.Uri.parse(arg.uri)) : vscode.window.activeTextEditor?.document;
      if (!doc || doc.languageId !== 'python') {
        void vscode.window.showInformationMessage('Shape Lens: open a Python file to inspect one of its arrays.');
        return undefined;
      }
      let name = arg?.name;
      if (!name) {
        const ed = vscode.window.activeTextEditor;
        const word = ed && ed.document === doc ? ed.document.getText(ed.document.getWordRangeAtPosition(ed.selection.active)) : '';
        const fromLast = ev.last && ev.last.uri === doc.uri.toString()
          ? ev.last.result.variables.filter((v) => v.shape && !v.name.startsWith(SNAPSHOT_PREFIX)).map((v) => ({ label: v.name, description: describeValue(v) }))
          : [];
        if (/^[A-Za-z_]\w*$/.test(word) && (fromLast.length === 0 || fromLast.some((x) => x.label === word))) name = word;
        else if (fromLast.length) name = (await vscode.window.showQuickPick(fromLast, { placeHolder: 'Array to inspect' }))?.label;
        else name = await vscode.window.showInputBox({ prompt: 'Name of a top-level array variable to inspect (the file is run in the sandbox)', value: word });
      }
      if (!name) return undefined;
      const got = await ev.arrayOf(doc, name);
      if (typeof got === 'string') {
        void vscode.window.showWarningMessage(`Shape Lens: ${got}`);
        return got;
      }
      await showInInspector(context, name, got.array, /torch|Tensor/.test(got.info.type) ? 'torch' : 'numpy');
      return { name, shape: got.info.shape, dtype: got.info.dtype };
    }),
    vscode.commands.registerCommand('shapeLens.showEngineVersion', () => {
      void vscode.window.showInformationMessage('Shape Lens: NumPy 1.24-compatible engine, PyTorch 1.13 facade, running in a worker thread.');
    }),
    vscode.workspace.onDidChangeTextDocument((e) => { if (e.contentChanges.length) ev.clear(e.document.uri); }),
    vscode.window.onDidChangeVisibleTextEditors((eds) => { for (const ed of eds) ev.paint(ed); }),
  );
}
