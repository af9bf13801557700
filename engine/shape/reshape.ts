// Reshape with one -1: `reshapeShape([2,3], [-1])` → [6]; NumPy's texts for a size mismatch
// ("cannot reshape array of size 6 into shape (4,)") and for two unknowns.

import { Dim, dimEq, dimMul, isNum, Shape, sym, SymDim } from './dim';
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
      // symbolic size or known part: the unknown dim is `size / known`, which we only name
      out[unknown] = isNum(size) && !isNum(known) ? sym('?') : divideSym(size, known);
    }
  } else if (dimEq(size, known) === false) {
    return bad();
  }
  return ok(out);
}

/** `size / known` when `size` is a symbolic product containing `known`'s factors, else `?`. */
function divideSym(size: Dim, known: Dim): Dim {
  const s = size as SymDim;
  if (isNum(known)) {
    if (known !== 0 && s.coeff % known === 0) {
      const coeff = s.coeff / known;
      return s.factors.length === 0 ? coeff : s.factors.reduce<Dim>((p, f) => dimMul(p, sym(f)), coeff);
    }
    return sym('?');
  }
  const rest = [...s.factors];
  for (const f of known.factors) {
    const i = rest.indexOf(f);
    if (i < 0) return sym('?');
    rest.splice(i, 1);
  }
  if (known.coeff === 0 || s.coeff % known.coeff !== 0) return sym('?');
  return rest.reduce<Dim>((p, f) => dimMul(p, sym(f)), s.coeff / known.coeff);
}
