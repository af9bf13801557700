// The control for the keystroke-to-hints measurement (test/e2e/ui.mjs): the same hint text
// Shape Lens gives `z = np.zeros((3, 4))`, computed with a regex on each requested line, so
// its latency is VS Code's and code-server's alone. On big_control.py, which the UI test opens
// with Shape Lens's hints and diagnostics switched off, it also gives every other hint Shape Lens
// gives that program, read from big_control.hints.json (test/e2e/run.mjs writes it): there the
// control draws what Shape Lens draws, so the gap to Shape Lens is Shape Lens's own work.
const vscode = require('vscode');
const { readFileSync } = require('node:fs');

const ZEROS = /^(\w+) = np\.zeros\(\((\d+), (\d+)\)\)\s*$/;
const recorded = new Map();
const tooltips = new WeakMap();

/** Shape Lens's hints of `doc` by line, when the test recorded them (big_control.py). */
function recordedHints(doc) {
  const file = doc.uri.fsPath.replace(/\.py$/, '.hints.json');
  if (!file.endsWith('.hints.json')) return new Map();
  if (!recorded.has(file)) {
    const byLine = new Map();
    try {
      for (const h of JSON.parse(readFileSync(file, 'utf8'))) byLine.set(h.line, h);
    } catch { /* no recording: the regex hint only */ }
    recorded.set(file, byLine);
  }
  return recorded.get(file);
}

/**
 * Prints VS Code's own performance marks of extension loading and activation in this extension
 * host (globalThis.MonacoPerformanceMarks, where the host records them with Date.now()) once
 * Shape Lens has activated, with the time Shape Lens's activate() took by its own clock (its
 * API's stats: the marks around activate() also span other extensions' activations, which run
 * in between): ui.mjs reads them from the page's console, so that each window reload's Running
 * Extensions figure can be set beside the same activation's marks.
 */
function reportActivationMarks() {
  const perf = globalThis.MonacoPerformanceMarks;
  if (!perf) return;
  let tries = 0;
  const timer = setInterval(() => {
    const marks = perf.getMarks().filter((m) => /^code\/extHost\/(will|did)(LoadExtensionCode|ActivateExtension)\//.test(m.name));
    if (!marks.some((m) => m.name === 'code/extHost/didActivateExtension/shape-lens.shape-lens') && ++tries < 300) return;
    clearInterval(timer);
    const stats = vscode.extensions.getExtension('shape-lens.shape-lens')?.exports?.stats?.();
    console.log(`shape-lens-activation-marks ${JSON.stringify({ marks, activateBodyMs: stats?.activateBodyMs })}`);
  }, 100);
}

exports.activate = (context) => {
  reportActivationMarks();
  context.subscriptions.push(vscode.languages.registerInlayHintsProvider([{ language: 'plaintext' }, { language: 'python', pattern: '**/big_control.py' }], {
    provideInlayHints(doc, range) {
      const out = [];
      const others = doc.languageId === 'python' ? recordedHints(doc) : new Map();
      for (let l = range.start.line; l <= Math.min(range.end.line, doc.lineCount - 1); l++) {
        const text = doc.lineAt(l).text;
        const m = ZEROS.exec(text);
        const r = others.get(l);
        if (!m && !r) continue;
        const h = m
          ? new vscode.InlayHint(new vscode.Position(l, text.length), `(${m[2]}, ${m[3]}) float64`, vscode.InlayHintKind.Type)
          : new vscode.InlayHint(new vscode.Position(l, Math.min(r.character, text.length)), r.label, vscode.InlayHintKind.Type);
        h.paddingLeft = true;
        if (r) tooltips.set(h, r.tooltip);
        out.push(h);
      }
      return out;
    },
    // as Shape Lens does: the tooltip only when the editor resolves the hint
    resolveInlayHint(h) {
      if (tooltips.has(h)) h.tooltip = new vscode.MarkdownString(tooltips.get(h));
      return h;
    },
  }));
};
exports.deactivate = () => {};
