// Timings reported by the test run (not asserted): analysis and keystroke-to-hints latency
// on a 1,000-line file, measured inside the extension host.
import * as vscode from 'vscode';
import * as assert from 'node:assert/strict';
import { describe, it } from './mocha';
import { hintLines, labelText, measurements, inlayHints, workspaceUri } from './helpers';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

describe('timings (reported, not asserted)', () => {
  it('keystroke to updated hints on a 1,000-line file', async () => {
    // big.py (written into the workspace copy by run.mjs), as an untitled copy we can edit freely
    const raw = new TextDecoder().decode(await vscode.workspace.fs.readFile(workspaceUri('big.py')));
    // `rng.standard_normal` is not modelled (its X has no shape, so neither has anything made
    // from it): with np.random.randn every block keeps its hints, as a real file's would
    const content = raw.replace('rng.standard_normal((512, 784))', 'np.random.randn(512, 784)');
    assert.notEqual(content, raw);
    const doc = await vscode.workspace.openTextDocument({ language: 'python', content });
    const ed = await vscode.window.showTextDocument(doc);
    const last = doc.lineCount - 2;
    const t0 = performance.now();
    const first = await hintLines(doc);
    measurements.firstHints1000LinesMs = performance.now() - t0;
    assert.ok(first.length > 500);
    // one keystroke: the last line's second dim becomes n; then the hints of `range` (default:
    // the whole file) are asked for and the edited line's hint checked
    const keystroke = async (n: number, range?: vscode.Range) => {
      const lineText = ed.document.lineAt(last).text;
      const col = lineText.lastIndexOf(', ') + 2;
      const end = lineText.indexOf('))');
      const t = performance.now();
      await ed.edit((e) => e.replace(new vscode.Range(last, col, last, end), String(n)), { undoStopBefore: false, undoStopAfter: false });
      const edited = performance.now();
      const hs = await inlayHints(doc, range);
      const done = performance.now();
      const h = hs.find((x) => x.position.line === last);
      assert.equal(h && labelText(h), `(3, ${n}) float64`);
      return { edit: edited - t, query: done - edited, total: done - t };
    };
    const summary = (xs: number[]) => ({ median: median(xs), max: Math.max(...xs), samples: xs.map((x) => Math.round(x * 10) / 10) });
    // where the time goes: applying the edit (a round trip to the editor) and asking for hints
    const whole = [];
    for (let k = 0; k < 15; k++) whole.push(await keystroke(5 + k));
    measurements.keystrokeToHints1000LinesMs = summary(whole.map((x) => x.total));
    // what the editor itself asks for: the hints of the visible lines (a 60-line viewport
    // around the edit), not of the whole file
    const viewport = [];
    for (let k = 0; k < 15; k++) viewport.push(await keystroke(30 + k, new vscode.Range(Math.max(0, last - 40), 0, last + 20, 0)));
    measurements.keystrokeToViewportHints1000LinesMs = summary(viewport.map((x) => x.total));
    measurements.keystrokeSplitMs = { editMedian: median(whole.map((x) => x.edit)), hintsQueryMedian: median(whole.map((x) => x.query)) };
    const stats = await vscode.commands.executeCommand<{ analysisMs: number[] }>('shapeLens._stats');
    measurements.analysis1000LinesMs = { median: median(stats.analysisMs.slice(-15)), max: Math.max(...stats.analysisMs.slice(-15)) };
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
