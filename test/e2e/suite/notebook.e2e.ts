// Notebooks: the Python code cells of an .ipynb are analysed as one program in cell order,
// hints and diagnostics land in the right cell, IPython magics are ignored.
import * as vscode from 'vscode';
import * as assert from 'node:assert/strict';
import { describe, it } from './mocha';
import { codeOf, hintLines, ours, waitFor, workspaceUri } from './helpers';

describe('notebooks', () => {
  it('analyses code cells as one program in cell order', async () => {
    const nb = await vscode.workspace.openNotebookDocument(workspaceUri('cells.ipynb'));
    await vscode.window.showNotebookDocument(nb);
    const cells = nb.getCells();
    assert.equal(cells.length, 4);
    assert.equal(cells[1].document.languageId, 'python');
    assert.deepEqual(await hintLines(cells[1].document), ['2: (8, 5) float64']);
    // X comes from the previous cell; the %magic line is skipped
    assert.deepEqual(await hintLines(cells[2].document), ['2: (5,) float64', '3: (8,) float64']);
  });

  it('reports a mismatch in the cell where it is, with the operand\'s origin in another cell', async () => {
    const nb = await vscode.workspace.openNotebookDocument(workspaceUri('cells.ipynb'));
    const cell = nb.getCells()[3].document;
    const ds = await waitFor('cell diagnostics', () => { const d = ours(cell.uri); return d.length ? d : undefined; });
    assert.equal(ds.length, 1);
    assert.equal(codeOf(ds[0]), 'shape-broadcast');
    assert.equal(ds[0].range.start.line, 0);
    assert.equal(ds[0].range.start.character, 6);
    assert.match(ds[0].message, /operands could not be broadcast together with shapes \(8,5\) \(8,\)/);
    const rel = ds[0].relatedInformation ?? [];
    assert.ok(rel.some((r) => r.location.uri.toString() === nb.getCells()[1].document.uri.toString() && r.location.range.start.line === 1),
      JSON.stringify(rel.map((r) => [r.location.uri.toString(), r.location.range.start.line])));
    // nothing in the other cells
    assert.deepEqual(ours(nb.getCells()[1].document.uri), []);
    assert.deepEqual(ours(nb.getCells()[2].document.uri), []);
  });
});
