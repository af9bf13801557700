// The inspector app in headless Chromium: the real bundle in the page the extension will
// serve (strict CSP with a nonce), embedded by a fake host that answers with the real
// src/extension/inspectorData.ts over engine arrays (test/webview/page/fakeHost.ts).
// Asserts on the DOM and canvas pixels; prints first-paint times (not asserted: the speed
// target belongs to the benchmark); saves screenshots to test/webview/screenshots/.

import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { lut } from '../../webview/colormap';
import { formatCell, formatFull } from '../../webview/format';
import { Harness, SCREENSHOTS, startHarness } from './harness';

let H: Harness;

beforeAll(async () => { H = await startHarness(); }, 120_000);
afterAll(async () => { await H?.close(); });

async function open(query: Record<string, string | number>, view?: string, viewport?: { width: number; height: number }): Promise<{ page: Page; frame: Frame }> {
  const r = await H.open(query, viewport);
  await r.frame.waitForSelector('#app[data-painted]');
  if (view) await showView(r.frame, view);
  return r;
}

async function showView(frame: Frame, view: string): Promise<void> {
  await frame.click(`[role=tab][data-view="${view}"]`);
  await frame.waitForSelector(`#app[data-painted="${view}"]`);
}

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
}

const text = (frame: Frame, sel: string): Promise<string> => frame.locator(sel).first().innerText();

/** The fixtures' formulas (test/webview/page/fakeHost.ts). */
const field = (i: number, j: number): number => Math.sin(i / 60) * Math.cos(j / 90) + (i + j) / 4000;

describe('heatmap', () => {
  test('first paint of a 1,000×1,000 float64 heatmap, with correct colours and hover values', async () => {
    const { page, frame } = await open({ fixture: 'big' });
    const ms = await frame.getAttribute('#app', 'data-first-paint-ms');
    console.log(`first paint, 1000×1000 float64 heatmap: ${ms} ms (open message → pixels on screen, fake host in the same page)`);
    expect(await frame.getAttribute('#app', 'data-painted')).toBe('heatmap');
    expect(await frame.getAttribute('.sl-heatmap-canvas', 'data-rows')).toBe('1000');
    expect(await frame.getAttribute('.sl-heatmap-canvas', 'data-cols')).toBe('1000');
    expect(await text(frame, '.sl-notice')).not.toContain('sample');

    // the clip range defaults to the data's range
    const vmin = Number(await frame.inputValue('input[aria-label="clip minimum"]'));
    const vmax = Number(await frame.inputValue('input[aria-label="clip maximum"]'));
    let lo = Infinity, hi = -Infinity;
    for (let i = 0; i < 1000; i++) for (let j = 0; j < 1000; j++) { const v = field(i, j); lo = Math.min(lo, v); hi = Math.max(hi, v); }
    expect(vmin).toBe(lo);
    expect(vmax).toBe(hi);

    // pixels: the viridis colour of the value under each probe (the canvas is downscaled, so allow blending)
    const map = lut('viridis');
    const probes = await frame.evaluate(() => {
      const c = document.querySelector<HTMLCanvasElement>('.sl-heatmap-canvas')!;
      const g = c.getContext('2d')!;
      const pts = [[0.1, 0.1], [0.5, 0.5], [0.3, 0.8], [0.9, 0.2], [0.75, 0.75]];
      return { w: c.width, h: c.height, px: pts.map(([fx, fy]) => { const x = Math.floor(fx * c.width), y = Math.floor(fy * c.height); return { x, y, rgb: Array.from(g.getImageData(x, y, 1, 1).data.slice(0, 3)) }; }) };
    });
    for (const p of probes.px) {
      const i = Math.floor(((p.y + 0.5) / probes.h) * 1000), j = Math.floor(((p.x + 0.5) / probes.w) * 1000);
      const k = Math.round(((field(i, j) - vmin) / (vmax - vmin)) * 255) * 3;
      const want = [map[k], map[k + 1], map[k + 2]];
      p.rgb.forEach((c, ch) => expect(Math.abs(c - want[ch]), `pixel ${p.x},${p.y} channel ${ch}`).toBeLessThanOrEqual(8));
    }

    // value on hover: the element under the pointer, in NumPy's index syntax
    const box = (await frame.locator('.sl-heatmap-canvas').boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.25, box.y + box.height * 0.5);
    const status = await text(frame, '.sl-status');
    const m = /^field\[(\d+), (\d+)\] = (.+)$/.exec(status);
    expect(m, status).not.toBeNull();
    expect(Number(m![3])).toBe(field(Number(m![1]), Number(m![2])));
    await shot(page, 'heatmap-1000x1000');

    // diverging map centred on zero, and clipping
    await frame.selectOption('select[aria-label="Colour map"]', 'coolwarm');
    const m2 = Math.max(Math.abs(lo), Math.abs(hi));
    expect(Number(await frame.inputValue('input[aria-label="clip minimum"]'))).toBe(-m2);
    await frame.fill('input[aria-label="clip maximum"]', '0.5');
    await frame.dispatchEvent('input[aria-label="clip maximum"]', 'change');
    expect(await text(frame, '.sl-notice')).toMatch(/values outside \[-?[\d.]+, 0\.5\] are clipped/);
    await shot(page, 'heatmap-coolwarm-clipped');
  });

  test('over the host limit, the heatmap is a strided sample and says so', async () => {
    const { page, frame } = await open({ fixture: 'big', max: 100000 });
    expect(await text(frame, '.sl-notice')).toContain('Showing a sample: every 4th row and column (250 × 250 of 1,000 × 1,000: field[::4, ::4])');
    expect(await frame.getAttribute('.sl-heatmap-canvas', 'data-rows')).toBe('250');
    // every request the view made stayed within the limit
    const sizes = await page.evaluate(() => window.__fakeHost.received
      .filter((m) => (m as { type: string }).type === 'requestChunk')
      .map((m) => (m as { slice: ({ start: number; stop: number; step: number } | { index: number })[] }).slice
        .reduce((p, s) => p * ('index' in s ? 1 : Math.ceil((s.stop - s.start) / s.step)), 1)));
    expect(sizes.length).toBeGreaterThan(0);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(100000);
    await showView(frame, 'stats');
    expect(await text(frame, '.sl-notice')).toContain('Computed on a strided sample of 100,000 of 1,000,000 values');
  });
});

