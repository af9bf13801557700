// From an operator hover to the inspector's explainer: turns the analyzer's values of `a + b`
// or `A @ B` (and of `np.matmul(A, B)` / `np.dot(A, B)`) into the webview's explainBroadcast /
// explainMatmul message, and that message into a `command:` link for the hover's markdown.
// Pure: no `vscode`. It computes no shapes: the explainer applies engine/shape's rules itself;
// this only passes the operands' shapes on (symbolic dims as their text, `B`, `3*n`).
import type { AValue } from '../analyzer/values';
import { dimText } from '../../engine/shape/dim';
import { LIMITS, validateHostMessage } from '../../webview/protocol';
import type { ExplainBroadcastMessage, ExplainDim, ExplainMatmulMessage } from '../../webview/protocol';

export type ExplainRequest = ExplainBroadcastMessage | ExplainMatmulMessage;

/** The command the hover link runs; registered by inspect.ts. */
export const EXPLAIN_COMMAND = 'shapeLens.explainShapes';

/** An operand's shape as the explainer takes it; null when the analyzer does not know it. */
function explainShape(v: AValue): ExplainDim[] | null {
  if (v.kind === 'array') return v.shape === null ? null : v.shape.map((d) => (typeof d === 'number' ? d : dimText(d)));
  // Python scalars broadcast as 0-d
  if (v.kind === 'int' || v.kind === 'float' || v.kind === 'bool') return [];
  return null;
}

const label = (s: string): string => (s.length > LIMITS.maxNameLength ? `${s.slice(0, LIMITS.maxNameLength - 1)}…` : s);

/**
 * The explainer for `left <opText> right`: matmul for `@`, broadcasting for every other binary
 * operator. Undefined when either shape is unknown (the explainer has nothing to draw).
 */
export function explainRequest(opText: string, lname: string, left: AValue, rname: string, right: AValue): ExplainRequest | undefined {
  const a = explainShape(left), b = explainShape(right);
  if (!a || !b) return undefined;
  const A = { label: label(lname), shape: a }, B = { label: label(rname), shape: b };
  if (opText === '@') {
    // matmul has no 0-d operands (NumPy: "matmul: Input operand 0 does not have enough dimensions")
    return { type: 'explainMatmul', a: A, b: B };
  }
  return { type: 'explainBroadcast', op: opText.slice(0, 8), a: A, b: B };
}

/**
 * Whether `np.<fn>(a, b)` has matmul's shape rule for these operands: always for `matmul`;
 * for `dot` only when both are 1-D or 2-D (for N-D `dot` pairs every stack with every stack,
 * and with a 0-d operand it is a multiplication).
 */
export function callIsMatmul(fn: string, left: AValue, right: AValue): boolean {
  if (fn === 'matmul') return true;
  if (fn !== 'dot') return false;
  const a = explainShape(left), b = explainShape(right);
  return !!a && !!b && a.length >= 1 && a.length <= 2 && b.length >= 1 && b.length <= 2;
}

/**
 * `command:shapeLens.explainShapes?<args>` for a markdown link. Parentheses are escaped too
 * (encodeURIComponent keeps them): an operand such as `(X - mu)` would end the link early.
 */
export function explainCommandUri(req: ExplainRequest): string {
  const args = encodeURIComponent(JSON.stringify([req])).replace(/\(/g, '%28').replace(/\)/g, '%29');
  return `command:${EXPLAIN_COMMAND}?${args}`;
}

/** The command's argument, validated as the webview would: a link's arguments are untrusted text. */
export function parseExplainArg(arg: unknown): ExplainRequest | string {
  const v = validateHostMessage(arg);
  if (!v.ok) return v.error;
  if (v.value.type !== 'explainBroadcast' && v.value.type !== 'explainMatmul') return `not an explainer: ${v.value.type}`;
  return v.value;
}
