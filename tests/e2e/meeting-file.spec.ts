/**
 * Meeting files of format 3 (issue #13): a signed meeting with its follow-up, exported on one
 * computer, imported on an empty one that registered the signer's key → 由「…」签署，签名有效 and
 * the follow-up is there; the same file with one byte of a decision changed and the fingerprint
 * recomputed → 内容与签名不符, nothing stored. Then A amends the meeting and sends it again: B's
 * signed copy takes the amendment (A's key is registered), and the first file, imported once more,
 * is older and changes nothing.
 */
import { test, expect, type Browser, type Page, type TestInfo } from '@playwright/test';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { dumpDatabase, openWorkbenchWithDemo } from './helpers';
import { fingerprintRecord } from '../../shared/meeting/fingerprint';
import type { MeetingRecord } from '../../shared/meeting/record';

const SCREENS = '.tmp/screens';
type Loose = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** A signed demo meeting without amendments whose decisions have progress notes and a 公示. */
async function signedMeetingWithFollowup(page: Page): Promise<{ meetingId: string; note: Loose }> {
  const dump = (await dumpDatabase(page)) as Record<string, Loose[]>;
  const amended = new Set(dump.amendments!.map((a) => a.meetingId));
  const noted = new Map(dump.decisionProgress!.map((p) => [p.meetingId, p]));
  const meeting = dump.meetings!.find((m) => m.status === 'signed' && !amended.has(m.id) && noted.has(m.id));
  if (!meeting) throw new Error('the demo has no signed meeting with follow-up');
  return { meetingId: meeting.id, note: noted.get(meeting.id)! };
}

/** Where a test keeps the files it exchanges between its two computers. */
async function filesDir(info: TestInfo): Promise<string> {
  await mkdir(SCREENS, { recursive: true });
  const dir = info.outputPath('files');
  await mkdir(dir, { recursive: true });
  return dir;
}

async function download(page: Page, click: () => Promise<void>, file: string): Promise<string> {
  const waiting = page.waitForEvent('download');
  await click();
  await (await waiting).saveAs(file);
  return file;
}

/** An empty profile: a new community set up by hand, no demo, no keys but its own. */
async function emptyProfile(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ acceptDownloads: true, reducedMotion: 'reduce' });
  const page = await context.newPage();
  await page.goto('/');
  await page.getByLabel('区（县）名称').fill('东营区');
  await page.getByLabel('街道（镇）名称').fill('文汇街道');
  await page.getByLabel('社区名称').fill('审阅社区');
  await page.getByLabel('文件落款单位').fill('中共文汇街道审阅社区委员会');
  await page.getByRole('button', { name: '建立并开始使用' }).click();
  await expect(page.getByRole('heading', { name: '工作台', level: 1 })).toBeVisible();
  return page;
}

async function importMeetingFile(page: Page, file: string): Promise<void> {
  await page.getByRole('menuitem', { name: '会议' }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: '导入会议记录' }).click();
  await (await chooser).setFiles(file);
}

test('a signed meeting with its follow-up travels to an empty profile; a re-sealed copy is 内容与签名不符', async ({
  page,
  browser,
}, info) => {
  test.setTimeout(120_000);
  const dir = await filesDir(info);

  // Computer A (the demo community): its public key file and one signed meeting's file.
  await openWorkbenchWithDemo(page);
  await page.getByRole('menuitem', { name: '设置' }).click();
  const keys = page.getByTestId('signing-keys');
  const keyFile = await download(
    page,
    () => keys.getByRole('button', { name: '导出公钥文件' }).click(),
    path.join(dir, 'key.json'),
  );
  const organisation = (JSON.parse(await readFile(keyFile, 'utf8')) as { organisation: string }).organisation;
  const { meetingId, note } = await signedMeetingWithFollowup(page);
  await page.goto(`/#/meetings/${meetingId}`);
  await page.getByRole('button', { name: '导出文件' }).click();
  const meetingFile = await download(
    page,
    () => page.getByRole('menuitem', { name: '会议记录文件（JSON）' }).click(),
    path.join(dir, 'meeting.json'),
  );
  const file = JSON.parse(await readFile(meetingFile, 'utf8')) as Loose;
  expect(file.formatVersion).toBe(3);
  expect(file.signatures.length).toBeGreaterThan(0);
  expect(file.followup.progress.map((p: Loose) => p.id)).toContain(note.id);

  // The same file, one character of a decision changed and the fingerprint recomputed.
  const tampered = structuredClone(file);
  const decision = tampered.record.decisions[0];
  decision.standard = `${decision.standard.slice(0, -1)}改`;
  tampered.record.meeting.fingerprint = await fingerprintRecord(tampered.record as MeetingRecord);
  const tamperedFile = path.join(dir, 'tampered.json');
  await writeFile(tamperedFile, JSON.stringify(tampered, null, 2));

  // Computer B: empty, registers A's key, then imports.
  const other = await emptyProfile(browser);
  await other.getByRole('menuitem', { name: '设置' }).click();
  // The screen loads first (slow on a loaded CI machine): the wait for the chooser starts at the click.
  const importKeyButton = other.getByTestId('signing-keys').getByRole('button', { name: '导入公钥文件' });
  await expect(importKeyButton).toBeVisible({ timeout: 30_000 });
  const chooser = other.waitForEvent('filechooser');
  await importKeyButton.click();
  await (await chooser).setFiles(keyFile);
  await expect(other.getByTestId('signing-keys')).toContainText(organisation);

  await importMeetingFile(other, tamperedFile);
  const refusal = other.locator('.ant-modal-confirm');
  await expect(refusal).toContainText('内容与签名不符，没有导入');
  await expect(refusal).toContainText('重新计算了指纹');
  await other.screenshot({ path: `${SCREENS}/file-import-mismatch.png` });
  await refusal.getByRole('button').last().click();
  expect(((await dumpDatabase(other)).meetings ?? []).length).toBe(0);

  await importMeetingFile(other, meetingFile);
  const verdict = other.getByTestId('import-verdict');
  await expect(verdict).toContainText(`核验结果：由「${organisation}」签署，签名有效`);
  await expect(verdict).toContainText(`办理进展${file.followup.progress.length}条`);
  await other.screenshot({ path: `${SCREENS}/file-import-valid.png` });
  await other.getByRole('tab', { name: '签字与定稿' }).click();
  await other.getByRole('button', { name: '核验' }).click();
  await expect(other.getByTestId('verification')).toContainText(`由「${organisation}」签署，签名有效`);

  // The follow-up came with it: the note is on the decision's page.
  await other.goto(`/#/followup/${note.decisionId}`);
  await expect(other.getByText(note.text as string).first()).toBeVisible();
  const stored = (await dumpDatabase(other)) as Record<string, Loose[]>;
  expect(stored.decisionProgress!.map((p) => p.id).sort()).toEqual(
    file.followup.progress.map((p: Loose) => p.id).sort(),
  );
  expect(stored.recordSignatures!.length).toBe(file.signatures.length);
});

