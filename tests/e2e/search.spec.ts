/**
 * 全库检索 (issue 13) on the demo community: a word of the 康居花园 pigeon case (信鸽) finds its
 * agenda item, decision and matter, each in its group with the word marked; a hit opens its
 * record and Back returns to the search; one character asks for two; the kind and unit filters
 * narrow the hits; the header's box opens the search; a saved search survives a reload.
 * Screenshots at 1366×768: help, results, large type, English.
 */
import { test, expect, type Page } from '@playwright/test';
import { openWorkbenchWithDemo, waitForSearchIndex } from './helpers';

const PIGEON_ITEM = '8号楼住户养殖大量信鸽扰民';
const PIGEON_DECISION = '信鸽减量、鸽舍迁移';

async function openSearch(page: Page) {
  await openWorkbenchWithDemo(page);
  await page.getByRole('menuitem', { name: '全库检索' }).click();
  await expect(page.getByRole('heading', { name: '全库检索', level: 1 })).toBeVisible();
  // The demo's records are indexed in the background after it is loaded (as a restore's are).
  await waitForSearchIndex(page);
  await expect(page.getByText(/正在为早先的记录建立检索索引/)).toBeHidden();
}

function box(page: Page) {
  return page.getByRole('searchbox', { name: '要搜索的字词' });
}

async function searchFor(page: Page, words: string) {
  await box(page).fill(words);
  await box(page).press('Enter');
  await expect(page).toHaveURL(new RegExp(`#/search\\?q=${encodeURIComponent(words)}`));
}

function group(page: Page, kind: string) {
  return page.locator(`section.yishi-search-group[data-kind="${kind}"]`);
}

