/**
 * 大字模式 (issue #11): in large type no visible text is under 16 px — the shortcut bar, save
 * status, tags and 期数 included — on the meeting list, a meeting's page, the live screen and the
 * roster. Measured from the computed font size of every visible text node.
 */
import { test, expect, type Page } from '@playwright/test';
import { createRedBench, openWithDemo } from './helpers';

async function turnOnLargeType(page: Page) {
  await page.getByRole('banner').getByRole('switch', { name: '大字模式' }).click();
  await expect(page.locator('body.yishi-large')).toHaveCount(1);
}

/** Visible text under 16 px: its text, its size and the element holding it. */
async function smallTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim();
      const element = node.parentElement;
      if (!text || !element) continue;
      if (element.closest('[aria-hidden="true"], .ant-tooltip, script, style')) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      const box = range.getBoundingClientRect();
      const style = getComputedStyle(element);
      // Only what the user can see: laid out, inside the window, not hidden or transparent.
      if (box.width === 0 || box.height === 0 || box.bottom < 0 || box.top > innerHeight) continue;
      if (style.visibility === 'hidden' || Number(style.opacity) === 0) continue;
      const size = parseFloat(style.fontSize);
      if (size < 16)
        found.push(`${text.slice(0, 30)} — ${size}px <${element.tagName.toLowerCase()} class="${element.className}">`);
    }
    return found;
  });
}

test('大字模式: nothing visible under 16 px on the meeting list, a meeting, the live screen and the roster', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await openWithDemo(page);
  await turnOnLargeType(page);

  await page.getByRole('menuitem', { name: '会议' }).click();
  await page.getByRole('tab', { name: '已签字' }).click();
  await expect(page.getByRole('button', { name: '打开' }).first()).toBeVisible();
  await page.screenshot({ path: '.tmp/screens/ui-large-meetings.png' });
  expect(await smallTexts(page), 'meeting list').toEqual([]);

  await page.getByRole('button', { name: '打开' }).first().click();
  await expect(page.getByRole('tab', { name: '纪要与决定' })).toBeVisible();
  await page.screenshot({ path: '.tmp/screens/ui-large-meeting-signed.png' });
  expect(await smallTexts(page), 'signed meeting').toEqual([]);
  for (const tab of ['纪要与决定', '签字与定稿']) {
    await page.getByRole('tab', { name: tab }).click();
    await page.waitForTimeout(300);
    await page.screenshot({ path: `.tmp/screens/ui-large-meeting-${tab}.png` });
    expect(await smallTexts(page), tab).toEqual([]);
  }

  await page.getByRole('menuitem', { name: '人员名册' }).click();
  await expect(page.getByRole('heading', { name: '人员名册' })).toBeVisible();
  await page.screenshot({ path: '.tmp/screens/ui-large-roster.png' });
  expect(await smallTexts(page), 'roster').toEqual([]);

  await page.getByRole('menuitem', { name: '会议' }).click();
  await createRedBench(page);
  await page.screenshot({ path: '.tmp/screens/ui-large-meeting-draft.png' });
  expect(await smallTexts(page), 'draft meeting').toEqual([]);
  await page.getByRole('button', { name: '开始会议' }).click();
  await page.locator('.ant-modal-confirm').getByRole('button', { name: '确定' }).click();
  await expect(page.getByTestId('current-item')).toBeVisible();
  await page.locator('.ProseMirror').first().click();
  await page.keyboard.type('居民代表反映垃圾桶破损');
  await expect(page.locator('.yishi-minutes-status').first()).toBeVisible();
  await page.screenshot({ path: '.tmp/screens/ui-large-live.png' });
  expect(await smallTexts(page), 'live').toEqual([]);
});
