// The shape rule of NumPy 1.24 indexing (`a[i, 1:, None, ..., idx, mask]`), pure over dims:
// from an array shape and a parsed index it gives the result shape plus a plan (the basic
// view, the advanced indices and where their broadcast dims go), or NumPy's exact error,
// checked in NumPy's order. It also holds the shape rules of `a[index] = value`.
// It never touches data: index *values* inside arrays (bounds, nonzero) are the engine's job,
// and symbolic dims pass through wherever NumPy would need a number only for a bound check.

import { assertNever } from '../core/errors';
import { Dim, dimEq, dimText, isNum, Shape, shapeTextCompact, sym } from './dim';
import { fail, ok, ShapeError, ShapeResult } from './result';

/** NumPy's NPY_MAXDIMS. */
export const MAX_DIMS = 32;

export const INVALID_INDEX_MESSAGE =
  'only integers, slices (`:`), ellipsis (`...`), numpy.newaxis (`None`) and integer or boolean arrays are valid indices';
export const NON_INTEGER_ARRAY_MESSAGE = 'arrays used as indices must be of integer (or boolean) type';
const INDEX_BROADCAST_PREFIX = 'shape mismatch: indexing arrays could not be broadcast together with shapes ';

/**
 * One item of an index tuple, after the caller has classified the Python value.
 * `int` also covers NumPy integer scalars and 0-d integer arrays; `boolArray` with shape []
 * is a Python bool, `np.bool_` or 0-d boolean array. `value`/`count` may be absent when the
 * analyzer does not know them; `invalid` carries the error NumPy raises for that item (raised
 * in item order, like NumPy's parse loop).
 */
export type IndexSpec =
  | { readonly kind: 'int'; readonly value?: number }
  | { readonly kind: 'slice'; readonly start: number | null; readonly stop: number | null; readonly step: number | null }
  | { readonly kind: 'newaxis' }
  | { readonly kind: 'ellipsis' }
  | { readonly kind: 'intArray'; readonly shape: Shape }
  | { readonly kind: 'boolArray'; readonly shape: Shape; readonly count?: Dim }
  | { readonly kind: 'invalid'; readonly error: ShapeError };

/** A dim of the basic view: a (possibly sliced) axis of the array, or a new axis of length 1. */
export type ViewDim =
  | {
    readonly kind: 'axis';
    /** axis of the indexed array */
    readonly axis: number;
    /** first element and step along `axis`, normalised like Python's `slice.indices` (NaN when a symbolic dim hides them) */
    readonly start: number;
    readonly step: number;
    readonly length: Dim;
  }
  | { readonly kind: 'newaxis' };

export type AdvancedItem =
  /** integer array: picks along view axis `viewAxis` (array axis `axis`, named in bound errors) */
  | { readonly kind: 'intArray'; readonly item: number; readonly axis: number; readonly viewAxis: number; readonly shape: Shape }
  /** boolean array of ndim >= 1: its nonzero() picks along view axes viewAxis .. viewAxis+ndim-1 */
  | { readonly kind: 'mask'; readonly item: number; readonly axis: number; readonly viewAxis: number; readonly ndim: number; readonly count: Dim }
  /** 0-d boolean: an index array [0] (True) or [] (False) along no axis at all */
  | { readonly kind: 'bool0'; readonly item: number; readonly count: Dim };

export interface AdvancedPlan {
  /** the broadcast shape of all advanced indices */
  readonly shape: Dim[];
  readonly items: readonly AdvancedItem[];
  /**
   * Where the broadcast dims go among the subspace dims (the view dims no advanced index
   * uses): NumPy puts them in place when the advanced indices (integers count as advanced
   * here) are adjacent, else first (0).
   */
  readonly insertAt: number;
}

export interface IndexPlan {
  /** shape of `a[index]` */
  readonly shape: Dim[];
  /** full integer index: `a[index]` is one element (NumPy returns a scalar) */
  readonly scalar: boolean;
  /** one boolean array of exactly `a`'s shape: NumPy's own path, whose assignment rules differ */
  readonly singleMask: boolean;
  /** integer indices, normalised (NaN when a symbolic dim hides the value): they fix the view's offset */
  readonly ints: readonly { readonly axis: number; readonly index: number }[];
  /** the dims of the basic view; advanced indices then pick along some of them */
  readonly view: readonly ViewDim[];
  readonly advanced: AdvancedPlan | null;
}

const indexError = (message: string) => fail('IndexError', message);

