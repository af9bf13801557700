#!/usr/bin/python3
"""Expected values for the large-array live-debugging tests (test/e2e/suite/debug.e2e.ts, test/e2e/uiDebug.mjs).

Runs the module-level code of test/workspace/train_debug_large.py with real NumPy (up to the
call it stops in) and writes test/fixtures/debug_large.json: the breakpoint's line, what each
frame's arrays are (shape text, dtype) and the values of the windows the test reads, in C
order (JSON floats are Python's repr: exact). Run with Debian's NumPy 1.24:
/usr/bin/python3 tools/gen_e2e_debug_large.py
"""
import json
import pathlib

import numpy as np

ROOT = pathlib.Path(__file__).resolve().parent.parent
SCRIPT = ROOT / 'test' / 'workspace' / 'train_debug_large.py'
source = SCRIPT.read_text()
lines = source.split('\n')
# everything before the call the test stops in: the module frame's state at the breakpoint
head = source[:source.index('out = scale(')]
module = {}
exec(compile(head, str(SCRIPT), 'exec'), module)  # our own fixture script, not user input
grid, bias = module['grid'], module['bias']
a = grid
scaled = a[:10] * 3.0


def describe(x):
    return {'shape': list(x.shape), 'shape_repr': str(tuple(x.shape)), 'dtype': str(x.dtype)}


def cell(value):
    # the table's text of a float64 cell: 8 significant digits, Python's float repr (as tools/gen_e2e_inspector.py)
    return repr(float(format(float(value), '.8g')))


def window(x, rows, cols):
    return {'rows': list(rows), 'cols': list(cols), 'values': [float(v) for v in x[rows[0]:rows[1], cols[0]:cols[1]].ravel()]}


out = {
    'numpy': np.__version__,
    'file': SCRIPT.name,
    'line': next(i + 1 for i, l in enumerate(lines) if l.rstrip().endswith('# breakpoint')),
    'function': {'a': describe(a), 'scaled': describe(scaled)},
    'module': {'grid': describe(grid), 'bias': describe(bias)},
    'windows': {
        'first': window(a, (0, 64), (0, 32)),
        'scrolled': window(a, (1000, 1064), (0, 32)),
        'last': window(a, (1936, 2000), (1984, 2000)),
    },
    # cells the UI test reads in the inspector's table: at the top, and after scrolling to row 1000
    'cells': [{'r': r, 'c': c, 'text': cell(a[r, c])} for r, c in ((2, 3), (0, 1), (1003, 2), (1010, 4))],
}
path = ROOT / 'test' / 'fixtures' / 'debug_large.json'
path.write_text(json.dumps(out, indent=1) + '\n')
print(f'wrote {path}')
