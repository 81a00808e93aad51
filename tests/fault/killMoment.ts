/**
 * When to kill: a test hook notes the app's first IndexedDB write after arming, so a kill can land
 * inside the write itself rather than somewhere in the reading and checking before it.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { sleep } from './browserProcess';

/**
 * Notes when the app first writes to one of the watched stores after `armWrites`: the kill can
 * then land inside the write itself, whatever the reading and checking before it took. A test
 * hook in the page, not in the app: IndexedDB's own add/put are wrapped.
 */
export async function watchWrites(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const w = window as unknown as { __yishiWatch?: string[]; __yishiWriteAt?: number };
    for (const method of ['add', 'put'] as const) {
      const original = IDBObjectStore.prototype[method];
      IDBObjectStore.prototype[method] = function (this: IDBObjectStore, ...args: [unknown, IDBValidKey?]) {
        if (w.__yishiWriteAt === undefined && w.__yishiWatch?.includes(this.name)) w.__yishiWriteAt = Date.now();
        return original.apply(this, args);
      };
    }
  });
}

export async function armWrites(page: Page, stores: string[]): Promise<void> {
  await page.evaluate((watched) => {
    const w = window as unknown as { __yishiWatch?: string[]; __yishiWriteAt?: number };
    w.__yishiWatch = watched;
    w.__yishiWriteAt = undefined;
  }, stores);
}

export async function writeStartedAt(page: Page): Promise<number> {
  const handle = await page.waitForFunction(
    () => (window as unknown as { __yishiWriteAt?: number }).__yishiWriteAt,
    undefined,
    { timeout: 60_000 },
  );
  return (await handle.jsonValue()) as number;
}

export type Plan = { kind: 'afterSuccess' } | { kind: 'early'; delay: number } | { kind: 'inWrite'; delay: number };

/**
 * When to kill in round `round`: the first round waits for the app's success message (a write
 * reported done must survive) and measures how long the write took; every third round kills
 * right after the click (0–300 ms); the others at a random moment inside the write.
 */
export function killPlan(round: number, writeMs: number): Plan {
  if (round === 1) return { kind: 'afterSuccess' };
  if (round % 3 === 0) return { kind: 'early', delay: Math.round(Math.random() * 300) };
  return { kind: 'inWrite', delay: Math.round(Math.random() * writeMs) };
}

/**
 * Carries out the plan after the click that starts the write; returns how long the write took
 * when it waited for `success`, and what to log.
 */
export async function awaitKillMoment(
  page: Page,
  plan: Plan,
  success: () => Promise<void>,
): Promise<{ writeMs?: number; when: string }> {
  if (plan.kind === 'early') {
    await sleep(plan.delay);
    return { when: `${plan.delay} ms after the click` };
  }
  const started = await writeStartedAt(page);
  if (plan.kind === 'inWrite') {
    await sleep(Math.max(0, plan.delay - (Date.now() - started)));
    return { when: `${plan.delay} ms into the write` };
  }
  await success();
  const writeMs = Date.now() - started;
  return { writeMs, when: `after the success message (write took ${writeMs} ms)` };
}