/** An integer as Python prints it (exact digits past 2**53, where JS would round the text). */
export function intText(v: number): string {
  return Number.isSafeInteger(v) || !Number.isInteger(v) ? String(v) : BigInt(v).toString();
}

/** NumPy's bound error, shared by integer and integer-array indices. */
export function outOfBoundsMessage(index: number, axis: number, size: Dim): string {
  return `index ${intText(index)} is out of bounds for axis ${axis} with size ${dimText(size)}`;
}

/** Python's `slice(start, stop, step).indices(n)` plus the length, for a known length. */
export function sliceIndices(start: number | null, stop: number | null, step: number | null, n: number):
  { start: number; stop: number; step: number; length: number } {
  const st = step ?? 1;
  const lower = st < 0 ? -1 : 0, upper = st < 0 ? n - 1 : n;
  const clip = (v: number | null, dflt: number): number => {
    if (v === null) return dflt;
    if (v < 0) return Math.max(v + n, lower);
    return Math.min(v, upper);
  };
  const s = clip(start, st < 0 ? upper : lower), e = clip(stop, st < 0 ? lower : upper);
  let length = 0;
  if (st < 0) { if (e < s) length = Math.floor((s - e - 1) / -st) + 1; } else if (s < e) length = Math.floor((e - s - 1) / st) + 1;
  return { start: s, stop: e, step: st, length };
}

/** The view dim a slice makes of an axis of length `n` (NumPy points empty slices at the axis start). */
function sliceDim(axis: number, spec: { start: number | null; stop: number | null; step: number | null }, n: Dim): ShapeResult<ViewDim> {
  const notInt = (v: number | null) => v !== null && !Number.isInteger(v);
  const typeErr = () => fail<ViewDim>('TypeError', 'slice indices must be integers or None or have an __index__ method');
  if (notInt(spec.step)) return typeErr();
  if (spec.step === 0) return fail('ValueError', 'slice step cannot be zero');
  if (notInt(spec.start) || notInt(spec.stop)) return typeErr();
  if (isNum(n)) {
    const r = sliceIndices(spec.start, spec.stop, spec.step, n);
    if (r.length === 0) return ok({ kind: 'axis', axis, start: 0, step: 1, length: 0 });
    return ok({ kind: 'axis', axis, start: r.start, step: r.step, length: r.length });
  }
  const step = spec.step ?? 1;
  if (spec.start === null && spec.stop === null && Math.abs(step) === 1) {
    return ok({ kind: 'axis', axis, start: step > 0 ? 0 : NaN, step, length: n });
  }
  // an opaque symbol: the length depends on the unknown dim
  const t = (v: number | null) => (v === null ? '' : String(v));
  const base = n.factors.length === 1 && n.coeff === 1 ? n.text : `(${n.text})`;
  const text = `${base}[${t(spec.start)}:${t(spec.stop)}${spec.step === null ? '' : `:${spec.step}`}]`;
  return ok({ kind: 'axis', axis, start: NaN, step, length: sym(text) });
}

const fullAxis = (axis: number, n: Dim): ViewDim => ({ kind: 'axis', axis, start: 0, step: 1, length: n });

/** True when `e` is NumPy's "indexing arrays could not be broadcast together" error. */
export function isIndexBroadcastError(e: ShapeError): boolean {
  return e.pyType === 'IndexError' && e.message.startsWith(INDEX_BROADCAST_PREFIX);
}

/**
 * The shape and plan of `a[index]` for `a` of shape `shape`, with NumPy's checks in NumPy's
 * order: item types and a second ellipsis (item by item), too many indices, more than 32
 * result dims, boolean dims, slice steps and integer bounds (item by item), broadcasting of
 * the advanced indices. Integer-array *values* are not checked here (the data is needed).
 *
 *   indexPlan([3, 4], [int 1, slice(null, null, -1)])        → shape [4], a view
 *   indexPlan([2, 3, 4], [int 0, slice(:), intArray [2]])    → shape [2, 3] (advanced dims first)
 *   indexPlan([2, 3, 4], [slice(:), intArray [2], intArray [2]]) → shape [2, 2] (in place)
 *   indexPlan([2], [int 5]) → IndexError "index 5 is out of bounds for axis 0 with size 2"
 */
