// Activation: the extension stays inactive until a Python file opens, and activating it
// analyses nothing by itself (timings are reported, not asserted).
import * as vscode from 'vscode';
import * as assert from 'node:assert/strict';
import { describe, it } from './mocha';
import { EXTENSION_ID, measurements, openPy, waitFor } from './helpers';

interface Stats { activationMs: number; moduleLoadMs: number; activateBodyMs: number; analysesAtActivation: number; analysisMs: number[] }

describe('activation', () => {
  it('is inactive before a Python file opens, active after', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, 'extension is installed');
    assert.equal(ext.isActive, false, 'not activated by startup');
    const t0 = Date.now();
    await openPy('hints.py');
    await waitFor('activation', () => ext.isActive || undefined);
    measurements.openToActiveMs = Date.now() - t0;
    const stats = await vscode.commands.executeCommand<Stats>('shapeLens._stats');
    measurements.activationMs = stats.activationMs;
    measurements.activateBodyMs = stats.activateBodyMs;
    measurements.moduleLoadMs = stats.moduleLoadMs;
  });

  it('activation analysed nothing eagerly', async () => {
    // activate() returned before any analysis ran (hints are computed when VS Code asks)
    const stats = await vscode.commands.executeCommand<Stats>('shapeLens._stats');
    assert.equal(stats.analysesAtActivation, 0);
  });

  it('contributes its commands', async () => {
    const all = await vscode.commands.getCommands(true);
    for (const c of ['shapeLens.evaluateSelection', 'shapeLens.evaluateFile', 'shapeLens.newScratch', 'shapeLens.inspectArray', 'shapeLens.cancelEvaluation']) {
      assert.ok(all.includes(c), c);
    }
  });
});
