// Which Python expressions Shape Lens will send to a paused program: a name followed by
// attribute reads and subscripts with literal or name indices (`x`, `model.fc.weight`,
// `batch[0, :, ::2]`, `d['images']`, `xs[i]`). No calls, operators, assignments, lambdas or
// comprehensions, so evaluating one reads state and changes none (bar a user property that
// writes when read, which the Variables view would run too). Pure: no `vscode`.

const KEYWORDS = new Set([
  'False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class', 'continue', 'def', 'del', 'elif', 'else',
  'except', 'finally', 'for', 'from', 'global', 'if', 'import', 'in', 'is', 'lambda', 'nonlocal', 'not', 'or', 'pass', 'raise',
  'return', 'try', 'while', 'with', 'yield',
]);

export const MAX_EXPRESSION_LENGTH = 200;

export function isPythonKeyword(word: string): boolean {
  return KEYWORDS.has(word);
}

/** A Python identifier as the tokenizer accepts it (ASCII letters/digits/underscore, or any non-ASCII letter). */
export function isIdentifier(s: string): boolean {
  return /^[\p{L}_][\p{L}\p{N}_]*$/u.test(s) && !KEYWORDS.has(s);
}

class Reader {
  i = 0;
  constructor(readonly s: string) {}
  ws(): void { while (this.i < this.s.length && (this.s[this.i] === ' ' || this.s[this.i] === '\t')) this.i++; }
  peek(): string { return this.s[this.i] ?? ''; }
  eat(c: string): boolean { this.ws(); if (this.s.startsWith(c, this.i)) { this.i += c.length; return true; } return false; }
  ident(): string | undefined {
    this.ws();
    const m = /^[\p{L}_][\p{L}\p{N}_]*/u.exec(this.s.slice(this.i));
    if (!m || KEYWORDS.has(m[0])) return undefined;
    this.i += m[0].length;
    return m[0];
  }
  int(): boolean {
    this.ws();
    const m = /^-?\s*\d[\d_]*/.exec(this.s.slice(this.i));
    if (!m) return false;
    this.i += m[0].length;
    return true;
  }
  str(): boolean {
    this.ws();
    const m = /^(?:'[^'\\\n]*'|"[^"\\\n]*")/.exec(this.s.slice(this.i));
    if (!m) return false;
    this.i += m[0].length;
    return true;
  }
}

/** One subscript item: an int, a string, a name, `None`, `...`, or a slice of ints/names. */
function item(r: Reader): boolean {
  if (r.eat('...')) return true;
  if (r.str()) return true;
  const bound = (): boolean => r.int() || r.ident() !== undefined || r.eat('None');
  const had = bound();
  r.ws();
  if (r.peek() !== ':') return had;
  r.i++;
  r.ws();
  if (r.peek() !== ':' && r.peek() !== ',' && r.peek() !== ']') { if (!bound()) return false; r.ws(); }
  if (r.peek() === ':') {
    r.i++;
    r.ws();
    if (r.peek() !== ',' && r.peek() !== ']' && !bound()) return false;
  }
  return true;
}

/**
 * `undefined` when `expr` is a read-only expression Shape Lens may evaluate, else the reason.
 *
 *   readOnlyProblem('model.fc.weight[0, :3]') → undefined
 *   readOnlyProblem('x.numpy()') → 'only names, attributes and subscripts are evaluated (no calls or operators): x.numpy()'
 */
export function readOnlyProblem(expr: string): string | undefined {
  const s = expr.trim();
  if (s === '') return 'empty expression';
  if (s.length > MAX_EXPRESSION_LENGTH) return `expression longer than ${MAX_EXPRESSION_LENGTH} characters`;
  const bad = `only names, attributes and subscripts are evaluated (no calls or operators): ${s}`;
  const r = new Reader(s);
  if (r.ident() === undefined) return bad;
  for (;;) {
    r.ws();
    if (r.i >= s.length) return undefined;
    if (r.eat('.')) {
      if (r.ident() === undefined) return bad;
    } else if (r.eat('[')) {
      if (!item(r)) return bad;
      while (r.eat(',')) {
        r.ws();
        if (r.peek() === ']') break;
        if (!item(r)) return bad;
      }
      if (!r.eat(']')) return bad;
    } else {
      return bad;
    }
  }
}
