// `npm run demo`: builds and packages the extension, then opens a real VS Code on examples/
// with it installed — the local `code` CLI when there is one, otherwise code-server on
// 127.0.0.1 (installed into ~/.cache/shape-lens on first run, with progress lines), printing
// the URL to open. Stops with Ctrl+C. `--check` starts, verifies, prints the URL and exits.
import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureCodeServer, startCodeServer } from './vscodeServer.mjs';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const examples = join(repo, 'examples');
const vsix = join(repo, 'shape-lens.vsix');
const check = process.argv.includes('--check');

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { cwd: repo, stdio: 'inherit', ...opts });
  if (r.status !== 0) { console.error(`[shape-lens] ${cmd} ${args.join(' ')} failed`); process.exit(r.status ?? 1); }
}

function hasCode() {
  if (process.env.SHAPE_LENS_DEMO_CODE_SERVER) return false;
  const r = spawnSync('code', ['--version'], { encoding: 'utf8' });
  return r.status === 0 && /^\d+\.\d+/.test(r.stdout ?? '');
}

console.log('[shape-lens] building and packaging the extension …');
run('npm', ['run', '--silent', 'build']);
run('npx', ['vsce', 'package', '--no-dependencies', '-o', vsix], { stdio: ['ignore', 'ignore', 'inherit'] });
console.log(`[shape-lens] packaged ${vsix} (${(statSync(vsix).size / 1024).toFixed(0)} KiB)`);

if (!check && hasCode()) {
  console.log('[shape-lens] installing into your VS Code and opening examples/ …');
  run('code', ['--install-extension', vsix, '--force']);
  run('code', [examples]);
  process.exit(0);
}

ensureCodeServer((m) => console.log(m));
const port = Number(process.env.PORT ?? 0) || undefined;
const server = await startCodeServer({ vsix, port, settings: { 'editor.fontSize': 14 } });
const url = `${server.url}/?folder=${encodeURIComponent(examples)}`;
console.log('\n[shape-lens] VS Code (code-server) with Shape Lens is running. Open this URL in your browser:\n');
console.log(`    ${url}\n`);
console.log('[shape-lens] Start with 01_broadcasting.py; 09_shape_bugs.py has deliberate bugs. Ctrl+C stops the server.');
if (check) {
  const r = await fetch(url);
  console.log(`[shape-lens] check: GET workbench → ${r.status}`);
  await server.close();
  process.exit(r.ok ? 0 : 1);
}
const stop = async () => { await server.close(); process.exit(0); };
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
server.child.on('exit', (code) => { console.log(`[shape-lens] code-server exited (${code})`); process.exit(code ?? 0); });
