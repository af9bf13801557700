// `npm run test:e2e`: the extension in a real VS Code (code-server, installed into a cache on
// first run). Two parts:
//  1. the integration suite (test/e2e/suite) inside the extension host, loaded as a development
//     extension through the workbench URL's `payload` — as @vscode/test-electron does on desktop;
//  2. UI tests (ui.mjs) of the packaged .vsix in the browser, with screenshots.
// Prints each test and a closing 'N passed, N failed' line; exits non-zero on any failure.
// SHAPE_LENS_E2E_ONLY=suite|ui runs one part; SHAPE_LENS_E2E_GREP (a regular expression) filters
// the suite; SHAPE_LENS_E2E_MEASUREMENTS=FILE writes the suite's measurements there.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureCodeServer, startCodeServer } from './vscodeServer.mjs';
import { launchBrowser } from './browser.mjs';
import { runUiTests } from './ui.mjs';
import { bigProgram } from './bigProgram.mjs';
import { packageFixture } from './fixtureVsix.mjs';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const only = process.env.SHAPE_LENS_E2E_ONLY;
const results = [];

function sh(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: repo, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status})`);
}

/** Shape Lens's inlay hints for `text` (all assignments), from the built analysis service, as {line, character, label, tooltip}. */
function shapeLensHints(text) {
  const { LanguageService } = createRequire(import.meta.url)(join(repo, 'out', 'analysisWorker.js'));
  const service = new LanguageService();
  service.handle({ op: 'sync', key: 'control', version: 1, text });
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  return service.handle({ op: 'hints', key: 'control', from: 0, to: text.length, mode: 'all' }).value.map((h) => {
    let line = 0;
    while (line + 1 < starts.length && starts[line + 1] <= h.end) line++;
    return { line, character: h.end - starts[line], label: h.label, tooltip: h.tooltip };
  });
}

function copyWorkspace() {
  const dir = mkdtempSync(join(tmpdir(), 'shape-lens-ws-'));
  cpSync(join(repo, 'test', 'workspace'), dir, { recursive: true });
  const big = bigProgram(1000);
  writeFileSync(join(dir, 'big.py'), big);
  // the same text as plain text, for the latency control's trivial hint provider (ui.mjs)
  writeFileSync(join(dir, 'big_control.txt'), big);
  // and as Python, for the same provider with Shape Lens switched off: Python's tokenisation and
  // Shape Lens's own listeners stay, only the analysis goes (ui.mjs). The provider gives there
  // the very hints Shape Lens gives big.py (labels, tooltips), read from this file: VS Code's
  // cost of drawing them is in the control too.
  writeFileSync(join(dir, 'big_control.py'), big);
  writeFileSync(join(dir, 'big_control.hints.json'), JSON.stringify(shapeLensHints(big)));
  return dir;
}

async function runSuite() {
  const ws = copyWorkspace();
  const resultsFile = join(ws, '..', `${ws.split('/').pop()}-results.json`);
  // installed beside the development extension: a test-only debug type over a real debugpy (debug.e2e.ts)
  const fixtureVsix = packageFixture(repo, 'debugpyFixture');
  const server = await startCodeServer({ smokeTestDriver: true, vsix: fixtureVsix, env: { SHAPE_LENS_E2E_RESULTS: resultsFile, SHAPE_LENS_E2E_GREP: process.env.SHAPE_LENS_E2E_GREP ?? '' } });
  const browser = await launchBrowser();
  const t0 = Date.now();
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const console_ = [];
    page.on('console', (m) => { console_.push(m.text()); if (process.env.SHAPE_LENS_E2E_VERBOSE) process.stdout.write(`  [browser] ${m.text()}\n`); });
    let exitCode;
    const exited = new Promise((res) => { page.exposeFunction('codeAutomationExit', (code) => { exitCode = code; res(code); }); });
    const authority = `vscode-remote://127.0.0.1:${server.port}`;
    const payload = [['extensionDevelopmentPath', `${authority}${repo}`], ['extensionTestsPath', `${authority}${join(repo, 'out', 'test', 'suite', 'index.js')}`]];
    await page.goto(`${server.url}/?folder=${encodeURIComponent(ws)}&payload=${encodeURIComponent(JSON.stringify(payload))}`, { waitUntil: 'domcontentloaded', timeout: 120_000 });
    const timeout = new Promise((res) => setTimeout(() => res('timeout'), 8 * 60_000));
    const r = await Promise.race([exited, timeout]);
    if (r === 'timeout') throw new Error(`the extension-host suite did not finish in 8 minutes; browser console:\n${console_.slice(-40).join('\n')}`);
    if (!existsSync(resultsFile)) throw new Error(`the suite exited (${exitCode}) without writing results; browser console:\n${console_.slice(-60).join('\n')}`);
    const out = JSON.parse(readFileSync(resultsFile, 'utf8'));
    console.log(`\nextension-host suite (code-server, ${((Date.now() - t0) / 1000).toFixed(0)} s):`);
    for (const t of out.results) {
      console.log(`  ${t.state === 'passed' ? '✓' : '✗'} ${t.title} (${Math.round(t.durationMs)} ms)`);
      if (t.error) console.log(`      ${t.error.split('\n').slice(0, 12).join('\n      ')}`);
      results.push({ part: 'suite', ...t });
    }
    console.log('  measurements:', JSON.stringify(out.measurements, null, 2).replace(/\n/g, '\n  '));
    return out.measurements;
  } finally {
    await browser.close().catch(() => undefined);
    await server.close();
    rmSync(ws, { recursive: true, force: true });
    rmSync(resultsFile, { force: true });
  }
}

async function main() {
  const t0 = Date.now();
  sh('node', ['tools/build.mjs', '--e2e']);
  ensureCodeServer();
  // for bench/editor.mjs: both parts' measurements as a file
  const measured = {};
  const keep = () => { if (process.env.SHAPE_LENS_E2E_MEASUREMENTS) writeFileSync(process.env.SHAPE_LENS_E2E_MEASUREMENTS, JSON.stringify(measured)); };
  if (only !== 'ui') {
    Object.assign(measured, await runSuite());
    keep();
  }
  if (only !== 'suite') {
    sh('npx', ['vsce', 'package', '--no-dependencies', '-o', 'shape-lens.vsix']);
    const size = statSync(join(repo, 'shape-lens.vsix')).size;
    console.log(`\npackaged shape-lens.vsix: ${(size / 1024).toFixed(0)} KiB`);
    const ui = await runUiTests({ repo, vsix: join(repo, 'shape-lens.vsix'), controlVsix: packageFixture(repo, 'latencyControl'), copyWorkspace });
    console.log(`\nUI tests (installed .vsix in code-server; screenshots in test/e2e/screenshots/):`);
    for (const t of ui.results) {
      console.log(`  ${t.state === 'passed' ? '✓' : '✗'} ${t.title} (${Math.round(t.durationMs)} ms)`);
      if (t.error) console.log(`      ${t.error.split('\n').slice(0, 12).join('\n      ')}`);
      results.push({ part: 'ui', ...t });
    }
    console.log('  measurements:', JSON.stringify(ui.measurements));
    Object.assign(measured, ui.measurements);
    keep();
  }
  const passed = results.filter((r) => r.state === 'passed').length;
  const failed = results.length - passed;
  console.log(`\ne2e finished in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed > 0 || results.length === 0 ? 1 : 0);
}

main().catch((e) => { console.error(e); console.log('0 passed, 1 failed'); process.exit(1); });