describe('batch grid', () => {
  test('first paint of a (64, 1, 28, 28) batch grid, labelled, with an axis legend', async () => {
    const { page, frame } = await open({ fixture: 'batch' });
    const ms = await frame.getAttribute('#app', 'data-first-paint-ms');
    console.log(`first paint, (64, 1, 28, 28) float32 batch grid: ${ms} ms`);
    expect(await frame.getAttribute('#app', 'data-painted')).toBe('batch');
    expect(await frame.locator('.sl-tile').count()).toBe(64);
    const captions = await frame.locator('.sl-tile figcaption').allInnerTexts();
    expect(captions).toEqual(Array.from({ length: 64 }, (_, i) => String(i)));
    // a torch tensor: channels first
    expect(await frame.inputValue('select[aria-label="Layout"]')).toBe('NCHW');
    const legend = await text(frame, '.sl-legend');
    for (const s of ['axis 0 N · batch (sample index) · 64', 'axis 1 C · channel · 1', 'axis 2 H · height · 28', 'axis 3 W · width · 28']) expect(legend).toContain(s);
    // sample 1 is a seven-segment "1": the right strokes lit, the left ones dark
    const px = await frame.evaluate(() => {
      const c = document.querySelectorAll<HTMLCanvasElement>('.sl-tile canvas')[1];
      const g = c.getContext('2d')!;
      return { w: c.width, right: g.getImageData(19, 8, 1, 1).data[0], left: g.getImageData(8, 8, 1, 1).data[0], top: g.getImageData(14, 4, 1, 1).data[0] };
    });
    expect(px.w).toBe(28);
    expect(px.right).toBeGreaterThan(100);
    expect(px.left).toBe(0);
    expect(px.top).toBe(0);
    await shot(page, 'batch-64x1x28x28');
  });

  test('(N, H, W, C) uint8 images in colour; (N, features) as square images and as rows', async () => {
    const { page, frame } = await open({ fixture: 'nhwc' });
    expect(await frame.inputValue('select[aria-label="Layout"]')).toBe('NHWC');
    expect(await frame.locator('.sl-tile').count()).toBe(12);
    await shot(page, 'batch-nhwc');
    const f = await open({ fixture: 'features' }, 'batch');
    expect(await f.frame.inputValue('select[aria-label="Layout"]')).toBe('NF-square');
    expect(await text(f.frame, '.sl-legend')).toContain('axis 1 F · features · 784 — shown as 28 × 28');
    await shot(f.page, 'batch-features-square');
    await f.frame.selectOption('select[aria-label="Layout"]', 'NF');
    await f.frame.waitForSelector('.sl-batch-rows .sl-tile');
    expect(await f.frame.locator('.sl-tile').count()).toBe(16);
  });

  test('the rows one batch of X[i:i+bs] takes are highlighted', async () => {
    const { page, frame } = await open({ fixture: 'batchloop' });
    expect(await text(frame, '.sl-hl-legend')).toBe('highlighted rows 64–95: X[i:i+bs] with i=64, bs=32');
    await frame.evaluate(() => { document.querySelector('.sl-grid')!.scrollTop = 60 * 22; });
    await frame.waitForSelector('.sl-rowhead.sl-hl[data-r="64"]');
    expect(await frame.locator('.sl-rowhead[data-r="63"]').getAttribute('class')).not.toContain('sl-hl');
    await shot(page, 'table-batch-highlight');
    await showView(frame, 'batch');
    await frame.click('text=Go to X[i:i+bs] with i=64, bs=32');
    await frame.waitForSelector('.sl-tile.sl-hl[data-index="64"]');
    expect(await frame.locator('.sl-tile.sl-hl').count()).toBe(32);
  });
});

