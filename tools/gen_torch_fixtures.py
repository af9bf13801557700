#!/usr/bin/python3
"""Differential fixtures for the torch facade: real torch 1.13 (Debian's python3-torch)
evaluates a table of calls and the answers land in test/fixtures/torch.json, which
test/engine/torch.test.ts replays through engine/torch/pycall.ts. Run with
`/usr/bin/python3 tools/gen_torch_fixtures.py`. Tests never run this; they read the JSON.
Every expected dtype, shape, value, printed text and error text is torch's.

Format (the TS decoder in test/engine/torch.test.ts mirrors `dec` below):
  arguments: JSON int -> int, non-integral number -> float, {"float": 2.0|"nan"|"inf"} -> float,
    bool, null, str, list, {"tuple": [...]}, {"slice": [a, b, c]}, {"ellipsis": true},
    {"t": nested, "dtype": d, "shape"?: [...] (size 0 only), "rg"?: true (requires_grad leaf),
     "param"?: true (nn.Parameter), "view"?: "T" | {"perm": [...]} | {"step0": k}} -> Tensor,
    {"nd": nested, "dtype": d, "view"?: ...} -> numpy array, {"dtype_obj": "float32"} -> torch.float32,
    {"mod": name, "args": [...], "kwargs": {...}, "params": {name: tensor|null}} -> nn module with
    the given parameters copied in (deterministic weights).
  calls: {"fn": "nn.functional.relu", "args", "kwargs"} (torch.<path>), {"method": name, "self",
    "args", "kwargs"}, {"attr": name, "self"}, {"module": <mod spec>, "input": [...]} (forward),
    {"repr": <value spec>} (repr() of the decoded value, e.g. a module), {"setitem": t, "index", "value"}
    (`t[index] = value`, then t), {"nograd": call} (inside `with torch.no_grad()`), {"modattr": mod,
    "name"}, {"modmethod": mod, "name", "args"}, {"printopts": {...}, "call": call} (under
    torch.set_printoptions(...), reset to the default profile afterwards).
  expected: {"type": "tensor", dtype, shape, strides, data (flat, C order), repr, requires_grad,
    grad_fn} | {"type": "size", dims, repr} | {"type": "ndarray", dtype, shape, data} |
    {"type": "py", value} | {"type": "dtype", value} | {"type": "tuple", items, typeName?,
    names?, repr?} | {"type": "list", items} | {"type": "text", value} |
    {"type": "error", pyType, message}.
  "tol": "relE" compares floats with relative tolerance E (absolute E near zero) — used for
    float32 reductions/matmul/transcendentals, where torch's vectorised kernels round
    differently from the engine's; printed text is then compared only when the values agree
    exactly. "check": "meta" (random values) compares dtype and shape only.
Floats are JSON numbers ("nan"/"inf"/"-inf" strings); float32 values are their exact doubles.
"""

import json
import math
import os
import sys
import warnings

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

warnings.filterwarnings('ignore')
ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..')
OUT = os.path.join(ROOT, 'test', 'fixtures', 'torch.json')

DTYPES = ['bool', 'uint8', 'int8', 'int16', 'int32', 'int64', 'float32', 'float64']
FLOATS = ['float32', 'float64']
INTS = ['uint8', 'int8', 'int16', 'int32', 'int64']
TD = {d: getattr(torch, d) for d in DTYPES}
F32_TOL = 'rel2e-6'
F64_TOL = 'rel1e-12'

# ---- input values --------------------------------------------------------------------------


class In:
    """An input tensor/array spec (kept as JSON so torch sees what the engine sees)."""

    def __init__(self, j):
        self.j = j


def data_json(x):
    if isinstance(x, list):
        return [data_json(i) for i in x]
    if isinstance(x, bool):
        return x
    if isinstance(x, int):
        return x
    if isinstance(x, float):
        if math.isnan(x):
            return 'nan'
        if math.isinf(x):
            return 'inf' if x > 0 else '-inf'
        return x
    raise TypeError(repr(x))


def T(data, dtype=None, rg=False, param=False, view=None, shape=None):
    """A tensor input: torch.tensor(data, dtype) (a torch tensor or nested list)."""
    t = data if isinstance(data, torch.Tensor) else torch.tensor(data, dtype=TD[dtype] if dtype else None)
    if dtype:
        t = t.to(TD[dtype])
    if shape is not None:
        t = t.reshape(shape)
    j = {'t': data_json(t.tolist()) if t.numel() else [], 'dtype': str(t.dtype)[6:]}
    if t.numel() == 0:
        j['shape'] = list(t.shape)
    if rg:
        j['rg'] = True
    if param:
        j['param'] = True
    if view is not None:
        j['view'] = view
    return In(j)


def A(n, dtype='float32', shape=None, start=0, step=1, **kw):
    """arange(n)*step+start as a tensor input of the given dtype and shape."""
    t = (torch.arange(n, dtype=torch.float64) * step + start).to(TD[dtype])
    return T(t, dtype, shape=shape if shape is not None else [n], **kw)


def ND(data, dtype):
    a = np.array(data, dtype=dtype)
    return In({'nd': data_json(a.tolist()), 'dtype': dtype, 'shape': list(a.shape)})


def DT(name):
    return In({'dtype_obj': name})


def MOD(name, *args, params=None, **kwargs):
    return In({'mod': name, 'args': [enc(a) for a in args], 'kwargs': {k: enc(v) for k, v in kwargs.items()},
               'params': {k: (None if v is None else enc(v)) for k, v in (params or {}).items()}})


def enc(x):
    if isinstance(x, In):
        return x.j
    if x is None or isinstance(x, (bool, str)):
        return x
    if isinstance(x, int):
        return x
    if isinstance(x, float):
        return x if math.isfinite(x) and not x.is_integer() else {'float': data_json(x)}
    if isinstance(x, tuple):
        return {'tuple': [enc(i) for i in x]}
    if isinstance(x, list):
        return [enc(i) for i in x]
    if isinstance(x, slice):
        return {'slice': [x.start, x.stop, x.step]}
    if x is Ellipsis:
        return {'ellipsis': True}
    raise TypeError(f'cannot encode {x!r}')


def dec_data(x):
    if isinstance(x, list):
        return [dec_data(i) for i in x]
    if isinstance(x, str):
        return float(x)
    return x


def dec(j):
    if isinstance(j, list):
        return [dec(i) for i in j]
    if not isinstance(j, dict):
        return j
    if 'fn' in j or 'method' in j or 'attr' in j or 'modattr' in j:
        return run(j)  # a nested call: its result is the value
    if 't' in j:
        t = torch.tensor(dec_data(j['t']), dtype=TD[j['dtype']])
        if 'shape' in j:
            t = t.reshape(j['shape'])
        v = j.get('view')
        if v == 'T':
            t = t.permute(*reversed(range(t.dim())))
        elif isinstance(v, dict) and 'perm' in v:
            t = t.permute(*v['perm'])
        elif isinstance(v, dict) and 'step0' in v:
            t = t[::v['step0']]
        if j.get('param'):
            t = nn.Parameter(t)
        elif j.get('rg'):
            t.requires_grad_(True)
        return t
    if 'nd' in j:
        return np.array(dec_data(j['nd']), dtype=j['dtype']).reshape(j['shape'])
    if 'dtype_obj' in j:
        return TD[j['dtype_obj']]
    if 'mod' in j:
        m = getattr(nn, j['mod'])(*dec(j['args']), **{k: dec(v) for k, v in j['kwargs'].items()})
        with torch.no_grad():
            for k, v in j['params'].items():
                if v is None:
                    setattr(m, k, None)
                else:
                    getattr(m, k).copy_(dec(v))
        return m
    if 'float' in j:
        return float(j['float'])
    if 'tuple' in j:
        return tuple(dec(i) for i in j['tuple'])
    if 'slice' in j:
        return slice(*j['slice'])
    if 'ellipsis' in j:
        return Ellipsis
    raise ValueError(f'bad arg {j!r}')


# ---- results -------------------------------------------------------------------------------

def out_tensor(t):
    return {
        'type': 'tensor', 'dtype': str(t.dtype)[6:], 'shape': list(t.shape), 'strides': list(t.stride()),
        'data': data_json(t.detach().reshape(-1).tolist()), 'repr': repr(t),
        'requires_grad': t.requires_grad, 'grad_fn': type(t.grad_fn).__name__ if t.grad_fn is not None else None,
    }


def out(r):
    if r is NotImplemented:
        return {'type': 'notimplemented'}
    if isinstance(r, torch.Tensor):
        return out_tensor(r)
    if isinstance(r, torch.Size):
        return {'type': 'size', 'dims': list(r), 'repr': repr(r)}
    if isinstance(r, np.ndarray):
        return {'type': 'ndarray', 'dtype': str(r.dtype), 'shape': list(r.shape), 'data': data_json(r.reshape(-1).tolist())}
    if isinstance(r, torch.dtype):
        return {'type': 'dtype', 'value': str(r)}
    if isinstance(r, torch.device):
        return {'type': 'text', 'value': repr(r)}
    if hasattr(r, '_fields') or type(r).__module__ == 'torch.return_types':
        return {'type': 'tuple', 'typeName': 'torch.return_types.' + type(r).__name__, 'names': list(r._fields) if hasattr(r, '_fields') else ['values', 'indices'],
                'items': [out(i) for i in r], 'repr': repr(r)}
    if isinstance(r, tuple):
        return {'type': 'tuple', 'items': [out(i) for i in r]}
    if isinstance(r, list):
        return {'type': 'list', 'items': [out(i) for i in r]}
    if isinstance(r, float):
        return {'type': 'py', 'value': {'float': data_json(r)}}
    if r is None or isinstance(r, (bool, int, str)):
        return {'type': 'py', 'value': r}
    if isinstance(r, nn.Module):
        return {'type': 'text', 'value': repr(r)}
    raise TypeError(f'cannot encode result {r!r}')


def run(call):
    if 'fn' in call:
        obj = torch
        for part in call['fn'].split('.'):
            obj = getattr(obj, part)
        return obj(*dec(call['args']), **{k: dec(v) for k, v in call['kwargs'].items()})
    if 'method' in call:
        s = dec(call['self'])
        return getattr(s, call['method'])(*dec(call['args']), **{k: dec(v) for k, v in call['kwargs'].items()})
    if 'attr' in call:
        return getattr(dec(call['self']), call['attr'])
    if 'module' in call:
        m = dec(call['module'])
        return m(*dec(call['input']))
    if 'repr' in call:
        return repr(dec(call['repr']))
    if 'setitem' in call:
        t = dec(call['setitem'])
        t[dec(call['index'])] = dec(call['value'])
        return t
    if 'nograd' in call:
        with torch.no_grad():
            return run(call['nograd'])
    if 'modattr' in call:
        return getattr(dec(call['modattr']), call['name'])
    if 'modmethod' in call:
        r = getattr(dec(call['modmethod']), call['name'])(*dec(call['args']))
        return list(r) if hasattr(r, '__next__') else r  # generators (parameters()) as lists
    raise ValueError(call)


