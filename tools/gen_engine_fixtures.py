#!/usr/bin/python3
"""Differential fixtures for the engine: real NumPy 1.24 evaluates a table of calls, and the
expected results land in test/fixtures/engine/<category>.json, which
test/engine/differential.test.ts replays through engine/pycall.ts. Run with Debian's NumPy:
`/usr/bin/python3 tools/gen_engine_fixtures.py`. Tests never run this; they read the JSON.
It does not decide what is right: every expected value, str/repr and error text is NumPy's.

Case and value formats are documented in test/engine/fixtureCodec.ts (the TS decoder). Every
call is evaluated from its JSON spec after decoding it here (dec), so NumPy sees exactly the
arguments the engine will see. Choices where the brief left room:
  * Python operators (`a + b`, `2 - a`, `-a`, `a == b`) are method calls of the dunder
    (`{"method": "__rsub__", "self": a, "args": [2]}`), which is what Python does.
  * `iop` is Python's augmented assignment to the letter: `A op= V` is
    `A = A.__iop__(V)`; `A[I] op= V` is `t = A[I]; t = t.__iop__(V); A[I] = t`. When `A[I]` is
    a NumPy scalar (no `__iop__`), `t op V` is the ufunc call (np.add etc.), as in Python.
  * `{"npscalar": v, "dtype": d}` decodes to an NpScalar in TS (what the interpreter passes
    back after `s = a.sum()`); 0-d arrays are `{"nd": v, "dtype": d}`.
  * `{"nd": ...}` may carry `"shape"` (only for size-0 arrays, whose nested list loses the
    shape: then "nd" is []). Data items in "nd" and in expected data are JSON numbers/bools,
    with "nan", "inf", "-inf" strings for non-finite floats; -0.0 is written as -0.0.
  * Python floats in arguments are bare JSON numbers when finite and non-integral (JSON/JS
    reads them back as non-integers, i.e. Python floats), else `{"float": 2.0}` / "nan"...
    A Python float result is `{"type": "py", "value": {"float": x}}` (e.g. linspace retstep).
  * A tuple result whose items are all Python ints/bools/str/None is `{"type": "py",
    "value": {"tuple": [...]}}`; any other tuple is `{"type": "tuple", "items": [...]}`.
  * np.empty/np.empty_like: values are uninitialised, so a non-empty result has
    `"data": null, "str": null, "repr": null` (compare dtype and shape only).
  * Views on inputs are basic indexing only (ints, slices, None, Ellipsis) or "T", so the TS
    codec builds them itself; codec/views.json holds NumPy's shape/strides/data of each one.
  * The engine stores int64/uint64 in float64 (exact to 2**53), so no input or result here
    leaves that range: cases whose 64-bit results would are dropped (reported), and data for
    uint64 avoids wraparound. Float->int casts of nan/inf or out-of-int32-range values are
    undefined in C and not generated; negative float -> uint8/16/32 and 300.0 -> int8 are,
    and record what this x86-64 build of NumPy does.
  * Results with dtypes the engine does not hold (float16, complex, object) are dropped and
    counted; warnings are silenced (NumPy's integer division by zero gives 0, etc.).
  * Tolerance: "tol": "ulpN" on transcendental ufuncs, float power, and reductions of
    non-dyadic float data (NumPy sums pairwise). Other float reductions use dyadic data on
    power-of-two lengths so that any summation order gives NumPy's bits.
"""

import json
import math
import operator
import os
import sys
import warnings

import numpy as np

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..')
OUT = os.path.join(ROOT, 'test', 'fixtures', 'engine')

BOOL = ['bool']
SIGNED = ['int8', 'int16', 'int32', 'int64']
UNSIGNED = ['uint8', 'uint16', 'uint32', 'uint64']
INTS = SIGNED + UNSIGNED
FLOATS = ['float32', 'float64']
ALL = BOOL + INTS + FLOATS
SUPPORTED = set(ALL)
SAFE = 2 ** 53
TRANSCENDENTAL = {'exp', 'log', 'log2', 'log10', 'log1p', 'expm1', 'sin', 'cos', 'tan', 'arctan',
                  'tanh', 'sinh', 'cosh'}
ULP = 'ulp4'


class Skip(Exception):
    """The case cannot be expressed for the engine (dtype it lacks, int64 beyond 2**53)."""


class View:
    """An input array seen through `base.T` or `base[index]` (basic indexing only)."""

    def __init__(self, base, spec):
        self.base, self.spec = base, spec


# ---- encoding Python values as JSON arguments ---------------------------------------------

def float_json(v):
    v = float(v)
    if math.isnan(v):
        return 'nan'
    if math.isinf(v):
        return 'inf' if v > 0 else '-inf'
    return v


def data_json(x):
    """Nested lists from tolist() with non-finite floats as strings."""
    if isinstance(x, list):
        return [data_json(i) for i in x]
    if isinstance(x, bool):
        return x
    if isinstance(x, int):
        if abs(x) > SAFE:
            raise Skip(f'64-bit value {x} beyond 2**53')
        return x
    if isinstance(x, float):
        return float_json(x)
    raise TypeError(f'unexpected data item {x!r}')


def enc_nd(a):
    if str(a.dtype) not in SUPPORTED:
        raise TypeError(f'input dtype {a.dtype}')
    out = {'nd': data_json(a.tolist()) if a.size else [], 'dtype': str(a.dtype)}
    if a.size == 0:
        out['shape'] = list(a.shape)
    return out


def enc(x):
    if isinstance(x, View):
        d = enc_nd(x.base)
        d['view'] = 'T' if x.spec == 'T' else enc(x.spec)
        return d
    if isinstance(x, np.ndarray):
        return enc_nd(x)
    if isinstance(x, np.generic):
        return {'npscalar': data_json(x.item()), 'dtype': str(x.dtype)}
    if x is None or isinstance(x, (bool, str)):
        return x
    if isinstance(x, int):
        assert abs(x) <= SAFE, x
        return x
    if isinstance(x, float):
        return x if math.isfinite(x) and not x.is_integer() else {'float': float_json(x)}
    if isinstance(x, tuple):
        return {'tuple': [enc(i) for i in x]}
    if isinstance(x, list):
        return [enc(i) for i in x]
    if isinstance(x, slice):
        return {'slice': [x.start, x.stop, x.step]}
    if x is Ellipsis:
        return {'ellipsis': True}
    raise TypeError(f'cannot encode {x!r}')


# ---- decoding (the same rules as test/engine/fixtureCodec.ts) ----------------------------

VIEWS = {}  # JSON of each view argument -> NumPy's view, for codec/views.json


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
        return j  # int, float (non-integral), bool, None, str
    if 'nd' in j:
        a = np.array(dec_data(j['nd']), dtype=j['dtype'])
        if 'shape' in j:
            a = a.reshape(j['shape'])
        if 'view' in j:
            v = a.T if j['view'] == 'T' else a[dec(j['view'])]
            assert isinstance(v, np.ndarray) and np.shares_memory(v, a) or v.size == 0, j
            VIEWS.setdefault(json.dumps(j, sort_keys=True), (j, v.copy(), v.strides))
            a = v
        return a
    if 'npscalar' in j:
        return np.dtype(j['dtype']).type(dec_data(j['npscalar']))
    if 'float' in j:
        return float(j['float'])
    if 'tuple' in j:
        return tuple(dec(i) for i in j['tuple'])
    if 'slice' in j:
        return slice(*j['slice'])
    if 'ellipsis' in j:
        return Ellipsis
    raise ValueError(f'bad arg {j!r}')


# ---- call specs ----------------------------------------------------------------------------

def fn(name, *args, **kwargs):
    return {'fn': name, 'args': [enc(a) for a in args], 'kwargs': {k: enc(v) for k, v in kwargs.items()}}


def meth(self, name, *args, **kwargs):
    return {'method': name, 'self': enc(self), 'args': [enc(a) for a in args],
            'kwargs': {k: enc(v) for k, v in kwargs.items()}}


def attr(self, name):
    return {'attr': name, 'self': enc(self)}


def getitem(a, index):
    return {'getitem': enc(a), 'index': enc(index)}


def setitem(a, index, value):
    return {'setitem': enc(a), 'index': enc(index), 'value': enc(value)}


def setitem_view(a, view, index, value):
    return {'setitem_view': enc(a), 'view': enc(view), 'index': enc(index), 'value': enc(value)}


def iop(op, a, index, value):
    return {'iop': op, 'self': enc(a), 'index': None if index is None else enc(index), 'value': enc(value)}


IOPS = {'+=': operator.iadd, '-=': operator.isub, '*=': operator.imul, '/=': operator.itruediv,
        '//=': operator.ifloordiv, '%=': operator.imod, '**=': operator.ipow}


def prepare(call):
    """Decodes the call's arguments (harness work, must not fail) and returns the NumPy thunk."""
    kw = lambda: {k: dec(v) for k, v in call['kwargs'].items()}  # noqa: E731
    if 'fn' in call:
        f, args, kwargs = getattr(np, call['fn']), dec(call['args']), kw()
        return lambda: f(*args, **kwargs)
    if 'method' in call:
        self, args, kwargs = dec(call['self']), dec(call['args']), kw()
        return lambda: getattr(self, call['method'])(*args, **kwargs)
    if 'attr' in call:
        self = dec(call['self'])
        return lambda: getattr(self, call['attr'])
    if 'getitem' in call:
        a, idx = dec(call['getitem']), dec(call['index'])
        return lambda: a[idx]
    if 'setitem' in call:
        a, idx, value = dec(call['setitem']), dec(call['index']), dec(call['value'])

        def run():
            a[idx] = value
            return a
        return run
    if 'setitem_view' in call:
        a, view, idx, value = dec(call['setitem_view']), dec(call['view']), dec(call['index']), dec(call['value'])

        def run():
            v = a[view]
            v[idx] = value
            return a
        return run
    if 'iop' in call:
        a, f, value = dec(call['self']), IOPS[call['iop']], dec(call['value'])
        idx = None if call['index'] is None else dec(call['index'])

        def run():
            if idx is None:
                return f(a, value)  # `a op= v` rebinds a to the result of __iop__, which is a
            t = a[idx]
            t = f(t, value)
            a[idx] = t
            return a
        return run
    raise ValueError(call)


# ---- encoding results ----------------------------------------------------------------------

ERROR_NAMES = ['ZeroDivisionError', 'IndexError', 'KeyError', 'TypeError', 'ValueError', 'OverflowError',
               'MemoryError', 'RuntimeError', 'NotImplementedError']


def error_type(e):
    if isinstance(e, np.AxisError):
        return 'AxisError'
    for t in type(e).__mro__:
        if t.__module__ == 'builtins' and t.__name__ in ERROR_NAMES:
            return t.__name__
    raise TypeError(f'unmapped exception {type(e)}: {e}')


def check_dtype(dt):
    if str(dt) not in SUPPORTED:
        raise Skip(f'dtype {dt}')


def flat_data(a):
    return data_json(np.ascontiguousarray(a).reshape(-1).tolist())


def is_py(x):
    if x is None or isinstance(x, (bool, int, str)):
        return True
    return isinstance(x, tuple) and all(is_py(i) for i in x)


def py_json(x):
    if isinstance(x, tuple):
        return {'tuple': [py_json(i) for i in x]}
    if isinstance(x, int) and not isinstance(x, bool):
        assert abs(x) <= SAFE, x
    return x


