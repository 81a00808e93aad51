// The Chromium every browser benchmark runs in: Debian's, headless, with the flags the brief
// asks for, on a persistent profile (the ten-year database lives in it).
import { chromium, type BrowserContext, type Page } from '@playwright/test';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
];

export const log = (message: string) =>
  console.log(`[bench:browser ${new Date().toISOString().slice(11, 19)}] ${message}`);

function launch(profileDir: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profileDir, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1440, height: 900 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    bypassCSP: true,
    timeout: 60_000,
  });
}

/**
 * How long a freshly launched browser is left alone before the app is opened. Chromium's own
 * start-up (its omnibox WebUI pages, profile services) runs for a second or more after launch;
 * measured from navigation on a 2-core machine, it took a third of the "open the app" figure
 * (empty database 1145 ms without the wait, 633 ms with it). The app's window in Electron has no
 * such neighbour, so the figures measure the app alone.
 */
const BROWSER_SETTLE_MS = 2_500;

export async function withContext<T>(
  profileDir: string,
  fn: (context: BrowserContext, page: Page) => Promise<T>,
): Promise<T> {
  const context = await launch(profileDir);
  context.setDefaultTimeout(60_000);
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await settle(page, BROWSER_SETTLE_MS);
    return await fn(context, page);
  } finally {
    await Promise.race([context.close(), new Promise((r) => setTimeout(r, 15_000))]);
  }
}

export const settle = (page: Page, ms: number) => page.waitForTimeout(ms);
