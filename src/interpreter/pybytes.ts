// Python's bytes and bytearray, the basics learners meet: construction (bytes(n), from ints,
// from str with an encoding, literals), len, indexing (an int) and slicing, iteration, ==,
// repr, str.encode/bytes.decode (UTF-8 and ASCII). Does not implement the bytes methods
// (find, split, hex …), bytearray mutation, hashing as dict keys or the buffer protocol.

import { pyError } from './errors';

export class PyBytes {
  constructor(readonly data: Uint8Array, readonly mutable: boolean) {}
}

const SSIZE_MAX = 2n ** 63n - 1n;

/** `bytes(x)` / `bytearray(x)` of one argument (no encoding): a count, bytes or an iterable of ints. */
export function bytesFrom(x: unknown, mutable: boolean, items: (x: unknown) => Iterable<unknown>, checkSize: (n: number) => void): PyBytes {
  if (x instanceof PyBytes) return new PyBytes(x.data.slice(), mutable);
  if (typeof x === 'string') throw pyError('TypeError', 'string argument without an encoding');
  if (typeof x === 'number' || typeof x === 'bigint') {
    const n = BigInt(x);
    if (n > SSIZE_MAX || n < -SSIZE_MAX - 1n) throw pyError('OverflowError', "cannot fit 'int' into an index-sized integer");
    if (n < 0n) throw pyError('ValueError', 'negative count');
    checkSize(Number(n));
    return new PyBytes(new Uint8Array(Number(n)), mutable);
  }
  const out: number[] = [];
  for (const v of items(x)) {
    const b = typeof v === 'boolean' ? Number(v) : v;
    if (typeof b !== 'number' || !Number.isInteger(b)) throw pyError('TypeError', `'${typeof v === 'string' ? 'str' : 'float'}' object cannot be interpreted as an integer`);
    if (b < 0 || b > 255) throw pyError('ValueError', 'bytes must be in range(0, 256)');
    out.push(b);
  }
  return new PyBytes(Uint8Array.from(out), mutable);
}

/** `str.encode(encoding)` / `bytes(str, encoding)`. */
export function encodeStr(s: string, encoding: string, mutable: boolean): PyBytes {
  const enc = encoding.toLowerCase().replace(/[-_]/g, '');
  if (enc === 'utf8') return new PyBytes(new TextEncoder().encode(s), mutable);
  if (enc === 'ascii') {
    const out = new Uint8Array(s.length);
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c > 127) throw pyError('UnicodeEncodeError', `'ascii' codec can't encode character '\\x${c.toString(16).padStart(2, '0')}' in position ${i}: ordinal not in range(128)`);
      out[i] = c;
    }
    return new PyBytes(out, mutable);
  }
  throw pyError('LookupError', `unknown encoding: ${encoding}`);
}

/** `bytes.decode(encoding)` for UTF-8 and ASCII. */
export function decodeBytes(b: PyBytes, encoding: string): string {
  const enc = encoding.toLowerCase().replace(/[-_]/g, '');
  if (enc !== 'utf8' && enc !== 'ascii') throw pyError('LookupError', `unknown encoding: ${encoding}`);
  try {
    return new TextDecoder(enc === 'ascii' ? 'ascii' : 'utf-8', { fatal: true }).decode(b.data);
  } catch {
    throw pyError('UnicodeDecodeError', `'${enc === 'ascii' ? 'ascii' : 'utf-8'}' codec can't decode the bytes`);
  }
}

/** CPython's bytes repr: ' quotes unless the data has ' and no ", \t \n \r escaped, other non-printables as \xhh. */
export function bytesRepr(b: PyBytes): string {
  const d = b.data;
  const quote = d.includes(0x27) && !d.includes(0x22) ? '"' : "'";
  let s = '';
  for (const c of d) {
    if (c === 0x5c) s += '\\\\';
    else if (c === 0x09) s += '\\t';
    else if (c === 0x0a) s += '\\n';
    else if (c === 0x0d) s += '\\r';
    else if (c === quote.charCodeAt(0)) s += `\\${quote}`;
    else if (c < 0x20 || c >= 0x7f) s += `\\x${c.toString(16).padStart(2, '0')}`;
    else s += String.fromCharCode(c);
  }
  const body = `b${quote}${s}${quote}`;
  return b.mutable ? `bytearray(${body})` : body;
}

export function bytesEqual(a: PyBytes, b: PyBytes): boolean {
  return a.data.length === b.data.length && a.data.every((v, i) => v === b.data[i]);
}
