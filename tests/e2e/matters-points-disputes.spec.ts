/**
 * 金点子 points and 矛盾纠纷 (issue #12): a suggestion marked 金点子 earns its raiser points that
 * can be redeemed but never overdrawn; a dispute mediated to 调解成功 raises 化解率.
 */
import { test, expect, type Page } from '@playwright/test';
import { writeFile } from 'node:fs/promises';
import { openWithDemo } from './helpers';
import { makeRosterXlsx } from '../fixtures/rosterFiles';

const HEADER = ['提出日期', '提出人', '电话', '所属社区/小区/网格', '类别', '事项标题', '渠道'];
const ROWS = [
  ['2026/11/20', '周敏', '13905461111', '帝纱富仕城', '民生服务', '建议开设老年助餐点', '居民说事厅'],
  ['2026/11/21', '郑丽', '13905462222', '帝纱富仕城', '矛盾纠纷', '楼上漏水邻里纠纷', '红马扎'],
];

async function openMatter(page: Page, title: string) {
  await page.getByRole('menuitem', { name: '说事登记' }).click();
  await page.getByPlaceholder('搜索标题、描述、提出人').fill(title);
  await page.getByRole('link', { name: title }).click();
  await expect(page.getByRole('heading', { name: title, level: 1 })).toBeVisible();
}