describe('table', () => {
  test('a 1,000×1,000 table keeps only the visible cells in the DOM and scrolls to the last cell', async () => {
    const { page, frame } = await open({ fixture: 'big' }, 'table');
    const cells = () => frame.locator('.sl-value').count();
    const n0 = await cells();
    console.log(`table of 1,000,000 values: ${n0} value cells in the DOM`);
    expect(n0).toBeGreaterThan(50);
    expect(n0).toBeLessThan(1000);
    expect(await frame.getAttribute('.sl-grid', 'aria-rowcount')).toBe('1001');
    expect(await text(frame, '.sl-value[data-r="2"][data-c="3"]')).toBe(formatCell(field(2, 3), 'float64'));

    const t0 = Date.now();
    for (let k = 1; k <= 10; k++) {
      // jump, then wait until the cells of the new window (the last visible row) show values
      const last = await frame.evaluate((f) => {
        const g = document.querySelector('.sl-grid')!;
        g.scrollTop = f * (g.scrollHeight - g.clientHeight);
        g.scrollLeft = f * (g.scrollWidth - g.clientWidth);
        return Math.min(999, Math.floor((g.scrollTop + g.clientHeight - 24) / 22) - 1);
      }, k / 10);
      await frame.waitForFunction((r) => {
        const cells = Array.from(document.querySelectorAll<HTMLElement>('.sl-value'));
        return cells.some((e) => Number(e.dataset.r) >= r) && !cells.some((e) => e.textContent === '…');
      }, last);
    }
    console.log(`table: 10 scroll jumps across 1,000×1,000 with values loaded: ${Date.now() - t0} ms`);
    expect(await text(frame, '.sl-value[data-r="999"][data-c="999"]')).toBe(formatCell(field(999, 999), 'float64'));
    expect(await cells()).toBeLessThan(1000);
    await shot(page, 'table-1000x1000-end');
  });

  test('keyboard selection and copy as tab-separated text at full precision', async () => {
    const { frame } = await open({ fixture: 'mat' });
    await frame.evaluate(() => {
      (window as unknown as { copied: string[] }).copied = [];
      window.addEventListener('copy', (e) => (window as unknown as { copied: string[] }).copied.push(e.clipboardData!.getData('text/plain')));
    });
    await frame.click('.sl-value[data-r="1"][data-c="1"]');
    await frame.press('.sl-grid', 'Shift+ArrowDown');
    await frame.press('.sl-grid', 'Shift+ArrowRight');
    expect(await text(frame, '.sl-table .sl-toolbar')).toContain('2 × 2 selected');
    await frame.press('.sl-grid', 'Control+c');
    const copied = await frame.evaluate(() => (window as unknown as { copied: string[] }).copied);
    expect(copied).toEqual(['11.25\t12.25\n21.25\t22.25']);
    expect(await frame.locator('.sl-value.sl-selected').count()).toBe(4);
    // a click on a column header selects the column
    await frame.click('.sl-colhead[data-c="4"]');
    expect(await frame.locator('.sl-value.sl-selected').count()).toBe(4);
  });

  test('NaN and ±inf are highlighted; bool, 0-d and empty arrays render', async () => {
    const { page, frame } = await open({ fixture: 'nan' });
    expect(await frame.locator('.sl-value.sl-nan').count()).toBe(6);
    expect(await frame.locator('.sl-value.sl-inf').count()).toBe(2);
    expect(await text(frame, '.sl-value[data-r="0"][data-c="5"]')).toBe('inf');
    expect(await text(frame, '.sl-value[data-r="5"][data-c="0"]')).toBe('-inf');
    expect(await text(frame, '.sl-value[data-r="2"][data-c="2"]')).toBe('nan');
    await shot(page, 'table-nan-inf');
    await showView(frame, 'heatmap');
    expect(await text(frame, '.sl-nan-legend')).toContain('NaN (6)');
    await showView(frame, 'stats');
    const dl = await text(frame, '.sl-stats-grid');
    expect(dl).toMatch(/NaN\s+6/);
    expect(dl).toMatch(/\+inf\s+1/);
    expect(dl).toMatch(/-inf\s+1/);
    await shot(page, 'stats-nan');

    const b = await open({ fixture: 'bool' });
    expect(await text(b.frame, '.sl-value[data-r="0"][data-c="0"]')).toBe('True');
    expect(await text(b.frame, '.sl-value[data-r="0"][data-c="1"]')).toBe('False');
    const s = await open({ fixture: 'scalar' });
    expect(await s.frame.locator('.sl-value').allInnerTexts()).toEqual(['0.69314718']);
    expect(await text(s.frame, '.sl-shape')).toBe('()');
    const e = await open({ fixture: 'empty' });
    expect(await text(e.frame, '.sl-table .sl-toolbar')).toContain('empty');
  });

  test('a 1-D array is a column in the table and a strip in the heatmap', async () => {
    const { page, frame } = await open({ fixture: 'vec' });
    expect(await frame.locator('.sl-value').allInnerTexts()).toEqual(['0.0', '0.5', '1.0', '1.5', '2.0', '2.5', '3.0', '3.5', '4.0', '4.5']);
    expect(await text(frame, '.sl-expr')).toBe('v');
    await showView(frame, 'heatmap');
    expect([await frame.getAttribute('.sl-heatmap-canvas', 'data-rows'), await frame.getAttribute('.sl-heatmap-canvas', 'data-cols')]).toEqual(['1', '10']);
    const box = (await frame.locator('.sl-heatmap-canvas').boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.95, box.y + box.height / 2);
    expect(await text(frame, '.sl-status')).toBe('v[9] = 4.5');
    // keyboard: arrows move over the strip and read the value out
    await frame.focus('.sl-heatmap-canvas');
    await page.keyboard.press('ArrowLeft');
    expect(await text(frame, '.sl-status')).toBe('v[8] = 4.0');
  });

  test('a transposed view reports F-contiguity and its byte strides', async () => {
    const { frame } = await open({ fixture: 'transposed' });
    const facts = await text(frame, '.sl-facts');
    expect(facts).toContain('(4, 3)');
    expect(facts).toContain('(4, 16) bytes');
    expect(facts).toContain('F contiguous');
    // A = arange(12).reshape(3, 4); A.T[1, 2] = A[2, 1] = 9
    expect(await text(frame, '.sl-value[data-r="1"][data-c="2"]')).toBe('9');
  });
});

