#!/usr/bin/python3
"""Writes engine/random/glibcExpPowTables.ts: glibc 2.36's `__exp_data` (the constants and the
128-entry 2^(i/128) table of sysdeps/ieee754/dbl-64/e_exp_data.c) and `__pow_log_data`
(e_pow_log_data.c), which engine/random/libm.ts's `exp` and `pow` need to round exactly as this
machine's libm does (NumPy's lognormal returns exp(...), gamma and beta pow(...)).

The structs are hidden, so they are found in the installed libm.so.6 by their first constants
and read with glibc 2.36's layouts: exp: invln2N, negln2hiN, negln2loN, poly[4], shift,
exp2_shift, exp2_poly[5], tab[256]; pow: ln2hi, ln2lo, poly[7], tab[128] of {invc, pad, logc,
logctail}.
Run: /usr/bin/python3 tools/gen_glibc_exp_pow_tables.py
"""

import os
import struct
import sys

LIBM = '/usr/lib/x86_64-linux-gnu/libm.so.6'
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'engine', 'random', 'glibcExpPowTables.ts')


def find_once(b, key, what):
    at = b.find(key)
    if at < 0 or b.find(key, at + 1) >= 0:
        sys.exit(what + ': not found exactly once in ' + LIBM)
    return at


def main():
    b = open(LIBM, 'rb').read()
    key = struct.pack('<dd', float.fromhex('0x1.71547652b82fep0') * 128, -float.fromhex('0x1.62e42fefa0000p-8'))
    at = find_once(b, key, '__exp_data')
    head = struct.unpack('<14d', b[at:at + 14 * 8])
    tab = struct.unpack('<256Q', b[at + 14 * 8:at + 14 * 8 + 256 * 8])
    invln2n, negln2hin, negln2lon = head[0:3]
    poly = head[3:7]
    shift = head[7]
    assert shift == float.fromhex('0x1.8p52'), shift
    assert tab[0] == 0 and tab[1] == 0x3ff0000000000000
    tails = [struct.unpack('<d', struct.pack('<Q', tab[2 * i]))[0] for i in range(128)]
    sbits = [tab[2 * i + 1] for i in range(128)]
    # __pow_log_data: ln2hi, ln2lo, then poly[0] = -0.5 (__log_data's differs there)
    key = struct.pack('<ddd', float.fromhex('0x1.62e42fefa3800p-1'), float.fromhex('0x1.ef35793c76730p-45'), -0.5)
    pat = find_once(b, key, '__pow_log_data')
    phead = struct.unpack('<9d', b[pat:pat + 72])
    ptab = struct.unpack('<512d', b[pat + 72:pat + 72 + 512 * 8])
    assert all(ptab[4 * i + 1] == 0 for i in range(128))

    def rows(vals, fmt, per):
        items = [fmt(v) for v in vals]
        return '\n'.join('  ' + ', '.join(items[i:i + per]) + ',' for i in range(0, len(items), per))

    ts = f"""// glibc 2.36's `__exp_data` (sysdeps/ieee754/dbl-64/e_exp_data.c) and `__pow_log_data`
// (e_pow_log_data.c), dumped from this machine's libm.so.6 by tools/gen_glibc_exp_pow_tables.py:
// the constants of `exp` and its table of 2^(i/128) as a tail (a double) and the scale's bits
// less i << 45 (as high/low uint32 words); pow's log constants and its table of {{invc, logc,
// logctail}} triples (the struct's padding dropped). Data only.

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

export const POW_LN2_HI = {phead[0]!r};
export const POW_LN2_LO = {phead[1]!r};
/** A[0..6] of pow's log polynomial (A[0] = -0.5; the rest scaled for the -0.5*r trick). */
export const POW_LOG_POLY = [{', '.join(repr(p) for p in phead[2:9])}] as const;

/** invc, logc, logctail for each of the 128 subintervals. */
export const POW_LOG_TAB = new Float64Array([
{rows([v for i in range(128) for v in (ptab[4 * i], ptab[4 * i + 2], ptab[4 * i + 3])], repr, 3)}
]);
"""
    with open(OUT, 'w') as f:
        f.write(ts)
    print(f'{OUT}: __exp_data at {at:#x} of {LIBM}', file=sys.stderr)


if __name__ == '__main__':
    main()