export function indexPlan(shape: Shape, index: readonly IndexSpec[]): ShapeResult<IndexPlan> {
  const ndim = shape.length;

  // NumPy's single-boolean special case: one mask of exactly the array's shape.
  if (index.length === 1 && index[0].kind === 'boolArray') {
    const m = index[0];
    if (m.shape.length === ndim && m.shape.every((d, i) => dimEq(d, shape[i]) === true)) {
      const count = m.count ?? sym('nnz');
      return ok({
        shape: [count], scalar: false, singleMask: true, ints: [],
        view: shape.map((d, i) => fullAxis(i, d)),
        advanced: { shape: [count], items: [{ kind: 'mask', item: 0, axis: 0, viewAxis: 0, ndim, count }], insertAt: 0 },
      });
    }
  }

  // 1. the parse loop: item kinds, one ellipsis, how many axes the index uses
  let used = 0, newDims = 0, fancyNdim = 0, ellipsisAt = -1;
  let hasNewaxis = false, hasFancy = false, allInts = true;
  for (let i = 0; i < index.length; i++) {
    const it = index[i];
    if (it.kind !== 'int' && !(it.kind === 'intArray' && it.shape.length === 0)) allInts = false;
    switch (it.kind) {
      case 'invalid': return fail(it.error.pyType, it.error.message);
      case 'ellipsis':
        if (ellipsisAt >= 0) return indexError("an index can only have a single ellipsis ('...')");
        ellipsisAt = i;
        break;
      case 'newaxis': hasNewaxis = true; newDims++; break;
      case 'slice': used++; newDims++; break;
      case 'int': used++; break;
      case 'intArray':
        used++;
        if (it.shape.length > 0) { hasFancy = true; fancyNdim = Math.max(fancyNdim, it.shape.length); }
        break;
      case 'boolArray':
        hasFancy = true;
        used += it.shape.length;
        fancyNdim = Math.max(fancyNdim, 1);
        break;
      default: return assertNever(it);
    }
  }

  // 2. too many indices; the ellipsis (explicit, or implied at the end) takes the rest
  if (used > ndim) {
    return indexError(`too many indices for array: array is ${ndim}-dimensional, but ${used} were indexed`);
  }
  const ellipsisLen = ndim - used;
  const scalar = allInts && ellipsisAt < 0 && ellipsisLen === 0;

  // 3. result rank, then boolean dims against the axes they index
  if (hasNewaxis || hasFancy) {
    const resultDims = newDims + ellipsisLen + fancyNdim;
    if (resultDims > MAX_DIMS) {
      return indexError(`number of dimensions must be within [0, ${MAX_DIMS}], indexing result would have ${resultDims}`);
    }
  }
  if (hasFancy) {
    let axis = 0;
    for (const it of index) {
      if (it.kind === 'boolArray') {
        for (const b of it.shape) {
          // NumPy skips the check for a boolean dim of length 0
          if (!(isNum(b) && b === 0) && dimEq(b, shape[axis]) === false) {
            return indexError(`boolean index did not match indexed array along dimension ${axis}; dimension is ${dimText(shape[axis])} but corresponding boolean dimension is ${dimText(b)}`);
          }
          axis++;
        }
      } else if (it.kind === 'ellipsis') axis += ellipsisLen;
      else if (it.kind !== 'newaxis') axis++;
    }
  }

  // 4. the basic view, item by item: slice steps and integer bounds
  const view: ViewDim[] = [];
  const ints: { axis: number; index: number }[] = [];
  const items: AdvancedItem[] = [];
  const isAdvancedView: boolean[] = [];
  let axis = 0;
  // NumPy's "consec": the subspace position of the first advanced-or-integer item, unless a
  // basic item separates two of them ('split'), when the broadcast dims go first
  const run = { insertAt: 0, state: 'none' as 'none' | 'in' | 'after' | 'split' };
  const mark = (advanced: boolean) => {
    if (advanced) {
      if (run.state === 'none') { run.insertAt = view.length; run.state = 'in'; }
      else if (run.state === 'after') run.state = 'split';
    } else if (run.state === 'in') run.state = 'after';
  };
  const push = (d: ViewDim, advanced: boolean) => { view.push(d); isAdvancedView.push(advanced); };
  for (let i = 0; i < index.length; i++) {
    const it = index[i];
    switch (it.kind) {
      case 'ellipsis':
        mark(false);
        for (let k = 0; k < ellipsisLen; k++, axis++) push(fullAxis(axis, shape[axis]), false);
        break;
      case 'newaxis':
        mark(false);
        push({ kind: 'newaxis' }, false);
        break;
      case 'slice': {
        mark(false);
        const r = sliceDim(axis, it, shape[axis]);
        if (!r.ok) return r;
        push(r.value, false);
        axis++;
        break;
      }
      case 'int': case 'intArray':
        if (it.kind === 'int' || it.shape.length === 0) {
          mark(true);
          const v = it.kind === 'int' ? it.value : undefined;
          const n = shape[axis];
          if (v !== undefined && isNum(n) && (v < -n || v >= n)) {
            return indexError(outOfBoundsMessage(v, axis, n));
          }
          ints.push({ axis, index: v === undefined || !isNum(n) && v < 0 ? NaN : v < 0 ? v + (n as number) : v });
          axis++;
          break;
        }
        mark(true);
        items.push({ kind: 'intArray', item: i, axis, viewAxis: view.length, shape: it.shape });
        push(fullAxis(axis, shape[axis]), true);
        axis++;
        break;
      case 'boolArray':
        mark(true);
        if (it.shape.length === 0) {
          const count = it.count ?? sym('nnz');
          items.push({ kind: 'bool0', item: i, count });
          break;
        }
        items.push({ kind: 'mask', item: i, axis, viewAxis: view.length, ndim: it.shape.length, count: it.count ?? sym('nnz') });
        for (let k = 0; k < it.shape.length; k++, axis++) push(fullAxis(axis, shape[axis]), true);
        break;
      case 'invalid': break; // returned in step 1
      default: return assertNever(it);
    }
  }
  if (ellipsisAt < 0) {
    mark(false);
    for (; axis < ndim; axis++) push(fullAxis(axis, shape[axis]), false);
  }

  const subspace: Dim[] = [];
  view.forEach((d, k) => { if (!isAdvancedView[k]) subspace.push(d.kind === 'newaxis' ? 1 : d.length); });
  if (!hasFancy) return ok({ shape: subspace, scalar, singleMask: false, ints, view, advanced: null });

  // 5. broadcast the advanced indices (NumPy's mapiter order, which matters for a 0-d False)
  const b = advancedBroadcast(items, fancyNdim);
  if (!b.ok) return b;
  const at = run.state === 'split' ? 0 : run.insertAt;
  return ok({
    shape: [...subspace.slice(0, at), ...b.value, ...subspace.slice(at)],
    scalar: false, singleMask: false, ints, view,
    advanced: { shape: b.value, items, insertAt: at },
  });
}

