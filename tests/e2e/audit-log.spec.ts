/**
 * The audit log in 设置 (issue #13): a key change and an import appear with time, organisation and
 * words; 核验日志 says the log is complete, and names the entry changed past the app. Screenshots
 * of the card and of an import's verdict in normal type, large type and English.
 */
import { test, expect, type Page } from '@playwright/test';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { openWorkbenchWithDemo, patchRowRaw } from './helpers';

const SCREENS = '.tmp/screens';
const EXAMPLE = 'docs/examples/帝纱富仕城红板凳议事会-2026年第7期.yishi.json';

async function importFile(page: Page, file: string, menu = '会议', button = '导入会议记录'): Promise<void> {
  await page.getByRole('menuitem', { name: menu }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: button }).click();
  await (await chooser).setFiles(file);
}

/** The example as another, unsigned meeting in format 2 (before signatures). */
async function olderFormatCopy(dir: string, id: string): Promise<string> {
  const legacy = JSON.parse(await readFile(EXAMPLE, 'utf8'));
  legacy.formatVersion = 2;
  legacy.record.meeting.id = id;
  legacy.record.meeting.title = `${legacy.record.meeting.title}（${id}）`;
  for (const list of ['agendaItems', 'minutes', 'attendance', 'decisions', 'votes', 'householdConsultations'])
    for (const row of legacy.record[list]) {
      row.meetingId = id;
      if (row.id) row.id = `${id}-${row.id}`;
      if (row.agendaItemId) row.agendaItemId = `${id}-${row.agendaItemId}`;
    }
  delete legacy.record.meeting.fingerprint;
  delete legacy.record.meeting.signedAt;
  legacy.record.meeting.status = 'finalised';
  delete legacy.signatures;
  delete legacy.followup;
  const file = path.join(dir, `${id}.json`);
  await writeFile(file, JSON.stringify(legacy));
  return file;
}

test('设置 → 审计日志 lists key changes and imports; 核验日志 finds an entry edited past the app', async ({
  page,
}, info) => {
  test.setTimeout(120_000);
  await mkdir(SCREENS, { recursive: true });
  const dir = info.outputPath('files');
  await mkdir(dir, { recursive: true });
  await openWorkbenchWithDemo(page);

  await page.getByRole('menuitem', { name: '设置' }).click();
  // No OS key store in a browser: said so, in Chinese (Electron uses safeStorage where it can).
  await expect(page.getByTestId('key-protection')).toContainText('浏览器版不能使用操作系统的安全存储（safeStorage）');
  await expect(page.getByTestId('key-kept-by')).toHaveText('以不可导出的形式保存在本机数据库中');
  await page.getByTestId('signing-keys').screenshot({ path: `${SCREENS}/settings-signing-key.png` });
  await page.getByRole('button', { name: '更换密钥' }).click();
  await page.locator('.ant-modal-confirm').getByRole('button', { name: '更换密钥' }).click();
  await importFile(page, EXAMPLE);
  await expect(page.getByTestId('import-verdict')).toContainText('核验结果：签名有效但签署者未登记');
  await page.screenshot({ path: `${SCREENS}/file-import-unregistered.png` });

  await page.getByRole('menuitem', { name: '设置' }).click();
  const card = page.getByTestId('audit-log');
  await expect(card).toContainText('更换签名密钥，新密钥');
  await expect(card).toContainText('导入会议记录“帝纱富仕城红板凳议事会”（2026年第7期），签名1个，办理进展1条');
  await expect(card).toContainText('胜兴社区');
  await card.getByRole('button', { name: '核验日志' }).click();
  await expect(card.getByTestId('audit-verdict')).toContainText('日志完整：共2条，没有发现删改。');
  await card.scrollIntoViewIfNeeded();
  await card.screenshot({ path: `${SCREENS}/file-settings-audit.png` });

  // Changed past the app (the first entry's words): found, and named.
  await patchRowRaw(page, 'auditLog', 1 as unknown as string, { summary: '什么也没发生' });
  await page.reload();
  await page.getByTestId('audit-log').getByRole('button', { name: '核验日志' }).click();
  await expect(page.getByTestId('audit-verdict')).toContainText('日志被改动过：第1条记录在写入后被改动过。');
  await page.getByTestId('audit-log').screenshot({ path: `${SCREENS}/file-settings-audit-tampered.png` });

  // Large type: the card, and an older-format file's verdict.
  await page.getByRole('banner').getByRole('switch', { name: '大字模式' }).click();
  await expect(page.locator('body.yishi-large')).toHaveCount(1);
  await page.getByTestId('audit-log').screenshot({ path: `${SCREENS}/file-settings-audit-large.png` });
  const legacyFile = await olderFormatCopy(dir, 'legacy-copy');
  await importFile(page, legacyFile);
  await expect(page.getByTestId('import-verdict')).toContainText('旧格式，无签名');
  await page.screenshot({ path: `${SCREENS}/file-import-legacy-large.png` });
  await page.getByRole('banner').getByRole('switch', { name: '大字模式' }).click();

  // English.
  await page.getByRole('menuitem', { name: '设置' }).click();
  await page.getByText('English', { exact: true }).click();
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('menuitem', { name: 'Settings' })).toBeVisible();
  const english = page.getByTestId('audit-log');
  await english.getByRole('button', { name: 'Verify log' }).click();
  await expect(english.getByTestId('audit-verdict')).toContainText('The log was altered');
  await english.scrollIntoViewIfNeeded();
  await english.screenshot({ path: `${SCREENS}/file-settings-audit-en.png` });
  await importFile(page, await olderFormatCopy(dir, 'english-copy'), 'Meetings', 'Import a meeting record');
  await expect(page.getByTestId('import-verdict')).toContainText('Verification: Older format, no signature');
  await page.screenshot({ path: `${SCREENS}/file-import-legacy-en.png` });
});
