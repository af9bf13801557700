"""Regression fixtures for reductions, argmax/argmin and boolean-mask get/set on strided views
(reversed, sliced, transposed), answered by real NumPy 1.24. The float data has widely varying
exponents, so any change in the order of additions (NumPy's pairwise blocks, its buffered
iterator's 8192-element chunks across row ends, its outer-axis order) changes the last bits.

Inputs are not stored: they come from a 32-bit xorshift that test/engine/viewReductions.test.ts
reproduces exactly (each input carries probe values to prove it did). Expected results use the
differential fixtures' encoding (test/engine/fixtureCodec.ts: JSON numbers are exact doubles,
non-finite floats are strings), and are compared bit for bit with dtype and shape.
Run: /usr/bin/python3 tools/gen_view_reduction_fixtures.py  (writes test/fixtures/view_reductions.json)"""
import json
import math
import sys

import numpy as np

from gen_engine_fixtures import float_json  # the fixtures' float encoding: NaN/inf as strings

MASK32 = 0xFFFFFFFF


def xorshift(seed):
    s = seed & MASK32
    while True:
        s ^= (s << 13) & MASK32
        s ^= s >> 17
        s ^= (s << 5) & MASK32
        yield s


def values(kind, seed, n):
    """The input formulas; the TS test has the same ones (keep them in step)."""
    r = xorshift(seed)
    out = np.empty(n, dtype=np.float64)
    for i in range(n):
        if kind == 'wide':  # sign * 53-bit mantissa * 2**(-20..19): widely varying exponents
            a, b, c = next(r), next(r), next(r)
            mant = (a >> 5) * 67108864 + (b >> 6)
            out[i] = (-1.0 if c & 1 else 1.0) * math.ldexp(mant, (c >> 1) % 40 - 20 - 53)
        elif kind == 'near1':  # 1 +- up to 1/64: products neither overflow nor underflow
            a, b = next(r), next(r)
            out[i] = 1.0 + (-1.0 if b & 1 else 1.0) * math.ldexp(a, -38)
        elif kind == 'ties':  # small integers: argmax/argmin ties
            out[i] = float(next(r) % 7)
        elif kind == 'tiesnan':  # ties plus about one NaN in 50
            a = next(r)
            out[i] = math.nan if a % 50 == 0 else float((a >> 8) % 7)
        elif kind == 'ints':
            out[i] = float(next(r) % 11) - 5.0
        elif kind == 'mask':
            out[i] = float(next(r) % 3 == 0)
        else:
            raise ValueError(kind)
    return out


def item_json(x):
    if isinstance(x, bool):
        return x
    if isinstance(x, int):
        assert abs(x) <= 2 ** 53
        return x
    return float_json(x)


def enc_result(r):
    if isinstance(r, np.ndarray):
        return {'type': 'ndarray', 'dtype': str(r.dtype), 'shape': list(r.shape),
                'data': [item_json(t) for t in r.ravel().tolist()], 'str': None, 'repr': None}
    assert isinstance(r, np.generic), type(r)
    return {'type': 'scalar', 'dtype': str(r.dtype), 'value': item_json(r.item()), 'str': str(r), 'repr': repr(r)}


inputs = {}


