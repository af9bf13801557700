// Reuse of converted statements across incremental parses. A clean top-level statement (no
// parse or token error, no recovery patch) converts to a typed AST that depends only on its own
// text; after an edit, a top-level node whose text is unchanged takes the previous conversion,
// as is when it lies before the edit, or with its ranges moved when the edit shifted it. The
// caller proves "unchanged" by comparing the texts; the edit ranges only propose candidates.

import type { ChangedRange } from '@lezer/common';
import type * as A from './ast';
import type { LineIndex } from './lineIndex';

/** One clean top-level node's conversion: the node's end and type, and its statements. */
export interface CachedStatements {
  readonly to: number;
  readonly type: number;
  readonly stmts: readonly A.Stmt[];
}

/** The conversions of the clean top-level nodes of one parse, by start offset. */
export type ConvertCache = Map<number, CachedStatements>;

/** What the converter needs to reuse the previous parse's statements. */
export interface PreviousConversion {
  readonly cache: ConvertCache;
  readonly text: string;
  readonly index: LineIndex;
  /** changed ranges from the previous text (A) to the new one (B), sorted */
  readonly changes: readonly ChangedRange[];
}

/** Maps a position of the new text to the previous text's, or -1 inside a changed range. */
export function toPrevious(changes: readonly ChangedRange[], pos: number): number {
  let delta = 0;
  for (const c of changes) {
    if (pos < c.fromB) break;
    if (pos <= c.toB) return -1;
    delta = c.toA - c.toB;
  }
  return pos + delta;
}

/** A copy of `node` with every range moved by `dOffset` characters and `dLine` lines. */
export function shifted<T>(node: T, dOffset: number, dLine: number): T {
  if (dOffset === 0 && dLine === 0) return node;
  return shift(node, dOffset, dLine) as T;
}

function shift(v: unknown, dOffset: number, dLine: number): unknown {
  // bytes constants (Uint8Array) are never changed: shared, not copied
  if (typeof v !== 'object' || v === null || ArrayBuffer.isView(v)) return v;
  if (Array.isArray(v)) return v.map((x) => shift(x, dOffset, dLine));
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) {
    if (k === 'range' || k === 'nameRange' || k === 'attrRange') {
      const r = x as A.Range;
      out[k] = { from: r.from + dOffset, to: r.to + dOffset, line: r.line + dLine, col: r.col, endLine: r.endLine + dLine, endCol: r.endCol };
    } else {
      out[k] = shift(x, dOffset, dLine);
    }
  }
  return out;
}
