// Shape rules of torch 1.13's tensor ops with torch's exact error texts (NumPy's wording is
// in the sibling files): dim wrapping, broadcasting (infer_size), view/reshape, permute,
// transpose, squeeze/unsqueeze, flatten, expand, cat, stack, and the matrix products
// (matmul's dot/mv/mm/fold/bmm dispatch, mm, bmm, mv, dot). Pure functions over numeric or
// symbolic dims; the torch facade (engine/torch/) unwraps them, the analyzer reports them.
// nn layer rules (linear, conv2d, max_pool2d, cross_entropy) are in torchNn.ts.

import { Dim, dimEq, dimMul, dimText, isNum, Shape, shapeProduct, sym } from './dim';
import { fail, ok, ShapeResult } from './result';

/** torch's `[2, 3]` list text of a shape (IntArrayRef printing). */
export function torchShapeText(shape: Shape): string {
  return `[${shape.map(dimText).join(', ')}]`;
}

/** `torch.Size([2, 3])`. */
export function torchSizeText(shape: Shape): string {
  return `torch.Size(${torchShapeText(shape)})`;
}

/** provably different (a symbol against a number is never a clash) */
const differs = (a: Dim, b: Dim): boolean => dimEq(a, b) === false;

// ---- dims ----------------------------------------------------------------------------------

/**
 * c10's maybe_wrap_dim: `dim` in [-ndim, ndim-1] (a 0-d tensor counts as 1-d).
 * `wrapDim(-1, 3)` → 2; `wrapDim(2, 2)` → IndexError
 * "Dimension out of range (expected to be in range of [-2, 1], but got 2)".
 */
export function wrapDim(dim: number, ndim: number): ShapeResult<number> {
  const n = ndim <= 0 ? 1 : ndim;
  if (dim < -n || dim > n - 1) {
    return fail('IndexError', `Dimension out of range (expected to be in range of [${-n}, ${n - 1}], but got ${dim})`);
  }
  return ok(dim < 0 ? dim + n : dim);
}

/** A list of reduction dims (`sum(dim=(0, 1))`): wrapped, no repeats. */
export function wrapDims(dims: readonly number[], ndim: number): ShapeResult<number[]> {
  const out: number[] = [];
  for (const d of dims) {
    const r = wrapDim(d, ndim);
    if (!r.ok) return r;
    if (out.includes(r.value)) return fail('RuntimeError', `dim ${r.value} appears multiple times in the list of dims`);
    out.push(r.value);
  }
  return ok(out);
}

/** Shape after reducing `dims` (all dims when null); keepdim keeps them as 1. */
export function torchReduceShape(shape: Shape, dims: readonly number[] | null, keepdim: boolean): ShapeResult<{ dims: number[]; shape: Dim[] }> {
  let wrapped: number[];
  if (dims === null || dims.length === 0) {
    wrapped = shape.map((_, i) => i);
  } else {
    const r = wrapDims(dims, shape.length);
    if (!r.ok) return r;
    wrapped = r.value.filter((d) => d < shape.length);
  }
  const out: Dim[] = [];
  shape.forEach((d, i) => {
    if (!wrapped.includes(i)) out.push(d);
    else if (keepdim) out.push(1);
  });
  return ok({ dims: [...wrapped].sort((x, y) => x - y), shape: out });
}

// ---- broadcasting --------------------------------------------------------------------------

/**
 * ATen's infer_size: right-aligned, each pair equal or one of them 1, scanned from the
 * last dim; the error names the dim in output coordinates.
 * `([2, 3], [4])` → "The size of tensor a (3) must match the size of tensor b (4) at non-singleton dimension 1".
 */
export function torchBroadcastShapes(a: Shape, b: Shape): ShapeResult<Dim[]> {
  const nd = Math.max(a.length, b.length);
  const out = new Array<Dim>(nd);
  for (let i = nd - 1; i >= 0; i--) {
    const off = nd - 1 - i;
    const ia = a.length - 1 - off, ib = b.length - 1 - off;
    const sa: Dim = ia >= 0 ? a[ia] : 1, sb: Dim = ib >= 0 ? b[ib] : 1;
    if (sa !== 1 && sb !== 1 && differs(sa, sb)) {
      return fail('RuntimeError', `The size of tensor a (${dimText(sa)}) must match the size of tensor b (${dimText(sb)}) at non-singleton dimension ${i}`);
    }
    out[i] = sa === 1 ? sb : sb === 1 ? sa : isNum(sa) ? sa : sb;
  }
  return ok(out);
}

