// A headless Chromium for the tests, driven by playwright-core (which downloads no browser):
// $SHAPE_LENS_CHROMIUM, Debian's chromium (.ci/run installs it), or @sparticuz/chromium when
// that npm package is installed.
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';

export async function findChromium() {
  const args = ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu'];
  for (const c of [process.env.SHAPE_LENS_CHROMIUM, '/usr/bin/chromium', '/usr/lib/chromium/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome']) {
    if (c && existsSync(c)) return { executablePath: c, args };
  }
  try {
    const name = '@sparticuz/chromium';
    const mod = (await import(name)).default;
    return { executablePath: await mod.executablePath(), args: mod.args };
  } catch {
    throw new Error("No Chromium found: apt-get install -y chromium (as .ci/run does), set SHAPE_LENS_CHROMIUM, or npm install @sparticuz/chromium");
  }
}

export async function launchBrowser() {
  const { executablePath, args } = await findChromium();
  return chromium.launch({ executablePath, args, headless: true });
}