describe('values read on demand (an array of a paused program)', () => {
  const fake = (frame: Frame) => frame.page().evaluate(() => ({ reads: [...window.__fakeHost.reads] }));
  /** rows start:stop of a window key `r0:r1:1,c0:c1:1` */
  const rowsOf = (key: string): [number, number] => key.split(',')[0].split(':').slice(0, 2).map(Number) as [number, number];

  test('scrolling a 1,000×1,000 table asks for the new windows only; a resume stops further reads and says why', async () => {
    const { page, frame } = await open({ fixture: 'big', remote: 15, view: 'table' });
    expect(await frame.getAttribute('#app', 'data-painted')).toBe('table');
    expect(await text(frame, '.sl-origin')).toBe('read on demand from the paused program (fake)');
    const first = (await fake(frame)).reads;
    // the visible cells' tiles (64 rows × 32 columns each), nothing else
    expect(first.length).toBeGreaterThan(0);
    expect(first.length).toBeLessThanOrEqual(4);
    for (const k of first) expect(rowsOf(k)[0]).toBe(0);
    expect(await text(frame, '.sl-value[data-r="2"][data-c="3"]')).toBe(formatCell(field(2, 3), 'float64'));

    // scroll to the middle: new windows around rows ~500, values as the program holds them
    const row = await frame.evaluate(() => {
      const g = document.querySelector('.sl-grid')!;
      g.scrollTop = 500 * 22;
      return 500;
    });
    await frame.waitForFunction((r) => {
      const cells = Array.from(document.querySelectorAll<HTMLElement>('.sl-value'));
      return cells.some((e) => Number(e.dataset.r) === r) && !cells.some((e) => e.textContent === '…');
    }, row);
    const after = (await fake(frame)).reads.slice(first.length);
    expect(after.length).toBeGreaterThan(0);
    expect(after.length).toBeLessThanOrEqual(4);
    for (const k of after) expect(rowsOf(k)[0]).toBeGreaterThanOrEqual(448);
    expect(await text(frame, '.sl-value[data-r="510"][data-c="4"]')).toBe(formatCell(field(510, 4), 'float64'));
    await shot(page, 'table-remote-scrolled');

    // the program resumes: the panel says so; windows not read yet are not read
    await page.evaluate(() => window.__fakeHost.resume());
    await frame.waitForFunction(() => document.querySelector('.sl-alert')?.textContent !== '');
    expect(await text(frame, '.sl-alert')).toBe('field: the program has resumed since this array was opened. Values not read yet cannot be shown; inspect it again at the next stop.');
    const before = (await fake(frame)).reads.length;
    await frame.evaluate(() => { document.querySelector('.sl-grid')!.scrollTop = 900 * 22; });
    await frame.waitForFunction(() => /Could not load values/.test(document.querySelector('.sl-status')?.textContent ?? ''));
    expect(await text(frame, '.sl-status')).toBe('Could not load values: the program has resumed since this array was opened');
    expect((await fake(frame)).reads.length).toBe(before);
  });

  test('the heatmap of a remote array reads one strided sample within the limit, marked as such', async () => {
    const { frame } = await open({ fixture: 'big', remote: 5, max: 100_000 });
    expect(await frame.getAttribute('#app', 'data-painted')).toBe('heatmap');
    expect((await fake(frame)).reads).toEqual(['0:1000:4,0:1000:4']);
    expect(await text(frame, '.sl-notice')).toMatch(/^Showing a sample: every 4th row and column \(250 × 250 of 1,000 × 1,000: field\[::4, ::4\]\)/);
  });
});