/** TensorIterator's shape: operands folded left to right with infer_size. */
export function torchBroadcastAll(shapes: readonly Shape[]): ShapeResult<Dim[]> {
  let acc: Dim[] = [];
  for (const s of shapes) {
    const r = torchBroadcastShapes(acc, s);
    if (!r.ok) return r;
    acc = r.value;
  }
  return ok(acc);
}

/** In-place ops and out=: the broadcast shape must be the output's own shape. */
export function torchInplaceShape(out: Shape, inputs: readonly Shape[]): ShapeResult<Dim[]> {
  const r = torchBroadcastAll([out, ...inputs]);
  const b = torchBroadcastAll(inputs);
  if (!b.ok) return b;
  if (!r.ok || r.value.length !== out.length || r.value.some((d, i) => differs(d, out[i]))) {
    return fail('RuntimeError', `output with shape ${torchShapeText(out)} doesn't match the broadcast shape ${torchShapeText(r.ok ? r.value : b.value)}`);
  }
  return ok([...out]);
}

/**
 * `t.expand(*sizes)`: -1 keeps a dim; new leading dims may not be -1.
 * `([4], [2, 3])` → "The expanded size of the tensor (3) must match the existing size (4) at
 * non-singleton dimension 1.  Target sizes: [2, 3].  Tensor sizes: [4]".
 */
export function torchExpandShape(shape: Shape, sizes: readonly Dim[], typeText = 'torch.FloatTensor'): ShapeResult<Dim[]> {
  if (sizes.length < shape.length) {
    return fail('RuntimeError', `expand(${typeText}{${torchShapeText(shape)}}, size=${torchShapeText(sizes)}): the number of sizes provided (${sizes.length}) must be greater or equal to the number of dimensions in the tensor (${shape.length})`);
  }
  const nd = sizes.length, off = nd - shape.length;
  const out = new Array<Dim>(nd);
  for (let i = nd - 1; i >= 0; i--) {
    const target = sizes[i];
    if (i < off) {
      if (target === -1) return fail('RuntimeError', `The expanded size of the tensor (-1) isn't allowed in a leading, non-existing dimension ${i}`);
      out[i] = target;
      continue;
    }
    const cur = shape[i - off];
    if (target === -1) { out[i] = cur; continue; }
    if (cur !== 1 && differs(cur, target)) {
      return fail('RuntimeError', `The expanded size of the tensor (${dimText(target)}) must match the existing size (${dimText(cur)}) at non-singleton dimension ${i}.  Target sizes: ${torchShapeText(sizes)}.  Tensor sizes: ${torchShapeText(shape)}`);
    }
    out[i] = target;
  }
  return ok(out);
}

// ---- view / reshape ------------------------------------------------------------------------

/**
 * ATen's infer_size for view/reshape: one -1 is inferred.
 * `(300, [32, 10])` → "shape '[32, 10]' is invalid for input of size 300".
 */
export function torchViewShape(numel: Dim, shape: readonly Dim[]): ShapeResult<Dim[]> {
  let infer = -1;
  let known: Dim = 1;
  for (let i = 0; i < shape.length; i++) {
    const d = shape[i];
    if (d === -1) {
      if (infer >= 0) return fail('RuntimeError', 'only one dimension can be inferred');
      infer = i;
    } else if (isNum(d) && d < 0) {
      return fail('RuntimeError', `invalid shape dimension ${d}`);
    } else {
      known = dimMul(known, d);
    }
  }
  const out = [...shape];
  const bad = () => fail<Dim[]>('RuntimeError', `shape '${torchShapeText(shape)}' is invalid for input of size ${dimText(numel)}`);
  if (isNum(numel) && isNum(known)) {
    if (numel === known && infer < 0) return ok(out);
    if (infer >= 0 && known !== 0 && numel % known === 0) {
      out[infer] = numel / known;
      return ok(out);
    }
    if (infer >= 0 && known === 0 && numel === 0) {
      return fail('RuntimeError', `cannot reshape tensor of 0 elements into shape ${torchShapeText(shape)} because the unspecified dimension size -1 can be any value and is ambiguous`);
    }
    return bad();
  }
  if (infer < 0 && dimEq(numel, known) === false) return bad();
  if (infer >= 0) {
    const q = divideDims(numel, known);
    if (q !== undefined) out[infer] = q;
  }
  // symbolic and not resolvable: -1 stays in place for the analyzer to treat as unknown
  return ok(out);
}

