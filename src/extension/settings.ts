// The `shapeLens.*` settings, read where they are used (so changes apply without a reload).
// Their descriptions and defaults live in package.json's `contributes.configuration`.
import * as vscode from 'vscode';

export type HintsMode = 'all' | 'changed' | 'off';

export function hintsMode(doc: vscode.TextDocument): HintsMode {
  return perDocument('hints.mode', doc, () => {
    const m = vscode.workspace.getConfiguration('shapeLens', doc).get<string>('hints.mode', 'all');
    return m === 'changed' || m === 'off' ? m : 'all';
  });
}

export function diagnosticsEnabled(doc: vscode.TextDocument): boolean {
  return perDocument('diagnostics.enabled', doc, () => vscode.workspace.getConfiguration('shapeLens', doc).get<boolean>('diagnostics.enabled', true));
}

// A document's settings, kept until a shapeLens setting changes: reading one builds VS Code's
// override model for the document's language every time (about 0.3 ms in a profile of the host
// while typing), and the hint features ask three times per keystroke.
const documentSettings = new Map<string, unknown>();
/** for the host's lifetime, like the module */
let watching: vscode.Disposable | undefined;

function perDocument<T>(name: string, doc: vscode.TextDocument, read: () => T): T {
  watching ??= vscode.workspace.onDidChangeConfiguration((e) => { if (e.affectsConfiguration('shapeLens')) documentSettings.clear(); });
  const key = `${name} ${doc.languageId} ${doc.uri.toString()}`;
  if (documentSettings.has(key)) return documentSettings.get(key) as T;
  const value = read();
  // closed documents' entries are not removed one by one: the map is simply emptied now and then
  if (documentSettings.size >= 256) documentSettings.clear();
  documentSettings.set(key, value);
  return value;
}

export interface EvaluationLimits {
  readonly timeoutMs: number;
  readonly memoryLimitMb: number;
  readonly showInline: boolean;
}

export function evaluationLimits(): EvaluationLimits {
  const c = vscode.workspace.getConfiguration('shapeLens');
  return {
    timeoutMs: Math.max(100, c.get<number>('evaluation.timeoutSeconds', 10) * 1000),
    memoryLimitMb: Math.max(16, c.get<number>('evaluation.memoryLimitMb', 512)),
    showInline: c.get<boolean>('evaluation.showInlineResults', true),
  };
}

export function inspectorMaxElements(): number {
  return vscode.workspace.getConfiguration('shapeLens').get<number>('inspector.maxElements', 1_000_000);
}
