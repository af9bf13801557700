// Diagnostics as text for terminals and CI: compiler-style text, the JSON form of
// `shape-lens check --format json`, and SARIF 2.1.0 (GitHub code scanning reads it).
// Formatting only; the analysis is done by analyze().

import type { Diagnostic } from './diagnostics';
import { CODE_HELP } from './diagnostics';

/** `file:line:col: error shape-matmul: message` (1-based line and column). */
export function formatText(file: string, diagnostics: readonly Diagnostic[]): string {
  return diagnostics.map((d) => {
    const [first, ...rest] = d.message.split('\n');
    const head = `${file}:${d.range.line}:${d.range.col + 1}: ${d.severity} ${d.code}: ${first}`;
    return [head, ...rest.map((l) => `    ${l}`)].join('\n');
  }).join('\n') + (diagnostics.length ? '\n' : '');
}

export interface JsonDiagnostic {
  line: number; column: number; endLine: number; endColumn: number;
  severity: 'error'; code: string; message: string;
  related: { line: number; column: number; message: string }[];
}

export function toJson(diagnostics: readonly Diagnostic[]): { diagnostics: JsonDiagnostic[] } {
  return {
    diagnostics: diagnostics.map((d) => ({
      line: d.range.line, column: d.range.col + 1, endLine: d.range.endLine, endColumn: d.range.endCol + 1,
      severity: d.severity, code: d.code, message: d.message,
      related: d.related.map((r) => ({ line: r.range.line, column: r.range.col + 1, message: r.message })),
    })),
  };
}

export function toSarif(file: string, diagnostics: readonly Diagnostic[], version: string): object {
  const codes = [...new Set(diagnostics.map((d) => d.code))];
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'shape-lens', version, informationUri: 'https://example.invalid/shape-lens',
          rules: codes.map((c) => ({ id: c, shortDescription: { text: CODE_HELP[c] } })),
        },
      },
      results: diagnostics.map((d) => ({
        ruleId: d.code,
        ruleIndex: codes.indexOf(d.code),
        level: 'error',
        message: { text: d.message },
        locations: [{
          physicalLocation: {
            artifactLocation: { uri: file },
            region: { startLine: d.range.line, startColumn: d.range.col + 1, endLine: d.range.endLine, endColumn: d.range.endCol + 1 },
          },
        }],
        relatedLocations: d.related.map((r, i) => ({
          id: i,
          message: { text: r.message },
          physicalLocation: { artifactLocation: { uri: file }, region: { startLine: r.range.line, startColumn: 1 } },
        })),
      })),
    }],
  };
}