describe('N-D slicing', () => {
  test('choose the shown axes, move through the others, see and copy the index expression', async () => {
    const { page, frame } = await open({ fixture: 'nd' }, 'table');
    const expr = () => text(frame, '.sl-expr');
    expect(await expr()).toBe('x[0, 0, :, :]');
    await frame.selectOption('select[aria-label="Rows"]', '1');
    await frame.waitForSelector('#app[data-painted="table"]');
    await frame.selectOption('select[aria-label="Columns"]', '2');
    await frame.waitForSelector('#app[data-painted="table"]');
    expect(await expr()).toBe('x[0, :, :, 0]');
    // slider for axis 0 by keyboard
    await frame.focus('input[aria-label="index on axis 0"]');
    for (let k = 0; k < 3; k++) await page.keyboard.press('ArrowRight');
    await frame.waitForFunction(() => document.querySelector('.sl-expr')?.textContent === 'x[3, :, :, 0]');
    // x = arange(120).reshape(5, 4, 3, 2): x[3, r, c, 0] = 72 + 6r + 2c
    await frame.waitForFunction(() => document.querySelector('.sl-value[data-r="2"][data-c="1"]')?.textContent === '86.0');
    await shot(page, 'slicing-nd');
    await frame.click('text=Swap');
    await frame.waitForSelector('#app[data-painted="table"]');
    expect(await expr()).toBe('x[3, :, :, 0].T');
    expect(await text(frame, '.sl-value[data-r="1"][data-c="2"]')).toBe(formatCell(72 + 6 * 2 + 2 * 1, 'float64'));
    // copy the expression
    await frame.evaluate(() => {
      const w = window as unknown as { clip: string[] };
      w.clip = [];
      navigator.clipboard.writeText = async (t: string) => { w.clip.push(t); };
    });
    await frame.click('button[aria-label="copy the index expression"]');
    expect(await frame.evaluate(() => (window as unknown as { clip: string[] }).clip)).toEqual(['x[3, :, :, 0].T']);
    expect(await text(frame, '.sl-status')).toBe('Copied x[3, :, :, 0].T');
  });
});

