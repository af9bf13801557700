// The abstract value of every expression in a program, for hover: the analyzer's own
// Evaluator, subclassed to remember what `eval` returned for each expression node. It runs
// only when a hover asks (once per program text, cached), never on a keystroke. Pure: no
// `vscode` import. It adds no shape logic: values come from the analyzer, alignment texts
// from engine/shape's rules.
import type * as ast from '../python/ast';
import { parse } from '../python/parse';
import { Evaluator } from '../analyzer/evaluator';
import type { AValue, Scope } from '../analyzer/values';
import { formatValue } from '../analyzer/diagnostics';
import { broadcastShapes } from '../../engine/shape/broadcast';
import { matmulShape } from '../../engine/shape/matmul';
import { Dim, dimText } from '../../engine/shape/dim';

export interface Recorded {
  readonly node: ast.Expr;
  readonly value: AValue;
}

class RecordingEvaluator extends Evaluator {
  readonly recorded = new Map<string, Recorded>();

  override eval(e: ast.Expr, scope: Scope): AValue {
    const value = super.eval(e, scope);
    const key = `${e.range.from}:${e.range.to}:${e.kind}`;
    const prev = this.recorded.get(key);
    // later passes (call sites, the last loop iteration) win, but never replace a known value by unknown
    if (!prev || value.kind !== 'unknown' || prev.value.kind === 'unknown') this.recorded.set(key, { node: e, value });
    return value;
  }
}

export class ExpressionIndex {
  private constructor(readonly text: string, private readonly items: Recorded[]) {}

  static build(text: string): ExpressionIndex {
    const ev = new RecordingEvaluator(text.split('\n'));
    try { ev.run(parse(text).module); } catch { /* an analyzer failure leaves what was recorded so far */ }
    return new ExpressionIndex(text, [...ev.recorded.values()]);
  }

  /** The smallest recorded expression around `offset` whose value is an array (or, with any, any value). */
  at(offset: number, pred: (r: Recorded) => boolean = (r) => r.value.kind === 'array'): Recorded | undefined {
    let best: Recorded | undefined;
    for (const r of this.items) {
      const g = r.node.range;
      if (g.from <= offset && offset <= g.to && pred(r) && (!best || g.to - g.from < best.node.range.to - best.node.range.from)) best = r;
    }
    return best;
  }

  /** The binary operation whose operator token covers `offset` (`+`, `@`, `*`, …). */
  operatorAt(offset: number): { node: ast.BinOp; left: AValue; right: AValue; opFrom: number; opTo: number } | undefined {
    for (const r of this.items) {
      if (r.node.kind !== 'BinOp') continue;
      const n = r.node;
      const op = operatorSpan(this.text, n);
      if (!op || offset < op.from || offset > op.to) continue;
      const left = this.valueOf(n.left), right = this.valueOf(n.right);
      if (left?.kind !== 'array' && right?.kind !== 'array') continue;
      return { node: n, left: left ?? { kind: 'unknown' }, right: right ?? { kind: 'unknown' }, opFrom: op.from, opTo: op.to };
    }
    return undefined;
  }

  valueOf(e: ast.Expr): AValue | undefined {
    return this.items.find((r) => r.node === e)?.value;
  }
}

const OP_TEXT: Record<ast.BinaryOperator, string> = {
  Add: '+', Sub: '-', Mult: '*', MatMult: '@', Div: '/', Mod: '%', Pow: '**', LShift: '<<', RShift: '>>',
  BitOr: '|', BitXor: '^', BitAnd: '&', FloorDiv: '//',
};

/** Where the operator token of `l op r` is: the first occurrence of its text after the left operand. */
export function operatorSpan(text: string, n: ast.BinOp): { from: number; to: number } | undefined {
  const sym = OP_TEXT[n.op];
  const i = text.indexOf(sym, n.left.range.to);
  if (i < 0 || i + sym.length > n.right.range.from) return undefined;
  return { from: i, to: i + sym.length };
}

export function opSymbol(op: ast.BinaryOperator): string {
  return OP_TEXT[op];
}

function shapeOf(v: AValue): readonly Dim[] | null {
  if (v.kind === 'array') return v.shape;
  if (v.kind === 'int' || v.kind === 'float' || v.kind === 'bool') return [];
  return null;
}

function tupleText(s: readonly Dim[]): string {
  return s.length === 1 ? `(${dimText(s[0])},)` : `(${s.map(dimText).join(', ')})`;
}

/**
 * The alignment of a binary operation's operands as lines of text (monospace):
 *
 *   a        32 x  1
 *   b              10
 *   result   32 x 10
 */
export function alignmentText(op: ast.BinaryOperator, lname: string, left: AValue, rname: string, right: AValue): string | undefined {
  const a = shapeOf(left), b = shapeOf(right);
  if (!a || !b) return undefined;
  if (op === 'MatMult') {
    const r = matmulShape(a, b);
    const inner = a.length && b.length ? `inner dims: ${dimText(a[a.length - 1])} (last of ${lname}) and ${dimText(b.length === 1 ? b[0] : b[b.length - 2])} (${b.length === 1 ? 'only' : 'second-to-last'} of ${rname}) must match` : '';
    return [
      `matmul  ${lname} @ ${rname}`,
      `  ${tupleText(a)} @ ${tupleText(b)} -> ${r.ok ? tupleText(r.value) : 'error'}`,
      inner ? `  ${inner}` : '',
      r.ok ? '' : `  ${r.error.pyType}: ${r.error.message.trim()}`,
    ].filter(Boolean).join('\n');
  }
  const r = broadcastShapes(a, b);
  const nd = Math.max(a.length, b.length, 1);
  const cols: string[][] = [a, b, r.ok ? r.value : []].map((s) => [...new Array<string>(nd - s.length).fill(''), ...s.map(dimText)]);
  const width = Array.from({ length: nd }, (_, i) => Math.max(1, ...cols.map((c) => (c[i] ?? '').length)));
  // NumPy's documentation layout: dims right-aligned, missing leading dims blank
  const row = (c: string[]) => c.map((d, i) => d.padStart(width[i]) + (i < nd - 1 ? (c[i + 1] && d ? ' x ' : '   ') : '')).join('');
  const names = [lname, rname, 'result'];
  const nameWidth = Math.max(...names.map((n) => n.length));
  const lines = [`broadcast  ${lname} ${OP_TEXT[op]} ${rname}  (right-aligned: each dim must match or be 1)`];
  lines.push(`  ${lname.padEnd(nameWidth)}  ${row(cols[0])}${a.length === 0 ? '(scalar)' : ''}`);
  lines.push(`  ${rname.padEnd(nameWidth)}  ${row(cols[1])}${b.length === 0 ? '(scalar)' : ''}`);
  if (r.ok) lines.push(`  ${'result'.padEnd(nameWidth)}  ${row(cols[2])}`);
  else lines.push(`  ${r.error.pyType}: ${r.error.message.trim()}`);
  return lines.join('\n');
}

/** `(3, 3) float64` or a short description of a non-array value. */
export function valueText(v: AValue): string | undefined {
  return formatValue(v) ?? undefined;
}

/** The text a node covers (one line, shortened). */
export function nodeText(text: string, n: { range: ast.Range }, max = 60): string {
  const s = text.slice(n.range.from, n.range.to).replace(/\s+/g, ' ');
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}