CASES = []
IDS = set()
CATEGORY = ['misc']


def add(name, call, tol=None, check=None):
    cid = f'{CATEGORY[0]}: {name}'
    k = 2
    while cid in IDS:
        cid = f'{CATEGORY[0]}: {name} #{k}'
        k += 1
    IDS.add(cid)
    try:
        if 'printopts' in call:
            torch.set_printoptions(**call['printopts'])
        r = run(call['call'] if 'printopts' in call else call)
        expected = out(r)
    except Exception as e:  # noqa: BLE001 — torch's errors are the expected answers
        expected = {'type': 'error', 'pyType': type(e).__name__, 'message': str(e)}
    finally:
        torch.set_printoptions(profile='default')
    c = {'id': cid, 'call': call, 'expected': expected}
    if tol:
        c['tol'] = tol
    if check:
        c['check'] = check
    CASES.append(c)


def fn(name, *args, **kwargs):
    return {'fn': name, 'args': [enc(a) for a in args], 'kwargs': {k: enc(v) for k, v in kwargs.items()}}


def meth(self, name, *args, **kwargs):
    return {'method': name, 'self': enc(self), 'args': [enc(a) for a in args], 'kwargs': {k: enc(v) for k, v in kwargs.items()}}


def attr(self, name):
    return {'attr': name, 'self': enc(self)}


def fwd(mod, *inputs):
    return {'module': enc(mod), 'input': [enc(i) for i in inputs]}


def text(j):
    return j if isinstance(j, str) else json.dumps(j)[:60]


def kwtext(kw):
    return ','.join(f'{k}={text(enc(v))}' for k, v in kw.items())


def category(name):
    CATEGORY[0] = name


# ---- cases ---------------------------------------------------------------------------------

def creation():
    category('creation')
    for data in [[1, 2, 3], [1., 2.], [[1, 2], [3, 4]], [True, False], [1, 2.5], [True, 2], 3, 2.5, True, [],
                 [[]], [[1.5, -2.25, 3.0]], [0.1, 0.2], [1e-5, 1.0], [[[1, 2]], [[3, 4]]], (1, 2), [(1, 2), (3, 4)], -0.0,
                 [float('nan'), 1.0], [float('inf'), -1.0]]:
        add(f'tensor {text(enc(data))}', fn('tensor', data))
    for d in DTYPES:
        add(f'tensor dtype={d}', fn('tensor', [0, 1, 2], dtype=DT(d)))
        add(f'tensor floats dtype={d}', fn('tensor', [0.5, 1.7, -2.2], dtype=DT(d)))
    add('tensor requires_grad', fn('tensor', [1., 2.], requires_grad=True))
    add('tensor requires_grad int', fn('tensor', [1, 2], requires_grad=True))
    add('tensor ragged', fn('tensor', [[1, 2], [3]]))
    add('tensor not a sequence', fn('tensor', [[1, 2], 3]))
    add('tensor of ndarray float64', fn('tensor', ND([1.5, 2], 'float64')))
    add('tensor of ndarray int32', fn('tensor', ND([[1, 2]], 'int32')))
    add('tensor of ndarray uint16', fn('tensor', ND([1, 2], 'uint16')))
    add('tensor dtype float64 of ndarray float32', fn('tensor', ND([1.5, 2], 'float32'), dtype=DT('float64')))
    add('tensor of 0-d tensors', fn('tensor', [T(1.5), T(2.)]))
    add('tensor of 1-d tensors', fn('tensor', [T([1.5, 2.]), T([2., 3.])]))
    for d in ['float64', 'float32', 'int64', 'int32', 'int16', 'int8', 'uint8', 'bool', 'uint16', 'uint32']:
        add(f'from_numpy {d}', fn('from_numpy', ND([[1, 0], [2, 3]], d)))
    add('from_numpy list', fn('from_numpy', [1, 2]))
    add('as_tensor ndarray', fn('as_tensor', ND([1, 2], 'float64')))
    add('as_tensor list dtype', fn('as_tensor', [1, 2], dtype=DT('float32')))
    for name in ['zeros', 'ones', 'empty']:
        for args in [(2, 3), ((2, 3),), ([4],), (0,), (), (2, 0, 3), (torch.Size([2, 2]),)]:
            a = tuple(tuple(x) if isinstance(x, torch.Size) else x for x in args)
            add(f'{name}{text(enc(list(a)))}', fn(name, *a), check='meta' if name == 'empty' else None)
        add(f'{name} dtype int64', fn(name, 2, 2, dtype=DT('int64')), check='meta' if name == 'empty' else None)
        add(f'{name} dtype bool', fn(name, 3, dtype=DT('bool')), check='meta' if name == 'empty' else None)
        add(f'{name} negative', fn(name, -1, 2))
        add(f'{name} requires_grad', fn(name, 2, requires_grad=True), check='meta' if name == 'empty' else None)
    add('zeros size kw', fn('zeros', size=(2, 1)))
    add('zeros device cpu', fn('zeros', 2, device='cpu'))
    add('zeros device cuda', fn('zeros', 2, device='cuda'))
    for v in [1, 1.5, True, -2, 0.1]:
        add(f'full {v}', fn('full', (2, 2), v))
    add('full dtype', fn('full', (3,), 7, dtype=DT('float64')))
    src = A(6, 'float32', shape=[2, 3])
    isrc = A(6, 'int32', shape=[3, 2])
    for name in ['zeros_like', 'ones_like']:
        add(f'{name} float', fn(name, src))
        add(f'{name} int32', fn(name, isrc))
        add(f'{name} dtype', fn(name, isrc, dtype=DT('float64')))
    add('empty_like', fn('empty_like', isrc), check='meta')
    add('full_like', fn('full_like', isrc, 7))
    add('full_like float into int', fn('full_like', isrc, 2.7))
    add('full_like dtype', fn('full_like', src, 2, dtype=DT('int64')))
    for args, kw in [((5,), {}), ((1, 5), {}), ((0, 1, 0.1), {}), ((5.,), {}), ((1, 2.5, 0.5), {}), ((10, 0, -3), {}),
                     ((0, 1, 0.3), {}), ((0, 5), {'dtype': DT('float64')}), ((0, 5, 2), {'dtype': DT('int32')}),
                     ((-2.5, 2.5, 0.5), {}), ((0, 0), {}), ((0, 5, 0), {}), ((5, 0), {}), ((0, 3), {'dtype': DT('float32')}),
                     ((3,), {'requires_grad': True}), ((0, 1, 0.1), {'dtype': DT('float64')}),
                     # long enough for the vectorised kernel (fused bases, lanes and tail)
                     ((-3.7, 40.1, 0.1), {}), ((-3.7, 40.1, 0.1), {'dtype': DT('float64')}), ((2.5, -7.0, -1 / 3), {'dtype': DT('float64')}),
                     ((0, 5, 0.05), {}), ((1.25, 90.5, 0.7), {})]:
        add(f'arange{text(enc(list(args)))} {kwtext(kw)}', fn('arange', *args, **kw))
    for args, kw in [((0, 1, 5), {}), ((0, 1, 1), {}), ((-1, 1, 7), {}), ((0, 10, 4), {}), ((0, 1, 0), {}), ((1, 0, 3), {}),
                     ((0, 1, 5), {'dtype': DT('float64')}), ((0, 1), {}), ((0.5, 2.5, 11), {}), ((0, 1, 100), {}),
                     # long enough for the vectorised kernel (fused bases, unfused lanes, fused tail)
                     ((-3, 5, 1000), {}), ((0.1, 7.3, 257), {}), ((-10, 3, 77), {'dtype': DT('float64')}),
                     ((1, 1e-3, 1001), {'dtype': DT('float64')}), ((0, 6.283185307179586, 50), {}), ((-1, 1, 33), {})]:
        add(f'linspace{text(enc(list(args)))} {kwtext(kw)}', fn('linspace', *args, **kw))
    for args, kw in [((3,), {}), ((2, 3), {}), ((3, 2), {}), ((0,), {}), ((2,), {'dtype': DT('int64')}), ((2, 2), {'dtype': DT('bool')})]:
        add(f'eye{text(enc(list(args)))} {kwtext(kw)}', fn('eye', *args, **kw))
    for name, args, kw in [('rand', (2, 3), {}), ('randn', (4,), {}), ('randn', (2, 2), {'dtype': DT('float64')}), ('rand', ((3, 1),), {}),
                           ('randint', (10, (3,)), {}), ('randint', (2, 5, (2, 2)), {}), ('randn', (0,), {}), ('randint', (5, 2, (2,)), {}),
                           ('randn', (2,), {'dtype': DT('int64')}), ('randperm', (5,), {}), ('rand_like', (src,), {}), ('randn_like', (src,), {})]:
        add(f'{name}{text(enc(list(args)))} {kwtext(kw)}', fn(name, *args, **kw), check='meta')


def dtypes():
    category('dtype')
    base = {d: T([0, 1, 2, 3], d) if d != 'bool' else T([True, False, True, False]) for d in DTYPES}
    fl = T([0.5, -1.5, 2.7, -0.2])
    for m in ['float', 'double', 'long', 'int', 'bool', 'short', 'byte', 'char']:
        add(f'{m}() of float32', meth(fl, m))
        add(f'{m}() of int64', meth(base['int64'], m))
    add('float() of float32 keeps self (param)', meth(T([1., 2.], param=True), 'float'))
    for d in DTYPES:
        add(f'to({d}) from float32', meth(fl, 'to', DT(d)))
        add(f'to(dtype={d}) from int32', meth(base['int32'], 'to', dtype=DT(d)))
        add(f'attr dtype {d}', attr(base[d], 'dtype'))
        add(f'type() {d}', meth(base[d], 'type'))
    add('type(dtype)', meth(fl, 'type', DT('float64')))
    add('to cpu', meth(fl, 'to', 'cpu'))
    add('to cuda', meth(fl, 'to', 'cuda'))
    add('to cuda:0', meth(fl, 'to', 'cuda:0'))
    add('to mps', meth(fl, 'to', 'mps'))
    add('to foo', meth(fl, 'to', 'foo'))
    add('to cpu float64', meth(fl, 'to', 'cpu', DT('float64')))
    add('to device kw', meth(fl, 'to', device='cpu', dtype=DT('int32')))
    add('to other tensor', meth(fl, 'to', base['int16']))
    add('cpu()', meth(fl, 'cpu'))
    add('cuda()', meth(fl, 'cuda'))
    add('detach', meth(T([1., 2.], rg=True), 'detach'))
    add('device attr', attr(fl, 'device'))
    add('is_floating_point', meth(fl, 'is_floating_point'))
    add('is_floating_point int', meth(base['int64'], 'is_floating_point'))
    # promotion: every pair, as dim tensors, with a 0-d tensor, with Python scalars
    for a in DTYPES:
        for b in DTYPES:
            add(f'add {a}[4] {b}[4]', meth(base[a], '__add__', base[b]))
            zb = T(True if b == 'bool' else 2, b)
            add(f'mul {a}[4] {b} 0-d', meth(base[a], '__mul__', zb))
        for s in [2, 2.5, True, -1, 300]:
            add(f'add {a}[4] scalar {s}', meth(base[a], '__add__', s))
        add(f'div {a}[4] by 2', meth(base[a], '__truediv__', 2))
        add(f'result_type {a} 2.5', fn('result_type', base[a], 2.5))
        for b in DTYPES:
            add(f'promote_types {a} {b}', fn('promote_types', DT(a), DT(b)))
    add('0-d + 0-d int8 uint8', meth(T(1, 'int8'), '__add__', T(1, 'uint8')))
    add('0-d float64 + 0-d int32', meth(T(1.5, 'float64'), '__add__', T(1, 'int32')))
    add('0-d int64 + 1.5', meth(T(1), '__add__', 1.5))
    add('int32[3] + 0-d float64', meth(T([1, 2, 3], 'int32'), '__add__', T(1.5, 'float64')))
    add('float32[3] + 0-d float64', meth(T([1., 2, 3]), '__add__', T(1.5, 'float64')))
    add('float32[3] + float64[3]', meth(T([1., 2, 3]), '__add__', T([1.5, 1, 1], 'float64')))
    add('get_default_dtype', fn('get_default_dtype'))
    add('float32 + ndarray float64', meth(T([1., 2]), '__add__', ND([1, 2], 'float64')))