def enc_result(r, values=True):
    if isinstance(r, np.ndarray):
        check_dtype(r.dtype)
        out = {'type': 'ndarray', 'dtype': str(r.dtype), 'shape': list(r.shape), 'data': flat_data(r),
               'str': str(r), 'repr': repr(r)}
        if not values and r.size:
            out.update(data=None, str=None, repr=None)
        return out
    if isinstance(r, np.generic):
        check_dtype(r.dtype)
        return {'type': 'scalar', 'dtype': str(r.dtype), 'value': data_json(r.item()), 'str': str(r), 'repr': repr(r)}
    if isinstance(r, np.dtype):
        check_dtype(r)
        return {'type': 'py', 'value': str(r)}
    if is_py(r):
        return {'type': 'py', 'value': py_json(r)}
    if isinstance(r, float):
        return {'type': 'py', 'value': {'float': float_json(r)}}
    if isinstance(r, tuple):
        return {'type': 'tuple', 'items': [enc_result(i, values) for i in r]}
    if isinstance(r, list):
        return {'type': 'list', 'items': [enc_result(i, values) for i in r]}
    raise TypeError(f'cannot encode result {type(r)}: {r!r}')


# ---- categories ----------------------------------------------------------------------------

class Category:
    def __init__(self, name):
        self.name, self.cases, self.ids, self.skipped = name, [], set(), []

    def add(self, id_, call, tol=None, values=True):
        base, n = id_, 2
        while id_ in self.ids:
            id_, n = f'{base} #{n}', n + 1
        json.dumps(call, allow_nan=False)
        run = prepare(call)
        try:
            try:
                result = run()
            except Exception as e:  # noqa: BLE001 — every NumPy error is an expected result
                expected = {'type': 'error', 'pyType': error_type(e), 'message': str(e)}
            else:
                expected = enc_result(result, values)
        except Skip as s:
            self.skipped.append(f'{id_}: {s}')
            return
        self.ids.add(id_)
        case = {'id': id_, 'call': call, 'expected': expected}
        if tol:
            case['tol'] = tol
        self.cases.append(case)

    def add_enc(self, id_, build, tol=None, values=True):
        """For builders that may meet unencodable inputs (64-bit values past 2**53)."""
        try:
            call = build()
        except Skip as s:
            self.skipped.append(f'{id_}: {s}')
            return
        self.add(id_, call, tol, values)


def shp(shape):
    return '(' + ','.join(str(d) for d in shape) + (',)' if len(shape) == 1 else ')')


def sample(dtype, shape, seed, kind='small'):
    """Deterministic data: small ints, bools, or dyadic floats (k/4) whose sums are exact."""
    r = np.random.RandomState(seed)
    if dtype == 'bool':
        return r.rand(*shape) < 0.5
    if dtype in SIGNED:
        return r.randint(-9, 10, size=shape).astype(dtype)
    if dtype in UNSIGNED:
        return r.randint(0, 19, size=shape).astype(dtype)
    if kind == 'real':
        return np.round(r.randn(*shape) * 3, 3).astype(dtype)
    if kind == 'uniform':
        return r.rand(*shape).astype(dtype)
    return (r.randint(-40, 41, size=shape) / 4).astype(dtype)


NAN, INF = float('nan'), float('inf')

SPECIAL = {
    'bool': [True, False, True, False],
    'int8': [-128, -7, -1, 0, 1, 7, 127],
    'int16': [-32768, -300, -1, 0, 1, 300, 32767],
    'int32': [-2 ** 31, -70000, -1, 0, 1, 70000, 2 ** 31 - 1],
    'int64': [-2 ** 40, -70000, -1, 0, 1, 70000, 2 ** 40],
    'uint8': [0, 1, 7, 128, 255],
    'uint16': [0, 1, 300, 32768, 65535],
    'uint32': [0, 1, 70000, 2 ** 31, 2 ** 32 - 1],
    'uint64': [0, 1, 70000, 2 ** 32, 2 ** 40],
    'float32': [0.0, -0.0, 1.0, -1.0, 2.5, -2.5, 0.1, -3.75, 1e-3, 7.0, 1e30, NAN, INF, -INF],
    'float64': [0.0, -0.0, 1.0, -1.0, 2.5, -2.5, 0.1, -3.75, 1e-3, 7.0, 1e300, NAN, INF, -INF],
}


def special(dtype):
    return np.array(SPECIAL[dtype], dtype=dtype)


# ---- creation ------------------------------------------------------------------------------

def gen_creation(c):
    lists = {
        'ints 2x2': [[1, 2], [3, 4]],
        'ints 1-D with negatives': [1, -2, 3],
        'int and float': [1, 2.5, -3],
        'int and bool': [1, True, False],
        'bools': [True, False, True],
        'bool and float': [True, 0.5],
        'integral floats': [1.0, 2.0],
        'nan inf -0.0': [NAN, INF, -INF, -0.0],
        '3-D': [[[1, 2]], [[3, 4]]],
        'empty list': [],
        'list of empty lists': [[], []],
        'int scalar': 5,
        'float scalar': 2.5,
        'bool scalar': True,
        '-0.0 scalar': -0.0,
        'big int': [2 ** 40, 1],
        'beyond int32': [-2 ** 31 - 1, 0],
        'ragged 1 then 2': [[1], [2, 3]],
        'ragged list and scalar': [[1, 2], 3],
        'ragged depth 3': [[[1, 2], [3]], [[4, 5], [6, 7]]],
        'tuple of lists': ([1, 2], [3, 4]),
    }
    for name, lst in lists.items():
        c.add(f'array/{name}', fn('array', lst))
    conv = {
        'small ints': [[0, 1], [2, 3]],
        'negatives': [-1, 0, 1],
        'floats to truncate': [1.7, -1.7, 2.5, -0.5],
        'bools': [True, False],
        'out of range 300': [300, 1],
    }
    for dt in ALL:
        for name, lst in conv.items():
            c.add(f'array/{name} dtype={dt}', fn('array', lst, dtype=dt))
    c.add('array/nan to int32', fn('array', [NAN], dtype='int32'))
    c.add('array/1e300 to float32', fn('array', [1e300, -1e300, 1e-50], dtype='float32'))
    c.add('array/dtype alias float', fn('array', [1, 2], dtype='float'))
    c.add('array/dtype alias i4', fn('array', [1, 2], dtype='i4'))
    c.add('array/dtype alias f4', fn('array', [1, 2], dtype='f4'))
    c.add('array/dtype alias ?', fn('array', [0, 2], dtype='?'))
    c.add('array/bad dtype', fn('array', [1, 2], dtype='foo'))
    a23 = sample('int32', (2, 3), 1)
    b23 = sample('float64', (2, 3), 2)
    c.add('array/list of arrays', fn('array', [a23, a23]))
    c.add('array/list of arrays mixed dtype', fn('array', [a23, b23]))
    c.add('array/list of arrays ragged', fn('array', [sample('int32', (2,), 1), sample('int32', (3,), 1)]))
    c.add('array/array and list rows', fn('array', [sample('int64', (3,), 3), [1, 2, 3]]))
    c.add('array/copy of transposed view', fn('array', View(a23, 'T')))
    c.add('array/copy of view with dtype', fn('array', View(b23, (slice(None), slice(None, None, 2))), dtype='int32'))
    c.add('array/0-d array', fn('array', np.array(3.5)))
    c.add('asarray/list', fn('asarray', [[1, 2], [3, 4]]))
    c.add('asarray/array with dtype', fn('asarray', a23, dtype='float32'))
    c.add('asarray/view', fn('asarray', View(a23, 'T')))

    shapes = [3, (2, 3), (), (0,), (2, 0, 3), [2, 2], (1, 1, 2)]
    for f in ['zeros', 'ones']:
        for s in shapes:
            c.add(f'{f}/shape {s!r}', fn(f, s))
        for dt in ALL:
            c.add(f'{f}/(2,3) dtype={dt}', fn(f, (2, 3), dtype=dt))
        c.add(f'{f}/negative dim', fn(f, -1))
        c.add(f'{f}/negative dim in tuple', fn(f, (2, -1)))
        c.add(f'{f}/float shape', fn(f, 2.5))
        c.add(f'{f}/float in shape tuple', fn(f, (2, 3.0)))
        c.add(f'{f}/bad dtype', fn(f, 3, dtype='foo'))
    for s in [(0,), (2, 0), 0]:
        c.add(f'empty/size 0 {s!r}', fn('empty', s), values=False)
    c.add('empty/(2,3) int32', fn('empty', (2, 3), dtype='int32'), values=False)
    c.add('empty/negative dim', fn('empty', (-2,)), values=False)

    fulls = [((2, 3), 7, {}), (3, 2.5, {}), ((2, 2), True, {}), (3, 1.5, {'dtype': 'int32'}),
             ((2, 3), [1, 2, 3], {}), ((2, 3), [1.5, 2, 3], {'dtype': 'float32'}), (2, NAN, {}),
             (0, 5, {}), ((2,), np.float32(1.5), {}), ((2,), np.int8(3), {}), (3, -1, {'dtype': 'uint8'}),
             (2, 300, {'dtype': 'int8'}), ((), 4, {}), ((2, 3), [1, 2], {}), (3, -0.0, {})]
    for s, v, kw in fulls:
        c.add(f'full/{s!r} {v!r} {kw}', fn('full', s, v, **kw))

    srcs = {'int32 (2,3)': a23, 'float32 (3,)': sample('float32', (3,), 4), 'bool (2,2)': sample('bool', (2, 2), 5),
            'int32 transposed': View(a23, 'T'), 'float64 0-d': np.array(2.5), 'float64 (0,3)': np.zeros((0, 3))}
    for name, src in srcs.items():
        c.add(f'zeros_like/{name}', fn('zeros_like', src))
        c.add(f'ones_like/{name}', fn('ones_like', src))
        c.add(f'full_like/{name} 7', fn('full_like', src, 7))
        c.add(f'full_like/{name} 2.7', fn('full_like', src, 2.7))
        c.add(f'empty_like/{name}', fn('empty_like', src), values=False)
        for dt in ['float32', 'int8', 'bool']:
            c.add(f'zeros_like/{name} dtype={dt}', fn('zeros_like', src, dtype=dt))
        c.add(f'ones_like/{name} dtype=uint16', fn('ones_like', src, dtype='uint16'))
        c.add(f'full_like/{name} 1.5 dtype=float32', fn('full_like', src, 1.5, dtype='float32'))
    c.add('full_like/uint8 300', fn('full_like', sample('uint8', (3,), 1), 300))
    c.add('full_like/array fill', fn('full_like', a23, [1, 2, 3]))
    c.add('zeros_like/list', fn('zeros_like', [[1, 2], [3, 4]]))

    aranges = [(5,), (2, 10), (2, 10, 3), (10, 2, -2), (10, 2, -3), (0, 1, 0.1), (1, 2.5, 0.5), (0, -3, -0.5),
               (0,), (5, 1), (-3,), (0.5,), (1.5, 5), (-3, 3, 1.5), (0, 1, 0.3), (1, 1.3, 0.1), (0, 0.3, 0.1),
               (1, 0, -0.1), (2.0,), (0, 10, 2.5), (0, 5, 0), (0.0, 5, 0), (-1.5, 1.5, 0.75), (1e3, 1e3 + 1, 0.25),
               (3, 2, 1), (0, 2 ** 40, 2 ** 38)]
    for args in aranges:
        c.add(f'arange/{args!r}', fn('arange', *args))
    for args, dt in [((5,), 'float32'), ((10,), 'uint8'), ((0, 1, 0.25), 'float32'), ((-2, 3), 'int8'),
                     ((2.5,), 'int32'), ((0, 1, 0.1), 'float32'), ((5,), 'bool'), ((2,), 'bool'), ((-3, 3), 'uint8'),
                     ((0, 3, 0.5), 'int64'), ((300,), 'int8')]:
        c.add(f'arange/{args!r} dtype={dt}', fn('arange', *args, dtype=dt))
    c.add('arange/step kwarg', fn('arange', 1, 7, step=2))
    c.add('arange/stop kwarg only', fn('arange', stop=4))
    c.add('arange/start and stop kwargs', fn('arange', start=2, stop=4))

    lins = [((0, 1, 5), {}), ((0, 1, 5), {'endpoint': False}), ((0, 10, 4), {}), ((1, 2), {}), ((2, 3), {'num': 1}),
            ((2, 3), {'num': 0}), ((0, 1), {'num': 1, 'endpoint': False}), ((0, 10), {'num': 5, 'dtype': 'int32'}),
            ((-1, 1, 7), {}), ((0, 1, 5), {'retstep': True}), ((5, 1, 5), {}), ((0, 1, -1), {}), ((0, 1, 2.5), {}),
            ((1, 1e6, 4), {}), ((0, 1, 3), {'dtype': 'float32'}), ((0, 1, 10), {}), ((0.1, 0.7, 7), {}),
            ((-5, 5, 6), {'dtype': 'int64'}), ((0, 1, 4), {'endpoint': False, 'retstep': True}), ((1, 1, 3), {}),
            ((0, 1, 1), {'retstep': True})]
    for args, kw in lins:
        c.add(f'linspace/{args!r} {kw}', fn('linspace', *args, **kw))

    for args, kw in [((3,), {}), ((3, 4), {}), ((3,), {'k': 1}), ((4, 3), {'k': -1}), ((2,), {'dtype': 'int32'}),
                     ((3,), {'M': 2, 'k': 5}), ((3,), {'k': -3}), ((0,), {}), ((2, 3, 1), {}), ((3,), {'dtype': 'bool'}),
                     ((-1,), {}), ((2, 4), {'k': 2, 'dtype': 'uint8'})]:
        c.add(f'eye/{args!r} {kw}', fn('eye', *args, **kw))
    for args, kw in [((3,), {}), ((2,), {'dtype': 'bool'}), ((0,), {}), ((3,), {'dtype': 'int8'})]:
        c.add(f'identity/{args!r} {kw}', fn('identity', *args, **kw))

    v3 = np.array([1, 2, 3])
    vf = np.array([1.5, -0.0, 2.5], dtype='float32')
    m34 = np.arange(12).reshape(3, 4)
    for k in [0, 1, -2, 3]:
        c.add(f'diag/1-D int64 k={k}', fn('diag', v3, k=k))
        c.add(f'diag/1-D float32 k={k}', fn('diag', vf, k))
    for k in [0, 1, -1, 3, 5, -5]:
        c.add(f'diag/2-D (3,4) k={k}', fn('diag', m34, k=k))
    c.add('diag/2-D transposed view', fn('diag', View(m34, 'T'), k=1))
    c.add('diag/list', fn('diag', [[1, 2], [3, 4]]))
    c.add('diag/empty 1-D', fn('diag', np.zeros(0)))
    c.add('diag/3-D error', fn('diag', np.zeros((2, 2, 2))))
    c.add('diag/0-d error', fn('diag', np.array(1)))
    c.add('copy/view', fn('copy', View(m34, (slice(None), slice(None, None, -2)))))


