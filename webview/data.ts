// The view's access to one array's values: fetches blocks (slices) from the host as binary
// chunks, decodes them, and keeps recent ones in a byte-capped LRU cache. Never asks for more
// than the host's `maxChunkElements` in one request (callers sample or tile).

import { HostBridge } from './host';
import { ArrayMeta, ChunkMessage, payloadValues, SliceSpec, sliceKey, sliceShape, StatsMessage, ValueArray } from './protocol';

export interface Block {
  readonly shape: readonly number[];
  readonly values: ValueArray;
}

const CACHE_BYTES = 96 * 1024 * 1024;

export class ArrayData {
  private readonly cache = new Map<string, Block>();
  private readonly inflight = new Map<string, Promise<Block>>();
  private bytes = 0;
  private statsReply: Promise<StatsMessage> | undefined;

  constructor(readonly meta: ArrayMeta, private readonly host: HostBridge) {}

  peek(slice: SliceSpec): Block | undefined {
    const k = sliceKey(slice);
    const b = this.cache.get(k);
    if (b) { this.cache.delete(k); this.cache.set(k, b); }
    return b;
  }

  fetch(slice: SliceSpec): Promise<Block> {
    const hit = this.peek(slice);
    if (hit) return Promise.resolve(hit);
    const k = sliceKey(slice);
    const running = this.inflight.get(k);
    if (running) return running;
    const n = sliceShape(slice).reduce((p, d) => p * d, 1);
    if (n > this.meta.maxChunkElements) {
      return Promise.reject(new Error(`internal: chunk of ${n} values over the host limit ${this.meta.maxChunkElements}`));
    }
    const p = this.host.request<ChunkMessage>((requestId) => ({ type: 'requestChunk', id: this.meta.id, requestId, slice }))
      .then((m) => {
        const block: Block = { shape: m.shape, values: payloadValues(m.data, m.valueType) };
        this.store(k, block);
        return block;
      })
      .finally(() => { this.inflight.delete(k); });
    this.inflight.set(k, p);
    return p;
  }

  /** The host's statistics of the whole array (asked once per array). */
  stats(bins: number): Promise<StatsMessage> {
    this.statsReply ??= this.host.request<StatsMessage>((requestId) => ({ type: 'requestStats', id: this.meta.id, requestId, bins }));
    this.statsReply.catch(() => { this.statsReply = undefined; });
    return this.statsReply;
  }

  private store(k: string, b: Block): void {
    this.cache.set(k, b);
    this.bytes += b.values.byteLength;
    for (const [key, old] of this.cache) {
      if (this.bytes <= CACHE_BYTES || key === k) break;
      this.cache.delete(key);
      this.bytes -= old.values.byteLength;
    }
  }
}
