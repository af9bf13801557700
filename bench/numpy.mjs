// Runs bench/numpyBench.py with /usr/bin/python3: `info` (versions, BLAS) and one process per
// op. This machine's OpenBLAS tuning variables are unset for that command only, and an
// OpenBLAS directory, when given, goes on its LD_LIBRARY_PATH (so only NumPy sees it).
// jsRunner.mjs calls it right after timing each JS case, so NumPy is measured under the same
// machine load as the JS contenders it is compared with.

import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { childAnswer } from './harness.mjs';
import { fileURLToPath } from 'node:url';

export const PYTHON = '/usr/bin/python3';
const script = path.join(path.dirname(fileURLToPath(import.meta.url)), 'numpyBench.py');

function numpyEnv(blasDir) {
  const env = { ...process.env };
  delete env.OPENBLAS_CORETYPE;
  delete env.OPENBLAS_L2_SIZE;
  // the JS runner's allocator settings are not NumPy's
  for (const k of Object.keys(env)) if (k.startsWith('MALLOC_')) delete env[k];
  if (blasDir) env.LD_LIBRARY_PATH = blasDir;
  return env;
}

/** One JSON answer from numpyBench.py, or `{ error }`. */
export function runPython(args, blasDir = null) {
  return childAnswer(spawnSync(PYTHON, [script, ...args], { env: numpyEnv(blasDir), encoding: 'utf8', timeout: 300_000 }));
}
