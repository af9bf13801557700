// Analyzer and scratch-evaluation rows of issue 8: parse alone and full analysis of a generated
// 5,000-line NumPy/torch file (tools/genBigProgram.mjs), pyright 1.1.414 checking the same file
// in the same run (bench/package.json), incremental re-analysis after a one-line edit in a
// 1,000-line file, and the interpreter on a loop of 1e5 Python-level iterations against
// /usr/bin/python3 on the same file. Our figures are in-process medians after warm-up; pyright
// and `shape-lens check` are timed as the commands a user runs (a new process each, cold).
// `node bench/analyzer.mjs [--quick]` runs this section alone; tools/bench.mjs calls it.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { bigProgram } from '../tools/genBigProgram.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const buildDir = path.join(here, '.build');
const PYTHON = '/usr/bin/python3';
const PYRIGHT = path.join(here, 'node_modules', 'pyright', 'index.js');

export const FULL_TARGET_MS = 300;
export const INCREMENTAL_TARGET_MS = 10;

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2; };
const sig = (x) => Number(x.toPrecision(4));
const fmt = (ms) => (ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms.toFixed(2));

/** The analyzer (and, when it builds, the interpreter) bundled for node. */
async function bundle() {
  mkdirSync(buildDir, { recursive: true });
  const make = async (name, lines) => {
    const outfile = path.join(buildDir, `${name}.cjs`);
    await build({
      stdin: { contents: lines.join('\n'), resolveDir: root, loader: 'ts', sourcefile: `${name}-entry.ts` },
      bundle: true, platform: 'node', format: 'cjs', target: 'node18', outfile, logLevel: 'silent',
    });
    return outfile;
  };
  const analyzer = await make('analyzerBench', [
    "export { parse } from './src/python/parse';",
    "export { analyze, hintText } from './src/analyzer/index';",
    "export { AnalysisSession } from './src/analyzer/session';",
    "export { parser as lezer } from '@lezer/python';",
  ]);
  // the command a user runs: read the file, analyse, print the report
  const cli = await make('checkCli', [
    "import { readFileSync } from 'node:fs';",
    "import { checkCommand } from './src/analyzer/commands';",
    'const file = process.argv[2] as string;',
    "process.stdout.write(checkCommand(file, readFileSync(file, 'utf8'), 'text').stdout);",
  ]);
  // a new analysis worker's first keystrokes, with and without the typing warm-up (argv[2]: 'warm' or 'cold')
  const firstKeys = await make('firstKeystrokes', [
    "import { LanguageService } from './src/extension/languageService';",
    "import { typingWarmup } from './src/extension/typingWarmup';",
    "import { bigProgram } from './test/e2e/bigProgram.mjs';",
    'let text: string = bigProgram(1000);',
    'const service = new LanguageService();',
    "service.handle({ op: 'sync', key: 'k', version: 1, text });",
    "service.handle({ op: 'diagnostics', key: 'k' });",
    'let warmupMs = 0;',
    "if (process.argv[2] === 'warm') { const t = performance.now(); for (const _ of typingWarmup(text)) { /* a step per task in the worker */ } warmupMs = performance.now() - t; }",
    // the UI test's keystrokes: a 5 after the 4 of the last line's `np.zeros((3, 4))`, then Backspace
    "const at = text.lastIndexOf('4))') + 1, from = text.length - 6000;",
    'const keys: number[] = [];',
    'for (let k = 0; k < 24; k++) {',
    "  const edit = k % 2 === 0 ? { from: at, to: at, insert: '5' } : { from: at, to: at + 1, insert: '' };",
    '  text = text.slice(0, edit.from) + edit.insert + text.slice(edit.to);',
    '  const t = performance.now();',
    "  service.handle({ op: 'edit', key: 'k', version: k + 2, edits: [edit], length: text.length });",
    "  service.handle({ op: 'hints', key: 'k', from, to: text.length, mode: 'all' });",
    "  service.handle({ op: 'diagnostics', key: 'k' });",
    '  keys.push(performance.now() - t);',
    '}',
    'process.stdout.write(JSON.stringify({ keys, warmupMs }));',
  ]);
  let interpreter = null, interpreterProblem = null;
  try {
    interpreter = await make('interpreterBench', ["export { runProgram } from './src/interpreter/run';"]);
  } catch (e) {
    interpreterProblem = `src/interpreter does not bundle: ${String(e.message).split('\n')[0]}`;
  }
  return { analyzer, cli, firstKeys, interpreter, interpreterProblem };
}

