import { expect, test, type Page } from '@playwright/test';
import { dumpDatabase, openWorkbenchWithDemo, patchRowRaw } from './helpers';

/**
 * A settings row damaged over an archive (one fault run saw the first setup screen after a
 * SIGKILL): the app keeps the good fields, takes the data as set up, and says so once, calmly.
 */
async function storedSettings(page: Page): Promise<Record<string, unknown>> {
  return ((await dumpDatabase(page)).settings ?? [])[0] as Record<string, unknown>;
}

for (const { name, patch, title, heading } of [
  { name: 'normal', patch: {}, title: '数据都在，已继续使用', heading: '工作台' },
  { name: 'large', patch: { largeType: true }, title: '数据都在，已继续使用', heading: '工作台' },
  { name: 'english', patch: { locale: 'en' }, title: 'Your data is all here', heading: 'Workbench' },
]) {
  test(`settings without setUpAt over the demo data open the app, not the welcome (${name})`, async ({ page }) => {
    await openWorkbenchWithDemo(page);
    const before = await storedSettings(page);
    await patchRowRaw(page, 'settings', 'app', { ...patch, setUpAt: undefined });
    await page.reload();
    await expect(page.getByRole('heading', { name: heading, level: 1 })).toBeVisible();
    await expect(page.getByRole('heading', { name: /欢迎使用议事厅|Welcome/ })).toHaveCount(0);
    const notice = page.locator('.ant-notification-notice').filter({ hasText: title });
    await expect(notice).toBeVisible();
    await page.screenshot({ path: `.tmp/settings-guard-${name}.png` });
    // The set-up date is written back (from the earliest record), the other settings kept.
    const after = await storedSettings(page);
    expect(typeof after.setUpAt).toBe('string');
    expect(Date.parse(after.setUpAt as string)).toBeLessThanOrEqual(Date.now());
    expect(after.documentOrgName).toBe(before.documentOrgName);
    // Said once: the next start opens quietly.
    await expect.poll(async () => (await storedSettings(page)).setUpRecoveredAt).toBeUndefined();
    await page.reload();
    await expect(page.getByRole('heading', { name: heading, level: 1 })).toBeVisible();
    await page.waitForTimeout(1000);
    await expect(page.locator('.ant-notification-notice')).toHaveCount(0);
  });
}

test('a settings row with one damaged field keeps the others (large type, organisation name)', async ({ page }) => {
  await openWorkbenchWithDemo(page);
  await patchRowRaw(page, 'settings', 'app', { largeType: true });
  await page.reload();
  await expect(page.locator('body')).toHaveClass(/yishi-large/);
  const orgName = (await storedSettings(page)).documentOrgName;
  // A locale this version does not know: only that field falls back to Chinese.
  await patchRowRaw(page, 'settings', 'app', { locale: 'fr' });
  await page.reload();
  await expect(page.getByRole('heading', { name: '工作台', level: 1 })).toBeVisible();
  await expect(page.locator('body')).toHaveClass(/yishi-large/);
  await page.getByRole('menuitem', { name: '设置' }).click();
  await expect(page.getByRole('textbox', { name: /落款/ })).toHaveValue(orgName as string);
});
