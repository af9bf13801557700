// What every inspector view gets from the app: the array's metadata and data access, its
// persisted settings, and the status line. Views own their DOM subtree and nothing else.

import type { ColormapName } from './colormap';
import type { ArrayData } from './data';
import type { HostBridge } from './host';
import type { ArrayMeta, SummaryOp } from './protocol';
import type { SliceState } from './slicing';

export interface HeatmapSettings {
  cmap: ColormapName;
  /** clipping; null = the data's own range */
  vmin: number | null;
  vmax: number | null;
}

export type BatchLayout = 'NCHW' | 'NHWC' | 'NHW' | 'NF' | 'NF-square';

export interface ViewSettings {
  slice?: SliceState;
  heatmap?: HeatmapSettings;
  image?: { layout: 'HWC' | 'CHW' | 'HW'; order: 'RGB' | 'BGR' };
  batch?: { layout: BatchLayout; start: number; perSample: boolean; channel: number };
  summary?: { axis: number; op: SummaryOp };
}

export interface ViewContext {
  readonly meta: ArrayMeta;
  readonly data: ArrayData;
  readonly host: HostBridge;
  readonly settings: ViewSettings;
  /** persist `settings` (getState/setState) */
  save(): void;
  /** the status line under the view (hovered value, copy results) */
  status(text: string): void;
  /** called by a view once its first complete picture is on screen */
  painted(view: string): void;
}

export interface View {
  readonly root: HTMLElement;
  dispose(): void;
}
