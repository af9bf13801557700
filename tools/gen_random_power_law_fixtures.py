#!/usr/bin/python3
"""Writes test/fixtures/random_power_law.json: np.random's pareto, power, zipf and logseries for
Generator, RandomState and the module functions, answered by real NumPy 1.24, for
test/engine/randomPowerLaw.test.ts; and test/fixtures/random_libm_expm1.json: this machine's
glibc expm1 (math.expm1 calls it) on inputs like those samplers', for the same test.

Same sequence format and encoder as tools/gen_random_fixtures.py (imported from it): each
sequence replays calls in order, so the draws each call consumes are checked by the calls after
it. Cases: long runs, tiny/huge shape parameters, zipf near a = 1 (most draws rejected) and
large a, logseries near p = 0 and p = 1, broadcasting, size forms, and each constraint's error.
Run: /usr/bin/python3 tools/gen_random_power_law_fixtures.py (needs NumPy 1.24.x).
"""

import json
import math
import os
import random
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gen_random_fixtures import FIXTURES, SEQS, seq, Ref, write_sequences  # noqa: E402

OUT = os.path.join(FIXTURES, 'random_power_law.json')
OUT_EXPM1 = os.path.join(FIXTURES, 'random_libm_expm1.json')

NAN = float('nan')
CASES = [
    ('pareto', (3.0, 400)), ('pareto', (0.5, 200)), ('pareto', (1e-3, 50)), ('pareto', (1e3, 50)), ('pareto', (1e-300, 5)),
    ('pareto', (2.0,)), ('pareto', ([1, 5],)), ('pareto', ([[0.5], [2]], (2, 3))), ('pareto', (np.array(4.0), 2)),
    ('pareto', (1.0, 0)), ('pareto', (float('inf'), 3)),
    ('power', (3.0, 400)), ('power', (0.2, 200)), ('power', (1e-3, 50)), ('power', (1e3, 50)), ('power', (1.0,)),
    ('power', ([1, 5],)), ('power', ([[0.5], [2]], (2, 3))), ('power', (1e-310, 3)), ('power', (float('inf'), 3)),
    ('zipf', (2.0, 400)), ('zipf', (1.5, 300)), ('zipf', (1.01, 100)), ('zipf', (1.0001, 20)), ('zipf', (3.5,)),
    ('zipf', (30.0, 50)), ('zipf', (1000.0, 5)), ('zipf', ([1.5, 4],)), ('zipf', ([[2], [6]], (2, 3))),
    ('logseries', (0.5, 400)), ('logseries', (0.9, 300)), ('logseries', (0.999999, 200)), ('logseries', (1 - 1e-12, 100)),
    ('logseries', (1e-6, 50)), ('logseries', (0.0, 5)), ('logseries', (0.3,)), ('logseries', ([0.1, 0.99],)),
    ('logseries', ([[0.2], [0.95]], (2, 3))),
]
ERRORS = [
    ('pareto', (0,)), ('pareto', (-1,)), ('pareto', (NAN,)), ('pareto', ([1, 0],)), ('pareto', ([1, NAN],)), ('pareto', ()),
    ('pareto', ([1, 2], 3)), ('power', (0,)), ('power', (-0.5, 2)), ('power', ([2, -1],)), ('power', ()),
    ('zipf', (1,)), ('zipf', (0.5,)), ('zipf', (NAN,)), ('zipf', ([2, 1],)), ('zipf', ([2, NAN],)), ('zipf', ()),
    ('zipf', ([2, 3], (2, 3))),
    ('logseries', (1,)), ('logseries', (-0.1,)), ('logseries', (NAN,)), ('logseries', ([0.5, 1],)), ('logseries', ([0.5, NAN],)),
    ('logseries', ()), ('logseries', (1.5, 2)),
]


def distribution_cases():
    for sd in [0, 81, 12345]:
        s = seq(f'Generator pareto, power, zipf, logseries, seed {sd}')
        s.fn('default_rng', sd, bind='g')
        for m, a in CASES + ERRORS:
            s.meth('g', m, *a)
        s.meth('g', 'random')
    s = seq('Generator over MT19937: pareto, power, zipf, logseries')
    s.fn('MT19937', 82, bind='mt').fn('Generator', Ref('mt'), bind='g')
    s.meth('g', 'pareto', 2, 300).meth('g', 'power', 0.7, 300).meth('g', 'zipf', 1.3, 300).meth('g', 'logseries', 0.97, 300)
    s.meth('g', 'pareto', a=1.5, size=(2, 2)).meth('g', 'logseries', p=0.6).meth('g', 'random')
    for sd in [83, 84]:
        s = seq(f'legacy pareto, power, zipf, logseries (module functions), seed {sd}')
        s.fn('seed', sd)
        for m, a in CASES + ERRORS:
            s.fn(m, *a)
        s.fn('randn').fn('rand')
    s = seq('RandomState objects: pareto, power, zipf, logseries')
    s.fn('RandomState', 85, bind='rs').meth('rs', 'pareto', 2, 300).meth('rs', 'power', 0.7, 300).meth('rs', 'zipf', 1.3, 300)
    s.meth('rs', 'logseries', 0.97, 300).meth('rs', 'pareto', a=1.5, size=(2, 2)).meth('rs', 'logseries', p=0.6)
    s.meth('rs', 'zipf', 1.05, 30).meth('rs', 'power', [[1], [3]], size=(2, 2)).meth('rs', 'rand')


def enc_f(x):
    return x if math.isfinite(x) else repr(x)


def expm1_cases():
    """glibc's expm1 on what the samplers pass it (+-E/a, r*U) plus a spread, tiny and special inputs."""
    rnd = random.Random(20261128)
    xs = []
    for _ in range(4000):
        e = -math.log(1 - rnd.random())
        a = rnd.choice([0.1, 0.5, 1, 2, 3, 10, 100, 1e3])
        xs += [e / a, -e, math.log1p(-rnd.random()) * rnd.random()]
    xs += [rnd.uniform(-800, 800) for _ in range(1000)] + [rnd.uniform(-1e-9, 1e-9) for _ in range(200)]
    xs += [rnd.uniform(-40, 40) for _ in range(1000)] + [rnd.uniform(-0.5, 0.5) for _ in range(2000)]
    xs += [0.0, -0.0, 1e-300, 5e-324, 2 ** -54, 2 ** -53, 0.34657359027997264, 0.3465735902799727, 1.0397207708399179,
           709.782712893384, 709.7827128933841, 38.816242111356935, -38.816242111356935, -1000.0, 1000.0,
           math.inf, -math.inf, math.nan]

    def glibc_expm1(x):
        try:
            return math.expm1(x)
        except OverflowError:
            return math.inf
    return {'expm1': [[enc_f(x), enc_f(glibc_expm1(x))] for x in xs]}


def main():
    distribution_cases()
    write_sequences(OUT)
    libm = expm1_cases()
    with open(OUT_EXPM1, 'w') as f:
        f.write(json.dumps(libm, separators=(',', ':')) + '\n')
    print(f'{OUT_EXPM1}: expm1: {len(libm["expm1"])}', file=sys.stderr)


if __name__ == '__main__':
    main()