# ---- dtypes and astype ---------------------------------------------------------------------

def astype_data(src, dst):
    if src == 'bool':
        return [True, False, True]
    if src in FLOATS:
        vals = [-2.7, -1.5, -0.5, -0.0, 0.0, 0.5, 1.5, 2.7, 127.9, 200.5, 255.9, 256.0, 300.0, -129.0, 70000.5]
        if dst in FLOATS or dst == 'bool':
            vals += [NAN, INF, -INF, 0.1, 1e10, 1e-50] + ([1e300, 3.4028235e38] if src == 'float64' else [])
        if dst == 'uint64':
            vals = [v for v in vals if not v < 0]
        if dst in ('int64', 'uint64'):
            vals += [1e10, 2.0 ** 52 + 0.5 if src == 'float64' else 2.0 ** 40]
        return vals
    vals = list(SPECIAL[src])
    if src == 'int64':
        vals += [16777217, 2 ** 40 + 1]
    if dst == 'uint64':
        vals = [v for v in vals if v >= 0]
    return vals


def gen_dtypes(c):
    for src in ALL:
        for dst in ALL:
            data = np.array(astype_data(src, dst), dtype=src)
            c.add(f'astype/{src} -> {dst}', meth(data, 'astype', dst))
    a = sample('float64', (2, 3), 7, 'real')
    for alias in ['float', 'int', 'f4', 'i8', 'u1', 'bool', '?', 'double', 'int_', 'b', 'B', 'uint']:
        c.add(f'astype/alias {alias}', meth(a, 'astype', alias))
    c.add('astype/bad dtype', meth(a, 'astype', 'foo'))
    c.add('astype/transposed view to int32', meth(View(a, 'T'), 'astype', 'int32'))
    c.add('astype/strided view to float32', meth(View(a, (slice(None), slice(None, None, 2))), 'astype', 'float32'))
    c.add('astype/dtype kwarg', meth(a, 'astype', dtype='int16'))
    c.add('astype/empty', meth(np.zeros((0, 2)), 'astype', 'int8'))
    c.add('astype/0-d', meth(np.array(3.7), 'astype', 'int32'))

    arrays = {'int32 (2,3)': sample('int32', (2, 3), 1), 'float32 (2,3,4)': sample('float32', (2, 3, 4), 2),
              'bool (4,)': sample('bool', (4,), 3), 'uint16 0-d': np.array(7, dtype='uint16'),
              'float64 (0,3)': np.zeros((0, 3)), 'int64 transposed': View(sample('int64', (2, 3), 4), 'T'),
              'int8 strided': View(sample('int8', (4, 6), 5), (slice(None, None, 2), slice(1, None, 3))),
              'float64 negative step': View(sample('float64', (3, 4), 6), (slice(None, None, -1), 1)),
              'uint8 newaxis': View(sample('uint8', (3,), 6), (None, slice(None), None))}
    for name, arr in arrays.items():
        for at in ['shape', 'ndim', 'size', 'dtype', 'itemsize', 'nbytes', 'strides', 'T']:
            c.add(f'attr/{at} of {name}', attr(arr, at))
    for dt in ALL:
        c.add(f'attr/dtype {dt}', attr(sample(dt, (2,), 8), 'dtype'))
        c.add(f'attr/itemsize {dt}', attr(sample(dt, (2,), 8), 'itemsize'))


# ---- promotion -----------------------------------------------------------------------------

PY_SCALARS = [1, -1, 127, 128, 255, 256, 1000, -1000, 70000, 2 ** 31, 2 ** 33, 1.5, 2.0, 1e300, True, NAN]


def gen_promotion(c):
    for a in ALL:
        for b in ALL:
            c.add(f'promote_types/{a} {b}', fn('promote_types', a, b))
    for a in ALL:
        for b in ALL:
            x = sample(a, (2, 3), 11)
            y = sample(b, (3,), 12)
            c.add(f'add/{a} (2,3) + {b} (3,)', fn('add', x, y))
    for a in ALL:
        for b in ALL:
            x = sample(a, (2, 3), 13)
            y = np.array([1, 2, 1], dtype=b) if b != 'bool' else np.array([True, True, True])
            c.add(f'true_divide/{a} (2,3) / {b} (3,)', fn('true_divide', x, y))
    for a in ALL:
        x = sample(a, (2, 2), 14)
        for s in PY_SCALARS:
            c.add(f'add/{a} array + python {type(s).__name__} {s!r}', fn('add', x, s))
        for s in [1000, -1, 1.5, True]:
            c.add(f'add/python {type(s).__name__} {s!r} + {a} array', fn('add', s, x))
        for s in [-1, 1e300, 2.0]:
            c.add(f'multiply/{a} array * python {s!r}', fn('multiply', x, s))
            c.add(f'subtract/python {s!r} - {a} array', fn('subtract', s, x))
    operands = {
        'np.int64(1)': np.int64(1), 'np.int64(1000)': np.int64(1000), 'np.float64(1.5)': np.float64(1.5),
        'np.float32(1.5)': np.float32(1.5), 'np.uint8(200)': np.uint8(200), 'np.bool_(True)': np.bool_(True),
        'np.int8(-1)': np.int8(-1), 'np.uint64(1)': np.uint64(1),
        '0-d int64 1000': np.array(1000), '0-d float64 1e300': np.array(1e300), '0-d uint8 200': np.array(200, dtype='uint8'),
        '0-d float32 2.5': np.array(2.5, dtype='float32'), '0-d int32 -1': np.array(-1, dtype='int32'),
    }
    for a in ['bool', 'int8', 'uint8', 'int32', 'uint32', 'float32', 'int64']:
        x = sample(a, (3,), 15)
        for name, s in operands.items():
            c.add(f'add/{a} array + {name}', fn('add', x, s))
    scalars = {'np.int8(100)': np.int8(100), 'np.float32(0.1)': np.float32(0.1), 'np.uint8(3)': np.uint8(3),
               'np.float64(0.1)': np.float64(0.1), 'np.int64(-5)': np.int64(-5), 'np.bool_(True)': np.bool_(True),
               '0-d int16 7': np.array(7, dtype='int16')}
    names = list(scalars)
    for i, n1 in enumerate(names):
        for n2 in names[i:]:
            c.add(f'add/{n1} + {n2}', fn('add', scalars[n1], scalars[n2]))
        c.add(f'add/{n1} + python 1000', fn('add', scalars[n1], 1000))
        c.add(f'multiply/{n1} * python 0.5', fn('multiply', scalars[n1], 0.5))
        c.add(f'true_divide/{n1} / python 3', fn('true_divide', scalars[n1], 3))
    c.add('add/python ints', fn('add', 2, 3))
    c.add('add/python floats', fn('add', 0.1, 0.2))
    c.add('add/python int and bool', fn('add', 2, True))
    c.add('add/list + list', fn('add', [1, 2], [0.5, 1]))
    for args in [('int8', 'uint8'), ('int16', 'float32'), ('uint64', 'int64'), ('bool', 'bool'), ('float32', 'int64'),
                 ('uint8', 'int8', 'float32'), ('int32', 'uint32'), ('uint32', 'float32')]:
        c.add(f'result_type/{" ".join(args)}', fn('result_type', *args))
    for dt in ['int8', 'uint8', 'float32', 'int32', 'bool']:
        for s in [1000, -1, 1.5, 1e300, 2 ** 33]:
            c.add(f'result_type/{dt} array, python {s!r}', fn('result_type', sample(dt, (2,), 1), s))
    c.add('result_type/scalars only', fn('result_type', 1, 2.5))
    c.add('result_type/np scalars only', fn('result_type', np.int8(1), np.uint8(2)))
    c.add('result_type/no args', fn('result_type'))
    for a, b in [('int8', 'uint8'), ('int64', 'float64'), ('float64', 'float32'), ('uint8', 'int16'), ('bool', 'int8'),
                 ('int64', 'uint64'), ('float32', 'int32')]:
        c.add(f'can_cast/{a} {b}', fn('can_cast', a, b))
        c.add(f'can_cast/{a} {b} same_kind', fn('can_cast', a, b, casting='same_kind'))


# ---- ufuncs --------------------------------------------------------------------------------

