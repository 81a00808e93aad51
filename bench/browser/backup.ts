// The backup on the ten-year database: what 备份与恢复 → 立即备份 costs (the daily automatic backup
// does the same work on the first start of each day): time to done, how long the window stood
// still meanwhile (longest gap between painted frames), and the size of the backup. Then that
// backup restored (恢复): the check until the question shows, the restore (safety backup + every
// row) until done, the longest frame gap and the JS heap's peak (sampled each frame).
import type { Page } from '@playwright/test';
import { cp, rm } from 'node:fs/promises';
import type { BenchFigure } from '../measure';
import { backupFigures, backupNowFigures } from './backupFigures';
import { log, settle, withContext } from './browser';
import { meetingListUsable, openListRoute } from './inpage';
import { APP_URL } from './server';
import { DB_NAME } from '../../shared/store/dbName';
import { TABLE_NAMES, dexieStores } from '../../shared/store/schema';
import { bareWriteInPage, dailyBackupDoneInPage, type BareWrite } from './bareWrite';
import { bareReadInPage, type BareRead } from './bareRead';
import { BACKUP_PAGE_ROWS, BACKUP_PAGE_SIZE } from '../../shared/backup/stream';
import { lastRestoreMarks, restoreIntoEmpty, type EmptyRestoreFigures, type RestoreWritten } from './restoreIntoEmpty';

export type { EmptyRestoreFigures };

export interface BackupFigures {
  ms: number;
  longestFrameGapMs: number;
  bytes: number;
}

export interface RestoreFigures {
  /** Click on 恢复 → the question with the counts (a stored backup's kept summary, or a file checked). */
  questionMs: number;
  /** Click on 恢复 → the question's "now" column counted (the current tables, counted behind it). */
  countedMs: number;
  /** Click on 恢复 → every row of the backup read and checked (behind the question for a stored one). */
  checkMs: number;
  /** Confirm → 已从备份恢复 (safety backup, then every row in one transaction). */
  restoreMs: number;
  /** Of restoreMs: the safety backup, then the rows (read, checked, written), from the app's marks. */
  safetyBackupMs: number;
  rowsMs: number;
  longestFrameGapMs: number;
  /** The longest gap in each step, named by the progress line shown when it ended. */
  gapByStep: Record<string, number>;
  /** Gaps over 100 ms: in which step, how far into it (ms) and how long. */
  longGaps: Array<{ step: string; at: number; gap: number }>;
  peakHeapMB: number;
  /** What the restore did to the rows (the app's mark yishi:restore-written). */
  written?: RestoreWritten;
}

/** In the page: clicks 立即备份 and resolves when the success message shows, with the frame gaps meanwhile. */
function backUpNow(arg: {
  label: string;
  done: string;
  timeoutMs: number;
}): Promise<{ ms: number; longestFrameGapMs: number }> {
  interface El {
    textContent: string | null;
    click(): void;
  }
  const g = globalThis as unknown as {
    document: { querySelectorAll(s: string): ArrayLike<El> };
    performance: { now(): number };
    requestAnimationFrame(fn: (t: number) => void): void;
  };
  const button = Array.from(g.document.querySelectorAll('button')).find(
    (b) => b.textContent?.replace(/\s/g, '') === arg.label,
  );
  if (!button) return Promise.reject(new Error(`no button ${arg.label}`));
  return new Promise((resolve, reject) => {
    const start = g.performance.now();
    let last = start;
    let longest = 0;
    const frame = (t: number) => {
      longest = Math.max(longest, t - last);
      last = t;
      const done = Array.from(g.document.querySelectorAll('.ant-message-notice')).some((n) =>
        n.textContent?.includes(arg.done),
      );
      const elapsed = g.performance.now() - start;
      if (done) resolve({ ms: elapsed, longestFrameGapMs: longest });
      else if (elapsed > arg.timeoutMs) reject(new Error(`backup not done after ${arg.timeoutMs} ms`));
      else g.requestAnimationFrame(frame);
    };
    button.click();
    g.requestAnimationFrame(frame);
  });
}

