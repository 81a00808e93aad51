/**
 * SIGKILL of the browser in the middle of a big write: a 5,000-row roster import and a restore
 * of a large backup. After a relaunch the data must be wholly before or wholly after, never half.
 */
import { test, expect, type Page } from '@playwright/test';
import { withoutRosterKeys } from '../../shared/roster/rosterKeys';
import { writeFile } from 'node:fs/promises';
import { dumpDatabase, openWithDemo, waitForSearchIndex } from '../e2e/helpers';
import { makeRosterXlsx } from '../fixtures/rosterFiles';
import { makeBackupDocument, readBackupDocument } from '../../shared/backup/document';
import { TABLE_NAMES, primaryKeyOf, type TableName, type TableRows } from '../../shared/store/schema';
import type { Person } from '../../shared/domain/person';
import {
  discard,
  killBrowser,
  openAfterRelaunch,
  launchProfile,
  makeProfileDir,
  removeProfileDir,
  sleep,
} from './browserProcess';

// Three rounds give each kind of kill of killPlan once: right after confirming, late inside the
// write, after the success message. YISHI_KILL_WRITE_ROUNDS=8 for more random moments.
const ROUNDS = Number(process.env.YISHI_KILL_WRITE_ROUNDS ?? 3);

// Each test kills its own browser on its own profile: the tests may run on both workers at once.
test.describe.configure({ mode: 'parallel' });
const ROWS = 5000;
/**
 * People in the large backup snapshots the restore swaps between: ~12 MB, whose rows take seconds
 * to go in, so a kill within the first 600 ms of step two lands inside the one transaction.
 */
const BIG_A = 10_000;
const BIG_B = 6_000;

/**
 * When to kill, per round: right after confirming (0–300 ms), later while the write is likely
 * still running (`late`, ms: for an import measured from the click, which commits ~1.5 s after
 * it; for a restore from the moment it reports its second step, the rows going in), and, in the
 * last round, only once the app reports success (a committed write must survive the kill too).
 */
function killPlan(round: number, late: [number, number]): { afterSuccess: boolean; delay: number } {
  if (round === ROUNDS) return { afterSuccess: true, delay: -1 };
  if (round % 2 === 1) return { afterSuccess: false, delay: Math.round(Math.random() * 300) };
  return { afterSuccess: false, delay: Math.round(late[0] + Math.random() * (late[1] - late[0])) };
}

/** Opens the app on whatever the profile holds and waits until it has started. */
async function openApp(page: Page): Promise<void> {
  await openAfterRelaunch(page, 20_000);
}

function rosterRows(tag: string): string[][] {
  const rows = [['姓名', '联系电话', '所属小区', '身份']];
  for (let i = 0; i < ROWS; i++)
    rows.push([`压测${tag}${i}`, `139${String(i).padStart(8, '0')}`, '帝纱富仕城', '居民代表']);
  return rows;
}

test('SIGKILL during a 5,000-row roster import leaves all or none of the rows', async ({ baseURL }, info) => {
  test.setTimeout(Math.max(120_000, ROUNDS * 50_000));
  const dir = await makeProfileDir('import');
  const outcomes: string[] = [];
  try {
    let { context, page } = await launchProfile(info, dir, baseURL);
    await openWithDemo(page);
    await waitForSearchIndex(page); // see kill-during-record-write.spec.ts: kills start after the index burst
    for (let round = 1; round <= ROUNDS; round++) {
      const tag = String.fromCharCode(64 + round); // A, B, C…: names differ per round, so no row is a duplicate
      const roundStart = Date.now();
      const file = info.outputPath(`roster-${tag}.xlsx`);
      await writeFile(file, await makeRosterXlsx(rosterRows(tag)));
      const before = ((await dumpDatabase(page)).people ?? []).length;

      await page.getByRole('menuitem', { name: '人员名册' }).click();
      await page.getByRole('button', { name: '从 Excel 导入' }).click();
      const chooser = page.waitForEvent('filechooser');
      await page.getByRole('button', { name: '选择文件' }).click();
      await (await chooser).setFiles(file);
      const dialog = page.getByRole('dialog');
      await expect(dialog.getByText(`可导入${ROWS}行`)).toBeVisible({ timeout: 60_000 });
      const previewed = Date.now();
      const { afterSuccess: afterCommit, delay } = killPlan(round, [300, 1500]);
      await dialog.getByRole('button', { name: `确认导入${ROWS}人` }).click();
      if (afterCommit) await expect(page.getByText(`已导入${ROWS}人。`)).toBeVisible({ timeout: 60_000 });
      else await sleep(delay);
      const confirmToKill = Date.now() - previewed;
      await killBrowser(dir);
      await discard(context);

      ({ context, page } = await launchProfile(info, dir, baseURL));
      await openApp(page);
      const people = ((await dumpDatabase(page)).people ?? []) as Person[];
      const imported = people.filter((p) => p.name.startsWith(`压测${tag}`)).length;
      const outcome = people.length === before ? 'before' : people.length === before + ROWS ? 'after' : 'HALF';
      const when = afterCommit ? `after the success message (${confirmToKill} ms)` : `${delay} ms after confirm`;
      outcomes.push(`${when} → ${outcome}`);
      console.log(
        `kill-during-write import #${round}: killed ${when}; file+preview ${Math.round((previewed - roundStart) / 1000)} s; people ${before} → ${people.length} (${imported} of this round's ${ROWS}): ${outcome}`,
      );
      expect([0, ROWS]).toContain(imported);
      expect([before, before + ROWS]).toContain(people.length);
      if (afterCommit) expect(outcome, 'an import reported as done was lost').toBe('after');
    }
    await context.close();
  } finally {
    await removeProfileDir(dir);
  }
  console.log(`kill-during-write import: ${outcomes.join('; ')}`);
});

