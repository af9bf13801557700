// Static analysis in the editor: inlay hint texts, diagnostics (codes, ranges, related
// locations), hover on expressions and operators, and quick fixes applied to the document.
import * as vscode from 'vscode';
import * as assert from 'node:assert/strict';
import { after, describe, it } from './mocha';
import { codeOf, hintLines, hoverText, openPy, ours, setSetting, waitFor, workspaceUri } from './helpers';

describe('inlay hints', () => {
  after(async () => { await setSetting('hints.mode', undefined); });

  it('shows the shape after each array assignment', async () => {
    const ed = await openPy('hints.py');
    const lines = await waitFor('hints', async () => { const l = await hintLines(ed.document); return l.length ? l : undefined; });
    assert.deepEqual(lines, [
      '3: (3, 3) float64',
      '4: (3, 1) float64',
      '5: (3, 1) float64',
      '6: (3,) float64',
      '7: (3, 3) float64',
      '8: (32, 784) float64',
      '9: (784,) float64',
      '10: (32, 784) float64',
      '11: (4,) int64',
      '12: (4, 4) float64',
    ]);
  });

  it('places the hint at the end of the statement; its tooltip comes only when resolved', async () => {
    const ed = await openPy('hints.py');
    const hs = await vscode.commands.executeCommand<vscode.InlayHint[]>('vscode.executeInlayHintProvider', ed.document.uri, new vscode.Range(2, 0, 3, 0));
    assert.equal(hs.length, 1);
    assert.equal(hs[0].position.line, 2);
    assert.equal(hs[0].position.character, ed.document.lineAt(2).text.length);
    // the derivation is sent when the editor resolves the hint (the UI test hovers it)
    assert.equal(hs[0].tooltip, undefined);
  });

  it('torch tensors and nn.Linear', async () => {
    const ed = await openPy('torch_model.py');
    const lines = await waitFor('hints', async () => { const l = await hintLines(ed.document); return l.length ? l : undefined; });
    assert.deepEqual(lines, ['4: (64, 784) torch.float32', '6: (64, 128) torch.float32', '7: (64, 128) torch.float32']);
  });

  it('mode "changed" hides assignments that keep the shape; "off" hides all', async () => {
    const ed = await openPy('hints.py');
    const doc = await vscode.workspace.openTextDocument({ language: 'python', content: 'import numpy as np\nx = np.zeros((2, 3))\nx = x * 2\nx = x.T\n' });
    await vscode.window.showTextDocument(doc);
    assert.deepEqual(await hintLines(doc), ['2: (2, 3) float64', '3: (2, 3) float64', '4: (3, 2) float64']);
    await setSetting('hints.mode', 'changed');
    assert.deepEqual(await hintLines(doc), ['2: (2, 3) float64', '4: (3, 2) float64']);
    await setSetting('hints.mode', 'off');
    assert.deepEqual(await hintLines(doc), []);
    await setSetting('hints.mode', undefined);
    void ed;
  });

  it('updates as the document is edited', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'python', content: 'import numpy as np\na = np.ones((5, 7))\n' });
    const ed = await vscode.window.showTextDocument(doc);
    assert.deepEqual(await hintLines(doc), ['2: (5, 7) float64']);
    await ed.edit((e) => e.replace(new vscode.Range(1, 16, 1, 17), '9'));
    assert.deepEqual(await hintLines(doc), ['2: (5, 9) float64']);
    await ed.edit((e) => e.insert(new vscode.Position(2, 0), 'b = a.reshape(-1)\n'));
    assert.deepEqual(await hintLines(doc), ['2: (5, 9) float64', '3: (45,) float64']);
  });
});

