#!/usr/bin/python3
"""Expected output for chosen interpreter tests only, by the same rules as
tools/gen_program_expectations.py (real CPython 3.11 + Debian's NumPy 1.24), so one helper's
new programs or snippet files can be generated without rerunning (and rewriting) everyone's.

  /usr/bin/python3 tools/gen_selected_expectations.py test/programs/NAME.py ...
  /usr/bin/python3 tools/gen_selected_expectations.py test/interpreter/snippets/FILE.txt ...
"""
import json
import os
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen_program_expectations as G  # noqa: E402


def write(path, data):
    with open(path, 'w') as fh:
        json.dump(data, fh, indent=1, ensure_ascii=False)
        fh.write('\n')


def program(path):
    write(path[:-3] + '.expected.json', G.run(path, os.path.basename(path)))


def snippet_file(path):
    tmp = tempfile.mkdtemp(prefix='shape-lens-snippets-')
    with open(path) as fh:
        cases = G.split_cases(fh.read())
    result = {}
    for name, src in cases:
        if name in result:
            sys.exit(f'{path}: duplicate case name {name!r}')
        p = os.path.join(tmp, 'snippet.py')
        with open(p, 'w') as fh:
            fh.write(src)
        result[name] = G.run(p, 'snippet.py')
    write(path[:-4] + '.expected.json', result)


def main():
    for arg in sys.argv[1:]:
        path = os.path.abspath(arg)
        if path.endswith('.py'):
            program(path)
        elif path.endswith('.txt'):
            snippet_file(path)
        else:
            sys.exit(f'not a program or snippet file: {arg}')
        print('wrote expectations for', arg)


if __name__ == '__main__':
    main()
