#!/usr/bin/python3
"""Writes engine/random/glibcFloatTables.ts: glibc 2.36's `__logf_data`, `__powf_log2_data` and
`__exp2f_data` (sysdeps/ieee754/flt-32/e_logf_data.c, e_powf_log2_data.c, e_exp2f_data.c), which
engine/random/libmFloat.ts's logf and powf need to round exactly as this machine's libm does
(NumPy's float32 standard_gamma returns them).

The structs are hidden, so each is found in the installed libm.so.6 by its constants and read
with glibc 2.36's layouts: logf: tab[16] of {invc, logc}, ln2, poly[3]; powf: tab[16] of
{invc, logc}, poly[5]; exp2f: tab[32], shift_scaled, poly[3], invln2_scaled, poly_scaled[3], shift.
Run: /usr/bin/python3 tools/gen_glibc_float_tables.py
"""

import os
import struct
import sys

LIBM = '/usr/lib/x86_64-linux-gnu/libm.so.6'
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'engine', 'random', 'glibcFloatTables.ts')
H = float.fromhex


def find_once(b, key, what):
    at = b.find(key)
    if at < 0 or b.find(key, at + 1) >= 0:
        sys.exit(what + ': not found exactly once in ' + LIBM)
    return at


def doubles(b, at, n):
    return list(struct.unpack(f'<{n}d', b[at:at + 8 * n]))


def main():
    b = open(LIBM, 'rb').read()
    # logf: ln2 followed by the first polynomial coefficient
    at = find_once(b, struct.pack('<dd', H('0x1.62e42fefa39efp-1'), H('-0x1.00ea348b88334p-2')), '__logf_data')
    logf_tab = doubles(b, at - 256, 32)
    logf_ln2, logf_poly = doubles(b, at, 1)[0], doubles(b, at + 8, 3)
    # powf: its log2 polynomial (the last coefficient is about 1/ln2)
    at = find_once(b, struct.pack('<dd', H('0x1.27616c9496e0bp-2'), H('-0x1.71969a075c67ap-2')), '__powf_log2_data')
    powf_tab, powf_poly = doubles(b, at - 256, 32), doubles(b, at, 5)
    # exp2f: poly[3] after tab[32] and shift_scaled
    at = find_once(b, struct.pack('<ddd', H('0x1.c6af84b912394p-5'), H('0x1.ebfce50fac4f3p-3'), H('0x1.62e42ff0c52d6p-1')), '__exp2f_data')
    exp2f_poly = doubles(b, at, 3)
    shift_scaled = doubles(b, at - 8, 1)[0]
    exp2f_tab = struct.unpack('<32Q', b[at - 8 - 256:at - 8])
    assert shift_scaled == H('0x1.8p47') and exp2f_tab[0] == 0x3ff0000000000000
    for tab in (logf_tab, powf_tab):
        assert all(0.6 < tab[2 * i] < 1.6 and abs(tab[2 * i + 1]) < 0.6 for i in range(16))

    def rows(vals, fmt, per):
        items = [fmt(v) for v in vals]
        return '\n'.join('  ' + ', '.join(items[i:i + per]) + ',' for i in range(0, len(items), per))

    ts = f"""// glibc 2.36's `__logf_data`, `__powf_log2_data` and `__exp2f_data` (sysdeps/ieee754/flt-32),
// dumped from this machine's libm.so.6 by tools/gen_glibc_float_tables.py. logf and powf work in
// double with these and round once to float32. Data only.

/** logf: {{invc, logc}} for each of 16 subintervals. */
export const LOGF_TAB = new Float64Array([
{rows(logf_tab, repr, 4)}
]);
export const LOGF_LN2 = {logf_ln2!r};
export const LOGF_POLY = [{', '.join(repr(p) for p in logf_poly)}] as const;

/** powf's log2: {{invc, log2(c)}} for each of 16 subintervals. */
export const POWF_LOG2_TAB = new Float64Array([
{rows(powf_tab, repr, 4)}
]);
export const POWF_LOG2_POLY = [{', '.join(repr(p) for p in powf_poly)}] as const;

/** exp2f: the bits of 2^(i/32) less i << 47, as high/low uint32 words. */
export const EXP2F_TAB_HI = new Uint32Array([
{rows([t >> 32 for t in exp2f_tab], hex, 8)}
]);
export const EXP2F_TAB_LO = new Uint32Array([
{rows([t & 0xffffffff for t in exp2f_tab], hex, 8)}
]);
export const EXP2F_SHIFT_SCALED = {shift_scaled!r};
export const EXP2F_POLY = [{', '.join(repr(p) for p in exp2f_poly)}] as const;
"""
    with open(OUT, 'w') as f:
        f.write(ts)
    print(f'{OUT}: logf, powf log2 and exp2f tables from {LIBM}', file=sys.stderr)


if __name__ == '__main__':
    main()
