// Reshape with one -1: `reshapeShape([2,3], [-1])` → [6]; NumPy's texts for a size mismatch
// ("cannot reshape array of size 6 into shape (4,)") and for two unknowns.

import { Dim, dimEq, dimMul, isNum, Shape } from './dim';
import { fail, ok, ShapeResult } from './result';

/** NumPy's convert_shape_to_string: leading negatives dropped, later ones print as newaxis. */
function requestedShapeText(vals: readonly Dim[]): string {
  let i = 0;
  while (i < vals.length && isNum(vals[i]) && (vals[i] as number) < 0) i++;
  if (i === vals.length) return '()';
  const text = (d: Dim) => (isNum(d) ? (d < 0 ? 'newaxis' : String(d)) : d.text);
  const parts = [text(vals[i])];
  for (i++; i < vals.length; i++) parts.push(text(vals[i]));
  return vals.length === 1 ? `(${parts[0]},)` : `(${parts.join(',')})`;
}

export function reshapeShape(size: Dim, newShape: Shape): ShapeResult<Dim[]> {
  let unknown = -1;
  let known: Dim = 1;
  for (let i = 0; i < newShape.length; i++) {
    const d = newShape[i];
    if (isNum(d) && d < 0) {
      if (unknown >= 0) return fail('ValueError', 'can only specify one unknown dimension');
      unknown = i;
    } else {
      known = dimMul(known, d);
    }
  }
  const bad = () => fail<Dim[]>('ValueError', `cannot reshape array of size ${isNum(size) ? size : size.text} into shape ${requestedShapeText(newShape)}`);
  const out = [...newShape];
  if (unknown >= 0) {
    if (isNum(size) && isNum(known)) {
      if (known === 0 || size % known !== 0) return bad();
      out[unknown] = size / known;
    } else {
      return ok(out); // symbolic: the analyzer resolves what it can
    }
  } else if (dimEq(size, known) === false) {
    return bad();
  }
  return ok(out);
}
