// Which documents Shape Lens analyses: Python, except in views of other content (diffs' git
// side, output, SCM input…). Its own module: the activation code decides with it whether to
// load the analyzer at all.
import type * as vscode from 'vscode';

const SKIPPED_SCHEMES = new Set(['git', 'output', 'vscode-scm', 'debug', 'gitfs', 'review', 'pr']);

export function isAnalysable(doc: vscode.TextDocument): boolean {
  return doc.languageId === 'python' && !SKIPPED_SCHEMES.has(doc.uri.scheme);
}
