// The worker thread entry (bundled to out/worker.js): receives one program from
// src/interpreter/host.ts, runs it with runProgram, streams stdout, posts the result.
// One program per worker, so engine state (print options, np.random, the array budget)
// starts fresh.

import { parentPort } from 'node:worker_threads';
import { runProgram } from './interpreter/run';
import { makeArrayReclaimer } from './interpreter/reclaim';
import type { FromWorker, ToWorker } from './interpreter/host';

const port = parentPort;
if (!port) throw new Error('src/worker.ts must run in a worker thread');

port.once('message', (msg: ToWorker) => {
  if (msg.type !== 'run') return;
  const send = (m: FromWorker) => port.postMessage(m);
  const result = runProgram(msg.source, {
    ...msg.options,
    filename: msg.filename,
    cancelFlag: new Int32Array(msg.cancel),
    onStdout: msg.stream ? (chunk) => send({ type: 'stdout', chunk }) : undefined,
    onStart: () => send({ type: 'started' }),
    // lets the live-array budget (limits.maxLiveArrayBytes) reclaim dropped arrays mid-run
    reclaimArrays: makeArrayReclaimer() ?? undefined,
  });
  send({ type: 'result', result });
});
