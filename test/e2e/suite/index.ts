// The integration suite's entry point inside VS Code's extension host: VS Code (desktop via
// @vscode/test-electron, or code-server via the URL `payload`) requires this file and calls
// `run()`. It runs the mocha suites and, when SHAPE_LENS_E2E_RESULTS names a file, writes
// every test's result and the measured timings there (the browser console is the only other
// place mocha's output would appear under code-server).
import { writeFileSync } from 'node:fs';
import { measurements } from './helpers';

interface TestResult { title: string; state: 'passed' | 'failed'; durationMs: number; error?: string }

export function run(): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const Mocha = require('mocha') as typeof import('mocha');
  const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: false, reporter: 'spec' });
  const grep = process.env.SHAPE_LENS_E2E_GREP;
  if (grep) mocha.grep(new RegExp(grep));
  mocha.suite.emit('pre-require', globalThis, 'shape-lens-e2e', mocha);
  // the suites register their tests when required (esbuild evaluates required modules lazily)
  /* eslint-disable @typescript-eslint/no-require-imports */
  require('./activation.e2e');
  require('./analysis.e2e');
  require('./notebook.e2e');
  require('./evaluate.e2e');
  require('./perf.e2e');
  require('./inspector.e2e');
  require('./debug.e2e');
  require('./stress.e2e');
  /* eslint-enable @typescript-eslint/no-require-imports */
  const results: TestResult[] = [];
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const file = process.env.SHAPE_LENS_E2E_RESULTS;
      if (file) writeFileSync(file, JSON.stringify({ results, measurements }, null, 2));
      if (failures > 0) reject(new Error(`${failures} integration tests failed`));
      else resolve();
    });
    runner.on('pass', (t) => results.push({ title: t.fullTitle(), state: 'passed', durationMs: t.duration ?? 0 }));
    runner.on('fail', (t, err: Error) => results.push({ title: t.fullTitle(), state: 'failed', durationMs: t.duration ?? 0, error: `${err.message}\n${err.stack ?? ''}`.slice(0, 4000) }));
  });
}