describe('image view', () => {
  test('(H, W, 3) uint8 as RGB, then BGR; (C, H, W) float as channels first', async () => {
    const { page, frame } = await open({ fixture: 'image' });
    expect(await frame.getAttribute('#app', 'data-painted')).toBe('image');
    const pixel = (x: number, y: number) => frame.evaluate(([px, py]) => {
      const g = document.querySelector<HTMLCanvasElement>('.sl-image-canvas')!.getContext('2d')!;
      return Array.from(g.getImageData(px, py, 1, 1).data);
    }, [x, y]);
    // R = x ramp to 255 at x = 47, G = y ramp to 255 at y = 31, B = 8-px checker
    expect(await pixel(47, 0)).toEqual([255, 0, 255, 255]);
    expect(await pixel(0, 31)).toEqual([0, 255, 255, 255]);
    expect(await pixel(40, 8)).toEqual([217, 66, 0, 255]);
    await shot(page, 'image-rgb');
    await frame.selectOption('select[aria-label="Channel order"]', 'BGR');
    await frame.waitForFunction(() => {
      const g = document.querySelector<HTMLCanvasElement>('.sl-image-canvas')!.getContext('2d')!;
      return g.getImageData(40, 8, 1, 1).data[2] === 217;
    });
    expect(await pixel(40, 8)).toEqual([0, 66, 217, 255]);

    const c = await open({ fixture: 'chw' }, 'image');
    expect(await text(c.frame, '.sl-notice')).toContain('(C, H, W) = (3, 32, 48)');
    expect(await text(c.frame, '.sl-notice')).toContain('Float values in [0, 1] shown as 0–255.');
    await shot(c.page, 'image-chw');
  });
});

describe('statistics', () => {
  test('min, max, mean, std, histogram and a per-axis summary', async () => {
    const { page, frame } = await open({ fixture: 'mat' }, 'stats');
    const dl = await text(frame, '.sl-stats-grid');
    // W = np.arange(4)[:, None] * 10 + np.arange(5) + 0.25: min 0.25, max 34.25, mean 17.25, np.std(W) = sqrt(127)
    expect(dl).toMatch(/min\s+0\.25/);
    expect(dl).toMatch(/max\s+34\.25/);
    expect(dl).toMatch(/mean\s+17\.25/);
    expect(dl).toMatch(/std, ddof=0\s+11\.2694/);
    await frame.click('text=Compute');
    await frame.waitForSelector('.sl-axis-table');
    expect(await text(frame, '.sl-axis-result p')).toBe('W.mean(axis=0) → shape (5,), dtype float64');
    const cells = await frame.locator('.sl-axis-table tbody td:nth-child(2)').allInnerTexts();
    expect(cells).toEqual(['15.25', '16.25', '17.25', '18.25', '19.25']);
    await shot(page, 'stats-mat');
  });
});

describe('explainers', () => {
  test('broadcasting: right-aligned shapes, stretched dims, result; and a failing dim with NumPy\'s text', async () => {
    const { page, frame } = await open({ fixture: 'mat' });
    await page.evaluate(() => window.__fakeHost.post({ type: 'explainBroadcast', op: '+', a: { label: 'X', shape: [64, 784] }, b: { label: 'b', shape: [784] } }));
    await frame.waitForSelector('.sl-explain');
    expect(await frame.getAttribute('[role=tab][data-view="explain"]', 'aria-selected')).toBe('true');
    expect(await text(frame, '.sl-outcome')).toBe('Result shape (64, 784)');
    expect(await frame.locator('.sl-stretched').allInnerTexts()).toEqual(['· → 64']);
    await shot(page, 'explain-broadcast-ok');
    await page.evaluate(() => window.__fakeHost.post({ type: 'explainBroadcast', op: '+', a: { label: 'a', shape: [2, 3] }, b: { label: 'b', shape: [2] } }));
    await frame.waitForSelector('.sl-outcome.sl-error');
    expect(await frame.locator('.sl-outcome code').textContent()).toBe('ValueError: operands could not be broadcast together with shapes (2,3) (2,) ');
    expect(await frame.locator('.sl-dim.sl-clash').count()).toBe(3); // a's 3, b's 2, and the ✗
    await shot(page, 'explain-broadcast-error');
    await page.evaluate(() => window.__fakeHost.post({ type: 'explainBroadcast', op: '*', a: { label: 'h', shape: ['B', 1, 5] }, b: { label: 'w', shape: [3, 1] } }));
    await frame.waitForFunction(() => document.querySelector('.sl-outcome')?.textContent === 'Result shape (B, 3, 5)');
  });

  test('matmul: (n,k) × (k,m) → (n,m) with the matched k highlighted; a mismatch shows NumPy\'s text', async () => {
    const { page, frame } = await open({ fixture: 'mat' });
    await page.evaluate(() => window.__fakeHost.post({ type: 'explainMatmul', a: { label: 'X', shape: [32, 784] }, b: { label: 'W', shape: [784, 10] } }));
    await frame.waitForSelector('.sl-explain');
    expect(await text(frame, '.sl-outcome')).toBe('Result shape (32, 10)');
    expect(await frame.locator('.sl-chip-k.sl-match').allInnerTexts()).toEqual(['784', '784']);
    expect(await text(frame, '.sl-matmul-eq')).toBe('X (32, 784) @ W (784, 10) → (32, 10)');
    await shot(page, 'explain-matmul-ok');
    await page.evaluate(() => window.__fakeHost.post({ type: 'explainMatmul', a: { label: 'W', shape: [10, 784] }, b: { label: 'X', shape: [32, 784] } }));
    await frame.waitForSelector('.sl-outcome.sl-error');
    expect(await text(frame, '.sl-outcome code')).toBe('ValueError: matmul: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature (n?,k),(k,m?)->(n?,m?) (size 32 is different from 784)');
    expect(await frame.locator('.sl-chip-k.sl-clash').count()).toBe(2);
    expect(await text(frame, '.sl-hint')).toBe('Did you mean W @ X.T?');
    await shot(page, 'explain-matmul-error');
    await page.evaluate(() => window.__fakeHost.post({ type: 'explainMatmul', a: { label: 'W', shape: [5, 2, 3, 4] }, b: { label: 'v', shape: [4] } }));
    await frame.waitForFunction(() => document.querySelector('.sl-outcome')?.textContent === 'Result shape (5, 2, 3)');
    expect(await text(frame, '.sl-explain')).toContain('v is 1-D: it acts as a column (4, 1) and that 1 is dropped from the result.');
  });
});

