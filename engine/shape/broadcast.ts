// Broadcasting: NumPy's rule for any rank, on numeric or symbolic dims.
// Right-align the shapes; each pair of dims must be equal or one of them 1.
// `broadcastShapes([2,3],[3])` → [2,3]; `([2,3],[2])` → ValueError
// "operands could not be broadcast together with shapes (2,3) (2,) " (trailing space is NumPy's).

import { Dim, dimEq, isNum, Shape, shapeTextCompact, shapeTextTuple } from './dim';
import { fail, ok, ShapeResult } from './result';

/** One pair of dims; undefined when they provably clash. */
function broadcastDim(a: Dim, b: Dim): Dim | undefined {
  if (a === 1) return b;
  if (b === 1) return a;
  const eq = dimEq(a, b);
  if (eq === true) return a;
  if (eq === false) return undefined;
  // symbol vs number or unrelated symbols: never guess a clash; keep the more concrete dim
  return isNum(a) ? a : b;
}

function broadcastPair(a: Shape, b: Shape): Dim[] | undefined {
  const nd = Math.max(a.length, b.length);
  const out = new Array<Dim>(nd);
  for (let i = 0; i < nd; i++) {
    const da = i < nd - a.length ? 1 : a[i - (nd - a.length)];
    const db = i < nd - b.length ? 1 : b[i - (nd - b.length)];
    const d = broadcastDim(da, db);
    if (d === undefined) return undefined;
    out[i] = d;
  }
  return out;
}

/** The shape of `a op b` for elementwise ops (ufunc wording). */
export function broadcastShapes(...shapes: Shape[]): ShapeResult<Dim[]> {
  let acc: Dim[] = [];
  for (const s of shapes) {
    const next = broadcastPair(acc, s);
    if (!next) {
      return fail('ValueError', `operands could not be broadcast together with shapes ${shapes.map(shapeTextCompact).join(' ')} `);
    }
    acc = next;
  }
  return ok(acc);
}

/**
 * `np.broadcast_shapes(...)` / `np.broadcast_arrays` wording. Like NumPy's PyArray_Broadcast,
 * it scans output dims left to right and names the first arg that set the dim and the first
 * that disagrees with it.
 */
export function broadcastShapesNamed(...shapes: Shape[]): ShapeResult<Dim[]> {
  const nd = Math.max(0, ...shapes.map((s) => s.length));
  for (let i = 0; i < nd; i++) {
    let src = -1;
    let size: Dim = 1;
    for (let j = 0; j < shapes.length; j++) {
      const s = shapes[j], k = i - (nd - s.length);
      if (k < 0 || s[k] === 1) continue;
      if (src < 0) { src = j; size = s[k]; continue; }
      if (dimEq(size, s[k]) === false) {
        return fail('ValueError', `shape mismatch: objects cannot be broadcast to a single shape.  Mismatch is between arg ${src} with shape ${shapeTextTuple(shapes[src])} and arg ${j} with shape ${shapeTextTuple(s)}.`);
      }
    }
  }
  return broadcastShapes(...shapes);
}

/** `np.broadcast_to(a, shape)`: `a`'s shape must stretch to exactly `target`. */
export function broadcastTo(shape: Shape, target: Shape): ShapeResult<Dim[]> {
  const bad = (): ShapeResult<Dim[]> => fail('ValueError',
    `operands could not be broadcast together with remapped shapes [original->remapped]: ${shapeTextCompact(shape)}  and requested shape ${shapeTextCompact(target)}`);
  if (target.some((d) => isNum(d) && d < 0)) return fail('ValueError', 'all elements of broadcast shape must be non-negative');
  if (shape.length > target.length) {
    return fail('ValueError', 'input operand has more dimensions than allowed by the axis remapping');
  }
  const off = target.length - shape.length;
  for (let i = 0; i < shape.length; i++) {
    const s = shape[i], t = target[off + i];
    if (s === 1) continue;
    if (dimEq(s, t) === false) return bad();
  }
  return ok([...target]);
}