BINARY = {
    'int8': ([-128, -7, -7, 7, 7, 0, 5, 127, -1, 3, -128, 100], [-1, 2, -2, 2, -2, 3, 0, 2, 1, 0, 2, 3]),
    'int16': ([-32768, -7, -7, 7, 7, 0, 5, 32767, -1, 3, 300, 200], [-1, 2, -2, 2, -2, 3, 0, 2, 1, 0, 300, -200]),
    'int32': ([-2 ** 31, -7, -7, 7, 7, 0, 5, 2 ** 31 - 1, -1, 3, 70000, 46341], [-1, 2, -2, 2, -2, 3, 0, 2, 1, 0, 70000, 46341]),
    'int64': ([-7, -7, 7, 7, 0, 5, 1000, -1, 3, 2 ** 20, -2 ** 20, 2 ** 40], [2, -2, 2, -2, 3, 0, 7, 1, 0, 3, 2 ** 20, -1]),
    'uint8': ([0, 7, 7, 255, 5, 200, 3, 1, 128], [2, 3, 0, 2, 0, 7, 5, 255, 2]),
    'uint16': ([0, 7, 7, 65535, 5, 200, 3, 1, 300], [2, 3, 0, 2, 0, 7, 5, 65535, 300]),
    'uint32': ([0, 7, 7, 2 ** 32 - 1, 5, 200, 3, 1, 70000], [2, 3, 0, 2, 0, 7, 5, 2 ** 32 - 1, 70000]),
    'uint64': ([7, 7, 255, 5, 200, 3, 1000, 0, 2 ** 20], [2, 3, 0, 2, 0, 3, 7, 0, 2 ** 20]),
    'float32': ([-7.5, -7.5, 7.5, 7.5, 0.0, -0.0, 5.0, 1.0, -1.0, NAN, INF, -INF, INF, 2.5, 0.0, 1e30, 0.1, 3.0, -0.0, 0.0],
                [2.0, -2.0, 2.0, -2.0, 3.0, 3.0, 0.0, -0.0, 0.0, 1.0, 2.0, INF, -INF, NAN, 0.0, 1e10, 0.3, -0.0, 0.0, -0.0]),
    'float64': ([-7.5, -7.5, 7.5, 7.5, 0.0, -0.0, 5.0, 1.0, -1.0, NAN, INF, -INF, INF, 2.5, 0.0, 1e300, 0.1, 3.0, -0.0, 0.0],
                [2.0, -2.0, 2.0, -2.0, 3.0, 3.0, 0.0, -0.0, 0.0, 1.0, 2.0, INF, -INF, NAN, 0.0, 1e10, 0.3, -0.0, 0.0, -0.0]),
    'bool': ([True, True, False, False], [True, False, True, False]),
}

POWER = {
    'signed': ([-3, -2, -1, 0, 1, 2, 3, 5, 7], [0, 1, 2, 3, 4, 2, 5, 3, 6]),
    'unsigned': ([0, 1, 2, 3, 5, 7, 2], [0, 1, 2, 3, 4, 2, 7]),
    'float': ([-2.0, -0.5, 0.0, -0.0, 1.0, 2.5, NAN, INF, -INF, 4.0, -8.0, 0.0, 1.0, -1.0, 2.0],
              [3.0, -2.0, -1.0, -1.0, NAN, 0.5, 0.0, -1.0, 3.0, 0.5, 1 / 3, 0.0, INF, INF, 0.5]),
}

SHIFT = {'signed': ([1, 3, -5, 7, 1, -1, 100, 5, -100], [0, 2, 1, 7, 8, 3, 40, -1, 70]),
         'unsigned': ([1, 3, 5, 7, 1, 255, 100, 5], [0, 2, 1, 7, 8, 3, 40, 70])}

UNARY_FLOAT = ['exp', 'log', 'log2', 'log10', 'log1p', 'expm1', 'sqrt', 'sin', 'cos', 'tan', 'arctan', 'tanh',
               'sinh', 'cosh']
UNARY_ANY = ['negative', 'positive', 'absolute', 'abs', 'square', 'sign', 'floor', 'ceil', 'trunc', 'rint',
             'isnan', 'isinf', 'isfinite', 'logical_not']


def binary_pair(dt):
    x, y = BINARY[dt]
    return np.array(x, dtype=dt), np.array(y, dtype=dt)


def gen_ufuncs(c):
    arith = ['add', 'subtract', 'multiply', 'true_divide', 'divide', 'floor_divide', 'remainder', 'mod',
             'maximum', 'minimum', 'fmax', 'fmin']
    for op in arith:
        for dt in ALL:
            x, y = binary_pair(dt)
            if op == 'multiply' and dt in ('int64', 'uint64'):
                x, y = x[:-1], y[:-1]  # 2**40 * -1 is fine, but keep products tiny anyway
            c.add(f'{op}/{dt}', fn(op, x, y))
    for op in ['equal', 'not_equal', 'less', 'less_equal', 'greater', 'greater_equal']:
        for dt in ALL:
            x, y = binary_pair(dt)
            c.add(f'{op}/{dt}', fn(op, x, y))
        mixed = [('int64', 'float64', [1, 2 ** 40, -3], [1.0, 2.0 ** 40, -2.5]),
                 ('uint64', 'int64', [0, 5, 2 ** 40], [-1, 5, 2 ** 40]),
                 ('int8', 'uint8', [-1, 127, 0], [255, 127, 0]),
                 ('float32', 'float64', [0.1, 0.5, NAN], [0.1, 0.5, NAN]),
                 ('bool', 'int32', [True, False, True], [1, 0, 2])]
        for da, db, xa, xb in mixed:
            c.add(f'{op}/{da} vs {db}', fn(op, np.array(xa, dtype=da), np.array(xb, dtype=db)))
        c.add(f'{op}/int32 (3,1) vs float64 (4,)', fn(op, sample('int32', (3, 1), 21), sample('float64', (4,), 22)))
        c.add(f'{op}/uint8 vs python -1', fn(op, np.array([0, 1, 255], dtype='uint8'), -1))
        c.add(f'{op}/int8 vs python 2.5', fn(op, np.array([1, 2, 3], dtype='int8'), 2.5))
        c.add(f'{op}/float64 vs python nan', fn(op, special('float64'), NAN))
    for op in ['logical_and', 'logical_or', 'logical_xor']:
        for dt in ['bool', 'int32', 'uint8', 'float64', 'float32']:
            x, y = binary_pair(dt)
            c.add(f'{op}/{dt}', fn(op, x, y))
        c.add(f'{op}/int8 and float64 broadcast', fn(op, sample('int8', (2, 1), 23), special('float64')))
    for op in ['bitwise_and', 'bitwise_or', 'bitwise_xor']:
        for dt in BOOL + INTS:
            x, y = binary_pair(dt)
            c.add(f'{op}/{dt}', fn(op, x, y))
        c.add(f'{op}/float64 error', fn(op, special('float64'), special('float64')))
        c.add(f'{op}/int8 and uint8', fn(op, np.array([-1, 5], dtype='int8'), np.array([255, 3], dtype='uint8')))
        c.add(f'{op}/int64 and uint64 error', fn(op, np.array([1]), np.array([1], dtype='uint64')))
        c.add(f'{op}/int32 and python int', fn(op, np.array([12, -1], dtype='int32'), 10))
    for op in ['left_shift', 'right_shift']:
        for dt in INTS:
            x, y = SHIFT['signed' if dt in SIGNED else 'unsigned']
            c.add(f'{op}/{dt}', fn(op, np.array(x, dtype=dt), np.array(y, dtype=dt)))
        c.add(f'{op}/bool', fn(op, np.array([True, False]), np.array([True, True])))
        c.add(f'{op}/float error', fn(op, np.array([1.0]), 1))
        c.add(f'{op}/int64 by uint64 error', fn(op, np.array([1]), np.array([1], dtype='uint64')))
    for dt in ALL:
        if dt == 'bool':
            x, y = np.array([True, False, True]), np.array([True, True, False])
        elif dt in SIGNED:
            x, y = (np.array(v, dtype=dt) for v in POWER['signed'])
        elif dt in UNSIGNED:
            x, y = (np.array(v, dtype=dt) for v in POWER['unsigned'])
        else:
            x, y = (np.array(v, dtype=dt) for v in POWER['float'])
        c.add(f'power/{dt}', fn('power', x, y), tol=ULP if dt in FLOATS else None)
    c.add('power/int negative exponent error', fn('power', np.array([2, 3]), np.array([1, -1])))
    c.add('power/int python negative exponent error', fn('power', np.array([2, 3]), -1))
    c.add('power/int array python float exponent', fn('power', np.array([2, 3]), 0.5), tol=ULP)
    c.add('power/float32 python int exponent', fn('power', np.array([1.5, -2.0], dtype='float32'), 3))
    c.add('power/python int base', fn('power', 2, np.array([0, 1, 10], dtype='int32')))

    for f in UNARY_ANY + UNARY_FLOAT + ['invert', 'reciprocal']:
        for dt in ALL:
            if f == 'invert' and dt in FLOATS + ['uint64']:
                continue
            if f == 'reciprocal' and dt not in FLOATS:
                continue
            data = special(dt)
            if f in ('negative', 'absolute', 'abs') and dt == 'uint64':
                data = np.array([0], dtype='uint64')
            c.add(f'{f}/{dt}', fn(f, data), tol=ULP if f in TRANSCENDENTAL else None)
    c.add('invert/float64 error', fn('invert', special('float64')))
    c.add('sqrt/transposed view', fn('sqrt', View(sample('float64', (3, 4), 24), 'T')))
    c.add('exp/float64 (2,3) real data', fn('exp', sample('float64', (2, 3), 25, 'real')), tol=ULP)
    c.add('log/float32 uniform data', fn('log', sample('float32', (6,), 26, 'uniform')), tol=ULP)
    c.add('negative/0-d', fn('negative', np.array(3, dtype='int16')))
    c.add('sin/python float', fn('sin', 0.5), tol=ULP)
    c.add('sqrt/python int', fn('sqrt', 4))
    c.add('absolute/list', fn('absolute', [-1, 2.5]))

    rounds = np.array([0.5, 1.5, 2.5, -0.5, -1.5, 1.25, 1.35, 2.675, -2.675, 123.456, NAN, INF, -0.0, 1e300, 0.045])
    for f in ['round', 'around']:
        for d in [0, 1, 2, -1, -2]:
            c.add(f'{f}/float64 decimals={d}', fn(f, rounds, d))
            c.add(f'{f}/float32 decimals={d}', fn(f, rounds.astype('float32'), decimals=d))
        for dt in ['int32', 'int8', 'uint16', 'int64']:
            data = np.array([15, 25, 14, 5, 0] + ([-15, -25] if dt in SIGNED else []), dtype=dt)
            c.add(f'{f}/{dt} decimals=-1', fn(f, data, -1))
            c.add(f'{f}/{dt} decimals=0', fn(f, data))
        c.add(f'{f}/bool', fn(f, np.array([True, False])))
    c.add('round/method decimals=1', meth(rounds, 'round', 1))
    c.add('round/method no args', meth(rounds.astype('float32'), 'round'))

    for dt in ['float64', 'int32', 'uint8', 'float32', 'int8']:
        a = sample(dt, (2, 4), 27) if dt != 'float64' else special('float64')
        for lo, hi in [(1, 5), (None, 3), (-2, None), (5, 1), (1.5, 3), (0, 300), ([0, 1, 2, 3], 4)]:
            if isinstance(lo, list) and a.ndim == 1:
                continue
            c.add(f'clip/{dt} {lo!r} {hi!r}', fn('clip', a, lo, hi))
        c.add(f'clip/{dt} method', meth(a, 'clip', 0, 2))
        c.add(f'clip/{dt} method min kwarg', meth(a, 'clip', min=1))
    c.add('clip/nan bound', fn('clip', special('float64'), NAN, 1))
    c.add('clip/no bounds error', fn('clip', special('float64'), None, None))
    c.add('clip/array bounds broadcast', fn('clip', sample('float64', (3, 4), 28), np.array([[-1.0], [0.0], [1.0]]), 2.0))

    cond = sample('bool', (3, 4), 29)
    c.add('where/3-arg same shapes', fn('where', cond, sample('int32', (3, 4), 30), sample('float32', (3, 4), 31)))
    c.add('where/python scalars', fn('where', cond, 1, 0))
    c.add('where/python floats', fn('where', cond, 1.5, -0.0))
    c.add('where/array and python float', fn('where', cond, sample('int32', (3, 4), 32), 0.5))
    c.add('where/float32 and python float', fn('where', cond, sample('float32', (3, 4), 32), 0.5))
    c.add('where/broadcast (3,1) (1,4) (4,)', fn('where', sample('bool', (3, 1), 33), sample('int8', (1, 4), 34),
                                                  sample('uint8', (4,), 35)))
    c.add('where/int condition', fn('where', np.array([0, 2, -1, 0]), np.array([1, 2, 3, 4]), -1))
    c.add('where/float condition with nan', fn('where', special('float64'), 1, 0))
    c.add('where/broadcast error', fn('where', cond, sample('int32', (2,), 36), 0))
    c.add('where/two args error', fn('where', cond, 1))
    c.add('where/bool x y', fn('where', cond, True, False))
    c.add('where/1-arg 1-D', fn('where', np.array([0, 3, 0, -1, 5])))
    c.add('where/1-arg 2-D', fn('where', cond))
    c.add('where/1-arg 3-D float', fn('where', sample('float64', (2, 2, 3), 37)))
    c.add('where/1-arg 0-d', fn('where', np.array(5)))
    c.add('where/1-arg empty', fn('where', np.zeros((0, 3))))
    c.add('where/1-arg view', fn('where', View(cond, 'T')))
    c.add('nonzero/2-D', fn('nonzero', cond))

    # Python operators: the dunder a Python expression calls.
    a = sample('int32', (2, 3), 38)
    b = sample('float64', (3,), 39)
    u = sample('uint8', (2, 3), 40)
    binops = ['__add__', '__sub__', '__mul__', '__truediv__', '__floordiv__', '__mod__', '__pow__', '__and__',
              '__or__', '__xor__', '__lshift__', '__rshift__', '__eq__', '__ne__', '__lt__', '__le__', '__gt__',
              '__ge__']
    for op in binops:
        tol = ULP if op == '__pow__' else None
        c.add(f'operator/{op} int32 (2,3) float64 (3,)', meth(a, op, b), tol=tol)
        c.add(f'operator/{op} int32 (2,3) uint8 (2,3)', meth(a, op, u))
        c.add(f'operator/{op} uint8 (2,3) python 3', meth(u, op, 3))
        c.add(f'operator/{op} float64 (3,) python 2.0', meth(b, op, 2.0), tol=tol)
    for op in ['__radd__', '__rsub__', '__rmul__', '__rtruediv__', '__rfloordiv__', '__rmod__', '__rpow__', '__rand__',
               '__ror__', '__rxor__', '__rlshift__', '__rrshift__']:
        c.add(f'operator/{op} int32 (2,3) python 2', meth(a, op, 2))
        c.add(f'operator/{op} uint8 (2,3) python -1', meth(u, op, -1))
        c.add(f'operator/{op} float64 (3,) python 1.5', meth(b, op, 1.5), tol=ULP if op == '__rpow__' else None)
    for op in ['__neg__', '__pos__', '__abs__', '__invert__']:
        for arr, name in [(a, 'int32'), (u, 'uint8'), (b, 'float64'), (sample('bool', (3,), 41), 'bool')]:
            c.add(f'operator/{op} {name}', meth(arr, op))
    # (a.__eq__ with non-broadcastable shapes returns NotImplemented, and Python then falls back to
    # identity: not expressible as one call, so not generated.)
    c.add('operator/__add__ non-broadcastable', meth(a, '__add__', sample('int32', (4,), 42)))
    c.add('operator/__add__ list', meth(a, '__add__', [1, 2, 3]))
    c.add('operator/__mul__ 0-d', meth(np.array(2, dtype='int16'), '__mul__', np.array(3, dtype='int16')))


