import { test, expect, type Page } from '@playwright/test';
import { openWithDemo } from './helpers';

/** The number on the 督办 badge (decisions overdue or due today), 0 when there is none. */
async function badgeCount(page: Page): Promise<number> {
  const badge = page.getByTestId('followup-badge');
  if ((await badge.count()) === 0) return 0;
  const label = (await badge.getAttribute('aria-label')) ?? '';
  return Number(/^(\d+)/.exec(label)?.[1] ?? NaN);
}

async function tabCount(page: Page, name: string): Promise<number> {
  const text = (await page.getByRole('tab', { name: new RegExp(`^${name}`) }).textContent()) ?? '';
  return Number(/（(\d+)）/.exec(text)?.[1] ?? NaN);
}

async function step(page: Page, action: string, text?: string) {
  await page.getByRole('button', { name: action, exact: true }).click();
  const dialog = page.getByRole('dialog');
  if (text !== undefined) await dialog.getByRole('textbox').nth(1).fill(text);
  await dialog.getByRole('button', { name: action, exact: true }).click();
}

test('督办: filter by a responsible person, follow one overdue decision to a confirmed result', async ({ page }) => {
  const workers: string[] = [];
  page.on('worker', (worker) => workers.push(worker.url()));
  await openWithDemo(page);
  await page.getByRole('menuitem', { name: /督办/ }).click();
  await expect(page.getByRole('heading', { name: '督办', level: 1 })).toBeVisible();
  // The badge counts in the background: wait for it rather than read it once.
  await expect.poll(() => badgeCount(page)).toBeGreaterThan(0);
  const badgeBefore = await badgeCount(page);
  // The board's 已完成 is counted a moment after its first page is shown.
  await expect.poll(() => tabCount(page, '已完成')).not.toBeNaN();
  const doneBefore = await tabCount(page, '已完成');
  await page.screenshot({ path: '.tmp/screens/followup-board.png' });

  // The open tab lists the earliest deadline first: an overdue decision.
  const first = page.getByRole('tabpanel').locator('.ant-table-tbody tr.ant-table-row').first();
  await expect(first.getByText('逾期')).toBeVisible();
  const person = ((await first.locator('td').nth(1).textContent()) ?? '').trim();
  const title = ((await first.locator('td').first().textContent()) ?? '').trim();

  // Filter by that responsible person: every row shown is theirs.
  await page.getByLabel('责任人或责任单位').click();
  await page.keyboard.type(person);
  await page.getByTitle(person, { exact: true }).click();
  const rows = page.getByRole('tabpanel').locator('.ant-table-tbody tr.ant-table-row');
  await expect(page).toHaveURL(/responsible=/);
  await expect(rows.first()).toBeVisible();
  await expect(rows.filter({ hasNotText: person })).toHaveCount(0);
  const shown = await rows.count();
  for (let i = 0; i < shown; i++) await expect(rows.nth(i).locator('td').nth(1)).toHaveText(person);
  const doneOfPerson = await tabCount(page, '已完成');

  await rows.filter({ hasText: title }).first().getByRole('link', { name: title }).click();
  await expect(page.getByRole('heading', { name: title, level: 1 })).toBeVisible();
  const href = `#/followup/${decodeURIComponent(page.url().split('#/followup/')[1] ?? '')}`;
  await expect(page.getByText('谁来干（责任人）')).toBeVisible();
  await expect(page.getByText('谁来监督（监督人）')).toBeVisible();

  await step(page, '记录进展', '已约施工队明天进场');
  await expect(page.getByText('已约施工队明天进场')).toBeVisible();
  await step(page, '报告完成', '已按标准完成');
  await expect(page.locator('.yishi-page-header').getByText('待验收')).toBeVisible();

  // A send-back needs a reason.
  await page.getByRole('button', { name: '退回', exact: true }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: '退回', exact: true }).click();
  await expect(dialog.getByText('退回必须写明原因')).toBeVisible();
  await dialog.getByRole('textbox').nth(1).fill('南侧还有一处没有完成');
  await dialog.getByRole('button', { name: '退回', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(page.locator('.yishi-page-header').getByText('进行中')).toBeVisible();

  await step(page, '报告完成', '南侧也已完成');
  await step(page, '监督人确认完成', '现场查看，符合标准');
  await expect(page.locator('.yishi-page-header').getByText('已完成')).toBeVisible();
  await expect(page.getByRole('button', { name: '记录进展' })).toHaveCount(0);
  await page.screenshot({ path: '.tmp/screens/followup-decision.png', fullPage: true });

  // The badge and the board follow.
  await expect.poll(() => badgeCount(page)).toBe(badgeBefore - 1);
  // Back to the board as it was left (still filtered by the person): one more 已完成, one fewer open.
  await page.getByRole('link', { name: /返回督办/ }).click();
  await expect(page.getByLabel('责任人或责任单位').locator('..').locator('..')).toContainText(person);
  await expect.poll(() => tabCount(page, '已完成')).toBe(doneOfPerson + 1);
  await page.getByRole('tab', { name: /^已完成/ }).click();
  await expect(page.getByRole('tabpanel').locator(`a[href="${href}"]`)).toBeVisible();
  // Without the filter the whole board counts it too.
  await page.getByRole('button', { name: '清除筛选' }).click();
  await expect.poll(() => tabCount(page, '已完成')).toBe(doneBefore + 1);

  // The grouped view, then large type.
  // Grouped views: the name is under 按责任人 (a roster person) or 按责任单位 (a unit), with its counts.
  await page.getByText('按责任单位', { exact: true }).click();
  await expect(page).toHaveURL(/view=unit/);
  await expect(page.getByRole('columnheader', { name: '逾期' })).toBeVisible();
  // The whole board's groups come from the counts kept as decisions are written (issue 12): no
  // worker reads the decisions, as the counts cover every one of them.
  expect(workers.some((url) => url.includes('boardWorker'))).toBe(false);
  const asUnit = await page.getByRole('button', { name: person, exact: true }).count();
  await page.screenshot({ path: '.tmp/screens/followup-unit.png' });
  await page.getByText('按责任人', { exact: true }).click();
  await expect(page).toHaveURL(/view=person/);
  await expect
    .poll(async () => asUnit + (await page.getByRole('button', { name: person, exact: true }).count()))
    .toBe(1);
  await page.screenshot({ path: '.tmp/screens/followup-person.png' });
  await page.getByRole('banner').getByRole('switch', { name: '大字模式' }).click();
  await page.screenshot({ path: '.tmp/screens/followup-person-large.png' });
  await page.getByText('看板', { exact: true }).click();
  await page.screenshot({ path: '.tmp/screens/followup-board-large.png' });
  await page.goto(`/${href}`);
  await expect(page.getByRole('heading', { name: title, level: 1 })).toBeVisible();
  await page.screenshot({ path: '.tmp/screens/followup-decision-large.png', fullPage: true });

  // The meeting page's decisions list shows the state and links back.
  await page
    .locator('.ant-descriptions')
    .getByRole('link', { name: /第\d+期/ })
    .click();
  await page.getByRole('tab', { name: '纪要与决定' }).click();
  const link = page.locator(`a[href="${href}"]`);
  await expect(link).toBeVisible();
  await expect(link).toContainText('已完成');
  await page.screenshot({ path: '.tmp/screens/followup-meeting.png' });
  // Once in CI the click was lost (the page stayed on the meeting): the list redrew between the
  // press and the release, as a user would see it and click again. So does the test.
  await expect(async () => {
    await link.click();
    await expect(page.getByRole('heading', { name: title, level: 1 })).toBeVisible({ timeout: 3_000 });
  }).toPass({ timeout: 20_000 });
});

test('督办: confirming under another name than the recorded supervisor asks first and says so', async ({ page }) => {
  await openWithDemo(page);
  await page.getByRole('menuitem', { name: /督办/ }).click();
  const first = page.getByRole('tabpanel').locator('.ant-table-tbody tr.ant-table-row').first();
  await first.locator('td').first().getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  // The steps allowed now render after the heading: wait for them before asking which there is.
  const nextStep = page.getByRole('button', { name: /^(报告完成|监督人确认完成)$/ });
  await expect(nextStep.first()).toBeVisible();
  if ((await page.getByRole('button', { name: '报告完成', exact: true }).count()) > 0) await step(page, '报告完成');
  await page.getByRole('button', { name: '监督人确认完成', exact: true }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('姓名').fill('社区党委代验收人');
  await dialog.getByRole('button', { name: '监督人确认完成', exact: true }).click();
  const ask = page.getByRole('dialog').filter({ hasText: '确认由他人代为验收？' });
  await expect(ask).toBeVisible();
  await ask.getByRole('button', { name: '确定代为办理' }).click();
  await expect(page.locator('.yishi-page-header').getByText('已完成')).toBeVisible();
  await expect(page.getByText('（非记录的监督人，代为验收）')).toBeVisible();
});
