#!/usr/bin/python3
"""Writes test/fixtures/random_distributions.json: np.random's continuous distributions beyond
the normal (exponential and standard_exponential, laplace, gumbel, logistic, lognormal, and
the gamma family) answered by real NumPy 1.24, for test/engine/randomDistributions.test.ts.

Same sequence format and encoder as tools/gen_random_fixtures.py (imported from it): each
sequence replays calls in order on the global RandomState, RandomState objects and Generators,
so the number of draws every call consumes is checked by the calls after it. Long runs
(thousands of values) cover the ziggurat's rejection paths; seeds whose first values reach the
exponential ziggurat's tail (x > r) are searched for, as for the normal's.
Also writes test/fixtures/random_libm_exp_pow.json: inputs and outputs of this machine's glibc
exp and pow (math.exp and math.pow call them), for test/engine/randomLibmExpPow.test.ts, and
test/fixtures/random_libm_float.json: its logf and powf (through ctypes), for
test/engine/randomLibmFloat.test.ts.
Run: /usr/bin/python3 tools/gen_random_distribution_fixtures.py (needs NumPy 1.24.x).
"""

import ctypes
import json
import math
import os
import random
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gen_random_fixtures import FIXTURES, SEQS, seq, Ref, write_sequences  # noqa: E402

OUT = os.path.join(FIXTURES, 'random_distributions.json')
OUT_LIBM = os.path.join(FIXTURES, 'random_libm_exp_pow.json')
OUT_LIBM_FLOAT = os.path.join(FIXTURES, 'random_libm_float.json')
EXP_R = 7.6971174701310497


def exp_tail_seeds(dtype, method, n, want):
    """Seeds whose first `n` standard exponentials reach the ziggurat tail (x > r)."""
    out, seed = [], 0
    while len(out) < want:
        x = np.random.default_rng(seed).standard_exponential(n, dtype=dtype, method=method)
        if np.any(x > EXP_R):
            out.append(seed)
        seed += 1
    return out


