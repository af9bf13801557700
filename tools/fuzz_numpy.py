#!/usr/bin/python3
"""Runs the engine fuzzer's op chains in real NumPy 1.24 and records NumPy's answers.
Input: the spec file tools/fuzz.mjs writes (families of cases from test/reliability/fuzzGen.ts).
Output: test/fixtures/fuzz_<family>.json, replayed by test/reliability/fuzz.test.ts.
Run it through `node tools/fuzz.mjs` (which generates the specs); it needs /usr/bin/python3
with Debian's NumPy. It decides nothing about what is right: every value, dtype, shape and
error text in the output is NumPy's. Case format (see fuzzGen.ts for the specs):
  * "trace": per step, what it returned: "<dtype>[<shape>]" for arrays, "<dtype> scalar" for
    NumPy scalars, else the Python type name ("tuple", "int", "str"...).
  * "expected": {"type": "list", "items": [<Expected of each output register>]} when every
    step ran, else {"type": "error", "pyType", "message", "at": <step index>}.
A case is dropped (and counted under its reason in "skipped") when NumPy's answer leaves what
the engine holds or what NumPy defines:
  * a float16/complex/object result at any step (the engine has no float16: it raises
    NotImplementedError instead, by design);
  * an int64/uint64 value beyond 2**53 at any step (the engine stores 64-bit ints in doubles);
  * a float -> int cast of NaN, inf or an out-of-range value (NumPy 1.24 warns "invalid value
    encountered in cast": the result is undefined in C and differs between CPUs and loops);
  * a method, attribute or index step on a NumPy scalar (engine/pycall.ts takes arrays there;
    the interpreter boxes scalars itself).
"""

import json
import sys
import warnings
from collections import Counter

import numpy as np

from gen_engine_fixtures import float_json  # the fixtures' float encoding: NaN/inf as strings

SUPPORTED = {'bool', 'int8', 'int16', 'int32', 'int64', 'uint8', 'uint16', 'uint32', 'uint64', 'float32', 'float64'}
SAFE = 2 ** 53
ERROR_NAMES = ['ZeroDivisionError', 'IndexError', 'KeyError', 'TypeError', 'ValueError', 'OverflowError',
               'MemoryError', 'RuntimeError', 'NotImplementedError', 'AttributeError']


class Skip(Exception):
    pass


# ---- decoding (the same rules as test/engine/fixtureCodec.ts, plus register references) ----

def dec_data(x):
    if isinstance(x, str):
        return float(x)
    return x


def dec(j, regs):
    if isinstance(j, list):
        return [dec(i, regs) for i in j]
    if not isinstance(j, dict):
        return j  # int, float (non-integral), bool, None, str
    if 'in' in j:
        return regs['in'][j['in']]
    if 'ref' in j:
        return regs['ref'][j['ref']]
    if 'nd' in j:
        with np.errstate(over='ignore'):  # 1e300 as float32 is inf, as in the engine
            a = np.array([dec_data(x) for x in j['nd']], dtype=j['dtype']).reshape(j['shape'])
        if 'view' in j:
            a = a.T if j['view'] == 'T' else a[dec(j['view'], regs)]
        return a
    if 'npscalar' in j:
        return np.dtype(j['dtype']).type(dec_data(j['npscalar']))
    if 'float' in j:
        return float(j['float'])
    if 'tuple' in j:
        return tuple(dec(i, regs) for i in j['tuple'])
    if 'slice' in j:
        return slice(*j['slice'])
    if 'ellipsis' in j:
        return Ellipsis
    raise ValueError(f'bad arg {j!r}')


def array_self(x):
    if not isinstance(x, np.ndarray):
        raise Skip('method, attribute or index step on a NumPy scalar')
    return x


def run_step(step, regs):
    d = lambda j: dec(j, regs)  # noqa: E731
    if 'fn' in step:
        return getattr(np, step['fn'])(*d(step['args']), **{k: d(v) for k, v in step['kwargs'].items()})
    if 'method' in step:
        self = array_self(d(step['self']))
        r = getattr(self, step['method'])(*d(step['args']), **{k: d(v) for k, v in step['kwargs'].items()})
        if r is NotImplemented:
            raise Skip('operator returned NotImplemented')
        return r
    if 'attr' in step:
        return getattr(array_self(d(step['self'])), step['attr'])
    if 'getitem' in step:
        return array_self(d(step['getitem']))[d(step['index'])]
    if 'setitem' in step:
        a = array_self(d(step['setitem']))
        a[d(step['index'])] = d(step['value'])
        return a
    raise ValueError(step)


# ---- checks and encoding ---------------------------------------------------------------------

def check(x):
    """Raises Skip when the value leaves what the engine holds."""
    if isinstance(x, (np.ndarray, np.generic)):
        if str(x.dtype) not in SUPPORTED:
            raise Skip(f'{x.dtype} result')
        if x.dtype.kind in 'iu' and x.dtype.itemsize == 8 and x.size:
            if int(x.max()) > SAFE or int(x.min()) < -SAFE:
                raise Skip('int64/uint64 value beyond 2**53')
    elif isinstance(x, (tuple, list)):
        for i in x:
            check(i)
    elif isinstance(x, int) and not isinstance(x, bool) and abs(x) > SAFE:
        raise Skip('Python int beyond 2**53')