/** In the page: 恢复 on the newest backup, confirmed, timed until done; frame gaps and heap each frame. */
function restoreNewest(arg: {
  confirm: string;
  checked: string;
  done: string;
  timeoutMs: number;
}): Promise<RestoreFigures> {
  interface El {
    textContent: string | null;
    click(): void;
  }
  const g = globalThis as unknown as {
    document: { querySelectorAll(s: string): ArrayLike<El>; querySelector(s: string): El | null };
    performance: {
      now(): number;
      memory?: { usedJSHeapSize: number };
      getEntriesByName(name: string): Array<{ startTime: number }>;
    };
    requestAnimationFrame(fn: (t: number) => void): void;
  };
  const markAt = (name: string) => g.performance.getEntriesByName(`yishi:${name}`).at(-1)?.startTime ?? Number.NaN;
  const buttonIn = (scope: string, label: string) =>
    Array.from(g.document.querySelectorAll(`${scope} button`)).find((b) => b.textContent?.replace(/\s/g, '') === label);
  const restore = buttonIn('.ant-table-tbody tr:first-child', '恢复');
  if (!restore) return Promise.reject(new Error('no 恢复 button on the newest backup'));
  return new Promise((resolve, reject) => {
    const start = g.performance.now();
    let last = start;
    let longest = 0;
    let peak = 0;
    let questionMs = -1;
    let countedMs = -1;
    let checkMs = -1;
    let confirmedAt = -1;
    const gapByStep: Record<string, number> = {};
    const steps: Array<[string, string]> = [
      ['正在检查', 'check'],
      ['第一步', 'safety backup'],
      ['第二步', 'rows'],
    ];
    const stepNow = () => {
      const line = Array.from(g.document.querySelectorAll('.ant-message-notice'))
        .map((n) => n.textContent ?? '')
        .join(' ');
      if (questionMs >= 0 && checkMs < 0) return 'question, checked behind';
      return steps.find(([text]) => line.includes(text))?.[1] ?? (checkMs < 0 ? 'before check' : 'question and after');
    };
    const longGaps: RestoreFigures['longGaps'] = [];
    let currentStep = '';
    let stepStart = start;
    const frame = (t: number) => {
      const step = stepNow();
      if (step !== currentStep) [currentStep, stepStart] = [step, last];
      if (t - last > 100) longGaps.push({ step, at: Math.round(t - stepStart), gap: Math.round(t - last) });
      gapByStep[step] = Math.max(gapByStep[step] ?? 0, t - last);
      longest = Math.max(longest, t - last);
      last = t;
      peak = Math.max(peak, g.performance.memory?.usedJSHeapSize ?? 0);
      const now = g.performance.now();
      const failed = g.document.querySelector('.ant-modal-confirm-error');
      if (failed) return reject(new Error(`restore refused: ${failed.textContent}`));
      if (questionMs < 0 && g.document.querySelector('[data-testid="restore-comparison"]')) questionMs = now - start;
      if (countedMs < 0 && g.document.querySelector('[data-testid="restore-comparison"][data-counted="yes"]'))
        countedMs = now - start;
      // Confirmed once the check behind the question is done, as a user reading the counts would:
      // the confirm → done time stays the restore's own.
      const behind = g.document.querySelector('[data-testid="restore-checking"]');
      if (questionMs >= 0 && checkMs < 0 && (!behind || behind.textContent?.includes(arg.checked))) {
        checkMs = now - start;
        const ok = buttonIn('.ant-modal-confirm', arg.confirm);
        if (!ok) return reject(new Error(`no ${arg.confirm} button`));
        confirmedAt = now;
        ok.click();
      }
      const done = Array.from(g.document.querySelectorAll('.ant-message-notice')).some((n) =>
        n.textContent?.includes(arg.done),
      );
      if (done && confirmedAt >= 0)
        return resolve({
          questionMs,
          countedMs,
          checkMs,
          restoreMs: now - confirmedAt,
          safetyBackupMs: markAt('restore-rows') - markAt('restore-safety-backup'),
          rowsMs: markAt('restore-done') - markAt('restore-rows'),
          longestFrameGapMs: longest,
          gapByStep,
          longGaps,
          peakHeapMB: peak / 1024 / 1024,
        });
      if (now - start > arg.timeoutMs) return reject(new Error(`restore not done after ${arg.timeoutMs} ms`));
      g.requestAnimationFrame(frame);
    };
    restore.click();
    g.requestAnimationFrame(frame);
  });
}