def exponential_cases():
    for sd in [0, 1, 12345]:
        s = seq(f'Generator standard_exponential zig/inv, float64/float32, seed {sd}')
        s.fn('default_rng', sd, bind='g').meth('g', 'standard_exponential', 3000).meth('g', 'standard_exponential')
        s.meth('g', 'standard_exponential', 3000, dtype=np.float32).meth('g', 'standard_exponential', dtype=np.float32)
        s.meth('g', 'standard_exponential', 50, method='inv').meth('g', 'standard_exponential', 50, dtype=np.float32, method='inv')
        s.meth('g', 'standard_exponential', method='inv').meth('g', 'standard_exponential', dtype='float32', method='inv')
        s.meth('g', 'random')

    for dtype in [np.float64, np.float32]:
        for sd in exp_tail_seeds(dtype, 'zig', 400, 4):
            s = seq(f'Generator exponential ziggurat tail {np.dtype(dtype).name} seed {sd}')
            s.fn('default_rng', sd, bind='g').meth('g', 'standard_exponential', 400, dtype=dtype).meth('g', 'random')

    s = seq('Generator scratch: default_rng(0).exponential(2.0, size=5)')
    s.fn('default_rng', 0, bind='g').meth('g', 'exponential', 2.0, size=5).meth('g', 'exponential').meth('g', 'exponential', 3)

    s = seq('Generator exponential: scale forms, broadcasting, size')
    s.fn('default_rng', 21, bind='g').meth('g', 'exponential', 0.5, (2, 3)).meth('g', 'exponential', [1, 10, 100])
    s.meth('g', 'exponential', np.array([[1.0], [2.0]]), size=(2, 3)).meth('g', 'exponential', 0).meth('g', 'exponential', 0.0, 3)
    s.meth('g', 'exponential', np.float32(2.5), 2).meth('g', 'exponential', scale=np.array(4.0)).meth('g', 'exponential', size=())
    s.meth('g', 'exponential', size=0).meth('g', 'exponential', [float('nan'), 1.0]).meth('g', 'exponential', float('inf'), 2)
    s.meth('g', 'standard_exponential', (2, 2)).meth('g', 'standard_exponential', size=0).meth('g', 'standard_exponential', ())
    s.meth('g', 'standard_exponential', 4, method='something').meth('g', 'random')

    s = seq('Generator exponential errors')
    s.fn('default_rng', 22, bind='g')
    for a, kw in [((-1,), {}), ((-0.0,), {}), (([1, -1],), {}), ((np.ones((3, 2)),), {'size': 2}), ((1, -2), {}),
                  (([1, 2], (3,)), {})]:
        s.meth('g', 'exponential', *a, **kw)
    s.meth('g', 'standard_exponential', dtype=np.int32).meth('g', 'standard_exponential', dtype=np.int64, method='inv')
    s.meth('g', 'standard_exponential', 2.5).meth('g', 'random')

    s = seq('Generator exponential over MT19937 and PCG64 buffered 32-bit draws')
    s.fn('MT19937', 9, bind='mt').fn('Generator', Ref('mt'), bind='g').meth('g', 'standard_exponential', 500)
    s.meth('g', 'standard_exponential', 500, dtype=np.float32).meth('g', 'exponential', 2, 3).meth('g', 'random')
    s.fn('default_rng', 23, bind='h').meth('h', 'standard_exponential', 3, dtype=np.float32).meth('h', 'random')
    s.meth('h', 'standard_exponential', dtype=np.float32).meth('h', 'integers', 0, 10, 1, dtype=np.int32)
    s.meth('h', 'standard_exponential', 1, dtype=np.float32).meth('h', 'standard_exponential', 2).meth('h', 'random')

    s = seq('Generator out= for random, standard_normal, standard_exponential')
    s.fn('default_rng', 24, bind='g').meth('g', 'standard_exponential', out=np.zeros((2, 3)))
    s.meth('g', 'standard_exponential', (2, 3), out=np.zeros((2, 3))).meth('g', 'standard_exponential', dtype=np.float32, out=np.zeros(5, np.float32))
    s.meth('g', 'standard_exponential', method='inv', out=np.zeros(3)).meth('g', 'random', out=np.zeros(4))
    s.meth('g', 'random', dtype=np.float32, out=np.zeros((2, 2), np.float32)).meth('g', 'standard_normal', out=np.zeros(5))
    s.meth('g', 'standard_normal', 3, np.float32, np.zeros(3, np.float32)).meth('g', 'standard_exponential', out=np.zeros(0))
    for m in ['standard_exponential', 'random', 'standard_normal']:
        s.meth('g', m, out=np.zeros(3, np.float32)).meth('g', m, 4, out=np.zeros(3))
        s.meth('g', m, dtype=np.float32, out=np.zeros(3)).meth('g', m, out=[1.0, 2.0]).meth('g', m, (3, 2), out=np.zeros((2, 3)))
    s.meth('g', 'random')

    s = seq('legacy standard_exponential and exponential')
    s.fn('seed', 31).fn('standard_exponential').fn('standard_exponential', 2000).fn('exponential').fn('exponential', 2.0, 5)
    s.fn('exponential', [1, 10, 100]).fn('exponential', [[1], [2]], size=(2, 3)).fn('exponential', 0, 2).fn('randn', 3)
    s.fn('standard_exponential', (2, 3)).fn('standard_exponential', size=0).fn('exponential', scale=np.array(3.0)).fn('rand')
    for a, kw in [((-1,), {}), ((-0.0,), {}), (([1, -1],), {}), ((np.ones((3, 2)),), {'size': 2})]:
        s.fn('exponential', *a, **kw)
    s.fn('RandomState', 5, bind='rs').meth('rs', 'standard_exponential', 4).meth('rs', 'exponential', 0.5, 3).meth('rs', 'rand')


