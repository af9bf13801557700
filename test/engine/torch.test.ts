// Differential tests of the torch facade: every case in test/fixtures/torch.json (torch 1.13's
// answers, made by tools/gen_torch_fixtures.py) is replayed through engine/torch/pycall.ts
// and compared for dtype, shape, strides, values, printed text, requires_grad/grad_fn and
// error type + text. Then the properties fixtures cannot express: from_numpy/.numpy()
// share memory both ways, and an nn.Sequential / CNN forward with fixed weights.
// The codec below mirrors `dec`/`out` in the generator; see its docstring for the format.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { allocate, DType } from '../../engine/core/dtype';
import { NumpyError } from '../../engine/core/errors';
import { cStrides, NDArray, sizeOf } from '../../engine/core/ndarray';
import { copyInto } from '../../engine/core/cast';
import { ELLIPSIS, PyTuple, Slice } from '../../engine/core/pyvalues';
import { PyFloat } from '../../engine/core/scalar';
import { TORCH_DTYPES, TorchDType, TorchDTypeName } from '../../engine/torch/dtype';
import { ReturnTypes, Tensor, TorchSize } from '../../engine/torch/tensor';
import { Module } from '../../engine/torch/modules';
import { GradModeContext } from '../../engine/torch/autograd';
import * as torch from '../../engine/torch/pycall';

// ---- the fixture format ----------------------------------------------------------------------

type Json = null | boolean | number | string | readonly Json[] | { readonly [k: string]: Json };
type JObj = { readonly [k: string]: Json };
type DataItem = number | boolean | 'nan' | 'inf' | '-inf';

interface Case { id: string; call: JObj; expected: JObj; tol?: string; check?: 'meta' }

const FIXTURE = JSON.parse(readFileSync(new URL('../fixtures/torch.json', import.meta.url), 'utf8')) as { torch: string; cases: Case[] };

const num = (x: DataItem): number => (x === 'nan' ? NaN : x === 'inf' ? Infinity : x === '-inf' ? -Infinity : typeof x === 'boolean' ? (x ? 1 : 0) : x);

function flatData(x: Json, out: number[] = []): number[] {
  if (Array.isArray(x)) { for (const e of x) flatData(e, out); return out; }
  out.push(num(x as DataItem));
  return out;
}

function nestedShape(x: Json): number[] {
  const s: number[] = [];
  let cur: Json = x;
  while (Array.isArray(cur)) { s.push(cur.length); cur = cur[0] as Json; }
  return s;
}

function makeArray(data: Json, dtype: DType, shape?: readonly number[]): NDArray {
  const sh = shape ? [...shape] : nestedShape(data);
  const vals = flatData(data);
  const buf = allocate(dtype, sizeOf(sh));
  vals.forEach((v, i) => { buf[i] = v; });
  return new NDArray(buf, dtype, sh, cStrides(sh), 0);
}

function applyView(a: NDArray, v: Json | undefined): NDArray {
  if (v === undefined) return a;
  if (v === 'T') return a.view([...a.shape].reverse(), [...a.strides].reverse(), a.offset);
  const o = v as JObj;
  if (o.perm) {
    const p = o.perm as number[];
    return a.view(p.map((i) => a.shape[i]), p.map((i) => a.strides[i]), a.offset);
  }
  if (o.step0) {
    const k = o.step0 as number;
    const shape = [...a.shape];
    shape[0] = Math.ceil(a.shape[0] / k);
    const strides = [...a.strides];
    strides[0] *= k;
    return a.view(shape, strides, a.offset);
  }
  throw new Error(`bad view ${JSON.stringify(v)}`);
}

const kw = (o: Json): Record<string, unknown> => Object.fromEntries(Object.entries((o ?? {}) as JObj).map(([k, v]) => [k, dec(v)]));

