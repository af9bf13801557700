// The DAP client's logic over a scripted adapter: metadata, blocks in order, truncated or
// failed answers, partial fetches, timeouts. The adapter here serves NumPy's own bytes
// (test/fixtures/debug_chunks.json); a real debugpy is exercised by test/e2e/suite/debug.e2e.ts.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fetchArray, fetchMeta, RemoteArrayError, withTimeout, type Evaluator } from '../../src/extension/debug/remoteArray';
import { chunkExpression, describeMeta, parseMeta, type RemoteArrayMeta } from '../../src/extension/debug/remoteExpressions';

interface Case { typestr: string; b64: string; values: (number | string)[] }
const fixture = JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', 'debug_chunks.json'), 'utf8')) as { cases: Case[] };
const num = (v: number | string): number => (v === 'nan' ? NaN : v === 'inf' ? Infinity : v === '-inf' ? -Infinity : Number(v));

interface Served { meta?: string; error?: string; bytes?: Buffer; typestr?: string; itemsize?: number; truncate?: boolean }

/** An adapter holding 1-d arrays: answers metadata and `x[a:b]` blocks as debugpy does (a str's repr). */
function adapter(vars: Record<string, Served>, maxChunkBytes: number): Evaluator & { log: string[] } {
  const log: string[] = [];
  return {
    log, maxChunkBytes,
    evaluate: async (expression) => {
      log.push(expression);
      const meta = /, ([\w.]+)\)$/.exec(expression);
      const chunk = /\(\(([\w.]+)\)\[(\d+):(\d+)\]\)$/.exec(expression);
      const name = chunk?.[1] ?? meta?.[1] ?? '';
      const v = vars[name];
      if (!v) throw new Error(`NameError: name '${name}' is not defined`);
      if (v.error) throw new Error(v.error);
      if (!chunk) return `'${v.meta}'`;
      const part = v.bytes!.subarray(Number(chunk[2]) * v.itemsize!, Number(chunk[3]) * v.itemsize!);
      const b64 = part.toString('base64');
      return `'SLDATA;${v.typestr};${part.length};${v.truncate ? b64.slice(0, 8) : b64}'`;
    },
  };
}

function served(typestr: string): Served & { values: number[]; meta: string } {
  const c = fixture.cases.find((x) => x.typestr === typestr)!;
  const size = Number(typestr.slice(2));
  const names: Record<string, string> = { f4: 'float32', f8: 'float64', i8: 'int64', b1: 'bool', u2: 'uint16' };
  return {
    meta: `SLMETA;numpy;${names[typestr.slice(1)]};${typestr};${c.values.length};${size};;ndarray`,
    bytes: Buffer.from(c.b64, 'base64'), typestr, itemsize: size, values: c.values.map(num),
  };
}

describe('fetchMeta', () => {
  it('an ndarray, a tensor, and something else', async () => {
    const ev = adapter({
      x: { meta: 'SLMETA;numpy;float32;<f4;64,1,28,28;3136,3136,112,4;;ndarray' },
      t: { meta: 'SLMETA;torch;float32;=;64,10;40,4;cuda:0;Parameter' },
      s: { meta: 'SLMETA;other;;;;;;builtins.str' },
    }, 1000);
    const x = await fetchMeta(ev, 'x');
    expect(x.ok && describeMeta(x.meta)).toBe('shape (64, 1, 28, 28) float32');
    const t = await fetchMeta(ev, 't');
    expect(t.ok && describeMeta(t.meta)).toBe('shape (64, 10) torch.float32 cuda:0');
    expect(await fetchMeta(ev, 's')).toEqual({ ok: false, typeName: 'str' });
    expect(ev.log).toHaveLength(3);
  });

  it('errors are plain: undefined names, adapter errors, odd answers', async () => {
    const ev = adapter({ bad: { error: 'RuntimeError: sparse tensors do not have strides' }, odd: { meta: 'something else' } }, 1000);
    await expect(fetchMeta(ev, 'q')).rejects.toThrow(new RemoteArrayError('`q` is not defined in the paused frame (out of scope?)'));
    await expect(fetchMeta(ev, 'bad')).rejects.toThrow('evaluating `bad` failed: RuntimeError: sparse tensors do not have strides');
    await expect(fetchMeta(ev, 'odd')).rejects.toThrow("evaluating `odd` failed: 'something else'");
    await expect(fetchMeta(ev, 'x.numpy()')).rejects.toThrow(/no calls/);
  });

  it('a 0-d and a 1-d shape parse; malformed metadata does not', () => {
    const z = parseMeta("'SLMETA;numpy;float64;<f8;;;;ndarray'");
    expect(z?.ok && z.meta.shape).toEqual([]);
    const one = parseMeta('SLMETA;torch;int64;=;64;8;cpu;Tensor');
    expect(one?.ok && describeMeta(one.meta)).toBe('shape (64,) torch.int64');
    expect(parseMeta('SLMETA;numpy;float32;<f4;2,3;4;;ndarray')).toBeUndefined();
    expect(parseMeta('SLMETA;numpy;float32;<f4;2,x;4,4;;ndarray')).toBeUndefined();
  });
});

