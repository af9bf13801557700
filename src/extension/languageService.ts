// The static-analysis side of the editor features, with no `vscode`: one incremental
// AnalysisSession per document (a notebook is one program, its code cells joined), fed the
// text as it changes, answering hints, diagnostics and hovers as plain data in program
// offsets (languageProtocol.ts). It runs in the analysis worker thread (analysisWorker.ts), so
// that neither the analysis nor the garbage it leaves ever pauses the extension host; the host
// (analyses.ts and the providers) turns the answers into positions and markdown.
import { AnalysisSession, SessionResult } from '../analyzer/session';
import { hintText } from '../analyzer';
import type { Hint } from '../analyzer';
import type { AValue } from '../analyzer/values';
import type * as ast from '../python/ast';
import { applyEdits, type TextEdit } from '../python/parse';
import { derivation, lineLabel, ProgramView } from './describe';
import { alignmentText, ExpressionIndex, nodeText, valueText } from './expressions';
import { callIsMatmul, EXPLAIN_COMMAND, explainCommandUri, explainRequest } from './explainLink';
import { instrument, selectionProgram } from './instrument';
import type { DiagnosticItem, HintItem, HoverItem, LanguageReply, LanguageRequest, NotebookLayout, ProgramVersion } from './languageProtocol';

const INSPECT_COMMAND = 'shapeLens.inspectArray';

interface ProgramState {
  readonly session: AnalysisSession;
  version: ProgramVersion;
  text: string;
  notebook: NotebookLayout | undefined;
  /** the change events since the last analysis; null: unknown (a full text arrived), reparse all */
  pending: (readonly TextEdit[])[] | null;
  result: SessionResult | undefined;
  /** the hints to show per mode, for `result` */
  shown: Map<'all' | 'changed', { hint: Hint; text: string }[]>;
}

export class LanguageService {
  private readonly programs = new Map<string, ProgramState>();
  /** hover's expression values, per program text (the last few) */
  private indexes: { text: string; index: ExpressionIndex }[] = [];

  handle(req: LanguageRequest): LanguageReply<unknown> {
    switch (req.op) {
      case 'sync': this.sync(req.key, req.version, req.text, req.edits, req.notebook); return { version: req.version, value: null };
      case 'edit': {
        const p = this.programs.get(req.key);
        const text = p && !p.notebook && p.version === req.version - 1 ? applyEdits(p.text, req.edits) : undefined;
        if (text === undefined || text.length !== req.length) this.programs.delete(req.key);
        else this.sync(req.key, req.version, text, req.edits, undefined);
        return { version: req.version, value: null };
      }
      case 'forget': this.programs.delete(req.key); return { version: 0, value: null };
      case 'instrument': {
        const sel = req.selection;
        return { version: 0, value: instrument(sel ? selectionProgram(req.text, sel.fromLine, sel.toLine) : req.text, sel?.fromLine, sel?.toLine) };
      }
      case 'hints': return this.answer(req.key, (p) => hintItems(this.shown(p, req.mode), req.from, req.to));
      case 'hintTooltip': return this.answer(req.key, (p, v) => hintTooltip(this.shown(p, req.mode), v, req.end) ?? null);
      case 'diagnostics': return this.answer(req.key, (p) => diagnosticItems(p.result!));
      case 'hover': return this.answer(req.key, (p, v) => hoverItem(v, this.index(p.text), req.offset, req.uri)
        ?? (req.word ? targetHover(v, p.result!, req.offset, req.uri, req.word) : undefined) ?? null);
    }
  }

  private sync(key: string, version: ProgramVersion, text: string, edits: readonly TextEdit[] | undefined, notebook: NotebookLayout | undefined): void {
    let p = this.programs.get(key);
    if (!p) {
      p = { session: new AnalysisSession(), version, text, notebook, pending: null, result: undefined, shown: new Map() };
      this.programs.set(key, p);
      return;
    }
    if (p.pending !== null && edits) p.pending.push(edits);
    else p.pending = null;
    p.version = version;
    p.text = text;
    p.notebook = notebook;
  }

