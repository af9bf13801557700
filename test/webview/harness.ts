// Browser-test harness for the inspector webview: bundles the app (as tools/build.mjs does)
// plus the fake host into a temp folder, serves them on 127.0.0.1, and drives a headless
// Chromium with playwright-core. The inspector page is the one the extension will serve
// (webview/html.ts: strict CSP with a nonce); the fake host embeds it in an iframe.
// Browser: $SHAPE_LENS_CHROMIUM, Debian's chromium (.ci/run installs it), or @sparticuz/chromium.

import { build } from 'esbuild';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Browser, chromium, ConsoleMessage, Frame, Page } from 'playwright-core';
import { inspectorHtml, makeNonce } from '../../webview/html';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '../..');
export const SCREENSHOTS = join(here, 'screenshots');

async function findChromium(): Promise<{ executablePath: string; args: string[] }> {
  const args = ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu'];
  const candidates = [process.env.SHAPE_LENS_CHROMIUM, '/usr/lib/chromium/chromium', '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  for (const c of candidates) if (c && existsSync(c)) return { executablePath: c, args };
  try {
    const name = '@sparticuz/chromium';
    const mod = (await import(name)) as { default: { executablePath(): Promise<string>; args: string[] } };
    return { executablePath: await mod.default.executablePath(), args: mod.default.args };
  } catch {
    throw new Error('No Chromium found: install Debian\'s chromium (apt-get install -y chromium, as .ci/run does), '
      + 'set SHAPE_LENS_CHROMIUM, or npm install @sparticuz/chromium');
  }
}

export interface Harness {
  readonly url: string;
  readonly browser: Browser;
  /** console lines of every frame (CSP violations show up here) */
  readonly consoleLines: string[];
  close(): Promise<void>;
  /** Opens the fake host with a fixture (in the one shared page) and returns the page and the inspector's frame. */
  open(query: Record<string, string | number>, viewport?: { width: number; height: number }): Promise<{ page: Page; frame: Frame }>;
}

export async function startHarness(): Promise<Harness> {
  const dir = mkdtempSync(join(tmpdir(), 'shape-lens-webview-'));
  const common = { bundle: true, platform: 'browser' as const, format: 'iife' as const, target: 'es2020', logLevel: 'warning' as const, absWorkingDir: repo };
  await Promise.all([
    build({ ...common, entryPoints: ['webview/inspector.ts', 'webview/inspector.css'], outdir: dir }),
    build({ ...common, entryPoints: ['test/webview/page/fakeHost.ts'], outfile: join(dir, 'fakeHost.js') }),
    build({ ...common, entryPoints: ['test/webview/page/vscodeShim.ts'], outfile: join(dir, 'vscodeShim.js') }),
  ]);
  const files: Record<string, [string, string]> = {
    '/inspector.js': ['inspector.js', 'text/javascript'],
    '/inspector.css': ['inspector.css', 'text/css'],
    '/fakeHost.js': ['fakeHost.js', 'text/javascript'],
    '/vscodeShim.js': ['vscodeShim.js', 'text/javascript'],
  };
  let origin = '';
  const server: Server = createServer((req, res) => {
    const u = new URL(req.url ?? '/', 'http://x');
    if (u.pathname === '/host.html') {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<!DOCTYPE html><html><head><meta charset="utf-8"><title>fake host</title>'
        + '<style>html,body{margin:0;height:100%}iframe{border:0;width:100%;height:100%;display:block}</style></head>'
        + '<body><script src="/fakeHost.js"></script></body></html>');
      return;
    }
    if (u.pathname === '/inspector.html') {
      const nonce = makeNonce();
      let html = inspectorHtml({ scriptUri: `${origin}/inspector.js`, styleUri: `${origin}/inspector.css`, cspSource: origin, nonce });
      if (u.searchParams.get('shim')) html = html.replace('</head>', `<script nonce="${nonce}" src="${origin}/vscodeShim.js"></script>\n</head>`);
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(html);
      return;
    }
    if (u.pathname === '/favicon.ico') { res.writeHead(204); res.end(); return; }
    const f = files[u.pathname];
    if (!f) { res.writeHead(404); res.end(); return; }
    res.writeHead(200, { 'content-type': f[1] });
    res.end(readFileSync(join(dir, f[0])));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const { executablePath, args } = await findChromium();
  const browser = await chromium.launch({ executablePath, args, headless: true });
  mkdirSync(SCREENSHOTS, { recursive: true });
  const consoleLines: string[] = [];
  // one page, navigated per test: a new page per test costs a renderer process start
  let shared: Page | undefined;
  return {
    url: origin, browser, consoleLines,
    async open(query, viewport = { width: 1100, height: 860 }) {
      if (!shared) {
        shared = await browser.newPage({ viewport });
        shared.on('console', (m: ConsoleMessage) => consoleLines.push(`${m.type()}: ${m.text()}`));
        shared.on('pageerror', (e) => consoleLines.push(`pageerror: ${e.message}`));
      } else {
        await shared.setViewportSize(viewport);
      }
      const page = shared;
      // every test starts from an empty plain-page state (sessionStorage is kept per tab)
      if (page.url().startsWith(origin)) await page.evaluate(() => sessionStorage.clear());
      const qs = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)])).toString();
      await page.goto(`${origin}/host.html?${qs}`);
      const handle = await page.waitForSelector('#inspector');
      const frame = (await handle.contentFrame())!;
      await frame.waitForSelector('#app');
      return { page, frame };
    },
    async close() {
      await browser.close();
      await new Promise<void>((r) => server.close(() => r()));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
