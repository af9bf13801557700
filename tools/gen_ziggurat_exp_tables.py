#!/usr/bin/python3
"""Writes engine/random/zigguratExpTables.ts: the exponential ziggurat's ke/we/fe tables
(float64 and float32) and ziggurat_exp_r(_f) from NumPy 1.24's
numpy/random/src/distributions/ziggurat_constants.h.

The header's literals are parsed exactly (float32 entries rounded once, from the decimal, as
a C compiler does), then every table is looked up byte for byte in Debian's compiled
numpy/random/_generator .so, so the committed values are the ones NumPy 1.24.2 runs with.
Run: /usr/bin/python3 tools/gen_ziggurat_exp_tables.py [path/to/ziggurat_constants.h]
(default /tmp/np124/numpy/random/src/distributions/ziggurat_constants.h, the 1.24.2 sdist).
"""

import os
import re
import struct
import sys
from fractions import Fraction

import numpy as np

HEADER = sys.argv[1] if len(sys.argv) > 1 else '/tmp/np124/numpy/random/src/distributions/ziggurat_constants.h'
SO_DIR = os.path.join(os.path.dirname(np.__file__), 'random')
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'engine', 'random', 'zigguratExpTables.ts')


def c_float(lit):
    """A C float literal's value: the float32 nearest the exact decimal (ties to even)."""
    exact = Fraction(lit)
    f = np.float32(float(exact))
    cands = [f, np.nextafter(f, np.float32(np.inf)), np.nextafter(f, np.float32(-np.inf))]
    best = min(cands, key=lambda c: (abs(Fraction(float(c)) - exact), int(c.view(np.uint32)) & 1))
    return float(best)


def table(src, name):
    m = re.search(r'static const \w+ ' + name + r'\[\] = \{(.*?)\};', src, re.S)
    return [t.strip() for t in m.group(1).split(',') if t.strip()]


def scalar(src, name):
    m = re.search(r'static const \w+ ' + name + r'\s*=\s*([0-9.eE+-]+)f?;', src, re.S)
    return m.group(1)


def main():
    src = open(HEADER).read()
    ke_d = [int(t.rstrip('ULul'), 16) for t in table(src, 'ke_double')]
    we_d = [float(t) for t in table(src, 'we_double')]
    fe_d = [float(t) for t in table(src, 'fe_double')]
    ke_f = [int(t.rstrip('ULul'), 16) for t in table(src, 'ke_float')]
    we_f = [c_float(t.rstrip('fF')) for t in table(src, 'we_float')]
    fe_f = [c_float(t.rstrip('fF')) for t in table(src, 'fe_float')]
    r_d = float(scalar(src, 'ziggurat_exp_r'))
    r_f = c_float(scalar(src, 'ziggurat_exp_r_f'))
    assert all(len(t) == 256 for t in (ke_d, we_d, fe_d, ke_f, we_f, fe_f))
    assert all(k < 2 ** 53 for k in ke_d)
    blob = b''.join(open(os.path.join(SO_DIR, f), 'rb').read() for f in os.listdir(SO_DIR) if f.endswith('.so'))
    packed = {
        'ke_double': struct.pack('<256Q', *ke_d), 'we_double': struct.pack('<256d', *we_d),
        'fe_double': struct.pack('<256d', *fe_d), 'ke_float': struct.pack('<256I', *ke_f),
        'we_float': struct.pack('<256f', *we_f), 'fe_float': struct.pack('<256f', *fe_f),
    }
    for name, b in packed.items():
        if b not in blob:
            sys.exit(f'{name}: not found in the compiled NumPy random modules')
    f32 = lambda v: repr(float(np.float32(v)))  # noqa: E731 - shortest repr that round-trips via fround

    def rows(vals, fmt, per):
        items = [fmt(v) for v in vals]
        return '\n'.join('  ' + ', '.join(items[i:i + per]) + ',' for i in range(0, len(items), per))

    ts = f"""// The exponential ziggurat's tables from NumPy 1.24's
// numpy/random/src/distributions/ziggurat_constants.h (ke/we/fe, float64 and float32), checked
// byte for byte against Debian's compiled numpy 1.24.2 and written by
// tools/gen_ziggurat_exp_tables.py as exact decimals (float32 entries are exact float32 values).
// Data only.

/** ke_double: 53-bit acceptance thresholds (exact in a double). */
export const KE_DOUBLE = new Float64Array([
{rows(ke_d, str, 6)}
]);

export const WE_DOUBLE = new Float64Array([
{rows(we_d, repr, 4)}
]);

export const FE_DOUBLE = new Float64Array([
{rows(fe_d, repr, 4)}
]);

export const KE_FLOAT = new Uint32Array([
{rows(ke_f, str, 8)}
]);

export const WE_FLOAT = new Float32Array([
{rows(we_f, f32, 4)}
]);

export const FE_FLOAT = new Float32Array([
{rows(fe_f, f32, 4)}
]);

export const ZIGGURAT_EXP_R = {repr(r_d)};
export const ZIGGURAT_EXP_R_F = {f32(r_f)};
"""
    with open(OUT, 'w') as f:
        f.write(ts)
    print(f'{OUT}: 6 tables of 256, all found in the compiled NumPy', file=sys.stderr)


if __name__ == '__main__':
    main()