/** `(n,)` shapes a mask's nonzero() gives, one per mask dim; a 0-d bool is `(1,)` or `(0,)`. */
function componentShapes(it: AdvancedItem): Shape[] {
  switch (it.kind) {
    case 'intArray': return [it.shape];
    case 'mask': return Array.from({ length: it.ndim }, () => [it.count]);
    case 'bool0': return [[it.count]];
    default: return assertNever(it);
  }
}

function advancedBroadcast(items: readonly AdvancedItem[], nd: number): ShapeResult<Dim[]> {
  const dims: Dim[] = new Array<Dim>(nd).fill(1);
  const error = () => indexError(INDEX_BROADCAST_PREFIX + items.flatMap(componentShapes).map((s) => `${shapeTextCompact(s)} `).join(''));
  for (const it of items) {
    if (it.kind === 'bool0') {
      // NumPy multiplies the last broadcast dim by 1 (True) or 0 (False)
      const last = dims[nd - 1];
      if (isNum(it.count) && it.count === 0 && isNum(last) && last > 1) return error();
      if (isNum(it.count) && it.count === 0) dims[nd - 1] = 0;
      else if (!isNum(it.count) && last === 1) dims[nd - 1] = it.count;
      continue;
    }
    for (const s of componentShapes(it)) {
      for (let k = s.length - 1, j = nd - 1; k >= 0; k--, j--) {
        const d = s[k];
        if (d === 1) continue;
        const eq = dimEq(d, dims[j]);
        if (eq === true) continue;
        if (dims[j] === 1) { dims[j] = d; continue; }
        if (eq === false) return error();
        if (isNum(d)) dims[j] = d; // symbol vs number: keep the concrete one, never guess a clash
      }
    }
  }
  return ok(dims);
}

/** The result shape of `a[index]` (for the analyzer: hints and diagnostics). */
export function indexShape(shape: Shape, index: readonly IndexSpec[]): ShapeResult<Dim[]> {
  const r = indexPlan(shape, index);
  return r.ok ? ok(r.value.shape) : r;
}