/** `n / k` when it is provably exact on canonical products; undefined otherwise. */
function divideDims(n: Dim, k: Dim): Dim | undefined {
  if (isNum(k) && k === 1) return n;
  if (isNum(n)) return undefined;
  const kc = isNum(k) ? k : k.coeff;
  const kf = isNum(k) ? [] : k.factors;
  if (kc === 0 || n.coeff % kc !== 0) return undefined;
  const rest = [...n.factors];
  for (const f of kf) {
    const j = rest.indexOf(f);
    if (j < 0) return undefined;
    rest.splice(j, 1);
  }
  return rest.reduce<Dim>((p, f) => dimMul(p, sym(f)), n.coeff / kc);
}

/** `t.flatten(start_dim, end_dim)`. A 0-d tensor flattens to [1]. */
export function torchFlattenShape(shape: Shape, startDim: number, endDim: number): ShapeResult<Dim[]> {
  if (shape.length === 0) return ok([1]);
  const s = wrapDim(startDim, shape.length);
  if (!s.ok) return s;
  const e = wrapDim(endDim, shape.length);
  if (!e.ok) return e;
  if (s.value > e.value) return fail('RuntimeError', 'flatten() has invalid args: start_dim cannot come after end_dim');
  const mid = shapeProduct(shape.slice(s.value, e.value + 1));
  return ok([...shape.slice(0, s.value), mid, ...shape.slice(e.value + 1)]);
}

// ---- axis shuffles -------------------------------------------------------------------------

/** `t.permute(*dims)`. */
export function torchPermuteDims(ndim: number, dims: readonly number[]): ShapeResult<number[]> {
  if (dims.length !== ndim) {
    return fail('RuntimeError', `permute(sparse_coo): number of dimensions in the tensor input does not match the length of the desired ordering of dimensions i.e. input.dim() = ${ndim} is not equal to len(dims) = ${dims.length}`);
  }
  const out: number[] = [];
  for (const d of dims) {
    const r = wrapDim(d, ndim);
    if (!r.ok) return r;
    if (out.includes(r.value)) return fail('RuntimeError', 'permute(): duplicate dims are not allowed.');
    out.push(r.value);
  }
  return ok(out);
}

/** `t.transpose(dim0, dim1)` as a permutation. */
export function torchTransposeDims(ndim: number, d0: number, d1: number): ShapeResult<number[]> {
  const a = wrapDim(d0, ndim);
  if (!a.ok) return a;
  const b = wrapDim(d1, ndim);
  if (!b.ok) return b;
  const perm = Array.from({ length: ndim }, (_, i) => i);
  if (ndim > 0) { perm[a.value] = b.value; perm[b.value] = a.value; }
  return ok(perm);
}

/** `t.t()`: at most 2-D. */
export function torchTDims(ndim: number): ShapeResult<number[]> {
  if (ndim > 2) return fail('RuntimeError', `t() expects a tensor with <= 2 dimensions, but self is ${ndim}D`);
  return ok(ndim === 2 ? [1, 0] : ndim === 1 ? [0] : []);
}

/** `t.unsqueeze(dim)`: dim in [-ndim-1, ndim]. */
export function torchUnsqueezeShape(shape: Shape, dim: number): ShapeResult<{ shape: Dim[]; dim: number }> {
  const r = wrapDim(dim, shape.length + 1);
  if (!r.ok) return r;
  const out = [...shape];
  out.splice(r.value, 0, 1);
  return ok({ shape: out, dim: r.value });
}