def elementwise():
    category('elementwise')
    x = T([[1.5, -2.0, 0.0], [3.25, -0.5, 4.0]])
    xi = T([[1, -2, 0], [3, -5, 4]])
    y = T([2.0, 0.5, -1.0])
    yi = T([2, 3, -1])
    col = T([[2.0], [-3.0]])
    ops = ['__add__', '__sub__', '__mul__', '__truediv__', '__floordiv__', '__mod__', '__pow__', '__eq__', '__ne__',
           '__lt__', '__le__', '__gt__', '__ge__']
    for op in ops:
        for (an, a) in [('f', x), ('i', xi)]:
            for (bn, b) in [('f row', y), ('i row', yi), ('f col', col), ('int', 3), ('float', 0.5), ('neg int', -2), ('bool', True)]:
                add(f'{an} {op} {bn}', meth(a, op, b), tol=F32_TOL if op == '__pow__' else None)
    for op in ['__radd__', '__rsub__', '__rmul__', '__rtruediv__', '__rpow__', '__rfloordiv__', '__rmod__']:
        for s in [2, 1.5]:
            add(f'{op} f {s}', meth(x, op, s), tol=F32_TOL)
            add(f'{op} i {s}', meth(T([1, 2, 3]), op, s), tol=F32_TOL)
    add('broadcast error', meth(T([[1., 2, 3], [4, 5, 6]]), '__add__', T([1., 2, 3, 4])))
    add('broadcast error 2', meth(T([[1., 2, 3], [4, 5, 6]]), '__mul__', T([[1., 2], [3, 4]])))
    add('broadcast error 3d', meth(A(24, shape=[2, 3, 4]), '__add__', A(6, shape=[2, 3])))
    add('broadcast 3d', meth(A(24, shape=[2, 3, 4]), '__add__', A(4, shape=[4])))
    add('broadcast col row', meth(col, '__sub__', y))
    add('int div by zero floor', meth(T([1, 2]), '__floordiv__', 0))
    add('int mod by zero', meth(T([1, 2]), '__mod__', 0))
    add('float floor div by zero', meth(T([1., -2]), '__floordiv__', 0))
    add('float div by zero', meth(T([1., -2, 0]), '__truediv__', 0))
    add('int div by zero', meth(T([1, -2, 0]), '__truediv__', 0))
    add('bool sub bool', meth(T([True]), '__sub__', T([True])))
    add('bool sub int', meth(T([True]), '__sub__', 1))
    add('int rsub bool', meth(T([True]), '__rsub__', 1))
    add('bool neg', meth(T([True]), '__neg__'))
    add('bool add', meth(T([True, False]), '__add__', T([True, True])))
    add('bool mul', meth(T([True, False]), '__mul__', T([True, True])))
    add('bool floordiv', meth(T([True]), '__floordiv__', T([True])))
    add('int pow neg', meth(T([1, 2]), '__pow__', -1))
    add('int pow neg tensor', meth(T([1, 2, -1]), '__pow__', T([-1])))
    add('int pow float', meth(T([1, 2]), '__pow__', 0.5), tol=F32_TOL)
    add('rpow int', meth(T([1, 2]), '__rpow__', 2))
    add('uint8 wrap add', meth(T([250, 3], 'uint8'), '__add__', 10))
    add('uint8 sub wrap', meth(T([1, 2], 'uint8'), '__sub__', 3))
    add('int8 + 300', meth(T([1, 2], 'int8'), '__add__', 300))
    add('and bool', meth(T([True, False]), '__and__', T([True, True])))
    add('or int', meth(T([1, 2]), '__or__', 4))
    add('xor bool', meth(T([True, False]), '__xor__', True))
    add('and float', meth(T([1.]), '__and__', T([1.])))
    add('invert bool', meth(T([True, False]), '__invert__'))
    add('invert int', meth(T([1, -2]), '__invert__'))
    add('abs dunder', meth(xi, '__abs__'))
    add('neg dunder', meth(x, '__neg__'))
    add('pos dunder', meth(x, '__pos__'))
    for name in ['exp', 'log', 'sqrt', 'abs', 'relu', 'sigmoid', 'tanh', 'sin', 'cos', 'neg', 'floor', 'ceil', 'round', 'trunc',
                 'sign', 'square', 'reciprocal', 'rsqrt', 'log2', 'log10', 'log1p', 'expm1', 'isnan', 'isinf', 'isfinite', 'logical_not']:
        for (n, t) in [('f32', x), ('f64', T([[1.5, -2.0, 0.0]], 'float64')), ('i64', xi), ('bool', T([True, False])),
                       ('special', T([float('nan'), float('inf'), -float('inf'), -0.0, 0.5]))]:
            add(f'{name} {n}', fn(name, t), tol=F32_TOL)
        add(f'method {name}', meth(x, name), tol=F32_TOL)
    add('round half even', fn('round', T([0.5, 1.5, 2.5, -0.5, -1.5])))
    for args, kw in [((0.,), {}), ((-1., 1.), {}), ((), {'min': 0.}), ((), {'max': 0}), ((0.5,), {}), ((2., 1.), {}), ((), {}),
                     ((T(0.5),), {}), ((T([0., -1., 0.]), T([1., 1., 2.])), {})]:
        add(f'clamp f {text(enc(list(args)))} {kwtext(kw)}', meth(x, 'clamp', *args, **kw))
        add(f'clamp i {text(enc(list(args)))} {kwtext(kw)}', meth(xi, 'clamp', *args, **kw))
    add('clamp nan', fn('clamp', T([float('nan'), 2.]), 0., 1.))
    add('clip', fn('clip', x, -1, 1))
    add('clamp bool', fn('clamp', T([True]), 0, 1))
    cond = T([[True, False, True], [False, True, False]])
    add('where tensors', fn('where', cond, x, T(0.)))
    add('where int float', fn('where', T([True, False]), T([1, 2]), T([1.5, 2.5])))
    add('where tensor scalar', fn('where', T([True, False]), T([1, 2]), 0.5))
    add('where scalars int', fn('where', T([True, False]), 1, 0))
    add('where scalars float', fn('where', T([True, False]), 1., 0))
    add('where float cond', fn('where', T([1., 0.]), 1., 0))
    add('where broadcast', fn('where', cond, x, y))
    add('where broadcast error', fn('where', cond, x, T([1., 2.])))
    add('where one arg', fn('where', x > 0 if False else cond))
    add('maximum', fn('maximum', x, y))
    add('maximum int float', fn('maximum', T([1, 2]), T([1.5])))
    add('maximum scalar', fn('maximum', T([1, 2]), 1))
    add('minimum nan', fn('minimum', T([float('nan'), 1.]), T([0., 2.])))
    add('torch.add alpha', fn('add', x, y, alpha=2))
    add('torch.sub', fn('sub', x, 1))
    add('torch.div floor', fn('div', T([-7, 7]), 2, rounding_mode='floor'))
    add('torch.div trunc', fn('div', T([-7, 7]), 2, rounding_mode='trunc'))
    add('torch.div trunc float', fn('div', T([-7., 7.]), 2, rounding_mode='trunc'))
    add('torch.mul', fn('mul', xi, 2.5))
    add('torch.pow scalar base', fn('pow', 2, T([1, 2, 3])))
    add('torch.eq', fn('eq', x, y))
    add('torch.gt scalar', fn('gt', x, 0))
    add('atan2', fn('atan2', x, y), tol=F32_TOL)
    # in-place
    for op, v in [('__iadd__', 1), ('__iadd__', 1.5), ('__isub__', T([1., 2, 3])), ('__imul__', T([[2.], [3.]])),
                  ('__itruediv__', 2), ('__iadd__', T([1., 2.])), ('__ipow__', 2), ('__ifloordiv__', 2)]:
        add(f'f32 {op} {text(enc(v))}', meth(x, op, v))
        add(f'i64 {op} {text(enc(v))}', meth(xi, op, v))
    add('iadd float64 into float32', meth(T([1., 2.]), '__iadd__', T([0.5, 1.], 'float64')))
    add('iadd broadcast into smaller', meth(T([1., 2.]), '__iadd__', T([[1., 2.], [3., 4.]])))
    add('int32 itruediv', meth(T([1, 2], 'int32'), '__itruediv__', 2))
    add('bool iadd int', meth(T([True]), '__iadd__', 1))
    add('add_', meth(x, 'add_', 1))
    add('add_ alpha', meth(x, 'add_', y, alpha=-1))
    add('mul_', meth(xi, 'mul_', 2))
    add('mul_ float into int', meth(xi, 'mul_', 1.5))
    add('relu_', meth(x, 'relu_'))
    add('exp_ on int', meth(xi, 'exp_'))
    add('clamp_', meth(x, 'clamp_', 0, 1))
    add('fill_', meth(x, 'fill_', 7))
    add('zero_', meth(xi, 'zero_'))
    add('iadd on leaf requiring grad', meth(T([1., 2.], rg=True), '__iadd__', 1))
    add('masked_fill', meth(x, 'masked_fill', cond, 0.))
    add('allclose', fn('allclose', x, x))
    add('allclose no', fn('allclose', x, T([[1.5, -2.0, 0.0], [3.25, -0.5, 4.1]])))
    add('equal', fn('equal', x, x))
    add('isnan', fn('isnan', T([float('nan'), 1.])))


