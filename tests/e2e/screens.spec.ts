import { test, expect, type Page } from '@playwright/test';
import { openWithDemo } from './helpers';

/** No screen may need a horizontal scroll bar on a 1366×768 government laptop. */
async function expectNoHorizontalScroll(page: Page) {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
}

const screens = [
  { menu: '工作台', heading: '工作台', file: 'workbench' },
  { menu: '会议', heading: '会议', file: 'meetings' },
  { menu: '统计', heading: '统计', file: 'statistics' },
  { menu: '全库检索', heading: '全库检索', file: 'search' },
  { menu: '人员名册', heading: '人员名册', file: 'roster' },
  { menu: '组织架构', heading: '组织架构', file: 'org' },
  { menu: '备份与恢复', heading: '备份与恢复', file: 'backups' },
  { menu: '设置', heading: '设置', file: 'settings' },
];

test('the app loads every file it asks for, its icon included (no 404 on start)', async ({ page }) => {
  const failed: string[] = [];
  const icons: string[] = [];
  page.on('response', (r) => {
    if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
    if (/icon[^/]*\.png$/.test(r.url())) icons.push(r.url());
  });
  await page.goto('/');
  await expect(page.getByRole('heading', { name: '欢迎使用议事厅' })).toBeVisible();
  await expect.poll(() => icons.length).toBeGreaterThan(0);
  expect(await page.locator('link[rel="icon"]').getAttribute('href')).toMatch(/icon.*\.png$/);
  expect(failed).toEqual([]);
});

test('welcome screen fits a 1366×768 laptop', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: '欢迎使用议事厅' })).toBeVisible();
  await expectNoHorizontalScroll(page);
  await page.screenshot({ path: '.tmp/screens/welcome.png' });
});

test('every screen fits 1366×768, in normal and large type, with no script errors under the CSP', async ({ page }) => {
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  await openWithDemo(page);
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(csp).toContain("script-src 'self'");
  expect(csp).toContain("object-src 'none'");
  expect(csp).not.toContain('unsafe-eval');
  for (const large of [false, true]) {
    if (large) await page.getByRole('banner').getByRole('switch', { name: '大字模式' }).click();
    for (const screen of screens) {
      await page.getByRole('menuitem', { name: screen.menu }).click();
      await expect(page.getByRole('heading', { name: screen.heading, level: 1 })).toBeVisible();
      if (screen.file === 'org') await page.getByText('帝纱富仕城（小区）').click();
      await expectNoHorizontalScroll(page);
      await page.screenshot({ path: `.tmp/screens/${screen.file}${large ? '-large' : ''}.png` });
    }
  }
  await expect(page.locator('body')).toHaveClass(/yishi-large/);
  expect(errors).toEqual([]);
});

test('the English locale covers the screens', async ({ page }) => {
  await openWithDemo(page);
  await page.getByRole('menuitem', { name: '设置' }).click();
  await page.getByRole('radio', { name: 'English' }).check();
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
  await expect(page.getByRole('menuitem', { name: 'Meetings' })).toBeVisible();
  await page.getByRole('menuitem', { name: 'Roster' }).click();
  await expect(page.getByRole('heading', { name: 'Roster' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Add person' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Roster' })).toBeVisible();
  await page.screenshot({ path: '.tmp/screens/roster-en.png' });
});