// ---- assignment: a[index] = value -----------------------------------------------------

/** How the assigned value reached NumPy: an ndarray (or NumPy scalar), a nested list, or a Python scalar. */
export type AssignedKind = 'array' | 'list' | 'scalar';

function broadcastsTo(src: Shape, dst: Shape): boolean {
  if (src.length > dst.length) return false;
  const off = dst.length - src.length;
  return src.every((d, i) => d === 1 || dimEq(d, dst[off + i]) !== false);
}

/**
 * A full integer index stores one element (NumPy's PyArray_Pack): an array value must hold
 * exactly one element and a list is refused (bool arrays excepted: the engine handles that,
 * as it is about the value, not its shape).
 */
export function assignScalarShape(value: Shape, kind: AssignedKind): ShapeResult<Dim[]> {
  const one = value.every((d) => d === 1);
  if (kind === 'list' || !one) return fail('ValueError', 'setting an array element with a sequence.');
  return ok([]);
}

/**
 * Basic indices assign a list through NumPy's array coercion, limited to the view's ndim:
 * `a[0] = [[1, 2, 3, 4]]` fails before any value is converted (arrays may have extra
 * leading 1s instead).
 */
export function assignDepth(plan: IndexPlan, valueNdim: number, kind: AssignedKind): ShapeResult<void> {
  if (!plan.scalar && !plan.advanced && kind === 'list' && valueNdim > plan.shape.length) {
    return fail('ValueError', `setting an array element with a sequence. The requested array would exceed the maximum number of dimension of ${plan.shape.length}.`);
  }
  return ok(undefined);
}

/**
 * Checks `a[index] = value` for a value of shape `value` and returns the shape to broadcast
 * into the indexed elements (with the leading dims NumPy drops gone). NumPy has four paths:
 * - a full integer index stores one element (assignScalarShape);
 * - basic indices assign to a view: `could not broadcast input array from shape (3,) into shape (2,)`;
 * - a single full-shape mask takes 0-d or 1-d values of length 1 or count;
 * - other advanced indices: `shape mismatch: value array of shape (5,) could not be broadcast
 *   to indexing result of shape (3,2)` (the value's shape as given, the result's as `a[index]`).
 *
 *   assignShape(indexPlan([5], [slice 1:3]), [3], 'list')
 *     → ValueError "could not broadcast input array from shape (3,) into shape (2,)"
 */
export function assignShape(plan: IndexPlan, value: Shape, kind: AssignedKind): ShapeResult<Dim[]> {
  const target = plan.shape;
  if (plan.scalar) return assignScalarShape(value, kind);
  if (plan.singleMask) {
    if (value.length > 1) {
      return fail('TypeError', `NumPy boolean array indexing assignment requires a 0 or 1-dimensional input, input has ${value.length} dimensions`);
    }
    const count = target[0];
    if (value.length === 1 && value[0] !== 1 && dimEq(value[0], count) === false) {
      return fail('ValueError', `NumPy boolean array indexing assignment cannot assign ${dimText(value[0])} input values to the ${dimText(count)} output values where the mask is true`);
    }
    return ok([...value]);
  }
  if (!plan.advanced) {
    const depth = assignDepth(plan, value.length, kind);
    if (!depth.ok) return depth;
    let v = [...value];
    while (v.length > target.length && v[0] === 1) v = v.slice(1);
    if (!broadcastsTo(v, target)) {
      return fail('ValueError', `could not broadcast input array from shape ${shapeTextCompact(v)} into shape ${shapeTextCompact(target)}`);
    }
    return ok(v);
  }
  const bad = () => fail<Dim[]>('ValueError',
    `shape mismatch: value array of shape ${shapeTextCompact(value)} could not be broadcast to indexing result of shape ${shapeTextCompact(target)}`);
  let v = [...value];
  if (v.length > target.length) {
    // NumPy reshapes the value to its trailing dims: fine when the sizes agree
    const lead = v.slice(0, v.length - target.length), trail = v.slice(v.length - target.length);
    const size = (s: Dim[]) => (s.every(isNum) ? (s as number[]).reduce((p, d) => p * d, 1) : undefined);
    const all = size(v), t = size(trail);
    if (all !== undefined && t !== undefined ? all !== t : !lead.every((d) => d === 1)) return bad();
    v = trail;
  }
  return broadcastsTo(v, target) ? ok(v) : bad();
}
