// CPython 3.11's checks of an f-string literal's fields, done on the literal's text (3.11
// tokenizes an f-string as one string and parses its fields afterwards): unmatched braces
// and brackets, empty fields, bad conversions, backslashes and comments in fields.
// It does not parse the field expressions (lezer does) and reports only the first problem.

/** The first problem CPython 3.11's f-string parser reports for a literal's text, if a simple one. */
export function fstringProblem(raw: string): string | null {
  const q = raw.search(/['"]/);
  if (q < 0) return null;
  const quote = raw.startsWith(raw[q]!.repeat(3), q) ? raw[q]!.repeat(3) : raw[q]!;
  const body = raw.slice(q + quote.length, raw.endsWith(quote) && raw.length >= q + 2 * quote.length ? raw.length - quote.length : raw.length);
  return scanFields(body, 0);
}

/** Checks the literal text and replacement fields of `body` (a format spec when `nesting` > 0). */
function scanFields(body: string, nesting: number): string | null {
  let i = 0;
  while (i < body.length) {
    const c = body[i]!;
    if (c === '}') {
      if (body[i + 1] === '}' && nesting === 0) {
        i += 2;
        continue;
      }
      return "f-string: single '}' is not allowed";
    }
    if (c !== '{') {
      i++;
      continue;
    }
    if (body[i + 1] === '{' && nesting === 0) {
      i += 2;
      continue;
    }
    if (nesting >= 2) return 'f-string: expressions nested too deeply';
    const problem = scanField(body, i + 1, nesting);
    if (typeof problem === 'string') return problem;
    i = problem + 1;
  }
  return null;
}

/** One field starting after its `{` at `j`: the index of its closing `}`, or a problem. */
function scanField(body: string, j: number, nesting: number): number | string {
  while (body[j] === ' ') j++;
  if (j >= body.length) return "f-string: expecting '}'";
  if ('}!:='.includes(body[j]!) && !(body[j] === '!' && body[j + 1] === '=')) return 'f-string: empty expression not allowed';
  const stack: string[] = [];
  let conv = -1;
  for (let k = j; k < body.length; k++) {
    const ch = body[k]!;
    if (ch === "'" || ch === '"') {
      const close = body.indexOf(ch, k + 1);
      if (close < 0) break;
      k = close;
    } else if (ch === '\\') return 'f-string expression part cannot include a backslash';
    else if (ch === '(' || ch === '[' || ch === '{') stack.push(ch);
    else if (ch === ')' || ch === ']' || (ch === '}' && stack.length > 0)) {
      const top = stack.pop();
      if (top === undefined) return `f-string: unmatched '${ch}'`;
      if (top !== { ')': '(', ']': '[', '}': '{' }[ch]) return `f-string: closing parenthesis '${ch}' does not match opening parenthesis '${top}'`;
    } else if (stack.length > 0) continue;
    else if (ch === '}' || ch === ':') {
      if (conv >= 0 && !/^[sra]\s*$/.test(body.slice(conv + 1, k))) return "f-string: invalid conversion character: expected 's', 'r', or 'a'";
      if (ch === '}') return k;
      // Format spec up to the field's closing brace, with its own (nested) fields.
      let d = 0;
      let m = k + 1;
      for (; m < body.length; m++) {
        if (body[m] === '{') d++;
        else if (body[m] === '}') {
          if (d === 0) break;
          d--;
        }
      }
      if (m >= body.length) return "f-string: expecting '}'";
      const inner = scanFields(body.slice(k + 1, m), nesting + 1);
      return inner ?? m;
    } else if (ch === '#') return "f-string expression part cannot include '#'";
    else if (ch === '!' && body[k + 1] !== '=' && conv < 0) conv = k;
    else if (ch === '=' && !'=!<>:'.includes(body[k - 1] ?? '') && body[k + 1] !== '=') {
      // Self-documenting `{x=}`: only a conversion, a spec or the end may follow.
      let n = k + 1;
      while (body[n] === ' ') n++;
      if (!'!:}'.includes(body[n] ?? '')) return "f-string: expecting '}'";
    }
  }
  return stack.length > 0 ? `f-string: unmatched '${stack[stack.length - 1]}'` : "f-string: expecting '}'";
}
