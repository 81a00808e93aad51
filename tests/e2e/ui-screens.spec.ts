/**
 * Every screen in large type and in English fits a 1366×768 laptop without a horizontal scroll
 * bar (issue #11: cut-off and overflowing text); the screenshots are looked at by a person.
 */
import { test, expect, type Page } from '@playwright/test';
import { createRedBench, openWithDemo } from './helpers';

async function fits(page: Page, file: string) {
  await page.waitForTimeout(300);
  await page.screenshot({ path: `.tmp/screens/ui-${file}.png` });
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow, file).toBeLessThanOrEqual(0);
}

test('the welcome screen in English', async ({ page }) => {
  await page.goto('/');
  await page.getByText('English', { exact: true }).click();
  await expect(page.getByRole('button', { name: 'Load the demo community' })).toBeVisible();
  await fits(page, 'en-welcome');
});

test('large type and English together: menus, dialogs and the live screen fit', async ({ page }) => {
  test.setTimeout(120_000);
  await openWithDemo(page);
  await page.getByRole('banner').getByRole('switch', { name: '大字模式' }).click();
  await expect(page.locator('body.yishi-large')).toHaveCount(1);
  for (const [menu, file] of [
    ['组织架构', 'large-org'],
    ['备份与恢复', 'large-backups'],
    ['设置', 'large-settings'],
  ] as const) {
    await page.getByRole('menuitem', { name: menu }).click();
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await fits(page, file);
  }
  // The new-meeting dialog naming the 党群议事日 a compound already has.
  await page.getByRole('menuitem', { name: '会议' }).click();
  await page.getByRole('button', { name: '筹备' }).click();
  const dialog = page.getByRole('dialog', { name: '新建会议' });
  await dialog.getByLabel('所属小区/网格').click();
  await page.keyboard.type('帝纱富仕城');
  await page.getByTitle('帝纱富仕城（小区）').click();
  await expect(dialog.getByTestId('meeting-exists')).toBeVisible();
  await fits(page, 'large-new-meeting-exists');
  await dialog.getByRole('button', { name: '取消' }).click();

  await createRedBench(page);
  await page.getByRole('button', { name: '开始会议' }).click();
  await page.locator('.ant-modal-confirm').getByRole('button', { name: '确定' }).click();
  await expect(page.getByTestId('current-item')).toBeVisible();
  await page.keyboard.press('Alt+D');
  await expect(page.getByRole('dialog', { name: '新决定' })).toBeVisible();
  await fits(page, 'large-live-decision');
  await page.keyboard.press('Escape');

  await page.getByRole('button', { name: '退出会议模式' }).click();
  await page.getByRole('menuitem', { name: '设置' }).click();
  await page.getByText('English', { exact: true }).click();
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('menuitem', { name: 'Settings' })).toBeVisible();
  await fits(page, 'en-large-settings');
  await page.getByRole('menuitem', { name: 'Meetings' }).click();
  await expect(page.getByRole('heading', { name: 'Meetings', level: 1 })).toBeVisible();
  await fits(page, 'en-large-meetings');
  await page.getByRole('tab', { name: 'In session' }).click();
  await page.getByRole('button', { name: 'Enter meeting' }).first().click();
  await expect(page.getByTestId('current-item')).toBeVisible();
  await fits(page, 'en-large-live');
  await page.getByRole('button', { name: 'Leave meeting mode' }).click();
  await page.getByRole('tab', { name: 'Attendees' }).click();
  await fits(page, 'en-large-meeting-attendees');
});
