// The restore of the backup part's third step: the ten-year backup into an empty database (a new
// computer), where every row is written, so the restore's writing rate is judged against the bare
// write there (backup.ts measures the restore over the same data first).
import type { Page } from '@playwright/test';
import { log } from './browser';
import { APP_URL } from './server';
import { DB_NAME } from '../../shared/store/dbName';

/** The same backup restored into an empty database (a new computer): every row written. */
export interface EmptyRestoreFigures {
  /** Confirm → the meeting list shown after the restore. */
  restoreMs: number;
  safetyBackupMs: number;
  rowsMs: number;
  written?: RestoreWritten;
}

export interface RestoreWritten {
  added: number;
  replaced: number;
  removed: number;
  unchanged: number;
}

/** In the page: the app's marks of its last restore (restoreBackupHeld, replaceFromBackup). */
export function lastRestoreMarks(): { safetyBackupMs: number; rowsMs: number; written?: RestoreWritten } {
  const g = globalThis as unknown as {
    performance: { getEntriesByName(name: string): Array<{ startTime: number; detail?: unknown }> };
  };
  const mark = (name: string) => g.performance.getEntriesByName(`yishi:${name}`).at(-1);
  const at = (name: string) => mark(name)?.startTime ?? Number.NaN;
  const written = mark('restore-written')?.detail as RestoreWritten | undefined;
  return {
    safetyBackupMs: at('restore-rows') - at('restore-safety-backup'),
    rowsMs: at('restore-done') - at('restore-rows'),
    ...(written ? { written } : {}),
  };
}

/**
 * A new computer: the app's database deleted (on a blank page of its origin, the app not running),
 * its backups kept; the first-run screen's 用最近一份备份恢复… then writes every row.
 */
export async function restoreIntoEmpty(page: Page): Promise<EmptyRestoreFigures> {
  log('backup: the newest backup restored into an empty database (a new computer: every row written)');
  const blank = `${APP_URL}bench-empty-database`;
  await page.route(blank, (route) =>
    route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>empty</title>' }),
  );
  await page.goto(blank);
  await page.evaluate(
    (name) =>
      new Promise((resolve, reject) => {
        type Request = { onsuccess: (() => void) | null; onerror: (() => void) | null };
        const g = globalThis as unknown as { indexedDB: { deleteDatabase(name: string): Request } };
        const request = g.indexedDB.deleteDatabase(name);
        request.onsuccess = () => resolve(null);
        request.onerror = () => reject(new Error(`could not delete ${name}`));
      }),
    DB_NAME,
  );
  await page.goto(APP_URL);
  await page.getByRole('button', { name: '用最近一份备份恢复…' }).click({ timeout: 60_000 });
  await page.getByTestId('restore-checking').filter({ hasText: '已逐条核对' }).waitFor({ timeout: 600_000 });
  const confirmedAt = Date.now();
  await page.getByRole('button', { name: '替换并恢复' }).click();
  await page.getByRole('heading', { name: '会议', level: 1 }).waitFor({ timeout: 1_800_000 });
  const restoreMs = Date.now() - confirmedAt;
  return { restoreMs, ...(await page.evaluate(lastRestoreMarks)) };
}
