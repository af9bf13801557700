// The shape rule of np.einsum (NumPy 1.24's C einsum, optimize=False), pure over numeric or
// symbolic dims: parses subscripts exactly like einsum.c.src (labels, '...', implicit output
// in alphabetical order, '->'), collapses repeated labels into diagonals, lays out NumPy's
// iterator (output labels, then summed labels in character order) and checks its
// broadcasting, with NumPy's verbatim errors in NumPy's order. It computes nothing: the
// kernel in engine/ops/matmul.ts walks the plan. The list form is converted at the end.

import { Dim, dimEq, isNum, Shape } from './dim';
import { remappedBroadcastError } from './matmul';
import { fail, ok, ShapeResult } from './result';

const MAX_DIMS = 32;

export interface EinsumOperandPlan {
  /** the operand's axes merged into each axis of its diagonal view (repeated labels collapse) */
  readonly combined: readonly (readonly number[])[];
  /** label per combined axis: a character code, or 0 for a broadcast ('...') dim */
  readonly labels: readonly number[];
  readonly combinedShape: readonly Dim[];
  /** per iterator dim: the combined axis that walks it, or -1 (broadcast) */
  readonly iterAxes: readonly number[];
}

export interface EinsumPlan {
  readonly operands: readonly EinsumOperandPlan[];
  /** output labels (0 = broadcast dim), then the summed labels: NumPy's iterator dims */
  readonly iterLabels: readonly number[];
  readonly iterShape: readonly Dim[];
  readonly outputNdim: number;
  readonly outShape: readonly Dim[];
  /**
   * One operand and nothing summed: NumPy returns a view. For each output dim, the operand
   * axes whose strides add up to its stride (empty when no axis maps to it).
   */
  readonly view: readonly (readonly number[])[] | null;
}

const isLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const SPACE = 32, DOT = 46;

/** parse_operand_subscripts: NumPy's op_labels (code, 0 for '...', negative offset for a repeat). */
function parseOperand(sub: string, ndim: number, iop: number, counts: number[]): ShapeResult<number[]> {
  const labels: number[] = [];
  let ellipsis = -1;
  for (let i = 0; i < sub.length; i++) {
    const c = sub.charCodeAt(i);
    if (isLetter(c)) {
      if (labels.length >= ndim) return fail('ValueError', `einstein sum subscripts string contains too many subscripts for operand ${iop}`);
      labels.push(c);
      counts[c]++;
    } else if (c === DOT) {
      if (ellipsis !== -1 || i + 2 >= sub.length || sub.charCodeAt(++i) !== DOT || sub.charCodeAt(++i) !== DOT) {
        return fail('ValueError', `einstein sum subscripts string contains a '.' that is not part of an ellipsis ('...') in operand ${iop}`);
      }
      ellipsis = labels.length;
    } else if (c !== SPACE) {
      return fail('ValueError', `invalid subscript '${sub[i]}' in einstein sum subscripts string, subscripts must be letters`);
    }
  }
  let out = labels;
  if (ellipsis === -1) {
    if (labels.length !== ndim) {
      return fail('ValueError', "operand has more dimensions than subscripts given in einstein sum, but no '...' ellipsis provided to broadcast the extra dimensions.");
    }
  } else {
    out = [...labels.slice(0, ellipsis), ...new Array<number>(ndim - labels.length).fill(0), ...labels.slice(ellipsis)];
  }
  for (let d = 0; d < ndim - 1; d++) {
    const c = out[d];
    if (c > 0) for (let e = d + 1; e < ndim; e++) if (out[e] === c) out[e] = d - e;
  }
  return ok(out);
}

/** parse_output_subscripts: output labels with `nBroadcast` zeros where '...' stands. */
function parseOutput(sub: string, nBroadcast: number, counts: readonly number[]): ShapeResult<number[]> {
  const out: number[] = [];
  let ellipsis = false;
  for (let i = 0; i < sub.length; i++) {
    const c = sub.charCodeAt(i);
    if (isLetter(c)) {
      if (sub.indexOf(sub[i], i + 1) !== -1) {
        return fail('ValueError', `einstein sum subscripts string includes output subscript '${sub[i]}' multiple times`);
      }
      if (counts[c] === 0) {
        return fail('ValueError', `einstein sum subscripts string included output subscript '${sub[i]}' which never appeared in an input`);
      }
      if (out.length >= MAX_DIMS) return fail('ValueError', 'einstein sum subscripts string contains too many subscripts in the output');
      out.push(c);
    } else if (c === DOT) {
      if (ellipsis || i + 2 >= sub.length || sub.charCodeAt(++i) !== DOT || sub.charCodeAt(++i) !== DOT) {
        return fail('ValueError', "einstein sum subscripts string contains a '.' that is not part of an ellipsis ('...') in the output");
      }
      if (out.length + nBroadcast > MAX_DIMS) return fail('ValueError', 'einstein sum subscripts string contains too many subscripts in the output');
      ellipsis = true;
      for (let b = 0; b < nBroadcast; b++) out.push(0);
    } else if (c !== SPACE) {
      return fail('ValueError', `invalid subscript '${sub[i]}' in einstein sum subscripts string, subscripts must be letters`);
    }
  }
  if (!ellipsis && nBroadcast > 0) {
    return fail('ValueError', "output has more dimensions than subscripts given in einstein sum, but no '...' ellipsis provided to broadcast the extra dimensions.");
  }
  return ok(out);
}