  /** Analyses `key`'s program if it changed, then answers `f` for it. */
  private answer<T>(key: string, f: (p: ProgramState, v: ProgramView) => T): LanguageReply<T | null> {
    const p = this.programs.get(key);
    if (!p) return { version: -1, value: null };
    let analysisMs: number | undefined;
    if (p.result === undefined || p.pending === null || p.pending.length > 0) {
      const t = performance.now();
      // one change event since the last analysis: its ranges are relative to the text analysed
      const edits = p.result !== undefined && p.pending?.length === 1 ? p.pending[0] : undefined;
      p.result = p.session.update(p.text, edits);
      p.pending = [];
      p.shown = new Map();
      analysisMs = performance.now() - t;
    }
    const view: ProgramView = { text: p.text, notebook: p.notebook && { text: p.text, ...p.notebook } };
    return { version: p.version, value: f(p, view), analysisMs };
  }

  private shown(p: ProgramState, mode: 'all' | 'changed'): { hint: Hint; text: string }[] {
    let list = p.shown.get(mode);
    if (!list) p.shown.set(mode, list = selectHints(p.result!.analysis.hints, mode));
    return list;
  }

  private index(text: string): ExpressionIndex {
    const hit = this.indexes.find((c) => c.text === text);
    if (hit) return hit.index;
    const index = ExpressionIndex.build(text);
    this.indexes = [{ text, index }, ...this.indexes].slice(0, 3);
    return index;
  }
}

/** The hints to show: all array hints, or (mode `changed`) those whose name's shape differs from its previous one. */
export function selectHints(hints: readonly Hint[], mode: 'all' | 'changed'): { hint: Hint; text: string }[] {
  const out: { hint: Hint; text: string }[] = [];
  const last = new Map<string, string>();
  for (const hint of hints) {
    const text = hintText(hint);
    // `(?)`: rank unknown (e.g. after an error) says nothing worth a hint
    if (text === null || (hint.value.kind === 'array' && hint.value.shape === null)) continue;
    const prev = last.get(hint.name);
    last.set(hint.name, text);
    if (mode === 'changed' && prev === text) continue;
    out.push({ hint, text });
  }
  return out;
}

/** The shown hints by the end of their statement, in order: one inlay hint per statement. */
function byStatement(shown: readonly { hint: Hint; text: string }[], from: number, to: number): Map<number, { hint: Hint; text: string }[]> {
  const byStmt = new Map<number, { hint: Hint; text: string }[]>();
  for (const s of shown) {
    const end = s.hint.range.to;
    if (end < from || end > to) continue;
    const list = byStmt.get(end) ?? [];
    list.push(s);
    byStmt.set(end, list);
  }
  return byStmt;
}

/** One hint per statement ending in [from, to]: `a: (2,) int64, b: (3,) int64` when it assigns several arrays. */
function hintItems(shown: readonly { hint: Hint; text: string }[], from: number, to: number): HintItem[] {
  const out: HintItem[] = [];
  for (const [end, list] of byStatement(shown, from, to)) {
    out.push({ end, label: list.length === 1 ? list[0].text : list.map((s) => `${s.hint.name}: ${s.text}`).join(', ') });
  }
  return out;
}

/**
 * The tooltip of the hint after the statement ending at `end`: each array's derivation. Made
 * only when the editor resolves a hint (the pointer on it): with every hint, the derivations
 * were most of each keystroke's answer (about 200 bytes a hint) for tooltips almost never shown.
 */
function hintTooltip(shown: readonly { hint: Hint; text: string }[], v: ProgramView, end: number): string | undefined {
  const list = byStatement(shown, end, end).get(end);
  if (!list) return undefined;
  let tooltip = '';
  for (const s of list) {
    tooltip += `**${s.hint.name}** \`${s.text}\` — assigned at ${lineLabel(v, s.hint.line)}`;
    const d = derivation(v, s.hint.value);
    if (d) tooltip += `; shape ${d}`;
    tooltip += '\n\n';
  }
  return `${tooltip}_Shape Lens: inferred without running the code._`;
}

function diagnosticItems(result: SessionResult): DiagnosticItem[] {
  return result.analysis.diagnostics.map((d) => ({
    from: d.range.from, to: d.range.to, code: d.code, message: d.message,
    related: d.related.map((r) => ({ from: r.range.from, to: r.range.to, message: r.message })),
    fix: d.fix && { from: d.fix.range.from, to: d.fix.range.to, title: d.fix.title, newText: d.fix.newText },
  }));
}

