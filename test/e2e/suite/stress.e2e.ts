// Stress in the real editor: a 500-line NumPy/torch program typed into an editor with hints
// on: its first 30 lines character by character, the other 470 word by word (a run of spaces
// or a newline with the indentation, then the next whitespace-free chunk: `np.zeros((2,`),
// ~2,550 separate document changes. Character by character all through (13,900 edits) or
// token by token (7,100) does not fit the harness's 8 minutes under code-server, where one
// edit's round trip is ~70 ms on the shared test machine. The editor asks for hints and the
// extension schedules diagnostics after each edit, and the test also asks for the visible
// lines' hints at every line end, as a visible editor does. At the end the hints and
// diagnostics must equal those of a fresh document with the same text, no hint request may
// have failed, and nothing may have reached console.error/warn, uncaughtException or
// unhandledRejection in the extension host. The host's event-loop lag (setInterval drift
// sampled every 10 ms) is recorded as a measurement, not asserted; the benchmark also runs a
// control (the same typing with Shape Lens switched off) for the lag the editor has by itself.
import * as vscode from 'vscode';
import * as assert from 'node:assert/strict';
import { PerformanceObserver } from 'node:perf_hooks';
import { describe, it } from './mocha';
import { hintLines, inlayHints, measurements, ours, waitFor, workspaceUri } from './helpers';
import { stressProgram, typingUnits } from '../../reliability/stressProgram';

/** Stop typing (and fail, with the count reached) before the harness's 8-minute limit. */
const TYPING_BUDGET_MS = 6 * 60_000;

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? 0;
}

interface TypingRun {
  doc: vscode.TextDocument;
  uri: vscode.Uri;
  typed: number;
  problems: string[];
  /** reads the extension's stats (also done every 40 edits while typing) */
  readStats(): Promise<void>;
  analysisThread(): { thread: string; losses: number; lastLoss?: string } | undefined;
}

/**
 * Types `program` into a new file edit by edit, asking for hints at every line end, and
 * records into `measurements[name]` the typing time, the extension host's event-loop lag
 * (with each stall over 40 ms and each GC over 20 ms) and the extension's analysis times.
 */
async function typeProgram(name: string, file: string, program: string): Promise<TypingRun> {
  const tokens = typingUnits(program);
  assert.equal(tokens.join(''), program);
  // a file, not an untitled document: untitled ones also run VS Code's language detection
  const uri = workspaceUri(file);
  await vscode.workspace.fs.writeFile(uri, new Uint8Array());
  const doc = await vscode.workspace.openTextDocument(uri);
  const ed = await vscode.window.showTextDocument(doc);

  // what must stay silent while typing
  const problems: string[] = [];
  const origError = console.error, origWarn = console.warn;
  console.error = (...a: unknown[]) => { problems.push(`console.error: ${a.map(String).join(' ').slice(0, 300)}`); origError(...a); };
  console.warn = (...a: unknown[]) => { problems.push(`console.warn: ${a.map(String).join(' ').slice(0, 300)}`); origWarn(...a); };
  const onUncaught = (e: unknown) => problems.push(`uncaught: ${String(e)}`);
  process.on('uncaughtException', onUncaught);
  process.on('unhandledRejection', onUncaught);

  // event-loop lag: how late each 10 ms tick fires; first 5 s idle (the machine's baseline)
  const idle: number[] = [];
  {
    let due = performance.now() + 10;
    const idleSampler = setInterval(() => { const now = performance.now(); idle.push(Math.max(0, now - due)); due = now + 10; }, 10);
    await new Promise((r) => setTimeout(r, 5000));
    clearInterval(idleSampler);
  }
  const t0 = performance.now();
  const lags: number[] = [];
  // what the long stalls were: each lag over 40 ms, and each garbage collection over 20 ms,
  // with its time since typing began (the same clock: this test runs in the extension host)
  const spikes: { at: number; ms: number }[] = [];
  const gcs: { at: number; ms: number; kind: number }[] = [];
  const gcObserver = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (e.duration > 20) gcs.push({ at: Math.round(e.startTime - t0), ms: Math.round(e.duration), kind: ((e as { detail?: { kind?: number } }).detail)?.kind ?? -1 });
    }
  });
  gcObserver.observe({ entryTypes: ['gc'] });
  let expected = performance.now() + 10;
  const sampler = setInterval(() => {
    const now = performance.now();
    const lag = Math.max(0, now - expected);
    lags.push(lag);
    if (lag > 40) spikes.push({ at: Math.round(now - lag - t0), ms: Math.round(lag) });
    expected = now + 10;
  }, 10);

  let hintRequests = 0;
  let typed = 0;
  // the extension keeps its last 50 analysis durations: read them often enough to see each
  const analysisMs: number[] = [];
  let languageLoad: { at: number; ms: number } | undefined;
  let analysisThread: { thread: string; losses: number; lastLoss?: string } | undefined;
  const readStats = async () => {
    const st = await vscode.commands.executeCommand<{ analysisMs: number[]; languageLoad?: { at: number; ms: number }; analysisThread?: typeof analysisThread }>('shapeLens._stats');
    analysisMs.push(Math.max(0, ...(st?.analysisMs ?? [])));
    if (st?.languageLoad) languageLoad = { at: Math.round(st.languageLoad.at - t0), ms: Math.round(st.languageLoad.ms) };
    analysisThread = st?.analysisThread;
  };
  const report = () => {
    const typingMs = performance.now() - t0;
    measurements[name] = {
      lines: program.split('\n').length - 1, chars: program.length, charEdits: Math.min(typed, tokens.findIndex((t) => t.length > 1)), edits: typed, of: tokens.length, hintRequests,
      typingMs: Math.round(typingMs), msPerEdit: Math.round((typingMs / Math.max(1, typed)) * 100) / 100,
      analysisMsMax: Math.round(Math.max(0, ...analysisMs)),
      idleLagMs: { p95: Math.round(percentile(idle, 0.95)), max: Math.round(Math.max(0, ...idle)) },
      eventLoopLagMs: { p50: Math.round(percentile(lags, 0.5)), p95: Math.round(percentile(lags, 0.95)), p99: Math.round(percentile(lags, 0.99)), max: Math.round(Math.max(0, ...lags)), samples: lags.length },
      lagSpikes: spikes, gcOver20Ms: gcs, languageLoad, analysisThread,
      heapUsedMb: Math.round(process.memoryUsage().heapUsed / 2 ** 20),
    };
  };
  try {
    let line = 0, col = 0;
    for (const tok of tokens) {
      const ok = await ed.edit((e) => e.insert(new vscode.Position(line, col), tok), { undoStopBefore: false, undoStopAfter: false });
      assert.ok(ok, `edit refused at ${line}:${col}`);
      typed++;
      const nl = tok.lastIndexOf('\n');
      if (nl >= 0) {
        line += tok.split('\n').length - 1;
        col = tok.length - nl - 1;
        // a visible editor asks for the hints of what it shows after edits; ask for them at every
        // line end too (the whole file's are compared at the end)
        const shown = ed.visibleRanges[0] ?? new vscode.Range(Math.max(0, line - 40), 0, line + 1, 0);
        await inlayHints(doc, new vscode.Range(shown.start.line, 0, shown.end.line + 1, 0)).then(() => { hintRequests++; }, (e) => problems.push(`inlay hints failed at line ${line}: ${String(e)}`));
      } else col += tok.length;
      if (typed % 40 === 0) await readStats();
      if (performance.now() - t0 > TYPING_BUDGET_MS) break;
    }
  } finally {
    report();
    clearInterval(sampler);
    gcObserver.disconnect();
    console.error = origError;
    console.warn = origWarn;
    process.off('uncaughtException', onUncaught);
    process.off('unhandledRejection', onUncaught);
  }
  assert.equal(typed, tokens.length, `typed ${typed} of ${tokens.length} edits in ${TYPING_BUDGET_MS / 60_000} min`);
  assert.equal(doc.getText(), program);
  return { doc, uri, typed, problems, readStats, analysisThread: () => analysisThread };
}

