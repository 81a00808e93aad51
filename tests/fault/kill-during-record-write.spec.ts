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
import { paragraphsDoc } from '../../shared/fixtures/scale/generator';
import { SAMPLE_SIGNATURE_PNG, sampleRedBenchRecord } from '../../shared/fixtures/testRecord';
import { seededRandom } from '../../shared/random';
import { meetingFileText } from '../../shared/meeting/file';
import { verifyRecord, type Verification } from '../../shared/meeting/fingerprint';
import { signRecord } from '../../shared/meeting/lifecycle';
import { assembleRecord, RECORD_LISTS, type MeetingRecord } from '../../shared/meeting/record';
import { openWithDemo } from '../e2e/helpers';
import { renamedRecord } from '../unit/hostile/records';
import {
  discard,
  expectNoBootError,
  killBrowser,
  launchProfile,
  makeProfileDir,
  removeProfileDir,
  sleep,
} from './browserProcess';

const ROUNDS = Number(process.env.YISHI_KILL_WRITE_ROUNDS ?? 4);
const NOW = new Date('2026-07-16T08:00:00.000Z');
const ITEMS = 120;
const ATTENDEES = 1200;

/** The sample meeting grown to ~9 MB: many items with long minutes, many signed attendees. */
function bigRecord(tag: string): MeetingRecord {
  const base = renamedRecord(sampleRedBenchRecord(), tag);
  const meetingId = base.meeting.id;
  const sentence = '居民代表就车位施划、垃圾分类设施和消防通道畅通反复商议，物业公司逐条回应并承诺整改。';
  const template = base.agendaItems[0]!;
  const items = Array.from({ length: ITEMS }, (_, i) => ({
    ...template,
    id: `${tag}-big-item-${i}`,
    order: base.agendaItems.length + i,
    title: `议题${i + 1}`,
  }));
  const paragraphs = Array.from({ length: 60 }, (_, i) => `${i + 1}. ${sentence.repeat(12)}`);
  const doc = paragraphsDoc(paragraphs);
  const person = base.attendance[0]!;
  // Random bytes, as a drawn signature is: a backup of them cannot be compressed away.
  const random = seededRandom(tag.length * 7919 + tag.charCodeAt(tag.length - 1));
  const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const signature = () =>
    SAMPLE_SIGNATURE_PNG + Array.from({ length: 3000 }, () => BASE64[Math.floor(random() * 64)]).join('');
  return {
    ...base,
    agendaItems: [...base.agendaItems, ...items],
    minutes: [
      ...base.minutes,
      ...items.map((item) => ({
        agendaItemId: item.id,
        meetingId,
        schemaVersion: 1 as const,
        doc,
        text: paragraphs.join('\n'),
        updatedAt: base.meeting.startAt,
      })),
    ],
    attendance: [
      ...base.attendance,
      ...Array.from({ length: ATTENDEES }, (_, i) => ({
        ...person,
        id: `${tag}-big-attendee-${i}`,
        personId: undefined,
        name: `居民${i + 1}`,
        order: base.attendance.length + i,
        state: 'present' as const,
        signature: { kind: 'screen' as const, imageDataUrl: signature(), signedAt: base.meeting.startAt },
      })),
    ],
  };
}

async function signedBigRecord(tag: string): Promise<MeetingRecord> {
  const signed = await signRecord(bigRecord(tag), NOW);
  if (!signed.ok) throw new Error('the big record could not be signed');
  return signed.record;
}

/** Opens the app on whatever the profile holds and waits until it has started. */
async function openApp(page: Page): Promise<void> {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: '会议', level: 1 })).toBeVisible({ timeout: 30_000 });
  await expectNoBootError(page);
}