/** Fixture JSON → Python value (or the result of a nested call). */
function dec(j: Json): unknown {
  if (Array.isArray(j)) return j.map(dec);
  if (j === null || typeof j !== 'object') return j;
  const o = j as JObj;
  if ('fn' in o || 'method' in o || 'attr' in o || 'modattr' in o) return run(o);
  if ('t' in o) {
    const a = applyView(makeArray(o.t, o.dtype as DType, o.shape as number[] | undefined), o.view);
    if (o.param) return new Tensor(a, { requiresGrad: true, isParameter: true });
    return new Tensor(a, { requiresGrad: Boolean(o.rg) });
  }
  if ('nd' in o) return makeArray(o.nd, o.dtype as DType, o.shape as number[]);
  if ('dtype_obj' in o) return TORCH_DTYPES[o.dtype_obj as TorchDTypeName];
  if ('mod' in o) {
    const m = torch.makeModule(o.mod as string, dec(o.args) as unknown[], kw(o.kwargs));
    for (const [k, v] of Object.entries(o.params as JObj)) {
      if (v === null) { torch.setModuleAttribute(m, k, null); continue; }
      const p = torch.getModuleAttribute(m, k) as Tensor;
      copyInto(p.arr, (dec(v) as Tensor).arr);
    }
    return m;
  }
  if ('float' in o) return new PyFloat(num(o.float as DataItem));
  if ('tuple' in o) return new PyTuple((o.tuple as Json[]).map(dec));
  if ('slice' in o) {
    const [a, b, c] = o.slice as (number | null)[];
    return new Slice(a, b, c);
  }
  if ('ellipsis' in o) return ELLIPSIS;
  throw new Error(`bad fixture value ${JSON.stringify(j)}`);
}

function run(call: JObj): unknown {
  if ('fn' in call) return torch.callTorch(call.fn as string, dec(call.args) as unknown[], kw(call.kwargs));
  if ('method' in call) return torch.callTensorMethod(dec(call.self) as Tensor, call.method as string, dec(call.args) as unknown[], kw(call.kwargs));
  if ('attr' in call) return torch.getTensorAttribute(dec(call.self) as Tensor, call.attr as string);
  if ('module' in call) return torch.callModule(dec(call.module) as Module, dec(call.input) as unknown[]);
  if ('repr' in call) return torch.reprValue(dec(call.repr));
  if ('setitem' in call) {
    const t = dec(call.setitem) as Tensor;
    torch.callTensorMethod(t, '__setitem__', [dec(call.index), dec(call.value)]);
    return t;
  }
  if ('nograd' in call) {
    const ctx = torch.callTorch('no_grad', []) as GradModeContext;
    ctx.enter();
    try { return run(call.nograd as JObj); } finally { ctx.exit(); }
  }
  if ('modattr' in call) return torch.getModuleAttribute(dec(call.modattr) as Module, call.name as string);
  if ('modmethod' in call) return torch.callModuleMethod(dec(call.modmethod) as Module, call.name as string, dec(call.args) as unknown[]);
  throw new Error(`bad call ${JSON.stringify(call)}`);
}

// ---- comparison ------------------------------------------------------------------------------

function parseTol(t?: string): number {
  if (!t) return 0;
  const m = /^rel(.+)$/.exec(t);
  if (!m) throw new Error(`bad tol ${t}`);
  return Number(m[1]);
}

/** Compares value lists; returns a problem or '' and whether every value matched exactly. */
function compareData(exp: readonly number[], got: readonly number[], tol: number): { problem: string; exact: boolean } {
  if (exp.length !== got.length) return { problem: `data length ${got.length} != ${exp.length}`, exact: false };
  let exact = true;
  for (let i = 0; i < exp.length; i++) {
    const e = exp[i], g = got[i];
    if (Object.is(e, g) || (e === g)) continue;
    if (Number.isNaN(e) && Number.isNaN(g)) continue;
    exact = false;
    const diff = Math.abs(e - g);
    if (tol > 0 && Number.isFinite(e) && diff <= tol * Math.max(Math.abs(e), Math.abs(g), 1)) continue;
    return { problem: `data[${i}] = ${g}, torch gives ${e}`, exact: false };
  }
  return { problem: '', exact };
}

function pyValueProblems(exp: Json, got: unknown, path: string): string[] {
  if (exp !== null && typeof exp === 'object' && !Array.isArray(exp) && 'float' in exp) {
    const e = num((exp as JObj).float as DataItem);
    if (!(got instanceof PyFloat)) return [`${path}: expected Python float ${e}, got ${String(got)}`];
    return Object.is(got.value, e) || (Number.isNaN(e) && Number.isNaN(got.value)) ? [] : [`${path}: ${got.value} != ${e}`];
  }
  if (Array.isArray(exp)) {
    if (!Array.isArray(got) || got.length !== exp.length) return [`${path}: expected list of ${exp.length}, got ${String(got)}`];
    return exp.flatMap((e, i) => pyValueProblems(e, got[i], `${path}[${i}]`));
  }
  if (typeof exp === 'number' && !Number.isInteger(exp)) {
    return got instanceof PyFloat && got.value === exp ? [] : [`${path}: expected float ${exp}, got ${String(got)}`];
  }
  return got === exp ? [] : [`${path}: expected ${JSON.stringify(exp)}, got ${got instanceof PyFloat ? `PyFloat(${got.value})` : String(got)}`];
}

