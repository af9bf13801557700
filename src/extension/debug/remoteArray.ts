// Reading an array out of a paused Python program through any debug adapter that answers DAP
// `evaluate`: first its metadata (one small request), then — only when asked — its values in
// blocks that each fit one answer. The adapter is reached through the `Evaluator` interface,
// so this file has no `vscode` import and is tested against recorded debugpy answers.
// Nothing here decides whether a large array may be fetched; the caller asks the user first.
import type { NDArray } from '../../../engine/core/ndarray';
import type { DType } from '../../../engine/core/dtype';
import { ArrayAssembler, planBlocks } from './chunks';
import { chunkExpression, dtypeProblem, MetaAnswer, metaExpression, parseChunk, parseMeta, RemoteArrayMeta } from './remoteExpressions';

/** One paused frame of one debug session. */
export interface Evaluator {
  /** The adapter's `result` text for `expression`; rejects with the adapter's message (`NameError: …`). */
  evaluate(expression: string, opts: { readonly timeoutMs: number; readonly bulk: boolean }): Promise<string>;
  /** raw bytes one answer may carry without the adapter truncating it */
  readonly maxChunkBytes: number;
}

/** A problem to show the user as it is. */
export class RemoteArrayError extends Error {}

export const META_TIMEOUT_MS = 5000;
export const CHUNK_TIMEOUT_MS = 30_000;

/** Rejects after `ms` with a plain message (the request itself cannot be withdrawn from the adapter). */
export function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const t = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new RemoteArrayError(`${what} took longer than ${ms / 1000} s`)), ms); });
  return Promise.race([p, t]).finally(() => clearTimeout(timer));
}

/** The adapter's error text made plain: `NameError: name 'q' is not defined` → "`q` is not defined in the paused frame". */
export function plainEvaluationError(expr: string, message: string): string {
  const first = message.trim().split('\n').filter((l) => l.trim() !== '').pop() ?? message;
  const m = /NameError: name '([^']+)' is not defined/.exec(message);
  if (m) return `\`${m[1]}\` is not defined in the paused frame (out of scope?)`;
  return `evaluating \`${expr}\` failed: ${first.trim()}`;
}

/** `expr`'s metadata, or `{ ok: false, typeName }` when it is not an array or tensor. */
export async function fetchMeta(ev: Evaluator, expr: string, timeoutMs = META_TIMEOUT_MS): Promise<MetaAnswer> {
  let text: string;
  try {
    text = await withTimeout(ev.evaluate(metaExpression(expr), { timeoutMs, bulk: false }), timeoutMs, `reading \`${expr}\``);
  } catch (e) {
    if (e instanceof RemoteArrayError) throw e;
    throw new RemoteArrayError(plainEvaluationError(expr, e instanceof Error ? e.message : String(e)));
  }
  const m = parseMeta(text);
  if (!m) throw new RemoteArrayError(plainEvaluationError(expr, text));
  return m;
}

export interface FetchOptions {
  /** fetch only `expr[:rows]` (axis 0) */
  readonly rows?: number;
  /** called after each block with values received so far and in all */
  readonly onProgress?: (done: number, total: number) => void;
  /** polled between blocks */
  readonly isCancelled?: () => boolean;
}

export interface FetchedArray {
  /** what the inspector calls it: `x`, or `x[:8]` for a part */
  readonly name: string;
  readonly array: NDArray;
  /** requests made for the values */
  readonly requests: number;
}

const DTYPE_FALLBACK: Record<string, DType> = { float16: 'float32', bfloat16: 'float32' };

/** The values of `expr` (or of its first `rows` rows) as an engine array, fetched in blocks. */
export async function fetchArray(ev: Evaluator, expr: string, meta: RemoteArrayMeta, opts: FetchOptions = {}): Promise<FetchedArray> {
  const problem = dtypeProblem(meta);
  if (problem) throw new RemoteArrayError(`\`${expr}\`: ${problem}`);
  const partial = opts.rows !== undefined && meta.shape.length > 0 && opts.rows < meta.shape[0];
  const shape = partial ? [Math.max(0, Math.floor(opts.rows ?? 0)), ...meta.shape.slice(1)] : [...meta.shape];
  const name = partial ? `${expr}[:${shape[0]}]` : expr;
  // the size of what travels: 16-bit floats are widened to float32 before they are sent
  const itemsize = meta.dtype in DTYPE_FALLBACK ? 4 : itemsizeOf(meta);
  const asm = new ArrayAssembler(shape);
  let requests = 0, done = 0;
  for (const b of planBlocks(shape, itemsize, ev.maxChunkBytes)) {
    if (opts.isCancelled?.()) throw new RemoteArrayError('cancelled');
    let text: string;
    try {
      text = await withTimeout(ev.evaluate(chunkExpression(expr, meta, b), { timeoutMs: CHUNK_TIMEOUT_MS, bulk: true }), CHUNK_TIMEOUT_MS, `reading values of \`${expr}\``);
    } catch (e) {
      if (e instanceof RemoteArrayError) throw e;
      throw new RemoteArrayError(plainEvaluationError(expr, e instanceof Error ? e.message : String(e)));
    }
    requests++;
    const c = parseChunk(text);
    if (c instanceof Error) throw new RemoteArrayError(c.message);
    try { asm.add(c.typestr, c.bytes, b.size); } catch (e) { throw new RemoteArrayError(e instanceof Error ? e.message : String(e)); }
    done += b.size;
    opts.onProgress?.(done, asm.size);
  }
  const fallback = (DTYPE_FALLBACK[meta.dtype] ?? meta.dtype) as DType;
  return { name, array: asm.finish(fallback), requests };
}

/** Bytes per value as the program holds them, from the dtype name. */
export function itemsizeOf(meta: RemoteArrayMeta): number {
  const m = /(\d+)$/.exec(meta.dtype);
  if (meta.dtype === 'bool') return 1;
  return m ? Math.max(1, Number(m[1]) / 8) : 8;
}
