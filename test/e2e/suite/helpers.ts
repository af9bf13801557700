// Helpers for the integration suites: open the test workspace's files, wait for the
// extension's results (diagnostics, hints) to appear, and record timings for the report.
import * as vscode from 'vscode';
import * as assert from 'node:assert/strict';

export const EXTENSION_ID = 'shape-lens.shape-lens';
export const measurements: Record<string, unknown> = {};

export function workspaceUri(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the tests need the test workspace open');
  return vscode.Uri.joinPath(folder.uri, name);
}

export async function openPy(name: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(workspaceUri(name));
  return vscode.window.showTextDocument(doc);
}

export async function waitFor<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 15_000): Promise<T> {
  const t0 = Date.now();
  for (;;) {
    const v = await probe();
    if (v !== undefined && v !== false) return v;
    if (Date.now() - t0 > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'Shape Lens');
}

/** The hints VS Code's provider gives for `range` (default: the whole document). */
export async function inlayHints(doc: vscode.TextDocument, range = new vscode.Range(0, 0, doc.lineCount, 0)): Promise<vscode.InlayHint[]> {
  return (await vscode.commands.executeCommand<vscode.InlayHint[]>('vscode.executeInlayHintProvider', doc.uri, range)) ?? [];
}

export function labelText(h: vscode.InlayHint): string {
  return typeof h.label === 'string' ? h.label : h.label.map((p) => p.value).join('');
}

/** `line: text` for each hint (1-based lines), in order. */
export async function hintLines(doc: vscode.TextDocument): Promise<string[]> {
  const hs = await inlayHints(doc);
  return hs.map((h) => `${h.position.line + 1}: ${labelText(h).trim()}`).sort((a, b) => parseInt(a) - parseInt(b));
}

export function codeOf(d: vscode.Diagnostic): string | undefined {
  const c = d.code;
  if (c === undefined) return undefined;
  return typeof c === 'object' ? String(c.value) : String(c);
}

export function hoverText(hovers: vscode.Hover[]): string {
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))).join('\n---\n');
}

export async function setSetting(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('shapeLens').update(key, value, vscode.ConfigurationTarget.Global);
}