/** One meeting's rows as stored, read with the raw IndexedDB API (the app's code is not trusted). */
async function storedRows(page: Page, meetingId: string): Promise<Record<string, unknown[]>> {
  return page.evaluate(
    async ({ meetingId, lists }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('yishi');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const read = (request: IDBRequest) =>
        new Promise<unknown>((resolve, reject) => {
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
      const meeting = await read(db.transaction('meetings').objectStore('meetings').get(meetingId));
      const result: Record<string, unknown[]> = { meetings: meeting ? [meeting] : [] };
      for (const list of lists)
        result[list] = (await read(
          db.transaction(list).objectStore(list).index('meetingId').getAll(meetingId),
        )) as unknown[];
      db.close();
      return result;
    },
    { meetingId, lists: [...RECORD_LISTS] },
  );
}

/** The stored record of a meeting and how it verifies, or null when nothing of it is stored. */
async function storedRecord(
  page: Page,
  meetingId: string,
): Promise<{ record: MeetingRecord; verification: Verification; counts: number[] } | null> {
  const rows = await storedRows(page, meetingId);
  const counts = RECORD_LISTS.map((l) => rows[l]!.length);
  const meeting = rows.meetings![0] as MeetingRecord['meeting'] | undefined;
  if (!meeting) {
    expect(counts, `rows of ${meetingId} stored without their meeting`).toEqual(RECORD_LISTS.map(() => 0));
    return null;
  }
  const record = assembleRecord(meeting, rows as unknown as MeetingRecord, { orgPath: [], documentOrgName: '' });
  return { record, verification: await verifyRecord(record), counts };
}

const countsOf = (record: MeetingRecord) => RECORD_LISTS.map((l) => record[l].length);

/**
 * Notes when the app first writes to one of the watched stores after `armWrites`: the kill can
 * then land inside the write itself, whatever the reading and checking before it took. A test
 * hook in the page, not in the app: IndexedDB's own add/put are wrapped.
 */
async function watchWrites(context: BrowserContext): Promise<void> {
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

async function armWrites(page: Page, stores: string[]): Promise<void> {
  await page.evaluate((watched) => {
    const w = window as unknown as { __yishiWatch?: string[]; __yishiWriteAt?: number };
    w.__yishiWatch = watched;
    w.__yishiWriteAt = undefined;
  }, stores);
}

async function writeStartedAt(page: Page): Promise<number> {
  const handle = await page.waitForFunction(
    () => (window as unknown as { __yishiWriteAt?: number }).__yishiWriteAt,
    undefined,
    { timeout: 60_000 },
  );
  return (await handle.jsonValue()) as number;
}

type Plan = { kind: 'afterSuccess' } | { kind: 'early'; delay: number } | { kind: 'inWrite'; delay: number };

/**
 * When to kill in round `round`: the first round waits for the app's success message (a write
 * reported done must survive) and measures how long the write took; every third round kills
 * right after the click (0–300 ms); the others at a random moment inside the write.
 */
function killPlan(round: number, writeMs: number): Plan {
  if (round === 1) return { kind: 'afterSuccess' };
  if (round % 3 === 0) return { kind: 'early', delay: Math.round(Math.random() * 300) };
  return { kind: 'inWrite', delay: Math.round(Math.random() * writeMs) };
}

/**
 * Carries out the plan after the click that starts the write; returns how long the write took
 * when it waited for `success`, and what to log.
 */
async function awaitKillMoment(
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
  test.setTimeout(Math.max(180_000, ROUNDS * 60_000));
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
        expect(found.verification).toBe('consistent');
        stored.push(record);
      }
      // The meetings of earlier rounds are untouched.
      for (const earlier of stored)
        expect((await storedRecord(page, earlier.meeting.id))?.verification).toBe('consistent');
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
  test.setTimeout(Math.max(180_000, ROUNDS * 60_000));
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
      await page.getByRole('button', { name: '修 订' }).click();
      const dialog = page.getByRole('dialog', { name: '修订' });
      await dialog.getByLabel('更正为').fill(place);
      await dialog.getByLabel('修订原因').fill(`核对后更正地点（第${round}次）`);
      const plan = killPlan(round, writeMs);
      await armWrites(page, ['meetings']);
      await dialog.getByRole('button', { name: '保 存' }).click();
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
      expect(verification, 'the record does not verify after the kill').toBe('consistent');
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
  test.setTimeout(Math.max(180_000, ROUNDS * 60_000));
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
      if (now.meeting.status === 'signed') expect(verification).toBe('consistent');
      else {
        expect(now.meeting.status).toBe('finalised');
        expect(now.meeting.fingerprint).toBeUndefined();
        expect(verification).toBe('unsigned');
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

interface StoredBackup {
  id: string;
  reason: string;
  sizeBytes: number;
  bytes: number[];
  pieces: number;
}

/** The browser's backups as stored (entries and their pieces), read with the raw API. */
async function storedBackups(page: Page): Promise<StoredBackup[]> {
  const json = await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('yishi-backups');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const all = (store: string) =>
      new Promise<unknown[]>((resolve, reject) => {
        const request = db.transaction(store).objectStore(store).getAll();
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    const entries = (await all('backups')) as Array<{ id: string; reason: string; sizeBytes: number }>;
    const pieces = (await all('pieces')) as Array<{ backupId: string; index: number; bytes?: Uint8Array }>;
    db.close();
    return JSON.stringify(
      entries.map((e) => {
        const own = pieces.filter((p) => p.backupId === e.id).sort((a, b) => a.index - b.index);
        const bytes: number[] = [];
        for (const p of own) for (const b of p.bytes ?? []) bytes.push(b);
        return { ...e, bytes, pieces: own.length };
      }),
    );
  });
  return JSON.parse(json) as StoredBackup[];
}

test('SIGKILL while a backup is written never leaves a listed backup incomplete', async ({ baseURL }, info) => {
  test.setTimeout(Math.max(240_000, ROUNDS * 70_000));
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
      const manualBefore = (await storedBackups(page)).filter((b) => b.reason === 'manual').length;
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
        const reading = readBackupDocument(gunzipSync(Buffer.from(backup.bytes)).toString('utf8'));
        expect(reading.ok ? 'ok' : reading.problem.code, backup.id).toBe('ok');
      }
    }
    await context.close();
  } finally {
    await removeProfileDir(dir);
  }
  console.log(`kill-during-record-write backup: ${outcomes.join('; ')}`);
});