def make_input(name, kind, seed, shape, dtype):
    n = int(np.prod(shape))
    x = values(kind, seed, n).astype(dtype).reshape(shape)
    if name not in inputs:
        step = max(1, n // 64)
        inputs[name] = {'kind': kind, 'seed': seed, 'shape': list(shape), 'dtype': dtype,
                        'probes': [[i, item_json(x.flat[i].item())] for i in range(0, n, step)]}
    return x


def apply_view(x, view):
    """view: list of steps, each {"index": [slices...]} (slice = [start, stop, step]) or {"transpose": perm}."""
    for step in view:
        if 'transpose' in step:
            x = x.transpose(step['transpose'])
        else:
            x = x[tuple(slice(*s) for s in step['index'])]
    return x


def sl(start=None, stop=None, step=None):
    return [start, stop, step]


cases = []


def reduce_case(inp, x, view, vname, op, axis, kwargs=None):
    kwargs = kwargs or {}
    v = apply_view(x, view)
    r = getattr(v, op)(axis=axis, **kwargs)
    ax = list(axis) if isinstance(axis, tuple) else axis
    kw = ''.join(f' {k}={val}' for k, val in kwargs.items())
    cases.append({'id': f'{inp}{vname}.{op}(axis={axis}{kw})', 'input': inp, 'view': view, 'call': 'method',
                  'method': op, 'axis': ax, 'kwargs': kwargs, 'expected': enc_result(r)})


REV = [{'index': [sl(step=-1)]}]
STEP2 = [{'index': [sl(step=2)]}]
COLREV = [{'index': [sl(), sl(step=-1)]}]
REV_COL3 = [{'index': [sl(step=-1), sl(step=3)]}]
INNER = [{'index': [sl(1, -1), sl(3, None)]}]
T2 = [{'transpose': [1, 0]}]
VIEWS_2D = [('[::-1]', REV), ('[::2]', STEP2), ('[:, ::-1]', COLREV), ('[::-1, ::3]', REV_COL3),
            ('[1:-1, 3:]', INNER), ('.T', T2), ('', [])]
VIEWS_3D = [('.transpose(2,0,1)', [{'transpose': [2, 0, 1]}]), ('.transpose(1,0,2)', [{'transpose': [1, 0, 2]}]),
            ('[:, ::2]', [{'index': [sl(), sl(step=2)]}]), ('[::-1]', REV),
            ('[:, :, ::-1]', [{'index': [sl(), sl(), sl(step=-1)]}]),
            ('[::2, :, 1:]', [{'index': [sl(step=2), sl(), sl(1, None)]}]), ('', [])]
FLOAT_OPS = [('sum', {}), ('mean', {}), ('var', {}), ('var', {'ddof': 1}), ('std', {}), ('std', {'ddof': 1}),
             ('max', {}), ('min', {})]

for dt, tag in [('float64', 'f8'), ('float32', 'f4')]:
    # 2-d (300, 100): 30000 elements, several 8192-element chunks across row ends.
    name = f'wide{tag}_300x100'
    x = make_input(name, 'wide', 11 if dt == 'float64' else 12, (300, 100), dt)
    for vname, view in VIEWS_2D:
        for op, kw in FLOAT_OPS:
            reduce_case(name, x, view, vname, op, None, kw)
        for axis in [(0, 1), 0, 1]:
            reduce_case(name, x, view, vname, 'sum', axis)
            reduce_case(name, x, view, vname, 'var', axis, {'ddof': 1})
    name = f'near1{tag}_300x100'
    x = make_input(name, 'near1', 21 if dt == 'float64' else 22, (300, 100), dt)
    for vname, view in VIEWS_2D:
        for axis in [None, 0, 1]:
            reduce_case(name, x, view, vname, 'prod', axis)
    # 1-d (100000,): reversed and strided.
    name = f'wide{tag}_100000'
    x = make_input(name, 'wide', 31 if dt == 'float64' else 32, (100000,), dt)
    for vname, view in [('[::-1]', REV), ('[::3]', [{'index': [sl(step=3)]}]), ('[5:-7]', [{'index': [sl(5, -7)]}])]:
        for op, kw in [('sum', {}), ('mean', {}), ('std', {'ddof': 1})]:
            reduce_case(name, x, view, vname, op, None, kw)
    # 3-d (64, 40, 50): 128000 elements.
    name = f'wide{tag}_64x40x50'
    x = make_input(name, 'wide', 41 if dt == 'float64' else 42, (64, 40, 50), dt)
    for vname, view in VIEWS_3D:
        for axis in [(1, 2), (0, 2), (0, 1), None]:
            reduce_case(name, x, view, vname, 'sum', axis)
            reduce_case(name, x, view, vname, 'mean', axis)
        for axis in [(1, 2), (0, 2), (0, 1)]:
            for op, kw in [('var', {}), ('std', {'ddof': 1}), ('max', {}), ('min', {})]:
                reduce_case(name, x, view, vname, op, axis, kw)
    name = f'near1{tag}_64x40x50'
    x = make_input(name, 'near1', 51 if dt == 'float64' else 52, (64, 40, 50), dt)
    for vname, view in VIEWS_3D[:4]:
        for axis in [(1, 2), (0, 2), (0, 1)]:
            reduce_case(name, x, view, vname, 'prod', axis)

# argmax / argmin: ties (first index wins) and NaN (first NaN wins), ints too.
for kind, dt, seed in [('ties', 'float64', 61), ('tiesnan', 'float64', 62), ('tiesnan', 'float32', 63),
                       ('ints', 'int64', 64), ('ints', 'int32', 65)]:
    name = f'{kind}_{dt}_300x100'
    x = make_input(name, kind, seed, (300, 100), dt)
    for vname, view in [('', []), ('[::-1]', REV), ('.T', T2), ('[:, ::-1]', COLREV), ('[::-1, ::3]', REV_COL3)]:
        for op in ['argmax', 'argmin']:
            for axis in [1, 0, None]:
                reduce_case(name, x, view, vname, op, axis)
    name = f'{kind}_{dt}_20x30x40'
    x = make_input(name, kind, seed + 100, (20, 30, 40), dt)
    for vname, view in [('', []), ('.transpose(2,0,1)', [{'transpose': [2, 0, 1]}]), ('[:, ::2]', [{'index': [sl(), sl(step=2)]}])]:
        for op in ['argmax', 'argmin']:
            for axis in [0, 1, 2]:
                reduce_case(name, x, view, vname, op, axis)


# Boolean masks. A mask is {"cmp": op, "value": v} (a comparison of the view itself, as in
# x[x > 0.5]) or {"input": name} (a stored 0/1 input cast to bool).
def mask_of(m, v):
    if 'cmp' in m:
        return {'>': np.greater, '<': np.less}[m['cmp']](v, m['value'])
    return make_input(m['input'], 'mask', m['seed'], m['shape'], 'float64').astype(bool)


def mask_id(m):
    return f"x {m['cmp']} {m['value']}" if 'cmp' in m else f"mask{tuple(m['shape'])}"


def get_case(inp, x, view, vname, m):
    v = apply_view(x, view)
    r = v[mask_of(m, v)]
    cases.append({'id': f'{inp}{vname}[{mask_id(m)}]', 'input': inp, 'view': view, 'call': 'getmask', 'mask': m,
                  'expected': enc_result(r)})


def set_case(inp, x, view, vname, m, value):
    """value: a number, or {"input": name, ...} of a stored input (the right length or a row)."""
    base = x.copy()
    v = apply_view(base, view)
    mk = mask_of(m, v)
    if isinstance(value, dict):
        val = make_input(value['input'], value['kind'], value['seed'], value['shape'], value['dtype'])
        vid = f"{value['input']}"
    else:
        val = value
        vid = repr(value)
    v[mk] = val
    cases.append({'id': f'{inp}{vname}[{mask_id(m)}] = {vid}', 'input': inp, 'view': view, 'call': 'setmask',
                  'mask': m, 'value': value, 'expected': enc_result(base)})


for dt, tag, seed in [('float64', 'f8', 71), ('float32', 'f4', 72), ('int64', 'i8', 73)]:
    kind = 'ints' if dt == 'int64' else 'wide'
    thr = 2 if dt == 'int64' else 0.5
    name = f'mask{tag}_32x50'
    x = make_input(name, kind, seed, (32, 50), dt)
    rows = {'input': 'rows32', 'seed': 81, 'shape': [32]}
    m2 = {'input': 'm32x50', 'seed': 82, 'shape': [32, 50]}
    for vname, view in [('', []), ('.T', T2), ('[::-1]', REV), ('[:, ::2]', [{'index': [sl(), sl(step=2)]}])]:
        get_case(name, x, view, vname, {'cmp': '>', 'value': thr})
        get_case(name, x, view, vname, {'cmp': '<', 'value': 0})
    get_case(name, x, [], '', rows)
    get_case(name, x, [], '', m2)
    get_case(name, x, T2, '.T', {'input': 'rows50', 'seed': 83, 'shape': [50]})
    for vname, view in [('', []), ('.T', T2), ('[::-1]', REV)]:
        set_case(name, x, view, vname, {'cmp': '<', 'value': 0}, 0)
        v = apply_view(x, view)
        count = int(np.count_nonzero(v > thr))
        set_case(name, x, view, vname, {'cmp': '>', 'value': thr},
                 {'input': f'val{tag}_{count}', 'kind': kind, 'seed': 90 + count % 7, 'shape': [count], 'dtype': dt})
    nrows = int(np.count_nonzero(mask_of(rows, x)))
    set_case(name, x, [], '', rows, {'input': f'row{tag}_50', 'kind': kind, 'seed': 84, 'shape': [50], 'dtype': dt})
    set_case(name, x, [], '', rows, {'input': f'rows{tag}_{nrows}x50', 'kind': kind, 'seed': 85,
                                     'shape': [nrows, 50], 'dtype': dt})
    set_case(name, x, [], '', m2, -1)
    # 3-d with a 2-d mask over the leading axes and an N-d comparison mask.
    name3 = f'mask{tag}_10x12x20'
    x3 = make_input(name3, kind, seed + 10, (10, 12, 20), dt)
    get_case(name3, x3, [], '', {'input': 'm10x12', 'seed': 86, 'shape': [10, 12]})
    get_case(name3, x3, [], '', {'cmp': '>', 'value': thr})
    get_case(name3, x3, [{'transpose': [2, 0, 1]}], '.transpose(2,0,1)', {'cmp': '>', 'value': thr})
    set_case(name3, x3, [], '', {'cmp': '<', 'value': 0}, 0)
    set_case(name3, x3, [{'index': [sl(step=-1)]}], '[::-1]', {'input': 'm10x12', 'seed': 86, 'shape': [10, 12]}, 7)

ids = [c['id'] for c in cases]
assert len(ids) == len(set(ids)), [i for i in ids if ids.count(i) > 1][:5]
with open('test/fixtures/view_reductions.json', 'w') as f:
    json.dump({'numpy': np.__version__, 'inputs': inputs, 'cases': cases}, f, separators=(',', ':'))
print(len(cases), 'cases,', len(inputs), 'inputs', file=sys.stderr)
