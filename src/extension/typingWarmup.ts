// Warms the analysis worker's typing path before the user types. A new worker's first dozens of
// keystrokes run the parser's and the analyzer's incremental paths in V8's unoptimised tiers: on
// the e2e's 1,000-line file the worker took 2-10 ms a keystroke for the first ~22 (then ~0.4 ms),
// and V8's background compiles of those paths took CPU from the editor's renderer, so hints came
// 10-20 ms later than in steady typing. When the worker has been idle a while after its first
// analysis, it replays a few typing edits on a private copy of the start of the user's program,
// one edit per task so real requests go first: the same code paths, then optimised, on code
// like the user's. The user's own programs are never touched.
import { LanguageService } from './languageService';
import type { LanguageRequest } from './languageProtocol';
import type { TextEdit } from '../python/parse';

/** Lines of the user's program copied for the warm-up (cut back to a top-level statement). */
const SAMPLE_LINES = 200;
/** Edits replayed: about what a fresh worker needed before its keystrokes settled. */
export const WARMUP_EDITS = 48;

const KEY = 'shape-lens-typing-warmup';

/**
 * The first `SAMPLE_LINES` lines of `text`, ended before the last line that starts a top-level
 * statement (no indent, not a comment or a closing bracket), so the sample parses as the
 * program's own start does; undefined when that leaves no number literal to type into.
 */
export function warmupSample(text: string): string | undefined {
  const lines = text.split('\n', SAMPLE_LINES + 1);
  let end = lines.length > SAMPLE_LINES ? SAMPLE_LINES : lines.length;
  if (lines.length > SAMPLE_LINES) while (end > 0 && !/^[A-Za-z_@]/.test(lines[end])) end--;
  const sample = lines.slice(0, end).join('\n') + '\n';
  return lastDigitBefore(sample, sample.length) >= 0 ? sample : undefined;
}

/**
 * The warm-up as steps: each runs one keystroke's work (an edit, the hints around it, the
 * diagnostics) in a service of its own, on `warmupSample(text)`.
 */
export function* typingWarmup(text: string): Generator<void, void, void> {
  const sample = warmupSample(text);
  if (!sample) return;
  const service = new LanguageService();
  service.handle({ op: 'sync', key: KEY, version: 1, text: sample });
  service.handle({ op: 'diagnostics', key: KEY });
  yield;
  let current = sample, version = 1;
  for (const edit of warmupEdits(sample)) {
    current = current.slice(0, edit.from) + edit.insert + current.slice(edit.to);
    service.handle({ op: 'edit', key: KEY, version: ++version, edits: [edit], length: current.length });
    service.handle({ op: 'hints', key: KEY, from: Math.max(0, edit.from - 4000), to: current.length, mode: 'all' });
    service.handle({ op: 'diagnostics', key: KEY });
    yield;
  }
}

/**
 * The keystrokes: a digit typed after the last number literal of the sample (the end of a file,
 * where most typing happens) and deleted, twice, then the same after the last number literal
 * before its middle (which re-runs the statements below), and so on: the sample is itself again
 * after every second edit.
 */
export function warmupEdits(sample: string): TextEdit[] {
  const last = lastDigitBefore(sample, sample.length);
  const middle = lastDigitBefore(sample, sample.length >> 1);
  const edits: TextEdit[] = [];
  for (let k = 0; k < WARMUP_EDITS; k++) {
    const at = ((k >> 1) % 2 === 0 || middle < 0 ? last : middle) + 1;
    edits.push(k % 2 === 0 ? { from: at, to: at, insert: String(k % 10) } : { from: at, to: at + 1, insert: '' });
  }
  return edits;
}

/** The last digit before `end` that ends a number literal (not in a name like `W0`). */
function lastDigitBefore(text: string, end: number): number {
  for (let i = end - 1; i >= 0; i--) {
    if (!isDigit(text.charCodeAt(i)) || isWord(text.charCodeAt(i + 1))) continue;
    let start = i;
    while (start > 0 && isDigit(text.charCodeAt(start - 1))) start--;
    const before = text.charCodeAt(start - 1);
    if (!isWord(before) && before !== 46 /* . */) return i;
    i = start;
  }
  return -1;
}

const isDigit = (c: number) => c >= 48 && c <= 57;
const isWord = (c: number) => isDigit(c) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;

/** Quiet time before a warm-up step: requests come in bursts while the user types or scrolls. */
export const IDLE_MS = 400;

/**
 * Runs a warm-up (`typingWarmup`) once, on the text of the last program synced before it starts,
 * a step per task, and only after an analysis and IDLE_MS without requests: each request puts
 * the next step off until the requests pause again.
 */
export class IdleWarmup {
  constructor(
    private readonly warmup: (text: string) => Iterator<void, void, void>,
    private readonly now: () => number = () => performance.now(),
  ) {}

  private text: string | undefined;
  private steps: Iterator<void, void, void> | undefined;
  private done = false;
  private lastRequest = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;

  noteRequest(req: LanguageRequest): void {
    if (this.done) return;
    this.lastRequest = this.now();
    if (req.op === 'sync' && !req.notebook) this.text = req.text;
    // an answer (hints, diagnostics, hover) means an analysis ran: the worker is in use
    const analysed = req.op === 'hints' || req.op === 'diagnostics' || req.op === 'hover';
    if (this.text !== undefined && (analysed || this.steps) && !this.timer) this.timer = setTimeout(() => this.step(), IDLE_MS);
  }

  private step(): void {
    this.timer = undefined;
    const quiet = this.now() - this.lastRequest;
    if (quiet < IDLE_MS) { this.timer = setTimeout(() => this.step(), IDLE_MS - quiet); return; }
    this.steps ??= this.warmup(this.text!);
    let finished: boolean;
    try {
      finished = this.steps.next().done === true;
    } catch (err) {
      console.log(`[shape-lens] typing warm-up stopped: ${String(err)}`);
      finished = true;
    }
    if (finished) { this.done = true; this.steps = undefined; this.text = undefined; return; }
    // a timer, not a loop: requests that came during this step are handled before the next one
    this.timer = setTimeout(() => this.step(), 0);
  }
}