def transform_cases():
    for name in ['laplace', 'gumbel', 'logistic']:
        s = seq(f'Generator {name}')
        s.fn('default_rng', 41, bind='g').meth('g', name).meth('g', name, 2, 3, 1000).meth('g', name, size=(2, 2))
        s.meth('g', name, [0, 10], [1, 0.1]).meth('g', name, 0, [1, 2], size=(3, 2)).meth('g', name, loc=np.array([[1.0], [2.0]]), scale=0.5)
        s.meth('g', name, 3, 0).meth('g', name, 1, 0, 3).meth('g', name, size=0).meth('g', name, float('nan'), 1, 2).meth('g', 'random')
        for a, kw in [((0, -1), {}), ((0, -0.0), {}), ((0, [1, -1]), {}), (([0, 1], [1, 2, 3]), {}), ((0, np.ones((3, 2))), {'size': 2})]:
            s.meth('g', name, *a, **kw)
        s.fn('MT19937', 3, bind='mt').fn('Generator', Ref('mt'), bind='g2').meth('g2', name, 0, 1, 300).meth('g2', 'random')

        s = seq(f'legacy {name}')
        s.fn('seed', 42).fn(name).fn(name, 2, 3, 1000).fn(name, [0, 10], [1, 0.1]).fn(name, 0, [1, 2], size=(3, 2))
        s.fn(name, 3, 0).fn('randn', 3).fn(name, size=()).fn('rand')
        for a, kw in [((0, -1), {}), ((0, [1, -1]), {}), (([0, 1], [1, 2, 3]), {})]:
            s.fn(name, *a, **kw)
        s.fn('RandomState', 6, bind='rs').meth('rs', name, 1, 2, 4).meth('rs', 'rand')


def lognormal_cases():
    s = seq('Generator lognormal (glibc exp on every value)')
    s.fn('default_rng', 51, bind='g').meth('g', 'lognormal').meth('g', 'lognormal', 0, 1, 3000).meth('g', 'lognormal', 3, 0.5, 5)
    s.meth('g', 'lognormal', [0, 1], [1, 0.1]).meth('g', 'lognormal', 0, [1, 2], size=(3, 2)).meth('g', 'lognormal', -700, 20, 200)
    s.meth('g', 'lognormal', 690, 30, 200).meth('g', 'lognormal', 0, 0, 2).meth('g', 'lognormal', mean=np.array([[1.0], [2.0]]), sigma=0.5)
    s.meth('g', 'lognormal', size=0).meth('g', 'random')
    for a, kw in [((0, -1), {}), ((0, -0.0), {}), ((0, [1, -1]), {}), (([0, 1], [1, 2, 3]), {}), ((0, np.ones((3, 2))), {'size': 2})]:
        s.meth('g', 'lognormal', *a, **kw)
    s.fn('MT19937', 4, bind='mt').fn('Generator', Ref('mt'), bind='g2').meth('g2', 'lognormal', 1, 2, 300).meth('g2', 'random')

    s = seq('legacy lognormal (gaussian cache shared with randn)')
    s.fn('seed', 52).fn('lognormal').fn('randn').fn('lognormal', 0, 1, 3001).fn('lognormal', 2, 3, 5).fn('randn')
    s.fn('lognormal', [0, 1], [1, 0.1]).fn('lognormal', 0, [1, 2], size=(3, 2)).fn('lognormal', -700, 20, 100).fn('rand')
    for a, kw in [((0, -1), {}), ((0, [1, -1]), {}), (([0, 1], [1, 2, 3]), {})]:
        s.fn('lognormal', *a, **kw)
    s.fn('RandomState', 7, bind='rs').meth('rs', 'lognormal', 1, 2, 4).meth('rs', 'randn')