function outcomeProblems(exp: JObj, got: unknown, tol: number, meta: boolean, path = 'result'): string[] {
  const p: string[] = [];
  switch (exp.type) {
    case 'tensor': {
      if (!(got instanceof Tensor)) return [`${path}: expected a tensor, got ${describeValue(got)}`];
      if (got.dtype !== exp.dtype) p.push(`${path}: dtype ${got.dtype}, torch gives ${String(exp.dtype)}`);
      if (JSON.stringify(got.shape) !== JSON.stringify(exp.shape)) p.push(`${path}: shape [${got.shape}], torch gives [${String(exp.shape)}]`);
      if (meta || p.length) return p;
      if (got.numel > 1 && JSON.stringify(got.arr.strides) !== JSON.stringify(exp.strides)) p.push(`${path}: strides [${got.arr.strides}], torch gives [${String(exp.strides)}]`);
      const { problem, exact } = compareData(flatData(exp.data as Json), got.arr.toArray(), tol);
      if (problem) p.push(`${path}: ${problem}`);
      if (exact) {
        const r = torch.reprValue(got);
        if (r !== exp.repr) p.push(`${path}: repr\n${r}\n--- torch prints ---\n${String(exp.repr)}`);
      }
      if (got.requiresGrad !== exp.requires_grad) p.push(`${path}: requires_grad ${got.requiresGrad}, torch gives ${String(exp.requires_grad)}`);
      if (got.gradFn !== exp.grad_fn) p.push(`${path}: grad_fn ${got.gradFn}, torch gives ${String(exp.grad_fn)}`);
      return p;
    }
    case 'size':
      if (!(got instanceof TorchSize)) return [`${path}: expected torch.Size, got ${describeValue(got)}`];
      if (torch.reprValue(got) !== exp.repr) p.push(`${path}: ${torch.reprValue(got)} != ${String(exp.repr)}`);
      return p;
    case 'ndarray': {
      if (!(got instanceof NDArray)) return [`${path}: expected ndarray, got ${describeValue(got)}`];
      if (got.dtype !== exp.dtype) p.push(`${path}: dtype ${got.dtype} != ${String(exp.dtype)}`);
      if (JSON.stringify(got.shape) !== JSON.stringify(exp.shape)) p.push(`${path}: shape [${got.shape}] != [${String(exp.shape)}]`);
      const { problem } = compareData(flatData(exp.data as Json), got.toArray(), tol);
      if (problem) p.push(`${path}: ${problem}`);
      return p;
    }
    case 'notimplemented':
      return got === torch.NOT_IMPLEMENTED ? [] : [`${path}: expected NotImplemented, got ${describeValue(got)}`];
    case 'dtype':
      return got instanceof TorchDType && String(got) === exp.value ? [] : [`${path}: expected ${String(exp.value)}, got ${describeValue(got)}`];
    case 'py':
      return pyValueProblems(exp.value, got, path);
    case 'text': {
      const text = typeof got === 'string' ? got : torch.reprValue(got);
      return text === exp.value ? [] : [`${path}: text\n${String(text)}\n--- torch prints ---\n${String(exp.value)}`];
    }
    case 'tuple': case 'list': {
      const items = exp.items as JObj[];
      if (exp.type === 'tuple' && !(got instanceof PyTuple)) return [`${path}: expected tuple, got ${describeValue(got)}`];
      if (exp.type === 'list' && !Array.isArray(got)) return [`${path}: expected list, got ${describeValue(got)}`];
      const gi = got instanceof PyTuple ? got.items : (got as unknown[]);
      if (gi.length !== items.length) return [`${path}: ${gi.length} items, torch gives ${items.length}`];
      items.forEach((e, i) => p.push(...outcomeProblems(e, gi[i], tol, meta, `${path}[${i}]`)));
      if (exp.typeName) {
        if (!(got instanceof ReturnTypes) || got.typeName !== exp.typeName) p.push(`${path}: expected ${String(exp.typeName)}`);
        else if (!p.length && torch.reprValue(got) !== exp.repr) p.push(`${path}: repr\n${torch.reprValue(got)}\n--- torch prints ---\n${String(exp.repr)}`);
      }
      return p;
    }
    default:
      return [`unknown expected type ${String(exp.type)}`];
  }
}