/**
 * In-process timing: warm-up calls, then `runs` samples of one call each (the calls are
 * ms-long). Also the process's CPU time per call: on a loaded machine wall time includes the
 * time other processes held the cores, CPU time does not.
 */
function timeCalls(f, { warmup, runs }) {
  for (let i = 0; i < warmup; i++) f(i);
  const xs = [], cpu = [];
  for (let i = 0; i < runs; i++) {
    const c = process.cpuUsage();
    const t = performance.now();
    f(warmup + i);
    xs.push(performance.now() - t);
    const d = process.cpuUsage(c);
    cpu.push((d.user + d.system) / 1000);
  }
  return { ms: median(xs), cpuMs: median(cpu), samples: xs };
}

const cpuNote = (x) => ` (CPU ${fmt(x.cpuMs)})`;

/** Wall time of a command, run `runs` times (each a new process). */
function timeCommand(cmd, args, runs, opts = {}) {
  const wall = [];
  let last = null;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 << 20, ...opts });
    wall.push(performance.now() - t);
    last = r;
    if (r.error) throw r.error;
  }
  return { ms: median(wall), samples: wall, last };
}

/**
 * Runs the section; returns rows for bench/results.json ({name, ours_ms, peer, peer_ms, ratio})
 * and the markdown for BENCHMARKS.md.
 */