/** A large snapshot: the demo tables plus `count` generated people. */
function bigSnapshot(demo: TableRows, count: number, tag: string): string {
  const template = demo.people[0]!;
  const people: Person[] = [...demo.people];
  for (let i = 0; i < count; i++)
    people.push({
      ...template,
      id: `big-${tag}-${i}`,
      name: `备份${tag}${i}`,
      phone: `138${String(i).padStart(8, '0')}`,
      initials: 'bf',
    });
  return JSON.stringify(makeBackupDocument({ ...demo, people }, 'fault-test', new Date()));
}

/** The table rows exactly as a restore of this text writes them. */
function expectedRows(text: string): Record<string, unknown[]> {
  const reading = readBackupDocument(text);
  if (!reading.ok) throw new Error(`test backup refused: ${JSON.stringify(reading.problem)}`);
  return reading.document.tables;
}

/**
 * The app itself writes on start: the daily backup stamps settings.lastDailyBackupDay. That
 * one field is not part of what a restore decides, so it is left out of the comparison, as is
 * the restore's own audit entry.
 */
function comparable(rows: unknown[], table: TableName): unknown[] {
  const key = primaryKeyOf(table);
  // In primary-key order, as IndexedDB returns them.
  const sorted = [...(rows as Record<string, unknown>[])].sort((a, b) =>
    String(a[key]) < String(b[key]) ? -1 : String(a[key]) > String(b[key]) ? 1 : 0,
  );
  // A restore chains its own entry onto the restored log in the same transaction; the head
  // follows from the log. Every earlier entry must still match.
  if (table === 'auditHead') return [];
  if (table === 'auditLog') return sorted.filter((r) => r.action !== 'restore');
  // A backup leaves out a person's roster keys (derived from the row, worked out again when
  // the row is written); the stored rows carry them.
  if (table === 'people') return sorted.map((r) => withoutRosterKeys(r));
  if (table !== 'settings') return sorted;
  return sorted.map((r) => {
    const { lastDailyBackupDay: _day, ...rest } = r;
    return rest;
  });
}

/** JSON with object keys sorted, so equal data gives equal text whatever the key order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/**
 * The tables that differ; empty when the dump holds exactly these tables. Compared as canonical
 * text: a matcher's diff of two 20,000-row tables would take minutes to print.
 */
function differingTables(dump: Record<string, unknown[]>, tables: Record<string, unknown[]>): string[] {
  return TABLE_NAMES.filter(
    (t) => canonical(comparable(dump[t] ?? [], t)) !== canonical(comparable(tables[t] ?? [], t)),
  );
}

const sameTables = (dump: Record<string, unknown[]>, tables: Record<string, unknown[]>) =>
  differingTables(dump, tables).length === 0;

/**
 * The relaunched app's word on a restore cut short (data/restoreMark.ts): required after a kill
 * inside the rows (the restore's mark is written before them, in a transaction of its own), and,
 * wherever it comes, naming what the data shows — undone for the old snapshot, done for the new.
 */
