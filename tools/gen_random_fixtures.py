#!/usr/bin/python3
"""Writes test/fixtures/random.json: sequences of np.random calls answered by real NumPy 1.24,
and test/fixtures/random_libm.json: inputs and outputs of this machine's glibc log, log1p and
log1pf (the functions whose last bits reach NumPy's gaussians).

Each sequence is a list of steps replayed in order by test/engine/random.test.ts through
engine/random/pycall.ts (callRandom / callRandomMethod / getRandomAttribute). A step records
the call, its arguments (engine/pycall.ts's JSON argument format plus {"bigint": "…"} and
{"ref": name} for objects bound by earlier steps) and NumPy's answer: the value with its
Python-vs-NumPy type, dtype and shape, or the exception type and text. Floats are written
with Python's repr, which round-trips exactly; ints beyond 2**53 are decimal strings.
Run: /usr/bin/python3 tools/gen_random_fixtures.py (needs NumPy 1.24.x).
"""

import ctypes
import json
import math
import os
import random
import sys
import warnings

import numpy as np

FIXTURES = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'test', 'fixtures')
OUT = os.path.join(FIXTURES, 'random.json')
OUT_LIBM = os.path.join(FIXTURES, 'random_libm.json')
TWO53 = 2 ** 53


class Ref:
    """An object bound by an earlier step (a Generator, a state tuple…)."""

    def __init__(self, name):
        self.name = name


# ---- encoding ---------------------------------------------------------------------------------

def enc_float(x):
    if math.isnan(x):
        return 'nan'
    if math.isinf(x):
        return 'inf' if x > 0 else '-inf'
    return x


def enc_int(x):
    return x if abs(x) <= TWO53 else str(x)


def dtype_arg(t):
    if t is int:
        return 'int'
    if t is bool:
        return 'bool'
    if t is float:
        return 'float'
    if t is np.bool_:
        return 'bool_'
    return np.dtype(t).name


def enc_arg(x):
    if isinstance(x, Ref):
        return {'ref': x.name}
    if isinstance(x, np.generic):  # before float: np.float64 subclasses float
        return {'npscalar': enc_data(x.item(), x.dtype), 'dtype': x.dtype.name}
    if x is None or isinstance(x, (bool, str)):
        return x
    if isinstance(x, type):
        return dtype_arg(x)
    if isinstance(x, int):
        return x if abs(x) <= TWO53 else {'bigint': str(x)}
    if isinstance(x, float):
        if math.isfinite(x) and not x.is_integer():
            return x
        return {'float': enc_float(x)}
    if isinstance(x, tuple):
        return {'tuple': [enc_arg(v) for v in x]}
    if isinstance(x, list):
        return [enc_arg(v) for v in x]
    if isinstance(x, np.ndarray):
        data = [enc_data(v, x.dtype) for v in x.ravel().tolist()]
        return {'nd': nest(data, x.shape), 'dtype': x.dtype.name, 'shape': list(x.shape)}
    raise TypeError(f'cannot encode argument {x!r}')


def nest(flat, shape):
    if len(shape) == 0:
        return flat[0]
    if len(shape) == 1:
        return flat
    step = len(flat) // shape[0] if shape[0] else 0
    return [nest(flat[i * step:(i + 1) * step], shape[1:]) for i in range(shape[0])]


def enc_data(v, dtype):
    if dtype.kind == 'f':
        return enc_float(float(v))
    if dtype.kind == 'b':
        return bool(v)
    return enc_int(int(v))


def enc_val(v):
    if v is None:
        return {'type': 'none'}
    if isinstance(v, np.generic):  # before float: np.float64 subclasses float
        return {'type': 'npscalar', 'dtype': v.dtype.name, 'value': enc_data(v.item(), v.dtype)}
    if isinstance(v, bool):
        return {'type': 'bool', 'value': v}
    if isinstance(v, int):
        return {'type': 'int', 'value': enc_int(v)}
    if isinstance(v, float):
        return {'type': 'float', 'value': enc_float(v)}
    if isinstance(v, str):
        return {'type': 'str', 'value': v}
    if isinstance(v, np.ndarray):
        return {'type': 'ndarray', 'dtype': v.dtype.name, 'shape': list(v.shape),
                'data': [enc_data(x, v.dtype) for x in v.ravel().tolist()]}
    if isinstance(v, tuple):
        return {'type': 'tuple', 'items': [enc_val(x) for x in v]}
    if isinstance(v, list):
        return {'type': 'list', 'items': [enc_val(x) for x in v]}
    if isinstance(v, dict):
        return {'type': 'dict', 'items': [[k, enc_val(x)] for k, x in v.items()]}
    if isinstance(v, (np.random.Generator, np.random.RandomState, np.random.PCG64, np.random.MT19937)):
        return {'type': 'object', 'class': type(v).__name__}
    raise TypeError(f'cannot encode value {v!r}')


