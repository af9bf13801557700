// Hover: on an array expression, its shape, dtype and where the shape came from; on a binary
// operator between arrays (or the name of an `np.matmul`/`np.dot` call), the broadcasting
// alignment (or matmul's inner dims) of its operands, with a link that opens the inspector's
// explainer diagram for those shapes (explainLink.ts). Expression values come from
// expressions.ts, computed when a hover asks and cached per text.
import * as vscode from 'vscode';
import { Analyses, DocumentView, toRange } from './analyses';
import { derivation, lineLabel } from './describe';
import { alignmentText, ExpressionIndex, nodeText, valueText } from './expressions';
import { hintText } from '../analyzer';
import type * as ast from '../python/ast';
import type { AValue } from '../analyzer/values';
import { callIsMatmul, EXPLAIN_COMMAND, explainCommandUri, explainRequest } from './explainLink';

export class ShapeHoverProvider implements vscode.HoverProvider {
  private cache: { text: string; index: ExpressionIndex }[] = [];

  constructor(private readonly analyses: Analyses) {}

  index(text: string): ExpressionIndex {
    const hit = this.cache.find((c) => c.text === text);
    if (hit) return hit.index;
    const index = ExpressionIndex.build(text);
    this.cache = [{ text, index }, ...this.cache].slice(0, 3);
    return index;
  }

  provideHover(doc: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const v = this.analyses.view(doc);
    if (!v) return undefined;
    const offset = v.base + doc.offsetAt(position);
    const index = this.index(v.text);

    const op = index.operatorAt(offset);
    if (op) {
      const lname = nodeText(v.text, op.node.left, 24), rname = nodeText(v.text, op.node.right, 24);
      const text = alignmentText(op.node.op, lname, op.left, rname, op.right);
      if (text) return operandsHover(text, explainRequest(v.text.slice(op.opFrom, op.opTo), lname, op.left, rname, op.right), toRange(v, op.opFrom, op.opTo));
    }

    const call = matmulCallAt(index, offset);
    if (call) {
      const lname = nodeText(v.text, call.node.args[0], 24), rname = nodeText(v.text, call.node.args[1], 24);
      const text = alignmentText('MatMult', lname, call.left, rname, call.right);
      if (text) {
        const fn = nodeText(v.text, call.node.func, 24);
        const lines = text.split('\n');
        lines[0] = `${call.fn === 'dot' ? 'dot (as matmul for 1-D/2-D)' : 'matmul'}  ${fn}(${lname}, ${rname})`;
        return operandsHover(lines.join('\n'), explainRequest('@', lname, call.left, rname, call.right), toRange(v, call.from, call.to));
      }
    }

    const rec = index.at(offset);
    if (rec) {
      const text = valueText(rec.value);
      if (text) {
        const what = nodeText(v.text, rec.node);
        const md = new vscode.MarkdownString();
        md.appendMarkdown(`\`${what.replace(/`/g, "'")}\`: **\`${text}\`**`);
        appendDetails(md, v, rec.value, rec.node.kind === 'Name' ? rec.node.id : undefined);
        return new vscode.Hover(md, toRange(v, rec.node.range.from, rec.node.range.to));
      }
    }

    // an assignment target (not evaluated as an expression): the statement's hint
    const wordRange = doc.getWordRangeAtPosition(position);
    if (wordRange) {
      const word = doc.getText(wordRange);
      const h = v.result.analysis.shapesAt(offset).find((x) => x.name === word || x.name.endsWith(`.${word}`));
      const text = h && hintText(h);
      if (h && text) {
        const md = new vscode.MarkdownString();
        md.appendMarkdown(`\`${h.name}\`: **\`${text}\`** (assigned at ${lineLabel(v, h.line)})`);
        appendDetails(md, v, h.value, /^[A-Za-z_]\w*$/.test(h.name) ? h.name : undefined);
        return new vscode.Hover(md, wordRange);
      }
    }
    return undefined;
  }
}

/** The alignment text, plus a link to the inspector's diagram of the same operands. */
function operandsHover(text: string, req: ReturnType<typeof explainRequest>, range: vscode.Range): vscode.Hover {
  const md = new vscode.MarkdownString();
  md.appendCodeblock(text, 'text');
  if (req) {
    md.appendMarkdown(`[Show diagram](${explainCommandUri(req)}) · `);
    md.isTrusted = { enabledCommands: [EXPLAIN_COMMAND] };
  }
  md.appendMarkdown('_Shape Lens_');
  return new vscode.Hover(md, range);
}

/** `np.matmul(a, b)` / `np.dot(a, b)` / `torch.matmul(a, b)` whose function name covers `offset`, with both operands' values. */
function matmulCallAt(index: ExpressionIndex, offset: number): { node: ast.Call; fn: string; left: AValue; right: AValue; from: number; to: number } | undefined {
  const onName = (e: ast.Expr): boolean => {
    if (e.kind !== 'Call' || e.args.length !== 2 || e.keywords.length !== 0) return false;
    const f = e.func;
    return f.kind === 'Attribute' && f.value.kind === 'Name' && (f.attr === 'matmul' || f.attr === 'dot') && f.attrRange.from <= offset && offset <= f.attrRange.to;
  };
  const rec = index.at(offset, (r) => onName(r.node));
  if (!rec || rec.node.kind !== 'Call') return undefined;
  const node = rec.node, f = node.func;
  if (f.kind !== 'Attribute') return undefined;
  const fn = f.attr;
  const left = index.valueOf(node.args[0]), right = index.valueOf(node.args[1]);
  if (left?.kind !== 'array' || right?.kind !== 'array' || !callIsMatmul(fn, left, right)) return undefined;
  return { node, fn, left, right, from: f.attrRange.from, to: f.attrRange.to };
}

function appendDetails(md: vscode.MarkdownString, v: DocumentView, value: import('../analyzer/values').AValue, name: string | undefined): void {
  if (value.kind === 'array') {
    const dims = value.shape === null ? 'unknown rank' : value.shape.length === 0 ? '0-d (a scalar array)' : `${value.shape.length}-d`;
    md.appendMarkdown(`\n\n${value.lib === 'torch' ? 'torch tensor' : 'ndarray'}, ${dims}${value.dtype ? `, dtype ${value.dtype}` : ''}`);
  }
  const d = derivation(v, value);
  if (d) md.appendMarkdown(`\n\nshape ${d}`);
  if (name) {
    const args = encodeURIComponent(JSON.stringify([{ uri: v.doc.uri.toString(), name }]));
    md.appendMarkdown(`\n\n[Inspect \`${name}\`](command:shapeLens.inspectArray?${args}) (runs the file in the sandbox)`);
    md.isTrusted = { enabledCommands: ['shapeLens.inspectArray'] };
  }
  md.appendMarkdown('\n\n_Shape Lens: inferred without running the code._');
}
