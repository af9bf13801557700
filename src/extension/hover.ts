// Hover: on an array expression, its shape, dtype and where the shape came from; on a binary
// operator between arrays (or the name of an `np.matmul`/`np.dot` call), the broadcasting
// alignment (or matmul's inner dims) of its operands, with a link that opens the inspector's
// explainer diagram for those shapes (explainLink.ts). The analysis worker writes the
// markdown (languageService.ts); this passes it the word under the pointer and places it.
import * as vscode from 'vscode';
import { Analyses, toRange } from './analyses';
import type { HoverItem } from './languageProtocol';

export class ShapeHoverProvider implements vscode.HoverProvider {
  constructor(private readonly analyses: Analyses) {}

  async provideHover(doc: vscode.TextDocument, position: vscode.Position, token?: vscode.CancellationToken): Promise<vscode.Hover | undefined> {
    const v = this.analyses.view(doc);
    if (!v) return undefined;
    const offset = v.base + doc.offsetAt(position);
    const wordRange = doc.getWordRangeAtPosition(position);
    const word = wordRange && { from: v.base + doc.offsetAt(wordRange.start), to: v.base + doc.offsetAt(wordRange.end), text: doc.getText(wordRange) };
    const item = await this.analyses.ask<HoverItem>(v, { op: 'hover', key: v.key, offset, uri: doc.uri.toString(), word });
    if (!item || token?.isCancellationRequested || !this.analyses.isCurrent(v)) return undefined;
    const md = new vscode.MarkdownString(item.markdown);
    if (item.commands.length) md.isTrusted = { enabledCommands: [...item.commands] };
    return new vscode.Hover(md, toRange(v, item.from, item.to));
  }
}