/** `t.squeeze()` / `t.squeeze(dim)`: a dim that is not 1 is left alone (no error, unlike NumPy). */
export function torchSqueezeDims(shape: Shape, dim?: number | null): ShapeResult<number[]> {
  if (dim === undefined || dim === null) return ok(shape.map((d, i) => (d === 1 ? i : -1)).filter((i) => i >= 0));
  const r = wrapDim(dim, shape.length);
  if (!r.ok) return r;
  if (shape.length === 0) return ok([]);
  return ok(shape[r.value] === 1 ? [r.value] : []);
}

// ---- cat / stack ---------------------------------------------------------------------------

/** torch.cat's legacy rule: 1-D tensors of size 0 are skipped. */
const catSkips = (s: Shape): boolean => s.length === 1 && s[0] === 0;

/**
 * `torch.cat(tensors, dim)`: same ndim, sizes equal except along `dim`.
 * `([[2, 3], [3, 3]], 1)` → "Sizes of tensors must match except in dimension 1. Expected
 * size 2 but got size 3 for tensor number 1 in the list."
 */
export function torchCatShape(shapes: readonly Shape[], dim: number): ShapeResult<{ shape: Dim[]; dim: number; skip: boolean[] }> {
  if (shapes.length === 0) return fail('RuntimeError', 'torch.cat(): expected a non-empty list of Tensors');
  for (let i = 0; i < shapes.length; i++) {
    if (shapes[i].length === 0) return fail('RuntimeError', `zero-dimensional tensor (at position ${i}) cannot be concatenated`);
  }
  const skip = shapes.map(catSkips);
  const valid = skip.indexOf(false);
  if (valid < 0) return ok({ shape: [0], dim: 0, skip });
  const first = shapes[valid];
  const w = wrapDim(dim, first.length);
  if (!w.ok) return w;
  const d = w.value;
  const out = [...first];
  let total: Dim = 0;
  for (let i = 0; i < shapes.length; i++) {
    if (skip[i]) continue;
    const s = shapes[i];
    if (s.length !== first.length) {
      return fail('RuntimeError', `Tensors must have same number of dimensions: got ${first.length} and ${s.length}`);
    }
    for (let k = 0; k < first.length; k++) {
      if (k === d) continue;
      if (differs(first[k], s[k])) {
        return fail('RuntimeError', `Sizes of tensors must match except in dimension ${d}. Expected size ${dimText(first[k])} but got size ${dimText(s[k])} for tensor number ${i} in the list.`);
      }
    }
    total = addDims(total, s[d]);
  }
  out[d] = total;
  return ok({ shape: out, dim: d, skip });
}

function addDims(a: Dim, b: Dim): Dim {
  if (isNum(a) && isNum(b)) return a + b;
  if (a === 0) return b;
  if (b === 0) return a;
  return { kind: 'sym', text: `${dimText(a)}+${dimText(b)}`, coeff: 1, factors: [`${dimText(a)}+${dimText(b)}`] };
}

/**
 * `torch.stack(tensors, dim)`: equal shapes; a new dim of length n.
 * `([[2, 3], [3, 3]], 0)` → "stack expects each tensor to be equal size, but got [2, 3] at
 * entry 0 and [3, 3] at entry 1".
 */
export function torchStackShape(shapes: readonly Shape[], dim: number): ShapeResult<{ shape: Dim[]; dim: number }> {
  if (shapes.length === 0) return fail('RuntimeError', 'stack expects a non-empty TensorList');
  const s0 = shapes[0];
  const w = wrapDim(dim, s0.length + 1);
  if (!w.ok) return w;
  const d = w.value;
  for (let i = 1; i < shapes.length; i++) {
    const s = shapes[i];
    if (s.length !== s0.length || s.some((x, k) => differs(x, s0[k]))) {
      return fail('RuntimeError', `stack expects each tensor to be equal size, but got ${torchShapeText(s0)} at entry 0 and ${torchShapeText(s)} at entry ${i}`);
    }
  }
  const out = [...s0];
  out.splice(d, 0, shapes.length);
  return ok({ shape: out, dim: d });
}