async function closeAndDelete(uri: vscode.Uri): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  await vscode.workspace.fs.delete(uri);
}

describe('stress (typing a whole program)', () => {
  it('types a 500-line program (30 lines by character, then by word) with hints on', async function () {
    this.timeout(20 * 60_000);
    await vscode.workspace.getConfiguration('shapeLens').update('hints.mode', undefined, vscode.ConfigurationTarget.Global);
    const program = stressProgram(500);
    const run = await typeProgram('stressTyping', 'stress_typed.py', program);
    const { doc, problems } = run;

    // the typed document's hints and diagnostics equal a fresh document's
    const fresh = await vscode.workspace.openTextDocument({ language: 'python', content: program });
    const want = await waitFor('fresh hints', async () => { const l = await hintLines(fresh); return l.length > 100 ? l : undefined; });
    const got = await hintLines(doc);
    assert.deepEqual(got, want);
    const diag = (d: vscode.TextDocument) => ours(d.uri).map((x) => `${x.range.start.line + 1}: ${x.message.split('\n')[0]}`);
    await waitFor('diagnostics to settle', () => JSON.stringify(diag(doc)) === JSON.stringify(diag(fresh)) || undefined);
    assert.deepEqual(problems, []);
    // the analysis ran in its worker thread all along, not on this one
    await run.readStats();
    assert.deepEqual(run.analysisThread(), { thread: 'worker', losses: 0, lastLoss: undefined });

    (measurements.stressTyping as Record<string, unknown>).hintsAtEnd = got.length;
    await closeAndDelete(run.uri);
  });
});

// The control for the lag figures, run by the benchmark (SHAPE_LENS_E2E_GREP naming `control`),
// not by `npm test`: the same typing with Shape Lens's hints and diagnostics switched off, so
// the extension analyses nothing. What lag remains is the editor's, the harness's and the
// machine's own.
if (/control/.test(process.env.SHAPE_LENS_E2E_GREP ?? '')) {
  describe('stress control (typing with Shape Lens switched off)', () => {
    it('types the same program with hints and diagnostics off', async function () {
      this.timeout(20 * 60_000);
      const config = vscode.workspace.getConfiguration('shapeLens');
      await config.update('hints.mode', 'off', vscode.ConfigurationTarget.Global);
      await config.update('diagnostics.enabled', false, vscode.ConfigurationTarget.Global);
      try {
        const run = await typeProgram('stressTypingControl', 'stress_control.py', stressProgram(500));
        assert.deepEqual(run.problems, []);
        assert.equal((await inlayHints(run.doc)).length, 0);
        await closeAndDelete(run.uri);
      } finally {
        await config.update('hints.mode', undefined, vscode.ConfigurationTarget.Global);
        await config.update('diagnostics.enabled', undefined, vscode.ConfigurationTarget.Global);
      }
    });
  });
}