/** In the page: the newest backup's size, then every backup removed so runs do not fill the disk. */
/** In the page: the size of the newest stored backup; with `clear`, every stored backup is then removed. */
function newestBackupSize(arg: { clear: boolean }): Promise<number> {
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
  const done = <T>(r: Req<T>) =>
    new Promise<T>(
      (resolve, reject) => (
        (r.onsuccess = () => resolve(r.result)),
        (r.onerror = () => reject(new Error('IndexedDB request failed')))
      ),
    );
  return done(g.indexedDB.open('yishi-backups')).then(async (db) => {
    const tx = db.transaction(['backups', 'pieces'], 'readwrite');
    const entries = await done(tx.objectStore('backups').getAll());
    const newest = entries.sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1))[0];
    if (arg.clear) {
      await done(tx.objectStore('backups').clear());
      await done(tx.objectStore('pieces').clear());
    }
    db.close();
    return newest?.sizeBytes ?? 0;
  });
}

/** 立即备份 once the day's automatic backup is done: its time and the longest frame gap. */
async function backUpOnPage(page: Page): Promise<{ ms: number; longestFrameGapMs: number }> {
  // The profile was filled on an earlier day, so the app starts the day's automatic backup a few
  // seconds after opening; 立即备份 would wait for it and be timed twice over.
  const waitStarted = performance.now();
  await page.waitForFunction(dailyBackupDoneInPage, { db: DB_NAME }, { polling: 1_000, timeout: 900_000 });
  log(`backup: the day's automatic backup done after ${((performance.now() - waitStarted) / 1000).toFixed(0)} s`);
  await page.evaluate(openListRoute, { hash: '#/backups', heading: '备份与恢复', timeoutMs: 60_000 });
  await page.waitForTimeout(1_000);
  return page.evaluate(backUpNow, { label: '立即备份', done: '已备份', timeoutMs: 300_000 });
}

/**
 * Backs up, restores that backup over the same data (the usual restore: a mistake undone), then
 * into an empty database (see measureBackupAndRestore).
 */
async function measureBackup(
  page: Page,
): Promise<BackupFigures & { restore: RestoreFigures; intoEmpty: EmptyRestoreFigures }> {
  const timed = await backUpOnPage(page);
  const bytes = await page.evaluate(newestBackupSize, { clear: false });
  await page.waitForTimeout(1_000);
  const restored = await page.evaluate(restoreNewest, {
    confirm: '替换并恢复',
    checked: '已逐条核对',
    done: '已从备份恢复',
    timeoutMs: 900_000,
  });
  const { written } = await page.evaluate(lastRestoreMarks);
  const intoEmpty = await restoreIntoEmpty(page);
  await page.evaluate(newestBackupSize, { clear: true });
  return { ...timed, bytes, restore: { ...restored, ...(written ? { written } : {}) }, intoEmpty };
}

/**
 * The baseline: the restored rows written again into a new database of the same schema, on a
 * blank page of the app's origin (the app itself is not running: after a restore it indexes the
 * restored records for search in the background, which would share the disk with the baseline).
 */
async function measureBareWrite(profile: string): Promise<BareWrite> {
  log("backup: the bare write of the restored rows (baseline of the restore's writing rate)");
  return onBlankPage(profile, 'bench-bare-write', (page) => {
    const stores = dexieStores();
    return page.evaluate(bareWriteInPage, {
      source: DB_NAME,
      target: 'yishi-bench-bare-write',
      stores: Object.fromEntries(TABLE_NAMES.map((t) => [t, stores[t]!])),
    });
  });
}

/** Runs `work` in the app on `profile`, once its meeting list is usable and has settled. */
function onTheMeetingList<T>(profile: string, work: (page: Page) => Promise<T>): Promise<T> {
  return withContext(profile, async (_context, page) => {
    await page.goto(`${APP_URL}#/meetings`, { waitUntil: 'commit', timeout: 60_000 });
    await page.waitForFunction(meetingListUsable, undefined, { polling: 'raf', timeout: 60_000 });
    await settle(page, 1_000);
    return work(page);
  });
}

/** Runs `work` on a blank page of the app's origin (answered by Playwright): the app does not run. */
function onBlankPage<T>(profile: string, name: string, work: (page: Page) => Promise<T>): Promise<T> {
  return withContext(profile, async (_context, page) => {
    const blank = `${APP_URL}${name}`;
    await page.route(blank, (route) =>
      route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>bare</title>' }),
    );
    await page.goto(blank);
    return work(page);
  });
}

/**
 * The baseline of the backup: every table read as the backup reads it, on a blank page of the
 * app's origin with the app not running (as measureBareWrite).
 */
async function measureBareRead(profile: string): Promise<BareRead> {
  log("backup: the bare read of every row (baseline of the backup's reading)");
  return onBlankPage(profile, 'bench-bare-read', (page) =>
    page.evaluate(bareReadInPage, {
      source: DB_NAME,
      tables: [...TABLE_NAMES],
      pageRows: BACKUP_PAGE_SIZE,
      pageRowsOf: BACKUP_PAGE_ROWS as Record<string, number>,
    }),
  );
}