async function metaOf(ev: Evaluator, name: string): Promise<RemoteArrayMeta> {
  const m = await fetchMeta(ev, name);
  if (!m.ok) throw new Error('not an array');
  return m.meta;
}

describe('fetchArray', () => {
  for (const t of ['<f4', '>f8', '<i8', '|b1', '>u2']) {
    it(`${t}: blocks of at most maxChunkBytes, values as NumPy wrote them`, async () => {
      const s = served(t);
      const ev = adapter({ x: s }, 2 * s.itemsize!);
      const got = await fetchArray(ev, 'x', await metaOf(ev, 'x'));
      expect(got.requests).toBe(Math.ceil(s.values.length / 2));
      expect(got.name).toBe('x');
      got.array.toArray().forEach((v, i) => expect(Object.is(v, s.values[i]), `${i}: ${v}`).toBe(true));
    });
  }

  it('rows: only the first rows, named as a slice', async () => {
    const s = served('<f8');
    const ev = adapter({ x: s }, 1000);
    const got = await fetchArray(ev, 'x', await metaOf(ev, 'x'), { rows: 3 });
    expect([got.name, got.array.shape]).toEqual(['x[:3]', [3]]);
    got.array.toArray().forEach((v, i) => expect(Object.is(v, s.values[i])).toBe(true));
  });

  it('a truncated answer is an error, not wrong values', async () => {
    const ev = adapter({ x: { ...served('<f4'), truncate: true } }, 1000);
    await expect(fetchArray(ev, 'x', await metaOf(ev, 'x'))).rejects.toThrow(/returned 6 of 32 bytes \(it truncated the answer\)/);
  });

  it('a dtype the inspector cannot show is refused before any value is read', async () => {
    const ev = adapter({ c: { meta: 'SLMETA;numpy;complex128;<c16;4;16;;ndarray' } }, 1000);
    await expect(fetchArray(ev, 'c', await metaOf(ev, 'c'))).rejects.toThrow('`c`: the inspector shows bool, integer and float arrays; this one is complex128');
    expect(ev.log).toHaveLength(1);
  });

  it('cancellation stops between blocks', async () => {
    const s = served('<f4');
    const ev = adapter({ x: s }, 4);
    let n = 0;
    await expect(fetchArray(ev, 'x', await metaOf(ev, 'x'), { onProgress: () => { n++; }, isCancelled: () => n >= 2 })).rejects.toThrow('cancelled');
    expect(ev.log).toHaveLength(3);
  });
});

describe('withTimeout', () => {
  it('rejects with what took too long', async () => {
    await expect(withTimeout(new Promise(() => undefined), 20, 'reading `x`')).rejects.toThrow('reading `x` took longer than 0.02 s');
  });
});

describe('lists of arrays', () => {
  const answer = "'SLLIST;3;list;SLMETA;numpy;float32;<f4;2,3;12,4;;ndarray'";

  it('inspected as one array: the list is axis 0', () => {
    const m = parseMeta(answer);
    expect(m?.ok && [m.meta.shape, m.meta.strides, m.meta.listOf, describeMeta(m.meta)]).toEqual([[3, 2, 3], [24, 12, 4], 'list', 'shape (3, 2, 3) float32 (list of 3)']);
    expect(parseMeta("'SLLIST;2;list;SLLIST;3;list;SLMETA;numpy;float32;<f4;2;4;;ndarray'")).toBeUndefined();
  });

  it('a range of the list joins its elements; a block inside an element indexes it', () => {
    const m = parseMeta(answer);
    if (!m?.ok) throw new Error('no meta');
    const whole = chunkExpression('xs', m.meta, { prefix: [], axis: 0, start: 0, stop: 2, size: 12 });
    expect(whole).toContain("b''.join(c(x).tobytes() for x in xs)");
    expect(whole.endsWith('(lambda x: (x)[...], (xs)[0:2])')).toBe(true);
    const inner = chunkExpression('xs', m.meta, { prefix: [1], axis: 1, start: 0, stop: 1, size: 3 });
    expect(inner.endsWith('(((xs)[1])[0:1])')).toBe(true);
  });
});
