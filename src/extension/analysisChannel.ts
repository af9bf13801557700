// The host's end of the analysis worker (analysisWorker.ts): starts it on the first request,
// numbers requests and matches the answers, and starts a new worker after one is lost (the
// new one knows no programs: `generation` tells analyses.ts to send them again). Where no
// worker thread can be started, the same LanguageService runs in the host's thread.
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { LanguageReply, LanguageRequest, WorkerReply, WorkerRequest } from './languageProtocol';
import type { LanguageService } from './languageService';

const MAX_LOSSES = 3;

interface Waiting {
  resolve(r: LanguageReply<unknown>): void;
  reject(e: Error): void;
}

export class AnalysisChannel {
  private worker: Worker | undefined;
  private inProcess: LanguageService | undefined;
  private nextId = 1;
  private readonly waiting = new Map<number, Waiting>();
  /** bumped whenever a new worker (or the in-process service) starts empty */
  generation = 0;
  private disposed = false;
  /** workers lost so far: after a few, the service runs in the host instead of crashing again */
  private losses = 0;
  private lastLoss: string | undefined;

  /** Where the analysis runs now, and what went wrong (for the stats command and the tests). */
  state(): { thread: 'worker' | 'host' | 'none'; losses: number; lastLoss?: string } {
    return { thread: this.worker ? 'worker' : this.inProcess ? 'host' : 'none', losses: this.losses, lastLoss: this.lastLoss };
  }

  constructor(private readonly workerFile = path.join(__dirname, 'analysisWorker.js')) {}

  /** The generation that the next message will reach (starting a worker if none runs). */
  current(): number {
    this.start();
    return this.generation;
  }

  /** Sends a request whose answer nobody waits for (a sync: the worker sees it before any later request). */
  send(req: LanguageRequest): void {
    this.start();
    if (this.worker) this.worker.postMessage({ id: 0, req } satisfies WorkerRequest);
    else this.inProcess?.handle(req);
  }

  request<T>(req: LanguageRequest): Promise<LanguageReply<T | null>> {
    this.start();
    if (this.disposed) return Promise.reject(new Error('Shape Lens analysis has stopped'));
    if (!this.worker) {
      const service = this.inProcess!;
      return Promise.resolve().then(() => service.handle(req) as LanguageReply<T | null>);
    }
    const id = this.nextId++;
    this.worker.postMessage({ id, req } satisfies WorkerRequest);
    return new Promise((resolve, reject) => this.waiting.set(id, { resolve: resolve as Waiting['resolve'], reject }));
  }

  private start(): void {
    if (this.worker || this.inProcess || this.disposed) return;
    this.generation++;
    let w: Worker;
    try {
      if (this.losses >= MAX_LOSSES) throw new Error(`${this.losses} analysis workers lost`);
      w = new Worker(this.workerFile, { name: 'shape-lens-analysis' });
    } catch (err) {
      console.log(`[shape-lens] no analysis worker (${String(err)}); analysing in the extension host`);
      this.lastLoss = String(err);
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { LanguageService: Service } = require(this.workerFile) as typeof import('./analysisWorker');
      this.inProcess = new Service();
      return;
    }
    // the editor's exit must not wait for it
    w.unref();
    w.on('message', (m: WorkerReply) => {
      const wait = this.waiting.get(m.id);
      if (!wait) return;
      this.waiting.delete(m.id);
      if (m.ok) wait.resolve(m.reply);
      else wait.reject(new Error(m.error));
    });
    w.on('error', (err) => this.lost(w, err));
    w.on('exit', (code) => this.lost(w, new Error(`the analysis worker exited (code ${code})`)));
    this.worker = w;
  }

  /** The worker died: its requests fail, the next request starts a new one. */
  private lost(w: Worker, err: Error): void {
    if (this.worker !== w) return;
    this.worker = undefined;
    this.losses++;
    this.lastLoss = err.message;
    if (!this.disposed) console.log(`[shape-lens] analysis worker lost: ${err.message}`);
    for (const wait of this.waiting.values()) wait.reject(err);
    this.waiting.clear();
  }

  dispose(): void {
    this.disposed = true;
    const w = this.worker;
    this.worker = undefined;
    for (const wait of this.waiting.values()) wait.reject(new Error('Shape Lens analysis has stopped'));
    this.waiting.clear();
    void w?.terminate();
  }
}