def reductions():
    category('reduction')
    x = A(24, shape=[2, 3, 4], start=-5, step=0.5)
    xi = A(24, 'int64', shape=[2, 3, 4], start=-7)
    xb = T([[True, False, True], [False, False, True]])
    xt = A(12, shape=[3, 4], view='T')
    ties = T([[3., 1., 3.], [2., 2., 1.]])
    nanx = T([[1., float('nan'), 3.], [2., 5., 4.]])
    e = T([], 'float32', shape=[0, 3])
    for name in ['sum', 'mean', 'prod', 'std', 'var', 'max', 'min', 'argmax', 'argmin', 'amax', 'amin', 'any', 'all']:
        for (tn, t) in [('f32', x), ('i64', xi), ('bool', xb), ('T', xt), ('ties', ties), ('nan', nanx), ('empty', e), ('0-d', T(2.5)),
                        ('f64', A(6, 'float64', shape=[2, 3], start=0.1))]:
            # sum/mean/std/var are exact: the facade computes in torch's order
            # (engine/torch/cascadeSum.ts, engine/torch/variance.ts)
            tol = None if name in ('sum', 'mean', 'std', 'var') else F32_TOL
            add(f'{name} {tn}', meth(t, name), tol=tol)
            for dim in [0, -1, 1, 2, 3, (0, 1), [0, 2], (0, 0), ()]:
                if isinstance(dim, (tuple, list)) and name in ('max', 'min', 'argmax', 'argmin', 'prod', 'any', 'all'):
                    continue
                add(f'{name} {tn} dim={text(enc(dim))}', meth(t, name, dim=dim), tol=tol)
                if dim in (0, 1):
                    add(f'{name} {tn} dim={dim} keepdim', meth(t, name, dim, keepdim=True), tol=tol)
    add('sum dtype', meth(xi, 'sum', dtype=DT('float32')))
    add('sum int8 -> int64', meth(T([100, 100], 'int8'), 'sum'))
    add('prod int8', meth(T([10, 20], 'int8'), 'prod'))
    add('mean dtype', meth(xi, 'mean', dtype=DT('float64')))
    add('std unbiased False', meth(x, 'std', unbiased=False))
    add('std positional False', meth(x, 'std', False))
    add('var dim unbiased', meth(x, 'var', 1, False))
    add('var correction', meth(x, 'var', dim=1, correction=0))
    add('std single', meth(T([1.]), 'std'))
    # exact (no tolerance): torch accumulates float32 var/std in double and rounds once
    add('var f32 rounds once', meth(T([[1., 200., 0.5], [2., 180., 0.7], [3., 220., 0.1], [4., 210., 0.3]]), 'var', dim=1))
    add('std f32 rounds once', meth(T([[1., 200., 0.5], [2., 180., 0.7], [3., 220., 0.1], [4., 210., 0.3]]), 'std', dim=0))
    add('max dim tuple', meth(x, 'max', dim=(0, 1)))
    add('max other', meth(x, 'max', A(4, shape=[4])))
    add('torch.max binary', fn('max', T([1., 5.]), T([3., 2.])))
    add('torch.sum dim', fn('sum', x, 1))
    add('torch.mean keepdim', fn('mean', x, dim=-1, keepdim=True))
    add('torch.argmax keepdim no dim', fn('argmax', x, keepdim=True))
    add('sum dim out of range', meth(T([[1., 2]]), 'sum', dim=2))
    add('0-d sum dim 0', meth(T(5), 'sum', 0))
    add('0-d sum dim 1', meth(T(5), 'sum', 1))
    add('0-d max dim 0', meth(T(5.), 'max', 0))
    add('large sum f32', meth(A(1000, start=0.1, step=0.37), 'sum'))
    add('large mean f32', meth(A(4096, shape=[64, 64], step=0.01), 'mean', 0))


def shapes():
    category('shape')
    x = A(24, shape=[2, 3, 4])
    m = A(6, shape=[2, 3])
    mt = A(6, shape=[3, 2], view='T')
    for shp in [(6, 4), (-1,), (4, -1), (2, -1, 2), (24,), (1, 24), (5, 5), (-1, 5), (-1, -1), (0, -1), (2, 3, 4, 1), (-2, 12)]:
        add(f'view{text(enc(list(shp)))}', meth(x, 'view', *shp))
        add(f'reshape{text(enc(list(shp)))}', meth(x, 'reshape', shp))
    add('view tuple', meth(x, 'view', (4, 6)))
    add('view list', meth(x, 'view', [4, 6]))
    add('view 300', meth(A(300), 'view', 32, 10))
    add('view transposed', meth(mt, 'view', 6))
    add('view transposed ok', meth(mt, 'view', 2, 3))
    add('view permuted compatible', meth(A(24, shape=[2, 3, 4], view={'perm': [0, 2, 1]}), 'view', 2, 12))
    add('view permuted split', meth(A(24, shape=[2, 3, 4], view={'perm': [1, 0, 2]}), 'view', 3, 2, 2, 2))
    add('view stepped', meth(A(12, shape=[6, 2], view={'step0': 2}), 'view', 6))
    add('view stepped ok', meth(A(12, shape=[6, 2], view={'step0': 2}), 'view', 3, 2, 1))
    add('reshape transposed', meth(mt, 'reshape', 6))
    add('reshape transposed view', meth(mt, 'reshape', 2, 3))
    add('view 0-d', meth(T(3.), 'view', 1))
    add('view empty', meth(T([], 'float32', shape=[0, 3]), 'view', -1, 3))
    add('view empty ambiguous', meth(T([], 'float32', shape=[0, 3]), 'view', 0, -1))
    add('view_as', meth(m, 'view_as', A(6, shape=[3, 2])))
    add('reshape_as', meth(mt, 'reshape_as', A(6, shape=[6])))
    for perm in [(0, 1, 2), (2, 0, 1), (1, 0, 2), (-1, 0, 1), (0, 1), (0, 0, 1), (0, 1, 3)]:
        add(f'permute{text(enc(list(perm)))}', meth(x, 'permute', *perm))
    add('permute tuple', meth(x, 'permute', (2, 1, 0)))
    add('torch.permute', fn('permute', x, (1, 2, 0)))
    for d0, d1 in [(0, 1), (0, 2), (-1, -2), (1, 1), (0, 3)]:
        add(f'transpose({d0},{d1})', meth(x, 'transpose', d0, d1))
    add('T 2d', attr(m, 'T'))
    add('T 3d', attr(x, 'T'))
    add('T 1d', attr(A(3), 'T'))
    add('mT', attr(x, 'mT'))
    add('mT 1d', attr(A(3), 'mT'))
    add('t 2d', meth(m, 't'))
    add('t 1d', meth(A(3), 't'))
    add('t 3d', meth(x, 't'))
    for d in [0, 1, 2, 3, -1, -4, 4, -5]:
        add(f'unsqueeze {d}', meth(x, 'unsqueeze', d))
    s = A(6, shape=[1, 2, 1, 3, 1])
    add('squeeze all', meth(s, 'squeeze'))
    for d in [0, 1, 2, -1, 5, -6]:
        add(f'squeeze {d}', meth(s, 'squeeze', d))
    add('squeeze 0-d', meth(T(1.), 'squeeze'))
    add('squeeze 0-d dim', meth(T(1.), 'squeeze', 0))
    for args in [(), (1,), (0, 1), (1, 2), (-2, -1), (2, 1), (0, 5), (1, 1)]:
        add(f'flatten{text(enc(list(args)))}', meth(x, 'flatten', *args))
    add('flatten 0-d', meth(T(1.), 'flatten'))
    add('flatten transposed', meth(mt, 'flatten'))
    add('torch.flatten start_dim', fn('flatten', x, start_dim=1))
    add('contiguous', meth(mt, 'contiguous'))
    add('contiguous already', meth(m, 'contiguous'))
    add('is_contiguous T', meth(mt, 'is_contiguous'))
    add('is_contiguous', meth(m, 'is_contiguous'))
    add('clone', meth(mt, 'clone'))
    e = A(3, shape=[3, 1])
    for sz in [(3, 4), (2, 3, 4), (-1, 2), (3, 1), (4, 4), (4,), (-1, 3, 2)]:
        add(f'expand{text(enc(list(sz)))}', meth(e, 'expand', *sz))
    add('expand_as', meth(e, 'expand_as', A(12, shape=[3, 4])))
    for r in [(2, 1), (1, 2, 1), (2,), (0, 2), (2, 2, 2), (-1, 2), ((3, 1),)]:
        add(f'repeat{text(enc(list(r)))}', meth(m, 'repeat', *r))
    add('repeat rg', meth(A(3, rg=True), 'repeat', 2))
    add('repeat T', meth(mt, 'repeat', 1, 2))
    add('size', meth(x, 'size'))
    for d in [0, -1, 2, 3, -4]:
        add(f'size({d})', meth(x, 'size', d))
    add('size 0-d', meth(T(1.), 'size'))
    add('shape', attr(x, 'shape'))
    add('shape 0-d', attr(T(1.), 'shape'))
    add('dim', meth(x, 'dim'))
    add('ndim', attr(x, 'ndim'))
    add('numel', meth(x, 'numel'))
    add('torch.numel', fn('numel', x))
    add('stride', meth(x, 'stride'))
    add('stride T', meth(mt, 'stride'))
    add('stride dim', meth(x, 'stride', 1))
    add('len', meth(x, '__len__'))
    add('len 0-d', meth(T(1.), '__len__'))
    add('item', meth(T([2.5]), 'item'))
    add('item int', meth(T([[7]]), 'item'))
    add('item bool', meth(T(True), 'item'))
    add('item many', meth(x, 'item'))
    add('tolist', meth(A(4, shape=[2, 2]), 'tolist'))
    add('tolist int', meth(A(4, 'int64', shape=[2, 2]), 'tolist'))
    add('bool 1 elem', meth(T([0.]), '__bool__'))
    add('bool many', meth(x, '__bool__'))
    add('float()', meth(T([[2]]), '__float__'))
    add('int()', meth(T([2.7]), '__int__'))
    add('torch.Size', fn('Size', [2, 3]))
    add('torch.squeeze', fn('squeeze', s))
    add('torch.unsqueeze', fn('unsqueeze', m, 1))
    add('torch.transpose', fn('transpose', m, 0, 1))
    add('torch.reshape', fn('reshape', x, (-1,)))
    add('torch.t', fn('t', m))


def catstack():
    category('cat/stack')
    a, b = A(6, shape=[2, 3]), A(6, shape=[2, 3], start=10)
    c = A(9, shape=[3, 3], start=100)
    d = A(4, shape=[2, 2], start=50)
    for dim in [0, 1, -1, -2, 2]:
        add(f'cat dim {dim}', fn('cat', [a, b], dim))
        add(f'stack dim {dim}', fn('stack', [a, b], dim))
    add('stack dim 3', fn('stack', [a, b], 3))
    add('cat tuple', fn('cat', (a, c)))
    add('cat mismatch', fn('cat', [a, c], dim=1))
    add('cat mismatch dim0', fn('cat', [a, d]))
    add('cat ok dim1', fn('cat', [a, d], dim=1))
    add('cat ndim mismatch', fn('cat', [a, A(3)], dim=1))
    add('cat 1d ndim mismatch', fn('cat', [A(3), a]))
    add('cat empty 1d skipped', fn('cat', [a, T([], 'float32', shape=[0])]))
    add('cat 0-d', fn('cat', [T(1.), T(2.)]))
    add('cat empty list', fn('cat', []))
    add('cat dtype promotion', fn('cat', [a, A(6, 'int64', shape=[2, 3])]))
    add('cat dtype promotion f64', fn('cat', [a, A(6, 'float64', shape=[2, 3])]))
    add('cat three', fn('cat', [a, b, a], dim=1))
    add('cat transposed', fn('cat', [A(6, shape=[3, 2], view='T'), a]))
    add('cat non-tensor', fn('cat', [a, [1, 2]]))
    add('stack mismatch', fn('stack', [A(6, shape=[2, 3]), c]))
    add('stack mismatch 3', fn('stack', [a, b, c]))
    add('stack mismatch last dim', fn('stack', [a, c], dim=2))
    add('stack empty', fn('stack', []))
    add('stack 0-d', fn('stack', [T(1.), T(2.)]))
    add('stack 1d', fn('stack', (A(3), A(3, start=3)), dim=1))
    add('stack dtype', fn('stack', [A(3), A(3, 'int32')]))
    add('concat', fn('concat', [a, b]))


