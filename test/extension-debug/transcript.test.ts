// The DAP client against a recorded real debugpy: test/fixtures/debugpy_transcript.json holds
// the evaluate requests Shape Lens sent to Debian's debugpy paused in
// test/workspace/train_debug.py and debugpy's answers (recorded by test/e2e/suite/debug.e2e.ts
// with SHAPE_LENS_RECORD_DAP=file): metadata, and the windows the inspector read. Replaying them
// checks that the requests are still the ones debugpy answered, and that its answers decode to
// what real NumPy/torch hold (test/fixtures/debug_frame.json, tools/gen_debug_fixtures.py).
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { fetchMeta, type Evaluator } from '../../src/extension/debug/remoteArray';
import { RemoteArraySource } from '../../src/extension/debug/remoteSource';
import { describeMeta } from '../../src/extension/debug/remoteExpressions';

interface Exchange { expression: string; context?: string; success?: boolean; result?: string; message?: string }
const transcript = JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', 'debugpy_transcript.json'), 'utf8')) as { exchanges: Exchange[] };
interface Local { kind: string; dtype?: string; shape?: number[]; shape_repr?: string; sha256?: string; type: string }
const frame = JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', 'debug_frame.json'), 'utf8')) as { locals: Record<string, Local> };

/** debugpy as recorded: the answer to an identical request, or a failure for one it never saw. */
function replay(maxChunkBytes: number): Evaluator & { unanswered: string[] } {
  const unanswered: string[] = [];
  return {
    unanswered, maxChunkBytes,
    evaluate: async (expression) => {
      const e = transcript.exchanges.find((x) => x.expression === expression);
      if (!e) { unanswered.push(expression); throw new Error('not in the transcript'); }
      if (!e.success) throw new Error(e.message ?? 'failed');
      return e.result!;
    },
  };
}

const CLIPBOARD_CHUNK_BYTES = 4 * 1024 * 1024;

describe('replaying debugpy', () => {
  const arrays = Object.keys(frame.locals).filter((n) => frame.locals[n].kind !== 'other');

  it('metadata of every array and tensor of the frame', async () => {
    const ev = replay(CLIPBOARD_CHUNK_BYTES);
    for (const name of arrays) {
      const m = await fetchMeta(ev, name);
      const l = frame.locals[name];
      expect(m.ok && describeMeta(m.meta), name).toBe(`shape ${l.shape_repr} ${l.kind === 'torch' ? 'torch.' : ''}${l.dtype}`);
    }
    expect(ev.unanswered).toEqual([]);
  });

  it('non-arrays and undefined names', async () => {
    const ev = replay(CLIPBOARD_CHUNK_BYTES);
    expect(await fetchMeta(ev, 'name')).toEqual({ ok: false, typeName: 'str' });
    await expect(fetchMeta(ev, 'nonexistent')).rejects.toThrow('`nonexistent` is not defined in the paused frame (out of scope?)');
  });

  for (const name of ['labels', 'even', 'y', 'loss', 'xt']) {
    it(`${name}: debugpy's answers for the whole window decode to NumPy's values`, async () => {
      const ev = replay(CLIPBOARD_CHUNK_BYTES);
      const m = await fetchMeta(ev, name);
      if (!m.ok) throw new Error(`${name} is not an array`);
      const src = new RemoteArraySource(ev, name, m.meta);
      const got = await src.readBlock(m.meta.shape.map((d) => ({ start: 0, stop: d, step: 1 })));
      expect(ev.unanswered).toEqual([]);
      expect(src.requests).toBe(1);
      const l = frame.locals[name];
      expect([got.shape, src.dtype]).toEqual([l.shape, l.dtype]);
      const hash = createHash('sha256').update(new Uint8Array(Float64Array.from(got.values).buffer)).digest('hex');
      expect(hash).toBe(l.sha256);
    });
  }
});
