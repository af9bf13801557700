// Where the inspector's values come from: an `ArraySource` answers the header facts at once and
// blocks, statistics and per-axis summaries asynchronously. `LocalArraySource` (inspectorData.ts)
// wraps an engine NDArray (a scratch evaluation) — synchronous work behind the same promises;
// the debugger's `RemoteArraySource` (debug/remoteSource.ts) reads each block from the paused
// program on request. InspectorSession speaks only this interface. Types only: no code, no `vscode`.
import type { ArrayMeta, ErrorMessage, AxisSummaryMessage, SliceSpec, StatsMessage, SummaryOp, ValueArray, ValueType } from '../../webview/protocol';

/** The header facts of an array: what `x.dtype`, `x.shape`, `x.strides` (bytes), `x.flags` say —
 * the inspector header's own fields. */
export type SourceInfo = Pick<ArrayMeta, 'dtype' | 'shape' | 'strides' | 'itemsize' | 'nbytes' | 'contiguous'>;

export interface SourceBlock {
  readonly shape: number[];
  readonly valueType: ValueType;
  readonly values: ValueArray;
}

export interface ArraySource {
  readonly info: SourceInfo;
  /** The values of `x[slice]` in C order; `slice` already fits the shape and the host's limit. */
  readBlock(slice: SliceSpec): Promise<SourceBlock>;
  /** Statistics of the array (or of a strided sample of at most `limit` values, flagged). */
  stats(id: string, requestId: number, limit: number, bins: number): Promise<StatsMessage>;
  /** `name.op(axis=axis)`, capped at `limit` values, or a plain error. */
  axisSummary(name: string, id: string, requestId: number, axis: number, op: SummaryOp, limit: number): Promise<AxisSummaryMessage | ErrorMessage>;
  /** Why answers can no longer be trusted (the program resumed, the session ended); undefined while they can. */
  staleReason?(): string | undefined;
  /** The panel no longer shows the array: requests not yet sent are dropped. */
  close?(): void;
}