/** Amends the first decision's deadline on the open signed meeting (the 修订 dialog, as a secretary does). */
async function amendDeadline(page: Page, decisionTitle: string, date: string): Promise<void> {
  await page.getByRole('tab', { name: '签字与定稿' }).click();
  await page.getByRole('button', { name: '修订' }).click();
  const dialog = page.getByRole('dialog', { name: '修订' });
  await dialog.getByLabel('更正项目').click();
  await page.getByTitle('决定的完成时限').click();
  await dialog.getByLabel('更正内容').click();
  await page.getByTitle(decisionTitle).click();
  await dialog.getByLabel('更正为').fill(date);
  await page.keyboard.press('Enter');
  await dialog.getByLabel('修订原因').fill('完成时限经主持人确认延后');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
}

test('a signed meeting amended on one computer updates the signed copy on another; the older file changes nothing', async ({
  page,
  browser,
}, info) => {
  test.setTimeout(120_000);
  const dir = await filesDir(info);

  await openWorkbenchWithDemo(page);
  await page.getByRole('menuitem', { name: '设置' }).click();
  const keyFile = await download(
    page,
    () => page.getByTestId('signing-keys').getByRole('button', { name: '导出公钥文件' }).click(),
    path.join(dir, 'key.json'),
  );
  const { meetingId } = await signedMeetingWithFollowup(page);
  const exportFile = async (name: string) => {
    await page.goto(`/#/meetings/${meetingId}`);
    await page.getByRole('button', { name: '导出文件' }).click();
    return download(
      page,
      () => page.getByRole('menuitem', { name: '会议记录文件（JSON）' }).click(),
      path.join(dir, name),
    );
  };
  const firstFile = await exportFile('first.json');
  const first = JSON.parse(await readFile(firstFile, 'utf8')) as Loose;
  const decision = first.record.decisions[0] as Loose;

  const other = await emptyProfile(browser);
  await other.getByRole('menuitem', { name: '设置' }).click();
  // The screen loads first (slow on a loaded CI machine): the wait for the chooser starts at the click.
  const importKeyButton = other.getByTestId('signing-keys').getByRole('button', { name: '导入公钥文件' });
  await expect(importKeyButton).toBeVisible({ timeout: 30_000 });
  const chooser = other.waitForEvent('filechooser');
  await importKeyButton.click();
  await (await chooser).setFiles(keyFile);
  await importMeetingFile(other, firstFile);
  await expect(other.getByTestId('import-verdict')).toContainText('签名有效');

  // Computer A amends the deadline and sends the meeting again.
  await page.goto(`/#/meetings/${meetingId}`);
  await amendDeadline(page, decision.title as string, '2027-06-30');
  const amendedFile = await exportFile('amended.json');

  await importMeetingFile(other, amendedFile);
  // The message of the first import may still show: the newest one is looked for by its words.
  const verdicts = other.getByTestId('import-verdict');
  await expect(verdicts.filter({ hasText: '本机的已签字记录已更新为文件中修订后的版本：补入修订1次' })).toBeVisible();
  await other.screenshot({ path: `${SCREENS}/file-import-amended.png` });
  const stored = (await dumpDatabase(other)) as Record<string, Loose[]>;
  expect(stored.decisions!.find((d) => d.id === decision.id)!.deadline).toBe('2027-06-30');
  expect(stored.amendments!.filter((a) => a.meetingId === meetingId)).toHaveLength(1);
  await other.getByRole('tab', { name: '签字与定稿' }).click();
  await other.getByRole('button', { name: '核验' }).click();
  await expect(other.getByTestId('verification')).toContainText('与签字锁定及其后1次修订一致');

  // The first file once more: older than what B now holds, nothing changes.
  await importMeetingFile(other, firstFile);
  await expect(verdicts.filter({ hasText: '文件中的记录比本机的旧（本机多修订1次）' })).toBeVisible();
  const again = (await dumpDatabase(other)) as Record<string, Loose[]>;
  expect(again.decisions!.find((d) => d.id === decision.id)!.deadline).toBe('2027-06-30');
});
