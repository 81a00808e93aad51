// The backup on the ten-year database: what 备份与恢复 → 立即备份 costs (the daily automatic backup
// does the same work on the first start of each day): time to done, how long the window stood
// still meanwhile (longest gap between painted frames), and the size of the backup.
import type { Page } from '@playwright/test';
import { openListRoute } from './inpage';

export interface BackupFigures {
  ms: number;
  longestFrameGapMs: number;
  bytes: number;
}

/** In the page: clicks 立即备份 and resolves when the success message shows, with the frame gaps meanwhile. */
function backUpNow(arg: { label: string; done: string; timeoutMs: number }): Promise<{ ms: number; longestFrameGapMs: number }> {
  interface El {
    textContent: string | null;
    click(): void;
  }
  const g = globalThis as unknown as {
    document: { querySelectorAll(s: string): ArrayLike<El> };
    performance: { now(): number };
    requestAnimationFrame(fn: (t: number) => void): void;
  };
  const button = Array.from(g.document.querySelectorAll('button')).find((b) => b.textContent?.replace(/\s/g, '') === arg.label);
  if (!button) return Promise.reject(new Error(`no button ${arg.label}`));
  return new Promise((resolve, reject) => {
    const start = g.performance.now();
    let last = start;
    let longest = 0;
    const frame = (t: number) => {
      longest = Math.max(longest, t - last);
      last = t;
      const done = Array.from(g.document.querySelectorAll('.ant-message-notice')).some((n) => n.textContent?.includes(arg.done));
      const elapsed = g.performance.now() - start;
      if (done) resolve({ ms: elapsed, longestFrameGapMs: longest });
      else if (elapsed > arg.timeoutMs) reject(new Error(`backup not done after ${arg.timeoutMs} ms`));
      else g.requestAnimationFrame(frame);
    };
    button.click();
    g.requestAnimationFrame(frame);
  });
}

/** In the page: the newest backup's size, then every backup removed so runs do not fill the disk. */
function newestBackupSizeAndClear(): Promise<number> {
  type Req<T> = { result: T; onsuccess: (() => void) | null; onerror: (() => void) | null };
  interface Store {
    getAll(): Req<{ createdAt: string; sizeBytes: number }[]>;
    clear(): Req<undefined>;
  }
  interface Db {
    transaction(stores: string[], mode: string): { objectStore(name: string): Store; oncomplete: (() => void) | null };
    close(): void;
  }
  const g = globalThis as unknown as { indexedDB: { open(name: string): Req<Db> } };
  const done = <T,>(r: Req<T>) => new Promise<T>((resolve, reject) => ((r.onsuccess = () => resolve(r.result)), (r.onerror = () => reject(new Error('IndexedDB request failed')))));
  return done(g.indexedDB.open('yishi-backups')).then(async (db) => {
    const tx = db.transaction(['backups', 'pieces'], 'readwrite');
    const entries = await done(tx.objectStore('backups').getAll());
    const newest = entries.sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1))[0];
    await done(tx.objectStore('backups').clear());
    await done(tx.objectStore('pieces').clear());
    db.close();
    return newest?.sizeBytes ?? 0;
  });
}

export async function measureBackup(page: Page): Promise<BackupFigures> {
  await page.evaluate(openListRoute, { hash: '#/backups', heading: '备份与恢复', timeoutMs: 60_000 });
  await page.waitForTimeout(1_000);
  const timed = await page.evaluate(backUpNow, { label: '立即备份', done: '已备份', timeoutMs: 300_000 });
  const bytes = await page.evaluate(newestBackupSizeAndClear);
  return { ...timed, bytes };
}