/**
 * 立即备份 on the ten-year database, then 恢复 of that backup: on a copy of the profile, since a
 * restore rewrites the whole database (and would change what later measurements open).
 */
export async function measureBackupAndRestore(fullProfile: string) {
  log('backup: 立即备份 on the ten-year database, then 恢复 of that backup (on a copy of the profile)');
  const restoreProfile = `${fullProfile}-restore-copy`;
  await rm(restoreProfile, { recursive: true, force: true });
  await cp(fullProfile, restoreProfile, { recursive: true });
  let backup: Awaited<ReturnType<typeof measureBackup>>;
  let bare: BareWrite;
  let bareRead: BareRead;
  try {
    backup = await onTheMeetingList(restoreProfile, measureBackup);
    bare = await measureBareWrite(restoreProfile);
    bareRead = await measureBareRead(restoreProfile);
  } finally {
    await rm(restoreProfile, { recursive: true, force: true });
  }
  log(
    `backup: ${backup.ms.toFixed(0)} ms, ${(backup.bytes / 1e6).toFixed(1)} MB, longest frame gap ${backup.longestFrameGapMs.toFixed(0)} ms`,
  );
  const restored = backup.restore;
  log(
    `restore: question in ${restored.questionMs.toFixed(0)} ms, current tables counted in ${restored.countedMs.toFixed(0)} ms, checked in ${restored.checkMs.toFixed(0)} ms, restored in ${restored.restoreMs.toFixed(0)} ms, longest frame gap ${restored.longestFrameGapMs.toFixed(0)} ms (by step: ${JSON.stringify(restored.gapByStep, (_k, v: unknown) => (typeof v === 'number' ? Math.round(v) : v))}), heap peak ${restored.peakHeapMB.toFixed(0)} MB; gaps over 100 ms: ${JSON.stringify(restored.longGaps)}`,
  );
  const intoEmpty = backup.intoEmpty;
  // The writing rate is judged where every row is written: into the empty database.
  const rowsPerSecond = bare.rows / (intoEmpty.rowsMs / 1000);
  const barePerSecond = bare.rows / (bare.ms / 1000);
  log(
    `restore over the same data: safety backup ${restored.safetyBackupMs.toFixed(0)} ms, rows step ${restored.rowsMs.toFixed(0)} ms (${JSON.stringify(restored.written)})`,
  );
  log(
    `restore into an empty database: ${intoEmpty.restoreMs.toFixed(0)} ms, safety backup ${intoEmpty.safetyBackupMs.toFixed(0)} ms, rows step ${intoEmpty.rowsMs.toFixed(0)} ms for ${bare.rows} rows (${rowsPerSecond.toFixed(0)}/s, ${JSON.stringify(intoEmpty.written)}); bare write ${bare.ms.toFixed(0)} ms (${barePerSecond.toFixed(0)}/s)`,
  );
  return backupFigures(backup, bareRead, rowsPerSecond / barePerSecond, rowsPerSecond, barePerSecond);
}

/**
 * 立即备份 alone (`YISHI_BENCH_PARTS=backupnow`): the backup's figures without the restore, which
 * takes a quarter of an hour at ×1. On a copy of the profile, as the backup adds to its store.
 */
export async function measureBackupNow(fullProfile: string): Promise<BenchFigure[]> {
  log('backup: 立即备份 on the ten-year database (on a copy of the profile), no restore');
  const copy = `${fullProfile}-backup-copy`;
  await rm(copy, { recursive: true, force: true });
  await cp(fullProfile, copy, { recursive: true });
  let backup: BackupFigures;
  let bareRead: BareRead;
  try {
    backup = await onTheMeetingList(copy, async (page) => {
      const timed = await backUpOnPage(page);
      return { ...timed, bytes: await page.evaluate(newestBackupSize, { clear: true }) };
    });
    bareRead = await measureBareRead(copy);
  } finally {
    await rm(copy, { recursive: true, force: true });
  }
  log(
    `backup: ${backup.ms.toFixed(0)} ms, ${(backup.bytes / 1e6).toFixed(1)} MB, longest frame gap ${backup.longestFrameGapMs.toFixed(0)} ms`,
  );
  log(`backup: bare read of ${bareRead.rows} rows ${bareRead.ms.toFixed(0)} ms`);
  return backupNowFigures(backup, bareRead);
}