# ---- recording ---------------------------------------------------------------------------------

class Seq:
    def __init__(self, sid):
        self.id = sid
        self.steps = []
        self.objs = {}

    def _resolve(self, x):
        if isinstance(x, Ref):
            return self.objs[x.name]
        if isinstance(x, list):
            return [self._resolve(v) for v in x]
        if isinstance(x, tuple):
            return tuple(self._resolve(v) for v in x)
        return x

    def _run(self, step, fn, args, kwargs, bind):
        real_args = [self._resolve(a) for a in args]
        real_kwargs = {k: self._resolve(v) for k, v in kwargs.items()}
        step['args'] = [enc_arg(a) for a in args]
        step['kwargs'] = {k: enc_arg(v) for k, v in kwargs.items()}
        try:
            with warnings.catch_warnings():
                warnings.simplefilter('ignore')
                r = fn(*real_args, **real_kwargs)
            step['expected'] = enc_val(r)
            if bind:
                self.objs[bind] = r
                step['bind'] = bind
        except Exception as e:  # noqa: BLE001 - NumPy's exception is the expected answer
            step['expected'] = {'type': 'error', 'pyType': type(e).__name__, 'message': str(e)}
        if step.get('mutates'):
            step['mutated'] = enc_val(real_args[0])
        self.steps.append(step)
        return self

    def fn(self, name, *args, bind=None, mutates=False, **kwargs):
        step = {'fn': name}
        if mutates:
            step['mutates'] = True
        return self._run(step, getattr(np.random, name), args, kwargs, bind)

    def meth(self, obj, name, *args, bind=None, mutates=False, **kwargs):
        step = {'on': obj, 'method': name}
        if mutates:
            step['mutates'] = True
        return self._run(step, getattr(self.objs[obj], name), args, kwargs, bind)

    def attr(self, obj, name, bind=None):
        step = {'on': obj, 'attr': name, 'args': [], 'kwargs': {}}
        try:
            r = getattr(self.objs[obj], name)
            step['expected'] = enc_val(r)
            if bind:
                self.objs[bind] = r
                step['bind'] = bind
        except Exception as e:  # noqa: BLE001
            step['expected'] = {'type': 'error', 'pyType': type(e).__name__, 'message': str(e)}
        self.steps.append(step)
        return self


SEQS = []


def seq(sid):
    s = Seq(sid)
    SEQS.append(s)
    return s


A12 = np.arange(12).reshape(4, 3)
P5 = [0.1, 0.2, 0.3, 0.15, 0.25]


# ---- legacy: np.random.* and RandomState -------------------------------------------------------

