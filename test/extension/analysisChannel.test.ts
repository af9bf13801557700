// The host's end of the analysis worker (src/extension/analysisChannel.ts) with real worker
// threads: the bundled worker answers as the service does in process; a worker that dies fails
// its waiting requests plainly and the next request starts a new one; after repeated losses
// the service runs in the host's thread instead.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { build } from 'esbuild';
import { AnalysisChannel } from '../../src/extension/analysisChannel';
import { LanguageService } from '../../src/extension/languageService';
import { IDLE_MS } from '../../src/extension/typingWarmup';
import type { HintItem } from '../../src/extension/languageProtocol';

const BUGS = fs.readFileSync(path.join(__dirname, '../workspace/bugs.py'), 'utf8');

let dir: string;
let realWorker: string;
/** A worker that answers every request with a marker and exits on `forget` (a crash on demand); in process, a service that answers `in-process`. */
let crashingWorker: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shape-lens-channel-'));
  realWorker = path.join(dir, 'analysisWorker.js');
  await build({ entryPoints: [path.join(__dirname, '../../src/extension/analysisWorker.ts')], outfile: realWorker, bundle: true, platform: 'node', format: 'cjs', logLevel: 'warning' });
  crashingWorker = path.join(dir, 'crashingWorker.js');
  fs.writeFileSync(crashingWorker, `
const { parentPort } = require('node:worker_threads');
class LanguageService { handle(req) { return { version: 1, value: 'in-process:' + req.op }; } }
module.exports = { LanguageService };
if (parentPort) parentPort.on('message', ({ id, req }) => {
  if (req.op === 'forget') process.exit(3);
  if (id !== 0) parentPort.postMessage({ id, ok: true, reply: { version: 1, value: 'worker:' + req.op } });
});
`);
}, 60_000);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('AnalysisChannel', () => {
  it('answers through the bundled worker thread what the service answers in process', async () => {
    const ch = new AnalysisChannel(realWorker);
    try {
      ch.send({ op: 'sync', key: 'k', version: 4, text: BUGS });
      const got = await ch.request<HintItem[]>({ op: 'hints', key: 'k', from: 0, to: BUGS.length, mode: 'all' });
      expect(ch.state()).toEqual({ thread: 'worker', losses: 0, lastLoss: undefined });
      const local = new LanguageService();
      local.handle({ op: 'sync', key: 'k', version: 4, text: BUGS });
      const want = local.handle({ op: 'hints', key: 'k', from: 0, to: BUGS.length, mode: 'all' });
      expect(got.version).toBe(4);
      expect(got.value).toEqual(want.value);
      expect((got.value ?? []).length).toBeGreaterThan(3);
    } finally {
      ch.dispose();
    }
  }, 30_000);

  it('answers as before after the worker has warmed its typing path in a pause (typingWarmup.ts)', async () => {
    const ch = new AnalysisChannel(realWorker);
    const local = new LanguageService();
    try {
      ch.send({ op: 'sync', key: 'k', version: 1, text: BUGS });
      local.handle({ op: 'sync', key: 'k', version: 1, text: BUGS });
      await ch.request({ op: 'diagnostics', key: 'k' });
      // the warm-up starts after IDLE_MS without requests and takes well under a second here
      await new Promise((r) => setTimeout(r, IDLE_MS + 1500));
      const at = BUGS.indexOf('\n') + 1;
      const edits = [{ from: at, to: at, insert: 'q = np.ones((2, 5))\n' }];
      const text = BUGS.slice(0, at) + edits[0].insert + BUGS.slice(at);
      ch.send({ op: 'edit', key: 'k', version: 2, edits, length: text.length });
      local.handle({ op: 'edit', key: 'k', version: 2, edits, length: text.length });
      for (const req of [{ op: 'hints', key: 'k', from: 0, to: text.length, mode: 'all' }, { op: 'diagnostics', key: 'k' }] as const) {
        const got = await ch.request(req);
        expect(got.version).toBe(2);
        expect(got.value).toEqual(local.handle(req).value);
      }
      expect(ch.state().thread).toBe('worker');
    } finally {
      ch.dispose();
    }
  }, 30_000);

  it('fails the requests of a worker that dies, then starts a new one; after three losses runs in the host', async () => {
    const ch = new AnalysisChannel(crashingWorker);
    try {
      expect((await ch.request({ op: 'diagnostics', key: 'a' })).value).toBe('worker:diagnostics');
      const generation = ch.generation;
      for (let loss = 1; loss <= 3; loss++) {
        const waiting = ch.request({ op: 'diagnostics', key: 'a' });
        ch.send({ op: 'forget', key: 'a' });
        // the request sent before the crash may be answered first; the one after it cannot be
        const after = ch.request({ op: 'diagnostics', key: 'a' });
        await waiting.catch(() => undefined);
        await expect(after).rejects.toThrow(/analysis worker exited \(code 3\)/);
        expect(ch.state()).toMatchObject({ thread: 'none', losses: loss });
        if (loss < 3) {
          // the next request starts a new, empty worker
          expect((await ch.request({ op: 'diagnostics', key: 'a' })).value).toBe('worker:diagnostics');
          expect(ch.generation).toBe(generation + loss);
        }
      }
      // a fourth worker is not tried: the same service, in this thread
      expect((await ch.request({ op: 'diagnostics', key: 'a' })).value).toBe('in-process:diagnostics');
      expect(ch.state()).toMatchObject({ thread: 'host', losses: 3 });
    } finally {
      ch.dispose();
    }
  }, 30_000);

  it('refuses requests once disposed', async () => {
    const ch = new AnalysisChannel(crashingWorker);
    ch.dispose();
    await expect(ch.request({ op: 'diagnostics', key: 'a' })).rejects.toThrow(/stopped/);
  });
});
