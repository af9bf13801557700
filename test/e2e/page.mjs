// Playwright helpers for driving VS Code's workbench in the UI tests (ui.mjs, uiDebug.mjs).

export async function viewText(page) {
  return page.evaluate(() => [...document.querySelectorAll('.editor-instance .view-line')].map((l) => l.textContent.replace(/\u00a0/g, ' ')));
}

export async function waitUntil(what, probe, timeoutMs = 30_000) {
  const t0 = Date.now();
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() - t0 > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export async function openFile(page, name) {
  // the Explorer lists the workspace at once (Quick Open waits for the file search to index)
  const row = page.locator('.explorer-folders-view .monaco-list-row', { hasText: name }).first();
  await row.waitFor({ state: 'visible', timeout: 60_000 });
  await row.click();
  await waitUntil(`${name} is the active tab`, () => page.evaluate((n) => document.querySelector('.tab.active')?.textContent?.includes(n), name));
  await page.click('.editor-instance .view-lines');
}

export async function goTo(page, lineCol) {
  await page.keyboard.press('Control+G');
  await page.waitForSelector('.quick-input-widget', { state: 'visible' });
  await page.keyboard.type(lineCol);
  await page.keyboard.press('Enter');
  await page.waitForTimeout(200);
}

/**
 * The frame showing the inspector webview (two iframes below the workbench) once `selector`
 * exists in it; frames of other webviews and detached ones are skipped.
 */
export async function webviewFrame(page, selector, timeoutMs = 60_000) {
  return waitUntil(`a webview frame with ${selector}`, async () => {
    for (const f of page.frames()) {
      if (f === page.mainFrame()) continue;
      try { if (await f.$(selector)) return f; } catch { /* navigating or detached */ }
    }
    return undefined;
  }, timeoutMs);
}

export async function command(page, title) {
  await page.keyboard.press('F1');
  await page.waitForSelector('.quick-input-widget', { state: 'visible' });
  await page.keyboard.type(title);
  await waitUntil(`command ${title}`, () => page.evaluate((t) => [...document.querySelectorAll('.quick-input-list .monaco-list-row')].some((r) => r.textContent.includes(t)), title));
  await page.keyboard.press('Enter');
}
