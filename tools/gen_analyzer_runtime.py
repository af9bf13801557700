"""What really happens when each analyzer corpus program runs under NumPy 1.24 / torch 1.13.
For every test/analyzer/programs/*.py: the first exception's type, message and the line (in
that file) where it was raised, or null when the program runs clean. Programs that need
input files or stdin are listed in SKIP with the reason. The analyzer test asserts that its
first diagnostic is on that line with that exact message, and that clean programs get none.
Run: /usr/bin/python3 tools/gen_analyzer_runtime.py  (writes test/fixtures/analyzer_runtime.json)"""
import json, os, sys, traceback, io, contextlib

SKIP = {'ok_unknown_silent.py': 'reads data.npy and stdin'}
root = 'test/analyzer/programs'
out = {}
for name in sorted(os.listdir(root)):
    if not name.endswith('.py'):
        continue
    if name in SKIP:
        out[name] = {'skipped': SKIP[name]}
        continue
    path = os.path.join(root, name)
    src = open(path).read()
    g = {'__name__': '__main__'}
    try:
        with contextlib.redirect_stdout(io.StringIO()):
            exec(compile(src, path, 'exec'), g)
        out[name] = {'error': None}
    except Exception as e:  # noqa: BLE001 - we record whatever the program raises
        tb = traceback.extract_tb(e.__traceback__)
        line = [f.lineno for f in tb if f.filename == path][-1]
        out[name] = {'error': {'type': type(e).__name__, 'message': str(e), 'line': line}}
json.dump(out, open('test/fixtures/analyzer_runtime.json', 'w'), indent=1, sort_keys=True)
print(len(out), 'programs')
