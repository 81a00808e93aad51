/**
 * SIGKILL of the browser while a meeting record is written: a meeting-file import, an amendment
 * (修订, which rewrites the record's rows), signing (锁定) and writing a backup. After a relaunch
 * each must be wholly before or wholly after, and every signed meeting still verifies; a listed
 * backup is always complete. The records are large (~9 MB) so that the writes take long enough
 * to be hit. The harness is the one of kill-during-write.spec.ts (browserProcess.ts).
 */
import { test, expect, type BrowserContext, type Page, type TestInfo } from '@playwright/test';
import { writeFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { readBackupDocument } from '../../shared/backup/document';
import { meetingFileText } from '../../shared/meeting/file';
import type { Verification } from '../../shared/meeting/fingerprint';
import type { MeetingRecord } from '../../shared/meeting/record';
import { openWithDemo, waitForSearchIndex } from '../e2e/helpers';
import {
  discard,
  killBrowser,
  openAfterRelaunch,
  launchProfile,
  makeProfileDir,
  removeProfileDir,
} from './browserProcess';
import { armWrites, awaitKillMoment, killPlan, watchWrites } from './killMoment';
import { bigRecord, countsOf, signedBigRecord, storedBackups, storedRecord } from './recordStore';

// Three rounds give each kind of kill of killPlan once: after the success message, inside the
// write, right after the click. YISHI_KILL_WRITE_ROUNDS=8 for more random moments inside writes.
const ROUNDS = Number(process.env.YISHI_KILL_WRITE_ROUNDS ?? 3);

// Each test kills its own browser on its own profile: the tests may run on both workers at once.
test.describe.configure({ mode: 'parallel' });
const NOW = new Date('2026-07-16T08:00:00.000Z');
/** How a signed record that was never amended verifies. */
const SEALED: Verification = { state: 'consistent', amendments: 0 };

/** Opens the app on whatever the profile holds and waits until it has started. */
async function openApp(page: Page): Promise<void> {
  await openAfterRelaunch(page, 30_000);
}

/** Kills and relaunches; returns the new context and page. */
async function killAndRelaunch(dir: string, context: BrowserContext, info: TestInfo, baseURL: string | undefined) {
  await killBrowser(dir);
  await discard(context);
  const relaunched = await launchProfile(info, dir, baseURL);
  await watchWrites(relaunched.context);
  await openApp(relaunched.page);
  return relaunched;
}

/** A fresh profile with the demo community, the write watch installed. */
async function launchWithDemo(dir: string, info: TestInfo, baseURL: string | undefined) {
  const launched = await launchProfile(info, dir, baseURL);
  await watchWrites(launched.context);
  await openWithDemo(launched.page);
  // The demo's search index is written in the background for a few seconds. A kill in the middle
  // of that burst has twice come back to a profile Chromium had emptied (all tables, not one
  // record): that is Chromium's, not this write's, so the kills start after it.
  await waitForSearchIndex(launched.page);
  return launched;
}

async function importFile(page: Page, file: string): Promise<void> {
  await page.getByRole('menuitem', { name: '会议' }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: '导入会议记录' }).click();
  await (await chooser).setFiles(file);
}

test('SIGKILL during a meeting-file import leaves the meeting wholly absent or wholly stored and verifying', async ({
  baseURL,
}, info) => {
  test.setTimeout(Math.max(240_000, ROUNDS * 90_000));
  const dir = await makeProfileDir('import-meeting');
  const outcomes: string[] = [];
  try {
    let { context, page } = await launchWithDemo(dir, info, baseURL);
    let writeMs = 1000;
    const stored: MeetingRecord[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      const record = await signedBigRecord(`imp${round}`);
      const file = info.outputPath(`meeting-${round}.json`);
      await writeFile(file, meetingFileText(record, 'fault', NOW));
      const plan = killPlan(round, writeMs);
      await armWrites(page, ['meetings']);
      await importFile(page, file);
      const moment = await awaitKillMoment(page, plan, () =>
        expect(page.getByText('会议记录已导入').first()).toBeVisible({ timeout: 60_000 }),
      );
      writeMs = moment.writeMs ?? writeMs;
      ({ context, page } = await killAndRelaunch(dir, context, info, baseURL));

      const found = await storedRecord(page, record.meeting.id);
      const outcome = found ? 'stored' : 'absent';
      outcomes.push(`${moment.when} → ${outcome}`);
      console.log(`kill-during-record-write import #${round}: killed ${moment.when}: ${outcome}`);
      if (plan.kind === 'afterSuccess') expect(found, 'an import reported as done was lost').not.toBeNull();
      if (found) {
        expect(found.counts).toEqual(countsOf(record));
        expect(found.verification).toEqual(SEALED);
        stored.push(record);
      }
      // The meetings of earlier rounds are untouched.
      for (const earlier of stored)
        expect((await storedRecord(page, earlier.meeting.id))?.verification).toEqual(SEALED);
    }
    await context.close();
  } finally {
    await removeProfileDir(dir);
  }
  console.log(`kill-during-record-write import: ${outcomes.join('; ')}`);
});