function describeValue(x: unknown): string {
  if (x instanceof Tensor) return `tensor ${x.dtype}[${x.shape}]`;
  if (x instanceof PyFloat) return `PyFloat(${x.value})`;
  return torch.reprValue(x) ?? (typeof x === 'string' ? JSON.stringify(x) : String(x));
}

/** The one check: run the call (under its print options), compare with torch's outcome. */
function check(c: Case): void {
  const opts = c.call.printopts as JObj | undefined;
  if (opts) torch.callTorch('set_printoptions', [], kw(opts));
  try {
    checkOutcome(c, opts ? (c.call.call as JObj) : c.call);
  } finally {
    if (opts) torch.callTorch('set_printoptions', [], { profile: 'default' });
  }
}

function checkOutcome(c: Case, call: JObj): void {
  let got: unknown;
  let error: unknown;
  try {
    got = run(call);
  } catch (e) {
    error = e;
  }
  const exp = c.expected;
  let problems: string[];
  if (exp.type === 'error') {
    if (error === undefined) problems = [`expected ${String(exp.pyType)}: ${String(exp.message)}, got ${describeValue(got)}`];
    else if (!(error instanceof NumpyError)) problems = [`internal error: ${(error as Error).stack ?? String(error)}`];
    else {
      problems = [];
      if (error.pyType !== exp.pyType) problems.push(`error type ${error.pyType}, torch raises ${String(exp.pyType)}`);
      if (error.message !== exp.message) problems.push(`error text\n${error.message}\n--- torch says ---\n${String(exp.message)}`);
    }
  } else if (error !== undefined) {
    problems = [`raised ${error instanceof NumpyError ? `${error.pyType}: ${error.message}` : (error as Error).stack}`];
  } else {
    problems = outcomeProblems(exp, got, parseTol(c.tol), c.check === 'meta');
  }
  expect(problems.join('\n')).toBe('');
}

// Plain it() per case (it.each would printf-format the ids).
const byCategory = new Map<string, Case[]>();
for (const c of FIXTURE.cases) {
  const k = c.id.split(':')[0];
  byCategory.set(k, [...(byCategory.get(k) ?? []), c]);
}
for (const [cat, cases] of byCategory) {
  describe(`torch ${cat}`, () => {
    for (const c of cases) it(c.id, () => check(c));
  });
}

// ---- memory sharing and models -----------------------------------------------------------------

