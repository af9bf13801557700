// Shapes the user writes down: a `# shape: (B, 784)` comment on an assignment or parameter
// line, and jaxtyping-style annotations `Float[np.ndarray, "batch 784"]` /
// `Float[torch.Tensor, "b c h w"]`. Names become symbols, numbers stay numbers; anything
// else (`...`, `*batch`) makes the annotation unusable rather than guessed.

import { Dim, sym } from '../../engine/shape/dim';
import type * as ast from '../python/ast';
import type { Lib } from './values';

const COMMENT = /#\s*shape:\s*\(([^)]*)\)/;

function parseDims(parts: readonly string[]): Dim[] | null {
  const out: Dim[] = [];
  for (const p of parts) {
    if (/^\d+$/.test(p)) out.push(Number(p));
    else if (/^[A-Za-z_]\w*$/.test(p)) out.push(sym(p));
    else return null;
  }
  return out;
}

/** `x = load()  # shape: (B, 784)` → [B, 784]. */
export function commentShape(line: string | undefined): Dim[] | null {
  if (!line) return null;
  const m = COMMENT.exec(line);
  if (!m) return null;
  const parts = m[1].split(',').map((s) => s.trim()).filter((s) => s.length > 0);
  return parseDims(parts);
}

const DTYPE_WRAPPERS = new Set(['Float', 'Int', 'Bool', 'Shaped', 'Float32', 'Float64', 'Int64', 'Int32', 'UInt8', 'Num', 'Real', 'Integer']);

/** `Float[np.ndarray, "batch 784"]` → { lib: 'numpy', shape: [batch, 784] }. */
export function annotationShape(e: ast.Expr): { lib: Lib; shape: Dim[] } | null {
  if (e.kind !== 'Subscript' || e.value.kind !== 'Name' || !DTYPE_WRAPPERS.has(e.value.id)) return null;
  if (e.slice.kind !== 'Tuple' || e.slice.elts.length !== 2) return null;
  const [kind, dims] = e.slice.elts;
  if (dims.kind !== 'Constant' || dims.value.type !== 'str') return null;
  const lib: Lib = kind.kind === 'Attribute' && kind.attr === 'Tensor' ? 'torch' : 'numpy';
  const shape = parseDims(dims.value.value.trim().split(/\s+/).filter((s) => s.length > 0));
  return shape ? { lib, shape } : null;
}
