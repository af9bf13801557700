// The analyzer's results: diagnostics (a stable code, NumPy's or torch's exact message, the
// operands' shapes and where they came from) and hints (the shape of each assignment).
// Types, the code catalog and formatting of values; no analysis happens here.

import { dimText, Dim } from '../../engine/shape/dim';
import type { Range } from '../python/ast';
import type { AValue } from './values';

export type DiagnosticCode =
  | 'shape-broadcast' | 'shape-matmul' | 'shape-reshape' | 'shape-axis' | 'shape-concat'
  | 'shape-linear-in-features' | 'shape-conv-channels' | 'shape-index' | 'shape-squeeze' | 'shape-transpose'
  | 'shape-view' | 'shape-einsum' | 'shape-linalg';

/** One line per code, for the README's explanation table and hover text. */
export const CODE_HELP: Record<DiagnosticCode, string> = {
  'shape-broadcast': 'Elementwise operands whose shapes cannot broadcast (dims must match or be 1, compared from the right).',
  'shape-matmul': 'Matrix product whose inner dimensions differ: (n, k) @ (k, m) needs the same k.',
  'shape-reshape': 'reshape/view to a shape whose size differs from the array\'s size.',
  'shape-axis': 'An axis argument outside the array\'s dimensions.',
  'shape-concat': 'concatenate/stack/cat of arrays whose other dimensions differ.',
  'shape-linear-in-features': 'An nn.Linear whose in_features differs from the input\'s last dimension.',
  'shape-conv-channels': 'An nn.Conv2d whose in_channels differs from the input\'s channel dimension.',
  'shape-index': 'An index out of bounds, too many indices, or a mask of the wrong length.',
  'shape-squeeze': 'squeeze of an axis whose size is not 1.',
  'shape-transpose': 'transpose/permute axes that do not match the array.',
  'shape-view': 'A view that the tensor\'s layout cannot provide.',
  'shape-einsum': 'einsum operands that do not fit the subscripts: a label with two different sizes, or a subscript of the wrong rank.',
  'shape-linalg': 'A linear-algebra function given a matrix of the wrong shape: inv/det/eig need square matrices, solve a matching right-hand side.',
};

export interface RelatedInfo {
  readonly message: string;
  readonly range: Range;
}

export interface Fix {
  readonly title: string;
  readonly range: Range;
  readonly newText: string;
}

export interface Diagnostic {
  readonly range: Range;
  readonly severity: 'error';
  readonly code: DiagnosticCode;
  /** the exact text NumPy/torch raise, then the operands' shapes and origins */
  readonly message: string;
  /** NumPy's/torch's error text alone */
  readonly runtimeMessage: string;
  readonly pyType: string;
  readonly related: readonly RelatedInfo[];
  readonly fix?: Fix;
}

export interface Hint {
  readonly line: number;
  /** where the hint goes: end of the assignment statement */
  readonly range: Range;
  readonly name: string;
  readonly value: AValue;
}

export function formatDim(d: Dim): string {
  return dimText(d);
}

/** `(32, 784) float64`, `(B, 784)`, `(3,) int64`, `?` for unknown rank. */
export function formatValue(v: AValue): string | null {
  if (v.kind !== 'array') return null;
  const shape = v.shape === null ? '(?)' : v.shape.length === 1 ? `(${formatDim(v.shape[0])},)` : `(${v.shape.map(formatDim).join(', ')})`;
  const dtype = v.dtype ? (v.lib === 'torch' ? ` torch.${v.dtype}` : ` ${v.dtype}`) : '';
  return `${shape}${dtype}`;
}

/** JSON form of a shape for `shape-lens shapes`: numbers, symbol strings, null when unknown. */
export function shapeJson(v: AValue): (number | string | null)[] | null {
  if (v.kind !== 'array' || v.shape === null) return null;
  return v.shape.map((d) => (typeof d === 'number' ? d : d.text === '?' ? null : d.text));
}