# ---- broadcast -----------------------------------------------------------------------------

BCAST = [((0, 3), (3,)), ((1,), (2, 3)), ((4, 1, 5), (3, 1)), ((), (2, 3)), ((2, 1), (1, 3)), ((3,), (4, 3)),
         ((2, 3), (3, 2)), ((2, 0), (2, 1)), ((0,), (1,)), ((0,), (2,)), ((5, 1, 4), (1, 3, 1)), ((2, 3, 4), (4,)),
         ((2, 3, 4), (3, 1)), ((2, 3, 4), (3,)), ((1, 1), ()), ((1, 0), (3, 1)), ((2, 1, 3), (2, 2, 1)), ((3,), (3,)),
         ((1, 2, 1, 2), (2, 1, 2, 1))]


def gen_broadcast(c):
    for i, (s1, s2) in enumerate(BCAST):
        for dt1, dt2 in [('float64', 'float64'), ('int32', 'float32')]:
            x, y = sample(dt1, s1, 50 + i), sample(dt2, s2, 80 + i)
            c.add(f'add/{dt1} {shp(s1)} + {dt2} {shp(s2)}', fn('add', x, y))
        c.add(f'multiply/int8 {shp(s2)} * uint8 {shp(s1)}', fn('multiply', sample('int8', s2, 90 + i), sample('uint8', s1, 91 + i)))
        c.add(f'broadcast_shapes/{shp(s1)} {shp(s2)}', fn('broadcast_shapes', s1, s2))
        c.add(f'broadcast_arrays/{shp(s1)} {shp(s2)}', fn('broadcast_arrays', sample('int16', s1, 92), sample('float32', s2, 93)))
    c.add('add/scalar + (2,3)', fn('add', 2.5, sample('float64', (2, 3), 60)))
    c.add('add/transposed + strided', fn('add', View(sample('float64', (3, 2), 61), 'T'),
                                          View(sample('float64', (2, 6), 62), (slice(None), slice(None, None, 2)))))
    c.add('add/negative-step view + (3,1)', fn('add', View(sample('int32', (3, 4), 63), (slice(None, None, -1),)),
                                                sample('int32', (3, 1), 64)))
    c.add('add/newaxis view + (3,)', fn('add', View(sample('int32', (3,), 65), (slice(None), None)), sample('int32', (3,), 66)))
    c.add('add/three-way via where', fn('where', sample('bool', (2, 1, 1), 67), sample('int32', (3, 1), 68), sample('int32', (4,), 69)))
    c.add('broadcast_shapes/three shapes', fn('broadcast_shapes', (2, 1), (3,), (4, 1, 1)))
    c.add('broadcast_shapes/three shapes error', fn('broadcast_shapes', (2, 1), (3,), (4, 2, 1)))
    c.add('broadcast_shapes/int arg', fn('broadcast_shapes', 3, (2, 1)))
    c.add('broadcast_shapes/none', fn('broadcast_shapes'))
    c.add('broadcast_shapes/single', fn('broadcast_shapes', (2, 3)))
    c.add('broadcast_arrays/three', fn('broadcast_arrays', sample('int8', (3, 1), 70), sample('int8', (4,), 71), np.array(5)))
    c.add('broadcast_arrays/single', fn('broadcast_arrays', sample('int8', (3,), 72)))
    targets = [((3,), (2, 3)), ((3,), (2, 4)), ((1,), (2, 2)), ((2, 1), (2, 3)), ((2, 3), (3,)), ((2, 1), (3, 2, 4)),
               ((), (2, 2)), ((3,), 3), ((3,), (0, 3)), ((1,), (0,)), ((3,), (-1, 3)), ((2, 3), (2, 3)),
               ((2,), (2, 1)), ((0,), (2, 0)), ((1, 3), (1, 1, 3))]
    for i, (src, tgt) in enumerate(targets):
        c.add(f'broadcast_to/{shp(src)} to {tgt!r}', fn('broadcast_to', sample('int32', src, 73 + i), tgt))
    c.add('broadcast_to/list', fn('broadcast_to', [1, 2], (3, 2)))
    c.add('broadcast_to/python scalar', fn('broadcast_to', 2.5, (2,)))
    c.add('broadcast_to/view', fn('broadcast_to', View(sample('float32', (2, 3), 74), 'T'), (2, 3, 2)))
    c.add('broadcast_to/shape kwarg', fn('broadcast_to', sample('int32', (3,), 75), shape=(2, 3)))


# ---- reductions ----------------------------------------------------------------------------

REDUCERS = ['sum', 'mean', 'std', 'var', 'min', 'max', 'amin', 'amax', 'argmin', 'argmax', 'prod', 'any', 'all',
            'cumsum', 'cumprod']
METHOD_NAMES = {'amin': 'min', 'amax': 'max'}


def reduce_data(dt, shape, seed, f):
    if f in ('prod', 'cumprod'):
        r = np.random.RandomState(seed)
        if dt in FLOATS:
            return r.choice([-2.0, -1.0, -0.5, 0.5, 1.0, 1.5, 2.0], size=shape).astype(dt)
        if dt in UNSIGNED:
            return r.randint(0, 4, size=shape).astype(dt)
        if dt in SIGNED:
            return r.randint(-3, 4, size=shape).astype(dt)
    return sample(dt, shape, seed)


def gen_reductions(c):
    dts = ['bool', 'int8', 'int32', 'int64', 'uint8', 'uint32', 'float32', 'float64']
    for f in REDUCERS:
        for dt in dts:
            x = reduce_data(dt, (2, 4), 100, f)
            c.add(f'{f}/{dt} (2,4) axis=None', fn(f, x))
            c.add(f'{f}/{dt} (2,4) axis=0', fn(f, x, axis=0))
        x = reduce_data('float64', (2, 4, 2), 101, f)
        for ax in [1, 2, -1, -3, (0, 2), (0, 1, 2), (), (-1, 0), 3, -4, (0, 0), 1.5]:
            c.add(f'{f}/float64 (2,4,2) axis={ax!r}', fn(f, x, axis=ax))
        xi = reduce_data('int16', (2, 4, 2), 102, f)
        for ax in [1, (1, 2)]:
            c.add(f'{f}/int16 (2,4,2) axis={ax!r}', fn(f, xi, axis=ax))
        if f not in ('argmin', 'argmax', 'cumsum', 'cumprod'):
            for ax in [None, 0, -1, (0, 2)]:
                c.add(f'{f}/float64 (2,4,2) axis={ax!r} keepdims', fn(f, x, axis=ax, keepdims=True))
            c.add(f'{f}/int16 (2,4,2) axis=1 keepdims', fn(f, xi, 1, keepdims=True))
        for name, e in [('(0,)', np.zeros(0)), ('(0,3)', np.zeros((0, 3), dtype='int32')), ('(2,0)', np.zeros((2, 0)))]:
            c.add(f'{f}/empty {name}', fn(f, e))
            c.add(f'{f}/empty {name} axis=0', fn(f, e, axis=0))
            c.add(f'{f}/empty {name} axis=-1', fn(f, e, axis=-1))
        nanarr = np.array([[1.0, NAN, 3.0, -0.0], [INF, 2.0, -INF, 0.0]])
        c.add(f'{f}/nan and inf', fn(f, nanarr))
        c.add(f'{f}/nan and inf axis=1', fn(f, nanarr, axis=1))
        c.add(f'{f}/0-d', fn(f, np.array(2.5)))
        c.add(f'{f}/transposed view axis=0', fn(f, View(reduce_data('int32', (4, 2), 103, f), 'T'), axis=0))
        c.add(f'{f}/strided view', fn(f, View(reduce_data('float64', (4, 4), 104, f), (slice(None, None, 2), slice(None, None, -1)))))
        c.add(f'{f}/list', fn(f, [[1, 2], [3, 4]]))
        m = METHOD_NAMES.get(f, f)
        if f not in METHOD_NAMES:
            xm = reduce_data('int32', (2, 4), 105, f)
            c.add(f'{f}/method', meth(xm, m))
            c.add(f'{f}/method axis=1', meth(xm, m, axis=1))
            c.add(f'{f}/method positional axis 0', meth(xm, m, 0))
            c.add(f'{f}/method float32 axis=-1', meth(reduce_data('float32', (2, 4), 106, f), m, axis=-1))
    for f in ['sum', 'prod', 'cumsum', 'cumprod', 'mean']:
        for dt in ['float32', 'int8', 'uint8', 'float64', 'bool', 'int64']:
            x = reduce_data('int8', (2, 4), 107, f)
            c.add(f'{f}/int8 dtype={dt}', fn(f, x, dtype=dt))
    c.add('mean/float32 dtype=float64', fn('mean', sample('float32', (2, 4), 108), dtype='float64'))
    for f in ['std', 'var']:
        x = sample('float64', (2, 4), 109)
        for ddof in [0, 1, 2, 4, 8]:
            c.add(f'{f}/ddof={ddof}', fn(f, x, ddof=ddof))
            c.add(f'{f}/ddof={ddof} axis=1', fn(f, x, axis=1, ddof=ddof))
        c.add(f'{f}/int32 ddof=1', fn(f, sample('int32', (4, 4), 110), ddof=1))
        c.add(f'{f}/float32 axis=0 ddof=1', fn(f, sample('float32', (4, 2), 111), axis=0, ddof=1))
        c.add(f'{f}/method ddof=1 axis=0', meth(x, f, axis=0, ddof=1))
        c.add(f'{f}/float ddof', fn(f, x, ddof=0.5))
    # Non-dyadic data: NumPy's pairwise float summation; a different order differs by ulps.
    for f in ['sum', 'mean', 'std', 'var']:
        for dt in FLOATS:
            x = sample(dt, (4, 6), 112, 'uniform')
            for ax in [None, 0, 1]:
                c.add(f'{f}/{dt} uniform (4,6) axis={ax!r}', fn(f, x, axis=ax), tol=ULP)
    for f in ['argmax', 'argmin']:
        ties = np.array([[3, 1, 3, 1], [2, 2, 2, 2]], dtype='int8')
        c.add(f'{f}/ties axis=None', fn(f, ties))
        c.add(f'{f}/ties axis=1', fn(f, ties, axis=1))
        c.add(f'{f}/nan first', fn(f, np.array([1.0, NAN, 5.0, NAN])))
        c.add(f'{f}/-0.0 and 0.0', fn(f, np.array([0.0, -0.0, 0.0])))
        c.add(f'{f}/keepdims', fn(f, ties, axis=0, keepdims=True))
        c.add(f'{f}/bool', fn(f, np.array([False, True, True])))
    c.add('max/-0.0 and 0.0', fn('max', np.array([-0.0, 0.0])))
    c.add('min/0.0 and -0.0', fn('min', np.array([0.0, -0.0])))
    c.add('sum/-0.0 only', fn('sum', np.array([-0.0, -0.0])))
    c.add('any/-0.0 and nan', fn('any', np.array([-0.0, NAN])))
    c.add('all/-0.0', fn('all', np.array([1.0, -0.0])))
    c.add('cumsum/bool', fn('cumsum', np.array([True, True, False])))
    c.add('cumsum/uint8 wraps no: uint64', fn('cumsum', np.array([200, 100], dtype='uint8')))
    c.add('sum/int8 overflow promotes', fn('sum', np.array([100, 100], dtype='int8')))
    c.add('sum/int8 dtype=int8 wraps', fn('sum', np.array([100, 100], dtype='int8'), dtype='int8'))
    c.add('max/uint64', fn('max', np.array([2 ** 40, 3], dtype='uint64')))


