// Probing which names of a frame are arrays: answers in order, non-arrays and errors as null,
// lists of arrays left to Inspect, slow answers left out so they are asked again.
import { describe, expect, it } from 'vitest';
import { probeArrays } from '../../src/extension/debug/frameArrays';
import type { Evaluator } from '../../src/extension/debug/remoteArray';

function adapter(answers: Record<string, string | Error | 'hang'>): Evaluator & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked, maxChunkBytes: 1000,
    evaluate: (expression) => {
      const name = /, ([\w.]+)\)$/.exec(expression)![1];
      asked.push(name);
      const a = answers[name];
      if (a === 'hang') return new Promise(() => undefined);
      if (a instanceof Error) return Promise.reject(a);
      return Promise.resolve(a ?? '');
    },
  };
}

describe('probeArrays', () => {
  it('arrays, non-arrays, lists, errors and slow names', async () => {
    const ev = adapter({
      x: "'SLMETA;numpy;float32;<f4;2,3;12,4;;ndarray'",
      s: "'SLMETA;other;;;;;;builtins.str'",
      xs: "'SLLIST;2;list;SLMETA;numpy;float32;<f4;3;4;;ndarray'",
      q: new Error("NameError: name 'q' is not defined"),
      slow: 'hang',
      t: "'SLMETA;torch;int64;=;5;8;cpu;Tensor'",
    });
    const r = await probeArrays(ev, ['slow', 'x', 's', 'xs', 'q', 't'], { concurrency: 2, perRequestMs: 50, budgetMs: 1000 });
    expect([...r].map(([n, m]) => `${n}:${m ? m.shape.join('x') : 'null'}`)).toEqual(['x:2x3', 's:null', 'xs:null', 'q:null', 't:5']);
    expect(ev.asked.sort()).toEqual(['q', 's', 'slow', 't', 'x', 'xs']);
  });

  it('stops starting requests when cancelled', async () => {
    const ev = adapter({ a: "'SLMETA;other;;;;;;builtins.int'", b: "'SLMETA;other;;;;;;builtins.int'" });
    let n = 0;
    const r = await probeArrays(ev, ['a', 'b', 'c'], { concurrency: 1, perRequestMs: 100, budgetMs: 1000 }, () => n++ >= 1);
    expect([...r.keys()]).toEqual(['a']);
  });
});