def legacy_cases():
    for label, s0 in [('0', 0), ('1', 1), ('42', 42), ('2**32-1', 2 ** 32 - 1), ('[1,2,3]', [1, 2, 3]),
                      ('[0]', [0]), ('[2**32-1,0,7]', [2 ** 32 - 1, 0, 7]), ('ndarray[5]', np.array([5])),
                      ('True', True), ('np.uint32(9)', np.uint32(9)), ('(4,5)', (4, 5))]:
        s = seq(f'legacy seed {label}: rand, randn, randint, normal, choice, uniform')
        s.fn('seed', s0).fn('rand', 3).fn('randn', 2, 2).fn('randint', 0, 10, 5)
        s.fn('normal', 0, 0.1, size=(2, 3)).fn('choice', 10, 3, replace=False).fn('uniform', -1, 1, 4)
        s.fn('rand').fn('randn').fn('randint', 5).fn('random_sample', (2, 2)).fn('random', 2).fn('standard_normal', 3)
        if label in ('0', '[1,2,3]'):
            s.fn('get_state')

    s = seq('legacy gaussian cache: odd counts and interleaving')
    s.fn('seed', 7).fn('randn', 1).fn('randn', 1).fn('randn', 3).fn('get_state').fn('randn')
    s.fn('normal', size=3).fn('standard_normal').fn('get_state').fn('rand', 2).fn('randn', 2)
    s.fn('seed', 7).fn('randn', 1).fn('get_state', legacy=False)

    s = seq('legacy get_state / set_state round trip')
    s.fn('seed', 3).fn('randn', 1).fn('get_state', bind='st').fn('randn', 5).fn('rand', 2)
    s.fn('set_state', Ref('st')).fn('randn', 5).fn('rand', 2)
    s.fn('seed', 3).fn('rand', 700).fn('get_state', bind='st2').fn('randint', 0, 1000, 10)
    s.fn('seed', 99).fn('set_state', Ref('st2')).fn('randint', 0, 1000, 10)
    key = np.random.RandomState(12).get_state()[1]
    s.fn('set_state', ('MT19937', key, 624)).fn('randn', 3).fn('get_state')
    s.fn('set_state', ('MT19937', key, 100, 1, 0.5)).fn('randn', 2).fn('rand')
    s.fn('set_state', ('PCG64', key, 624)).fn('set_state', 5)

    s = seq('legacy RandomState objects are independent of the global state')
    s.fn('seed', 1).fn('RandomState', 123, bind='rs').meth('rs', 'rand', 3).meth('rs', 'randn', 3)
    s.fn('rand', 2).meth('rs', 'randint', 0, 100, 4).meth('rs', 'get_state').meth('rs', 'seed', 5)
    s.meth('rs', 'random_sample').meth('rs', 'choice', 4, 6).fn('RandomState', [1, 2], bind='rs2')
    s.meth('rs2', 'uniform', 0, 10, 3).meth('rs2', 'permutation', 6).meth('rs2', 'normal', 1, 2)
    s.fn('MT19937', 5, bind='mt').fn('RandomState', Ref('mt'), bind='rs3').meth('rs3', 'rand', 3).meth('mt', 'random_raw', 2)
    s.meth('rs3', 'rand', 2).meth('rs3', 'randn', 3).meth('rs3', 'get_state').attr('mt', 'state')

    s = seq('legacy seeding errors')
    for bad in [-1, 2 ** 32, 1.5, [], [[1, 2]], [2 ** 32], [-1, 3], [1.5, 2.0], np.array([1.0, 2.0]), np.float64(3.0)]:
        s.fn('seed', bad)
    s.fn('seed', np.array([[7]])).fn('rand', 2).fn('seed', np.array([[1, 2]])).fn('rand', 2)

    s = seq('legacy randint dtypes and ranges')
    s.fn('seed', 11)
    for dt in [np.int8, np.uint8, np.int16, np.uint16, np.int32, np.uint32, np.int64, np.uint64, bool, np.bool_, int, 'int64', 'i4']:
        s.fn('randint', 0, 2 if dt in (bool, np.bool_) else 100, 13, dtype=dt)
    s.fn('randint', -128, 128, 30, dtype=np.int8).fn('randint', 0, 256, 30, dtype=np.uint8)
    s.fn('randint', -2 ** 15, 2 ** 15, 9, dtype=np.int16).fn('randint', 0, 2 ** 16, 9, dtype=np.uint16)
    s.fn('randint', 0, 2 ** 32, 5, dtype=np.uint32).fn('randint', -2 ** 31, 2 ** 31, 5, dtype=np.int32)
    s.fn('randint', 0, 2 ** 32, 5).fn('randint', 0, 2 ** 32 + 1, 5).fn('randint', 0, 2 ** 32 - 1, 5)
    s.fn('randint', 2 ** 62, 2 ** 62 + 1000, 5).fn('randint', -2 ** 62, 2 ** 62, 5)
    s.fn('randint', 0, 2 ** 53, 5).fn('randint', -2 ** 63, 2 ** 63 - 1, 3).fn('randint', 0, 2 ** 64 - 1, 3, dtype=np.uint64)
    s.fn('randint', 2 ** 63, 2 ** 64, 3, dtype=np.uint64).fn('randint', 0, 2 ** 40, 4)
    s.fn('randint', 5).fn('randint', 5, dtype=np.int64).fn('randint', 5, dtype='int64').fn('randint', 2, dtype=bool)
    s.fn('randint', 2, dtype=np.bool_).fn('randint', 100, dtype=np.int8).fn('randint', 2 ** 40)
    s.fn('randint', 1, 2, 10, dtype=bool).fn('randint', 3, 4, 5).fn('randint', 3, 4).fn('randint', 2.7, 9.2, 4)
    s.fn('randint', 0, 10, (2, 3)).fn('randint', 0, 10, ()).fn('randint', 0, 10, 0).fn('randint', 5, 3, size=0)
    s.fn('randint', 10, size=np.int64(3)).fn('rand', 2)

    s = seq('legacy randint with array bounds')
    s.fn('seed', 12).fn('randint', [0, 10, 100], [5, 20, 1000]).fn('randint', 0, [3, 5, 7], size=(2, 3))
    s.fn('randint', [[0], [10]], [5, 15, 25], dtype=np.int8).fn('randint', [0, 1], 2, dtype=bool)
    s.fn('randint', [0, 0, 0, 0], [2, 3, 4, 5], dtype=np.uint16).fn('randint', np.array([1, 2]), np.array([2 ** 33, 9]))
    s.fn('randint', [2], dtype=np.uint8).fn('randint', [0, 5], [10.5, 6.9]).fn('randint', [-1, 0], [2 ** 32, 5], dtype=np.int64)
    s.fn('randint', [5, 1], [3, 2]).fn('randint', 0, [0, 1]).fn('randint', [1, 2], [3, 4, 5]).fn('randint', [-200], 0, dtype=np.int8)
    s.fn('randint', 0, [300], dtype=np.uint8).fn('rand')

    s = seq('legacy randint errors')
    s.fn('seed', 13)
    for a, kw in [((5, 3), {}), ((0,), {}), ((-1,), {}), ((300,), {'dtype': np.int8}), ((-300, 0), {'dtype': np.int8}),
                  ((0, 2 ** 64), {}), ((-1, 5), {'dtype': np.uint8}), ((0, 5), {'dtype': np.float64}),
                  ((0, 3), {'dtype': bool}), ((float('nan'),), {}), ((float('inf'),), {}), ((0, 10, -1), {}),
                  ((0, 10, 2.5), {}), ((0, 10, (2, -1)), {})]:
        s.fn('randint', *a, **kw)
    s.fn('rand')

    s = seq('legacy choice')
    s.fn('seed', 5).fn('choice', 5).fn('choice', 5, 3).fn('choice', [1.5, 2.5, 3.5]).fn('choice', [10, 20, 30], size=(2, 2))
    s.fn('choice', 5, 3, replace=False).fn('choice', 5, p=P5).fn('choice', 5, 10, p=P5).fn('choice', 5, 3, replace=False, p=P5)
    s.fn('choice', 5, size=()).fn('choice', [1, 2, 3], size=()).fn('choice', np.arange(5.0), 4, replace=False)
    s.fn('choice', 10, (2, 3), replace=False).fn('choice', 6, 4, replace=False, p=[0.5, 0, 0.2, 0.1, 0.2, 0])
    s.fn('choice', 100, 20, replace=False, p=np.full(100, 0.01)).fn('choice', np.array([True, False]), 4)
    s.fn('choice', 5, p=np.array(P5, dtype=np.float32)).fn('choice', 3, 4, p=np.array([0.3, 0.3, 0.4001], dtype=np.float32))
    s.fn('choice', np.int64(4), 3).fn('choice', 0, 0).fn('choice', [], 0).fn('choice', 5, 0, replace=False).fn('rand')

    s = seq('legacy choice errors')
    s.fn('seed', 6)
    for a, kw in [((5, 6), {'replace': False}), (([[1, 2]],), {}), ((5,), {'p': [0.1, 0.1]}), ((2,), {'p': [0.1, 0.1]}),
                  ((2,), {'p': [-0.1, 1.1]}), ((2,), {'p': [float('nan'), 1.0]}), ((0,), {}), (([],), {}), ((2.5,), {}),
                  ((-3,), {}), ((3,), {'p': [[0.5, 0.5]]}), ((3, 2), {'replace': False, 'p': [1.0, 0.0, 0.0]}),
                  ((3,), {'p': 0.5}), ((5, -1), {'replace': False}), ((5, -1), {}), ((3,), {'p': [0.3, 0.3, 0.4001]})]:
        s.fn('choice', *a, **kw)
    s.fn('rand')

    s = seq('legacy permutation and shuffle')
    s.fn('seed', 8).fn('permutation', 10).fn('permutation', [1, 2, 3, 4]).fn('permutation', A12)
    s.fn('permutation', np.arange(5.0)).fn('permutation', np.int64(6)).fn('permutation', 0).fn('permutation', -2)
    s.fn('shuffle', np.arange(10), mutates=True).fn('shuffle', np.arange(12).reshape(4, 3), mutates=True)
    s.fn('shuffle', [1, 2, 3, 4, 5], mutates=True).fn('shuffle', np.arange(6.0)[::2], mutates=True)
    s.fn('shuffle', np.zeros((0, 3)), mutates=True).fn('shuffle', np.arange(3, dtype=np.int8), mutates=True)
    s.fn('permutation', np.array(5)).fn('shuffle', np.array(5)).fn('permutation', 2.5).fn('rand', 2)

    s = seq('legacy uniform and normal')
    s.fn('seed', 9).fn('uniform').fn('uniform', 2, 5, 4).fn('uniform', 5, 2, 3).fn('uniform', [0, 1], [1, 10])
    s.fn('uniform', 0, [1, 2, 3], size=(2, 3)).fn('uniform', low=-3.5, high=0.25, size=(3,)).fn('uniform', np.float32(1.5), 2)
    s.fn('normal').fn('normal', 5, 2, 3).fn('normal', [0, 10], [1, 0.1]).fn('normal', 0, [1, 2], size=(3, 2))
    s.fn('normal', loc=np.array([[1.0], [2.0]]), scale=0.5).fn('normal', 3, 0).fn('rand')

    s = seq('legacy uniform and normal errors')
    s.fn('seed', 10)
    for name, a, kw in [('uniform', (0, float('inf')), {}), ('uniform', ([0, 0], [1, 2, 3]), {}), ('uniform', ([0, 0], [1, float('inf')]), {}),
                        ('normal', (0, -1), {}), ('normal', (0, [1, -1]), {}), ('normal', (0, -0.0), {}),
                        ('normal', (0, np.ones((3, 2))), {'size': 2}), ('normal', ([0, 1], [1, 2, 3]), {}),
                        ('normal', (0, 1, -2), {}), ('rand', (-1,), {}), ('rand', (2.5,), {}), ('randn', (2, -1), {})]:
        s.fn(name, *a, **kw)
    s.fn('rand')

    s = seq('legacy binomial')
    s.fn('seed', 14).fn('binomial', 10, 0.5, 20).fn('binomial', 0, 0.5, 3).fn('binomial', 10, 0.0, 3).fn('binomial', 10, 1.0, 3)
    s.fn('binomial', 1000, 0.3, 200).fn('binomial', 1000, 0.7, 50).fn('binomial', 100000, 0.01, 50).fn('binomial', 20, 0.9, 20)
    s.fn('binomial', 61, 0.5, 40).fn('binomial', 10 ** 7, 0.4, 20).fn('binomial', [10, 20], [0.5, 0.1]).fn('binomial', 10, 0.5)
    s.fn('binomial', 5, [0.1, 0.9], size=(3, 2)).fn('binomial', 10, 0.5, ()).fn('rand')
    for a in [(-1, 0.5), (5, 1.5), (5, float('nan')), (5, [0.5, 1.5]), ([5, -1], 0.5)]:
        s.fn('binomial', *a)

    s = seq('legacy poisson')
    s.fn('seed', 15).fn('poisson').fn('poisson', 3, 20).fn('poisson', 0, 3).fn('poisson', 10, 50).fn('poisson', 500, 100)
    s.fn('poisson', 1e6, 20).fn('poisson', [1, 100], size=(3, 2)).fn('poisson', 0.5, 10).fn('poisson', 9.99, 10).fn('rand')
    for a in [(-1,), (1e20,), (float('nan'),), ([1, -1],), ([1, 1e20],), ([float('nan')],)]:
        s.fn('poisson', *a)

    s = seq('legacy many gaussians (glibc log on every pair)')
    s.fn('seed', 2024).fn('randn', 4000).fn('normal', 3, 0.5, 501).fn('randn')

    s = seq('legacy argument forms')
    s.fn('seed', 17).fn('binomial', 10.5, 0.5, 3).fn('binomial', [10.5, 3.2], 0.5).fn('binomial', np.int64(7), np.float32(0.25), 4)
    s.fn('uniform', [5, 0], [1, 1]).fn('permutation', [0.5, 1.5, 2.5]).fn('randint', low=3, high=9, size=[2, 3], dtype='uint8')
    s.fn('normal', size=0).fn('randn', 0).fn('standard_normal', (2, 0)).fn('randint', 0, 2, 70, dtype=bool)
    s.fn('randint', 0, 2, 70, dtype=np.bool_).fn('binomial', 60, 0.5, 30).fn('randint', [0, 2 ** 40], 2 ** 41, dtype=np.uint64)
    s.fn('choice', 3, p=[0.3, 0.3, 0.4000000001]).fn('choice', [2.5, 3.5], size=[2]).fn('rand', 2, 3)
    s.fn('get_state', legacy=False, bind='d').fn('rand', 2).fn('set_state', Ref('d')).fn('rand', 2)
    s.fn('RandomState', bind='rs_unused').fn('rand', 1)

    s = seq('legacy random_integers and aliases')
    s.fn('seed', 16).fn('random_integers', 5, size=4).fn('random_integers', 3, 7, 4).fn('sample', 2).fn('ranf')


