/**
 * The meeting list as the window opens on it on any day after the first: drawn without antd's
 * components (renderer/app/plain/), it works as before, and antd comes with the first dialog,
 * message or screen that needs it.
 */
import { test, expect, type Page } from '@playwright/test';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { openWithDemo } from './helpers';

const EXAMPLE = path.resolve('docs/examples/帝纱富仕城红板凳议事会-2026年第7期.yishi.json');
const SCREENS = '.tmp/screens';

/** Whether antd has drawn anything yet: its provider writes the theme's variables when it does. */
function antdHasDrawn(page: Page): Promise<boolean> {
  return page.evaluate(() => document.querySelector('style[data-css-hash], style[data-token-hash]') !== null);
}

test('the meeting list opened afresh works without antd, which comes with its first dialog or message', async ({
  page,
}) => {
  await mkdir(SCREENS, { recursive: true });
  await openWithDemo(page);
  await page.goto('/#/meetings');
  await page.reload();
  await expect(page.getByRole('heading', { name: '会议', level: 1 })).toBeVisible();
  await expect(page.getByRole('menuitem', { name: '会议' })).toHaveClass(/ant-menu-item-selected/);
  await expect(page.getByText('新东方小区党群议事日')).toBeVisible();
  expect(await antdHasDrawn(page)).toBe(false);
  await page.screenshot({ path: `${SCREENS}/first-screen-plain.png` });

  // The tabs by keyboard, as antd's: → moves, Enter chooses.
  await page.getByRole('tab', { name: '待定稿/签字' }).focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('tab', { name: '已签字', selected: true })).toBeVisible();
  await expect(page.getByRole('tab', { name: '已签字' })).toBeFocused();
  expect(await antdHasDrawn(page)).toBe(false);

  // A dialog brings antd with it, drawn in the app's theme and language.
  await page.getByRole('button', { name: '会议模板' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: '保存' })).toBeVisible();
  await page.screenshot({ path: `${SCREENS}/first-screen-dialog.png` });
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  // A message started from the list stays as the imported meeting opens.
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: '导入会议记录' }).click();
  await (await chooser).setFiles(EXAMPLE);
  await expect(page.getByRole('heading', { name: '帝纱富仕城红板凳议事会' })).toBeVisible();
  await expect(page.getByTestId('import-verdict')).toContainText('核验结果');

  // From a screen with antd back to the list and on: the frame and the list as before.
  await page.getByRole('menuitem', { name: '会议' }).click();
  await expect(page.getByRole('heading', { name: '会议', level: 1 })).toBeVisible();
  await page.getByRole('menuitem', { name: '说事登记' }).click();
  await expect(page.getByRole('heading', { name: '说事登记', level: 1 })).toBeVisible();
});

test('a screen drawn with antd opened afresh, then the list: antd stays around both', async ({ page }) => {
  await openWithDemo(page);
  await page.goto('/#/matters');
  await page.reload();
  await expect(page.getByRole('heading', { name: '说事登记', level: 1 })).toBeVisible();
  expect(await antdHasDrawn(page)).toBe(true);
  await page.getByRole('menuitem', { name: '会议' }).click();
  await expect(page.getByText('新东方小区党群议事日')).toBeVisible();
  // The 大字模式 switch redraws the list in place (its tab kept), not afresh.
  await page.getByRole('tab', { name: '已签字' }).click();
  await page.getByRole('switch', { name: '大字模式' }).click();
  await expect(page.getByRole('switch', { name: '大字模式' })).toBeChecked();
  await expect(page.getByRole('tab', { name: '已签字', selected: true })).toBeVisible();
});

test("antd's code failing to load: the window says so and offers a way out, the list still works", async ({ page }) => {
  await openWithDemo(page);
  // As a damaged installation: antd's providers cannot be fetched.
  await page.route(/\/assets\/antd-[^/]*\.js$/, (route) => route.abort());
  await page.goto('/#/meetings');
  await page.reload();
  await expect(page.getByText('新东方小区党群议事日')).toBeVisible();
  await page.getByRole('menuitem', { name: '说事登记' }).click();
  await expect(page.getByText('这一页没能打开')).toBeVisible();
  await expect(page.getByRole('button', { name: '重新载入' })).toBeVisible();
  await page.screenshot({ path: `${SCREENS}/first-screen-antd-missing.png` });
  // The way back: the list, which needs no antd, draws again.
  await page.getByRole('link', { name: '回到会议列表' }).click();
  await expect(page.getByText('新东方小区党群议事日')).toBeVisible();
  await expect(page.getByRole('tab', { name: '筹备中', selected: true })).toBeVisible();
});
