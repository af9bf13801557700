// UI tests of live debugging: what a person sees with the packaged .vsix and a real debugpy
// (the test-only debug type of test/e2e/debugpyFixture, installed beside it) in code-server.
// A breakpoint set with F9 in test/workspace/train_debug_large.py, F5 (a launch.json written
// into the workspace copy), then: the inline shapes as text in the editor's DOM while paused,
// and Inspect in Shape Lens on the (2000, 2000) array — its table's cells, then the cells
// after scrolling the webview to row 1000 (read on demand), compared with NumPy's values
// (test/fixtures/debug_large.json from tools/gen_e2e_debug_large.py). Screenshots in
// test/e2e/screenshots/. Its own code-server, so the other UI tests keep their extension set.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startCodeServer } from './vscodeServer.mjs';
import { launchBrowser } from './browser.mjs';
import { command, goTo, viewText, waitUntil, webviewFrame } from './page.mjs';
import { packageFixture } from './fixtureVsix.mjs';

export async function runUiDebugTests({ repo, vsix, copyWorkspace, only }) {
  const results = [];
  const measurements = {};
  const titles = [
    'while paused at a breakpoint, the inline shapes are text in the editor',
    'Inspect in Shape Lens on a (2000, 2000) array: the table\'s cells, then more read as the webview scrolls',
  ];
  if (only && !titles.some((t) => only.test(t))) return { results, measurements };
  const shots = join(repo, 'test', 'e2e', 'screenshots');
  mkdirSync(shots, { recursive: true });
  const expected = JSON.parse(readFileSync(join(repo, 'test', 'fixtures', 'debug_large.json'), 'utf8'));
  const ws = copyWorkspace();
  mkdirSync(join(ws, '.vscode'), { recursive: true });
  writeFileSync(join(ws, '.vscode', 'launch.json'), JSON.stringify({
    version: '0.2.0',
    configurations: [{
      type: 'shape-lens-test-debugpy', name: 'train_debug_large', request: 'launch', program: '${workspaceFolder}/' + expected.file,
      cwd: '${workspaceFolder}', python: process.env.SHAPE_LENS_PYTHON || '/usr/bin/python3', console: 'internalConsole', justMyCode: true,
    }],
  }, null, 2));
  const server = await startCodeServer({ vsix: [vsix, packageFixture(repo, 'debugpyFixture')], settings: { 'workbench.colorTheme': 'Default Dark Modern', 'editor.fontSize': 14 } });
  const browser = await launchBrowser();
  const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
  const test = async (title, shot, fn) => {
    const t0 = Date.now();
    try {
      await fn();
      results.push({ title, state: 'passed', durationMs: Date.now() - t0 });
    } catch (e) {
      results.push({ title, state: 'failed', durationMs: Date.now() - t0, error: String(e?.stack ?? e) });
    }
    await page.screenshot({ path: join(shots, `${shot}.png`) }).catch(() => undefined);
  };
  try {
    await page.goto(`${server.url}/?folder=${encodeURIComponent(ws)}`, { waitUntil: 'domcontentloaded', timeout: 120_000 });
    await page.waitForSelector('.monaco-workbench', { timeout: 120_000 });

    await test(titles[0], 'debug-inline-shapes', async () => {
      const row = page.locator('.explorer-folders-view .monaco-list-row', { hasText: expected.file }).first();
      await row.waitFor({ state: 'visible', timeout: 60_000 });
      await row.click();
      await waitUntil(`${expected.file} is the active tab`, () => page.evaluate((n) => document.querySelector('.tab.active')?.textContent?.includes(n), expected.file));
      await page.click('.editor-instance .view-lines');
      // the extensions are up (Shape Lens's hints show; the fixture's breakpoints contribution is read)
      await waitUntil('Shape Lens hints in the editor', () => page.evaluate(() =>
        [...document.querySelectorAll('.editor-instance .view-line')].some((l) => /^bias = np\.arange\(3\) ?\(3,\) int64$/.test(l.textContent.replace(/\u00a0/g, ' ')))), 120_000);
      await goTo(page, `${expected.line}:5`);
      await page.keyboard.press('F9');
      await page.waitForSelector('.codicon-debug-breakpoint', { timeout: 10_000 });
      const t0 = Date.now();
      await page.keyboard.press('F5');
      await page.waitForSelector('.debug-toolbar', { timeout: 90_000 });
      const want = [`a: shape ${expected.function.a.shape_repr} float64`, `scaled: shape ${expected.function.scaled.shape_repr} float64`];
      // VS Code renders inline values as injected text: part of the line's text in the DOM
      const lines = await waitUntil('the inline shapes in the editor', async () => {
        const l = await viewText(page);
        return want.every((w) => l.some((x) => x.includes(w))) ? l : undefined;
      }, 90_000).catch(async (e) => { throw new Error(`${e.message}; lines: ${JSON.stringify(await viewText(page))}`); });
      const at = (n) => lines.find((x) => x.startsWith(n)) ?? '';
      if (!at('    return scaled').includes(want[1])) throw new Error(`line ${expected.line}: ${at('    return scaled')}`);
      if (!at('def scale(a, k):').includes(want[0])) throw new Error(`the def line: ${at('def scale(a, k):')}`);
      measurements.uiDebugF5ToInlineShapesMs = Date.now() - t0;
      if (lines.some((x) => x.includes('k: shape'))) throw new Error(`a float got a shape: ${JSON.stringify(lines)}`);
    });

    await test(titles[1], 'debug-inspector-scrolled', async () => {
      await page.click('.editor-instance .view-lines');
      await command(page, 'Shape Lens: Inspect in Shape Lens');
      // the palette asks which expression (prefilled with the word under the cursor)
      // fill() focuses the box and sets its value: typed keys were once lost to a box not yet focused
      const box = '.quick-input-widget input';
      await page.waitForSelector(box, { state: 'visible' });
      await page.fill(box, 'a');
      await waitUntil('the expression in the input box', async () => (await page.inputValue(box)) === 'a' || undefined);
      await page.press(box, 'Enter');
      const frame = await webviewFrame(page, '#app[data-painted]', 90_000);
      const shape = await frame.locator('.sl-shape').first().textContent();
      if (shape !== expected.function.a.shape_repr) throw new Error(`header shape ${shape}`);
      await frame.click('[role=tab][data-view="table"]');
      await frame.waitForSelector('#app[data-painted="table"]', { timeout: 60_000 });
      const cellText = (r, c) => frame.evaluate(([rr, cc]) => document.querySelector(`.sl-value[data-r="${rr}"][data-c="${cc}"]`)?.textContent ?? null, [r, c]);
      const top = expected.cells.filter((x) => x.r < 100);
      for (const x of top) {
        const got = await waitUntil(`cell ${x.r},${x.c}`, async () => { const t = await cellText(x.r, x.c); return t && t !== '…' ? t : undefined; });
        if (got !== x.text) throw new Error(`cell [${x.r}, ${x.c}]: ${got}, NumPy says ${x.text}`);
      }
      await frame.evaluate(() => { document.querySelector('.sl-grid').scrollTop = 1000 * 22; });
      for (const x of expected.cells.filter((y) => y.r >= 1000)) {
        const got = await waitUntil(`cell ${x.r},${x.c} after scrolling`, async () => { const t = await cellText(x.r, x.c); return t && t !== '…' ? t : undefined; }, 60_000);
        if (got !== x.text) throw new Error(`cell [${x.r}, ${x.c}] after scrolling: ${got}, NumPy says ${x.text}`);
      }
      const origin = await frame.locator('.sl-origin').first().textContent();
      if (!origin?.startsWith('read on demand from the paused program')) throw new Error(`header: ${origin}`);
    });
  } finally {
    await page.close().catch(() => undefined);
    await browser.close().catch(() => undefined);
    await server.close();
  }
  return { results, measurements };
}