def shadow_check(step, regs):
    """`a op= b` into a narrow int array may run an int64 loop whose values pass 2**53 (the
    engine's int64 is a double) although the stored result fits: run `a op b` too and check it."""
    name = step.get('method', '')
    if not (name.startswith('__i') and name.endswith('__')):
        return
    self = dec(step['self'], regs)
    with warnings.catch_warnings(), np.errstate(all='ignore'):
        warnings.simplefilter('ignore')
        try:
            r = getattr(self, '__' + name[3:])(*dec(step['args'], regs))
        except Exception:  # noqa: BLE001 — only the values matter here
            return
    check(r)


def trace_of(x):
    if isinstance(x, np.ndarray):
        return f'{x.dtype}[{",".join(str(n) for n in x.shape)}]'
    if isinstance(x, np.generic):
        return f'{x.dtype} scalar'
    return type(x).__name__


def item_json(x):
    if isinstance(x, bool):
        return x
    if isinstance(x, int):
        return x
    return float_json(x)


def py_json(x):
    if isinstance(x, tuple):
        return {'tuple': [py_json(i) for i in x]}
    if isinstance(x, list):
        return [py_json(i) for i in x]
    if isinstance(x, float):
        return {'float': float_json(x)}
    return x


def enc_result(r):
    if isinstance(r, np.ndarray):
        return {'type': 'ndarray', 'dtype': str(r.dtype), 'shape': list(r.shape),
                'data': [item_json(i) for i in np.ascontiguousarray(r).reshape(-1).tolist()], 'str': None, 'repr': None}
    if isinstance(r, np.generic):
        return {'type': 'scalar', 'dtype': str(r.dtype), 'value': item_json(r.item()), 'str': None, 'repr': None}
    if isinstance(r, np.dtype):
        return {'type': 'py', 'value': str(r)}
    if isinstance(r, tuple) and not all(isinstance(i, (int, bool, str, type(None))) for i in r):
        return {'type': 'tuple', 'items': [enc_result(i) for i in r]}
    return {'type': 'py', 'value': py_json(r)}


def error_type(e):
    if isinstance(e, np.AxisError):
        return 'AxisError'
    for t in type(e).__mro__:
        if t.__module__ == 'builtins' and t.__name__ in ERROR_NAMES:
            return t.__name__
    raise Skip(f'unmapped exception {type(e).__name__}')


def evaluate(spec):
    regs = {'in': [], 'ref': []}
    regs['in'] = [dec(j, regs) for j in spec['inputs']]
    trace = []
    for at, step in enumerate(spec['steps']):
        shadow_check(step, regs)  # before the step mutates its target
        with warnings.catch_warnings(record=True) as ws, np.errstate(all='warn'):
            warnings.simplefilter('always')
            try:
                r = run_step(step, regs)
            except Skip:
                raise
            except Exception as e:  # noqa: BLE001 — every NumPy error is an expected result
                return trace, {'type': 'error', 'pyType': error_type(e), 'message': str(e), 'at': at}
        if any('invalid value encountered in cast' in str(w.message) for w in ws):
            raise Skip('float -> int cast of nan/inf/out-of-range values (undefined in C)')
        check(r)
        trace.append(trace_of(r))
        regs['ref'].append(r)
    outs = []
    for o in spec['outputs']:
        v = dec(o, regs)
        check(v)
        outs.append(enc_result(v))
    return trace, {'type': 'list', 'items': outs}


def main():
    specs_path, out_dir = sys.argv[1], sys.argv[2]
    families = json.load(open(specs_path))
    total = 0
    for fam in families:
        cases, skipped = [], Counter()
        for spec in fam['cases']:
            try:
                trace, expected = evaluate(spec)
            except Skip as s:
                skipped[str(s)] += 1
                continue
            case = dict(spec)
            case['trace'] = trace
            case['expected'] = expected
            json.dumps(case, allow_nan=False)
            cases.append(case)
        head = {'numpy': np.__version__, 'family': fam['family'], 'seed': fam['seed'], 'generated': fam['count'],
                'skipped': dict(sorted(skipped.items()))}
        path = f'{out_dir}/fuzz_{fam["family"]}.json'
        with open(path, 'w') as f:
            f.write(json.dumps(head, separators=(',', ':'))[:-1] + ',"cases":[\n')
            f.write(',\n'.join(json.dumps(c, separators=(',', ':'), allow_nan=False) for c in cases))
            f.write('\n]}\n')
        total += len(cases)
        print(f'{fam["family"]}: {len(cases)} cases, skipped {sum(skipped.values())}: {dict(skipped)}')
    print(f'{total} cases')


if __name__ == '__main__':
    main()
