/**
 * 统计 (issue #13) on the demo community: the figures shown are those the stored rows give (the
 * expected numbers are computed here from the raw IndexedDB rows, by the written definitions),
 * for the whole street, a month and a compound; Excel export read back with exceljs; a number
 * opens the records behind it. Screenshots at 1366×768: normal, large type, English.
 */
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { test, expect, type Locator, type Page } from '@playwright/test';
import { dumpDatabase, openWorkbenchWithDemo } from './helpers';

interface Unit {
  id: string;
  parentId: string | null;
  level: string;
  name: string;
}
interface MeetingRow {
  id: string;
  orgUnitId: string;
  startAt: string;
  status: string;
  type: string;
}
interface MatterRow {
  id: string;
  orgUnitId: string;
  raisedAt: string;
  mergedInto?: string;
  closedAt?: string;
}

const HELD = new Set(['live', 'closed', 'finalised', 'signed']);

/** The stored rows, and the expected figures of a unit (and all below it) over a period prefix (2026 or 2026-03). */
async function stored(page: Page) {
  const dump = await dumpDatabase(page);
  const units = dump.orgUnits as Unit[];
  const below = (rootId: string) => {
    const ids = new Set([rootId]);
    let grew = true;
    while (grew) {
      grew = false;
      for (const u of units)
        if (u.parentId && ids.has(u.parentId) && !ids.has(u.id)) {
          ids.add(u.id);
          grew = true;
        }
    }
    return ids;
  };
  const expected = (rootId: string, prefix: string) => {
    const inScope = below(rootId);
    const meetings = (dump.meetings as MeetingRow[]).filter(
      (m) => HELD.has(m.status) && inScope.has(m.orgUnitId) && m.startAt.slice(0, 10).startsWith(prefix),
    );
    const ids = new Set(meetings.map((m) => m.id));
    const matters = (dump.matters as MatterRow[]).filter(
      (m) => !m.mergedInto && inScope.has(m.orgUnitId) && m.raisedAt.startsWith(prefix),
    );
    const attendance = (dump.attendance as { meetingId: string; state: string; category: string }[]).filter((a) =>
      ids.has(a.meetingId),
    );
    return {
      meetings: meetings.length,
      redBench: meetings.filter((m) => m.type === 'redBench').length,
      decisions: (dump.decisions as { meetingId: string }[]).filter((d) => ids.has(d.meetingId)).length,
      raised: matters.length,
      solved: matters.filter((m) => m.closedAt).length,
      residentsPresent: attendance.filter((a) => a.category === 'resident' && a.state === 'present').length,
    };
  };
  return { dump, units, expected };
}

function card(page: Page, figure: string): Locator {
  return page.locator(`[data-figure="${figure}"]`);
}

/** The text of a table cell, by its row's first cell and its column's header. */
async function cell(page: Page, figure: string, row: string, column: string): Promise<string> {
  const table = card(page, figure).locator('table');
  const headers = await table.locator('thead th').allTextContents();
  const index = headers.findIndex((h) => h.trim() === column);
  expect(index, `${figure}: column ${column} in ${headers.join('|')}`).toBeGreaterThan(0);
  const tr = table.locator('tbody tr.ant-table-row').filter({ has: page.locator('td:first-child', { hasText: row }) });
  return ((await tr.first().locator('td').nth(index).textContent()) ?? '').trim();
}

/** Waits until the figures on screen are those of the view in the address (unit, year, month). */
async function shown(page: Page) {
  await expect(async () => {
    const params = new URLSearchParams(new URL(page.url()).hash.split('?')[1] ?? '');
    const key = await page.locator('[data-stats-shown]').getAttribute('data-stats-shown', { timeout: 1000 });
    expect(key).toBeTruthy();
    const [unit, year, month] = key!.split('/');
    if (params.get('unit')) expect(unit).toBe(params.get('unit'));
    if (params.get('year')) expect(year).toBe(params.get('year'));
    expect(month).toBe(params.get('month') ?? '');
  }).toPass({ timeout: 20_000 });
}

async function chooseScope(page: Page, label: string) {
  const select = page.getByRole('combobox', { name: '统计范围' });
  await select.click();
  await select.fill(label);
  await page.locator('.ant-select-item-option', { hasText: label }).first().click();
  await shown(page);
}

const YEAR = new Date().getFullYear();