describe('torch facade: memory and models', () => {
  const np = (data: number[], shape: number[], dtype: DType = 'float64') => makeArray(data, dtype, shape);

  it('from_numpy shares memory both ways', () => {
    const x = np([1, 2, 3, 4, 5, 6], [2, 3]);
    const t = torch.callTorch('from_numpy', [x]) as Tensor;
    expect(t.dtype).toBe('float64');
    x.data[4] = 40; // x[1, 1] = 40
    expect((torch.callTensorMethod(torch.callTensorMethod(t, '__getitem__', [new PyTuple([1, 1])]) as Tensor, 'item', []) as PyFloat).value).toBe(40);
    torch.callTensorMethod(t, '__setitem__', [new PyTuple([0, 2]), -7]);
    expect(x.data[2]).toBe(-7);
    torch.callTensorMethod(t, '__iadd__', [1]);
    expect(x.toArray()).toEqual([2, 3, -6, 5, 41, 7]);
  });

  it('from_numpy of a transposed view keeps its strides and shares memory', () => {
    const x = np([0, 1, 2, 3, 4, 5], [2, 3]);
    const xt = x.view([3, 2], [1, 3], 0);
    const t = torch.callTorch('from_numpy', [xt]) as Tensor;
    expect(torch.callTensorMethod(t, 'stride', [])).toEqual(new PyTuple([1, 3]));
    expect(torch.callTensorMethod(t, 'is_contiguous', [])).toBe(false);
    torch.callTensorMethod(t, '__setitem__', [new PyTuple([2, 0]), 99]);
    expect(x.data[2]).toBe(99);
  });

  it('.numpy() shares memory both ways, and .float() makes a copy', () => {
    const t = torch.callTorch('zeros', [2, 2]) as Tensor;
    const a = torch.callTensorMethod(t, 'numpy', []) as NDArray;
    expect(a.dtype).toBe('float32');
    a.data[3] = 5;
    expect(t.arr.toArray()).toEqual([0, 0, 0, 5]);
    torch.callTensorMethod(t, 'fill_', [2]);
    expect(a.toArray()).toEqual([2, 2, 2, 2]);
    const x = np([1, 2], [2]);
    const f = torch.callTensorMethod(torch.callTorch('from_numpy', [x]) as Tensor, 'float', []) as Tensor;
    expect(f.dtype).toBe('float32');
    f.arr.data[0] = 100;
    expect(x.data[0]).toBe(1);
  });

  it('views of a tensor share its memory; t.mean(dim=0).detach().cpu().numpy() works', () => {
    const t = torch.callTensorMethod(torch.callTorch('arange', [new PyFloat(6)]) as Tensor, 'view', [2, 3]) as Tensor;
    const v = torch.callTensorMethod(t, 'view', [-1]) as Tensor;
    torch.callTensorMethod(v, '__setitem__', [0, 10]);
    expect(t.arr.toArray()[0]).toBe(10);
    const m = torch.callTensorMethod(t, 'mean', [], { dim: 0 }) as Tensor;
    const out = torch.callTensorMethod(torch.callTensorMethod(torch.callTensorMethod(m, 'detach', []) as Tensor, 'cpu', []) as Tensor, 'numpy', []) as NDArray;
    expect(out.shape).toEqual([3]);
    expect(out.toArray()).toEqual([6.5, 2.5, 3.5]);
  });

  it('nn.Sequential(Linear, ReLU, Linear) forward with fixed weights', () => {
    const lin1 = torch.makeModule('Linear', [3, 2]);
    const lin2 = torch.makeModule('Linear', [2, 1]);
    const setP = (m: Module, name: string, data: number[], shape: number[]) => copyInto((torch.getModuleAttribute(m, name) as Tensor).arr, makeArray(data, 'float32', shape));
    setP(lin1, 'weight', [1, 0, -1, 0.5, 0.5, 0.5], [2, 3]);
    setP(lin1, 'bias', [0, -1], [2]);
    setP(lin2, 'weight', [2, -3], [1, 2]);
    setP(lin2, 'bias', [0.25], [1]);
    const model = torch.makeModule('Sequential', [lin1, torch.makeModule('ReLU', []), lin2]);
    const x = new Tensor(makeArray([1, 2, 3, -1, 0, 4], 'float32', [2, 3]));
    const y = torch.callModule(model, [x]) as Tensor;
    // h = relu([[1-3, 3-1], [-1-4, 1.5-1]]) = [[0, 2], [0, 0.5]]; y = h @ [2, -3] + 0.25
    expect(y.shape).toEqual([2, 1]);
    expect(y.arr.toArray()).toEqual([-5.75, -1.25]);
    expect(y.gradFn).toBe('AddmmBackward0');
    const params = torch.callModuleMethod(model, 'parameters', []) as Tensor[];
    expect(params.map((p) => p.shape)).toEqual([[2, 3], [2], [1, 2], [1]]);
    expect(() => torch.callModule(model, [new Tensor(makeArray([1, 2, 3, 4], 'float32', [2, 2]))]))
      .toThrow('mat1 and mat2 shapes cannot be multiplied (2x2 and 3x2)');
  });

  it('Conv2d and MaxPool2d forward with given weights', () => {
    const conv = torch.makeModule('Conv2d', [1, 1, 2], { bias: false });
    copyInto((torch.getModuleAttribute(conv, 'weight') as Tensor).arr, makeArray([1, 0, 0, -1], 'float32', [1, 1, 2, 2]));
    const img = new Tensor(makeArray(Array.from({ length: 16 }, (_, i) => i * i), 'float32', [1, 1, 4, 4]));
    const y = torch.callModule(conv, [img]) as Tensor;
    // y[i, j] = x[i, j] - x[i+1, j+1] = (4i+j)^2 - (4i+j+5)^2 = -10(4i+j) - 25
    expect(y.shape).toEqual([1, 1, 3, 3]);
    expect(y.arr.toArray()).toEqual([0, 1, 2, 4, 5, 6, 8, 9, 10].map((k) => -10 * k - 25));
    const pool = torch.makeModule('MaxPool2d', [2]);
    const p = torch.callModule(pool, [img]) as Tensor;
    expect(p.shape).toEqual([1, 1, 2, 2]);
    expect(p.arr.toArray()).toEqual([25, 49, 169, 225]);
    expect(torch.reprValue(torch.getTensorAttribute(y, 'shape'))).toBe('torch.Size([1, 1, 3, 3])');
  });

  it('grad mode: no_grad and set_grad_enabled restore the previous mode', () => {
    const w = torch.callTorch('ones', [2], { requires_grad: true }) as Tensor;
    const ctx = torch.callTorch('no_grad', []) as GradModeContext;
    ctx.enter();
    expect((torch.callTensorMethod(w, '__mul__', [2]) as Tensor).requiresGrad).toBe(false);
    ctx.exit();
    expect((torch.callTensorMethod(w, '__mul__', [2]) as Tensor).gradFn).toBe('MulBackward0');
    const off = torch.callTorch('set_grad_enabled', [false]) as GradModeContext;
    expect(torch.callTorch('is_grad_enabled', [])).toBe(false);
    off.enter();
    off.exit();
    expect(torch.callTorch('is_grad_enabled', [])).toBe(true);
    expect(() => torch.callTensorMethod(w, 'backward', [])).toThrow('backward() is not supported');
    expect(() => torch.callTorch('optim.SGD', [[w]], { lr: 0.1 })).toThrow('torch.optim.SGD is not supported by Shape Lens');
  });

  it('Python values: item/tolist types, dtype and device text', () => {
    const f = torch.callTorch('tensor', [[new PyFloat(2), 3.5]]) as Tensor;
    expect(torch.callTensorMethod(torch.callTensorMethod(f, '__getitem__', [0]) as Tensor, 'item', [])).toEqual(new PyFloat(2));
    expect(torch.callTensorMethod(torch.callTorch('tensor', [[7]]) as Tensor, 'item', [])).toBe(7);
    expect(torch.callTensorMethod(torch.callTorch('tensor', [[true]]) as Tensor, 'tolist', [])).toEqual([true]);
    expect(torch.strValue(torch.getTensorAttribute(f, 'dtype'))).toBe('torch.float32');
    expect(torch.getTorchAttribute('long')).toBe(torch.getTorchAttribute('int64'));
    expect(torch.strValue(torch.getTensorAttribute(f, 'device'))).toBe('cpu');
    expect(torch.reprValue(torch.getTensorAttribute(f, 'device'))).toBe("device(type='cpu')");
    expect(torch.callTensorMethod(f, '__add__', [makeArray([1, 2], 'float64', [2])])).toBe(torch.NOT_IMPLEMENTED);
  });

  it('a user nn.Module subclass: registered layers, forward through __call__', () => {
    const net = torch.makeModule('Module', []);
    net.typeName = 'Net';
    expect(torch.setModuleAttribute(net, 'fc1', torch.makeModule('Linear', [4, 3]))).toBe(true);
    expect(torch.setModuleAttribute(net, 'act', torch.makeModule('ReLU', []))).toBe(true);
    expect(torch.setModuleAttribute(net, 'hidden', 7)).toBe(false);
    net.userForward = (args) => torch.callModule(torch.getModuleAttribute(net, 'act') as Module, [torch.callModule(torch.getModuleAttribute(net, 'fc1') as Module, args)]);
    const y = torch.callModule(net, [torch.callTorch('ones', [5, 4])]) as Tensor;
    expect(y.shape).toEqual([5, 3]);
    expect(torch.reprValue(net)).toBe('Net(\n  (fc1): Linear(in_features=4, out_features=3, bias=True)\n  (act): ReLU()\n)');
    expect((torch.callModuleMethod(net, 'parameters', []) as Tensor[]).length).toBe(2);
    const bare = torch.makeModule('Module', []);
    expect(() => torch.callModule(bare, [])).toThrow('Module [Module] is missing the required "forward" function');
  });
});
