#!/usr/bin/python3
"""Writes test/fixtures/random_urn.json: np.random's hypergeometric and multinomial for
Generator, RandomState and the module functions, answered by real NumPy 1.24, for test/engine/randomUrn.test.ts.

Same sequence format and encoder as tools/gen_random_fixtures.py (imported from it): each
sequence replays calls in order, so the draws each call consumes are checked by the calls after
it. Cases cover both samplers of each generation (Generator: draw-by-draw selection for
nsample < 10 or > ngood + nbad - 10, else HRUA with logfactorial's table and Stirling series;
legacy: HYP for nsample <= 10, else HRUA with loggam), good > bad and nsample > total / 2 flips,
counts past 2**32 in random_interval, broadcasting, size forms, float counts, and each error.
multinomial: small and huge n (inversion and BTPE binomials), pvals summing under/over 1, zeros,
Generator's n arrays and n-d pvals broadcast against size, the legacy 1-d/0-d/empty pvals.
Run: /usr/bin/python3 tools/gen_random_urn_fixtures.py (needs NumPy 1.24.x).
"""

import json
import os
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gen_random_fixtures import FIXTURES, SEQS, seq, Ref, write_sequences  # noqa: E402

OUT = os.path.join(FIXTURES, 'random_urn.json')

HYPER = [
    ((10, 5, 3, 300),), ((5, 10, 3, 300),), ((10, 5, 12, 300),), ((100, 200, 50, 300),), ((200, 100, 50, 300),),
    ((100, 200, 250, 300),), ((1000, 10, 500, 200),), ((10, 1000, 995, 100),), ((50, 50, 10, 200),), ((50, 50, 11, 200),),
    ((50, 50, 90, 100),), ((50, 50, 91, 100),), ((3000, 7000, 5000, 200),), ((999999999, 999999999, 10**9, 50),),
    ((2**31, 2**31 + 7, 5, 30),), ((600000000, 900000000, 7, 30),), ((0, 10, 5, 5),), ((10, 0, 5, 5),), ((5, 5, 10, 5),),
    ((7, 3, 1),), ((7, 3, 10),), ((5.7, 5, 3, 4),), ((True, 5, 3),), (([10, 100], 20, [[5], [15]]),),
    (([10, 100], [20, 40], 15, (3, 2)),), ((np.array([30, 40], np.int32), 20, 12),), ((10, 20, 5, 0),), ((10, 20, 5, ()),),
]
LEGACY_ONLY = [((10**9, 5, 3, 5),), (([10**9], 5, 3),)]
GEN_ONLY = [((5, 5, 0, 3),), (([5, 5], 5, [0, 1]),)]
ERRORS = [
    ((10**9, 5, 3),), (([1, 10**9], 5, 3),), ((5, 5, 11),), (([5], 5, 11),), (([5, 1], [5, 2, 3], 1),),
    (([5, 1], 2, [1, 2, 3]),), ((-1, 5, 3),), (([-1, 2], 5, 3),), ((5, -1, 3),), ((5, 5, -1),), (([5], 5, -1),),
    ((np.array([5.0]), 5, 3),), ((5, 5),), ((5, 5, 3, -2),), (([5, 6], 5, 3, 3),),
]