async function openStatistics(page: Page) {
  await openWorkbenchWithDemo(page);
  await page.getByRole('menuitem', { name: '统计' }).click();
  await expect(page.getByRole('heading', { name: '统计', level: 1 })).toBeVisible();
  await shown(page);
}

test('the figures of the street, a month and a compound are those the stored rows give', async ({ page }) => {
  test.setTimeout(120_000);
  await openStatistics(page);
  const { units, expected, dump } = await stored(page);
  const street = units.find((u) => u.level === 'subdistrict')!;
  await chooseScope(page, street.name);
  const whole = expected(street.id, String(YEAR));
  expect(whole.meetings).toBeGreaterThan(0);
  await expect.poll(() => cell(page, 'meetings', '合计', '合计')).toBe(String(whole.meetings));
  expect(await cell(page, 'meetings', '合计', '红板凳议事会')).toBe(String(whole.redBench));
  expect(await cell(page, 'decisions', '合计', '作出')).toBe(String(whole.decisions));
  expect(await cell(page, 'matters', '合计', '收集')).toBe(String(whole.raised));
  expect(await cell(page, 'matters', '合计', '办结')).toBe(String(whole.solved));
  expect(await cell(page, 'attendance', '居民代表', '出席')).toBe(String(whole.residentsPresent));
  const rate = whole.raised ? `${(Math.round((whole.solved * 1000) / whole.raised) / 10).toFixed(1)}%` : '—';
  expect(await cell(page, 'matters', '合计', '办结率')).toBe(rate);
  // One row per community of the street.
  const communities = units.filter((u) => u.parentId === street.id && u.level === 'community');
  for (const c of communities)
    await expect(card(page, 'matters').locator('tbody td:first-child', { hasText: c.name })).toHaveCount(1);

  // A month: the one of the street's latest held meeting this year.
  const latest = (dump.meetings as MeetingRow[])
    .filter((m) => HELD.has(m.status) && m.startAt.startsWith(String(YEAR)))
    .map((m) => m.startAt.slice(0, 7))
    .sort()
    .at(-1)!;
  const month = Number(latest.slice(5, 7));
  await page.getByText('按月', { exact: true }).click();
  await shown(page);
  const monthSelect = page.getByRole('combobox', { name: '月份' });
  await monthSelect.click();
  await page.locator('.ant-select-item-option', { hasText: new RegExp(`^${month}月$`) }).click();
  await expect(page).toHaveURL(new RegExp(`month=${month}`));
  await shown(page);
  const inMonth = expected(street.id, latest);
  await expect.poll(() => cell(page, 'meetings', '合计', '合计')).toBe(String(inMonth.meetings));
  expect(await cell(page, 'matters', '合计', '收集')).toBe(String(inMonth.raised));

  // A compound, by year: one row, named after it.
  await page.getByText('按年', { exact: true }).click();
  await shown(page);
  const byCompound = new Map<string, number>();
  for (const m of dump.meetings as MeetingRow[])
    if (HELD.has(m.status) && m.startAt.startsWith(String(YEAR)))
      byCompound.set(m.orgUnitId, (byCompound.get(m.orgUnitId) ?? 0) + 1);
  const compound = units
    .filter((u) => u.level === 'compound')
    .sort((a, b) => (byCompound.get(b.id) ?? 0) - (byCompound.get(a.id) ?? 0))[0]!;
  await chooseScope(page, compound.name);
  const one = expected(compound.id, String(YEAR));
  await expect.poll(() => cell(page, 'meetings', compound.name, '合计')).toBe(String(one.meetings));
  expect(await cell(page, 'matters', compound.name, '收集')).toBe(String(one.raised));
  expect(await cell(page, 'decisions', compound.name, '作出')).toBe(String(one.decisions));

  // A compound's decisions open in a list, and on the 督办 board filtered to the compound.
  expect(one.decisions).toBeGreaterThan(0);
  await card(page, 'decisions')
    .locator('tbody tr', { hasText: compound.name })
    .getByRole('button', { name: String(one.decisions), exact: true })
    .first()
    .click();
  const drawer = page.getByRole('dialog');
  await expect(drawer.locator('tr.ant-table-row')).toHaveCount(Math.min(20, one.decisions));
  await drawer.getByRole('link', { name: /在督办中查看本小区的全部决定事项/ }).click();
  await expect(page).toHaveURL(new RegExp(`#/followup\\?orgUnitId=${compound.id}`));
  await expect(page.getByRole('heading', { name: '督办', level: 1 })).toBeVisible();
});

