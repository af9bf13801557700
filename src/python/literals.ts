// Decoding of Python number and string literal text into values, as CPython 3.11 does:
// ints as exact bigints (hex/octal/binary/underscores), floats and imaginary literals, string
// prefixes, escape sequences (octal, \x, \u, \U, \N{…}, line continuations), raw and bytes
// literals, and the literal parts of f-strings (`{{`/`}}`). Pure functions over strings: no
// tokenizing (the scanner checks a number's spelling) and no f-string field parsing (convert.ts).

import type { ConstantValue } from './ast';
import { UNICODE_NAMES } from './unicodeNames';

/** Value of a NUMBER token already validated by the scanner (e.g. `0x_ff`, `1_000.5e-3`, `2j`, `1.`). */
export function numberValue(text: string): ConstantValue {
  const t = text.indexOf('_') >= 0 ? text.replace(/_/g, '') : text;
  const last = t.charCodeAt(t.length - 1);
  if (last === 106 /* j */ || last === 74 /* J */) return { type: 'complex', imag: Number(t.slice(0, -1)) };
  const c1 = t.charCodeAt(1) | 0x20;
  if (t.charCodeAt(0) === 48 && (c1 === 120 /* x */ || c1 === 111 /* o */ || c1 === 98 /* b */)) {
    return { type: 'int', value: BigInt(t.slice(0, 2).toLowerCase() + t.slice(2)) };
  }
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c === 46 /* . */ || c === 101 /* e */ || c === 69 /* E */) return { type: 'float', value: Number(t) };
  }
  return { type: 'int', value: BigInt(t) };
}

export interface StringParts {
  raw: boolean;
  bytes: boolean;
  format: boolean;
  /** `'`, `"`, `'''` or `"""`. */
  quote: string;
  /** Offsets of the body within the literal text (after the opening quote, before the closing one). */
  bodyFrom: number;
  bodyTo: number;
  /** False when the closing quote is missing (the body then runs to the end of the text). */
  terminated: boolean;
}

/** Splits a string literal's source text (prefix, quotes, body). */
export function stringParts(text: string): StringParts {
  let i = 0;
  let raw = false;
  let bytes = false;
  let format = false;
  for (; i < text.length; i++) {
    const c = text[i]!.toLowerCase();
    if (c === 'r') raw = true;
    else if (c === 'b') bytes = true;
    else if (c === 'f') format = true;
    else if (c !== 'u') break;
  }
  const q = text[i] ?? '"';
  const quote = text.startsWith(q + q + q, i) ? q + q + q : q;
  const bodyFrom = i + quote.length;
  let bodyTo = text.length;
  let terminated = false;
  if (text.length >= bodyFrom + quote.length && text.endsWith(quote)) {
    // An odd run of backslashes before the final quote escapes it (raw strings too).
    let k = text.length - quote.length - 1;
    let slashes = 0;
    while (k >= bodyFrom && text.charCodeAt(k) === 92) {
      slashes++;
      k--;
    }
    if (slashes % 2 === 0) {
      bodyTo = text.length - quote.length;
      terminated = true;
    }
  }
  return { raw, bytes, format, quote, bodyFrom, bodyTo, terminated };
}

export interface DecodeError {
  message: string;
  /** Where CPython places the error: at the literal's start or at its end. */
  at: 'start' | 'end';
}

export interface Decoded {
  /** For bytes, each char is one byte value 0..255. */
  value: string;
  error: DecodeError | null;
}

const SIMPLE_ESCAPES: Record<string, string> = {
  '\n': '',
  '\\': '\\',
  "'": "'",
  '"': '"',
  a: '\x07',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
};

function isHex(c: string | undefined): boolean {
  return c !== undefined && /^[0-9a-fA-F]$/.test(c);
}

/**
 * Decodes a literal body (source text between the quotes). `format` also turns `{{`/`}}`
 * into single braces. Line terminators in the source are normalised to `\n` first, as CPython
 * does when reading source. Mirrors `_PyUnicode_DecodeUnicodeEscapeInternal` / `_PyBytes_DecodeEscape`.
 */
