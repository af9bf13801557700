// The inspector from the extension host: the operator hover's link to the explainer (its
// command and arguments), np.matmul calls, the explainer command opening the inspector panel,
// and a malformed link argument refused. What the webview then shows is asserted in the
// browser (test/e2e/ui.mjs) and in headless Chromium (test/webview/).
import * as vscode from 'vscode';
import * as assert from 'node:assert/strict';
import { describe, it } from './mocha';
import { hoverText, openPy, waitFor } from './helpers';

const EXPLAIN = 'shapeLens.explainShapes';

/** The arguments of the hover's `command:shapeLens.explainShapes?…` link. */
function explainArgs(text: string): unknown {
  const m = new RegExp(`command:${EXPLAIN.replace('.', '\\.')}\\?([^)\\s]+)`).exec(text);
  assert.ok(m, `no explainer link in the hover:\n${text}`);
  return (JSON.parse(decodeURIComponent(m[1])) as unknown[])[0];
}

function inspectorTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('shapeLens.inspector'));
}

describe('inspector', () => {
  it('the operator hover links to the explainer with both operands\' shapes', async () => {
    const ed = await openPy('hints.py');
    // `h = W @ x`: the `@` is at column 6
    const hs = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', ed.document.uri, new vscode.Position(4, 6));
    assert.deepEqual(explainArgs(hoverText(hs)), { type: 'explainMatmul', a: { label: 'W', shape: [3, 3] }, b: { label: 'x', shape: [3, 1] } });
    // `y = h + b`
    const hs2 = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', ed.document.uri, new vscode.Position(6, 6));
    assert.deepEqual(explainArgs(hoverText(hs2)), { type: 'explainBroadcast', op: '+', a: { label: 'h', shape: [3, 1] }, b: { label: 'b', shape: [3] } });
  });

  it('hovering the name of np.matmul / np.dot shows the matmul alignment and the link', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'python', content: 'import numpy as np\nA = np.ones((5, 3))\nB = np.ones((3, 2))\nC = np.matmul(A, B)\nD = np.dot(A, B)\n' });
    await vscode.window.showTextDocument(doc);
    const at = async (line: number, col: number): Promise<string> => waitFor('a hover', async () => {
      const t = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, new vscode.Position(line, col)));
      return t.includes(EXPLAIN) ? t : undefined;
    });
    const m = await at(3, 8); // on `matmul`
    assert.match(m, /matmul {2}np\.matmul\(A, B\)/);
    assert.match(m, /\(5, 3\) @ \(3, 2\) -> \(5, 2\)/);
    assert.deepEqual(explainArgs(m), { type: 'explainMatmul', a: { label: 'A', shape: [5, 3] }, b: { label: 'B', shape: [3, 2] } });
    const d = await at(4, 8); // on `dot`
    assert.match(d, /dot \(as matmul for 1-D\/2-D\) {2}np\.dot\(A, B\)/);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('the explainer command opens the inspector panel; a malformed argument is refused', async () => {
    const r = await vscode.commands.executeCommand(EXPLAIN, { type: 'explainMatmul', a: { label: 'W', shape: [10, 784] }, b: { label: 'X', shape: [32, 784] } });
    assert.equal(r, 'explainMatmul');
    await waitFor('the inspector tab', () => (inspectorTabs().length === 1 ? true : undefined));
    const bad = await vscode.commands.executeCommand(EXPLAIN, { type: 'explainMatmul', a: { label: 'W', shape: [-1] }, b: { label: 'X', shape: [1] } });
    assert.equal(bad, undefined);
    assert.equal(inspectorTabs().length, 1, 'still one inspector panel');
    await vscode.window.tabGroups.close(inspectorTabs());
  });
});