/** Imports `record` (not killed) and opens its 签字与定稿 tab. */
async function importAndOpenSignTab(page: Page, file: string, record: MeetingRecord): Promise<void> {
  await writeFile(file, meetingFileText(record, 'fault', NOW));
  await importFile(page, file);
  await expect(page.getByRole('heading', { name: record.meeting.title })).toBeVisible({ timeout: 60_000 });
  await openSignTab(page, record.meeting.id);
}

async function openSignTab(page: Page, meetingId: string): Promise<void> {
  await page.goto(`/#/meetings/${meetingId}?tab=sign`);
  await expect(page.getByRole('tab', { name: '签字与定稿', selected: true })).toBeVisible({ timeout: 30_000 });
}

test('SIGKILL during an amendment leaves the record before or after it, verifying either way', async ({
  baseURL,
}, info) => {
  test.setTimeout(Math.max(240_000, ROUNDS * 90_000));
  const dir = await makeProfileDir('amend');
  const outcomes: string[] = [];
  try {
    let { context, page } = await launchWithDemo(dir, info, baseURL);
    const record = await signedBigRecord('amend');
    await importAndOpenSignTab(page, info.outputPath('amend.json'), record);
    let writeMs = 1000;
    let amendments = 0;
    for (let round = 1; round <= ROUNDS; round++) {
      const place = `第${round}次修订后的地点`;
      await page.getByRole('button', { name: '修订' }).click();
      const dialog = page.getByRole('dialog', { name: '修订' });
      await dialog.getByLabel('更正为').fill(place);
      await dialog.getByLabel('修订原因').fill(`核对后更正地点（第${round}次）`);
      const plan = killPlan(round, writeMs);
      await armWrites(page, ['meetings']);
      await dialog.getByRole('button', { name: '保存' }).click();
      const moment = await awaitKillMoment(page, plan, () =>
        expect(page.getByText('修订已追加，指纹已更新')).toBeVisible({ timeout: 60_000 }),
      );
      writeMs = moment.writeMs ?? writeMs;
      ({ context, page } = await killAndRelaunch(dir, context, info, baseURL));

      const found = await storedRecord(page, record.meeting.id);
      expect(found, 'the amended meeting disappeared').not.toBeNull();
      const { record: now, verification } = found!;
      const after = now.amendments.length === amendments + 1;
      outcomes.push(`${moment.when} → ${after ? 'after' : 'before'}`);
      console.log(`kill-during-record-write amend #${round}: killed ${moment.when}: ${after ? 'after' : 'before'}`);
      // Sealed, and the chain holds exactly the amendments stored (before or after this one).
      expect(verification, 'the record does not verify after the kill').toEqual({
        state: 'consistent',
        amendments: now.amendments.length,
      });
      expect([amendments, amendments + 1]).toContain(now.amendments.length);
      expect(now.meeting.place === place).toBe(after);
      expect(found!.counts.slice(0, -1)).toEqual(countsOf(record).slice(0, -1));
      if (plan.kind === 'afterSuccess') expect(after, 'an amendment reported as done was lost').toBe(true);
      if (after) amendments += 1;
      await openSignTab(page, record.meeting.id);
    }
    await context.close();
  } finally {
    await removeProfileDir(dir);
  }
  console.log(`kill-during-record-write amend: ${outcomes.join('; ')}`);
});