# ---- manipulation --------------------------------------------------------------------------

def gen_manipulation(c):
    a = np.arange(12, dtype='int32')
    m = sample('float64', (3, 4), 200, 'real')
    t = sample('int16', (2, 3, 4), 201)
    e = np.zeros((0, 3), dtype='float32')
    for args in [(3, 4), ((3, 4),), (-1,), (2, -1), (-1, 6), (2, 2, 3), ((2, -1, 3),), (-1, -1), (5, 3), (12, 1),
                 ((),), (1, 12), (0, -1), (4, 3.0), ([6, 2],)]:
        c.add(f'reshape/method (12,) {args!r}', meth(a, 'reshape', *args))
    for shape in [(12,), (4, 3), (2, 2, 3), (-1,), (2, -1, 2), (5, -1)]:
        c.add(f'reshape/np (3,4) real {shape!r}', fn('reshape', m, shape))
        c.add(f'reshape/transposed view {shape!r}', fn('reshape', View(m, 'T'), shape))
    c.add('reshape/order F', fn('reshape', m, (4, 3), order='F'))
    c.add('reshape/method order kwarg', meth(m, 'reshape', (2, 6), order='C'))
    for shape in [(-1,), (3, -1), (-1, 0), (0, 0), (3, 0, -1), (0, 3, 1)]:
        c.add(f'reshape/empty (0,3) to {shape!r}', meth(e, 'reshape', shape))
    c.add('reshape/0-d to (1,1)', meth(np.array(5), 'reshape', (1, 1)))
    c.add('reshape/(1,) to ()', meth(np.array([5]), 'reshape', ()))
    c.add('reshape/newshape kwarg', fn('reshape', a, newshape=(3, 4)))

    for src, name in [(m, 'float64 (3,4)'), (View(m, 'T'), 'transposed'), (View(t, (slice(None), slice(None, None, -1), 1)), 'int16 strided'),
                      (np.array(3), '0-d'), (e, 'empty')]:
        c.add(f'ravel/{name}', fn('ravel', src))
        c.add(f'ravel/{name} method', meth(src, 'ravel'))
        c.add(f'flatten/{name}', meth(src, 'flatten'))
        c.add(f'copy/{name}', meth(src, 'copy'))
        c.add(f'copy/{name} np', fn('copy', src))
        c.add(f'T/{name}', attr(src, 'T'))
        c.add(f'transpose/{name}', fn('transpose', src))
        c.add(f'transpose/{name} method', meth(src, 'transpose'))
    c.add('ravel/order F', fn('ravel', m, order='F'))
    c.add('flatten/order F', meth(m, 'flatten', 'F'))
    c.add('T/1-D', attr(a, 'T'))
    for axes in [(1, 0, 2), (2, 0, 1), (0, 1, 2), (-1, 0, 1), (0, 1), (0, 0, 1), (0, 1, 3), (1, 0, -4)]:
        c.add(f'transpose/(2,3,4) axes={axes!r}', fn('transpose', t, axes))
        c.add(f'transpose/(2,3,4) method axes={axes!r}', meth(t, 'transpose', *axes))
    c.add('transpose/method tuple', meth(t, 'transpose', (2, 1, 0)))
    c.add('transpose/axes kwarg', fn('transpose', t, axes=[1, 2, 0]))
    for a1, a2 in [(0, 2), (-1, 0), (1, 1), (0, 3), (-4, 0)]:
        c.add(f'swapaxes/(2,3,4) {a1} {a2}', fn('swapaxes', t, a1, a2))
        c.add(f'swapaxes/(2,3,4) method {a1} {a2}', meth(t, 'swapaxes', a1, a2))
    for src, dst in [(0, -1), (-1, 0), (1, 2), ([0, 1], [-1, -2]), ((0, 2), (2, 0)), ([0, 1], [2]), (3, 0), ([0, 0], [1, 2]),
                     (0, [1]), ([], [])]:
        c.add(f'moveaxis/(2,3,4) {src!r} -> {dst!r}', fn('moveaxis', t, src, dst))
    s = sample('float32', (1, 3, 1, 2), 202)
    for ax in [None, 0, 2, (0, 2), -2, 1, (0, 1), 4, (0, 0)]:
        c.add(f'squeeze/(1,3,1,2) axis={ax!r}', fn('squeeze', s, axis=ax))
    c.add('squeeze/method', meth(s, 'squeeze'))
    c.add('squeeze/method positional axis', meth(s, 'squeeze', 0))
    c.add('squeeze/0-d', fn('squeeze', np.array(1.5)))
    c.add('squeeze/(1,1)', fn('squeeze', np.ones((1, 1), dtype='int8')))
    c.add('squeeze/view', fn('squeeze', View(s, (slice(None), 1))))
    for ax in [0, -1, 1, (0, 2), (0, -1), (3, 0), 4, -5, (0, 0), (1, 2, 5), ()]:
        c.add(f'expand_dims/(3,4) axis={ax!r}', fn('expand_dims', m, ax))
    c.add('expand_dims/0-d', fn('expand_dims', np.array(2), 0))
    c.add('expand_dims/axis kwarg', fn('expand_dims', a, axis=-1))

    p = sample('int32', (2, 3), 203)
    q = sample('float32', (2, 3), 204)
    r3 = sample('int8', (2, 2), 205)
    for ax in [0, 1, -1, None, 2, -3]:
        c.add(f'concatenate/(2,3) (2,3) axis={ax!r}', fn('concatenate', [p, q], axis=ax))
    c.add('concatenate/default axis', fn('concatenate', (p, p, p)))
    c.add('concatenate/mismatch axis 1', fn('concatenate', [p, r3]))
    c.add('concatenate/mismatch axis 1 ok', fn('concatenate', [p, r3], axis=1))
    c.add('concatenate/ndim mismatch', fn('concatenate', [p, np.array([1, 2, 3])]))
    c.add('concatenate/0-d error', fn('concatenate', [np.array(1), np.array(2)]))
    c.add('concatenate/empty list error', fn('concatenate', []))
    c.add('concatenate/with empty', fn('concatenate', [np.zeros((0, 3), dtype='int32'), p]))
    c.add('concatenate/views', fn('concatenate', [View(p, 'T'), View(q, (slice(None), slice(None, None, -1)))], axis=1))
    c.add('concatenate/lists', fn('concatenate', [[1, 2], [3.5]]))
    c.add('concatenate/1-D uint8 int8', fn('concatenate', [np.array([1], dtype='uint8'), np.array([-1], dtype='int8')]))
    c.add('concatenate/bool and int', fn('concatenate', [np.array([True]), np.array([2])]))
    c.add('concatenate/axis None 3-D', fn('concatenate', [t, p], axis=None))
    for ax in [0, 1, 2, -1, -3, 3, -4]:
        c.add(f'stack/(2,3) x2 axis={ax}', fn('stack', [p, q], axis=ax))
    c.add('stack/shape mismatch', fn('stack', [p, r3]))
    c.add('stack/empty list', fn('stack', []))
    c.add('stack/0-d', fn('stack', [np.array(1), np.array(2)]))
    c.add('stack/1-D three', fn('stack', (a[:3].copy(), a[3:6].copy(), a[6:9].copy())))
    c.add('stack/views', fn('stack', [View(p, 'T'), View(q, 'T')], 1))
    c.add('stack/lists', fn('stack', [[1, 2], [3, 4]]))
    v1, v2 = np.array([1, 2, 3]), np.array([4.5, 5, 6])
    for f in ['vstack', 'hstack', 'dstack', 'column_stack']:
        c.add(f'{f}/1-D 1-D', fn(f, [v1, v2]))
        c.add(f'{f}/2-D 2-D', fn(f, [p, q]))
        c.add(f'{f}/3-D', fn(f, (t, t)))
        c.add(f'{f}/mismatch', fn(f, [p, r3]))
        c.add(f'{f}/scalars', fn(f, [np.array(1), np.array(2)]))
        c.add(f'{f}/2-D and 1-D', fn(f, [p, v1]))
        c.add(f'{f}/empty', fn(f, []))
        c.add(f'{f}/view', fn(f, [View(p, 'T'), View(q, 'T')]))

    x = np.arange(10, dtype='float32')
    x2 = np.arange(24).reshape(4, 6)
    for f in ['split', 'array_split']:
        for arg in [2, 5, 3, 4, [1, 3], [3, 1], [2, 20], [], [-2], 1, 0, 11]:
            c.add(f'{f}/(10,) {arg!r}', fn(f, x, arg))
        for arg, ax in [(2, 0), (3, 1), ([1, 4], 1), (2, -1), (4, 0), (5, 1), (2, 2)]:
            c.add(f'{f}/(4,6) {arg!r} axis={ax}', fn(f, x2, arg, axis=ax))
        c.add(f'{f}/view', fn(f, View(x2, 'T'), 2))
        c.add(f'{f}/empty', fn(f, np.zeros(0), 2))
    c.add('split/indices_or_sections kwarg', fn('split', x, indices_or_sections=[2]))
    for reps in [2, (2, 1), (1, 2), (2, 2, 2), (0,), (2, 0), 1, (3,)]:
        c.add(f'tile/(2,3) {reps!r}', fn('tile', p, reps))
        c.add(f'tile/(3,) {reps!r}', fn('tile', v1, reps))
    c.add('tile/0-d', fn('tile', np.array(7), 3))
    c.add('tile/view', fn('tile', View(p, 'T'), (1, 2)))
    for rep, ax in [(2, None), (2, 0), (2, 1), ([1, 2], 0), ([1, 0, 2], 1), (3, -1), ([1, 2], 1), (0, 0), (-1, 0),
                    (2, 2), ([1, 2, 3, 4, 5, 6], None), ([1, 2, 3], None)]:
        c.add(f'repeat/(2,3) {rep!r} axis={ax!r}', fn('repeat', p, rep, axis=ax))
    c.add('repeat/method', meth(p, 'repeat', 3, axis=1))
    c.add('repeat/method no axis', meth(v1, 'repeat', 2))
    c.add('repeat/0-d', fn('repeat', np.array(1.5), 3))
    c.add('repeat/view', fn('repeat', View(p, 'T'), [1, 2, 1], axis=0))
    for ax in [None, 0, 1, -1, (0, 1), 2, ()]:
        c.add(f'flip/(2,3) axis={ax!r}', fn('flip', p, axis=ax))
        c.add(f'flip/(2,3,4) axis={ax!r}', fn('flip', t, ax))
    c.add('flip/1-D', fn('flip', v1))
    c.add('flip/0-d', fn('flip', np.array(1)))
    c.add('flip/view', fn('flip', View(p, 'T'), 0))
    c.add('fliplr', fn('fliplr', p))
    c.add('flipud', fn('flipud', p))
    c.add('fliplr/1-D error', fn('fliplr', v1))
    for sh, ax in [(2, None), (-1, None), (13, None), (1, 0), (-1, 1), (2, -1), ((1, 2), (0, 1)), ((1, 1), (1, 1)),
                   (1, 2), ((1, 2), 0), (0, None), ((1, 2), (0, 1, 1))]:
        c.add(f'roll/(2,3) shift={sh!r} axis={ax!r}', fn('roll', p, sh, axis=ax))
    c.add('roll/(2,3,4) axis tuple', fn('roll', t, (1, -1), axis=(0, 2)))
    c.add('roll/empty', fn('roll', np.zeros(0), 1))
    c.add('roll/view', fn('roll', View(p, 'T'), 1, 0))


