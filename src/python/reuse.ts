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
  const copy = shift(node, dOffset, dLine) as T;
  // a symbol key: invisible to for-in, Object.keys and JSON, so the copy still equals a fresh parse
  if (typeof node === 'object' && node !== null) Object.defineProperty(copy, ORIGINAL, { value: node });
  return copy;
}

/** On each moved copy, its original: the copy is the original with every range moved alike. */
const ORIGINAL = Symbol('shiftedFrom');

/** The node `copy` was made from by `shifted`, if it is such a copy. */
export function shiftedFrom(copy: object): object | undefined {
  return (copy as { [ORIGINAL]?: object })[ORIGINAL];
}

function shift(v: unknown, dOffset: number, dLine: number): unknown {
  // bytes constants (Uint8Array) are never changed: shared, not copied
  if (typeof v !== 'object' || v === null || ArrayBuffer.isView(v)) return v;
  if (Array.isArray(v)) {
    const out = new Array<unknown>(v.length);
    for (let i = 0; i < v.length; i++) out[i] = shift(v[i], dOffset, dLine);
    return out;
  }
  // for-in over the node's own keys, in order, so that copies share the original's hidden class
  // (Object.entries allocated an array per node: shifting the statements after an edit in the
  // middle of a 1,000-line file was 2 ms)
  const node = v as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const k in node) {
    const x = node[k];
    if (k === 'range' || k === 'nameRange' || k === 'attrRange') {
      const r = x as A.Range;
      out[k] = { from: r.from + dOffset, to: r.to + dOffset, line: r.line + dLine, col: r.col, endLine: r.endLine + dLine, endCol: r.endCol };
    } else {
      out[k] = typeof x === 'object' && x !== null ? shift(x, dOffset, dLine) : x;
    }
  }
  return out;
}
