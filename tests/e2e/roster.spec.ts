import { test, expect } from '@playwright/test';
import { writeFile } from 'node:fs/promises';
import { dumpContent, openRosterWithDemo, peopleCount } from './helpers';
import { makeRosterXlsx, sampleRosterRows } from '../fixtures/rosterFiles';

test('first run: the demo community fills the roster with every 6+N role', async ({ page }) => {
  await openRosterWithDemo(page);
  await expect(page.getByText(/^共\d+人$/)).toBeVisible();
  // Narrow to one compound: all six standing roles are there.
  await page.locator('.ant-select').filter({ hasText: '全部单位' }).click();
  await page.keyboard.type('帝纱富仕城');
  await page.getByTitle('帝纱富仕城（小区）').click();
  await expect(page.getByText('六类常设角色齐全')).toBeVisible();
  for (const role of ['党组织书记', '业委会代表', '物业公司代表', '居民代表', '共建单位代表']) {
    await expect(page.locator('.ant-table-tbody .ant-tag', { hasText: role }).first()).toBeVisible();
  }
  await page.screenshot({ path: '.tmp/screens/roster-demo.png' });
  // Then one role: every row shown holds it.
  await page.locator('.ant-select').filter({ hasText: '全部角色' }).click();
  await page.getByTitle('物业公司代表').click();
  const rows = page.locator('.ant-table-tbody tr.ant-table-row');
  // The rows of the compound stay until the filtered page arrives: wait for that, not for any row.
  await expect(rows.filter({ hasNot: page.locator('.ant-tag', { hasText: '物业公司代表' }) })).toHaveCount(0);
  await expect(rows.first()).toBeVisible();
  expect(await rows.count()).toBeGreaterThan(0);
});

test('add a person, then find them by pinyin initials after a reload', async ({ page }) => {
  await openRosterWithDemo(page);
  const before = await peopleCount(page);
  await page.getByRole('button', { name: '新增人员' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('姓名').fill('欧阳明远');
  await dialog.getByLabel('电话').fill('12345');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog.getByText('电话号码格式不正确')).toBeVisible();
  await dialog.getByLabel('电话').fill('139 0546 8899');
  await dialog.getByRole('checkbox', { name: '利益相关方' }).check();
  await dialog.getByRole('checkbox', { name: '党员' }).check();
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
  expect(await peopleCount(page)).toBe(before + 1);

  await page.reload();
  await page.getByLabel('搜索').fill('oymy');
  const rows = page.locator('.ant-table-tbody tr.ant-table-row');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('欧阳明远');
  await expect(rows.first()).toContainText('139 0546 8899');
});

test('import an .xlsx with one bad row: preview first, then only good rows, all at once', async ({ page }, info) => {
  await openRosterWithDemo(page);
  const before = await dumpContent(page);
  const rows = sampleRosterRows(['帝纱富仕城']);
  const file = info.outputPath('roster.xlsx');
  await writeFile(file, await makeRosterXlsx(rows));

  await page.getByRole('button', { name: '从 Excel 导入' }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: '选择文件' }).click();
  await (await chooser).setFiles(file);

  const dialog = page.getByRole('dialog');
  await expect(dialog.getByText(/可导入4行，有错误1行/)).toBeVisible();
  await expect(dialog.getByText(/电话号码.*格式不正确/)).toBeVisible();
  await page.screenshot({ path: '.tmp/screens/roster-import-preview.png' });
  // Nothing is written before the user confirms.
  expect(await dumpContent(page)).toEqual(before);

  await dialog.getByRole('button', { name: /确认导入4人/ }).click();
  await expect(page.getByText('已导入4人。')).toBeVisible();
  expect(await peopleCount(page)).toBe(before.people!.length + 4);

  await page.reload();
  expect(await peopleCount(page)).toBe(before.people!.length + 4);
  await page.getByLabel('搜索').fill(rows[1]![0]!);
  await expect(page.locator('.ant-table-tbody tr.ant-table-row').first()).toContainText(rows[1]![0]!);
});

test('an exported roster imports back as duplicates only', async ({ page }, info) => {
  await openRosterWithDemo(page);
  const before = await dumpContent(page);
  await page.getByRole('button', { name: '导出名册' }).hover();
  const downloading = page.waitForEvent('download');
  await page.getByText('导出为 Excel (.xlsx)').click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^人员名册-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const file = info.outputPath('export.xlsx');
  await download.saveAs(file);

  await page.getByRole('button', { name: '从 Excel 导入' }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: '选择文件' }).click();
  await (await chooser).setFiles(file);
  const dialog = page.getByRole('dialog');
  const total = before.people!.length;
  await expect(dialog.getByText(`共${total}行：可导入0行，有错误0行，重复${total}行。`)).toBeVisible();
  await expect(dialog.getByRole('button', { name: /确认导入0人/ })).toBeDisabled();
  // Nothing imported; the export itself is noted in the audit log, and only that.
  const { auditLog: logAfter, auditHead: _headAfter, ...after } = await dumpContent(page);
  const { auditLog: logBefore, auditHead: _headBefore, ...unchanged } = before;
  expect(after).toEqual(unchanged);
  const actions = (log: unknown[] | undefined) => (log ?? []).map((e) => (e as { action: string }).action);
  expect(actions(logAfter)).toEqual([...actions(logBefore), 'export']);
});

test('searching pages through the index: total, next page, no match; looked at in normal, large type and English', async ({
  page,
}) => {
  await openRosterWithDemo(page);
  const shownTotal = async () => Number((await page.getByText(/^共\d+人$/).textContent())?.replace(/\D/g, ''));
  const total = await peopleCount(page);
  await expect(page.getByText(`共${total}人`)).toBeVisible();
  await page.screenshot({ path: '.tmp/screens/roster-normal.png' });
  const search = page.getByPlaceholder(/姓名/).first();
  // One letter of the pinyin initials: fewer people, every one of them holding it.
  await search.fill('z');
  await expect(page.getByText(/^共\d+人$/)).not.toHaveText(`共${total}人`);
  const found = await shownTotal();
  expect(found).toBeGreaterThan(0);
  expect(found).toBeLessThan(total);
  if (found > 20) {
    await page.locator('.ant-pagination-item-2').click();
    await expect(page.locator('.ant-pagination-item-active')).toHaveText('2');
    await expect(page.locator('.ant-table-tbody tr.ant-table-row')).toHaveCount(Math.min(20, found - 20));
  }
  await search.fill('没有这个人');
  await expect(page.getByText('没有找到符合条件的人员。')).toBeVisible();
  await search.fill('');
  await expect(page.getByText(`共${total}人`)).toBeVisible();

  await page.getByRole('banner').getByRole('switch', { name: '大字模式' }).click();
  await expect(page.getByText(`共${total}人`)).toBeVisible();
  await page.screenshot({ path: '.tmp/screens/roster-large.png' });
  await page.getByRole('banner').getByRole('switch', { name: '大字模式' }).click();

  await page.getByRole('menuitem', { name: '设置' }).click();
  await page.getByText('English', { exact: true }).click();
  await page.getByRole('button', { name: '保存' }).first().click();
  await page.getByRole('menuitem', { name: 'Roster' }).click();
  await expect(page.getByText(`${total} people`)).toBeVisible();
  await page.screenshot({ path: '.tmp/screens/roster-en.png' });
});