# ---- Generator --------------------------------------------------------------------------------

def tail_seeds(dtype, n, want):
    """Seeds whose first `n` standard normals reach the ziggurat tail (|x| > r)."""
    out = []
    seed = 0
    while len(out) < want:
        x = np.random.default_rng(seed).standard_normal(n, dtype=dtype)
        if np.any(np.abs(x) > 3.6541528853610088):
            out.append(seed)
        seed += 1
    return out


def generator_cases():
    for label, s0 in [('0', 0), ('1', 1), ('42', 42), ('2**32-1', 2 ** 32 - 1), ('[1,2,3]', [1, 2, 3]), ('2**100', 2 ** 100),
                      ('(5, 6)', (5, 6)), ('np.int64(7)', np.int64(7)), ('ndarray[3,4]', np.array([3, 4])), ('[[1,2],3]', [[1, 2], 3])]:
        s = seq(f'Generator default_rng({label})')
        s.fn('default_rng', s0, bind='g').meth('g', 'random', 3).meth('g', 'integers', 0, 10, 5).meth('g', 'standard_normal', 4)
        s.meth('g', 'normal', 0, 0.1, (2, 3)).meth('g', 'uniform', -1, 1, 3).meth('g', 'choice', 10, 3, replace=False)
        s.meth('g', 'permutation', 8).meth('g', 'random').meth('g', 'integers', 5).meth('g', 'standard_normal')
        s.attr('g', 'bit_generator', bind='bg').attr('bg', 'state')

    s = seq('Generator buffered 32-bit draws and dtypes')
    s.fn('default_rng', 3, bind='g')
    s.meth('g', 'integers', 0, 10, 3, dtype=np.int32).meth('g', 'random').meth('g', 'integers', 0, 10, 1, dtype=np.int32)
    s.meth('g', 'integers', 0, 10, 1, dtype=np.int32).meth('g', 'integers', 0, 10, 1, dtype=np.uint32).meth('g', 'random')
    for dt in [np.int8, np.uint8, np.int16, np.uint16, np.int32, np.uint32, np.int64, np.uint64, bool, np.bool_, int]:
        s.meth('g', 'integers', 0, 2 if dt in (bool, np.bool_) else 100, 11, dtype=dt)
        s.meth('g', 'integers', 0, 1 if dt in (bool, np.bool_) else 100, 7, dtype=dt, endpoint=True)
    s.meth('g', 'integers', -128, 127, 20, dtype=np.int8, endpoint=True).meth('g', 'integers', 0, 256, 20, dtype=np.uint8)
    s.meth('g', 'integers', 0, 2 ** 32, 3).meth('g', 'integers', 0, 2 ** 32 + 1, 3).meth('g', 'integers', 0, 2 ** 32 - 1, 3, endpoint=True)
    s.meth('g', 'integers', 0, 2 ** 62, 3).meth('g', 'integers', -2 ** 62, 2 ** 62, 3, endpoint=True)
    s.meth('g', 'integers', 0, 2 ** 64, 3, dtype=np.uint64).meth('g', 'integers', 2 ** 63 - 10, 2 ** 63 - 1, 3, endpoint=True)
    s.meth('g', 'integers', 0, 2 ** 32, 4, dtype=np.uint32).meth('g', 'integers', -2 ** 31, 2 ** 31 - 1, 4, dtype=np.int32, endpoint=True)
    s.meth('g', 'integers', 5).meth('g', 'integers', 5, dtype=int).meth('g', 'integers', 2, dtype=bool)
    s.meth('g', 'integers', 5, dtype=np.int32).meth('g', 'integers', 0, endpoint=True).meth('g', 'integers', 7, 7, 3, endpoint=True)
    s.meth('g', 'random', 5, dtype=np.float32).meth('g', 'random', dtype=np.float32).meth('g', 'random', dtype='float64')
    s.meth('g', 'standard_normal', 10, dtype=np.float32).meth('g', 'standard_normal', dtype=np.float32).meth('g', 'random')
    s.meth('g', 'integers', [0, 10], [5, 100]).meth('g', 'integers', 0, [3, 300], dtype=np.uint16, endpoint=True)
    s.meth('g', 'integers', [[1], [2]], 10, size=(2, 3)).meth('g', 'random')

    s = seq('Generator errors')
    s.fn('default_rng', 4, bind='g')
    for a, kw in [((5, 3), {'endpoint': True}), ((5, 3), {}), ((0,), {}), ((-1,), {'endpoint': True}), ((300,), {'dtype': np.int8}),
                  ((0, 5), {'dtype': np.float32}), ((0, 2 ** 64), {'dtype': np.int64})]:
        s.meth('g', 'integers', *a, **kw)
    s.meth('g', 'random', dtype=np.int32).meth('g', 'standard_normal', dtype=np.int64)
    s.meth('g', 'uniform', 1, 0).meth('g', 'uniform', 0, float('inf')).meth('g', 'uniform', [0, 1], [1, 0]).meth('g', 'normal', 0, -1)
    s.meth('g', 'choice', 5, 6, replace=False).meth('g', 'choice', 2, p=[0.1, 0.1]).meth('g', 'choice', 0).meth('g', 'choice', 2.5)
    s.meth('g', 'choice', np.float64(2.5)).meth('g', 'choice', []).meth('g', 'choice', 5, p=[0.5, 0.5]).meth('g', 'choice', 3, p=[[0.5, 0.5]])
    s.meth('g', 'choice', A12, 2, axis=2).meth('g', 'permutation', np.array(3)).meth('g', 'shuffle', [1, 2], axis=1)
    s.meth('g', 'shuffle', np.arange(4), axis=1).meth('g', 'binomial', -1, 0.5).meth('g', 'poisson', -1).meth('g', 'poisson', 1e20)
    s.meth('g', 'random')
    s.fn('default_rng', -1).fn('default_rng', 1.5).fn('default_rng', [1, -2]).fn('default_rng', [1.5])

    for dtype, n, k in [(np.float64, 300, 6), (np.float32, 300, 6)]:
        for sd in tail_seeds(dtype, n, k):
            s = seq(f'Generator ziggurat tail {np.dtype(dtype).name} seed {sd}')
            s.fn('default_rng', sd, bind='g').meth('g', 'standard_normal', n, dtype=dtype).meth('g', 'random')

    s = seq('Generator many normals')
    s.fn('default_rng', 2024, bind='g').meth('g', 'standard_normal', 3000).meth('g', 'normal', 1, 2, 300)

    s = seq('Generator choice')
    s.fn('default_rng', 5, bind='g').meth('g', 'choice', 5).meth('g', 'choice', [1.5, 2.5]).meth('g', 'choice', 10, 3)
    s.meth('g', 'choice', 10, 3, replace=False).meth('g', 'choice', 10, 3, replace=False, shuffle=False)
    s.meth('g', 'choice', 20000, 500, replace=False).meth('g', 'choice', 20000, 100, replace=False)
    s.meth('g', 'choice', 20000, 300, replace=False, shuffle=False).meth('g', 'choice', 20000, 1500, replace=False, shuffle=False)
    s.meth('g', 'choice', 5, p=P5).meth('g', 'choice', 5, 8, p=P5).meth('g', 'choice', 5, 3, replace=False, p=P5)
    s.meth('g', 'choice', A12, 2).meth('g', 'choice', A12, 2, axis=1).meth('g', 'choice', A12).meth('g', 'choice', A12, axis=-1)
    s.meth('g', 'choice', 5, size=()).meth('g', 'choice', [7, 8, 9], size=()).meth('g', 'choice', 10, (2, 2), replace=False)
    s.meth('g', 'choice', np.array([True, False]), 3).meth('g', 'choice', 0, 0).meth('g', 'random')

    s = seq('Generator permutation and shuffle')
    s.fn('default_rng', 6, bind='g').meth('g', 'permutation', 10).meth('g', 'permutation', A12).meth('g', 'permutation', A12, axis=1)
    s.meth('g', 'permutation', [3, 1, 2]).meth('g', 'shuffle', np.arange(10), mutates=True)
    s.meth('g', 'shuffle', np.arange(12).reshape(3, 4), mutates=True).meth('g', 'shuffle', np.arange(12).reshape(3, 4), axis=1, mutates=True)
    s.meth('g', 'shuffle', [1, 2, 3, 4], mutates=True).meth('g', 'shuffle', np.arange(10.0)[::3], mutates=True).meth('g', 'random')

    s = seq('Generator uniform, normal, binomial, poisson')
    s.fn('default_rng', 7, bind='g').meth('g', 'uniform').meth('g', 'uniform', 2, 5, 4).meth('g', 'uniform', [0, 1], [1, 10])
    s.meth('g', 'normal').meth('g', 'normal', 5, 2, 3).meth('g', 'normal', [0, 10], [1, 0.1]).meth('g', 'normal', 0, [1, 2], size=(3, 2))
    s.meth('g', 'binomial', 10, 0.5, 20).meth('g', 'binomial', 0, 0.5, 3).meth('g', 'random').meth('g', 'binomial', 10, 0.0, 3)
    s.meth('g', 'random').meth('g', 'binomial', 10, 1.0, 3).meth('g', 'binomial', 1000, 0.3, 100).meth('g', 'binomial', 500, 0.9, 30)
    s.meth('g', 'binomial', [10, 20], [0.5, 0.1]).meth('g', 'binomial', 10, 0.5)
    s.meth('g', 'poisson').meth('g', 'poisson', 3, 20).meth('g', 'poisson', 0, 3).meth('g', 'poisson', 50, 30).meth('g', 'poisson', 1e5, 10)
    s.meth('g', 'poisson', [1, 100], size=(2, 2)).meth('g', 'random')

    s = seq('Generator argument forms')
    s.fn('default_rng', 8, bind='g').meth('g', 'integers', 0, 2, 70, dtype=bool).meth('g', 'integers', 0, 1, 40, dtype=bool, endpoint=True)
    s.meth('g', 'permutation', A12, axis=-1).meth('g', 'standard_normal', (2, 3)).meth('g', 'integers', low=3, high=9, size=[2, 3], dtype='uint8')
    s.meth('g', 'normal', size=0).meth('g', 'choice', [0.5, 1.5, 2.5], (2, 2)).meth('g', 'integers', [0, 2 ** 40], 2 ** 41, dtype=np.uint64)
    s.meth('g', 'uniform', [0, 1], 5, size=(3, 2)).meth('g', 'binomial', 10.5, 0.5, 3).meth('g', 'random', (2, 2))

    s = seq('Generator over explicit bit generators')
    s.fn('PCG64', 5, bind='pcg').fn('Generator', Ref('pcg'), bind='g').meth('g', 'random', 3).meth('pcg', 'random_raw')
    s.meth('g', 'random', 2).fn('MT19937', 5, bind='mt').meth('mt', 'random_raw', 3).fn('Generator', Ref('mt'), bind='g2')
    s.meth('g2', 'random', 3).meth('g2', 'integers', 0, 10, 5).meth('g2', 'standard_normal', 3).meth('g2', 'integers', 0, 10, 4, dtype=np.uint8)
    s.attr('mt', 'state').fn('default_rng', Ref('pcg'), bind='g3').meth('g3', 'random').meth('g', 'random')