// ---- matrix products -----------------------------------------------------------------------

const mat = (r: Dim, c: Dim) => `${dimText(r)}x${dimText(c)}`;

/** `torch.mm(a, b)` (also addmm, the 2-D nn.Linear path). */
export function torchMmShape(a: Shape, b: Shape): ShapeResult<Dim[]> {
  if (a.length !== 2) return fail('RuntimeError', 'self must be a matrix');
  if (b.length !== 2) return fail('RuntimeError', 'mat2 must be a matrix');
  if (differs(a[1], b[0])) {
    return fail('RuntimeError', `mat1 and mat2 shapes cannot be multiplied (${mat(a[0], a[1])} and ${mat(b[0], b[1])})`);
  }
  return ok([a[0], b[1]]);
}

/** `torch.mv(m, v)`. */
export function torchMvShape(m: Shape, v: Shape): ShapeResult<Dim[]> {
  if (m.length !== 2 || v.length !== 1) {
    return fail('RuntimeError', `vector + matrix @ vector expected, got 1, ${m.length}, ${v.length}`);
  }
  if (differs(m[1], v[0])) {
    return fail('RuntimeError', `size mismatch, got ${dimText(m[0])}, ${mat(m[0], m[1])},${dimText(v[0])}`);
  }
  return ok([m[0]]);
}

/** `torch.dot(a, b)`. */
export function torchDotShape(a: Shape, b: Shape): ShapeResult<Dim[]> {
  if (a.length !== 1 || b.length !== 1) {
    return fail('RuntimeError', `1D tensors expected, but got ${a.length}D and ${b.length}D tensors`);
  }
  if (differs(a[0], b[0])) {
    return fail('RuntimeError', `inconsistent tensor size, expected tensor [${dimText(a[0])}] and src [${dimText(b[0])}] to have the same number of elements, but got ${dimText(a[0])} and ${dimText(b[0])} elements respectively`);
  }
  return ok([]);
}

/** `torch.bmm(a, b)`: (B, n, m) @ (B, m, p). */
export function torchBmmShape(a: Shape, b: Shape): ShapeResult<Dim[]> {
  if (a.length !== 3) return fail('RuntimeError', 'batch1 must be a 3D tensor');
  if (b.length !== 3) return fail('RuntimeError', 'batch2 must be a 3D tensor');
  if (differs(a[0], b[0]) || differs(a[2], b[1])) {
    return fail('RuntimeError', `Expected size for first two dimensions of batch2 tensor to be: ${torchShapeText([a[0], a[2]])} but got: ${torchShapeText([b[0], b[1]])}.`);
  }
  return ok([a[0], a[1], b[2]]);
}

/** Which kernel torch.matmul dispatches to (it decides the error text and autograd name). */
export type TorchMatmulPath = 'dot' | 'mv' | 'mm' | 'fold' | 'bmm';

export interface TorchMatmulPlan {
  readonly path: TorchMatmulPath;
  readonly shape: Dim[];
}

/**
 * `torch.matmul(a, b)` / `a @ b`, following ATen's _matmul_impl: 1-D·1-D is dot, 2-D·1-D
 * mv, 1-D/2-D·2-D mm, a ≥3-D operand against a 1-D/2-D one is folded into one mm (or mv),
 * everything else broadcasts the batch dims and runs bmm. Each path has its own error text:
 *   ([64, 784], [128, 10]) → "mat1 and mat2 shapes cannot be multiplied (64x784 and 128x10)"
 *   ([2, 3], [4])          → "size mismatch, got 2, 2x3,4"
 *   ([2, 2, 3], [2, 4, 2]) → "Expected size for first two dimensions of batch2 tensor to be: [2, 3] but got: [2, 4]."
 * `foldable` is false only for a 3-D left operand whose last two dims are transposed in
 * memory (ATen then takes the bmm path; the engine passes it, the analyzer leaves it true).
 */
