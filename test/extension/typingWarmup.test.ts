// The analysis worker's typing warm-up (src/extension/typingWarmup.ts): the sample it copies
// parses as the program's own start, its keystrokes type into number literals and leave the
// sample as it was, and IdleWarmup runs it only in pauses between requests, once.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from '../../src/python/parse';
import { IDLE_MS, IdleWarmup, typingWarmup, warmupEdits, warmupSample, WARMUP_EDITS } from '../../src/extension/typingWarmup';
import type { LanguageRequest } from '../../src/extension/languageProtocol';
// @ts-expect-error: a plain ES module without types
import { bigProgram } from '../e2e/bigProgram.mjs';

const PROGRAMS = path.join(__dirname, '../programs');
const corpus = fs.readdirSync(PROGRAMS).filter((f) => f.endsWith('.py')).map((f) => fs.readFileSync(path.join(PROGRAMS, f), 'utf8'));

describe('warmupSample', () => {
  it('takes the first 200 lines of a long program, cut before a top-level statement', () => {
    const lines = Array.from({ length: 300 }, (_, i) => `a${i} = np.zeros((${i}, 2))`);
    // a statement over lines 199-202 (0-based 198-201) must not be cut in half
    lines.splice(198, 4, 'b = np.concatenate([', '    a1,', '    a2,', '])');
    const sample = warmupSample(lines.join('\n'))!;
    expect(sample.split('\n').length - 1).toBe(198);
    expect(sample.endsWith('a197 = np.zeros((197, 2))\n')).toBe(true);
    expect(parse(sample).errors).toEqual([]);
  });

  it('keeps a short program whole, and has nothing to offer without a number', () => {
    expect(warmupSample('x = np.ones((3, 4))\ny = x.T')).toBe('x = np.ones((3, 4))\ny = x.T\n');
    expect(warmupSample('x = y\n')).toBeUndefined();
    expect(warmupSample('W0 = x1\n')).toBeUndefined();
  });

  it('parses without errors wherever the program does (the corpus)', () => {
    let checked = 0;
    for (const text of [...corpus, bigProgram(1000)]) {
      if (parse(text).errors.length > 0) continue;
      const sample = warmupSample(text);
      if (sample) expect(parse(sample).errors, sample.slice(-300)).toEqual([]);
      checked++;
    }
    expect(checked).toBeGreaterThan(100);
  });
});

describe('typingWarmup', () => {
  it('types a digit after a number literal and deletes it again, at the end and in the middle', () => {
    const text = bigProgram(1000);
    const sample = warmupSample(text)!;
    const edits = warmupEdits(sample);
    expect(edits).toHaveLength(WARMUP_EDITS);
    let current = sample;
    const places = new Set<number>();
    for (const [k, e] of edits.entries()) {
      if (k % 2 === 0) {
        expect(e.insert).toMatch(/^\d$/);
        // right after the last digit of a number: the character before is a digit, the one before the number is no name's
        expect(current[e.from - 1]).toMatch(/\d/);
        expect(current.slice(0, e.from)).toMatch(/(^|[^\w.])\d+$/);
        places.add(e.from);
      } else {
        expect(e.insert).toBe('');
        expect(e.to - e.from).toBe(1);
      }
      current = current.slice(0, e.from) + e.insert + current.slice(e.to);
    }
    expect(current).toBe(sample);
    expect(places.size).toBe(2);
    // one place in the last statement, one around the middle
    expect(Math.max(...places)).toBeGreaterThan(sample.length - 40);
    expect(Math.min(...places)).toBeLessThan(sample.length * 0.6);
  });

  it('runs its steps on the corpus without an error: one to analyse the sample, one per keystroke', () => {
    let warmed = 0;
    for (const text of corpus.slice(0, 40)) {
      let steps = 0;
      for (const _ of typingWarmup(text)) steps++;
      expect(steps).toBe(warmupSample(text) ? WARMUP_EDITS + 1 : 0);
      if (steps) warmed++;
    }
    expect(warmed).toBeGreaterThan(30);
  });
});

describe('IdleWarmup', () => {
  let clock = 0;
  beforeEach(() => { vi.useFakeTimers(); clock = 0; });
  afterEach(() => { vi.useRealTimers(); });
  const advance = (ms: number) => { clock += ms; vi.advanceTimersByTime(ms); };
  const sync: LanguageRequest = { op: 'sync', key: 'k', version: 1, text: 'x = 1\n' };
  const hints: LanguageRequest = { op: 'hints', key: 'k', from: 0, to: 6, mode: 'all' };

  function counting(steps: number) {
    const seen: string[] = [];
    let ran = 0;
    const warm = new IdleWarmup((text) => {
      seen.push(text);
      return (function* () { for (let k = 0; k < steps; k++) { ran++; yield; } })();
    }, () => clock);
    return { warm, seen, ran: () => ran };
  }

  it('waits for an analysis and a pause, then runs a step per timer tick, once', () => {
    const { warm, seen, ran } = counting(5);
    warm.noteRequest(sync);
    advance(IDLE_MS * 3);
    expect(ran()).toBe(0); // synced, never analysed: nothing to warm for
    warm.noteRequest(hints);
    advance(IDLE_MS - 1);
    expect(ran()).toBe(0);
    advance(1);
    expect(ran()).toBe(1);
    advance(10);
    expect(ran()).toBe(5);
    expect(seen).toEqual(['x = 1\n']);
    warm.noteRequest(sync);
    warm.noteRequest(hints);
    advance(IDLE_MS * 3);
    expect(ran()).toBe(5);
    expect(seen).toHaveLength(1);
  });

  it('puts its next step off while requests come', () => {
    const { warm, ran } = counting(10);
    warm.noteRequest(sync);
    warm.noteRequest(hints);
    advance(IDLE_MS);
    expect(ran()).toBe(1);
    // typing: a request every 100 ms holds the warm-up
    for (let k = 0; k < 20; k++) {
      warm.noteRequest(hints);
      advance(100);
    }
    expect(ran()).toBe(1);
    advance(IDLE_MS);
    expect(ran()).toBeGreaterThan(1);
  });

  it('gives up on a warm-up that throws, and stays done', () => {
    let calls = 0;
    const warm = new IdleWarmup(() => ({ next: () => { calls++; throw new Error('boom'); } }), () => clock);
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    warm.noteRequest(sync);
    warm.noteRequest(hints);
    advance(IDLE_MS * 5);
    warm.noteRequest(hints);
    advance(IDLE_MS * 5);
    expect(calls).toBe(1);
    expect(log).toHaveBeenCalledWith(expect.stringContaining('typing warm-up stopped: Error: boom'));
    log.mockRestore();
  });
});
