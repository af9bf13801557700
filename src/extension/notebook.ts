// A Jupyter notebook as one Python program: its Python code cells joined in cell order, so
// a name defined in cell 1 has its shape in cell 3. Maps offsets of the joined text back to
// (cell, offset in cell). IPython lines (`%magic`, `!shell`, `%%cell magic`) become comments
// of the same length, so offsets stay exact and the analyzer never sees them.
// Pure: no `vscode` import, so it is unit-testable; the caller passes the cells' texts.

export interface NotebookProgram {
  readonly text: string;
  /** start offset of each cell in `text` (cells joined by one '\n') */
  readonly starts: readonly number[];
  /** cell texts' lengths */
  readonly lengths: readonly number[];
}

/** Replaces IPython-only lines by same-length comments (offsets are preserved). */
export function maskIPython(cell: string): string {
  if (/^\s*%%/.test(cell)) return cell.replace(/[^\n]/g, (c, i: number) => (i === 0 || cell[i - 1] === '\n' ? '#' : c === '\r' ? c : ' '));
  return cell.replace(/^([ \t]*)([%!?])/gm, (_m, indent: string) => `${indent}#`);
}

export function joinCells(cells: readonly string[]): NotebookProgram {
  const starts: number[] = [];
  const lengths: number[] = [];
  const parts: string[] = [];
  let at = 0;
  for (const c of cells) {
    starts.push(at);
    lengths.push(c.length);
    parts.push(maskIPython(c));
    at += c.length + 1;
  }
  return { text: parts.join('\n'), starts, lengths };
}

/** The cell holding `offset` of the joined text and the offset within it, or undefined. */
export function locate(p: NotebookProgram, offset: number): { cell: number; offset: number } | undefined {
  let lo = 0, hi = p.starts.length - 1, found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (p.starts[mid] <= offset) { found = mid; lo = mid + 1; } else hi = mid - 1;
  }
  if (found < 0) return undefined;
  const local = offset - p.starts[found];
  if (local > p.lengths[found]) return undefined;
  return { cell: found, offset: local };
}