/** What a hover at `offset` shows: an operator's alignment, a matmul call's, an expression's value, or an assignment target's hint. */
function hoverItem(v: ProgramView, index: ExpressionIndex, offset: number, uri: string): HoverItem | undefined {
  const op = index.operatorAt(offset);
  if (op) {
    const lname = nodeText(v.text, op.node.left, 24), rname = nodeText(v.text, op.node.right, 24);
    const text = alignmentText(op.node.op, lname, op.left, rname, op.right);
    if (text) return operandsHover(text, explainRequest(v.text.slice(op.opFrom, op.opTo), lname, op.left, rname, op.right), op.opFrom, op.opTo);
  }

  const call = matmulCallAt(index, offset);
  if (call) {
    const lname = nodeText(v.text, call.node.args[0], 24), rname = nodeText(v.text, call.node.args[1], 24);
    const text = alignmentText('MatMult', lname, call.left, rname, call.right);
    if (text) {
      const fn = nodeText(v.text, call.node.func, 24);
      const lines = text.split('\n');
      lines[0] = `${call.fn === 'dot' ? 'dot (as matmul for 1-D/2-D)' : 'matmul'}  ${fn}(${lname}, ${rname})`;
      return operandsHover(lines.join('\n'), explainRequest('@', lname, call.left, rname, call.right), call.from, call.to);
    }
  }

  const rec = index.at(offset);
  if (rec) {
    const text = valueText(rec.value);
    if (text) {
      const what = nodeText(v.text, rec.node);
      const md = `\`${what.replace(/`/g, "'")}\`: **\`${text}\`**`;
      return details(md, v, rec.value, rec.node.kind === 'Name' ? rec.node.id : undefined, uri, rec.node.range.from, rec.node.range.to);
    }
  }
  return undefined;
}

/** An assignment target (not evaluated as an expression): the statement's hint. */
function targetHover(v: ProgramView, result: SessionResult, offset: number, uri: string, word: { from: number; to: number; text: string }): HoverItem | undefined {
  const h = result.analysis.shapesAt(offset).find((x) => x.name === word.text || x.name.endsWith(`.${word.text}`));
  const text = h && hintText(h);
  if (!h || !text) return undefined;
  const md = `\`${h.name}\`: **\`${text}\`** (assigned at ${lineLabel(v, h.line)})`;
  return details(md, v, h.value, /^[A-Za-z_]\w*$/.test(h.name) ? h.name : undefined, uri, word.from, word.to);
}

/** The alignment text as a code block, plus a link to the inspector's diagram of the same operands. */
function operandsHover(text: string, req: ReturnType<typeof explainRequest>, from: number, to: number): HoverItem {
  let md = codeBlock(text, 'text');
  if (req) md += `[Show diagram](${explainCommandUri(req)}) · `;
  return { markdown: `${md}_Shape Lens_`, commands: req ? [EXPLAIN_COMMAND] : [], from, to };
}

/** MarkdownString.appendCodeblock's text: a fence longer than any run of backticks in the code. */
function codeBlock(code: string, lang: string): string {
  const longest = Math.max(0, ...(code.match(/`+/g) ?? []).map((s) => s.length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `\n${fence}${lang}\n${code}\n${fence}\n`;
}

function details(md: string, v: ProgramView, value: AValue, name: string | undefined, uri: string, from: number, to: number): HoverItem {
  if (value.kind === 'array') {
    const dims = value.shape === null ? 'unknown rank' : value.shape.length === 0 ? '0-d (a scalar array)' : `${value.shape.length}-d`;
    md += `\n\n${value.lib === 'torch' ? 'torch tensor' : 'ndarray'}, ${dims}${value.dtype ? `, dtype ${value.dtype}` : ''}`;
  }
  const d = derivation(v, value);
  if (d) md += `\n\nshape ${d}`;
  const commands: string[] = [];
  if (name) {
    const args = encodeURIComponent(JSON.stringify([{ uri, name }]));
    md += `\n\n[Inspect \`${name}\`](command:${INSPECT_COMMAND}?${args}) (runs the file in the sandbox)`;
    commands.push(INSPECT_COMMAND);
  }
  return { markdown: `${md}\n\n_Shape Lens: inferred without running the code._`, commands, from, to };
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
  const left = index.valueOf(node.args[0]), right = index.valueOf(node.args[1]);
  if (left?.kind !== 'array' || right?.kind !== 'array' || !callIsMatmul(f.attr, left, right)) return undefined;
  return { node, fn: f.attr, left, right, from: f.attrRange.from, to: f.attrRange.to };
}
