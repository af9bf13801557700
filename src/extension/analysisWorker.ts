// The analysis worker thread (bundled as out/analysisWorker.js): answers languageProtocol.ts's
// requests with a LanguageService, one at a time in the order they came, so a `sync` is always
// seen before the request that follows it. An exception answers that request with its text
// and leaves the worker running. Loaded in the host's own thread instead (parentPort null) it
// only exports the service: analyses.ts falls back to that when it cannot start a worker.
// Once, after its first analysis and a pause in the requests, it warms its typing path
// (typingWarmup.ts) a step per task, stepping aside while requests come.
import { parentPort } from 'node:worker_threads';
import { LanguageService } from './languageService';
import type { WorkerReply, WorkerRequest } from './languageProtocol';
import { IdleWarmup, typingWarmup } from './typingWarmup';

export { LanguageService };

if (parentPort) {
  const port = parentPort;
  const service = new LanguageService();
  const warmup = new IdleWarmup(typingWarmup);
  port.on('message', ({ id, req }: WorkerRequest) => {
    warmup.noteRequest(req);
    let reply: WorkerReply;
    try {
      reply = { id, ok: true, reply: service.handle(req) };
    } catch (err) {
      reply = { id, ok: false, error: err instanceof Error ? `${err.message}\n${err.stack ?? ''}` : String(err) };
    }
    // a sync carries no answer worth the trip (id 0)
    if (id !== 0) port.postMessage(reply);
  });
}
