// Packages a test fixture extension for the e2e runs (run.mjs, uiDebug.mjs).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A test fixture extension (test/e2e/<name>: package.json + extension.js) as a .vsix
 * (code-server loads only one development extension), in the temp folder keyed by the
 * fixture's content, so it is packaged once.
 */
export function packageFixture(repo, name) {
  const dir = join(repo, 'test', 'e2e', name);
  const key = createHash('sha256').update(readFileSync(join(dir, 'package.json'))).update(readFileSync(join(dir, 'extension.js'))).digest('hex').slice(0, 12);
  const out = join(tmpdir(), `shape-lens-${name}-${key}.vsix`);
  if (existsSync(out)) return out;
  const r = spawnSync('npx', ['vsce', 'package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '-o', out], {
    cwd: dir, encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`packaging the ${name} fixture failed: ${r.stdout}${r.stderr}`);
  return out;
}