def gamma_cases():
    for label, maker in [('Generator', lambda s: s.fn('default_rng', 61, bind='g')),
                         ('Generator over MT19937', lambda s: s.fn('MT19937', 62, bind='mt').fn('Generator', Ref('mt'), bind='g'))]:
        s = seq(f'{label} standard_gamma, gamma, beta')
        maker(s)
        for shape in [0.5, 1.0, 2.5, 0.05, 0.999, 1.0001, 30.0, 1e-3]:
            s.meth('g', 'standard_gamma', shape, 400)
        s.meth('g', 'standard_gamma', 0.0, 3).meth('g', 'standard_gamma', 3).meth('g', 'standard_gamma', [0.5, 1, 4])
        s.meth('g', 'standard_gamma', [[0.3], [7]], size=(2, 3)).meth('g', 'standard_gamma', float('nan'), 2)
        s.meth('g', 'gamma', 2, 3, 300).meth('g', 'gamma', 0.3, 2, 300).meth('g', 'gamma', [1, 2], [[1], [10]]).meth('g', 'gamma', 4)
        s.meth('g', 'beta', 0.5, 0.5, 400).meth('g', 'beta', 2, 3, 300).meth('g', 'beta', 0.3, 5, 300).meth('g', 'beta', 1, 1, 50)
        s.meth('g', 'beta', 1e-3, 1e-3, 200).meth('g', 'beta', [0.5, 2], [1, 3]).meth('g', 'beta', 2, 3).meth('g', 'random')
        for m, a, kw in [('standard_gamma', (-1,), {}), ('standard_gamma', (-0.0,), {}), ('standard_gamma', ([1, -1],), {}),
                         ('standard_gamma', (1,), {'dtype': np.int32}), ('standard_gamma', (1,), {'dtype': np.int32, 'out': np.zeros(2)}),
                         ('gamma', (1, -1), {}), ('gamma', (-1, 1), {}),
                         ('gamma', ([1, 2], [1, 2, 3]), {}), ('beta', (0, 1), {}), ('beta', (1, -1), {}), ('beta', ([1, 0], 1), {}),
                         ('beta', (float('nan'), 1), {}), ('gamma', (np.ones((3, 2)),), {'size': 2})]:
            s.meth('g', m, *a, **kw)
        s.meth('g', 'random')

    s = seq('Generator standard_gamma float32 and out=')
    s.fn('default_rng', 65, bind='g')
    for shape in [0.5, 1.0, 2.5, 0.05, 0.999, 30.0, 1e-3, 0.0]:
        s.meth('g', 'standard_gamma', shape, 400, dtype=np.float32)
    s.meth('g', 'standard_gamma', 2.5, dtype=np.float32).meth('g', 'standard_gamma', [0.5, 1, 4], dtype=np.float32)
    s.meth('g', 'standard_gamma', [[0.3], [7]], size=(2, 3), dtype='float32').meth('g', 'standard_gamma', 0.1 + 1e-12, 3, dtype=np.float32)
    s.meth('g', 'standard_gamma', 2.0, out=np.zeros(4)).meth('g', 'standard_gamma', 0.7, 4, np.float32, np.zeros(4, np.float32))
    s.meth('g', 'standard_gamma', [1.0, 3.0], out=np.zeros((2, 2))).meth('g', 'standard_gamma', 2.0, out=np.zeros(3, np.float32))
    s.meth('g', 'standard_gamma', 2.0, 5, out=np.zeros(4)).meth('g', 'standard_gamma', -1.0, dtype=np.float32)
    s.meth('g', 'standard_gamma', [1.0, -1.0], dtype=np.float32).meth('g', 'standard_gamma', [1.0, 2.0, 3.0], out=np.zeros(2))
    s.meth('g', 'random')
    s.fn('MT19937', 66, bind='mt').fn('Generator', Ref('mt'), bind='g2').meth('g2', 'standard_gamma', 0.4, 300, dtype=np.float32)
    s.meth('g2', 'standard_gamma', 4.0, 300, dtype=np.float32).meth('g2', 'random')

    s = seq('missing required arguments (Cython\'s "takes at least N positional arguments")')
    s.fn('default_rng', 64, bind='g')
    for m, a, kw in [('gamma', (), {'scale': 2}), ('beta', (1,), {'size': 2}), ('beta', (), {'b': 1}), ('standard_gamma', (), {'size': 3}),
                     ('integers', (), {}), ('choice', (), {}), ('binomial', (3,), {}), ('permutation', (), {}), ('shuffle', (), {})]:
        s.meth('g', m, *a, **kw)
    for m, a, kw in [('gamma', (), {}), ('beta', (), {}), ('standard_gamma', (), {}), ('randint', (), {}), ('binomial', (), {'p': 0.5}),
                     ('choice', (), {}), ('random_integers', (), {}), ('permutation', (), {}), ('shuffle', (), {})]:
        s.fn(m, *a, **kw)
    s.fn('permutation', x=3).fn('shuffle', [1], [2]).fn('set_state', state=1).fn('set_state').fn('RandomState', 1, bind='rs')
    s.meth('rs', 'shuffle', [1, 2], [3]).meth('rs', 'permutation', x=2)
    s.meth('g', 'gamma', shape=2, size=2).fn('beta', a=1, b=2).meth('g', 'random')

    s = seq('legacy standard_gamma, gamma, beta (gaussian cache shared with randn)')
    s.fn('seed', 63)
    for shape in [0.5, 1.0, 2.5, 0.05, 30.0]:
        s.fn('standard_gamma', shape, 401)
    s.fn('randn').fn('standard_gamma', 2.5).fn('randn').fn('gamma', 2, 3, 301).fn('gamma', 0.3, 2, 300)
    s.fn('beta', 0.5, 0.5, 400).fn('beta', 2, 3, 300).fn('beta', 0.3, 5, 300).fn('beta', 1e-3, 1e-3, 200)
    s.fn('beta', 1e-6, 1e-6, 200).fn('beta', [0.5, 2], [1, 3]).fn('standard_gamma', [[0.3], [7]], size=(2, 3)).fn('rand')
    for m, a in [('standard_gamma', (-1,)), ('gamma', (1, -1)), ('beta', (0, 1)), ('beta', (1, [1, -1]))]:
        s.fn(m, *a)
    s.fn('RandomState', 8, bind='rs').meth('rs', 'gamma', 3, 1, 4).meth('rs', 'beta', 2, 2, 3).meth('rs', 'randn')


