// Which names on the visible lines of a paused frame may be arrays worth an inline shape: a
// small line lexer (strings, comments, brackets, continuation lines) and an indentation-based
// idea of scopes, so a stop inside `def step()` looks only at `step`'s lines and a stop at
// module level skips function bodies. It never evaluates anything and knows no debug adapter:
// it names candidates; the caller asks the program which of them are arrays. Pure: no `vscode`.
import { isPythonKeyword } from './readOnlyExpression';

/** Builtins and common module aliases that are never arrays (saves one request each). */
const NEVER_ARRAYS = new Set([
  'print', 'range', 'len', 'enumerate', 'zip', 'list', 'dict', 'tuple', 'set', 'int', 'float', 'str', 'bool', 'type', 'isinstance',
  'min', 'max', 'sum', 'abs', 'round', 'map', 'filter', 'sorted', 'reversed', 'open', 'super', 'self', 'cls', 'object',
  'np', 'numpy', 'torch', 'nn', 'F', 'optim', 'math', 'os', 'sys', 'plt', 'random',
]);

export interface NameAt {
  readonly name: string;
  /** 0-based line and column of the name's first character */
  readonly line: number;
  readonly column: number;
}

interface LineInfo {
  /** this line starts a logical line (not inside brackets, a string or after a backslash) */
  startsLogical: boolean;
  indent: number;
  blank: boolean;
  names: NameAt[];
  header: 'def' | 'class' | undefined;
}

/** Lexes `lines[0..last]` (enough to know the string and bracket state at each line). */
function lex(lines: readonly string[], last: number): LineInfo[] {
  const out: LineInfo[] = [];
  let depth = 0;
  let triple: string | undefined; // the open triple quote, across lines
  let continued = false;
  for (let ln = 0; ln <= last && ln < lines.length; ln++) {
    const s = lines[ln];
    const startsLogical = depth === 0 && triple === undefined && !continued;
    const indent = /^[ \t]*/.exec(s)![0].replace(/\t/g, '        ').length;
    const trimmed = s.trim();
    const info: LineInfo = {
      startsLogical, indent, blank: trimmed === '' || trimmed.startsWith('#'), names: [],
      header: startsLogical ? (/^(async\s+)?def\s/.test(trimmed) ? 'def' : /^class\s/.test(trimmed) ? 'class' : undefined) : undefined,
    };
    const skipLine = startsLogical && /^(import|from)\s/.test(trimmed);
    continued = false;
    let i = 0;
    while (i < s.length) {
      if (triple !== undefined) {
        const end = s.indexOf(triple, i);
        if (end < 0) { i = s.length; break; }
        i = end + 3;
        triple = undefined;
        continue;
      }
      const c = s[i];
      if (c === '#') break;
      const str = /^([rRbBuUfF]{0,2})('''|"""|'|")/.exec(s.slice(i));
      if (str && (str[1] === '' || !/[\p{L}\p{N}_]/u.test(s[i - 1] ?? ''))) {
        const q = str[2];
        i += str[0].length;
        if (q.length === 3) { triple = q; continue; }
        while (i < s.length && s[i] !== q) i += s[i] === '\\' ? 2 : 1;
        i++;
        continue;
      }
      const id = /^[\p{L}_][\p{L}\p{N}_]*/u.exec(s.slice(i));
      if (id) {
        const name = id[0];
        const before = s.slice(0, i).trimEnd();
        const after = s.slice(i + name.length).trimStart();
        const isCall = after.startsWith('(');
        const isAttr = before.endsWith('.') || before.endsWith('@');
        const isKwarg = depth > 0 && after.startsWith('=') && !after.startsWith('==');
        if (!skipLine && !isCall && !isAttr && !isKwarg && !isPythonKeyword(name) && !NEVER_ARRAYS.has(name) && !/^\d/.test(name)) {
          info.names.push({ name, line: ln, column: i });
        }
        i += name.length;
        continue;
      }
      if (c === '(' || c === '[' || c === '{') depth++;
      else if (c === ')' || c === ']' || c === '}') depth = Math.max(0, depth - 1);
      else if (c === '\\' && i === s.length - 1) continued = true;
      i++;
    }
    out.push(info);
  }
  return out;
}

/** For each lexed line, the line of the `def`/`class` whose body holds it (-1: module level). */
function owners(info: readonly LineInfo[]): { owner: number[]; header: number[] } {
  const owner = new Array<number>(info.length).fill(-1);
  const header = new Array<number>(info.length).fill(-1);
  const stack: { indent: number; line: number }[] = [];
  let current = -1;
  for (let ln = 0; ln < info.length; ln++) {
    const l = info[ln];
    if (l.startsLogical && !l.blank) {
      while (stack.length && stack[stack.length - 1].indent >= l.indent) stack.pop();
      current = stack.length ? stack[stack.length - 1].line : -1;
      owner[ln] = current;
      if (l.header) { stack.push({ indent: l.indent, line: ln }); header[ln] = ln; }
    } else {
      owner[ln] = current;
      // a def's parameters on its continuation lines belong to the def
      if (ln > 0 && header[ln - 1] >= 0 && !l.startsLogical) header[ln] = header[ln - 1];
    }
  }
  return { owner, header };
}

/**
 * The names that may hold arrays in the frame stopped at `stoppedLine`, on lines
 * `fromLine..toLine` (0-based, inclusive) of that frame's scope, at most `max` distinct names
 * (the ones nearest the stop first), with every occurrence of those names.
 *
 *   frameNames(['def step(x):', '    y = x @ W', '    return y'], 2, 0, 2) → names x, y, W (from `step`'s lines)
 */
export function frameNames(lines: readonly string[], stoppedLine: number, fromLine: number, toLine: number, max = 30): { names: string[]; occurrences: NameAt[] } {
  const last = Math.min(lines.length - 1, Math.max(toLine, stoppedLine));
  const info = lex(lines, last);
  const { owner, header } = owners(info);
  const frame = stoppedLine < info.length ? owner[stoppedLine] : -1;
  const occurrences: NameAt[] = [];
  for (let ln = Math.max(0, fromLine); ln <= Math.min(toLine, last); ln++) {
    // a def line's names are its parameters: they belong to the def's frame, not the enclosing one
    const inFrame = header[ln] >= 0 ? header[ln] === frame : owner[ln] === frame;
    if (inFrame) occurrences.push(...info[ln].names);
  }
  const order = [...occurrences].sort((a, b) => Math.abs(a.line - stoppedLine) - Math.abs(b.line - stoppedLine));
  const names: string[] = [];
  for (const o of order) {
    if (names.length >= max) break;
    if (!names.includes(o.name)) names.push(o.name);
  }
  return { names, occurrences: occurrences.filter((o) => names.includes(o.name)) };
}