export function decodeBody(body: string, opts: { raw: boolean; bytes: boolean; format?: boolean }): Decoded {
  const src = body.includes('\r') ? body.replace(/\r\n?/g, '\n') : body;
  let out = '';
  let error: DecodeError | null = null;
  const fail = (message: string, at: DecodeError['at']): void => {
    if (error === null) error = { message, at };
  };
  for (let i = 0; i < src.length; ) {
    const c = src[i]!;
    if (opts.format && (c === '{' || c === '}') && src[i + 1] === c) {
      out += c;
      i += 2;
      continue;
    }
    if (opts.bytes && c.charCodeAt(0) > 0x7f) {
      fail('bytes can only contain ASCII literal characters', 'start');
      out += String.fromCharCode(c.charCodeAt(0) & 0xff);
      i++;
      continue;
    }
    if (c !== '\\' || opts.raw) {
      out += c;
      i++;
      continue;
    }
    const e = src[i + 1];
    if (e === undefined) {
      out += c;
      i++;
      continue;
    }
    const simple = SIMPLE_ESCAPES[e];
    if (simple !== undefined) {
      out += simple;
      i += 2;
      continue;
    }
    if (e >= '0' && e <= '7') {
      let j = i + 1;
      let v = 0;
      while (j < src.length && j < i + 4 && src[j]! >= '0' && src[j]! <= '7') v = v * 8 + (src.charCodeAt(j++) - 48);
      out += String.fromCharCode(opts.bytes ? v & 0xff : v);
      i = j;
      continue;
    }
    const bytePos = (k: number): number => utf8Length(src.slice(0, k));
    if (e === 'x') {
      if (isHex(src[i + 2]) && isHex(src[i + 3])) {
        out += String.fromCharCode(parseInt(src.slice(i + 2, i + 4), 16));
        i += 4;
        continue;
      }
      let j = i + 2;
      while (j < i + 4 && isHex(src[j])) j++;
      if (opts.bytes) fail(`(value error) invalid \\x escape at position ${bytePos(i)}`, 'end');
      else fail(`(unicode error) 'unicodeescape' codec can't decode bytes in position ${bytePos(i)}-${bytePos(j) - 1}: truncated \\xXX escape`, 'end');
      out += src.slice(i, j);
      i = j;
      continue;
    }
    if (!opts.bytes && (e === 'u' || e === 'U')) {
      const n = e === 'u' ? 4 : 8;
      let j = i + 2;
      while (j < i + 2 + n && isHex(src[j])) j++;
      if (j < i + 2 + n) {
        fail(`(unicode error) 'unicodeescape' codec can't decode bytes in position ${bytePos(i)}-${bytePos(j) - 1}: truncated \\${e === 'u' ? 'uXXXX' : 'UXXXXXXXX'} escape`, 'end');
        out += src.slice(i, j);
        i = j;
        continue;
      }
      const cp = parseInt(src.slice(i + 2, j), 16);
      if (cp > 0x10ffff) {
        fail(`(unicode error) 'unicodeescape' codec can't decode bytes in position ${bytePos(i)}-${bytePos(j) - 1}: illegal Unicode character`, 'end');
        out += src.slice(i, j);
      } else out += String.fromCodePoint(cp);
      i = j;
      continue;
    }
    if (!opts.bytes && e === 'N') {
      const close = src[i + 2] === '{' ? src.indexOf('}', i + 3) : -1;
      const name = close > i + 3 ? src.slice(i + 3, close) : null;
      const cp = name !== null ? lookupUnicodeName(name) : undefined;
      if (cp === undefined && name !== null && /^[A-Za-z0-9 -]+$/.test(name)) {
        // FIXME: a name outside our subset of the Unicode database (unicodeNames.ts) stays verbatim.
        out += src.slice(i, close + 1);
        i = close + 1;
      } else if (cp === undefined) {
        const end = close >= 0 ? close + 1 : src[i + 2] === '{' ? src.length : i + 2;
        fail(`(unicode error) 'unicodeescape' codec can't decode bytes in position ${bytePos(i)}-${bytePos(end) - 1}: ${name === null ? 'malformed \\N character escape' : 'unknown Unicode character name'}`, 'end');
        out += src.slice(i, end);
        i = end;
      } else {
        out += String.fromCodePoint(cp);
        i = close + 1;
      }
      continue;
    }
    // Unknown escape: kept verbatim (CPython only warns).
    out += '\\' + e;
    i += 2;
  }
  return { value: out, error };
}

function lookupUnicodeName(name: string): number | undefined {
  return UNICODE_NAMES.get(name.toUpperCase());
}

export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** Byte string (one char per byte) to bytes. */
export function latin1ToBytes(s: string): Uint8Array {
  const b = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) b[i] = s.charCodeAt(i) & 0xff;
  return b;
}