test('导出Excel holds one sheet per figure with the numbers on screen; 导出图片 saves a PNG', async ({ page }) => {
  test.setTimeout(120_000);
  await openStatistics(page);
  const { units } = await stored(page);
  const street = units.find((u) => u.level === 'subdistrict')!;
  await chooseScope(page, street.name);
  const onScreen = {
    meetings: await cell(page, 'meetings', '合计', '合计'),
    raised: await cell(page, 'matters', '合计', '收集'),
    rate: await cell(page, 'matters', '合计', '办结率'),
  };
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: '导出Excel' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^统计-.*\.xlsx$/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile((await download.path())!);
  expect(workbook.worksheets.map((s) => s.name)).toEqual([
    '召开会议',
    '“6+N”出席情况',
    '决定事项落实',
    '说事事项办结',
    '矛盾纠纷化解',
    '评议满意度',
    '说明',
  ]);
  const rowOf = (sheetName: string, label: string) => {
    const sheet = workbook.getWorksheet(sheetName)!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
    let found: unknown[] = [];
    sheet.eachRow((row) => {
      if (row.getCell(1).value === label) found = (row.values as unknown[]).slice(1);
    });
    return (column: string) => found[header.indexOf(column)];
  };
  expect(String(rowOf('召开会议', '合计')('合计'))).toBe(onScreen.meetings);
  expect(String(rowOf('说事事项办结', '合计')('收集'))).toBe(onScreen.raised);
  const rate = rowOf('说事事项办结', '合计')('办结率');
  expect(typeof rate === 'number' ? `${(rate * 100).toFixed(1)}%` : rate).toBe(onScreen.rate);

  const [image] = await Promise.all([
    page.waitForEvent('download'),
    card(page, 'meetings').getByRole('button', { name: '导出图片' }).click(),
  ]);
  expect(image.suggestedFilename()).toMatch(/^召开会议-.*\.png$/);
  const png = await readFile((await image.path())!);
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
});

test('a number opens the records behind it, each opening its own screen', async ({ page }) => {
  test.setTimeout(120_000);
  await openStatistics(page);
  const { units } = await stored(page);
  const street = units.find((u) => u.level === 'subdistrict')!;
  await chooseScope(page, street.name);
  const raised = await cell(page, 'matters', '合计', '收集');
  const total = card(page, 'matters').locator('tbody tr', { hasText: '合计' });
  await total.getByRole('button', { name: raised, exact: true }).first().click();
  const drawer = page.getByRole('dialog');
  await expect(drawer).toContainText(`说事事项办结：合计 · 收集（${raised}条）`);
  const rows = drawer.locator('tr.ant-table-row');
  await expect(rows.first()).toBeVisible();
  expect(await rows.count()).toBe(Math.min(20, Number(raised)));
  const first = rows.first().getByRole('link');
  const title = (await first.textContent()) ?? '';
  await first.click();
  await expect(page).toHaveURL(/#\/matters\/[^/]+$/);
  await expect(page.getByRole('heading', { name: title })).toBeVisible();
});

test('screenshots: normal, large type and English at 1366×768', async ({ page }) => {
  test.setTimeout(120_000);
  await openStatistics(page);
  const { units } = await stored(page);
  await chooseScope(page, units.find((u) => u.level === 'subdistrict')!.name);
  await page.screenshot({ path: '.tmp/screens/statistics.png' });
  await page.screenshot({ path: '.tmp/screens/statistics-full.png', fullPage: true });
  await page.getByRole('banner').getByRole('switch', { name: '大字模式' }).click();
  await shown(page);
  await page.screenshot({ path: '.tmp/screens/statistics-large.png', fullPage: true });
  await card(page, 'attendance').screenshot({ path: '.tmp/screens/statistics-large-attendance.png' });
  await card(page, 'decisions').screenshot({ path: '.tmp/screens/statistics-large-decisions.png' });
  await page.getByRole('banner').getByRole('switch', { name: '大字模式' }).click();
  await page.getByRole('menuitem', { name: '设置' }).click();
  await page.getByText('English', { exact: true }).click();
  await page.getByRole('button', { name: '保存' }).click();
  await page.getByRole('menuitem', { name: 'Statistics' }).click();
  await expect(page.getByRole('heading', { name: 'Statistics', level: 1 })).toBeVisible();
  await shown(page);
  await page.screenshot({ path: '.tmp/screens/statistics-en.png', fullPage: true });
});
