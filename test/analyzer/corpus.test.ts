// The analyzer corpus: every program under programs/ carries its expectations inline —
// `# expect: (32, 784)` (the shape hint of the name assigned on that line, optionally with a
// dtype) and `# error: shape-code` (a diagnostic on that line). Any other diagnostic fails the
// test (no false alarms). For programs that fail at run time, the first diagnostic must be on
// the line where real NumPy/torch raised, with their exact message
// (test/fixtures/analyzer_runtime.json, made by tools/gen_analyzer_runtime.py).

import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { analyze, hintText } from '../../src/analyzer';

const dir = new URL('./programs/', import.meta.url);
const runtime = JSON.parse(readFileSync(new URL('../fixtures/analyzer_runtime.json', import.meta.url), 'utf8')) as
  Record<string, { error?: { line: number; message: string; type: string } | null; skipped?: string }>;

interface Expectation { line: number; kind: 'expect' | 'error' | 'fix'; text: string }

/** `# expect: …`, `# error: code` and `# fix: new text` markers (several may share a line). */
function expectations(src: string): Expectation[] {
  const out: Expectation[] = [];
  src.split('\n').forEach((l, i) => {
    for (const m of l.matchAll(/#\s*(expect|error|fix):\s*([^#]+?)\s*(?=#|$)/g)) {
      out.push({ line: i + 1, kind: m[1] as Expectation['kind'], text: m[2] });
    }
  });
  return out;
}

function check(name: string): void {
  const src = readFileSync(new URL(name, dir), 'utf8');
  const result = analyze(src);
  const exps = expectations(src);
  const problems: string[] = [];
  for (const e of exps.filter((x) => x.kind === 'expect')) {
    const hs = result.hints.filter((h) => h.line === e.line);
    const h = hs[hs.length - 1];
    const got = h ? hintText(h) : null;
    const want = e.text;
    // `# expect: (3, 4)` compares the shape only; `# expect: (3, 4) float64` the dtype too
    const gotCmp = got && want.endsWith(')') ? got.slice(0, got.lastIndexOf(')') + 1) : got;
    if (gotCmp !== want) problems.push(`line ${e.line}: expected ${want}, got ${got ?? 'no hint'}`);
  }
  const errorLines = new Map(exps.filter((x) => x.kind === 'error').map((x) => [x.line, x.text]));
  for (const d of result.diagnostics) {
    const want = errorLines.get(d.range.line);
    if (want !== d.code) problems.push(`unexpected ${d.code} on line ${d.range.line}: ${d.runtimeMessage}`);
  }
  for (const [line, code] of errorLines) {
    if (!result.diagnostics.some((d) => d.range.line === line && d.code === code)) problems.push(`line ${line}: missing ${code}`);
  }
  for (const e of exps.filter((x) => x.kind === 'fix')) {
    const d = result.diagnostics.find((x) => x.range.line === e.line);
    if (d?.fix?.newText !== e.text) problems.push(`line ${e.line}: expected fix ${e.text}, got ${d?.fix?.newText ?? 'none'}`);
    else if (d.fix) {
      // the fixed program must analyse clean on that line
      const fixed = src.slice(0, d.fix.range.from) + d.fix.newText + src.slice(d.fix.range.to);
      const again = analyze(fixed).diagnostics.filter((x) => x.range.line === e.line);
      if (again.length) problems.push(`line ${e.line}: after the fix still ${again[0].code}: ${again[0].runtimeMessage}`);
    }
  }
  for (const d of result.diagnostics) {
    if (d.fix && !exps.some((x) => x.kind === 'fix' && x.line === d.range.line)) problems.push(`line ${d.range.line}: unexpected fix ${d.fix.newText}`);
  }
  const rt = runtime[name];
  if (!rt) problems.push('no runtime record: run tools/gen_analyzer_runtime.py');
  else if (rt.error) {
    const first = result.diagnostics[0];
    if (!first) problems.push(`NumPy/torch raise on line ${rt.error.line} but no diagnostic`);
    else {
      if (first.range.line !== rt.error.line) problems.push(`first diagnostic on line ${first.range.line}, runtime error on ${rt.error.line}`);
      if (first.runtimeMessage !== rt.error.message) problems.push(`message ${JSON.stringify(first.runtimeMessage)} != runtime ${JSON.stringify(rt.error.message)}`);
    }
  } else if (rt.error === null && result.diagnostics.length > 0) {
    problems.push('runs clean under NumPy/torch but has diagnostics');
  }
  expect(problems.join('\n')).toBe('');
}

describe('analyzer corpus', () => {
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.py')).sort()) it(name, () => check(name));
});
