// Words for what the analyzer found, shared by hints, hover and diagnostics: "line 12" in a
// file, "cell 2, line 3" in a notebook (the analysed program's line numbers mapped back).
import type { AValue } from '../analyzer/values';
import { locate, NotebookProgram } from './notebook';

/** The analysed program's text, and for a notebook how its cells were joined. */
export interface ProgramView {
  readonly text: string;
  readonly notebook?: NotebookProgram;
}

export function lineLabel(v: ProgramView, line: number): string {
  if (!v.notebook) return `line ${line}`;
  // offset of the program line's start
  let off = 0;
  for (let l = 1; l < line; l++) {
    const nl = v.text.indexOf('\n', off);
    if (nl < 0) break;
    off = nl + 1;
  }
  const at = locate(v.notebook, off);
  if (!at) return `line ${line}`;
  const cellText = v.text.slice(v.notebook.starts[at.cell], v.notebook.starts[at.cell] + at.offset);
  const cellLine = cellText.split('\n').length;
  return `cell ${at.cell + 1}, line ${cellLine}`;
}

/** "from line 3: `np.zeros((2, 3))`" for an array with a known origin. */
export function derivation(v: ProgramView, value: AValue): string | undefined {
  if (value.kind !== 'array' || !value.origin) return undefined;
  return `made at ${lineLabel(v, value.origin.line)}: \`${value.origin.text.replace(/`/g, "'")}\``;
}