# ---- indexing ------------------------------------------------------------------------------

S = slice
E = Ellipsis


def gen_indexing(c):
    A = np.arange(24).reshape(2, 3, 4)
    B = np.arange(12, dtype='int32').reshape(3, 4)
    C = np.arange(10, dtype='float64') * 1.5 - 3
    Z = np.array(4.5)
    F32 = np.array([0.1, -0.0, 1e-8, 3.0], dtype='float32')
    BL = np.array([True, False, True])
    basic = {
        'C': [3, -1, -10, 10, -11, S(2, 7), S(None, None, 2), S(None, None, -1), S(7, 2, -2), S(-3, None), S(None, -3),
              S(20, 30), S(-20, 3), S(5, 2), S(None, None, -3), S(8, None, -3), S(-1, -11, -1), S(0, 0), S(None, None, 0),
              (), E, None, (None, S(1, 3)), (E, None), (S(None), None), (1,), (1, 2), (E, E), (S(None, None, 100),),
              (S(-100, 100),), (S(3, None), E)],
        'B': [1, -1, (1, 2), (-1, -1), (2, -4), 3, -4, (0, 4), (0, -5), (1, 2, 3), (S(None), 1), (S(None), S(1, 3)),
              (S(None, None, -1), S(None, None, 2)), (E, 1), (1, E), (E,), (None,), (S(None), None), (None, S(None), None),
              (E, None), (1, None), (S(1, None), S(None, 2), None), (None, None, 0), (S(None, None, -2), -1), (E, 1, 2),
              (1, E, 2), (E, E, 1), (0, 1, E)],
        'A': [(1, 2, 3), (1, 2), (S(None), S(None, None, -1), 1), (E, 1), (1, E), (E, 1, S(None)), (1, None, E, None),
              (-1, -1, -1), (0, S(1, 3), S(None, None, 2)), (S(None), None, 1, None), (E, None, 2), (2, 0, 0), (0, 3, 0),
              (0, 0, 4), (S(None), S(None), S(None), 0), E],
        'Z': [(), E, None, 0, (E, None), (None, None), S(None)],
        'F32': [0, 1, 2, -1, S(1, 3)],
        'BL': [0, 1, (), S(None, None, -1)],
    }
    arrays = {'A': A, 'B': B, 'C': C, 'Z': Z, 'F32': F32, 'BL': BL}
    for name, idxs in basic.items():
        for idx in idxs:
            c.add(f'basic/{name}{shp(arrays[name].shape)}[{idx!r}]', getitem(arrays[name], idx))
    c.add('basic/float index', getitem(C, 1.5))
    c.add('basic/float in tuple', getitem(B, (0, 1.0)))
    c.add('basic/string index', getitem(C, 'a'))
    c.add('basic/slice of transposed view', getitem(View(B, 'T'), (S(1, 3), 0)))
    c.add('basic/int of strided view', getitem(View(C, S(None, None, 3)), -1))
    c.add('basic/slice of negative-step view', getitem(View(B, (S(None, None, -1), S(None, None, -1))), (S(None, 2), 1)))
    c.add('basic/0-size dim', getitem(np.zeros((0, 3)), (S(None), 1)))
    c.add('basic/0-size dim int error', getitem(np.zeros((0, 3)), 0))

    fancy = {
        'C': [[1, 3, 5], [-1, -2], np.array([[0, 1], [2, 3]]), [10], [-11], [], np.array([], dtype='int64'),
              np.array([1, 2], dtype='uint8'), np.array([1, 2], dtype='int32'), np.array([1.0]), np.array([True] * 10),
              [True, False] * 5, [True, False], np.array(3), [[1, 2], [3]], ([1, 2],), (np.array([[1], [2]]),),
              np.array([0, 0, 9, 9]), np.array([], dtype='float64')],
        'B': [[0, 2], ([0, 2], [1, 3]), ([[0], [2]], [1, 3]), ([0, 1], 1), (1, [0, 1, 3]), ([0, 1], [0, 1, 2]),
              (S(None), [3, 0]), ([2, 0], S(1, None)), (E, [0, 0]), ([0, 1], None), (None, [0, 1]), ([[0, 1]], S(None)),
              ([0, 3],), (S(None), [4]), (np.array([[0, 1], [1, 2]]), np.array([[0], [3]])), (0, [True, False, True, False]),
              ([True, False, True], [0, 3]), ([True, False, True], 1), (S(None), np.array([1, -1], dtype='int16')),
              (np.array(1), np.array([1, 2]))],
        'A': [([0, 1], S(None), [1, 2]), (S(None), [0, 1], [1, 2]), ([0, 1], S(1, None), [2, 3]), (0, S(None), [1, 2]),
              (S(None), 0, [1, 2]), ([1], [0, 2], S(None)), ([0, 1], [0, 1], [0, 1]), (E, [0, 3]), ([1, 0], E),
              ([[0], [1]], S(None), [[0, 1, 2]]), (None, [0, 1], S(None), 0), ([0, 1], None, 0), (0, None, [1, 2], S(None)),
              (S(None), [[0, 1], [2, 0]], S(None, 2)), ([0, 1], [0, 1], S(None), None)],
    }
    for name, idxs in fancy.items():
        for idx in idxs:
            c.add(f'fancy/{name}{shp(arrays[name].shape)}[{enc_label(idx)}]', getitem(arrays[name], idx))
    c.add('fancy/of transposed view', getitem(View(B, 'T'), ([0, 3], [2, 0])))
    c.add('fancy/of strided view', getitem(View(A, (S(None), S(None, None, -1))), (S(None), [0, 2], 1)))

    mB = B % 3 == 0
    mA = np.array([[True, False, True], [False, False, True]])
    masks = [('B', mB), ('B', np.array([True, False, True])), ('B', (S(None), np.array([False, True, True, False]))),
             ('B', np.zeros((3, 4), dtype=bool)), ('B', np.array([True, False])), ('B', (S(None), np.array([True, False]))),
             ('B', np.ones((2, 2), dtype=bool)), ('A', mA), ('A', (mA, 1)), ('A', (mA, S(None, None, 2))), ('A', (E, np.array([True, False, False, True]))),
             ('A', (1, mA[0], S(None))), ('B', True), ('B', False), ('C', C > 0), ('C', (C > 0, None)), ('Z', True), ('Z', False),
             ('Z', np.array(True)), ('B', (mB, None)), ('A', (0, np.array([True, True, False]), [1, 3])), ('B', (np.array([True, False, True]), [[0], [1]]))]
    for name, idx in masks:
        c.add(f'mask/{name}{shp(arrays[name].shape)}[{enc_label(idx)}]', getitem(arrays[name], idx))
    c.add('mask/of view', getitem(View(B, 'T'), np.array([True, False, False, True])))
    for i, (name, arr) in enumerate([('int8', np.array([-128, 0, 127], dtype='int8')), ('uint64', np.array([2 ** 40, 0], dtype='uint64')),
                                     ('bool', BL), ('float32', F32), ('int16', np.array([-3, 2], dtype='int16'))]):
        c.add(f'scalar/{name}[0]', getitem(arr, 0))


def enc_label(idx):
    """Short, stable label for an index (arrays shown as np.array(list))."""
    if isinstance(idx, np.ndarray):
        return f'np.array({idx.tolist()!r}, {idx.dtype})'
    if isinstance(idx, tuple):
        return '(' + ', '.join(enc_label(i) for i in idx) + (',)' if len(idx) == 1 else ')')
    if isinstance(idx, list):
        return '[' + ', '.join(enc_label(i) for i in idx) + ']'
    return repr(idx)


# ---- assignment ----------------------------------------------------------------------------

