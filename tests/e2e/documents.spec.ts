import { test, expect, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import JSZip from 'jszip';
import { createRedBench, meetingIdFromUrl, openWithDemo, storedMeeting } from './helpers';

/** The Word documents of a meeting: what the export menu offers in each state, and the 纪要's title. */

/** The document entries of the export menu, in order (the meeting file is always offered too). */
async function menuEntries(page: Page): Promise<string[]> {
  await page.getByRole('button', { name: '导出文件' }).hover();
  const menu = page.locator('.ant-dropdown-menu:visible');
  await expect(menu.getByRole('menuitem', { name: '会议记录文件（JSON）' })).toBeVisible();
  const entries = (await menu.getByRole('menuitem').allInnerTexts()).map((t) => t.trim());
  await page.mouse.move(0, 0);
  await expect(menu).toHaveCount(0);
  return entries.filter((t) => t !== '会议记录文件（JSON）');
}

test('the export menu offers what the meeting’s state allows, and the 纪要 carries its title', async ({ page }) => {
  test.setTimeout(90_000);
  await openWithDemo(page);
  await createRedBench(page);
  // The demo holds earlier meetings of the same name: this test's own is known by its id.
  const meetingId = meetingIdFromUrl(page);

  // A draft: nothing to sign or publish yet, and no minutes.
  expect(await menuEntries(page)).toEqual(['会议通知', '签到表']);

  // The title real 纪要 carry, built from the compound, the 期数 and the meeting.
  const title = page.getByTestId('minutes-title');
  await expect(title).toHaveText(/^帝纱富仕城小区\d{4}年第\d+期红板凳议事会会议纪要$/);
  const defaultTitle = (await title.innerText()).trim();
  await page.screenshot({ path: '.tmp/screens/documents-title.png' });

  // The secretary gives another; it is stored with the meeting.
  await title.getByRole('button', { name: /修改纪要标题/ }).click();
  const input = page.locator('textarea.ant-input').first();
  await input.fill('关于分类垃圾桶改造的会议纪要');
  await input.press('Enter');
  await expect(title).toHaveText('关于分类垃圾桶改造的会议纪要');
  expect((await storedMeeting(page, meetingId)).minutesTitle).toBe('关于分类垃圾桶改造的会议纪要');

  // Live: a draft 纪要 may be printed, still no 签字页 or 决议公示.
  await page.getByRole('button', { name: '开始会议' }).click();
  await page.locator('.ant-modal-confirm').getByRole('button', { name: '确定' }).click();
  await expect(page.getByTestId('current-item')).toBeVisible();
  await page.getByRole('button', { name: '退出会议模式' }).click();
  expect(await menuEntries(page)).toEqual(['会议通知', '签到表', '会议纪要']);

  // The 纪要 as a Word file, under the title the secretary gave.
  await page.getByRole('button', { name: '导出文件' }).hover();
  const downloading = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: '会议纪要' }).click();
  const download = await downloading;
  const zip = await JSZip.loadAsync(await readFile(await download.path()));
  const documentXml = (await zip.file('word/document.xml')?.async('string')) ?? '';
  expect(documentXml).toContain('关于分类垃圾桶改造的会议纪要');
  expect(documentXml).toContain('印发');
  expect(await zip.file('docProps/core.xml')?.async('string')).toContain(
    '<dc:subject>关于分类垃圾桶改造的会议纪要</dc:subject>',
  );

  // Cleared, the title is the built one again, and nothing is stored for it.
  await title.getByRole('button', { name: /修改纪要标题/ }).click();
  await page.locator('textarea.ant-input').first().fill('');
  await page.locator('textarea.ant-input').first().press('Enter');
  await expect(title).toHaveText(defaultTitle);
  expect((await storedMeeting(page, meetingId)).minutesTitle).toBeUndefined();
});
