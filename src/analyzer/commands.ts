// The analyzer's command-line commands, as functions the CLI dispatches to:
// `shape-lens check FILE.py [--format text|json|sarif]` (exit 1 when errors) and
// `shape-lens shapes FILE.py` (one JSON row per assignment). No process or fs access here:
// the caller reads the file and prints the result.

import { analyze, shapeRows } from './index';
import { formatText, toJson, toSarif } from './report';

export interface CommandResult {
  readonly stdout: string;
  readonly exitCode: number;
}

export type CheckFormat = 'text' | 'json' | 'sarif';

export function checkCommand(file: string, source: string, format: CheckFormat, version = '0.0.1'): CommandResult {
  const { diagnostics } = analyze(source);
  const exitCode = diagnostics.length > 0 ? 1 : 0;
  switch (format) {
    case 'json': return { stdout: `${JSON.stringify(toJson(diagnostics), null, 2)}\n`, exitCode };
    case 'sarif': return { stdout: `${JSON.stringify(toSarif(file, diagnostics, version), null, 2)}\n`, exitCode };
    case 'text': return { stdout: formatText(file, diagnostics), exitCode };
  }
}

export function shapesCommand(source: string): CommandResult {
  return { stdout: `${JSON.stringify(shapeRows(analyze(source)))}\n`, exitCode: 0 };
}
