// Makes each top-level statement's result visible after a run without changing line numbers:
// `x = f()` gets `; __shapelens_3_x_s = x` appended on its own line, and a bare expression
// `a @ b` becomes `__shapelens_5_s = a @ b`. The interpreter reports every top-level
// variable when the run ends, so these snapshots say what each line produced. Also builds
// the program for "Evaluate Selection": the selected lines, plus the file's top-level imports
// above them, every other line blank (so reported line numbers are the file's).
// Pure: no `vscode`; uses the parser only to find statements.
import type * as ast from '../python/ast';
import { parse } from '../python/parse';

import { SNAPSHOT_PREFIX } from './snapshotNames';

export { SNAPSHOT_PREFIX };

export interface Snapshot {
  /** 1-based line of the statement's end (where the result is shown) */
  readonly line: number;
  /** the variable the interpreter will report */
  readonly variable: string;
  /** the assigned name, or undefined for an expression statement */
  readonly name?: string;
}

export interface Instrumented {
  readonly source: string;
  readonly snapshots: readonly Snapshot[];
  /** columns added at the start of a line (an expression statement's prefix), by 1-based line */
  readonly shifted: ReadonlyMap<number, number>;
}

function targetNames(t: ast.Expr, out: string[]): void {
  if (t.kind === 'Name') out.push(t.id);
  else if (t.kind === 'Tuple' || t.kind === 'List') for (const e of t.elts) targetNames(e, out);
}

/** Adds snapshot assignments after the top-level statements whose lines are in [fromLine, toLine]. */
export function instrument(source: string, fromLine = 1, toLine = Number.MAX_SAFE_INTEGER): Instrumented {
  const { module, errors } = parse(source);
  if (errors.length > 0) return { source, snapshots: [], shifted: new Map() };
  const inserts: { at: number; text: string }[] = [];
  const snapshots: Snapshot[] = [];
  const shifted = new Map<number, number>();
  for (const s of module.body) {
    if (s.range.line < fromLine || s.range.endLine > toLine) continue;
    const names: string[] = [];
    if (s.kind === 'Assign') for (const t of s.targets) targetNames(t, names);
    else if ((s.kind === 'AugAssign' || s.kind === 'AnnAssign') && s.target.kind === 'Name' && (s.kind !== 'AnnAssign' || s.value)) names.push(s.target.id);
    else if (s.kind === 'Expr' && !(s.value.kind === 'Constant') && !(s.value.kind === 'Call' && s.value.func.kind === 'Name' && s.value.func.id === 'print')) {
      const variable = `${SNAPSHOT_PREFIX}${s.range.endLine}_s`;
      inserts.push({ at: s.range.from, text: `${variable} = ` });
      if (s.range.line === s.range.endLine) shifted.set(s.range.line, variable.length + 3);
      snapshots.push({ line: s.range.endLine, variable });
      continue;
    }
    const unique = [...new Set(names)];
    if (unique.length === 0) continue;
    const parts = unique.map((n) => {
      const variable = `${SNAPSHOT_PREFIX}${s.range.endLine}_${n}_s`;
      snapshots.push({ line: s.range.endLine, variable, name: n });
      return `${variable} = ${n}`;
    });
    inserts.push({ at: s.range.to, text: `; ${parts.join('; ')}` });
  }
  inserts.sort((a, b) => b.at - a.at);
  let out = source;
  for (const i of inserts) out = out.slice(0, i.at) + i.text + out.slice(i.at);
  return { source: out, snapshots, shifted };
}

const IMPORT_RE = /^(import\s|from\s+\S+\s+import\s)/;

/**
 * The program for a selection of lines [fromLine, toLine] (1-based): those lines dedented by
 * their common indent, the top-level imports above them, and blank lines elsewhere.
 */
export function selectionProgram(text: string, fromLine: number, toLine: number): string {
  const lines = text.split(/\r?\n/);
  const sel = lines.slice(fromLine - 1, toLine);
  const indents = sel.filter((l) => l.trim() !== '').map((l) => /^[ \t]*/.exec(l)![0].length);
  const cut = indents.length ? Math.min(...indents) : 0;
  return lines.map((l, i) => {
    const n = i + 1;
    if (n >= fromLine && n <= toLine) return l.slice(Math.min(cut, /^[ \t]*/.exec(l)![0].length));
    if (n < fromLine && IMPORT_RE.test(l)) return l;
    return '';
  }).join('\n');
}
