/**
 * Meeting files and restores against what this computer already stores: a crafted file never
 * touches another meeting, the same signed record imported again changes nothing, every refusal
 * is Chinese (the field in words, fingerprints in full), and a restore verifies every signed
 * meeting and names the ones that no longer match their seal.
 */
import { test, expect, type Page } from '@playwright/test';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { dumpDatabase, openWithDemo, patchRowRaw } from './helpers';
import { makeBackupDocument } from '../../shared/backup/document';
import { meetingFileText } from '../../shared/meeting/file';
import type { MeetingRecord } from '../../shared/meeting/record';
import type { TableRows } from '../../shared/store/schema';
import { renamedRecord } from '../unit/hostile/records';

const EXAMPLE = path.resolve('docs/examples/帝纱富仕城红板凳议事会-2026年第7期.yishi.json');
const SCREENS = '.tmp/screens';
type Loose = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * The database without the one field the app writes on its own a few seconds after start (the
 * daily backup's day), which has nothing to do with an import.
 */
async function stableDump(page: Page): Promise<Record<string, unknown[]>> {
  const dump = await dumpDatabase(page);
  dump.settings = (dump.settings as Loose[]).map(({ lastDailyBackupDay: _day, ...rest }) => rest);
  return dump;
}

async function example(): Promise<Loose> {
  return JSON.parse(await readFile(EXAMPLE, 'utf8')) as Loose;
}

async function importFile(page: Page, file: string): Promise<void> {
  await page.getByRole('menuitem', { name: '会议' }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: '导入会议记录' }).click();
  await (await chooser).setFiles(file);
}

/** The refusal dialog says `text`; it is closed again. */
async function expectRefusal(page: Page, text: string | RegExp, screenshot?: string): Promise<void> {
  const dialog = page.locator('.ant-modal-confirm');
  await expect(dialog).toContainText(text);
  // Chinese only: no zod English, no path of keys.
  await expect(dialog).not.toContainText(/Invalid|expected|received|record\.|\.\d+\./);
  if (screenshot) await page.screenshot({ path: `${SCREENS}/${screenshot}` });
  await dialog.getByRole('button').last().click();
  await expect(dialog).toBeHidden();
}

/** A third meeting's file (unsigned), changed by `change`. */
async function craftedFile(dir: string, name: string, change: (record: Loose) => void): Promise<string> {
  const record = renamedRecord((await example()).record as MeetingRecord, 'crafted') as unknown as Loose;
  change(record);
  const file = path.join(dir, name);
  await writeFile(file, meetingFileText(record as MeetingRecord, 'e2e', new Date()));
  return file;
}

