// Hover: on an array expression, its shape, dtype and where the shape came from; on a binary
// operator between arrays, the broadcasting alignment (or matmul's inner dims) of its operands.
// Expression values come from expressions.ts, computed when a hover asks and cached per text.
import * as vscode from 'vscode';
import { Analyses, DocumentView, toRange } from './analyses';
import { derivation, lineLabel } from './describe';
import { alignmentText, ExpressionIndex, nodeText, valueText } from './expressions';
import { hintText } from '../analyzer';

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
      if (text) {
        const md = new vscode.MarkdownString();
        md.appendCodeblock(text, 'text');
        md.appendMarkdown('_Shape Lens_');
        return new vscode.Hover(md, toRange(v, op.opFrom, op.opTo));
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