def derived_cases():
    cases = [('chisquare', (3, 300)), ('chisquare', (0.5, 300)), ('f', (3, 7, 300)), ('f', (0.5, 2, 100)), ('standard_t', (5, 300)),
             ('standard_t', (0.7, 100)), ('standard_cauchy', (300,)), ('weibull', (2.0, 300)), ('weibull', (0.3, 200)),
             ('weibull', (0, 3)), ('rayleigh', (2.0, 300)), ('chisquare', ([1, 10],)), ('f', ([1, 2], [[3], [4]])),
             ('standard_t', (3,)), ('standard_cauchy', ()), ('weibull', ([1, 2], (3, 2))), ('rayleigh', ()), ('rayleigh', ([1, 2],)),
             ('triangular', (0, 0.3, 1, 300)), ('triangular', (-1, -1, 2, 5)), ('triangular', (0, 1, 1, 5)), ('triangular', (0, 1, 2)),
             ('triangular', ([0, 1], 2, [3, 4])), ('triangular', (0, [1, 2], 5, (2, 2))),
             ('geometric', (0.5, 300)), ('geometric', (0.1, 300)), ('geometric', (1e-6, 50)), ('geometric', (1.0, 3)),
             ('geometric', (0.3333333333333333, 20)), ('geometric', ([0.2, 0.8],)), ('geometric', (0.05,)), ('geometric', (1e-300, 3)),
             ('dirichlet', ([1, 2, 3],)), ('dirichlet', ([0.5, 0.5], 200)), ('dirichlet', ([0.05, 0.02, 0.08], 100)),
             ('dirichlet', ([10.0, 0.05], (3, 2))), ('dirichlet', (np.array([0.01, 0.09]), 50)), ('dirichlet', ([], 2)),
             ('dirichlet', ([0.5, float('nan')], 2)), ('dirichlet', ((2.0, 3.0), 0)),
             ('negative_binomial', (5, 0.5, 200)), ('negative_binomial', (0.5, 0.3, 100)), ('negative_binomial', (100, 0.01, 50)),
             ('negative_binomial', ([1, 10], [[0.5], [0.9]])), ('negative_binomial', (3.5, 1.0, 3)), ('negative_binomial', (2, 0.25)),
             ('wald', (1.0, 2.0, 300)), ('wald', (3.0, 0.5, 100)), ('wald', ([1, 2], [[1], [3]])), ('wald', (0.5, 1.0))]
    errors = [('chisquare', (0,)), ('chisquare', (-1,)), ('f', (1, 0)), ('f', (0, 1)), ('standard_t', (0,)), ('weibull', (-1,)),
              ('rayleigh', (-1,)), ('chisquare', ([1, 0],)), ('weibull', ([1, -1],)), ('chisquare', ()), ('f', (1,)), ('weibull', ()),
              ('triangular', (2, 1, 3)), ('triangular', (0, 4, 3)), ('triangular', (1, 1, 1)), ('triangular', ([0, 2], 1, 3)),
              ('triangular', (0, [1, 4], 3)), ('triangular', ([0, 1], [1, 1], [2, 1])), ('triangular', ([0, 1], 1, [2, 3, 4])),
              ('triangular', (0, 1)), ('geometric', (0,)), ('geometric', (1.5,)), ('geometric', (float('nan'),)),
              ('geometric', ([0.5, 0],)), ('geometric', ()), ('wald', (0, 1)), ('wald', (1, 0)), ('wald', ([1, -1], 1)), ('wald', (1,)),
              ('dirichlet', ([1, 0],)), ('dirichlet', ([1, -1], 3)), ('dirichlet', (2.0,)), ('dirichlet', (np.array(2.0),)),
              ('negative_binomial', (0, 0.5)), ('negative_binomial', (float('nan'), 0.5)), ('negative_binomial', (1, 0)),
              ('negative_binomial', (1, 1.5)), ('negative_binomial', ([1, -1], 0.5)), ('negative_binomial', ([1, float('nan')], 0.5)),
              ('negative_binomial', (1e30, 1e-10)), ('negative_binomial', ([1, 1e30], 1e-10)), ('negative_binomial', ([1, 2], [0.5, 0.5, 0.5])),
              ('negative_binomial', (1,)),
              ('dirichlet', ([[1, 2]],)), ('dirichlet', ([1, 2], -1)), ('dirichlet', ())]
    s = seq('Generator chisquare, f, standard_t, standard_cauchy, weibull, rayleigh, triangular, geometric, wald, dirichlet, negative_binomial')
    s.fn('default_rng', 71, bind='g')
    for m, a in cases + errors:
        s.meth('g', m, *a)
    s.meth('g', 'random')
    s = seq('legacy chisquare, f, standard_t, standard_cauchy, weibull, rayleigh, triangular, geometric, wald, dirichlet, negative_binomial')
    s.fn('seed', 72)
    for m, a in cases + errors:
        s.fn(m, *a)
    s.fn('randn').fn('rand')