const dimNum = (d: Dim): string => (isNum(d) ? String(d) : d.text);

/** get_single_op_view: the view NumPy returns for one operand with nothing summed, or null. */
function singleOpView(labels: readonly number[], shape: Shape, output: readonly number[]): ShapeResult<number[][] | null> {
  const dims: (Dim | 0)[] = new Array<Dim | 0>(output.length).fill(0);
  const axes: number[][] = output.map(() => []);
  let ib = 0;
  for (let d = 0; d < labels.length; d++) {
    let c = labels[d];
    if (c < 0) c = labels[d + c];
    if (c === 0) {
      while (ib < output.length && output[ib] !== 0) ib++;
      if (ib === output.length) return fail('ValueError', 'output had too few broadcast dimensions');
      dims[ib] = shape[d];
      axes[ib].push(d);
      ib++;
      continue;
    }
    const i = output.indexOf(c);
    if (i < 0) return ok(null);
    const prev = dims[i];
    if (prev !== 0 && dimEq(prev, shape[d]) === false) {
      return fail('ValueError', `dimensions in single operand for collapsing index '${String.fromCharCode(c)}' don't match (${dimNum(prev)} != ${dimNum(shape[d])})`);
    }
    dims[i] = shape[d];
    axes[i].push(d);
  }
  return ok(axes);
}

/** get_combined_dims_view: merge repeated labels into one diagonal axis. */
function combine(labels: readonly number[], shape: Shape, iop: number): ShapeResult<{ combined: number[][]; labels: number[]; shape: Dim[] }> {
  const combined: number[][] = [], outLabels: number[] = [], outShape: Dim[] = [];
  const where: number[] = [];
  for (let d = 0; d < labels.length; d++) {
    const c = labels[d];
    if (c >= 0) {
      where[d] = combined.length;
      combined.push([d]);
      outLabels.push(c);
      outShape.push(shape[d]);
      continue;
    }
    const i = where[d + c];
    where[d] = -1;
    if (dimEq(outShape[i], shape[d]) === false) {
      return fail('ValueError', `dimensions in operand ${iop} for collapsing index '${String.fromCharCode(labels[d + c])}' don't match (${dimNum(outShape[i])} != ${dimNum(shape[d])})`);
    }
    if (!isNum(outShape[i]) && isNum(shape[d])) outShape[i] = shape[d];
    combined[i].push(d);
  }
  return ok({ combined, labels: outLabels, shape: outShape });
}

/** prepare_op_axes: which combined axis of an operand walks each iterator dim. */
function iterAxesOf(labels: readonly number[], iterLabels: readonly number[]): number[] {
  const axes = new Array<number>(iterLabels.length);
  let ib = labels.length - 1;
  for (let i = iterLabels.length - 1; i >= 0; i--) {
    const c = iterLabels[i];
    if (c === 0) {
      while (ib >= 0 && labels[ib] !== 0) ib--;
      axes[i] = ib < 0 ? -1 : ib--;
    } else {
      axes[i] = labels.indexOf(c);
    }
  }
  return axes;
}

/**
 * The plan of `np.einsum(subscripts, *operands)` for operands of the given shapes.
 *
 *   einsumPlan('ij,jk->ik', [[2, 3], [3, 4]]).outShape → [2, 4]
 *   einsumPlan('...ij,...jk', [[5, 2, 3], [3, 4]]).outShape → [5, 2, 4]
 *   einsumPlan('ii', [[2, 3]]) → ValueError "dimensions in operand 0 for collapsing index 'i' don't match (2 != 3)"
 */
