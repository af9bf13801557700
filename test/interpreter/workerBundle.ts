// Builds src/worker.ts once per test run into a temporary directory (what out/worker.js is
// after `npm run build`), so tests can exercise runInWorker and the CLI without a prior build.

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { build } from 'esbuild';

const ROOT = path.join(__dirname, '..', '..');
let built: Promise<{ worker: string; cli: string }> | null = null;

export function buildBundles(): Promise<{ worker: string; cli: string }> {
  built ??= (async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shape-lens-bundle-'));
    const common = { bundle: true, platform: 'node' as const, target: 'node18', format: 'cjs' as const, logLevel: 'error' as const };
    await build({ ...common, entryPoints: [path.join(ROOT, 'src', 'worker.ts')], outfile: path.join(dir, 'worker.js') });
    await build({ ...common, entryPoints: [path.join(ROOT, 'src', 'cli.ts')], outfile: path.join(dir, 'cli.js'), banner: { js: '#!/usr/bin/env node' } });
    return { worker: path.join(dir, 'worker.js'), cli: path.join(dir, 'cli.js') };
  })();
  return built;
}