async function expectInterruptedRestoreNotice(page: Page, outcome: string, required: boolean): Promise<void> {
  const notice = page.locator('.ant-notification-notice').filter({ hasText: '上次的恢复' });
  const shown = await notice.waitFor({ timeout: required ? 15_000 : 3_000 }).then(
    () => true,
    () => false,
  );
  console.log(`kill-during-write restore: notice ${shown ? `“${await notice.innerText()}”` : 'none'}`);
  if (required) expect(shown, 'no word after a restore cut short in its rows').toBe(true);
  if (!shown) return;
  await expect(notice).toContainText(outcome === 'new' ? '上次的恢复已经完成' : '上次的恢复没有完成，已经撤销');
  // It stays until closed; its button closes it and opens 备份与恢复 (where the next round starts).
  await notice.getByRole('button', { name: '打开备份与恢复' }).click();
  await expect(notice).toHaveCount(0);
  await expect(page.getByRole('heading', { name: '备份与恢复', level: 1 })).toBeVisible();
}

test('SIGKILL during a restore of a large backup leaves the old or the new snapshot whole', async ({
  baseURL,
}, info) => {
  test.setTimeout(Math.max(120_000, ROUNDS * 50_000));
  const dir = await makeProfileDir('restore');
  const outcomes: string[] = [];
  try {
    let { context, page } = await launchProfile(info, dir, baseURL);
    await openWithDemo(page);
    await waitForSearchIndex(page); // see kill-during-record-write.spec.ts: kills start after the index burst
    const demo = (await dumpDatabase(page)) as unknown as TableRows;
    const texts = { A: bigSnapshot(demo, BIG_A, 'A'), B: bigSnapshot(demo, BIG_B, 'B') };
    const files = { A: info.outputPath('backup-A.json'), B: info.outputPath('backup-B.json') };
    await writeFile(files.A, texts.A);
    await writeFile(files.B, texts.B);
    const snapshots = { A: expectedRows(texts.A), B: expectedRows(texts.B) };
    console.log(
      `kill-during-write restore: backups of ${(texts.A.length / 1e6).toFixed(1)} MB (${demo.people.length + BIG_A} people) and ${(texts.B.length / 1e6).toFixed(1)} MB (${demo.people.length + BIG_B} people)`,
    );

    let current: Record<string, unknown[]> = await dumpDatabase(page);
    for (let round = 1; round <= ROUNDS; round++) {
      const target = sameTables(current, snapshots.A) ? 'B' : 'A';
      await page.getByRole('menuitem', { name: '备份与恢复' }).click();
      const chooser = page.waitForEvent('filechooser');
      await page.getByRole('button', { name: '从文件恢复…' }).click();
      await (await chooser).setFiles(files[target]);
      await expect(page.getByTestId('restore-comparison')).toBeVisible({ timeout: 30_000 });
      const { afterSuccess, delay } = killPlan(round, [0, 600]);
      const confirmed = Date.now();
      await page.getByRole('button', { name: '替换并恢复' }).click();
      let when: string;
      if (afterSuccess) {
        await expect(page.getByText('已从备份恢复。')).toBeVisible({ timeout: 60_000 });
        when = `after the success message (${Date.now() - confirmed} ms)`;
      } else if (round % 2 === 0) {
        // Late rounds kill while the rows go in (step two, after the safety backup), so the kill
        // lands inside the one transaction that replaces everything.
        await expect(page.getByText(/第二步/)).toBeVisible({ timeout: 60_000 });
        const stepTwo = Date.now() - confirmed;
        await sleep(delay);
        when = `${delay} ms into step two (${stepTwo + delay} ms after confirm)`;
      } else {
        await sleep(delay);
        when = `${delay} ms after confirm`;
      }
      await killBrowser(dir);
      await discard(context);

      ({ context, page } = await launchProfile(info, dir, baseURL));
      await openApp(page);
      const after = await dumpDatabase(page);
      const outcome = sameTables(after, current) ? 'old' : sameTables(after, snapshots[target]) ? 'new' : 'MIXED';
      outcomes.push(`${when} → ${outcome}`);
      console.log(
        `kill-during-write restore #${round}: killed ${when}; people ${(current.people ?? []).length} → ${(after.people ?? []).length} (target ${snapshots[target].people!.length}): ${outcome}`,
      );
      if (outcome === 'MIXED')
        console.log(
          `  differs from old in ${differingTables(after, current).join(', ')}; from new in ${differingTables(after, snapshots[target]).join(', ')}`,
        );
      expect(outcome).not.toBe('MIXED');
      if (afterSuccess) expect(outcome, 'a restore reported as done was lost').toBe('new');
      await expectInterruptedRestoreNotice(page, outcome, !afterSuccess && round % 2 === 0);
      current = after;
    }
    await context.close();
  } finally {
    await removeProfileDir(dir);
  }
  console.log(`kill-during-write restore: ${outcomes.join('; ')}`);
});