test('SIGKILL during signing leaves the meeting finalised and unsealed, or signed and verifying', async ({
  baseURL,
}, info) => {
  test.setTimeout(Math.max(240_000, ROUNDS * 90_000));
  const dir = await makeProfileDir('sign');
  const outcomes: string[] = [];
  try {
    let { context, page } = await launchWithDemo(dir, info, baseURL);
    // Signing writes one row: after the success round, kills land within its first 300 ms
    // (the screen then takes long to redraw 1,200 signatures, which is not the write).
    const WRITE_WINDOW_MS = 300;
    for (let round = 1; round <= ROUNDS; round++) {
      const record = bigRecord(`sign${round}`);
      expect(record.meeting.status).toBe('finalised');
      await importAndOpenSignTab(page, info.outputPath(`sign-${round}.json`), record);
      await page.getByRole('button', { name: '签字完成，锁定纪要' }).click();
      const plan = killPlan(round, WRITE_WINDOW_MS);
      await armWrites(page, ['meetings']);
      await page.getByRole('button', { name: '签字完成，锁定纪要' }).last().click();
      const moment = await awaitKillMoment(page, plan, () =>
        expect(page.getByTestId('fingerprint')).toHaveText(/^[0-9A-F]{4}(-[0-9A-F]{4}){3}$/, { timeout: 60_000 }),
      );
      ({ context, page } = await killAndRelaunch(dir, context, info, baseURL));

      const found = await storedRecord(page, record.meeting.id);
      expect(found, 'the meeting disappeared').not.toBeNull();
      const { record: now, verification } = found!;
      outcomes.push(`${moment.when} → ${now.meeting.status}`);
      console.log(`kill-during-record-write sign #${round}: killed ${moment.when}: ${now.meeting.status}`);
      expect(found!.counts).toEqual(countsOf(record));
      if (now.meeting.status === 'signed') expect(verification).toEqual(SEALED);
      else {
        expect(now.meeting.status).toBe('finalised');
        expect(now.meeting.fingerprint).toBeUndefined();
        expect(verification).toEqual({ state: 'unsigned' });
      }
      if (plan.kind === 'afterSuccess')
        expect(now.meeting.status, 'a signing reported as done was lost').toBe('signed');
    }
    await context.close();
  } finally {
    await removeProfileDir(dir);
  }
  console.log(`kill-during-record-write sign: ${outcomes.join('; ')}`);
});

test('SIGKILL while a backup is written never leaves a listed backup incomplete', async ({ baseURL }, info) => {
  test.setTimeout(Math.max(300_000, ROUNDS * 100_000));
  const dir = await makeProfileDir('backup-write');
  const outcomes: string[] = [];
  try {
    let { context, page } = await launchWithDemo(dir, info, baseURL);
    // Enough data for a backup that takes a while: two of the large meetings.
    for (const tag of ['bk1', 'bk2']) {
      const file = info.outputPath(`${tag}.json`);
      const record = await signedBigRecord(tag);
      await writeFile(file, meetingFileText(record, 'fault', NOW));
      await importFile(page, file);
      await expect(page.getByRole('heading', { name: record.meeting.title })).toBeVisible({ timeout: 60_000 });
    }
    let writeMs = 1000;
    for (let round = 1; round <= ROUNDS; round++) {
      await page.getByRole('menuitem', { name: '备份与恢复' }).click();
      const manualBefore = (await storedBackups(page, false)).filter((b) => b.reason === 'manual').length;
      const plan = killPlan(round, writeMs);
      await armWrites(page, ['pieces']);
      await page.getByRole('button', { name: '立即备份' }).click();
      const moment = await awaitKillMoment(page, plan, () =>
        expect(page.getByText(/已备份/)).toBeVisible({ timeout: 60_000 }),
      );
      writeMs = moment.writeMs ?? writeMs;
      ({ context, page } = await killAndRelaunch(dir, context, info, baseURL));

      const backups = await storedBackups(page);
      const manual = backups.filter((b) => b.reason === 'manual').length;
      outcomes.push(`${moment.when} → ${manual > manualBefore ? 'kept' : 'none'}`);
      console.log(
        `kill-during-record-write backup #${round}: killed ${moment.when}: ${manual - manualBefore} new manual backup(s), ${backups.length} listed`,
      );
      expect([manualBefore, manualBefore + 1]).toContain(manual);
      if (plan.kind === 'afterSuccess') expect(manual, 'a backup reported as done was lost').toBe(manualBefore + 1);
      // Every listed backup is whole: its size, and a complete backup document.
      for (const backup of backups) {
        expect(backup.bytes.length, `${backup.id} size`).toBe(backup.sizeBytes);
        const reading = readBackupDocument(gunzipSync(backup.bytes).toString('utf8'));
        expect(reading.ok ? 'ok' : reading.problem.code, backup.id).toBe('ok');
      }
    }
    await context.close();
  } finally {
    await removeProfileDir(dir);
  }
  console.log(`kill-during-record-write backup: ${outcomes.join('; ')}`);
});