describe('engineering', () => {
  test('strings from the host render as text, never as markup', async () => {
    const { page, frame } = await open({ fixture: 'xss' });
    const evil = await page.evaluate(() => window.__fakeHost.EVIL);
    expect(await text(frame, '.sl-name')).toBe(evil);
    await page.evaluate((e) => window.__fakeHost.post({ type: 'explainBroadcast', op: '+', a: { label: e, shape: [2] }, b: { label: '<script>x</script>', shape: [3] } }), evil);
    await frame.waitForSelector('.sl-explain');
    expect(await text(frame, '.sl-explain h2')).toBe(`Broadcasting ${evil} + <script>x</script>`);
    await page.evaluate(() => window.__fakeHost.post({ type: 'error', message: '<img src=x onerror="parent.__pwned=3">' }));
    await frame.waitForFunction(() => document.querySelector('.sl-alert')?.textContent?.startsWith('<img'));
    expect(await frame.locator('#app img, #app script, #app iframe').count()).toBe(0);
    expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
    await shot(page, 'xss-as-text');
  });

  test('malformed and oversized messages are rejected with a log line and change nothing', async () => {
    const { page, frame } = await open({ fixture: 'mat' });
    const before = await text(frame, '.sl-header');
    await page.evaluate(() => {
      const h = window.__fakeHost;
      h.post({
        type: 'open',
        array: { id: 'z', name: 'evil', dtype: 'object', shape: [1], strides: [8], itemsize: 8, nbytes: 8, contiguous: { c: true, f: true }, source: 'numpy', maxChunkElements: 10 },
      });
      h.post({ type: 'chunk', id: 'a1', requestId: 999, slice: [{ start: 0, stop: 2, step: 1 }], shape: [2], valueType: 'float64', data: new ArrayBuffer(7) });
      h.post({ type: 'explainMatmul', a: { label: 'a', shape: new Array(40).fill(1) }, b: { label: 'b', shape: [1] } });
      h.post('not an object');
    });
    await page.waitForFunction(() => window.__fakeHost.log.filter((l) => l.includes('rejected message')).length >= 4);
    const log = await page.evaluate(() => window.__fakeHost.log.filter((l) => l.includes('rejected message')));
    expect(log).toEqual([
      '[inspector view] warn: [shape-lens] rejected message: open.array.dtype: expected one of bool, int8, int16, int32, int64, uint8, uint16, uint32, uint64, float32, float64',
      '[inspector view] warn: [shape-lens] rejected message: chunk.data: payload has 7 bytes, expected 16',
      '[inspector view] warn: [shape-lens] rejected message: explainMatmul.a.shape: more than 32 items',
      '[inspector view] warn: [shape-lens] rejected message: message: expected an object',
    ]);
    expect(await text(frame, '.sl-header')).toBe(before);
    expect(await frame.locator('.sl-explain').count()).toBe(0);
  });

  test('state survives a reload through getState/setState (acquireVsCodeApi)', async () => {
    const { page, frame } = await open({ fixture: 'nd', api: 'vscode' }, 'heatmap');
    await frame.selectOption('select[aria-label="Colour map"]', 'magma');
    await frame.focus('input[aria-label="index on axis 1"]');
    await page.keyboard.press('End');
    await frame.waitForFunction(() => document.querySelector('.sl-expr')?.textContent === 'x[0, 3, :, :]');
    await frame.waitForSelector('#app[data-painted="heatmap"]');
    await page.evaluate(() => window.__fakeHost.reloadView());
    const h2 = await page.waitForSelector('#inspector');
    const f2 = (await h2.contentFrame())!;
    await f2.waitForSelector('#app[data-painted="heatmap"]');
    expect(await text(f2, '.sl-expr')).toBe('x[0, 3, :, :]');
    expect(await f2.inputValue('select[aria-label="Colour map"]')).toBe('magma');
    // the view asked the host to restore the array it showed
    const ready = await page.evaluate(() => window.__fakeHost.received.filter((m) => (m as { type: string }).type === 'ready'));
    expect(ready).toEqual([{ type: 'ready' }, { type: 'ready', restoreId: 'a1' }]);
  });

  test('revived after a reload whose host lost the array: says so and keeps the saved explainer', async () => {
    const { page, frame } = await open({ fixture: 'mat', api: 'vscode' });
    await page.evaluate(() => window.__fakeHost.post({ type: 'explainMatmul', a: { label: 'X', shape: [32, 784] }, b: { label: 'W', shape: [784, 10] } }));
    await frame.waitForSelector('.sl-explain');
    await page.evaluate(() => { window.__fakeHost.restartHost(); window.__fakeHost.reloadView(); });
    const f2 = (await (await page.waitForSelector('#inspector')).contentFrame())!;
    await f2.waitForFunction(() => document.querySelector('.sl-alert')?.textContent?.includes('is gone'));
    await f2.waitForSelector('.sl-explain');
    expect(await text(f2, '.sl-outcome')).toBe('Result shape (32, 10)');
    expect(await f2.locator('[role=tab]').allInnerTexts()).toEqual(['Explain']);
    // the forgotten array is not asked for again on the next reload
    await page.evaluate(() => window.__fakeHost.reloadView());
    const f3 = (await (await page.waitForSelector('#inspector')).contentFrame())!;
    await f3.waitForSelector('.sl-explain');
    const ready = await page.evaluate(() => window.__fakeHost.received.filter((m) => (m as { type: string }).type === 'ready'));
    expect(ready).toEqual([{ type: 'ready' }, { type: 'ready', restoreId: 'a1' }, { type: 'ready' }]);
  });

  test('VS Code theme variables drive the colours (dark theme)', async () => {
    const { page, frame } = await open({ fixture: 'nan' });
    await frame.evaluate(() => {
      // what VS Code injects into a webview: body classes and --vscode-* variables on <html>
      document.body.classList.add('vscode-dark');
      const vars: Record<string, string> = {
        '--vscode-editor-background': '#1e1e1e', '--vscode-editor-foreground': '#d4d4d4', '--vscode-descriptionForeground': '#9d9d9d',
        '--vscode-panel-border': '#3c3c3c', '--vscode-editorWidget-background': '#252526', '--vscode-editor-selectionBackground': '#264f78',
        '--vscode-errorForeground': '#f48771', '--vscode-editorWarning-foreground': '#cca700', '--vscode-focusBorder': '#007fd4',
        '--vscode-input-background': '#3c3c3c', '--vscode-input-foreground': '#cccccc', '--vscode-button-secondaryBackground': '#3a3d41',
        '--vscode-button-secondaryForeground': '#cccccc', '--vscode-textCodeBlock-background': '#0a0a0a',
      };
      for (const [k, v] of Object.entries(vars)) document.documentElement.style.setProperty(k, v);
    });
    expect(await frame.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(30, 30, 30)');
    expect(await frame.evaluate(() => getComputedStyle(document.querySelector('.sl-value.sl-nan')!).color)).toBe('rgb(244, 135, 113)');
    await shot(page, 'theme-dark-table');
  });

  test('tabs work from the keyboard and carry ARIA roles', async () => {
    const { frame } = await open({ fixture: 'mat' });
    await frame.focus('[role=tab][aria-selected=true]');
    await frame.press('[role=tab][aria-selected=true]', 'ArrowRight');
    await frame.waitForSelector('#app[data-painted="heatmap"]');
    expect(await frame.getAttribute('[role=tab][data-view="heatmap"]', 'aria-selected')).toBe('true');
    expect(await frame.getAttribute('.sl-heatmap-canvas', 'aria-label')).toContain('Heatmap of W, 4 by 5');
  });

  test('no Content-Security-Policy violations and no page errors in any test', () => {
    const bad = H.consoleLines.filter((l) => /Content.Security.Policy|pageerror|Refused to/i.test(l));
    expect(bad).toEqual([]);
  });
});
