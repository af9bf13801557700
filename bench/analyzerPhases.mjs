// One-off breakdown of a one-line edit in a 1,000-line file into the analyzer's phases
// (scan, lezer incremental parse, AST conversion, the whole front end, the evaluator, hint
// text). For finding where the time goes, not a benchmark row: `node bench/analyzerPhases.mjs`.
import { build } from 'esbuild';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bigProgram as generated } from '../tools/genBigProgram.mjs';
import { bigProgram as e2eProgram } from '../test/e2e/bigProgram.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outfile = path.join(root, 'bench', '.build', 'analyzerPhases.cjs');
await build({
  stdin: {
    contents: [
      "export { parse } from './src/python/parse';",
      "export { scan } from './src/python/scanner';",
      "export { convert } from './src/python/convert';",
      "export { analyzeModule, analyze, hintText } from './src/analyzer/index';",
      "export { AnalysisSession } from './src/analyzer/session';",
      "export { IncrementalEvaluation } from './src/analyzer/incremental';",
      "export { parser } from '@lezer/python';",
      "export { TreeFragment } from '@lezer/common';",
    ].join('\n'),
    resolveDir: root, loader: 'ts', sourcefile: 'phases-entry.ts',
  },
  bundle: true, platform: 'node', format: 'cjs', target: 'node18', outfile, logLevel: 'silent',
});
const m = createRequire(import.meta.url)(outfile);

const lines = Number(process.argv[2] ?? 1000);
// `e2e` as the third argument: the editor latency test's file (test/e2e/bigProgram.mjs)
const text = process.argv[3] === 'e2e' ? e2eProgram(lines) : generated(lines);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
function time(label, f, runs = 21) {
  for (let i = 0; i < 3; i++) f(i);
  const xs = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    f(i);
    xs.push(performance.now() - t);
  }
  console.log(`${label.padEnd(40)} median ${median(xs).toFixed(2)} ms, min ${Math.min(...xs).toFixed(2)} ms`);
}

// an edit in the middle: change a literal on one line
const at = text.indexOf('np.random.randn(', Math.floor(text.length * Number(process.argv[4] ?? 0.5))) + 'np.random.randn('.length;
const variants = ['9', '7'];
const texts = variants.map((v) => text.slice(0, at) + v + text.slice(at + 1));
const base = m.parse(text);
console.log(`${lines} lines, ${text.length} chars, edit at ${at}`);
time('scan', () => m.scan(text));
time('lezer full parse', () => m.parser.parse(text));
const lz = m.parser.parse(text);
time('lezer incremental (1 char)', (i) => {
  const frags = m.TreeFragment.applyChanges(m.TreeFragment.addTree(lz), [{ fromA: at, toA: at + 1, fromB: at, toB: at + 1 }]);
  m.parser.parse(texts[i % 2], frags);
});
time('front end full parse()', () => m.parse(text));
time('front end incremental parse()', (i) => m.parse(texts[i % 2], { tree: base.tree, edits: [{ from: at, to: at + 1, insert: variants[i % 2] }] }));
time('analyzeModule (evaluator)', () => m.analyzeModule(base.module, text));
const r = m.analyzeModule(base.module, text);
time('hint texts', () => r.hints.map(m.hintText));
const inc = new m.IncrementalEvaluation();
const mods = texts.map((t) => m.parse(t).module);
inc.run(base.module, text);
time('incremental evaluation alone', (i) => m.analyzeModule(mods[i % 2], texts[i % 2], inc));
const s = new m.AnalysisSession();
s.update(text);
let turn = 0;
time('session.update one-char edit', () => {
  // each call edits the previous text (the time helper's indices repeat after warm-up)
  const next = texts[turn++ % 2];
  s.update(next, [{ from: at, to: at + 1, insert: next[at] }]);
});