def matmuls():
    category('matmul')
    def M(*shape, dtype='float32', start=0.5, view=None):
        n = 1
        for s in shape:
            n *= s
        return A(n, dtype, shape=list(shape), start=start, step=0.25, view=view)
    shapes = [((3,), (3,)), ((3,), (4,)), ((2, 3), (3,)), ((2, 3), (4,)), ((3,), (3, 2)), ((3,), (4, 2)), ((2, 3), (3, 4)),
              ((64, 784), (128, 10)), ((2, 3), (2, 3)), ((2, 2, 3), (3, 2)), ((2, 2, 3), (4, 2)), ((2, 2, 3), (3,)), ((2, 2, 3), (4,)),
              ((3,), (2, 3, 2)), ((3,), (2, 4, 2)), ((2, 3), (2, 3, 4)), ((2, 3), (2, 4, 2)), ((2, 2, 3), (2, 3, 2)), ((2, 2, 3), (2, 4, 2)),
              ((5, 2, 2, 3), (2, 3, 2)), ((5, 2, 2, 3), (5, 3, 2)), ((1, 2, 3), (5, 3, 2)), ((1, 2, 3), (5, 4, 2)), ((3, 2, 3), (2, 3)),
              ((0, 2, 3), (3, 0)), ((2, 0), (0, 3)), ((2, 2, 3), (3, 2, 2)), ((2, 1, 2, 3), (3, 3, 1)), ((2, 3, 2, 3), (3, 2))]
    for sa, sb in shapes:
        add(f'matmul {sa} @ {sb}', meth(M(*sa), '__matmul__', M(*sb)), tol=F32_TOL)
    add('matmul 0-d', fn('matmul', T(1.), M(3)))
    add('matmul int64', meth(M(2, 3, dtype='int64', start=1), '__matmul__', M(3, 2, dtype='int64', start=1)))
    add('matmul int32', fn('matmul', M(2, 3, dtype='int32'), M(3, 2, dtype='int32')))
    add('matmul int 1d', fn('matmul', M(3, dtype='int64'), M(3, dtype='int64')))
    add('matmul bool', fn('matmul', T([[True, False]]), T([[True], [True]])))
    add('matmul float64', fn('matmul', M(2, 3, dtype='float64'), M(3, 2, dtype='float64')), tol=F64_TOL)
    for sa, sb in [((2, 3), (4, 2)), ((2, 3), (3, 2)), ((2, 3), (4,)), ((2, 3), (3,)), ((3,), (3, 2)), ((3,), (3,)),
                   ((2, 2, 3), (2, 3, 2)), ((2, 2, 3), (3, 2)), ((3, 2), (2, 3, 2))]:
        add(f'matmul f32 {sa} @ f64 {sb}', fn('matmul', M(*sa), M(*sb, dtype='float64')))
        add(f'matmul f64 {sa} @ f32 {sb}', fn('matmul', M(*sa, dtype='float64'), M(*sb)))
    add('matmul f32 @ int64', fn('matmul', M(2, 3), M(3, 2, dtype='int64')))
    add('fold not when transposed', fn('matmul', M(2, 3, 4, view={'perm': [0, 2, 1]}), M(4, 2)))
    add('fold not when transposed ok', fn('matmul', M(2, 3, 4, view={'perm': [0, 2, 1]}), M(3, 2)), tol=F32_TOL)
    add('fold right not when transposed', fn('matmul', M(4, 2), M(2, 3, 4, view={'perm': [0, 2, 1]})))
    add('matmul T operands', fn('matmul', M(3, 2, view='T'), M(4, 3, view='T')), tol=F32_TOL)
    for sa, sb in [((2, 3), (3, 4)), ((2, 3), (4, 2)), ((3,), (3, 1)), ((2, 3), (3,)), ((2, 2, 3), (3, 2))]:
        add(f'mm {sa} {sb}', fn('mm', M(*sa), M(*sb)), tol=F32_TOL)
    add('mm dtype', fn('mm', M(2, 3, dtype='float64'), M(3, 2)))
    add('mm dtype and shape', fn('mm', M(2, 3), M(4, 2, dtype='float64')))
    for sa, sb in [((2, 2, 3), (2, 3, 2)), ((2, 2, 3), (2, 4, 2)), ((2, 2, 3), (3, 3, 2)), ((2, 3), (3, 3, 2)), ((2, 2, 3), (3, 2))]:
        add(f'bmm {sa} {sb}', fn('bmm', M(*sa), M(*sb)), tol=F32_TOL)
    add('bmm dtype', fn('bmm', M(2, 2, 3), M(2, 3, 2, dtype='float64')))
    add('mv', fn('mv', M(2, 3), M(3)), tol=F32_TOL)
    add('mv mismatch', fn('mv', M(2, 3), M(4)))
    add('dot', fn('dot', M(3), M(3)), tol=F32_TOL)
    add('dot 2d', fn('dot', M(2, 3), M(3)))
    add('dot 2d right', fn('dot', M(3), M(3, 1)))
    add('dot dtype', fn('dot', M(3), M(3, dtype='float64')))
    add('method matmul', meth(M(2, 3), 'matmul', M(3, 2)), tol=F32_TOL)
    add('method mm', meth(M(2, 3), 'mm', M(3, 2)), tol=F32_TOL)
    add('tensor @ ndarray', meth(M(2, 3, dtype='float64'), '__matmul__', ND([[1, 2], [3, 4], [5, 6]], 'float64')), tol=F64_TOL)


def indexing():
    category('indexing')
    x = A(12, shape=[3, 4])
    x3 = A(24, shape=[2, 3, 4])
    idx = [0, 1, -1, 3, -4, slice(None), slice(1, None), slice(None, None, 2), slice(None, -1), (0, 1), (1, slice(None)),
           (slice(None), 1), (slice(None), slice(1, 3)), (Ellipsis, 0), (None, 0), (0, None), (Ellipsis,), (), (0, 0, 0),
           (slice(None, None, -1),), (slice(None, None, 0),), 1.5, True, False, None, (1, -1), (slice(1, 2), 0), (0, 1, None),
           [0, 2], [[0, 1], [1, 2]], ([0, 2], [1, 3]), (slice(None), [0, 3]), ([0, 1], slice(None)), [True, False, True],
           (slice(None), [True, False, True, False]), ([0, 5],), ([0, 1], [0, 1, 2]), [-1, -3], ([True, False],)]
    for i in idx:
        add(f'x[{text(enc(i))}]', meth(x, '__getitem__', i))
    for i in [(0, 1, 2), (1, Ellipsis, 2), (Ellipsis, [0, 2]), (0, [0, 2], [1, 3]), (slice(None), [0, 2], slice(1, 3)), ([0, 1], slice(None), [0, 1])]:
        add(f'x3[{text(enc(i))}]', meth(x3, '__getitem__', i))
    mask = T([[True, False, True, False], [False, False, True, True], [True, True, True, True]])
    add('mask 2d', meth(x, '__getitem__', mask))
    add('mask 1d', meth(x, '__getitem__', T([True, False, True])))
    add('mask wrong', meth(x, '__getitem__', T([True, False])))
    add('mask wrong 2', meth(x, '__getitem__', (slice(None), T([True, False]))))
    add('mask wrong 2d', meth(x, '__getitem__', T([[True, False], [False, True]])))
    add('uint8 mask', meth(x, '__getitem__', T([1, 0, 1], 'uint8')))
    add('long index tensor', meth(x, '__getitem__', T([2, 0, 2])))
    add('long index 0-d tensor', meth(x, '__getitem__', T(1)))
    add('long index 2d', meth(x, '__getitem__', T([[0], [2]])))
    add('int32 index tensor', meth(x, '__getitem__', T([0, 1], 'int32')))
    add('float index tensor', meth(x, '__getitem__', T([0., 1.])))
    add('index oob tensor', meth(x, '__getitem__', T([0, 7])))
    add('index pair tensors', meth(x, '__getitem__', (T([0, 2]), T([1, 3]))))
    add('index from comparison', meth(x, '__getitem__', mask))
    add('T indexing', meth(A(12, shape=[4, 3], view='T'), '__getitem__', (slice(None), 1)))
    add('rg select', meth(A(6, shape=[2, 3], rg=True), '__getitem__', 0))
    add('rg select scalar', meth(A(6, shape=[2, 3], rg=True), '__getitem__', (0, 1)))
    add('rg slice', meth(A(6, shape=[2, 3], rg=True), '__getitem__', (slice(None), slice(1, None))))
    add('rg fancy', meth(A(6, shape=[2, 3], rg=True), '__getitem__', [0, 1]))
    add('rg slice then select', meth(A(6, shape=[2, 3], rg=True), '__getitem__', (slice(1, None), 0)))
    add('rg newaxis', meth(A(6, shape=[2, 3], rg=True), '__getitem__', None))
    add('rg full slice', meth(A(6, shape=[2, 3], rg=True), '__getitem__', slice(None)))
    add('rg ellipsis', meth(A(6, shape=[2, 3], rg=True), '__getitem__', Ellipsis))


def setitems():
    category('setitem')
    def X():
        return A(12, shape=[3, 4])
    def XI():
        return A(12, 'int64', shape=[3, 4])
    for idx, val in [(0, 7), ((1, 2), -1.5), (slice(None), 0), ((slice(None), 1), T([9., 8., 7.])), (0, T([1., 2., 3., 4.])),
                     (0, T([1., 2.])), ([0, 2], 5), (([0, 2], [1, 3]), T([10., 20.])), (T([True, False, True]), 0),
                     ((Ellipsis, 0), T([[1.], [2.], [3.]])), (None, 1), ((slice(None), [0, 1]), T([[1., 2.]])), (5, 0),
                     ((slice(None), slice(None, None, 2)), T([1, 2])), (0, T([1, 2, 3, 4], 'float64')), (0, 2.5),
                     ((slice(None), [0, 1]), T([1., 2., 3.])), (1, [1, 2, 3, 4]), (1.5, 0)]:
        add(f'f32[{text(enc(idx))}] = {text(enc(val))}', {'setitem': X().j, 'index': enc(idx), 'value': enc(val)})
        add(f'i64[{text(enc(idx))}] = {text(enc(val))}', {'setitem': XI().j, 'index': enc(idx), 'value': enc(val)})
    add('mask from comparison', {'setitem': X().j, 'index': meth(X(), '__gt__', 5), 'value': 0})
    add('leaf requiring grad', {'setitem': A(3, rg=True).j, 'index': 0, 'value': 1})
    add('rg value into plain', {'setitem': A(3).j, 'index': 0, 'value': enc(T(5., rg=True))})
    add('bool tensor', {'setitem': T([True, False]).j, 'index': 1, 'value': True})
    add('T view', {'setitem': A(6, shape=[3, 2], view='T').j, 'index': enc((0, slice(None))), 'value': 9})