def libm_cases():
    """glibc's answers for the inputs NumPy's samplers give these functions, plus edge ranges."""
    rnd = random.Random(20240601)
    libm = ctypes.CDLL('libm.so.6')
    libm.log1pf.restype = ctypes.c_float
    libm.log1pf.argtypes = [ctypes.c_float]
    logs = []
    while len(logs) < 1200:  # r2 of the polar method
        x1, x2 = 2 * rnd.random() - 1, 2 * rnd.random() - 1
        r2 = x1 * x1 + x2 * x2
        if 0 < r2 < 1:
            logs.append(r2)
    logs += [rnd.uniform(0.93, 1.07) for _ in range(400)]  # glibc's separate path near 1
    logs += [rnd.random() * 10.0 ** rnd.randint(-300, 300) for _ in range(300)]
    logs += [5e-324, 1e-310, 2.2250738585072014e-308, 0.9375, 1.064697265625, math.nextafter(1, 0), math.nextafter(1, 2), 1.0, 2.0]
    # inputs where engine/random/libm.ts's fast paths cannot rule out a different last bit and
    # fall back to the fully emulated fma code (found by running the engine; a few in 10,000)
    logs += [
        0.4685532582661276, 0.7075057967503142, 0.4302671835994667, 0.6095388543352604,
        0.5378653111150937, 0.6556291886192407, 0.8088919548167559, 0.8984526390723713,
        0.7710543544665804, 0.6527174229296617, 0.6639232409855094, 0.753340907710681,
        0.4291447433576825, 0.925547379761686, 0.4862241252731758, 0.7622942471751282,
        0.5192531977237047, 0.6249786550818068, 0.8638263966272077, 0.39866699797174965,
        0.3494252313604853, 0.8484339147046425, 0.15511772443676963, 0.9060648561285092,
        0.8713959261516964, 0.8043571385144319, 0.8359546202261379, 0.7336133716501059,
        0.4438352389340987, 0.6369816765042497,
        1.054891853274979, 1.057484409519136, 0.9486212159137757, 0.9498080761769425,
        0.9750789479970527, 0.9433837875787682, 1.0153003546459458, 0.9510322822673254,
        0.9565559882806097, 0.9741060561834227, 0.9469025759358572, 0.9738330081289139,
        0.9558475415449894, 0.9425945400365701, 1.040361976862591, 0.9754430302969036,
        0.9408182232015064, 0.9551218889678017, 0.9577256084584259, 1.0451360563535206,
        1.0597264664505883, 1.0522058604701339, 0.9629749373219642, 0.947845357902673,
        0.9509444036234769, 0.9463970095041337, 0.9423061624623965, 0.9643282471131812,
        0.9502701861260301, 1.047676080421852,
    ]
    log1ps = [-rnd.random() for _ in range(4000)] + [rnd.random() * 10.0 ** rnd.randint(-12, 12) for _ in range(600)]
    log1ps += [-rnd.random() * 10.0 ** -rnd.randint(1, 12) for _ in range(400)] + [0.0, -0.5, 1e-300, 0.41422, -0.2929]
    f32 = np.random.default_rng(1).random(1500, dtype=np.float32)
    log1pfs = [float(-v) for v in f32] + [float(np.float32(rnd.random() * 10.0 ** rnd.randint(-6, 6))) for _ in range(500)]
    return {
        'log': [[x, math.log(x)] for x in logs],
        'log1p': [[x, math.log1p(x)] for x in log1ps],
        'log1pf': [[x, float(libm.log1pf(x))] for x in log1pfs],
    }


def write_sequences(out):
    """Writes SEQS (the sequences built so far) to `out` as the fixture document; prints its size."""
    doc = {'numpy': np.__version__, 'sequences': [{'id': s.id, 'steps': s.steps} for s in SEQS]}
    text = json.dumps(doc, separators=(',', ':'), allow_nan=False)
    with open(out, 'w') as f:
        f.write(text + '\n')
    nsteps = sum(len(s.steps) for s in SEQS)
    nvals = sum(len(st['expected'].get('data', [])) or 1 for s in SEQS for st in s.steps)
    print(f'{out}: {len(SEQS)} sequences, {nsteps} steps, {nvals} values, {len(text) / 1e6:.2f} MB', file=sys.stderr)


def main():
    legacy_cases()
    generator_cases()
    write_sequences(OUT)
    libm = libm_cases()
    text = json.dumps(libm, separators=(',', ':'))
    with open(OUT_LIBM, 'w') as f:
        f.write(text + '\n')
    counts = ', '.join(f'{k}: {len(v)}' for k, v in libm.items())
    print(f'{OUT_LIBM}: {counts}, {len(text) / 1e6:.2f} MB', file=sys.stderr)


if __name__ == '__main__':
    main()