export function torchMatmulPlan(a: Shape, b: Shape, foldable = { left: true, right: true }): ShapeResult<TorchMatmulPlan> {
  const da = a.length, db = b.length;
  if (da === 0 || db === 0) {
    return fail('RuntimeError', `both arguments to matmul need to be at least 1D, but they are ${da}D and ${db}D`);
  }
  if (da === 1 && db === 1) {
    const r = torchDotShape(a, b);
    return r.ok ? ok({ path: 'dot', shape: r.value }) : r;
  }
  if (da === 2 && db === 1) {
    const r = torchMvShape(a, b);
    return r.ok ? ok({ path: 'mv', shape: r.value }) : r;
  }
  if (da === 1 && db === 2) {
    const r = torchMmShape([1, a[0]], b);
    return r.ok ? ok({ path: 'mm', shape: [b[1]] }) : r;
  }
  if (da === 2 && db === 2) {
    const r = torchMmShape(a, b);
    return r.ok ? ok({ path: 'mm', shape: r.value }) : r;
  }
  const foldLeft = da >= 3 && (db === 1 || db === 2) && foldable.left;
  const foldRight = db >= 3 && (da === 1 || da === 2) && foldable.right;
  if (foldLeft || foldRight) {
    const transpose = db > da;
    // t1: the ≥3-D operand (transposed in its last two dims when it is the right one)
    const t1: Dim[] = transpose ? [...b.slice(0, -2), b[db - 1], b[db - 2]] : [...a];
    const t2: Dim[] = transpose ? (da === 2 ? [a[1], a[0]] : [...a]) : [...b];
    const outLead = t1.slice(0, -1);
    const folded = shapeProduct(outLead);
    const k = t1[t1.length - 1];
    if (t2.length === 2) {
      const r = torchMmShape([folded, k], t2);
      if (!r.ok) return r;
      const out = [...outLead, t2[1]];
      // transposed back: the batch of the right operand, then a's rows, then b's columns
      return ok({ path: 'fold', shape: transpose ? [...out.slice(0, -2), out[out.length - 1], out[out.length - 2]] : out });
    }
    const r = torchMvShape([folded, k], t2);
    if (!r.ok) return r;
    return ok({ path: 'fold', shape: outLead });
  }
  const n: Dim = da > 1 ? a[da - 2] : 1;
  const m1 = a[da - 1];
  const batchA = a.slice(0, Math.max(da - 2, 0));
  const m2: Dim = db > 1 ? b[db - 2] : b[0];
  const p: Dim = db > 1 ? b[db - 1] : 1;
  const batchB = b.slice(0, Math.max(db - 2, 0));
  const br = torchBroadcastShapes(batchA, batchB);
  if (!br.ok) return br;
  const batch = br.value;
  const bsz = shapeProduct(batch);
  const r = torchBmmShape([bsz, n, m1], [bsz, m2, p]);
  if (!r.ok) return r;
  const out = [...batch];
  if (da > 1) out.push(n);
  if (db > 1) out.push(p);
  return ok({ path: 'bmm', shape: out });
}

/**
 * torch's wording of an indexing error that NumPy's rule (`indexPlan`) words its own way: the
 * same checks, "dimension"/"tensor" for "axis"/"array", shapes as `[2, 3]`. Errors whose torch
 * text needs the index items (a boolean mask's shape) are left to the caller.
 */
export function torchIndexMessage(message: string): string {
  let m = /^index (-?\d+) is out of bounds for axis (\d+) with size (\S+)$/.exec(message);
  if (m) return `index ${m[1]} is out of bounds for dimension ${m[2]} with size ${m[3]}`;
  m = /^too many indices for array: array is (\d+)-dimensional/.exec(message);
  if (m) return `too many indices for tensor of dimension ${m[1]}`;
  m = /^shape mismatch: indexing arrays could not be broadcast together with shapes (.*?) ?$/.exec(message);
  if (m) {
    const shapes = m[1].split(' ').filter((s) => s.length).map((s) => `[${s.slice(1, -1).split(',').filter((x) => x.length).join(', ')}]`);
    return `shape mismatch: indexing tensors could not be broadcast together with shapes ${shapes.join(', ')}`;
  }
  return message;
}
