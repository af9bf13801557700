#!/usr/bin/env python3
"""The shapes every assignment really produces, for the analyzer soundness test
(test/reliability/soundness.test.ts). Run: /usr/bin/python3 tools/gen_runtime_shapes.py
(writes test/fixtures/runtime_shapes.json; not needed to run the tests).

For each corpus program that runs clean (test/programs/NAME.py whose NAME.expected.json has
exitCode 0, and test/analyzer/programs/*.py that test/fixtures/analyzer_runtime.json records as
clean), the program's AST is instrumented: after every assignment to a name, `self.attr` or a
tuple of them, and at the top of every `for` body, a call records (line, target, value). The
program then runs under CPython 3.11 + NumPy 1.24 + torch 1.13 in its own directory, stdout
discarded. Recorded per (line, target): the distinct runtime values seen, each as
{kind: ndarray|tensor|npscalar|other, shape, dtype} (at most 50 per key). Exceptions raised
(and caught: the run is clean) on a line of the program are recorded under the key '!LINE'
as {type, message}, via sys.settrace.
"""
import ast
import json
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PYTHON = '/usr/bin/python3'
OUT = os.path.join(ROOT, 'test', 'fixtures', 'runtime_shapes.json')
MAX_PER_KEY = 50


def target_names(t):
    """(text, expression) for each recordable target: names, self.x, tuples of them."""
    if isinstance(t, ast.Name):
        return [(t.id, t.id)]
    if isinstance(t, ast.Attribute) and isinstance(t.value, ast.Name):
        return [(f'{t.value.id}.{t.attr}', ast.unparse(t))]
    if isinstance(t, (ast.Tuple, ast.List)):
        return [x for e in t.elts for x in target_names(e)]
    return []


class Instrument(ast.NodeTransformer):
    def rec(self, line, targets):
        src = '\n'.join(f'__shape_rec__({line}, {text!r}, {expr})' for text, expr in targets)
        body = ast.parse(src).body if src else []
        for node in (n for stmt in body for n in ast.walk(stmt)):  # keep tracebacks on the real line
            if hasattr(node, 'lineno'):
                node.lineno = node.end_lineno = line
        return body

    def visit_body(self, body):
        out = []
        for stmt in body:
            stmt = self.visit(stmt)
            out.append(stmt)
            if isinstance(stmt, ast.Assign):
                out.extend(self.rec(stmt.lineno, [x for t in stmt.targets for x in target_names(t)]))
            elif isinstance(stmt, (ast.AugAssign, ast.AnnAssign)) and getattr(stmt, 'value', None) is not None:
                out.extend(self.rec(stmt.lineno, target_names(stmt.target)))
        return out

    def generic_visit(self, node):
        for field in ('body', 'orelse', 'finalbody'):
            if isinstance(getattr(node, field, None), list) and all(isinstance(s, ast.stmt) for s in getattr(node, field)):
                setattr(node, field, self.visit_body(getattr(node, field)))
        if isinstance(node, ast.Try):
            for h in node.handlers:
                h.body = self.visit_body(h.body)
        if isinstance(node, (ast.For, ast.AsyncFor)):
            node.body = self.rec(node.lineno, target_names(node.target)) + node.body
        return node


