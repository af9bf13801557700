// `npm run test:electron`: the same extension-host suite in desktop VS Code, downloaded and
// cached by @vscode/test-electron — for machines that can reach VS Code's download server
// (this project's CI cannot; `npm test` uses code-server instead, see run.mjs).
import { cpSync, mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTests } from '@vscode/test-electron';
import { bigProgram } from './bigProgram.mjs';
import { writeFileSync } from 'node:fs';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const ws = mkdtempSync(join(tmpdir(), 'shape-lens-ws-'));
cpSync(join(repo, 'test', 'workspace'), ws, { recursive: true });
writeFileSync(join(ws, 'big.py'), bigProgram(1000));
const resultsFile = join(ws, 'results.json');
try {
  await runTests({
    // desktop VS Code loads several development extensions: the second is debug.e2e.ts's debugpy debug type
    extensionDevelopmentPath: [repo, join(repo, 'test', 'e2e', 'debugpyFixture')],
    extensionTestsPath: join(repo, 'out', 'test', 'suite', 'index.js'),
    launchArgs: [ws, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
    extensionTestsEnv: { SHAPE_LENS_E2E_RESULTS: resultsFile },
  });
} catch (e) {
  console.error(e);
  process.exitCode = 1;
}
if (existsSync(resultsFile)) {
  const out = JSON.parse(readFileSync(resultsFile, 'utf8'));
  const passed = out.results.filter((r) => r.state === 'passed').length;
  console.log('measurements:', JSON.stringify(out.measurements));
  console.log(`${passed} passed, ${out.results.length - passed} failed`);
}
