// Cutting a remote array into blocks and decoding their bytes: each dtype and byte order
// against what NumPy's tobytes() gave (test/fixtures/debug_chunks.json, tools/gen_debug_fixtures.py).
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ArrayAssembler, blockSelection, parseTypestr, planBlocks, type Block } from '../../src/extension/debug/chunks';

interface Case { typestr: string; b64: string; values: (number | string)[] }
const fixture = JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', 'debug_chunks.json'), 'utf8')) as { cases: Case[] };
const num = (v: number | string): number => (v === 'nan' ? NaN : v === 'inf' ? Infinity : v === '-inf' ? -Infinity : Number(v));

describe('decoding NumPy bytes', () => {
  for (const c of fixture.cases) {
    it(`${c.typestr}: ${c.values.length} values`, () => {
      const bytes = Buffer.from(c.b64, 'base64');
      const asm = new ArrayAssembler([c.values.length]);
      asm.add(c.typestr, new Uint8Array(bytes), c.values.length);
      const a = asm.finish('float64');
      expect(a.shape).toEqual([c.values.length]);
      const got = a.toArray();
      // Object.is: -0 stays -0, NaN equals NaN
      got.forEach((v, i) => expect(Object.is(v, num(c.values[i])), `value ${i}: ${v} vs ${c.values[i]}`).toBe(true));
    });
  }

  it('the dtype is the one the bytes were sent in', () => {
    const types = fixture.cases.map((c) => { const t = parseTypestr(c.typestr); return t instanceof Error ? t.message : t.dtype; });
    expect(types).toEqual(['bool', 'int8', 'uint8', 'int16', 'uint16', 'int32', 'uint32', 'int64', 'uint64', 'float32', 'float64',
      'float32', 'float64', 'int64', 'uint16', 'int32', 'int64']);
  });

  it('refuses types the engine has no storage for', () => {
    for (const t of ['<f2', '<c8', '|O', '<U5', '|S3', 'f4']) expect(parseTypestr(t)).toBeInstanceOf(Error);
  });

  it('blocks assemble in order into one array', () => {
    const c = fixture.cases.find((x) => x.typestr === '<f4')!;
    const bytes = new Uint8Array(Buffer.from(c.b64, 'base64'));
    const asm = new ArrayAssembler([2, 4]);
    asm.add('<f4', bytes.subarray(0, 12), 3);
    asm.add('<f4', bytes.subarray(12), 5);
    const a = asm.finish('float32');
    expect(a.dtype).toBe('float32');
    expect(a.strides).toEqual([4, 1]);
    a.toArray().forEach((v, i) => expect(Object.is(v, num(c.values[i]))).toBe(true));
  });

  it('a block of the wrong length or type, or too few values, is an error', () => {
    const asm = new ArrayAssembler([4]);
    expect(() => asm.add('<f4', new Uint8Array(12), 4)).toThrow(/12 bytes, expected 4 values of 4 bytes/);
    asm.add('<f4', new Uint8Array(8), 2);
    expect(() => asm.add('<f8', new Uint8Array(16), 2)).toThrow(/different types: float32 then float64/);
    expect(() => asm.finish('float32')).toThrow(/only 2 of 4 values arrived/);
  });

  it('an empty array needs no block and keeps its dtype', () => {
    const a = new ArrayAssembler([0, 3]).finish('int64');
    expect([a.dtype, a.shape, a.size]).toEqual(['int64', [0, 3], 0]);
  });
});

function plan(shape: number[], itemsize: number, maxBytes: number): Block[] {
  return [...planBlocks(shape, itemsize, maxBytes)];
}

describe('planBlocks', () => {
  it('whole rows along the first axis when a row fits', () => {
    expect(plan([64, 1, 28, 28], 4, 65536).map(blockSelection)).toEqual(['0:20', '20:40', '40:60', '60:64']);
  });
  it('one block for a small array', () => {
    expect(plan([3, 4], 8, 4_000_000).map(blockSelection)).toEqual(['0:3']);
  });
  it('ranges of a later axis under fixed indices when a row is too large', () => {
    const bs = plan([2, 3, 10], 8, 32);
    expect(bs.map(blockSelection)).toEqual([
      '0, 0, 0:4', '0, 0, 4:8', '0, 0, 8:10', '0, 1, 0:4', '0, 1, 4:8', '0, 1, 8:10', '0, 2, 0:4', '0, 2, 4:8', '0, 2, 8:10',
      '1, 0, 0:4', '1, 0, 4:8', '1, 0, 8:10', '1, 1, 0:4', '1, 1, 4:8', '1, 1, 8:10', '1, 2, 0:4', '1, 2, 4:8', '1, 2, 8:10',
    ]);
  });
  it('one value a block when even a value is larger than the limit', () => {
    expect(plan([3], 8, 4).map(blockSelection)).toEqual(['0:1', '1:2', '2:3']);
  });
  it('a 0-d array is one block `...`; a 0-size array none', () => {
    expect(plan([], 4, 100).map(blockSelection)).toEqual(['...']);
    expect(plan([5, 0, 2], 4, 100)).toEqual([]);
  });
  it('blocks cover every value once, in C order, within the limit', () => {
    for (const [shape, item, max] of [[[7, 5, 3], 4, 40], [[1000], 8, 1000], [[2, 2, 2, 9], 1, 5], [[13, 17], 2, 64]] as [number[], number, number][]) {
      const bs = plan(shape, item, max);
      const total = shape.reduce((p, d) => p * d, 1);
      expect(bs.reduce((s, b) => s + b.size, 0)).toBe(total);
      for (const b of bs) expect(b.size * item <= max || b.size === 1).toBe(true);
      // consecutive blocks start where the previous ended (flat C-order offsets)
      let flat = 0;
      for (const b of bs) {
        const rowElems = shape.slice(b.axis + 1).reduce((p, d) => p * d, 1);
        let off = b.start * rowElems;
        b.prefix.forEach((ix, ax) => { off += ix * shape.slice(ax + 1).reduce((p, d) => p * d, 1); });
        expect(off).toBe(flat);
        flat += b.size;
      }
    }
  });
});