DRIVER = r'''
import ast, json, sys, io, contextlib
src_path, tools_dir, out_path = sys.argv[1:4]
sys.path.insert(0, tools_dir)
from gen_runtime_shapes import Instrument
seen = {}
raised = {}
def describe(v):
    try:
        import numpy as np
        if isinstance(v, np.ndarray):
            return {'kind': 'ndarray', 'shape': list(v.shape), 'dtype': str(v.dtype)}
        if isinstance(v, np.generic):
            return {'kind': 'npscalar', 'shape': [], 'dtype': str(v.dtype)}
    except ImportError:
        pass
    if 'torch' in sys.modules:
        torch = sys.modules['torch']
        if isinstance(v, torch.Tensor):
            return {'kind': 'tensor', 'shape': list(v.shape), 'dtype': str(v.dtype).replace('torch.', '')}
    return {'kind': 'other', 'type': type(v).__name__}
def __shape_rec__(line, name, value):
    d = describe(value)
    vals = seen.setdefault(f'{line}:{name}', [])
    if d not in vals and len(vals) < %d:
        vals.append(d)
def trace_exceptions(frame, event, arg):
    if frame.f_code.co_filename != src_path:
        return None
    def local(frame, event, arg):
        if event == 'exception':
            vals = raised.setdefault(str(frame.f_lineno), [])
            d = {'type': arg[0].__name__, 'message': str(arg[1])}
            if d not in vals:
                vals.append(d)
        return local
    return local
tree = Instrument().visit(ast.parse(open(src_path).read()))
ast.fix_missing_locations(tree)
code = compile(tree, src_path, 'exec')
sys.settrace(trace_exceptions)
g = {'__name__': '__main__', '__shape_rec__': __shape_rec__, '__file__': src_path}
error = None
try:
    with contextlib.redirect_stdout(io.StringIO()):
        exec(code, g)
except SystemExit:
    pass
except BaseException as e:
    error = f'{type(e).__name__}: {e}'
sys.settrace(None)
json.dump({'values': seen, 'raised': raised, 'error': error}, open(out_path, 'w'))
''' % MAX_PER_KEY


def clean_programs():
    progs = []
    tdir = os.path.join(ROOT, 'test', 'programs')
    for f in sorted(os.listdir(tdir)):
        if f.endswith('.py'):
            exp = json.load(open(os.path.join(tdir, f[:-3] + '.expected.json')))
            if exp['exitCode'] == 0:
                progs.append(('test/programs/' + f, os.path.join(tdir, f)))
    adir = os.path.join(ROOT, 'test', 'analyzer', 'programs')
    runtime = json.load(open(os.path.join(ROOT, 'test', 'fixtures', 'analyzer_runtime.json')))
    for f in sorted(os.listdir(adir)):
        if f.endswith('.py') and runtime.get(f, {}).get('error', 'x') is None:
            progs.append(('test/analyzer/programs/' + f, os.path.join(adir, f)))
    return progs


def main():
    import tempfile
    result = {}
    with tempfile.TemporaryDirectory() as tmp:
        driver = os.path.join(tmp, 'driver.py')
        open(driver, 'w').write(DRIVER)
        for key, path in clean_programs():
            out_path = os.path.join(tmp, 'out.json')
            env = {'PATH': '/usr/bin:/bin', 'PYTHONHASHSEED': '0', 'LC_ALL': 'C.UTF-8'}
            p = subprocess.run([PYTHON, driver, path, os.path.join(ROOT, 'tools'), out_path], cwd=os.path.dirname(path), env=env,
                               stdin=subprocess.DEVNULL, capture_output=True, timeout=300)
            if p.returncode != 0:
                sys.exit(f'{key}: driver failed\n{p.stderr.decode()}')
            rec = json.load(open(out_path))
            if rec['error'] is not None:
                sys.exit(f'{key}: instrumented run raised {rec["error"]} (the plain run is clean)')
            result[key] = rec['values']
            if rec['raised']:  # caught exceptions: the line (as a key '!LINE') and what it raised
                result[key].update({f'!{line}': v for line, v in rec['raised'].items()})
    with open(OUT, 'w') as fh:  # one line per assignment: reviewable diffs
        progs = []
        for prog in sorted(result):
            rows = [f'  {json.dumps(k)}: {json.dumps(v, sort_keys=True)}' for k, v in sorted(result[prog].items())]
            progs.append(f' {json.dumps(prog)}: {{\n' + ',\n'.join(rows) + '\n }')
        fh.write('{\n' + ',\n'.join(progs) + '\n}\n')
    print(len(result), 'programs,', sum(len(v) for v in result.values()), 'assignment keys')


if __name__ == '__main__':
    main()