def enc_f(x):
    return x if math.isfinite(x) else repr(x)


def libm_exp_cases():
    """glibc's exp (the one lognormal returns through) on normal-sized, extreme and special inputs."""
    rnd = random.Random(20261126)
    xs = [rnd.gauss(0, 1) for _ in range(3000)] + [rnd.gauss(0, 30) for _ in range(1000)]
    xs += [rnd.uniform(-745.2, -700) for _ in range(600)] + [rnd.uniform(500, 709.78) for _ in range(300)]
    xs += [rnd.uniform(-1100, 1100) for _ in range(200)] + [rnd.uniform(-1e-15, 1e-15) for _ in range(50)]
    xs += [0.0, -0.0, 1e-300, 709.782712893384, 709.7827128933841, -708.3964185322641, -745.1332191019411,
           -745.1332191019412, 1000.0, -1000.0, math.inf, -math.inf, math.nan]

    def glibc_exp(x):
        try:
            return math.exp(x)
        except OverflowError:
            return math.inf
    # pow as gamma and beta call it: U ** (1/shape), (1 - shape + shape*Y) ** (1/shape), plus a spread
    pows = []
    for _ in range(2000):
        sh = rnd.choice([rnd.random(), rnd.random() * 1e-3])
        pows.append((rnd.random(), 1 / sh))
        pows.append((1 - sh + sh * -math.log(1 - rnd.random()), 1 / sh))
    pows += [(rnd.random() * 10.0 ** rnd.randint(-300, 300), rnd.uniform(-50, 50)) for _ in range(1000)]
    pows += [(0.0, 2.0), (0.0, 0.5), (1.0, 5.0), (0.5, 1e20), (2.0, 1e20), (0.5, 1e-20), (2.0, -1e-20), (5e-324, 0.5),
             (1e-310, 3.0), (0.3, 0.0), (math.inf, 2.0), (0.5, math.inf), (2.0, math.inf), (0.5, 2000.0), (0.999, 1e6)]

    def glibc_pow(x, y):
        try:
            return math.pow(x, y)
        except OverflowError:
            return math.inf
    return {'exp': [[enc_f(x), enc_f(glibc_exp(x))] for x in xs],
            'pow': [[enc_f(x), enc_f(y), enc_f(glibc_pow(x, y))] for x, y in pows]}


