/**
 * 说事登记 import (issue #12): a register kept in Excel is checked row by row, nothing is written
 * before the user confirms, and then everything at once.
 */
import { test, expect, type Page } from '@playwright/test';
import { writeFile } from 'node:fs/promises';
import { dumpContent, openWithDemo, waitForDailyBackup } from './helpers';
import { makeRosterXlsx } from '../fixtures/rosterFiles';

const HEADER = [
  '提出日期',
  '提出人',
  '电话',
  '所属社区/小区/网格',
  '类别',
  '事项标题',
  '内容描述',
  '渠道',
  '紧急程度',
  '办理方式',
];
const GOOD = [
  [
    '2026/11/5',
    '周敏',
    '13905461111',
    '帝纱富仕城',
    '停车',
    '地下车库入口积水',
    '雨天车库入口积水没过脚踝',
    '微信说事群',
    '紧急',
    '待办件',
  ],
  ['2026年11月6日', '吴刚', '', '帝纱富仕城', '绿化', '3号楼前树枝挡窗', '', '红马扎', '', ''],
];
const BAD = [
  ['2026/11/7', '郑丽', '13905462222', '幸福小区', '吵架', '楼道堆放杂物', '', '居民说事厅', '一般', ''],
  ['2026/2/30', '钱多', '', '帝纱富仕城', '设施', '', '', '', '', ''],
];

async function openRegister(page: Page) {
  await openWithDemo(page);
  await page.getByRole('menuitem', { name: '说事登记' }).click();
  await expect(page.getByRole('heading', { name: '说事登记', level: 1 })).toBeVisible();
}

async function choose(page: Page, file: string) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('dialog').getByRole('button', { name: '选择文件' }).click();
  await (await chooser).setFiles(file);
}

test('import a register: bad rows named and nothing written; the fixed file is written whole', async ({
  page,
}, info) => {
  test.setTimeout(120_000);
  await openRegister(page);
  await waitForDailyBackup(page);
  const before = await dumpContent(page);
  const mixed = info.outputPath('mixed.xlsx');
  await writeFile(mixed, await makeRosterXlsx([['胜兴社区说事登记表'], HEADER, ...GOOD, ...BAD, GOOD[0]!], '登记表'));

  await page.getByRole('button', { name: '从表格导入' }).click();
  await choose(page, mixed);
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByText('共 5 行：可导入 2 行，有错 2 行，重复 1 行')).toBeVisible();
  await expect(dialog.getByText(/找不到叫“幸福小区”的社区、小区或网格/)).toBeVisible();
  await expect(dialog.getByText(/类别“吵架”不在事项类别列表中/)).toBeVisible();
  await expect(dialog.getByText(/没有填写事项标题.*提出日期“2026\/2\/30”不是有效日期/)).toBeVisible();
  await expect(dialog.getByText(/和第3行是同一件事/)).toBeVisible();
  await page.screenshot({ path: '.tmp/screens/mattersx-import-preview.png' });
  expect(await dumpContent(page)).toEqual(before);

  // A text file named .xlsx: a Chinese message, nothing stored.
  const fake = info.outputPath('fake.xlsx');
  await writeFile(fake, '这不是表格');
  await choose(page, fake);
  await expect(dialog.getByText(/不是有效的 Excel 表格/)).toBeVisible();
  expect(await dumpContent(page)).toEqual(before);

  const fixed = info.outputPath('fixed.xlsx');
  await writeFile(
    fixed,
    await makeRosterXlsx([
      HEADER,
      ...GOOD,
      [
        '2026/11/7',
        '郑丽',
        '13905462222',
        '帝纱富仕城',
        '矛盾纠纷',
        '楼道堆放杂物引发争吵',
        '',
        '居民说事厅',
        '一般',
        '',
      ],
    ]),
  );
  await choose(page, fixed);
  await expect(dialog.getByText('共 3 行：可导入 3 行，有错 0 行，重复 0 行')).toBeVisible();
  await dialog.getByRole('button', { name: '导入 3 件事项' }).click();
  await expect(page.getByText('已导入 3 件事项')).toBeVisible();
  const after = await dumpContent(page);
  expect(after.matters!.length).toBe(before.matters!.length + 3);
  expect(after.disputes!.length).toBe(before.disputes!.length + 1);
  await page.getByPlaceholder('搜索标题、描述、提出人').fill('地下车库入口积水');
  await expect(page.locator('.ant-table-tbody tr.ant-table-row')).toHaveCount(1);

  // The same file again: every row is a duplicate, nothing to import.
  await page.getByRole('button', { name: '从表格导入' }).click();
  await choose(page, fixed);
  await expect(page.getByRole('dialog').getByText('共 3 行：可导入 0 行，有错 0 行，重复 3 行')).toBeVisible();
  await expect(page.getByRole('dialog').getByRole('button', { name: '导入 0 件事项' })).toBeDisabled();
});