export function einsumPlan(subscripts: string, shapes: readonly Shape[]): ShapeResult<EinsumPlan> {
  const nop = shapes.length;
  if (nop < 1) return fail('ValueError', 'not enough operands provided to einstein sum function');
  const counts = new Array<number>(128).fill(0);
  const opLabels: number[][] = [];
  let rest = subscripts;
  for (let iop = 0; iop < nop; iop++) {
    const m = /[,-]/.exec(rest);
    const length = m ? m.index : rest.length;
    const stop = rest[length];
    if (iop === nop - 1 && stop === ',') {
      return fail('ValueError', 'more operands provided to einstein sum function than specified in the subscripts string');
    }
    if (iop < nop - 1 && stop !== ',') {
      return fail('ValueError', 'fewer operands provided to einstein sum function than specified in the subscripts string');
    }
    const r = parseOperand(rest.slice(0, length), shapes[iop].length, iop, counts);
    if (!r.ok) return r;
    opLabels.push(r.value);
    rest = rest.slice(iop < nop - 1 ? length + 1 : length);
  }
  const nBroadcast = Math.max(0, ...opLabels.map((ls) => ls.filter((c) => c === 0).length));
  let output: number[];
  if (rest.length === 0) {
    output = new Array<number>(nBroadcast).fill(0);
    for (let c = 0; c < 128; c++) if (counts[c] === 1) output.push(c);
    if (output.length > MAX_DIMS) return fail('ValueError', 'einstein sum subscript string has too many distinct labels');
  } else {
    if (!rest.startsWith('->')) return fail('ValueError', "einstein sum subscript string does not contain proper '->' output specified");
    const r = parseOutput(rest.slice(2), nBroadcast, counts);
    if (!r.ok) return r;
    output = r.value;
  }
  if (nop === 1) {
    const v = singleOpView(opLabels[0], shapes[0], output);
    if (!v.ok) return v;
    if (v.value) {
      const axes = v.value;
      const outShape = axes.map((ax) => (ax.length ? shapes[0][ax[0]] : 0));
      const iterAxes = axes.map((_, i) => i);
      return ok({
        operands: [{ combined: axes, labels: output, combinedShape: outShape, iterAxes }],
        iterLabels: output, iterShape: outShape, outputNdim: output.length, outShape, view: axes,
      });
    }
  }
  const combinedOps: { combined: number[][]; labels: number[]; shape: Dim[] }[] = [];
  for (let iop = 0; iop < nop; iop++) {
    const r = combine(opLabels[iop], shapes[iop], iop);
    if (!r.ok) return r;
    combinedOps.push(r.value);
  }
  const iterLabels = [...output];
  for (let c = 0; c < 128; c++) {
    if (counts[c] > 0 && !output.includes(c)) {
      if (iterLabels.length >= MAX_DIMS) return fail('ValueError', 'too many subscripts in einsum');
      iterLabels.push(c);
    }
  }
  const operands = combinedOps.map((o) => ({ combined: o.combined, labels: o.labels, combinedShape: o.shape, iterAxes: iterAxesOf(o.labels, iterLabels) }));
  const iterShape: Dim[] = [];
  for (let i = 0; i < iterLabels.length; i++) {
    let b: Dim = 1, clash = false;
    for (const o of operands) {
      const ax = o.iterAxes[i];
      if (ax < 0) continue;
      const d = o.combinedShape[ax];
      if (d === 1) continue;
      if (b === 1) { b = d; continue; }
      const eq = dimEq(d, b);
      if (eq === false) { clash = true; break; }
      if (eq === undefined && isNum(d)) b = d;
    }
    if (clash) {
      const remapped = operands.map((o) => o.iterAxes.map((ax) => (ax < 0 ? null : o.combinedShape[ax])));
      return fail('ValueError', remappedBroadcastError(operands.map((o) => o.combinedShape), remapped));
    }
    iterShape.push(b);
  }
  return ok({ operands, iterLabels, iterShape, outputNdim: output.length, outShape: iterShape.slice(0, output.length), view: null });
}

/** The result shape of np.einsum (for the analyzer). */
export function einsumShape(subscripts: string, shapes: readonly Shape[]): ShapeResult<Dim[]> {
  const r = einsumPlan(subscripts, shapes);
  return r.ok ? ok([...r.value.outShape]) : r;
}

/** One subscripts list of the list form: ints 0..51 and Ellipsis (`null` here). */
export type EinsumSublist = readonly (number | null)[];

/**
 * `einsum(a, [0, 1], b, [1, 2], [0, 2])` → 'AB,BC->AC' (NumPy: 0..25 are 'A'..'Z',
 * 26..51 'a'..'z'), with einsum_list_to_subscripts' errors.
 */
export function einsumSublistsToSubscripts(inputs: readonly EinsumSublist[], output?: EinsumSublist): ShapeResult<string> {
  const one = (list: EinsumSublist): ShapeResult<string> => {
    let s = '', ellipsis = false;
    for (const item of list) {
      if (item === null) {
        if (ellipsis) return fail('ValueError', 'each subscripts list may have only one ellipsis');
        s += '...';
        ellipsis = true;
      } else if (item >= 0 && item < 26) {
        s += String.fromCharCode(65 + item);
      } else if (item >= 26 && item < 52) {
        s += String.fromCharCode(97 + item - 26);
      } else {
        return fail('ValueError', 'subscript is not within the valid range [0, 52)');
      }
    }
    return ok(s);
  };
  const parts: string[] = [];
  for (const l of inputs) {
    const r = one(l);
    if (!r.ok) return r;
    parts.push(r.value);
  }
  let text = parts.join(',');
  if (output !== undefined) {
    const r = one(output);
    if (!r.ok) return r;
    text += `->${r.value}`;
  }
  return ok(text);
}
