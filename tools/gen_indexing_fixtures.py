#!/usr/bin/python3
"""Writes test/fixtures/indexing.json: what NumPy 1.24 does for `a[index]` and
`a[index] = value` over a table of cases, which test/engine/indexing.test.ts replays against
engine/ops/indexing.ts.

Run with Debian's /usr/bin/python3 (NumPy 1.24.2):  /usr/bin/python3 tools/gen_indexing_fixtures.py
It tests nothing itself and is not needed to run the tests.

Every input array is `np.arange(n).astype(dtype)` (the buffer owner) reshaped, optionally
then basic-indexed by `pre` (a non-contiguous start), so the TS side can rebuild it. Indices
and values are written as Python source in the table below, evaluated here, and encoded item
by item. Numbers are strings so nothing is lost on the way to JS: floats as repr ('nan',
'inf', '-0.0'), ints as decimal text, bools as 0/1. Results record shape, dtype, values, and
for arrays their strides and offset in elements and whether they are a view of the owner;
assignments record the owner's values afterwards; errors record type and message.
"""

import json
import os
import warnings

import numpy as np

assert np.__version__.startswith('1.24'), np.__version__
warnings.simplefilter('ignore')  # out-of-bound Python ints (DeprecationWarning), NaN casts

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'test', 'fixtures', 'indexing.json')

ARRAYS = {'v': (10,), 'a': (3, 4), 'b': (2, 3, 4), 'z': (), 'e': (0, 3), 'd': (2, 1, 3)}


class _Split:
    """I[1:, None] -> the index as a tuple of items (what the engine receives)."""

    def __getitem__(self, key):
        return key if isinstance(key, tuple) else (key,)


I = _Split()


def enc_num(dtype, x):
    if dtype == 'bool':
        return '1' if x else '0'
    if dtype.startswith('float'):
        return repr(float(x))
    return str(int(x))


def enc_array(x):
    x = np.asarray(x)
    return {'t': 'array', 'dtype': x.dtype.name, 'shape': list(x.shape),
            'v': [enc_num(x.dtype.name, e) for e in np.ascontiguousarray(x).ravel().tolist()]}


def enc_list(x):
    if isinstance(x, (list, tuple)):
        return [enc_list(e) for e in x]
    if isinstance(x, bool):
        return {'b': x}
    if isinstance(x, int):
        return {'i': str(x)}
    if isinstance(x, float):
        return {'f': repr(x)}
    if isinstance(x, np.generic):
        return {'np': x.dtype.name, 'v': enc_num(x.dtype.name, x.item())}
    if isinstance(x, slice):
        return {'slice': [x.start, x.stop, x.step]}
    if x is None:
        return {'none': True}
    raise TypeError(f'cannot encode list element {x!r}')


def enc_item(x):
    """One index item or assigned value."""
    if x is None:
        return {'t': 'none'}
    if x is Ellipsis:
        return {'t': 'ellipsis'}
    if isinstance(x, slice):
        parts = []
        for p in (x.start, x.stop, x.step):
            if p is None:
                parts.append(None)
            elif isinstance(p, float):
                parts.append(repr(p))
            else:
                parts.append(str(int(p)))
        return {'t': 'slice', 'v': parts}
    if isinstance(x, bool):
        return {'t': 'bool', 'v': x}
    if isinstance(x, int):
        return {'t': 'int', 'v': str(x)}
    if isinstance(x, float):
        return {'t': 'float', 'v': repr(x)}
    if isinstance(x, np.ndarray):
        return enc_array(x)
    if isinstance(x, np.generic):
        return {'t': 'np', 'dtype': x.dtype.name, 'v': enc_num(x.dtype.name, x.item())}
    if isinstance(x, list):
        return {'t': 'list', 'v': enc_list(x)}
    if isinstance(x, tuple):
        return {'t': 'tuple', 'v': enc_list(x)}
    raise TypeError(f'cannot encode index item {x!r}')


def make(name, dtype, pre, readonly=False):
    shape = ARRAYS[name]
    n = int(np.prod(shape))
    owner = np.arange(n).astype(dtype)
    a = owner.reshape(shape)
    if pre is not None:
        a = a[eval(f'I[{pre}]')]
    if readonly:
        a.flags.writeable = False
    return owner, a