test('金点子 earns points, redemption within the balance only; a settled dispute raises 化解率', async ({
  page,
}, info) => {
  test.setTimeout(180_000);
  await openWithDemo(page);
  await page.getByRole('menuitem', { name: '说事登记' }).click();
  // The demo: one of two disputes settled.
  await expect(page.getByText('矛盾纠纷化解率 50%（共2件，已化解1件）')).toBeVisible();
  const file = info.outputPath('two.xlsx');
  await writeFile(file, await makeRosterXlsx([HEADER, ...ROWS]));
  await page.getByRole('button', { name: '从表格导入' }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('dialog').getByRole('button', { name: '选择文件' }).click();
  await (await chooser).setFiles(file);
  await page.getByRole('dialog').getByRole('button', { name: '导入 2 件事项' }).click();
  await expect(page.getByText('矛盾纠纷化解率 33.3%（共3件，已化解1件）')).toBeVisible();

  // 金点子: +10 by the default rules, once.
  await openMatter(page, '建议开设老年助餐点');
  await page.getByRole('button', { name: '评为金点子（+10分）' }).click();
  await expect(page.getByText('已评为金点子：周敏得10分')).toBeVisible();
  await expect(page.getByRole('button', { name: /评为好法子/ })).toHaveCount(0);
  await expect(page.locator('.yishi-timeline-step').filter({ hasText: '评为金点子/好法子' })).toBeVisible();

  await page.getByRole('link', { name: '查看积分台账' }).click();
  await expect(page.getByRole('heading', { name: '金点子积分', level: 1 })).toBeVisible();
  const row = page.locator('.ant-table-row').filter({ hasText: '周敏' }).first();
  await expect(row).toContainText('10');
  await row.getByRole('button', { name: '兑换服务' }).click();
  let dialog = page.getByRole('dialog');
  await dialog.getByLabel('兑换的服务').fill('社区理发室免费理发一次');
  await dialog.getByLabel('使用积分').fill('4');
  await dialog.getByRole('button', { name: '兑换服务' }).click();
  await expect(dialog).toBeHidden();
  await expect(row.locator('td').nth(3)).toHaveText('6');

  await row.getByRole('button', { name: '兑换服务' }).click();
  dialog = page.getByRole('dialog');
  await dialog.getByLabel('兑换的服务').fill('家电维修');
  await dialog.getByLabel('使用积分').fill('7');
  await dialog.getByRole('button', { name: '兑换服务' }).click();
  await expect(dialog.getByText('积分不足：现有6分，不能兑换7分')).toBeVisible();
  await dialog.getByRole('button', { name: /取\s*消|Cancel/ }).click();
  await expect(row.locator('td').nth(3)).toHaveText('6');
  await page.screenshot({ path: '.tmp/screens/mattersx-points.png' });

  // The dispute: a session, then 调解成功.
  await openMatter(page, '楼上漏水邻里纠纷');
  const card = page.locator('.yishi-dispute-card');
  await expect(page.getByRole('button', { name: /评为金点子/ })).toHaveCount(0);
  await card.getByRole('button', { name: '当事人和调解员' }).click();
  dialog = page.getByRole('dialog');
  const parties = dialog.getByLabel('当事人');
  await parties.fill('郑丽');
  await parties.press('Enter');
  await parties.fill('楼上住户王强');
  await parties.press('Enter');
  await dialog.getByLabel('人民调解员').click();
  await page.locator('.ant-select-item-option').first().click();
  await dialog.getByRole('button', { name: /确\s*定|OK/ }).click();
  await expect(dialog).toBeHidden();
  await expect(card.getByText('郑丽、楼上住户王强')).toBeVisible();
  await card.getByRole('button', { name: '添加调解记录' }).click();
  dialog = page.getByRole('dialog');
  await dialog.getByLabel('调解地点').fill('平和茶社');
  await dialog.getByLabel('调解情况（达成了什么）').fill('楼上修好防水层，赔偿吊顶500元');
  await dialog.getByRole('button', { name: /确\s*定|OK/ }).click();
  await expect(dialog).toBeHidden();
  await expect(card.getByText('楼上修好防水层，赔偿吊顶500元')).toBeVisible();
  await card.getByRole('button', { name: '记录调解结果' }).click();
  dialog = page.getByRole('dialog');
  await dialog.getByLabel('调解结果').click();
  await page.locator('.ant-select-item-option').filter({ hasText: '调解成功' }).click();
  await dialog.getByLabel('情况说明').fill('双方签订调解协议');
  await dialog.getByRole('button', { name: /确\s*定|OK/ }).click();
  await expect(dialog).toBeHidden();
  await expect(card.getByText('矛盾纠纷化解率 66.7%（共3件，已化解2件）')).toBeVisible();
  await page.screenshot({ path: '.tmp/screens/mattersx-dispute.png', fullPage: true });

  // Large type, then English.
  await page.getByRole('banner').getByRole('switch', { name: '大字模式' }).click();
  await expect(page.locator('body.yishi-large')).toHaveCount(1);
  await page.screenshot({ path: '.tmp/screens/mattersx-dispute-large.png', fullPage: true });
  const disputeUrl = page.url();
  await page.getByRole('menuitem', { name: '说事登记' }).click();
  await page.getByRole('button', { name: '金点子积分' }).click();
  await page.screenshot({ path: '.tmp/screens/mattersx-points-large.png' });
  await page.getByRole('menuitem', { name: '说事登记' }).click();
  await page.getByRole('button', { name: '从表格导入' }).click();
  const again = page.waitForEvent('filechooser');
  await page.getByRole('dialog').getByRole('button', { name: '选择文件' }).click();
  await (await again).setFiles(file);
  await expect(page.getByRole('dialog').getByText('共 2 行：可导入 0 行，有错 0 行，重复 2 行')).toBeVisible();
  await page.screenshot({ path: '.tmp/screens/mattersx-import-large.png' });
  await page
    .getByRole('dialog')
    .getByRole('button', { name: /取\s*消/ })
    .click();

  await page.getByRole('menuitem', { name: '设置' }).click();
  await page.getByText('English', { exact: true }).click();
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('menuitem', { name: 'Settings' })).toBeVisible();
  await page.goto(disputeUrl);
  await expect(page.getByText('Disputes resolved 66.7% (2 of 3)')).toBeVisible();
  await page.screenshot({ path: '.tmp/screens/mattersx-dispute-en.png', fullPage: true });
  await page.getByRole('menuitem', { name: 'Matters' }).click();
  await page.getByRole('button', { name: 'Idea points' }).click();
  await page.screenshot({ path: '.tmp/screens/mattersx-points-en.png' });
  await page.getByRole('menuitem', { name: 'Matters' }).click();
  await page.getByRole('button', { name: 'Import from a spreadsheet' }).click();
  const third = page.waitForEvent('filechooser');
  await page.getByRole('dialog').getByRole('button', { name: 'Choose a file' }).click();
  await (await third).setFiles(file);
  await expect(
    page.getByRole('dialog').getByText('2 rows: 0 can be imported, 0 with errors, 2 duplicates'),
  ).toBeVisible();
  await page.screenshot({ path: '.tmp/screens/mattersx-import-en.png' });
});