test('meeting files: refused in Chinese when crafted, the same signed record changes nothing', async ({
  page,
}, info) => {
  await mkdir(SCREENS, { recursive: true });
  const dir = info.outputPath('files');
  await mkdir(dir, { recursive: true });
  const file = await example();
  await openWithDemo(page);

  // Tampered: both fingerprints in full and where they part.
  const tampered = path.join(dir, 'tampered.json');
  await writeFile(tampered, JSON.stringify(file).replace('新增车位不少于20个', '新增车位不少于2个'));
  await importFile(page, tampered);
  const stored = (file.record.meeting.fingerprint as string).toUpperCase().match(/.{4}/g)!.join(' ');
  await expectRefusal(
    page,
    new RegExp(`文件中的指纹：${stored}；按内容计算的指纹：[0-9A-F ]{79}；两者从第\\d+位起不同`),
    'import-tampered.png',
  );

  await importFile(page, EXAMPLE);
  await expect(page.getByRole('heading', { name: '帝纱富仕城红板凳议事会' })).toBeVisible();
  // Follow-up after the meeting: outside the seal, and must survive a re-import.
  const decisionId = file.record.decisions[0].id as string;
  await patchRowRaw(page, 'decisions', decisionId, { status: 'done' });
  const before = await stableDump(page);

  await importFile(page, EXAMPLE);
  await expect(
    page.getByText('本机已有这份已签字记录，与文件中的完全相同（指纹一致），没有做任何改动。'),
  ).toBeVisible();
  expect(await stableDump(page)).toEqual(before);

  const foreign = await craftedFile(dir, 'foreign.json', (r) => (r.decisions[0].id = decisionId));
  await importFile(page, foreign);
  await expectRefusal(
    page,
    '文件中第1项决定的编号与本机另一个会议“帝纱富仕城红板凳议事会”（2026年第7期）的记录编号相同，导入会改动那个会议，所以没有导入。',
    'import-foreign.png',
  );

  const deep = `${'{"content":['.repeat(10_000)}{}${']}'.repeat(10_000)}`;
  const deepFile = await craftedFile(dir, 'deep.json', (r) => (r.minutes[0].doc = 'DEEP'));
  await writeFile(deepFile, (await readFile(deepFile, 'utf8')).replace('"DEEP"', deep));
  await importFile(page, deepFile);
  await expectRefusal(page, '文件内容有误：第1段纪要的内容嵌套层数过多（超过256层）。没有导入。');

  const votes = await craftedFile(dir, 'votes.json', (r) => (r.votes[0].agree = '9'));
  await importFile(page, votes);
  await expectRefusal(page, '文件内容有误：第1次表决的同意票数应为数字。没有导入。', 'import-invalid.png');

  const untrimmed = path.join(dir, 'untrimmed.json');
  const spaced = structuredClone(file);
  spaced.record.decisions[1].standard = `${spaced.record.decisions[1].standard} `;
  await writeFile(untrimmed, JSON.stringify(spaced));
  await importFile(page, untrimmed);
  await expectRefusal(page, '第2项决定的完成标准前后有多余的空格');

  expect(await stableDump(page)).toEqual(before);
  expect(((await dumpDatabase(page)).decisions as Loose[]).find((d) => d.id === decisionId)?.status).toBe('done');
});

/** Restores `file` through 从文件恢复…; `done` is what the success message says the restore changed. */
async function restoreFile(page: Page, file: string, done = '已从备份恢复。'): Promise<void> {
  await page.getByRole('menuitem', { name: '备份与恢复' }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: '从文件恢复…' }).click();
  await (await chooser).setFiles(file);
  await expect(page.getByTestId('restore-comparison')).toBeVisible({ timeout: 30_000 });
  await page.getByRole('button', { name: '替换并恢复' }).click();
  await expect(page.getByText(done)).toBeVisible({ timeout: 30_000 });
}

test('a restore verifies every signed meeting and names the ones that no longer match', async ({ page }, info) => {
  await mkdir(SCREENS, { recursive: true });
  await openWithDemo(page);
  await importFile(page, EXAMPLE);
  await expect(page.getByRole('heading', { name: '帝纱富仕城红板凳议事会' })).toBeVisible();
  const tables = (await dumpDatabase(page)) as unknown as TableRows;
  const signed = tables.meetings.filter((m) => m.status === 'signed').length;

  const clean = info.outputPath('clean.json');
  await writeFile(clean, JSON.stringify(makeBackupDocument(tables, 'e2e', new Date())));
  // The same data as now: every row compared, none written.
  await restoreFile(page, clean, '已从备份恢复。现在的数据与备份本来就一致，没有改动任何记录。');
  await expect(page.getByText(`已核验恢复后的全部${signed}个已签字会议，都与签字时一致。`)).toBeVisible({
    timeout: 30_000,
  });

  // A backup whose copy of a signed decision was changed: restored (it is valid), then named.
  const file = await example();
  const changed = structuredClone(tables);
  const decision = changed.decisions.find((d) => d.id === file.record.decisions[0].id)!;
  decision.standard = `${decision.standard}（改）`;
  const altered = info.outputPath('altered.json');
  await writeFile(altered, JSON.stringify(makeBackupDocument(changed, 'e2e', new Date())));
  // Only what differs is written back: the decision, and the log as the file holds it (made before
  // the restore above, whose entry goes, and the log's head with it).
  await restoreFile(page, altered, '已从备份恢复。按备份新增、改回或删除了3条记录。');
  const report = page.locator('.ant-modal-confirm');
  await expect(report).toContainText('恢复后核验：有1个已签字会议与签字时不一致', { timeout: 30_000 });
  await expect(page.getByTestId('restore-unverified')).toHaveText('帝纱富仕城红板凳议事会（2026年第7期）');
  await page.screenshot({ path: `${SCREENS}/restore-unverified.png` });
});