def describe_result(r, owner, index_items):
    if isinstance(r, np.ndarray):
        itemsize = r.dtype.itemsize
        is_view = r.base is owner
        offset = (r.__array_interface__['data'][0] - owner.__array_interface__['data'][0]) // itemsize if is_view else None
        arrays_c = all(np.asarray(x).flags['C_CONTIGUOUS'] for x in index_items if isinstance(x, np.ndarray))
        return {
            'kind': 'array', 'shape': list(r.shape), 'dtype': r.dtype.name,
            'values': [enc_num(r.dtype.name, e) for e in r.ravel().tolist()],
            'strides': [s // itemsize for s in r.strides], 'offset': offset, 'isView': bool(is_view),
            # NumPy lays out copies by its iterator: comparable for C-ordered index arrays and no 0/1 dims
            'checkStrides': bool(is_view or (arrays_c and r.size > 0 and 1 not in r.shape)),
        }
    assert isinstance(r, np.generic), type(r)
    return {'kind': 'scalar', 'dtype': r.dtype.name, 'value': enc_num(r.dtype.name, r.item())}


def error(e):
    return {'kind': 'error', 'type': type(e).__name__, 'message': str(e)}


cases = []
names = set()


def _name(kind, arr, dtype, pre, index, value=None, write=None, readonly=False):
    s = arr + (f'[{pre}]' if pre is not None else '') + f'[{index}]'
    if value is not None:
        s += f' = {value}'
    if write is not None:
        s += f' ; r[...] = {write}'
    if dtype != 'int64':
        s += f'  ({dtype})'
    if readonly:
        s += '  (read-only)'
    assert s not in names, s
    names.add(s)
    return s


def namespace(arr):
    ns = {'np': np, 'I': I}
    for k in ARRAYS:
        ns[k] = make(k, 'int64', None)[1]
    return ns


def get(arr, index, dtype='int64', pre=None, write=None):
    owner, a = make(arr, dtype, pre)
    ns = namespace(arr)
    ns[arr] = a
    items = eval(f'I[{index}]', ns)
    case = {'name': _name('get', arr, dtype, pre, index, write=write), 'op': 'get',
            'base': {'name': arr, 'shape': list(ARRAYS[arr]), 'dtype': dtype, 'pre': pre_items(arr, pre)},
            'index': [enc_item(x) for x in items]}
    try:
        r = a[items]
        case['expect'] = describe_result(r, owner, items)
        if write is not None:
            w = eval(write, ns)
            case['write'] = enc_item(w)
            r[...] = w
            case['ownerAfter'] = [enc_num(dtype, e) for e in owner.tolist()]
    except Exception as e:  # noqa: BLE001 - recording NumPy's exception is the point
        case['expect'] = error(e)
    cases.append(case)


def pre_items(arr, pre):
    if pre is None:
        return None
    return [enc_item(x) for x in eval(f'I[{pre}]')]


def put(arr, index, value, dtype='int64', pre=None, readonly=False):
    owner, a = make(arr, dtype, pre, readonly)
    ns = namespace(arr)
    ns[arr] = a
    items = eval(f'I[{index}]', ns)
    case = {'name': _name('set', arr, dtype, pre, index, value=value, readonly=readonly), 'op': 'set',
            'base': {'name': arr, 'shape': list(ARRAYS[arr]), 'dtype': dtype, 'pre': pre_items(arr, pre), 'readonly': readonly},
            'index': [enc_item(x) for x in items]}
    if value.startswith('SELF'):
        # the value is a view of the target itself (overlap)
        vitems = eval(f'I{value[4:]}')
        case['value'] = {'t': 'self', 'index': [enc_item(x) for x in vitems]}
        v = a[vitems]
    else:
        v = eval(value, ns)
        case['value'] = enc_item(v)
    try:
        a[items] = v
        case['expect'] = {'kind': 'set', 'owner': [enc_num(dtype, e) for e in owner.tolist()]}
    except Exception as e:  # noqa: BLE001
        case['expect'] = error(e)
    cases.append(case)


# ---- getitem: basic indices (views) ------------------------------------------------------

for ix in ['3', '-1', '9', '-10', '10', '-11', '2:7', '::2', '::-1', '8:2:-2', '-100:100', '5:2', '20:', ':-20:-1',
           '::-3', '-3:', '1::0', '...', 'None', '..., None', 'None, ...', '()', 'np.newaxis, 3', '3, None',
           'np.int64(3)', 'np.uint8(2)', 'np.int8(-2)', 'np.array(4)', 'np.array(-1, np.int8)', 'np.array(12)',
           '1.0', '1.5', 'np.float64(1)', 'np.array(1.0)', 'np.float32(2)', '1.5:', '::1.5', ':2.5:0', 'True:',
           'np.int64(1):np.int64(8):np.int64(3)', '2**62', '2**63', '2**70', '-2**63', '..., ...', '..., 0, ...',
           'None, None, 2:4, None', '0, 0']:
    get('v', ix)

for ix in ['1', '-1', '1, 2', '-1, -1', '3', '-4', '0, 4', '0, -5', '0, 0, 0', '1:, ::-1', ':, 1', '..., 1', '1, ...',
           '0, ..., 0', '..., 0, 0', '0, 0, ...', 'None, ..., None', '..., None, 1', '1:2, ..., None, ::-1', '::2, ::-2',
           '1:1', ':, 5:', '0, 0, 0, ...', '::0, 5', '5, ::0', 'None, 1, None, 2', '(Ellipsis,)*2', '1.0, ...', '..., ..., 1.0',
           '1.0, ..., ...', '()', ':, :', '-1:-3:-1, 2::-2', '1, 1:1']:
    get('a', ix)

for ix in ['1, ::-1', '..., 1:3', '0, :, None, 2', '..., -1, 1:', '1, 2, 3', '-2, -3, -4', 'None, 1, ..., None, 0']:
    get('b', ix)

for ix in ['()', '...', 'None', '..., None', '0', ':', 'np.array(0)', '[]', '[0]', '..., ..., None']:
    get('z', ix)

for ix in ['0', ':, 1', '..., ::-1', ':, 3', '1:, 1:', 'None, :, 0']:
    get('e', ix)

for ix in ['(None,)*31', '(None,)*32', '(None,)*9 + (3,)']:
    get('v', ix)

# non-contiguous starting points: indices compose with the view's strides and offset
for pre, ix in [('::-1', '2'), ('::-1', '2:5'), ('::-1', '::-2'), ('1::3', '-1'), ('1::3', '::-1'), ('::-1', '[0, 2]'),
                ('::-1', 'np.array([True, False] * 5)'), ('1:8', '..., None, 2:')]:
    get('v', ix, pre=pre)
for pre, ix in [(':, ::-1', '1'), (':, ::-1', '[0, 2]'), ('::2, 1:', ':, [2, 0]'), ('::-1, ::-1', '0, [1, 3]'),
                (':, ::-2', ':, None, 1')]:
    get('a', ix, pre=pre)

# views write through to the owner; copies do not
for arr, ix, w, pre in [('a', '1:, ::2', '-1', None), ('b', '0, :, None, 2', '[[7], [8], [9]]', None),
                        ('v', '::-3', '[1, 2, 3, 4]', None), ('v', '1::-1', '-5', '::2'), ('a', '..., 1', '[5, 6, 7]', None),
                        ('a', 'None', '0', None), ('v', '[0, 1]', '-1', None), ('a', 'a > 5', '0', None),
                        ('a', ':, [1]', '-1', None), ('a', '1', '[9, 8, 7, 6]', ':, ::-1')]:
    get(arr, ix, pre=pre, write=w)

# ---- getitem: advanced indices (copies) ----------------------------------------------------

for ix in ['[0, 2, 4]', '[-1, -10]', '[10]', '[-11]', '[0, 10, 20]', '[]', '[[]]', 'np.array([[1, 2], [3, 4]])',
           'np.arange(6).reshape(2, 3).T', 'np.arange(6).reshape(2, 3)[:, ::2]', 'np.array([2], np.uint8)',
           'np.array([3, -1], np.int16)', 'np.array([7], np.uint64)', 'v > 4', 'v > 100', '[True] * 10',
           'np.array([True, False])', 'np.ones((10, 1), bool)', 'np.array([], bool)', '[True, 1]', '[0, True]',
           '[[0, 1], [2, 3]]', '[0, 1], None', 'None, [0, 1]', '[0, 1], ...', '..., [0, 1]', 'np.array([[0], [1]])',
           '[0], False', '[0, 1, 2], False', 'False, [0, 1, 2]', 'True', 'False', 'np.bool_(True)', 'np.array(True)',
           'np.array(False)', 'True, True', 'True, 3', '3, True', '[1.5]', 'np.array([1.0])', '[0, slice(None)]',
           '[0, None]', '[[0], [0, 1]]', '[2, 3], [0]', '(0, 1),', '[np.int64(1), np.uint8(2)]', '[[1, 2]], None, False',
           '[1.0, 2.0]', '[True, 2.5]', 'np.array([[True, False]]).T', 'None, v > 5, None']:
    get('v', ix)

for ix in ['[0, 2]', '[2, 0], ::-1', '1:, [0, 2]', '..., [1, 0]', ':, [[0, 1], [1, 2]]', '[[0, 1], [1, 2]], :',
           '[0, 1], [1, 2]', '[[0], [2]], [1, 3]', '[0, 1], [0, 1, 2]', '[0, 9], [0, 1, 2]', '[0, 5], [9, 1]',
           '[0, 9], [9, 1]', '[0, 1], [0, 9]', '5, [0, 9]', '[0, 9], 5', ':, [5]', '[1], [-5]', 'a > 5', '(a > 5)[:2]',
           'np.ones((3, 5), bool)', 'np.ones((2, 4), bool)', 'np.ones((3, 0), bool)', 'np.ones((0, 4), bool)',
           'np.ones((0, 0), bool)', ':, np.ones(0, bool)', '[True, False, True]', '[True, False, True], 1:',
           ':, [True, False, True, True]', 'a[:, 0] > 2, 1', '[True, False, True], [0, 3]',
           '[True, False, True], [0, 1, 3]', 'True', 'False', 'True, 0', '0, True', ':, True', '..., True', 'None, True',
           '[0, 1], True', '[0, 1], False', 'True, True', 'True, 0, True', 'np.array(True), 1:', '[[0]], [[]]', '[], []',
           '[[]], 0', 'np.zeros((0, 2), int)', 'None, [0, 1]', 'None, :, [0, 1]', '[0, 1], None', 'None, [0, 1], ..., [1, 2]',
           '[0, 1], ..., [1, 2], None', '[0, 1], 0', '0, [0, 1]', '[[0, 1], [1, 2]], [[0], [3]]', '[2, 0], [[3], [1]], ...',
           'np.array([[0, 1]], np.int16), np.array([[1], [2]])', '[[0]], np.array([True, True, False, True]), 1',
           '[0, 1], [0, 1], [0, 1]', 'np.ones((3, 4), bool), None', 'None, np.ones((3, 4), bool)', '::0, [0]',
           '::0, np.array([True])', '[0, 1], 1.0', '[[0], [0, 1]], ..., ...', '..., ..., [[0], [0, 1]]', '(None,)*31 + ([0],)',
           '(None,)*32 + ([0],)', '[0, 1], ::-1, None']:
    get('a', ix)

for ix in ['0, :, [0, 1]', ':, 0, [0, 1]', '[0, 1], :, [1, 2]', ':, [0, 1], [1, 2]', ':, [[0], [1]], [1, 2]', '..., [0, 1]',
           '[0, 1], ..., [1, 2]', '[0], 1:, [[1], [2]]', 'np.ones((2, 3), bool)', 'np.ones((2, 3), bool), [0, 1, 2]',
           'b[..., 0] > 5', ':, [True, False, True], 1', '[[True, False, True], [False, False, True]]',
           '[0, 1], True, [0, 1, 2]', 'True, [0, 1], [0, 1, 2]', '[0, 1], False, 0', '[0], False', 'None, 0, :, [0, 1]',
           ':, np.ones((3, 4), bool)', '0, [[1, 2]], 1:3', '1, [2, 0], None, ::-1', '[1, 0], [[2], [1], [0]], [3, 3, 0]',
           ':, 1, [[0, 3]]', '[-1], ..., -1', 'b[0] > 3, 1', '1, b[0, 0] > 1', ':, [0, 1], 1:, None', '[0, 1], :, 0, None']:
    get('b', ix)

for ix in ['True', 'False', 'np.array(True)', 'True, True', 'None, False']:
    get('z', ix)

for ix in ['[]', '[0]', ':, [0, 2]', 'np.ones((0, 3), bool)', '..., [2, 1, 0]', '[], [1]']:
    get('e', ix)

for ix in ['0, [0], 1', ':, 0, [0, 2]', '[1, 0], 0', '..., 0, [2, 1]', 'd[:, 0, :] > 2', '[1], :, [[0], [2]]']:
    get('d', ix)

# other dtypes: indexing moves elements without casting
for dt in ['float32', 'float64', 'bool', 'uint8', 'int16', 'int32', 'uint64']:
    for ix in ['1, ::-1', '[2, 0], 1', ':, [True, False, True, False]', '-1, -1']:
        get('a', ix, dtype=dt)

# ---- setitem ---------------------------------------------------------------------------------

for ix, val in [('2:5', '[7, 8, 9]'), ('::2', '-1'), ('::-1', 'np.arange(10)'), ('1:3', '[1, 2, 3]'), ('3', '2.7'),
                ('3', '-2.7'), ('3', 'np.nan'), ('3', 'np.inf'), ('3', '1e30'), ('3', 'np.float64("nan")'),
                ('3', 'np.float32("nan")'), ('3', 'np.float32(2.5)'), (':', 'np.array(np.nan)'), ('3', 'np.array(np.nan)'),
                ('3', 'np.array([np.nan])'), ('3', '[1]'), ('3', 'np.array([5])'), ('3', 'np.array([[5]])'),
                ('3', 'np.array([5, 6])'), ('3', 'np.array([])'), ('3', 'np.array([2.7])'), (':', 'np.nan'),
                (':', '[1.5, np.nan] * 5'), ('::-2', '[10, 20, 30, 40, 50]'), ('::-2', '[10, 20]'), ('...', '7'),
                ('()', '7'), ('3', 'True'), ('3', 'np.int64(-4)'), ('1:', 'SELF[:-1]'), (':-1', 'SELF[1:]'),
                ('::-1', 'SELF[...]'), ('0', 'SELF[1:2]'), ('2:4', '[[1, 2]]'), ('2:4', 'np.ones((1, 1, 2))'),
                ('2:4', 'np.ones((2, 1))'), ('3', 'np.array(-7.9, np.float32)'), ('20:', '[]'), ('5:2', '[1, 2]'),
                ('None, 2:4', '[[1], [2]]'), ('3', '2**63'), (':', 'np.arange(10) * 1.7')]:
    put('v', ix, val)

for ix, val in [('0', '[[1, 2, 3, 4]]'), ('0', 'np.ones((1, 4))'), ('0', 'np.ones((1, 1, 4))'), ('0', 'np.ones((1, 3))'),
                ('0', 'np.ones((2, 4))'), ('0, 1:3', 'np.ones((2, 1))'), ('0:2', '[[1], [2], [3]]'), ('0:2', '[[1, 2], [2, 3]]'),
                (':, 1', '[1.9, -1.9, 2.5]'), ('...', '7'), ('()', '[1, 2, 3, 4]'), ('0, :, None', '[1, 2, 3, 4]'),
                ('0, :, None', '[[1], [2], [3], [4]]'), ('1, 2', '-3'), ('1, 2', '[[5]]'), ('5', '1'), ('0, 0, 0', '1'),
                (':, ::-1', 'SELF[...]'), ('1:, :3', 'SELF[:2, 1:]'), ('::2, ::3', '[[1], [2]]'), ('..., 0', 'np.array([1, 2, 3], np.uint8)')]:
    put('a', ix, val)

for ix, val in [('()', '5'), ('...', '[1]'), ('()', '[1]'), ('...', 'np.ones((1, 1))'), ('...', 'np.ones((1, 2))'),
                ('()', 'np.ones((1, 2))'), ('()', 'np.array([[7]])'), ('None', '[1, 2]'), ('None', '[[5]]'), ('True', '[1, 2]'),
                ('False', '[1, 2]'), ('np.array(True)', '[1, 2]'), ('False', '5'), ('True', '5'), ('0', '1')]:
    put('z', ix, val)

for dt, ix, val in [('int8', '0', '300'), ('int8', '0', '300.7'), ('int8', '0', '3e9'), ('int32', '0', '3e9'),
                    ('uint8', '0', '-1'), ('uint8', '0', '-1.5'), ('uint64', '0', '-1.5'), ('uint64', '0', '1e20'),
                    ('bool', '0', '[1, 2]'), ('bool', '0', '[]'), ('bool', '0', 'np.array([1, 2])'), ('bool', '0', 'np.nan'),
                    ('bool', ':3', '[2, 0, -1]'), ('float32', '0', '1e300'), ('float32', ':', '0.1'), ('uint8', ':3', '[256, -1, 1.9]'),
                    ('int16', '[0, 1]', '[70000, 1.5]'), ('float32', 'v > 5', 'np.arange(4) / 3'), ('uint8', '[0, 1]', 'np.nan'),
                    ('int32', '::3', 'np.array([1e10, -1e10, np.nan, 2.5])'), ('bool', '[1, 2]', '0.0')]:
    put('v', ix, val, dtype=dt)

for ix, val in [('[0, 0, 0]', '[7, 8, 9]'), ('[1, 2, 3, 4]', 'SELF[:-1]'), ('[1, 2, 3, 4]', 'SELF[3::-1]'),
                ('[2, 4, 6]', 'SELF[:6:2]'), ('[0, 10]', '[7, 8]'), ('[10]', '[1, 2]'), ('[]', '[]'), ('[]', '[1]'),
                ('[]', '[1, 2]'), ('[0, 1]', 'np.zeros((3, 0))'), ('[0, 10]', 'np.zeros((3, 0))'), ('[0, 1]', 'np.nan'),
                ('[0, 1]', '[np.nan, 1]'), ('[0]', 'np.array([np.nan])'), ('[0, 1]', '[[[1]], [[2]]]'),
                ('np.array([[0, 1]])', '[[3, 4]]'), ('np.array([[0, 1]])', '[3, 4, 5]'), ('True', '7'), ('False', '7'),
                ('False', '[1, 2]'), ('[-1, -2]', '[1.9, 2.9]'), ('[[1], [2]]', '[5, 6]'), ('[1, 2, 3]', 'SELF[0]'),
                ('[1, 2, 3]', 'SELF[0:1]'), ('v > 5', '[1, 2, 3, 4]'), ('v > 0', 'SELF[:-1]'), ('v > 5', 'SELF[:4]'),
                ('[True, False] * 5', 'SELF[5:]'), ('v > 5', '[[1, 2, 3, 4]]'), ('np.array([3, 1], np.uint8)', '[-1, -2]'),
                ('[0, 1], [0]', '5'), ('[1.5]', '0'), ('[0, 1], None', '[[1], [2]]'), ('None, [0, 1]', '[[1, 2]]')]:
    put('v', ix, val)

for ix, val in [(':, [0, 1]', 'np.ones(5)'), ('[0, 1]', 'np.ones(5)'), ('[0, 1]', 'np.ones((1, 1, 4))'),
                ('[0, 1]', 'np.ones((2, 1, 4))'), ('[0, 1]', '[[[[1, 2, 3, 4]]]]'), ('[0, 1]', '[[[[1, 2, 3, 4]], [[1, 2, 3, 4]]]]'),
                ('1:, [0, 2]', '[[10, 20], [30, 40]]'), ('..., [1, 0]', '[1, 2]'), ('..., [1, 1]', '[[1, 2], [3, 4], [5, 6]]'),
                ('[0, 0], [1, 1]', '[1, 2]'), ('[0, 1, 2], [1, 1, 1]', '[1, 2, 3]'), ('[True, False, True], 1:', '[1, 2, 3]'),
                ('[True, False, True], 1:', '0'), ('[True, False, True]', '[1, 2, 3]'), ('True', '[[1, 2, 3, 4]]'),
                ('False', '[[1, 2, 3, 4]]'), ('True', '3'), ('[0, 1], [0, 1, 2]', '[np.nan, 1]'), ('[0, 1], [0, 1, 2]', '[1, 2, 3, 4]'),
                ('[0, 9], [0, 1]', '[1, 2, 3]'), ('[0, 9], [0, 1]', '5'), ('[0, 9], [0, 1]', '[np.nan, 1]'), ('9, [0, 1]', '[np.nan]'),
                ('::0, [0]', '[np.nan]'), (':, [1, 2]', 'SELF[:, :2]'), ('[1, 2]', 'SELF[:2]'), ('0, [1, 3]', '[1.5, 2.5]'),
                (':, [0, 1]', '[[1, 2], [3, 4], [5, 6]]'), (':, [0, 1]', '[1, 2, 3]'), (':, [0, 1]', '[[1], [2], [3]]'),
                ('[0, 2], 1:3', '[[1, 2], [3, 4], [5, 6]]'), ('0:2, [0, 1]', 'np.ones((2, 2, 2))'), ('[[0], [2]], [1, 3]', '[[1, 2], [3, 4]]'),
                ('a > 3', '[1, 2, 3]'), ('a > 3', 'np.ones((1, 8))'), ('a > 3', '[5]'), ('a > 3', '0'), ('a > 3', 'np.arange(8) * 1.5'),
                ('a > 100', '[1, 2]'), ('a > 100', '[]'), ('a > 3', '[np.nan] * 8'), ('a > 3', 'np.array(9.9)'), ('a > 3', '[[1]]'),
                ('[[True, False, True, True]] * 3', 'np.arange(9)'), ('a > 3', 'SELF[0, :1]'), ('a > 3', 'SELF[1, :1]'),
                (':, a[0] > 1', '[[1, 2], [3, 4], [5, 6]]'), ('a[:, 0] > 3, 0', '[7, 8]'), ('None, [0, 2]', '[[1], [2]]'),
                ('[2, 0], [[3], [1]], ...', '[[1, 2], [3, 4]]'), ('[0, 1], :, None', '[[1], [2], [3], [4]]')]:
    put('a', ix, val)

for ix, val in [('0, :, [0, 1]', '[[1, 2, 3], [4, 5, 6]]'), (':, 0, [0, 1]', '[[1, 2], [3, 4]]'), ('0, :, [0, 1]', '[1, 2, 3]'),
                (':, [0, 1], [1, 2]', '[9, 8]'), ('..., [0, 1]', 'np.arange(12).reshape(2, 3, 2)'), ('b[..., 0] > 5', '[1, 2, 3, 4]'),
                ('[0, 1], ..., [1, 2]', '[[1], [2]]'), ('np.ones((2, 3), bool), [0, 1, 2]', '0')]:
    put('b', ix, val)

# NumPy 1.24 ignores out-of-bound index arrays when the result is empty (a DeprecationWarning)
for ix in ['[9], []', '[9], 1:1', '1:1, [9]', '[9], False', '[9], [[]]', '[9], :0', '[[9]], np.zeros((1, 0), int)']:
    get('a', ix)
    put('a', ix, '5')
for ix in ['[9]', ':, [9]', '[], [9]', '[0], [9]']:
    get('e', ix)
    put('e', ix, '5')

put('a', '0', '5', readonly=True)
put('a', '[0, 1]', '5', readonly=True)
put('v', '::2', '1', pre='::-1')
put('v', '[0, 1]', '[7, 8]', pre='::-3')
put('a', ':, [0, 1]', '[[1, 2]]', pre=':, ::-1')
put('a', 'a > 5', '-1', pre='::-1, 1:')

# ---- a seeded random sweep: mixed basic/advanced indices on small arrays -----------------------

rng = np.random.RandomState(20240611)


def rand_item(shape, axis):
    """Python source of one random index item, mostly valid for `axis`; how many axes it uses."""
    d = shape[axis] if axis < len(shape) else 2
    r = rng.rand()
    if r < 0.18:
        return str(rng.randint(-d - 1, d + 1)), 1
    if r < 0.42:
        def bound():
            return None if rng.rand() < 0.35 else int(rng.randint(-d - 2, d + 3))
        step = [None, 1, 2, 3, -1, -2][rng.randint(6)]
        start, stop = bound(), bound()
        return (f"{'' if start is None else start}:{'' if stop is None else stop}"
                f"{'' if step is None else ':' + str(step)}"), 1
    if r < 0.50:
        return 'None', 0
    if r < 0.56:
        return '...', 0
    if r < 0.78:
        nd = rng.randint(1, 3)
        ishape = tuple(int(x) for x in rng.randint(0, 4, size=nd))
        vals = rng.randint(-d, max(d, 1), size=int(np.prod(ishape))).tolist() if d > 0 else [0] * int(np.prod(ishape))
        if len(ishape) == 1:
            return f'np.array({vals}, dtype=np.intp)', 1
        return f'np.array({vals}, dtype=np.intp).reshape{ishape}', 1
    if r < 0.90:
        k = 1 if axis + 1 >= len(shape) or rng.rand() < 0.6 else 2
        mshape = tuple(shape[axis:axis + k]) if axis + k <= len(shape) else (d,)
        vals = (rng.rand(int(np.prod(mshape))) < 0.5).tolist()
        return f'np.array({vals}, dtype=bool).reshape{mshape}', len(mshape)
    if r < 0.95:
        return ['True', 'False'][rng.randint(2)], 0
    return str(rng.randint(-d, max(d, 1), size=rng.randint(0, 4)).tolist()), 1


def rand_index(shape):
    items, axis = [], 0
    for _ in range(rng.randint(0, 6)):
        if axis >= len(shape) and rng.rand() < 0.85:
            break  # mostly stay within the array's rank; sometimes go past it
        src, used = rand_item(shape, axis)
        if src == '...' and '...' in items:
            continue
        items.append(src)
        axis += used
    return ', '.join(items) if items else '()'


def rand_value(shape):
    """Python source of a value for an indexed shape: mostly broadcastable, sometimes not."""
    r = rng.rand()
    if r < 0.25 or len(shape) == 0:
        return ['-7', '2.5', 'True', 'np.float32(-3.5)'][rng.randint(4)]
    size = int(np.prod(shape))
    if r < 0.6:
        return f'np.arange({size}).reshape({tuple(shape)}) + 100'
    if r < 0.8:
        return f'(np.arange({shape[-1]}) * 1.5).tolist()'
    if r < 0.9:
        return f'np.arange({shape[0] + 1})'
    return f'np.ones((1,) + {tuple(shape)}, np.int16)'


RANDOM_SHAPES = [(5,), (4, 3), (2, 3, 4), (3, 1, 2), (0, 2), (2, 0, 3), (2, 2, 2, 2), ()]
for k, shape in enumerate(RANDOM_SHAPES):
    ARRAYS[f'r{k}'] = shape
seen = 0
while seen < 360:
    k = rng.randint(len(RANDOM_SHAPES))
    name, shape = f'r{k}', RANDOM_SHAPES[k]
    ix = rand_index(shape)
    key = f'{name}[{ix}]'
    if key in names:
        continue
    get(name, ix)
    seen += 1
    res = cases[-1]['expect']
    if res['kind'] == 'array' and rng.rand() < 0.6:
        val = rand_value(res['shape'])
        if f'{key} = {val}' not in names:
            put(name, ix, val)

with open(OUT, 'w') as f:
    # one case per line: reviewable diffs when NumPy or the table changes
    f.write('{"numpy": %s, "cases": [\n' % json.dumps(np.__version__))
    f.write(',\n'.join(json.dumps(c) for c in cases))
    f.write('\n]}\n')
print(f'{len(cases)} cases -> {os.path.relpath(OUT)}')
