// The extension's entry point. Today it only proves the bundle loads in VS Code: the editor
// features (hints, diagnostics, scratch evaluation, inspector) arrive with their issues.
import * as vscode from 'vscode';
import { arrayStr } from '../../engine/format';
import { callFunction } from '../../engine/pycall';
import { NDArray } from '../../engine/core/ndarray';

export function activate(context: vscode.ExtensionContext): void {
  context.subscriptions.push(vscode.commands.registerCommand('shapeLens.showEngineVersion', () => {
    const sample = callFunction('eye', [3]) as NDArray;
    void vscode.window.showInformationMessage(`Shape Lens engine: np.eye(3) =\n${arrayStr(sample)}`);
  }));
}

export function deactivate(): void {}