def libm_float_cases():
    """glibc's logf and powf on float32 inputs like float32 standard_gamma's, a spread and specials."""
    libm = ctypes.CDLL('libm.so.6')
    libm.logf.restype, libm.logf.argtypes = ctypes.c_float, [ctypes.c_float]
    libm.powf.restype, libm.powf.argtypes = ctypes.c_float, [ctypes.c_float, ctypes.c_float]
    rnd = random.Random(20261127)

    def f32(v):
        return float(np.float32(v))
    logs = [f32(rnd.random()) for _ in range(2000)] + [f32(rnd.random() * 10.0 ** rnd.randint(-44, 38)) for _ in range(1000)]
    logs += [f32(1 + rnd.gauss(0, 0.01)) for _ in range(500)] + [1.0, f32(1e-45), f32(1e-40), math.inf, 0.0]
    pows = []
    for _ in range(1500):
        sh = f32(rnd.choice([rnd.random(), rnd.random() * 0.01])) or 0.5
        inv = f32(np.float32(1) / np.float32(sh))
        pows.append((f32(rnd.random()), inv))
        pows.append((f32(f32(1 - sh) + f32(sh * f32(-math.log(1 - rnd.random())))), inv))
    pows += [(f32(rnd.random() * 10.0 ** rnd.randint(-44, 38)), f32(rnd.uniform(-20, 20))) for _ in range(1000)]
    pows += [(0.0, 2.0), (0.0, 0.5), (1.0, 5.0), (0.5, f32(1e20)), (2.0, f32(1e20)), (f32(1e-45), 0.5), (0.3, 0.0),
             (math.inf, 2.0), (0.5, math.inf), (0.5, 300.0), (0.5, 149.5)]
    return {'logf': [[enc_f(x), enc_f(libm.logf(x))] for x in logs],
            'powf': [[enc_f(x), enc_f(y), enc_f(libm.powf(x, y))] for x, y in pows]}


def main():
    exponential_cases()
    transform_cases()
    lognormal_cases()
    gamma_cases()
    derived_cases()
    write_sequences(OUT)
    libm = libm_exp_cases()
    with open(OUT_LIBM, 'w') as f:
        f.write(json.dumps(libm, separators=(',', ':')) + '\n')
    print(f'{OUT_LIBM}: exp: {len(libm["exp"])}, pow: {len(libm["pow"])}', file=sys.stderr)
    libmf = libm_float_cases()
    with open(OUT_LIBM_FLOAT, 'w') as f:
        f.write(json.dumps(libmf, separators=(',', ':')) + '\n')
    print(f'{OUT_LIBM_FLOAT}: logf: {len(libmf["logf"])}, powf: {len(libmf["powf"])}', file=sys.stderr)


if __name__ == '__main__':
    main()