describe('diagnostics', () => {
  it('reports shape errors with codes, exact ranges and related locations', async () => {
    const ed = await openPy('bugs.py');
    const ds = await waitFor('diagnostics', () => { const d = ours(ed.document.uri); return d.length >= 3 ? d : undefined; });
    const summary = ds.map((d) => `${d.range.start.line + 1}:${d.range.start.character}-${d.range.end.character} ${codeOf(d)} ${d.message.split('\n')[0]}`)
      .sort((a, b) => parseInt(a) - parseInt(b));
    assert.deepEqual(summary, [
      '5:4-9 shape-broadcast operands could not be broadcast together with shapes (4,3) (4,)',
      '7:4-9 shape-matmul matmul: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature (n?,k),(k,m?)->(n?,m?) (size 4 is different from 3)',
      '9:11-29 shape-broadcast operands could not be broadcast together with shapes (10,20) (10,)',
    ]);
    const first = ds.find((d) => d.range.start.line === 4)!;
    assert.equal(first.severity, vscode.DiagnosticSeverity.Error);
    assert.match(first.message, /A: \(4, 3\) float64 from line 3/);
    const code = first.code as { value: string; target: vscode.Uri };
    assert.equal(code.target.fragment, 'shape-broadcast');
    assert.ok(code.target.path.endsWith('README.md'));
    assert.deepEqual(first.relatedInformation?.map((r) => r.location.range.start.line + 1), [3, 4]);
  });

  it('clean files have none', async () => {
    const ed = await openPy('hints.py');
    await new Promise((r) => setTimeout(r, 400));
    assert.deepEqual(ours(ed.document.uri), []);
  });
});

describe('hover', () => {
  it('on a name: shape, dtype and where the shape came from', async () => {
    const ed = await openPy('hints.py');
    // `h = W @ x`: hover on W
    const hs = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', ed.document.uri, new vscode.Position(4, 4));
    const text = hoverText(hs);
    assert.match(text, /`W`: \*\*`\(3, 3\) float64`\*\*/);
    assert.match(text, /made at line 3: `np\.random\.randn\(3, 3\) \* 0\.01`/);
    assert.match(text, /command:shapeLens\.inspectArray/);
  });

  it('on an operator: the broadcasting alignment', async () => {
    const ed = await openPy('hints.py');
    // `y = h + b`: the `+` is at column 6
    const hs = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', ed.document.uri, new vscode.Position(6, 6));
    const text = hoverText(hs);
    assert.match(text, /broadcast {2}h \+ b/);
    assert.match(text, /\n {2}h {7}3 x 1\n/);
    assert.match(text, /\n {2}b {11}3\n/);
    assert.match(text, /\n {2}result {2}3 x 3\n/);
  });

  it('on @: the matmul alignment, also when it fails', async () => {
    const ed = await openPy('bugs.py');
    const hs = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', ed.document.uri, new vscode.Position(6, 6));
    const text = hoverText(hs);
    assert.match(text, /\(4, 3\) @ \(4, 5\) -> error/);
    assert.match(text, /inner dims: 3 \(last of A\) and 4 \(second-to-last of B\) must match/);
  });
});

describe('quick fixes', () => {
  it('offers the analyzer\'s fix and applying it clears the diagnostic', async () => {
    const uri = workspaceUri('bugs.py');
    const ed = await openPy('bugs.py');
    const ds = await waitFor('diagnostics', () => { const d = ours(uri); return d.length >= 3 ? d : undefined; });
    const keep = ds.find((d) => d.range.start.line === 8)!;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, keep.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((a) => a.title === 'Keep the reduced axis: keepdims=True');
    assert.ok(fix, `actions: ${actions.map((a) => a.title).join(', ')}`);
    assert.equal(fix.isPreferred, true);
    assert.ok(await vscode.workspace.applyEdit(fix.edit!));
    assert.equal(ed.document.lineAt(8).text, 'centered = m - m.mean(axis=1, keepdims=True)');
    await waitFor('diagnostic gone', () => (ours(uri).some((d) => d.range.start.line === 8) ? undefined : true));
    assert.equal(ours(uri).length, 2);
    // the other two fixes: a column, a transpose
    const titles: string[] = [];
    for (const d of ours(uri)) {
      const acts = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, d.range, vscode.CodeActionKind.QuickFix.value);
      titles.push(...acts.filter((a) => a.isPreferred).map((a) => a.title));
    }
    assert.deepEqual(titles.sort(), ['Transpose A: A.T', 'Use v as a column: v[:, None]']);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });
});
