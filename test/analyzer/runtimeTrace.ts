// Records what each assignment really produced when a program runs in our interpreter (which the
// program corpus holds byte for byte to CPython + NumPy 1.24): the source gets a recording call
// appended to every `=`, `+=` and annotated assignment with a value, at any depth (same line, so
// line numbers stay), and each new (line, name, shape, dtype) prints one tagged line.
// Does not record `for` targets, attributes (`self.W = …`) or subscripts: the analyzer hints
// names only. The tests that use it need no Python.

import type * as ast from '../../src/python/ast';
import { parse } from '../../src/python/parse';
import { walk } from '../../src/python/walk';
import { runProgram } from '../../src/interpreter';

/** One value an assignment took at run time. */
export interface Observed { kind: 'ndarray' | 'tensor'; shape: number[]; dtype: string }

const TAG = '\u0001SLREC';

// Prepended; the calls carry the original line numbers as constants. A single underscore:
// `__x` would be name-mangled inside class bodies.
const PRELUDE = [
  `_sl_seen_ = set()`,
  `def _sl_rec_(line, name, v):`,
  `    t = type(v).__name__`,
  `    if t in ('ndarray', 'Tensor', 'Parameter'):`,
  `        k = (line, name, tuple(v.shape), str(v.dtype))`,
  `        if k not in _sl_seen_:`,
  `            _sl_seen_.add(k)`,
  `            print('${TAG}', line, name, 'ndarray' if t == 'ndarray' else 'tensor', ','.join(str(d) for d in v.shape), str(v.dtype).replace('torch.', ''))`,
].join('\n');

function names(t: ast.Expr, out: string[]): void {
  if (t.kind === 'Name') out.push(t.id);
  else if (t.kind === 'Tuple' || t.kind === 'List') for (const e of t.elts) names(e, out);
  else if (t.kind === 'Starred') names(t.value, out);
}

/** The program with a `_sl_rec_(LINE, 'name', name)` after each assignment; null if it does not parse. */
export function instrumentAssignments(source: string): string | null {
  const { module, errors } = parse(source);
  if (errors.length > 0) return null;
  const inserts: { at: number; text: string }[] = [];
  walk(module, (n) => {
    const targets: string[] = [];
    if (n.kind === 'Assign') for (const t of n.targets) names(t, targets);
    else if (n.kind === 'AugAssign') names(n.target, targets);
    else if (n.kind === 'AnnAssign' && n.value) names(n.target, targets);
    else return;
    const line = n.range.line;
    const calls = [...new Set(targets)].map((x) => `; _sl_rec_(${line}, '${x}', ${x})`).join('');
    if (calls) inserts.push({ at: n.range.to, text: calls });
  });
  let out = source;
  for (const ins of inserts.sort((a, b) => b.at - a.at)) out = out.slice(0, ins.at) + ins.text + out.slice(ins.at);
  return `${PRELUDE}\n${out}`;
}

export interface Trace {
  exitCode: number;
  /** `LINE:name` → the distinct array values it took */
  arrays: Map<string, Observed[]>;
}

/** Runs the instrumented program in this thread and collects its array assignments. */
export function traceArrays(source: string): Trace | null {
  const inst = instrumentAssignments(source);
  if (inst === null) return null;
  const r = runProgram(inst, { variables: false, limits: { timeLimitMs: 60000 } });
  const arrays = new Map<string, Observed[]>();
  for (const l of r.stdout.split('\n')) {
    if (!l.startsWith(TAG)) continue;
    const [, line, name, kind, dims, dtype] = l.split(' ');
    const key = `${line}:${name}`;
    const o: Observed = { kind: kind as Observed['kind'], shape: dims === '' ? [] : dims.split(',').map(Number), dtype };
    arrays.set(key, [...(arrays.get(key) ?? []), o]);
  }
  return { exitCode: r.exitCode, arrays };
}
