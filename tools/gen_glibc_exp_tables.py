#!/usr/bin/python3
"""Writes engine/random/glibcExpTables.ts: glibc 2.36's `__exp_data` (the constants and the
128-entry 2^(i/128) table of sysdeps/ieee754/dbl-64/e_exp_data.c), which engine/random/libm.ts's
`exp` needs to round exactly as this machine's libm does (NumPy's lognormal returns exp(...)).

The struct is hidden, so it is found in the installed libm.so.6 by its first constants
(InvLn2N = 128/ln2 followed by -ln2hi/128) and read with glibc 2.36's layout: invln2N,
negln2hiN, negln2loN, poly[4], shift, exp2_shift, exp2_poly[5], tab[256].
Run: /usr/bin/python3 tools/gen_glibc_exp_tables.py
"""

import os
import struct
import sys

LIBM = '/usr/lib/x86_64-linux-gnu/libm.so.6'
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'engine', 'random', 'glibcExpTables.ts')


def main():
    b = open(LIBM, 'rb').read()
    key = struct.pack('<dd', float.fromhex('0x1.71547652b82fep0') * 128, -float.fromhex('0x1.62e42fefa0000p-8'))
    at = b.find(key)
    if at < 0 or b.find(key, at + 1) >= 0:
        sys.exit('__exp_data: not found exactly once in ' + LIBM)
    head = struct.unpack('<14d', b[at:at + 14 * 8])
    tab = struct.unpack('<256Q', b[at + 14 * 8:at + 14 * 8 + 256 * 8])
    invln2n, negln2hin, negln2lon = head[0:3]
    poly = head[3:7]
    shift = head[7]
    assert shift == float.fromhex('0x1.8p52'), shift
    assert tab[0] == 0 and tab[1] == 0x3ff0000000000000
    tails = [struct.unpack('<d', struct.pack('<Q', tab[2 * i]))[0] for i in range(128)]
    sbits = [tab[2 * i + 1] for i in range(128)]

    def rows(vals, fmt, per):
        items = [fmt(v) for v in vals]
        return '\n'.join('  ' + ', '.join(items[i:i + per]) + ',' for i in range(0, len(items), per))

    ts = f"""// glibc 2.36's `__exp_data` (sysdeps/ieee754/dbl-64/e_exp_data.c), dumped from this machine's
// libm.so.6 by tools/gen_glibc_exp_tables.py: the constants of `exp` and its table of 2^(i/128)
// as a tail (a double) and the scale's bits less i << 45 (as high/low uint32 words). Data only.

export const EXP_INV_LN2_N = {invln2n!r};
export const EXP_NEG_LN2_HI_N = {negln2hin!r};
export const EXP_NEG_LN2_LO_N = {negln2lon!r};
/** C2..C5 of exp's polynomial. */
export const EXP_POLY = [{', '.join(repr(p) for p in poly)}] as const;
export const EXP_SHIFT = {shift!r};

export const EXP_TAIL = new Float64Array([
{rows(tails, repr, 4)}
]);

export const EXP_SBITS_HI = new Uint32Array([
{rows([s >> 32 for s in sbits], hex, 8)}
]);

export const EXP_SBITS_LO = new Uint32Array([
{rows([s & 0xffffffff for s in sbits], hex, 8)}
]);
"""
    with open(OUT, 'w') as f:
        f.write(ts)
    print(f'{OUT}: __exp_data at {at:#x} of {LIBM}', file=sys.stderr)


if __name__ == '__main__':
    main()