test('a word of the demo finds its agenda item; the hit opens the meeting and Back returns', async ({ page }) => {
  await openSearch(page);
  // Nothing typed: how to search.
  await expect(page.getByRole('heading', { name: '怎样搜索' })).toBeVisible();
  await expect(page.getByText('输入两个字以上，例如“加装电梯”')).toBeVisible();
  await expect(box(page)).toBeFocused();

  await searchFor(page, '信鸽');
  const items = group(page, 'agendaItem');
  await expect(items.getByRole('heading', { name: /^议题/ })).toBeVisible();
  const hit = items.getByRole('link', { name: new RegExp(PIGEON_ITEM) }).first();
  await expect(hit).toBeVisible();
  await expect(hit.locator('mark', { hasText: '信鸽' }).first()).toBeVisible();
  await expect(group(page, 'decision').getByRole('link', { name: new RegExp(PIGEON_DECISION) })).toBeVisible();
  await expect(group(page, 'matter').getByRole('link', { name: new RegExp(PIGEON_ITEM) })).toBeVisible();
  // Read by the search worker (renderer/data/searchWorker.ts), not in the window.
  expect(await page.evaluate(() => performance.getEntriesByName('yishi:search-worker-read').length)).toBeGreaterThan(0);

  await hit.click();
  // At its place: the meeting's 会议记录 tab, scrolled to the item.
  await expect(page).toHaveURL(/#\/meetings\/[^/?]+\?tab=record&item=[^&]+$/);
  await expect(page.getByRole('heading', { name: '康居花园红板凳议事会', level: 1 })).toBeVisible();
  const itemId = new URL(page.url().replace('#/', '')).searchParams.get('item');
  await expect(page.locator(`[id="item-${itemId}"]`)).toBeInViewport();

  await page.goBack();
  await expect(box(page)).toHaveValue('信鸽');
  await expect(group(page, 'agendaItem').getByRole('link', { name: new RegExp(PIGEON_ITEM) })).toBeVisible();
});

test('one character asks for two', async ({ page }) => {
  await openSearch(page);
  await searchFor(page, '鸽');
  await expect(page.getByText('请至少输入两个字')).toBeVisible();
});

test('the kind and unit filters narrow the hits, and clearing them brings the hits back', async ({ page }) => {
  await openSearch(page);
  await searchFor(page, '信鸽');
  await expect(group(page, 'agendaItem')).toBeVisible();

  await page.getByRole('group', { name: '类别' }).getByRole('checkbox', { name: '决定事项' }).check();
  await expect(page).toHaveURL(/kind=decision/);
  await expect(group(page, 'decision').getByRole('link', { name: new RegExp(PIGEON_DECISION) })).toBeVisible();
  await expect(page.locator('section.yishi-search-group')).toHaveCount(1);

  // Another compound than 康居花园: nothing there about pigeons.
  const unit = page.getByRole('combobox', { name: '社区/小区' });
  await unit.click();
  await unit.fill('帝纱富仕城');
  await page.locator('.ant-select-item-option', { hasText: '帝纱富仕城' }).first().click();
  await expect(page).toHaveURL(/unit=/);
  await expect(page.getByText('没有找到包含“信鸽”的记录。')).toBeVisible();
  await expect(page.getByText('可以去掉一些筛选条件再试')).toBeVisible();

  await page.getByRole('button', { name: '去掉全部筛选条件' }).click();
  await expect(page).not.toHaveURL(/kind=|unit=/);
  await expect(group(page, 'agendaItem').getByRole('link', { name: new RegExp(PIGEON_ITEM) })).toBeVisible();
});

test("the header's box opens the search with its words", async ({ page }) => {
  await openWorkbenchWithDemo(page);
  await waitForSearchIndex(page);
  const header = page.getByRole('banner').getByRole('searchbox', { name: '全库检索' });
  await header.fill('信鸽');
  await header.press('Enter');
  await expect(page.getByRole('heading', { name: '全库检索', level: 1 })).toBeVisible();
  await expect(box(page)).toHaveValue('信鸽');
  await expect(group(page, 'agendaItem').getByRole('link', { name: new RegExp(PIGEON_ITEM) })).toBeVisible();
});

test('a saved search is kept, runs again from its name and can be deleted', async ({ page }) => {
  await openSearch(page);
  await searchFor(page, '信鸽');
  await page.getByRole('group', { name: '类别' }).getByRole('checkbox', { name: '议题' }).check();
  await expect(page).toHaveURL(/kind=agendaItem/);
  await page.getByRole('button', { name: '保存搜索' }).click();
  const dialog = page.getByRole('dialog', { name: '保存这次搜索' });
  await dialog.getByLabel('名称').fill('信鸽纠纷');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('已保存搜索“信鸽纠纷”')).toBeVisible();

  // Kept in the settings: after a reload, from an empty search, the name runs it again.
  await page.goto('/#/search');
  await page.reload();
  await expect(page.getByRole('heading', { name: '怎样搜索' })).toBeVisible();
  await page.getByRole('button', { name: '信鸽纠纷', exact: true }).click();
  await expect(page).toHaveURL(/q=%E4%BF%A1%E9%B8%BD&kind=agendaItem/);
  await expect(box(page)).toHaveValue('信鸽');
  await expect(page.getByRole('checkbox', { name: '议题' })).toBeChecked();
  await expect(group(page, 'agendaItem').getByRole('link', { name: new RegExp(PIGEON_ITEM) })).toBeVisible();

  await page.getByRole('button', { name: '删除保存的搜索“信鸽纠纷”' }).click();
  await page.getByRole('tooltip').getByRole('button', { name: '删除' }).click();
  await expect(page.getByText('已删除“信鸽纠纷”')).toBeVisible();
  await expect(page.getByRole('button', { name: '信鸽纠纷', exact: true })).toHaveCount(0);
});

test('screenshots: help, results, large type and English at 1366×768', async ({ page }) => {
  test.setTimeout(120_000);
  await openSearch(page);
  await page.screenshot({ path: '.tmp/screens/search-help.png' });
  await searchFor(page, '信鸽');
  await expect(group(page, 'agendaItem')).toBeVisible();
  await page.screenshot({ path: '.tmp/screens/search.png', fullPage: true });
  await page.getByRole('banner').getByRole('switch', { name: '大字模式' }).click();
  await expect(page.locator('body')).toHaveClass(/yishi-large/);
  await page.screenshot({ path: '.tmp/screens/search-large.png', fullPage: true });
  await page.getByRole('banner').getByRole('switch', { name: '大字模式' }).click();
  await page.getByRole('menuitem', { name: '设置' }).click();
  await page.getByText('English', { exact: true }).click();
  await page.getByRole('button', { name: '保存' }).click();
  await page.getByRole('menuitem', { name: 'Search archive' }).click();
  await expect(page.getByRole('heading', { name: 'Search archive', level: 1 })).toBeVisible();
  await page.getByRole('searchbox', { name: 'Words to search for' }).fill('信鸽');
  await page.getByRole('searchbox', { name: 'Words to search for' }).press('Enter');
  await expect(group(page, 'agendaItem').getByRole('heading', { name: /^Agenda items/ })).toBeVisible();
  await page.screenshot({ path: '.tmp/screens/search-en.png', fullPage: true });
});