def modes():
    category('modes')
    p = A(6, shape=[2, 3], start=-1, step=0.4, rg=True)
    add('no_grad add', {'nograd': meth(p, '__add__', 1)})
    add('no_grad matmul', {'nograd': fn('matmul', p, A(3))})
    add('no_grad Linear', {'nograd': fwd(MOD('Linear', 3, 2, params={'weight': A(6, shape=[2, 3]), 'bias': T([0., 1.])}), A(3))})
    add('no_grad iadd leaf', {'nograd': meth(p, '__iadd__', 1)})
    vals = A(24, shape=[4, 6], start=-2, step=0.123)
    for opts in [{'precision': 2}, {'precision': 6}, {'sci_mode': True}, {'sci_mode': False}, {'threshold': 5}, {'edgeitems': 1, 'threshold': 5},
                 {'linewidth': 40}, {'profile': 'short'}, {'profile': 'full'}, {'precision': 0}]:
        add(f'printoptions {kwtext(opts)}', {'printopts': opts, 'call': meth(vals, '__mul__', 1)})
        add(f'printoptions {kwtext(opts)} small', {'printopts': opts, 'call': fn('tensor', [1e-5, 123.25, -7.5])})
        add(f'printoptions {kwtext(opts)} int', {'printopts': opts, 'call': fn('arange', 30)})
    lin = MOD('Linear', 3, 2, params={'weight': A(6, shape=[2, 3], step=0.1), 'bias': T([0., 1.])})
    for name in ['weight', 'bias', 'in_features', 'out_features']:
        add(f'Linear.{name}', {'modattr': lin.j, 'name': name})
    conv = MOD('Conv2d', 2, 4, 3, stride=2, padding=1)
    for name in ['in_channels', 'out_channels', 'kernel_size', 'stride', 'padding']:
        add(f'Conv2d.{name}', {'modattr': conv.j, 'name': name})
    add('Conv2d.weight.shape', attr(In({'modattr': conv.j, 'name': 'weight'}), 'shape'))
    add('Linear no bias .bias', {'modattr': MOD('Linear', 3, 2, bias=False).j, 'name': 'bias'})
    add('Sequential parameters shapes', {'modmethod': MOD('Sequential', lin, MOD('ReLU'), MOD('Linear', 2, 1, params={'weight': T([[1., -1.]]), 'bias': T([0.5])})).j,
                                         'name': 'parameters', 'args': []})


def printing():
    category('printing')
    vals = [
        [1., 2.], [1.5, 2.25], [0.1, 0.2, 0.3], [1e-5, 1.], [1e-4, 1.], [1e8, 1.], [1e9, 1.], [123456789., 1.], [1000., 1.],
        [1001., 1.], [0.001, 1.], [0.0001234, 0.5], [-1., 2.5], [float('nan'), 1.], [float('inf'), 1.5], [float('nan'), 1.5],
        [float('-inf'), 2.], [0., 0.], [-0., 1.], [-0., 1.5], [0.5, -0.25], [3.14159265, 2.71828], [1e10, 1e-10],
        [12345.678, 0.001], [100., 200.], [1e20, 1.], [-1e-5, 1e5], [0.00005, 0.5], [0.03125, 1.5], [2.5, 3.5], [5e-5],
        [1.0], [float('nan')], [float('inf')], [0.0], [], [123.456], [-123.456, 0.001], [99999.5, 0.5], [1e-8, 1e-9],
        [[1., 2.], [3., 4.5]], [[1e-5, 2.], [3., 4.]], [[[1., 2.], [3., 4.]], [[5., 6.], [7., 8.]]],
    ]
    for v in vals:
        add(f'repr f32 {text(enc(v))}', fn('tensor', v))
        add(f'repr f64 {text(enc(v))}', fn('tensor', v, dtype=DT('float64')))
    for v in [[0, 1, 2], [-1, 10, -100], [2**40, 1], [True, False], [True], 5, -3, True, [[1, 2], [3, 4]], [[True, False], [False, True]]]:
        add(f'repr int {text(enc(v))}', fn('tensor', v))
    for d in DTYPES:
        add(f'repr dtype {d}', fn('tensor', [1, 0, 2], dtype=DT(d)))
        add(f'repr empty {d}', fn('zeros', 0, dtype=DT(d)))
        add(f'repr empty 2d {d}', fn('zeros', 2, 0, dtype=DT(d)))
        add(f'repr 0-d {d}', fn('tensor', 1, dtype=DT(d)))
    add('repr empty 3d', fn('zeros', 0, 2, 3))
    for n in [10, 20, 40, 100, 999, 1000, 1001, 2000]:
        add(f'repr arange {n}', fn('arange', n))
        add(f'repr arange float {n}', fn('arange', float(n)))
        add(f'repr arange f64 {n}', fn('arange', n, dtype=DT('float64')))
        add(f'repr arange scaled {n}', meth(A(n, start=0.1, step=0.3), '__mul__', 1))
    for shp in [(40, 30), (2, 500), (500, 2), (10, 10, 11), (3, 4, 5, 6), (1, 1, 1), (7, 7), (4, 25), (1001,)]:
        n = 1
        for s in shp:
            n *= s
        add(f'repr shape {shp}', meth(A(n, start=-3.5, step=0.25), 'view', *shp))
        add(f'repr int shape {shp}', meth(A(n, 'int64', start=-50), 'view', *shp))
    add('repr long row wrap', fn('tensor', [0.123456 * i for i in range(30)]))
    add('repr long int row wrap', fn('tensor', list(range(0, 3000, 100))))
    add('repr long row f64 suffix', fn('tensor', [1.5 * i for i in range(10)], dtype=DT('float64')))
    add('repr suffix wrap', fn('tensor', [[1.5 * i for i in range(7)]], dtype=DT('float64')))
    add('repr suffix wrap 2', fn('tensor', [1.123 * i for i in range(12)], dtype=DT('float64')))
    add('repr requires_grad', fn('tensor', [1.5, 2.], requires_grad=True))
    add('repr requires_grad f64', fn('tensor', [[1.5, 2.] * 5], dtype=DT('float64'), requires_grad=True))
    add('repr sci big ints', fn('tensor', [1e12, 3.]))
    add('repr sci negatives', fn('tensor', [-1e-7, 1e3]))
    add('repr mixed widths', fn('tensor', [[-1000.5, 2.], [3., 0.001]]))
    add('repr T view', meth(A(6, shape=[3, 2], view='T'), '__mul__', 1))
    add('repr Size', fn('Size', [2, 3]))
    add('repr Size empty', fn('Size', []))
    add('repr Size 1', fn('Size', [5]))
    add('repr device', fn('device', 'cpu'))
    add('repr return_types', meth(A(6, shape=[2, 3]), 'max', 1))
    add('repr return_types keepdim', meth(A(6, 'int64', shape=[2, 3]), 'min', 0, keepdim=True))