export async function benchAnalyzer({ quick = false, filter = null, log = (s) => process.stderr.write(`${s}\n`) } = {}) {
  const want = (name) => !filter || new RegExp(filter).test(name);
  const NAMES = {
    parse: 'parse a 5,000-line file',
    full: 'analyse a 5,000-line file',
    check: 'shape-lens check of a 5,000-line file (new process)',
    incMiddle: 'incremental re-analysis, one-line edit mid-file (1,000 lines)',
    incEnd: 'incremental re-analysis, one-line edit at the end (1,000 lines)',
    firstKeys: 'a new analysis worker\'s first 24 keystrokes (1,000 lines), median per keystroke',
    loop: 'interpreter: loop of 1e5 Python-level iterations',
  };
  if (!Object.values(NAMES).some(want)) return { rows: [], markdown: '' };
  const timing = quick ? { warmup: 3, runs: 7 } : { warmup: 10, runs: 15 };
  const commandRuns = quick ? 3 : 7;
  // pyright takes ~10 s a run: --quick times it once, to stay within its 2 minutes
  const pyrightRuns = quick ? 1 : commandRuns;
  const b = await bundle();
  const m = createRequire(import.meta.url)(b.analyzer);
  const rows = [];
  const lines = [];
  const notes = [];
  const row = (name, ours, peer, peerMs) => {
    rows.push({ name, ours_ms: sig(ours), peer, peer_ms: sig(peerMs), ratio: Number((peerMs / ours).toFixed(3)) });
  };

  const big = bigProgram(5000);
  const bigFile = path.join(buildDir, 'big5000.py');
  writeFileSync(bigFile, big);
  const lineCount = big.split('\n').length - 1;

  if (want(NAMES.parse)) {
    log(`bench: ${NAMES.parse} …`);
    const ours = timeCalls(() => m.parse(big), timing);
    const lezer = timeCalls(() => m.lezer.parse(big), timing);
    row(NAMES.parse, ours.ms, '@lezer/python tree only', lezer.ms);
    lines.push(`| ${NAMES.parse} | ${fmt(ours.ms)}${cpuNote(ours)} | @lezer/python's tree alone: ${fmt(lezer.ms)} (our scanner, conversion to the typed AST and syntax checks add ${fmt(ours.ms - lezer.ms)}) | — |`);
  }

  let fullMs = null;
  if (want(NAMES.full) || want(NAMES.check)) {
    log(`bench: ${NAMES.full} …`);
    const result = m.analyze(big);
    const full = timeCalls(() => m.analyze(big), timing);
    fullMs = full.ms;
    row(NAMES.full, full.ms, 'target', FULL_TARGET_MS);
    let pyright = null;
    if (!existsSync(PYRIGHT)) notes.push('pyright: not installed in bench/node_modules (npm install in bench/ failed?): its rows are omitted');
    else {
      log(`bench: pyright 1.1.414 on the same file (${pyrightRuns} run(s), a new process each; tens of seconds each) …`);
      // --pythonpath: pyright resolves numpy and torch from Debian's python3, as a user's editor would
      const args = [PYRIGHT, '--outputjson', ...(existsSync(PYTHON) ? ['--pythonpath', PYTHON] : []), bigFile];
      const r = timeCommand(process.execPath, args, pyrightRuns, { cwd: buildDir });
      let summary = '';
      try {
        const out = JSON.parse(r.last.stdout);
        const missing = out.generalDiagnostics.filter((d) => d.rule === 'reportMissingImports').length;
        summary = `${out.summary.errorCount} errors, ${missing} unresolved imports; pyright's own timeInSec ${out.summary.timeInSec}`;
      } catch {
        summary = `output not JSON (exit ${r.last.status})`;
      }
      pyright = r;
      row(NAMES.full, full.ms, 'pyright 1.1.414', r.ms);
      notes.push(`pyright 1.1.414: \`node pyright/index.js --outputjson${existsSync(PYTHON) ? ` --pythonpath ${PYTHON}` : ''} big5000.py\`, median of ${pyrightRuns} run(s) (${summary})`);
    }
    lines.push(`| ${NAMES.full} | ${fmt(full.ms)}${cpuNote(full)} | target ${FULL_TARGET_MS}${pyright ? `; pyright 1.1.414 checking it: ${fmt(pyright.ms)} (ratio ${(pyright.ms / full.ms).toFixed(1)})` : ''} | ${full.ms <= FULL_TARGET_MS && (!pyright || pyright.ms > full.ms) ? 'yes' : '**no**'} |`);
    notes.push(`the 5,000-line file: \`node tools/genBigProgram.mjs 5000\` (${lineCount} lines, ${big.length} characters; ${result.hints.length} hints, ${result.diagnostics.length} diagnostics)`);
    if (want(NAMES.check)) {
      log(`bench: ${NAMES.check} …`);
      const c = timeCommand(process.execPath, [b.cli, bigFile], commandRuns);
      lines.push(`| ${NAMES.check} | ${fmt(c.ms)} | node start, loading the bundle, reading, analysing and printing${pyright ? `; pyright: ${fmt(pyright.ms)} (ratio ${(pyright.ms / c.ms).toFixed(1)})` : ''} | ${!pyright || pyright.ms > c.ms ? 'yes' : '**no**'} |`);
      if (pyright) row(NAMES.check, c.ms, 'pyright 1.1.414', pyright.ms);
    }
  }

  for (const [key, where] of [['incMiddle', 'middle'], ['incEnd', 'end']]) {
    if (!want(NAMES[key])) continue;
    log(`bench: ${NAMES[key]} …`);
    const text = bigProgram(1000);
    // change one literal on one line, back and forth, as typing does
    const anchor = where === 'middle' ? text.indexOf('np.random.randn(', Math.floor(text.length / 2)) : text.lastIndexOf('np.random.randn(');
    const at = anchor + 'np.random.randn('.length;
    const variants = [text, text.slice(0, at) + String((Number(text[at]) + 1) % 10) + text.slice(at + 1)];
    const s = new m.AnalysisSession();
    s.update(text);
    let cur = 0;
    const inc = timeCalls(() => {
      cur = 1 - cur;
      s.update(variants[cur], [{ from: at, to: at + 1, insert: variants[cur][at] }]);
    }, timing);
    const fresh = timeCalls(() => m.analyze(variants[0]), timing);
    row(NAMES[key], inc.ms, 'target', INCREMENTAL_TARGET_MS);
    row(NAMES[key], inc.ms, 'full analysis of the file', fresh.ms);
    lines.push(`| ${NAMES[key]} | ${fmt(inc.ms)}${cpuNote(inc)} | target ${INCREMENTAL_TARGET_MS}; analysing the whole file: ${fmt(fresh.ms)} | ${inc.ms <= INCREMENTAL_TARGET_MS ? 'yes' : '**no**'} |`);
  }

  if (want(NAMES.firstKeys)) {
    log(`bench: ${NAMES.firstKeys} (${commandRuns} new processes each way) …`);
    const runs = { warm: [], cold: [] };
    // alternated, so drift hits both alike
    for (let i = 0; i < commandRuns; i++) {
      for (const mode of ['cold', 'warm']) {
        const r = spawnSync(process.execPath, [b.firstKeys, mode], { encoding: 'utf8' });
        if (r.status !== 0) throw new Error(`${NAMES.firstKeys}: ${r.stderr}`);
        runs[mode].push(JSON.parse(r.stdout));
      }
    }
    const perRun = (xs) => xs.map((x) => median(x.keys));
    const warm = median(perRun(runs.warm)), cold = median(perRun(runs.cold));
    const warmupMs = median(runs.warm.map((x) => x.warmupMs));
    const late = median(runs.warm.flatMap((x) => x.keys.slice(12)));
    row(NAMES.firstKeys, warm, 'no warm-up', cold);
    lines.push(`| ${NAMES.firstKeys} | ${fmt(warm)} | without the idle warm-up: ${fmt(cold)} (ratio ${(cold / warm).toFixed(1)}); the warm-up itself: ${fmt(warmupMs)} once, in a pause; keystrokes 13-24 with it: ${fmt(late)} | — |`);
    notes.push(`first keystrokes: a new process per run (median over ${commandRuns} runs of each run's median keystroke): the worker's LanguageService after its first analysis of test/e2e/bigProgram.mjs's 1,000-line file, then the UI test's 24 keystrokes on its last line, each an edit, the hints of the last 6,000 characters and the diagnostics; "warm" runs src/extension/typingWarmup.ts to the end first, as the worker does in its first pause`);
  }

  if (want(NAMES.loop)) {
    log(`bench: ${NAMES.loop} …`);
    const program = 'total = 0\nfor i in range(100000):\n    total += i * 2 % 7\nprint(total)\n';
    const file = path.join(buildDir, 'loop1e5.py');
    writeFileSync(file, program);
    if (!b.interpreter) notes.push(`interpreter row omitted: ${b.interpreterProblem}`);
    else {
      const { runProgram } = createRequire(import.meta.url)(b.interpreter);
      const check = runProgram(program, { variables: false });
      const ours = timeCalls(() => runProgram(program, { variables: false }), { warmup: quick ? 1 : 3, runs: 7 });
      let py = null;
      if (existsSync(PYTHON)) {
        // the same file's code, compiled once and run under perf_counter, as we time ours in-process
        const script = `import sys, time, io, contextlib\nsrc = open(sys.argv[1]).read()\ncode = compile(src, sys.argv[1], 'exec')\nxs = []\nfor k in range(${quick ? 8 : 10}):\n    t = time.perf_counter()\n    with contextlib.redirect_stdout(io.StringIO()):\n        exec(code, {'__name__': '__main__'})\n    xs.append((time.perf_counter() - t) * 1000)\nxs = sorted(xs[1:])\nprint(xs[len(xs) // 2])\n`;
        const r = spawnSync(PYTHON, ['-c', script, file], { encoding: 'utf8' });
        if (r.status === 0) py = Number(r.stdout.trim());
        else notes.push(`python3 loop failed: ${r.stderr.trim().split('\n').pop()}`);
      } else notes.push(`${PYTHON} not found: the interpreter row has no peer`);
      const same = check.stdout.trim() === spawnSync(PYTHON, [file], { encoding: 'utf8' }).stdout.trim();
      if (py !== null) row(NAMES.loop, ours.ms, 'python3', py);
      lines.push(`| ${NAMES.loop} | ${fmt(ours.ms)}${cpuNote(ours)} | ${py !== null ? `${PYTHON}: ${fmt(py)} (we are ${(ours.ms / py).toFixed(1)}× slower)` : '—'}${same ? '' : ' ⚠ outputs differ'} | — |`);
    }
  }

  const markdown = `## Analyzer and scratch evaluation

${quick ? '`--quick`' : 'Full run'}: in-process figures are medians of ${timing.runs} calls after ${timing.warmup} warm-up calls; commands (pyright, \`shape-lens check\`) medians of ${commandRuns} runs (pyright: ${pyrightRuns}), each a new process. Ratios in bench/results.json are \`peer_ms / ours_ms\` (peer \`target\`: the target itself).

| benchmark | ours ms (CPU ms) | compared with (ms) | target met (wall) |
|---|--:|---|---|
${lines.join('\n')}

${notes.map((n) => `- ${n}`).join('\n')}
- incremental: an \`AnalysisSession\` given each edit's range, as the editor does; the edit changes one digit of \`np.random.randn(…)\` on one line, alternating between two texts; the time is the whole update (scan, incremental parse reusing unchanged statements, evaluation resumed at the edited top-level statement, results).
`;
  return { rows, markdown };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const quick = process.argv.includes('--quick');
  const at = process.argv.indexOf('--filter');
  const { rows, markdown } = await benchAnalyzer({ quick, filter: at >= 0 ? process.argv[at + 1] : null });
  console.log(markdown);
  mkdirSync(buildDir, { recursive: true });
  writeFileSync(path.join(buildDir, 'analyzer-results.json'), `${JSON.stringify(rows, null, 1)}\n`);
}