F32 = np.array([0.5, 0.50001], np.float32)
MULTI = [
    ((10, [0.2, 0.3, 0.5], 200),), ((1000, [0.1, 0.2, 0.3, 0.4], 100),), ((10**6, [0.5, 0.25, 0.25], 50),),
    ((2**40, [0.5, 0.5], 5),), ((20, [0.0, 0.5, 0.5], 20),), ((20, [0.5, 0.5, 0.0], 20),), ((20, [1.0, 0.0], 5),),
    ((20, [0.2, 0.3], 20),), ((0, [0.5, 0.5], 3),), ((5, [0.5, 0.6]),), ((5, [0.3, 0.3, 0.3 + 1e-13]),), ((7, [1 / 3] * 3),),
    ((5, (0.25, 0.75), (2, 3)),), ((5.7, [0.5, 0.5]),), ((True, [0.5, 0.5]),), ((5, F32),), ((5, [0.5, 0.5], 0),),
    ((np.int64(9), np.array([0.1, 0.9])),),
]
GEN_MULTI = [
    (([5, 50, 500], [0.3, 0.7]),), (([[5], [50]], [0.3, 0.7], (2, 3)),), ((10, [[0.5, 0.5], [0.1, 0.9], [0.9, 0.1]]),),
    (([10, 20, 30], [[0.5, 0.5], [0.1, 0.9], [0.9, 0.1]]),), ((10, [[0.5, 0.5], [0.1, 0.9], [0.9, 0.1]], (2, 3)),),
    ((np.array(7), [0.5, 0.5], 2),), (([3], [0.5, 0.5]),),
]
MULTI_ERRORS = [
    ((5, [0.5, 0.7, 0.1]),), ((5, [0.5, float('nan')]),), ((5, [0.5, -0.1, 0.6]),), ((5, [1.5, 0.0]),), ((-1, [0.5, 0.5]),),
    ((5, [0.5, 0.5], -1),), ((5, np.array([0.7, 0.5], np.float32)),), ((5, np.array([0.50001, 0.5, 0.1], np.float32)),), ((5,),),
    ((5, np.array([0.6, 0.4000001, 0.0], np.float32)),),
]
GEN_MULTI_ERRORS = [
    ((5, 0.5),), ((5, []),), ((5, [[], []]),), (([1, -1], [0.5, 0.5]),), ((np.array([2.0]), [0.5, 0.5]),),
    (([5, 6], [[0.5, 0.5]] * 3),), (([5, 6], [0.5, 0.5], 3),), (([5, 6], [0.5, 0.5], (2, 1)),),
    ((5, [[0.5, 0.5], [0.9, 0.3]]),), ((5, [[0.5, 0.5]] * 3, (3, 2)),),
]
LEG_MULTI = [((5, []),), ((5, [], 3),), ((np.array([2.0]), [0.5, 0.5]),)]
LEG_MULTI_ERRORS = [((5, 0.5),), ((5, [[0.5, 0.5]]),), (([1, -1], [0.5, 0.5]),), (([5, 6], [0.5, 0.5], 3),)]


def multinomial_cases():
    for sd in [0, 96]:
        s = seq(f'Generator multinomial, seed {sd}')
        s.fn('default_rng', sd, bind='g')
        for (a,) in MULTI + GEN_MULTI + MULTI_ERRORS + GEN_MULTI_ERRORS:
            s.meth('g', 'multinomial', *a)
        s.meth('g', 'multinomial', n=4, pvals=[0.5, 0.5], size=2).meth('g', 'binomial', 10, 0.3, 3).meth('g', 'random')
    s = seq('Generator over MT19937: multinomial')
    s.fn('MT19937', 97, bind='mt').fn('Generator', Ref('mt'), bind='g')
    for (a,) in MULTI[:6] + GEN_MULTI[:3]:
        s.meth('g', 'multinomial', *a)
    s.meth('g', 'random')
    for sd in [98, 99]:
        s = seq(f'legacy multinomial (module functions, the non-legacy binomial), seed {sd}')
        s.fn('seed', sd)
        for (a,) in MULTI + LEG_MULTI + MULTI_ERRORS + LEG_MULTI_ERRORS:
            s.fn('multinomial', *a)
        s.fn('binomial', 10, 0.3, 3).fn('multinomial', 10, [0.2, 0.8], 3).fn('binomial', 10, 0.3, 3).fn('randn').fn('rand')
    s = seq('RandomState objects: multinomial')
    s.fn('RandomState', 100, bind='rs').meth('rs', 'multinomial', 100, [0.25] * 4, 50).meth('rs', 'multinomial', n=3, pvals=(0.5, 0.5))
    s.meth('rs', 'rand')


def cases():
    for sd in [0, 91, 2024]:
        s = seq(f'Generator hypergeometric, seed {sd}')
        s.fn('default_rng', sd, bind='g')
        for (a,) in HYPER + GEN_ONLY + ERRORS:
            s.meth('g', 'hypergeometric', *a)
        s.meth('g', 'hypergeometric', ngood=8, nbad=4, nsample=6, size=3).meth('g', 'random')
    s = seq('Generator over MT19937: hypergeometric')
    s.fn('MT19937', 92, bind='mt').fn('Generator', Ref('mt'), bind='g')
    for (a,) in HYPER[:16]:
        s.meth('g', 'hypergeometric', *a)
    s.meth('g', 'random')
    for sd in [93, 94]:
        s = seq(f'legacy hypergeometric (module functions), seed {sd}')
        s.fn('seed', sd)
        for (a,) in HYPER + LEGACY_ONLY + ERRORS + [((5, 5, 0),), (([5], 5, 0),)]:
            s.fn('hypergeometric', *a)
        s.fn('randn').fn('rand')
    s = seq('RandomState objects: hypergeometric')
    s.fn('RandomState', 95, bind='rs').meth('rs', 'hypergeometric', 40, 60, 30, 100).meth('rs', 'hypergeometric', 4, 6, 3, 100)
    s.meth('rs', 'hypergeometric', ngood=[3, 30], nbad=30, nsample=20).meth('rs', 'rand')


def main():
    cases()
    multinomial_cases()
    write_sequences(OUT)


if __name__ == '__main__':
    main()