def nn_functional():
    category('nn.functional')
    x = A(12, shape=[3, 4], start=-3, step=0.7)
    x3 = A(24, shape=[2, 3, 4], start=-3, step=0.3)
    for dim in [0, 1, -1, 2, None]:
        add(f'softmax dim={dim}', fn('nn.functional.softmax', x, dim=dim), tol=F32_TOL)
        add(f'log_softmax dim={dim}', fn('nn.functional.log_softmax', x, dim=dim), tol=F32_TOL)
        add(f'softmax 3d dim={dim}', fn('nn.functional.softmax', x3, dim=dim), tol=F32_TOL)
    add('softmax 1d implicit', fn('nn.functional.softmax', A(4)), tol=F32_TOL)
    add('softmax int', fn('nn.functional.softmax', T([1, 2, 3]), dim=0))
    add('softmax int dim0 of 2d', fn('nn.functional.softmax', T([[1, 2, 3]]), dim=0))
    add('log_softmax int', fn('nn.functional.log_softmax', T([1, 2, 3]), dim=0))
    add('softmax dtype', fn('nn.functional.softmax', T([1, 2, 3]), dim=0, dtype=DT('float64')), tol=F64_TOL)
    add('softmax big', fn('nn.functional.softmax', T([1000., 1001.]), dim=0), tol=F32_TOL)
    add('softmax -inf', fn('nn.functional.softmax', T([float('-inf'), 0.]), dim=0), tol=F32_TOL)
    add('tensor.softmax', meth(x, 'softmax', 1), tol=F32_TOL)
    add('torch.softmax', fn('softmax', x, 0), tol=F32_TOL)
    add('relu', fn('nn.functional.relu', x))
    add('relu int', fn('nn.functional.relu', T([-1, 2])))
    add('sigmoid', fn('sigmoid', x), tol=F32_TOL)
    add('tanh', fn('nn.functional.tanh', x), tol=F32_TOL)
    logits = A(12, shape=[4, 3], start=-1.5, step=0.35)
    for tgt in [[0, 1, 2, 1], [0, 1, 2, 3], [0, 1, 2, -1], [2, 2, 2, 2], [0, 1, 2]]:
        add(f'cross_entropy {tgt}', fn('nn.functional.cross_entropy', logits, T(tgt)), tol=F32_TOL)
    add('cross_entropy float target', fn('nn.functional.cross_entropy', logits, T([0., 1., 2., 1.])))
    add('cross_entropy int32 target', fn('nn.functional.cross_entropy', logits, T([0, 1, 2, 1], 'int32')))
    add('cross_entropy 2d target', fn('nn.functional.cross_entropy', logits, T([[0, 1, 2, 1]])))
    add('cross_entropy 1d input', fn('nn.functional.cross_entropy', A(4), T(1)), tol=F32_TOL)
    add('cross_entropy 1d input bad', fn('nn.functional.cross_entropy', A(4), T(5)))
    add('cross_entropy prob target', fn('nn.functional.cross_entropy', logits, fn_softmax_target()), tol=F32_TOL)
    add('cross_entropy prob target int', fn('nn.functional.cross_entropy', logits, A(12, 'int64', shape=[4, 3])))
    add('cross_entropy sum', fn('nn.functional.cross_entropy', logits, T([0, 1, 2, 1]), reduction='sum'), tol=F32_TOL)
    add('cross_entropy none', fn('nn.functional.cross_entropy', logits, T([0, 1, 2, 1]), reduction='none'), tol=F32_TOL)
    add('cross_entropy bad reduction', fn('nn.functional.cross_entropy', logits, T([0, 1, 2, 1]), reduction='avg'))
    add('cross_entropy ignore_index', fn('nn.functional.cross_entropy', logits, T([0, -100, 2, 1])), tol=F32_TOL)
    add('cross_entropy ignore all', fn('nn.functional.cross_entropy', logits, T([-100, -100, -100, -100])))
    add('cross_entropy weight', fn('nn.functional.cross_entropy', logits, T([0, 1, 2, 1]), weight=T([1., 2., 0.5])), tol=F32_TOL)
    add('cross_entropy f64', fn('nn.functional.cross_entropy', A(12, 'float64', shape=[4, 3], step=0.1), T([0, 1, 2, 1])), tol=F64_TOL)
    add('cross_entropy int input', fn('nn.functional.cross_entropy', T([[1, 2], [3, 4]]), T([0, 1])))
    add('cross_entropy rg', fn('nn.functional.cross_entropy', A(12, shape=[4, 3], rg=True), T([0, 1, 2, 1])), tol=F32_TOL)
    add('nll_loss', fn('nn.functional.nll_loss', logits, T([0, 1, 2, 1])))
    add('nll_loss exact', fn('nn.functional.nll_loss', T([[-0.5, -1.25], [-2., -0.75]]), T([0, 1])))
    add('mse_loss', fn('nn.functional.mse_loss', logits, A(12, shape=[4, 3], step=0.1)))
    add('mse_loss sum', fn('nn.functional.mse_loss', logits, A(12, shape=[4, 3]), reduction='sum'))
    add('mse_loss none', fn('nn.functional.mse_loss', logits, A(12, shape=[4, 3]), reduction='none'))
    add('mse_loss broadcast', fn('nn.functional.mse_loss', logits, A(3)))
    add('mse_loss broadcast error', fn('nn.functional.mse_loss', logits, A(8, shape=[4, 2])))
    add('mse_loss int target', fn('nn.functional.mse_loss', logits, A(12, 'int64', shape=[4, 3])))
    add('mse_loss f64 target', fn('nn.functional.mse_loss', logits, A(12, 'float64', shape=[4, 3])))
    add('mse_loss rg', fn('nn.functional.mse_loss', A(3, rg=True), A(3, start=1)))
    # exact: mse_loss is the unreduced loss's mean()/sum() (torch's cascade order); nll_loss sums
    # a batch with its own 8-level cascade, in the input's dtype
    for name, kw in [('mse_loss', {}), ('nll_loss', {}), ('nll_loss', {'reduction': 'sum'})]:
        for n in [17, 300, 5000]:
            x = A(n * 7, shape=[n, 7], start=-3.3, step=0.00731)
            other = T([(i * 5 + i // 7) % 7 for i in range(n)]) if name == 'nll_loss' else A(n * 7, shape=[n, 7], start=1.1, step=-0.00417)
            add(f'{name} large {n} {kwtext(kw)}', fn(f'nn.functional.{name}', x, other, **kw))
    add('nll_loss large weight', fn('nn.functional.nll_loss', A(700, shape=[100, 7], start=-2, step=0.0113),
                                     T([(i * 3) % 7 for i in range(100)]), weight=A(7, start=0.3, step=0.21)))
    add('nll_loss large ignore', fn('nn.functional.nll_loss', A(700, shape=[100, 7], start=-2, step=0.0113),
                                     T([-100 if i % 9 == 0 else i % 7 for i in range(100)])))
    w = A(6, shape=[2, 3], start=-1, step=0.4)
    b = T([0.5, -0.5])
    for shp in [[4, 3], [3], [2, 4, 3], [5, 2, 4, 3], [4, 5], [5], [2, 4, 5]]:
        n = 1
        for s in shp:
            n *= s
        add(f'linear {shp}', fn('nn.functional.linear', A(n, shape=shp, step=0.1), w, b), tol=F32_TOL)
        add(f'linear no bias {shp}', fn('nn.functional.linear', A(n, shape=shp, step=0.1), w), tol=F32_TOL)
    add('linear f64 input', fn('nn.functional.linear', A(12, 'float64', shape=[4, 3]), w, b))
    add('linear f64 input 1d', fn('nn.functional.linear', A(3, 'float64'), w, b))
    add('linear f64 input nobias', fn('nn.functional.linear', A(12, 'float64', shape=[4, 3]), w))
    add('linear f64 wrong shape', fn('nn.functional.linear', A(8, 'float64', shape=[4, 2]), w, b))
    add('linear rg', fn('nn.functional.linear', A(6, shape=[2, 3]), A(6, shape=[2, 3], rg=True), T([0.5, -0.5], rg=True)), tol=F32_TOL)
    add('linear rg 1d', fn('nn.functional.linear', A(3), A(6, shape=[2, 3], rg=True), T([0.5, -0.5], rg=True)), tol=F32_TOL)
    add('linear rg 3d', fn('nn.functional.linear', A(12, shape=[2, 2, 3]), A(6, shape=[2, 3], rg=True), T([0.5, -0.5], rg=True)), tol=F32_TOL)
    add('linear rg 4d', fn('nn.functional.linear', A(24, shape=[2, 2, 2, 3]), A(6, shape=[2, 3], rg=True), T([0.5, -0.5], rg=True)), tol=F32_TOL)
    cw = A(54, shape=[2, 3, 3, 3], start=-1, step=0.05)
    cb = T([0.1, -0.2])
    img = A(75, shape=[1, 3, 5, 5], step=0.1)
    for kw in [{}, {'stride': 2}, {'padding': 1}, {'padding': (1, 2)}, {'dilation': 2}, {'stride': (2, 1), 'padding': 1}, {'padding': 'same'},
               {'padding': 'valid'}, {'padding': 3}, {'stride': 0}]:
        add(f'conv2d {kwtext(kw)}', fn('nn.functional.conv2d', img, cw, cb, **kw), tol=F32_TOL)
    add('conv2d no bias', fn('nn.functional.conv2d', img, cw), tol=F32_TOL)
    add('conv2d unbatched', fn('nn.functional.conv2d', A(75, shape=[3, 5, 5]), cw, cb), tol=F32_TOL)
    add('conv2d 2d input', fn('nn.functional.conv2d', A(25, shape=[5, 5]), cw, cb))
    add('conv2d channels', fn('nn.functional.conv2d', A(100, shape=[1, 4, 5, 5]), cw, cb))
    add('conv2d channels unbatched', fn('nn.functional.conv2d', A(100, shape=[4, 5, 5]), cw, cb))
    add('conv2d too small', fn('nn.functional.conv2d', A(12, shape=[1, 3, 2, 2]), cw, cb))
    add('conv2d f64 input', fn('nn.functional.conv2d', A(75, 'float64', shape=[1, 3, 5, 5]), cw, cb))
    add('conv2d f64 input no bias', fn('nn.functional.conv2d', A(75, 'float64', shape=[1, 3, 5, 5]), cw))
    add('conv2d f64 wrong channels', fn('nn.functional.conv2d', A(100, 'float64', shape=[1, 4, 5, 5]), cw, cb))
    add('conv2d groups', fn('nn.functional.conv2d', A(64, shape=[1, 4, 4, 4], step=0.1), A(36, shape=[2, 2, 3, 3], step=0.1), groups=2), tol=F32_TOL)
    add('conv2d bias shape', fn('nn.functional.conv2d', img, cw, T([1., 2., 3.])))
    add('conv2d rg', fn('nn.functional.conv2d', img, A(54, shape=[2, 3, 3, 3], rg=True)), tol=F32_TOL)
    pim = A(50, shape=[1, 2, 5, 5], start=-10, step=0.7)
    for args, kw in [((2,), {}), ((2, 1), {}), ((3,), {'stride': 2, 'padding': 1}), ((3,), {'stride': 2, 'padding': 2}), ((2,), {'ceil_mode': True}),
                     ((3,), {'stride': 2, 'ceil_mode': True}), ((2,), {'dilation': 2}), (((2, 3),), {}), ((2,), {'padding': 1}), ((5,), {}),
                     ((6,), {})]:
        add(f'max_pool2d {text(enc(list(args)))} {kwtext(kw)}', fn('nn.functional.max_pool2d', pim, *args, **kw))
    add('max_pool2d 3d', fn('nn.functional.max_pool2d', A(50, shape=[2, 5, 5]), 2))
    add('max_pool2d 2d', fn('nn.functional.max_pool2d', A(25, shape=[5, 5]), 2))
    add('max_pool2d too small', fn('nn.functional.max_pool2d', A(3, shape=[1, 3, 1, 1]), 2))
    add('max_pool2d nan', fn('nn.functional.max_pool2d', T([[[1., float('nan')], [3., 4.]]]), 2))
    add('max_pool2d int', fn('nn.functional.max_pool2d', A(16, 'int64', shape=[1, 4, 4]), 2))
    add('max_pool2d rg', fn('nn.functional.max_pool2d', A(16, shape=[1, 4, 4], rg=True), 2))
    add('max_pool2d return_indices', fn('nn.functional.max_pool2d', A(16, shape=[1, 4, 4], start=5, step=-1), 2, return_indices=True))
    for args in [(T([0, 2, 1]),), (T([0, 2, 1]), 4), (T([[0], [1]]), 3), (T([0, 3]), 3), (T([0., 1.]),), (T([-1, 1]),), (T([], 'int64', shape=[0]),)]:
        add(f'one_hot {text(enc(list(args)))}', fn('nn.functional.one_hot', *args))
    add('dropout eval', fn('nn.functional.dropout', x, 0.5, False))
    add('dropout p=0', fn('nn.functional.dropout', x, 0.))
    add('dropout p bad', fn('nn.functional.dropout', x, 1.5))
    add('dropout train', fn('nn.functional.dropout', x, 0.5), check='meta')


def fn_softmax_target():
    t = torch.softmax(torch.arange(12, dtype=torch.float32).reshape(4, 3) * 0.3, 1)
    return T(t)


def nn_modules():
    category('nn')
    for name, args, kw in [('Linear', (784, 128), {}), ('Linear', (3, 2), {'bias': False}), ('ReLU', (), {}), ('ReLU', (), {'inplace': True}),
                           ('Sigmoid', (), {}), ('Tanh', (), {}), ('Softmax', (), {'dim': 1}), ('Softmax', (), {}), ('LogSoftmax', (1,), {}),
                           ('Flatten', (), {}), ('Flatten', (0, 2), {}), ('Dropout', (), {}), ('Dropout', (0.25,), {}), ('Identity', (), {}),
                           ('Conv2d', (1, 6, 5), {}), ('Conv2d', (1, 6, 5), {'stride': 2, 'padding': 1}), ('Conv2d', (1, 6, (3, 5)), {'bias': False}),
                           ('Conv2d', (3, 8, 3), {'padding': 'same'}), ('Conv2d', (4, 8, 3), {'groups': 2, 'dilation': 2}),
                           ('MaxPool2d', (2,), {}), ('MaxPool2d', (2, 1), {}), ('MaxPool2d', ((2, 3),), {'padding': 1, 'ceil_mode': True}),
                           ('CrossEntropyLoss', (), {}), ('MSELoss', (), {}), ('NLLLoss', (), {})]:
        add(f'repr {name}{text(enc(list(args)))} {kwtext(kw)}', {'repr': MOD(name, *args, **kw).j})
    seq = MOD('Sequential', MOD('Linear', 784, 128), MOD('ReLU'), MOD('Linear', 128, 10))
    add('repr Sequential', {'repr': seq.j})
    add('repr nested Sequential', {'repr': MOD('Sequential', MOD('Conv2d', 1, 4, 3), MOD('Sequential', MOD('ReLU'), MOD('MaxPool2d', 2)), MOD('Flatten')).j})
    add('repr empty Sequential', {'repr': MOD('Sequential').j})
    # forward with fixed parameters
    W1 = A(12, shape=[4, 3], start=-1, step=0.17)
    b1 = A(4, start=-0.2, step=0.1)
    W2 = A(8, shape=[2, 4], start=0.5, step=-0.13)
    b2 = T([0.05, -0.05])
    lin1 = lambda: MOD('Linear', 3, 4, params={'weight': W1, 'bias': b1})
    lin2 = lambda: MOD('Linear', 4, 2, params={'weight': W2, 'bias': b2})
    x = A(15, shape=[5, 3], start=-2, step=0.3)
    add('Linear forward', fwd(lin1(), x), tol=F32_TOL)
    add('Linear forward 1d', fwd(lin1(), A(3)), tol=F32_TOL)
    add('Linear forward 3d', fwd(lin1(), A(30, shape=[2, 5, 3])), tol=F32_TOL)
    add('Linear forward wrong', fwd(lin1(), A(20, shape=[5, 4])))
    add('Linear forward wrong 3d', fwd(lin1(), A(40, shape=[2, 5, 4])))
    add('Linear forward f64', fwd(lin1(), A(15, 'float64', shape=[5, 3])))
    add('Linear forward int', fwd(lin1(), A(15, 'int64', shape=[5, 3])))
    add('Linear no bias forward', fwd(MOD('Linear', 3, 4, bias=False, params={'weight': W1}), x), tol=F32_TOL)
    add('Sequential forward', fwd(MOD('Sequential', lin1(), MOD('ReLU'), lin2()), x), tol=F32_TOL)
    add('Sequential forward softmax', fwd(MOD('Sequential', lin1(), MOD('Tanh'), lin2(), MOD('Softmax', dim=1)), x), tol=F32_TOL)
    add('Sequential forward mismatch', fwd(MOD('Sequential', lin1(), MOD('ReLU'), lin1()), x))
    add('ReLU forward', fwd(MOD('ReLU'), x))
    add('Sigmoid forward', fwd(MOD('Sigmoid'), x), tol=F32_TOL)
    add('Softmax forward', fwd(MOD('Softmax', dim=0), x), tol=F32_TOL)
    add('LogSoftmax forward', fwd(MOD('LogSoftmax', dim=1), x), tol=F32_TOL)
    add('Flatten forward', fwd(MOD('Flatten'), A(24, shape=[2, 3, 4])))
    add('Flatten forward 1d', fwd(MOD('Flatten'), A(4)))
    add('Flatten forward 0 2', fwd(MOD('Flatten', 0, 2), A(24, shape=[2, 3, 4])))
    add('Dropout eval-free p=0', fwd(MOD('Dropout', 0.), x))
    add('Identity forward', fwd(MOD('Identity'), x))
    CW = A(2 * 1 * 3 * 3, shape=[2, 1, 3, 3], start=-0.4, step=0.05)
    CB = T([0.1, -0.1])
    conv = lambda **kw: MOD('Conv2d', 1, 2, 3, params={'weight': CW, 'bias': CB}, **kw)
    img = A(2 * 1 * 6 * 6, shape=[2, 1, 6, 6], start=-1, step=0.03)
    add('Conv2d forward', fwd(conv(), img), tol=F32_TOL)
    add('Conv2d forward stride pad', fwd(conv(stride=2, padding=1), img), tol=F32_TOL)
    add('Conv2d forward same', fwd(conv(padding='same'), img), tol=F32_TOL)
    add('Conv2d forward unbatched', fwd(conv(), A(36, shape=[1, 6, 6])), tol=F32_TOL)
    add('Conv2d forward channels', fwd(conv(), A(72, shape=[1, 2, 6, 6])))
    add('Conv2d forward small', fwd(conv(), A(4, shape=[1, 1, 2, 2])))
    add('Conv2d forward 2d', fwd(conv(), A(36, shape=[6, 6])))
    add('MaxPool2d forward', fwd(MOD('MaxPool2d', 2), img))
    add('MaxPool2d forward 3', fwd(MOD('MaxPool2d', 3, stride=2, padding=1), img))
    add('CNN forward', fwd(MOD('Sequential', conv(), MOD('ReLU'), MOD('MaxPool2d', 2), MOD('Flatten'),
                               MOD('Linear', 8, 3, params={'weight': A(24, shape=[3, 8], start=-0.5, step=0.04), 'bias': T([0., 0.1, 0.2])})), img), tol=F32_TOL)
    add('CNN forward wrong flatten', fwd(MOD('Sequential', conv(), MOD('ReLU'), MOD('MaxPool2d', 2), MOD('Flatten'),
                                         MOD('Linear', 10, 3, params={'weight': A(30, shape=[3, 10]), 'bias': T([0., 0.1, 0.2])})), img))
    add('CrossEntropyLoss forward', fwd(MOD('CrossEntropyLoss'), A(12, shape=[4, 3], step=0.2), T([0, 1, 2, 1])), tol=F32_TOL)
    add('CrossEntropyLoss forward bad', fwd(MOD('CrossEntropyLoss'), A(12, shape=[4, 3], step=0.2), T([0, 1, 2])))
    add('MSELoss forward', fwd(MOD('MSELoss'), A(12, shape=[4, 3], step=0.2), A(12, shape=[4, 3])), tol=F32_TOL)
    add('Parameter repr', {'repr': T([1., 2.], param=True).j})
    add('nn.Parameter', fn('nn.Parameter', A(3)))
    add('nn.Parameter int', fn('nn.Parameter', A(3, 'int64')))
    add('param + 1', meth(T([1., 2.], param=True), '__add__', 1))
    add('param numpy', meth(T([1., 2.], param=True), 'numpy'))
    add('param detach numpy', {'method': 'numpy', 'self': {'method': 'detach', 'self': T([1., 2.], param=True).j, 'args': [], 'kwargs': {}}, 'args': [], 'kwargs': {}})


def autograd_flags():
    category('grad_fn')
    p = A(6, shape=[2, 3], start=-1, step=0.4, rg=True)
    ops = [('add', meth(p, '__add__', 1)), ('radd', meth(p, '__radd__', 1)), ('sub', meth(p, '__sub__', 1)), ('rsub', meth(p, '__rsub__', 1)),
           ('mul', meth(p, '__mul__', 2)), ('div', meth(p, '__truediv__', 2)), ('rdiv', meth(p, '__rtruediv__', 2)), ('pow', meth(p, '__pow__', 2)),
           ('rpow', meth(p, '__rpow__', 2)), ('neg', meth(p, '__neg__')), ('exp', meth(p, 'exp')), ('sum', meth(p, 'sum')), ('sum dim', meth(p, 'sum', 0)),
           ('mean', meth(p, 'mean')), ('mean dim', meth(p, 'mean', 1)), ('max', meth(p, 'max')), ('std', meth(p, 'std')), ('var dim', meth(p, 'var', 0)),
           ('view', meth(p, 'view', -1)), ('reshape', meth(p, 'reshape', -1)), ('reshape copy', {'method': 'reshape', 'self': meth(p, 't'), 'args': [-1], 'kwargs': {}}),
           ('permute', meth(p, 'permute', 1, 0)), ('transpose', meth(p, 'transpose', 0, 1)), ('T', attr(p, 'T')), ('t', meth(p, 't')),
           ('unsqueeze', meth(p, 'unsqueeze', 0)), ('squeeze', meth(p, 'squeeze')), ('squeeze dim', meth(p, 'squeeze', 0)), ('flatten', meth(p, 'flatten')),
           ('contiguous', {'method': 'contiguous', 'self': meth(p, 't'), 'args': [], 'kwargs': {}}), ('clone', meth(p, 'clone')),
           ('cat', fn('cat', [p, p])), ('stack', fn('stack', [p, p])), ('mm', fn('mm', p, A(6, shape=[3, 2]))), ('mv', fn('matmul', p, A(3))),
           ('dot', fn('dot', A(3, rg=True), A(3))), ('bmm', fn('bmm', A(12, shape=[2, 2, 3], rg=True), A(12, shape=[2, 3, 2]))),
           ('matmul fold', fn('matmul', A(12, shape=[2, 2, 3], rg=True), A(6, shape=[3, 2]))), ('matmul 1d@2d', fn('matmul', A(3, rg=True), A(6, shape=[3, 2]))),
           ('softmax', fn('softmax', p, 1)), ('relu', meth(p, 'relu')), ('sigmoid', meth(p, 'sigmoid')), ('tanh', meth(p, 'tanh')),
           ('clamp', meth(p, 'clamp', 0, 1)), ('abs', meth(p, 'abs')), ('where', fn('where', T([True, False, True]), p, 0.)), ('maximum', fn('maximum', p, A(3))),
           ('double', meth(p, 'double')), ('float', meth(p, 'float')), ('to f64', meth(p, 'to', DT('float64'))), ('detach', meth(p, 'detach')),
           ('expand', {'method': 'expand', 'self': meth(p, '__getitem__', (slice(None), slice(None, 1))), 'args': [2, 4], 'kwargs': {}}),
           ('argmax', meth(p, 'argmax')), ('eq', meth(p, '__eq__', 0)), ('long', meth(p, 'long')), ('is_leaf', attr(p, 'is_leaf')),
           ('requires_grad', attr(p, 'requires_grad')), ('grad', attr(p, 'grad')), ('numpy', meth(p, 'numpy')), ('item', meth(p, 'sum')),
           ('no-grad leaf is_leaf', attr(A(3), 'is_leaf')), ('mul tensor', meth(p, '__mul__', A(3))), ('rg int', meth(A(3, 'int64'), 'requires_grad_'))]
    for name, call in ops:
        add(name, call, tol=F32_TOL)


def main():
    creation()
    dtypes()
    elementwise()
    reductions()
    shapes()
    catstack()
    matmuls()
    indexing()
    setitems()
    modes()
    printing()
    nn_functional()
    nn_modules()
    autograd_flags()
    with open(OUT, 'w') as f:
        json.dump({'torch': torch.__version__, 'cases': CASES}, f, indent=None, separators=(',', ':'))
        f.write('\n')
    cats = {}
    for c in CASES:
        k = c['id'].split(':')[0]
        cats[k] = cats.get(k, 0) + 1
    print(f'{len(CASES)} cases -> {os.path.relpath(OUT, ROOT)}', cats, file=sys.stderr)


if __name__ == '__main__':
    main()