def gen_assignment(c):
    B = np.arange(12, dtype='int32').reshape(3, 4)
    BF = np.arange(12, dtype='float64').reshape(3, 4) / 2
    C = np.arange(10, dtype='int64')
    U = np.arange(6, dtype='uint8')
    A = np.arange(24, dtype='int16').reshape(2, 3, 4)
    mB = B % 3 == 0
    sets = [
        ('C', C, 3, 100), ('C', C, -1, 2.7), ('C', C, S(2, 5), [7, 8, 9]), ('C', C, S(None, None, 2), 0),
        ('C', C, S(None, None, -3), [1, 2, 3, 4]), ('C', C, [1, 3], [10, 30]), ('C', C, [0, 0, 1], [1, 2, 3]),
        ('C', C, C > 5, 0), ('C', C, C > 5, [1, 2, 3, 4]), ('C', C, C > 5, [1, 2, 3]), ('C', C, 10, 1),
        ('C', C, 0, NAN), ('C', C, 0, INF), ('C', C, S(None), np.arange(10)[::-1].copy()), ('C', C, (), 5),
        ('C', C, E, -1), ('C', C, 0, [5]), ('C', C, 0, [1, 2]), ('C', C, S(0, 3), [[1, 2, 3]]), ('C', C, S(0, 3), [[1], [2], [3]]),
        ('C', C, S(0, 0), []), ('C', C, S(0, 2), np.array([1.9, -1.9])), ('C', C, 0, True), ('C', C, [], 5),
        ('B', B, 1, [1, 2, 3, 4]), ('B', B, (S(None), 1), 9), ('B', B, (S(None), 1), [1, 2, 3]), ('B', B, E, 5),
        ('B', B, None, 7), ('B', B, [0, 2], 1), (('B', B, ([0, 2], [1, 3]), [10, 20])), ('B', B, mB, 0),
        ('B', B, mB, -mB.sum()), ('B', B, (S(None), S(None, 2)), [[1], [2], [3]]), ('B', B, 0, [1, 2, 3]),
        ('B', B, (S(None), 0), [[1, 2, 3]]), ('B', B, (S(None, None, -1), S(None, None, -2)), np.array([[1, 2], [3, 4], [5, 6]])),
        ('B', B, (1, 2), 70000.7), ('B', B, ([0, 1], S(None)), [[1], [2]]), ('B', B, (S(None), [True, False, True, False]), 0),
        ('B', B, (mB[0],), 3), ('B', B, (1, -1), -5), ('B', B, (3, 0), 1), ('B', B, (0, 0, 0), 1),
        ('B', B, S(None), np.ones((3, 1), dtype='float32')), ('B', B, S(None), np.ones((2, 4))),
        ('B', B, (np.array([[0], [2]]), np.array([0, 3])), np.array([[1, 2], [3, 4]])),
        ('BF', BF, (S(None), 1), np.array([1, 2, 3], dtype='int8')), ('BF', BF, 0, NAN), ('BF', BF, mB, -0.0),
        ('BF', BF, E, np.arange(4)), ('BF', BF, (1, S(None)), [True, False, True, False]),
        ('U', U, 0, 300), ('U', U, 1, -1), ('U', U, S(None), 255.9), ('U', U, 2, -1.5), ('U', U, [0, 1], np.array([256, -1])),
        ('A', A, ([0, 1], S(None), [1, 2]), 0), ('A', A, ([0, 1], S(None), [1, 2]), np.arange(6).reshape(2, 3)),
        ('A', A, (0, S(None), [1, 2]), np.arange(6).reshape(2, 3)), ('A', A, (E, 0), [[1, 2, 3], [4, 5, 6]]),
        ('A', A, (1, None, E), 9), ('A', A, (np.array([[True, False, True], [False, True, False]]),), [1, 2, 3, 4]),
        ('A', A, np.array([[True, False, True], [False, True, False]]), np.arange(12).reshape(3, 4)),
        ('Z', np.array(1.5), (), 2.5), ('Z', np.array(1.5), E, 3), ('Z', np.array(1.5), None, [4]), ('Z', np.array(1.5), 0, 1),
    ]
    for name, arr, idx, val in sets:
        c.add(f'setitem/{name}{shp(arr.shape)}[{enc_label(idx)}] = {enc_label(val)}', setitem(arr, idx, val))
    c.add('setitem/transposed view', setitem(View(B, 'T'), 0, [1, 2, 3]))
    c.add('setitem/strided view', setitem(View(C, S(None, None, 3)), S(None), 0))
    c.add('setitem/view fancy', setitem(View(B, (S(None, None, -1),)), ([0, 1], [0, 1]), -1))

    views = [
        (B, S(1, None), (0, S(None, 2)), 99), (B, (S(None, None, -1), S(None, None, -1)), 0, [7, 8, 9, 10]), (A, (S(None), S(None, None, 2)), (E, 1), 0),
        (B, S(None, None, -1), 0, -1), (B, (S(None), 1), S(None), [5, 6, 7]), (C, S(2, 8, 2), [0, 2], [40, 50]),
        (C, S(None, None, -1), S(None, 3), 0), (A, (1, S(None), S(1, 3)), (S(None), 0), [1, 2, 3]),
        (B, (None, S(None)), (0, 1), 100), (A, (E, 0), mB[:2, :3].copy(), 0), (B, (S(None), S(None, None, 3)), E, [10, 20]),
        (C, S(None), C > 4, 0), (BF, (S(None, None, 2), S(None, None, -1)), 0, NAN), (A, 0, (S(None), S(None, None, 3)), -7),
    ]
    for base, view, idx, val in views:
        c.add(f'setitem_view/{shp(base.shape)} v=[{enc_label(view)}] v[{enc_label(idx)}] = {enc_label(val)}',
              setitem_view(base, view, idx, val))
    # views of views: the input is already a view (tests writes through two levels)
    c.add('setitem_view/view of a transposed view', setitem_view(View(B, 'T'), S(1, 3), (S(None), 0), 0))
    c.add('setitem_view/view of a strided view', setitem_view(View(A, (S(None), S(None, None, -1))), (0, S(None)), (S(None), 1), 5))
    c.add('setitem_view/newaxis view', setitem_view(C, (None, S(None, None, 2)), (0, S(1, 3)), -3))
    c.add('setitem_view/broadcast value into 2-level view', setitem_view(View(B, S(None, None, 2)), (S(None), S(1, None)), E, [1, 2, 3]))

    iops = [
        ('+=', B, None, 1), ('+=', B, (S(None), 1), 2), ('*=', C, S(None, None, 2), 3), ('-=', B, mB, 1),
        ('+=', C, None, 1.5), ('+=', C, 3, 1.5), ('+=', C, S(3, 4), 1.5), ('/=', BF, None, 2), ('/=', B, None, 2),
        ('//=', B, None, 2), ('//=', BF, None, 0.5), ('%=', B, None, 5), ('**=', B, None, 2), ('+=', C, [0, 0, 1], 1),
        ('+=', U, None, 300), ('-=', U, None, 1), ('+=', U, None, -1), ('*=', BF, (S(None), 0), np.array([1.5, -1, 0])),
        ('+=', B, None, np.arange(4)), ('+=', B, None, np.arange(3)), ('+=', B, None, np.ones((2, 3, 4), dtype='int32')),
        ('-=', BF, E, BF[0].copy()), ('+=', A, (S(None), [0, 2]), 10), ('*=', A, (0, S(None), [1, 2]), -1),
        ('+=', np.array(2.5), None, 1), ('+=', np.array([True, False]), None, True), ('-=', np.array([True, False]), None, True),
        ('+=', U, 0, 255), ('//=', C, None, 0), ('%=', C, None, 0), ('/=', BF, None, 0), ('**=', C, None, -1),
        ('+=', C, None, [1]), ('*=', B.astype('float32'), None, 1e300), ('+=', U, None, np.array([1], dtype='int8')),
        ('+=', B, 10, 1), ('+=', B, (0, 1), 5),
    ]
    for op, arr, idx, val in iops:
        where = f'[{enc_label(idx)}]' if idx is not None else ''
        c.add(f'iop/{arr.dtype}{shp(arr.shape)}{where} {op} {enc_label(val)}', iop(op, arr, idx, val))
    c.add('iop/transposed view += row', iop('+=', View(B, 'T'), None, np.array([1, 2, 3], dtype='int32')))
    c.add('iop/strided view *=', iop('*=', View(C, S(1, None, 3)), None, 2))
    c.add('iop/index into view -=', iop('-=', View(A, (S(None), S(None, None, -1))), (0, 1), 100))


# ---- printing ------------------------------------------------------------------------------

def gen_printing(c):
    arrays = {
        'sci small and large': ([1e-5, 1.0, 1e5], 'float64'), 'large 1e16': ([1e16, 1.0], 'float64'),
        'precision 8': ([0.1, 0.123456789, 1.0 / 3], 'float64'), 'float32 0.1': ([0.1, 0.2, 0.3], 'float32'),
        'ints wide': ([-1000, 5, 20], 'int64'), 'int32': ([1, 2, 3], 'int32'), 'uint8': ([0, 255], 'uint8'),
        'bool 2-D': ([[True, False], [False, True]], 'bool'), 'nan inf': ([NAN, INF, -INF, 1.5], 'float64'),
        'negative zero': ([-0.0, 0.0, 1.0], 'float64'), 'integral floats': ([1.0, 2.0, -3.0], 'float64'),
        'float32 integral': ([1.0, 2.0], 'float32'), '3-D int': (np.arange(24).reshape(2, 3, 4).tolist(), 'int64'),
        '2-D floats mixed widths': ([[1.5, -22.25], [333.125, 0.0]], 'float64'), 'tiny': ([1e-300, 5e-324], 'float64'),
        'float32 big': ([3.4e38, -1e-38], 'float32'), 'int8 negative': ([-128, 127], 'int8'),
        'uint64 big': ([2 ** 40, 1], 'uint64'), 'float all nan': ([NAN, NAN], 'float64'), 'mixed 1e-4 boundary': ([1e-4, 1.0], 'float64'),
        '0.0001 and 1000': ([0.0001, 1000.0], 'float64'), 'e notation threshold 1e8': ([1e8, 1.0], 'float64'),
        'long row wraps': (list(range(0, 400, 13)), 'int64'), 'long float row wraps': ([i / 7 for i in range(20)], 'float64'),
        'int16 2-D': ([[1, -20], [300, 4000]], 'int16'), 'float32 2-D': ([[0.5, 1e-3], [1e3, -2.25]], 'float32'),
    }
    for name, (data, dt) in arrays.items():
        c.add(f'array/{name}', fn('array', data, dtype=dt))
    for dt in ALL:
        c.add(f'0-d/{dt}', fn('array', SPECIAL[dt][1] if dt != 'bool' else True, dtype=dt))
        c.add(f'empty/(0,) {dt}', fn('zeros', 0, dtype=dt))
        c.add(f'empty/(0,3) {dt}', fn('zeros', (0, 3), dtype=dt))
        c.add(f'empty/(2,0) {dt}', fn('zeros', (2, 0), dtype=dt))
        c.add(f'scalar/{dt} [1]', getitem(special(dt), 1))
        c.add(f'scalar/{dt} [-1]', getitem(special(dt), -1))
    for v in [0.1, 1e16, 1e-5, 1.5, -0.0, 100.0, 123456789.0, 1e22, 0.3 - 0.1, NAN, INF]:
        for dt in FLOATS:
            c.add(f'scalar/{dt} {v!r}', getitem(np.array([v], dtype=dt), 0))
    c.add('summarised/arange 1001', fn('arange', 1001))
    c.add('summarised/arange 2000 float32', fn('arange', 2000, dtype='float32'))
    c.add('summarised/linspace 1200', fn('linspace', -1, 1, 1200))
    c.add('summarised/eye 40', fn('eye', 40, dtype='int8'))
    c.add('summarised/zeros (3,400)', fn('zeros', (3, 400), dtype='bool'))
    c.add('not summarised/arange 1000', fn('arange', 1000))


CATEGORIES = [('creation', gen_creation), ('dtypes', gen_dtypes), ('promotion', gen_promotion), ('ufuncs', gen_ufuncs),
              ('broadcast', gen_broadcast), ('reductions', gen_reductions), ('manipulation', gen_manipulation),
              ('indexing', gen_indexing), ('assignment', gen_assignment), ('printing', gen_printing)]


def main():
    warnings.simplefilter('ignore')
    np.seterr(all='ignore')
    os.makedirs(os.path.join(OUT, 'codec'), exist_ok=True)
    total = 0
    for name, gen in CATEGORIES:
        c = Category(name)
        gen(c)
        path = os.path.join(OUT, f'{name}.json')
        # one case per line, so a regenerated fixture reviews as a line diff
        head = json.dumps({'numpy': np.__version__, 'category': name})[:-1]
        lines = [json.dumps(case, allow_nan=False, separators=(',', ':')) for case in c.cases]
        text = head + ', "cases": [\n' + ',\n'.join(lines) + '\n]}\n'
        with open(path, 'w') as f:
            f.write(text)
        total += len(c.cases)
        print(f'{name:14s} {len(c.cases):5d} cases  {len(text) / 1024:7.1f} KiB  skipped {len(c.skipped)}')
        for s in c.skipped:
            print(f'    skipped {s}')
    views = [{'arg': j, 'dtype': str(v.dtype), 'shape': list(v.shape), 'strides': [s // v.itemsize for s in strides],
              'data': flat_data(v)} for j, v, strides in VIEWS.values()]
    with open(os.path.join(OUT, 'codec', 'views.json'), 'w') as f:
        f.write(json.dumps({'numpy': np.__version__, 'views': views}, allow_nan=False, separators=(',', ':')) + '\n')
    print(f'total {total} cases; {len(views)} distinct input views')


if __name__ == '__main__':
    sys.exit(main())
