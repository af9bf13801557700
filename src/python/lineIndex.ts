// Offset ↔ (line, column) conversion for one source text.
// Lines end at "\r\n", "\r" or "\n" (CPython's universal newlines, also VS Code's); lines are
// 1-based and columns 0-based UTF-16 units. It knows nothing about Python syntax.

import type { Range } from './ast';

export class LineIndex {
  /** Offset of the first character of each line; `lineStarts[0] === 0`. */
  readonly lineStarts: number[];

  constructor(readonly text: string) {
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) starts.push(i + 1);
      else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      }
    }
    this.lineStarts = starts;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** Last answer of `lineOf`: lookups mostly move forward through the text. */
  private hint = 0;

  /** 1-based line containing `offset` (offsets past the end belong to the last line). */
  lineOf(offset: number): number {
    const starts = this.lineStarts;
    const h = this.hint;
    if (starts[h]! <= offset) {
      if (h + 1 >= starts.length || offset < starts[h + 1]!) return h + 1;
      if (h + 2 >= starts.length || offset < starts[h + 2]!) {
        this.hint = h + 1;
        return h + 2;
      }
    }
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    this.hint = lo;
    return lo + 1;
  }

  lineStart(line: number): number {
    return this.lineStarts[line - 1] ?? this.text.length;
  }

  /** End of a line's content (before its line terminator). */
  lineEnd(line: number): number {
    const next = this.lineStarts[line];
    if (next === undefined) return this.text.length;
    let end = next;
    if (end > 0 && this.text.charCodeAt(end - 1) === 10) end--;
    if (end > 0 && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  col(offset: number): number {
    return offset - this.lineStart(this.lineOf(offset));
  }

  offsetAt(line: number, col: number): number {
    return this.lineStart(line) + col;
  }

  range(from: number, to: number): Range {
    const line = this.lineOf(from);
    const endLine = to === from ? line : this.lineOf(to);
    return {
      from,
      to,
      line,
      col: from - this.lineStarts[line - 1]!,
      endLine,
      endCol: to - this.lineStarts[endLine - 1]!,
    };
  }
}