// `node test/e2e/uiDebug.mjs` (under the e2e lock, after `npm run test:e2e` or `npx vsce package`
// has written shape-lens.vsix): these tests alone, printed as run.mjs prints its parts.
if (import.meta.url === `file://${process.argv[1]}`) {
  const { cpSync, mkdtempSync } = await import('node:fs');
  const { dirname, resolve } = await import('node:path');
  const { fileURLToPath } = await import('node:url');
  const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
  const copyWorkspace = () => {
    const dir = mkdtempSync(join(tmpdir(), 'shape-lens-ws-'));
    cpSync(join(repo, 'test', 'workspace'), dir, { recursive: true });
    return dir;
  };
  const only = process.env.SHAPE_LENS_E2E_GREP ? new RegExp(process.env.SHAPE_LENS_E2E_GREP) : null;
  const { results, measurements } = await runUiDebugTests({ repo, vsix: join(repo, 'shape-lens.vsix'), copyWorkspace, only });
  for (const t of results) {
    console.log(`  ${t.state === 'passed' ? '✓' : '✗'} ${t.title} (${Math.round(t.durationMs)} ms)`);
    if (t.error) console.log(`      ${t.error.split('\n').slice(0, 12).join('\n      ')}`);
  }
  console.log('  measurements:', JSON.stringify(measurements));
  const failed = results.filter((t) => t.state !== 'passed').length;
  console.log(`${results.length - failed} passed, ${failed} failed`);
  process.exit(failed > 0 || results.length === 0 ? 1 : 0);
}
