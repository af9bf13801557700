// The `shapeLens.*` settings, read where they are used (so changes apply without a reload).
// Their descriptions and defaults live in package.json's `contributes.configuration`.
import * as vscode from 'vscode';

export type HintsMode = 'all' | 'changed' | 'off';

export function hintsMode(scope?: vscode.ConfigurationScope): HintsMode {
  const m = vscode.workspace.getConfiguration('shapeLens', scope).get<string>('hints.mode', 'all');
  return m === 'changed' || m === 'off' ? m : 'all';
}

export function diagnosticsEnabled(scope?: vscode.ConfigurationScope): boolean {
  return vscode.workspace.getConfiguration('shapeLens', scope).get<boolean>('diagnostics.enabled', true);
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
