// The timing loop every JS contender goes through: warm up, calibrate a repeat count so one
// sample lasts at least `minSampleMs`, then take `runs` samples round-robin across the
// contenders of one benchmark (so drift hits them all alike) with a young-generation GC
// before each sample, outside the timed region. A figure is the median per-call time of those samples.
// It knows nothing of what is measured; bench/cases.mjs supplies the functions.

import { performance } from 'node:perf_hooks';

// A young-generation GC before each sample frees the previous samples' results (their
// buffers go back to malloc for reuse) at ~0.3 ms; a full GC would cost ~15 ms each time.
const gc = typeof globalThis.gc === 'function' ? () => globalThis.gc({ type: 'minor' }) : () => {};
const faults = () => process.resourceUsage().minorPageFault;

/** Keeps results alive until the sample ends, so an engine cannot skip dead work. */
let sink = null;

function timeOnce(fn, reps) {
  gc();
  const f0 = faults();
  const t0 = performance.now();
  for (let i = 0; i < reps; i++) sink = fn();
  const ms = (performance.now() - t0) / reps;
  sink = null;
  return { ms, faults: (faults() - f0) / reps };
}

export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/**
 * Times each contender `{ id, fn }`. Warm-up calls the function until `warmupMs` have passed
 * and at least `warmup` calls were made (one call is enough when a single call outlasts
 * `warmupMs`): JIT-compiled libraries need the time, not a fixed count. The repeat count
 * comes from the warmed-up call time. Returns `{ [id]: { ms, faults, reps, samples } }`; a
 * contender that throws is reported as `{ error }` and leaves the others untouched.
 */
export function measure(contenders, { warmup, warmupMs, runs, minSampleMs, maxReps = 20000, slowMs = Infinity, slowRuns = runs }) {
  const live = [];
  const out = {};
  for (const c of contenders) {
    try {
      const times = [];
      const t0 = performance.now();
      while (true) {
        // no GC here: thousands of calls may be needed to warm a JIT
        const s = performance.now();
        sink = c.fn();
        times.push(performance.now() - s);
        sink = null;
        const spent = performance.now() - t0;
        if (spent >= warmupMs && (times.length >= warmup || times[0] >= warmupMs)) break;
      }
      const recent = median(times.slice(-5));
      const reps = Math.max(1, Math.min(maxReps, Math.ceil(minSampleMs / Math.max(recent, 1e-4))));
      // `--quick` takes fewer samples of a contender whose one call outlasts slowMs (a naive 512² matmul)
      live.push({ ...c, reps, runs: recent > slowMs ? Math.min(runs, slowRuns) : runs, samples: [], faultSamples: [] });
    } catch (e) {
      out[c.id] = { error: String(e && e.message ? e.message : e).split('\n')[0] };
    }
  }
  for (let r = 0; r < runs; r++) {
    for (let j = 0; j < live.length; j++) {
      const c = live[(j + r) % live.length];
      if (c.error || c.samples.length >= c.runs) continue;
      try {
        const s = timeOnce(c.fn, c.reps);
        c.samples.push(s.ms);
        c.faultSamples.push(s.faults);
      } catch (e) {
        c.error = String(e && e.message ? e.message : e).split('\n')[0];
      }
    }
  }
  for (const c of live) {
    out[c.id] = c.error
      ? { error: c.error }
      : { ms: median(c.samples), faults: median(c.faultSamples), reps: c.reps, samples: c.samples };
  }
  return out;
}

/**
 * The figure a measuring child process answered (bench/numpy.mjs's Python, jsRunner.mjs's
 * "alone" node): its last line of stdout as JSON, or `{ error }` with the last line of what
 * went wrong, from a spawnSync result.
 */
export function childAnswer(r) {
  const line = (r.stdout || '').trim().split('\n').pop();
  try {
    return JSON.parse(line);
  } catch {
    return { error: (r.stderr || r.error?.message || `exit ${r.status}`).trim().split('\n').pop() };
  }
}
