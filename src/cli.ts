// The command line (bundled to out/cli.js, bin `shape-lens`):
//   shape-lens run [--json] [--time-limit SECONDS] FILE.py
//   shape-lens check [--format text|json|sarif] FILE.py   (static shape diagnostics; exit 1 on errors)
//   shape-lens shapes FILE.py                             (inferred shape of each assignment, JSON)
// `run` prints exactly what `python3 FILE.py` prints (stdout streamed, the traceback on stderr,
// exit code 0/1), or with --json the structured result (stdout, stderr, error with its source
// range, top-level variables with type/dtype/shape/values). Programs run in a worker thread.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { runInWorker } from './interpreter/host';
import { CheckFormat, checkCommand, shapesCommand } from './analyzer/commands';

const USAGE = `usage: shape-lens run [--json] [--time-limit SECONDS] FILE.py
       shape-lens check [--format text|json|sarif] FILE.py
       shape-lens shapes FILE.py

  run FILE.py       run a Python/NumPy program the way python3 would
  --json            print the structured result (variables, shapes, error range) as JSON
  --time-limit S    stop the program after S seconds (default 5)
  check FILE.py     report shape errors without running (exit 1 when there are errors)
  shapes FILE.py    print the inferred shape of each assignment as JSON
`;

/** `check` and `shapes`: read the file, analyse, print. */
function analyzeFile(cmd: 'check' | 'shapes', args: string[]): number {
  let format: CheckFormat = 'text';
  let file: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--format' && cmd === 'check') {
      const f = args[++i];
      if (f !== 'text' && f !== 'json' && f !== 'sarif') { process.stderr.write(`shape-lens: --format must be text, json or sarif\n`); return 2; }
      format = f;
    } else if (a.startsWith('-')) { process.stderr.write(`shape-lens: unknown option ${a}\n${USAGE}`); return 2; }
    else file = a;
  }
  if (file === undefined) { process.stderr.write(USAGE); return 2; }
  let source: string;
  try {
    source = fs.readFileSync(path.resolve(file), 'utf8');
  } catch (e) {
    process.stderr.write(`shape-lens: cannot read ${file}: ${(e as Error).message}\n`);
    return 2;
  }
  const r = cmd === 'check' ? checkCommand(file, source, format) : shapesCommand(source);
  process.stdout.write(r.stdout);
  return r.exitCode;
}

function jsonReplacer(_key: string, v: unknown): unknown {
  if (typeof v === 'number' && !Number.isFinite(v)) return Number.isNaN(v) ? 'nan' : v > 0 ? 'inf' : '-inf';
  return v;
}

async function run(args: string[]): Promise<number> {
  let json = false;
  let timeLimit: number | undefined;
  let file: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--json') json = true;
    else if (a === '--time-limit') {
      const s = Number(args[++i]);
      if (!(s > 0)) { process.stderr.write(`shape-lens: --time-limit needs a positive number of seconds\n`); return 2; }
      timeLimit = s * 1000;
    } else if (a.startsWith('-')) { process.stderr.write(`shape-lens: unknown option ${a}\n${USAGE}`); return 2; }
    else if (file === undefined) file = a;
    else { process.stderr.write(USAGE); return 2; }
  }
  if (file === undefined) { process.stderr.write(USAGE); return 2; }
  const abs = path.resolve(file);
  let bytes: Uint8Array;
  try {
    bytes = fs.readFileSync(abs);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    const why = err.code === 'ENOENT' ? '[Errno 2] No such file or directory' : err.code === 'EISDIR' ? '[Errno 21] Is a directory' : String(err.message);
    process.stderr.write(`python3: can't open file '${abs}': ${why}\n`);
    return 2;
  }
  const result = await runInWorker(bytes, abs, {
    limits: timeLimit ? { timeLimitMs: timeLimit } : undefined,
    onStdout: json ? undefined : (chunk) => { process.stdout.write(chunk); },
    variables: json,
  });
  if (json) {
    process.stdout.write(`${JSON.stringify(result, jsonReplacer, 2)}\n`);
    return result.exitCode;
  }
  process.stderr.write(result.stderr);
  return result.exitCode;
}

async function main(argv: string[]): Promise<number> {
  const [cmd, ...rest] = argv;
  switch (cmd) {
    case 'run': return run(rest);
    case 'check': case 'shapes': return analyzeFile(cmd, rest);
    case undefined: case '-h': case '--help': process.stdout.write(USAGE); return cmd === undefined ? 2 : 0;
    default: process.stderr.write(`shape-lens: unknown command '${cmd}'\n${USAGE}`); return 2;
  }
}

main(process.argv.slice(2)).then((code) => { process.exitCode = code; }, (e) => {
  process.stderr.write(`shape-lens: internal error: ${e instanceof Error ? e.stack : String(e)}\n`);
  process.exitCode = 70;
});
