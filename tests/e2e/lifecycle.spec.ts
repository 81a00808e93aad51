import { test, expect, type Page } from '@playwright/test';
import { createRedBench, dumpDatabase, meetingIdFromUrl, openWithDemo } from './helpers';

/** The 期数 shown in the meeting's overview, e.g. 2026年第1期. */
async function issueOf(page: Page): Promise<string> {
  const cell = page
    .locator('.ant-descriptions-item')
    .filter({ hasText: '期数' })
    .locator('.ant-descriptions-item-content');
  return (await cell.innerText()).trim();
}

test('a draft is deleted with what was prepared for it, and its 期数 is used again', async ({ page }) => {
  await openWithDemo(page);
  await createRedBench(page);
  const issue = await issueOf(page);
  const id = meetingIdFromUrl(page);
  await page.getByRole('button', { name: '删除会议' }).click();
  await expect(page.locator('.ant-modal-confirm')).toContainText(issue);
  await page.locator('.ant-modal-confirm').getByRole('button', { name: '确定' }).click();
  await expect(page.getByRole('heading', { name: '会议', level: 1 })).toBeVisible();
  const db = await dumpDatabase(page);
  for (const table of ['meetings', 'agendaItems', 'attendance'])
    expect((db[table] as { id: string; meetingId?: string }[]).filter((r) => (r.meetingId ?? r.id) === id)).toEqual([]);
  await createRedBench(page);
  expect(await issueOf(page)).toBe(issue);
});

test('a meeting that began is cancelled with its reason, keeps its 期数, and is never numbered again', async ({
  page,
}) => {
  await openWithDemo(page);
  await createRedBench(page);
  const issue = await issueOf(page);
  await page.getByRole('button', { name: '开始会议' }).click();
  await page.locator('.ant-modal-confirm').getByRole('button', { name: '确定' }).click();
  await page.getByRole('button', { name: '退出会议模式' }).click();
  await expect(page.getByRole('button', { name: '删除会议' })).toHaveCount(0);
  await page.getByRole('button', { name: '取消会议' }).click();
  const dialog = page.getByRole('dialog', { name: /取消“/ });
  // No reason, no cancelling.
  await dialog.getByRole('button', { name: '取消会议' }).click();
  await expect(dialog.getByText('请写明取消的原因', { exact: true })).toBeVisible();
  await dialog.getByLabel('取消原因').fill('台风预警，改期举行');
  await dialog.getByRole('button', { name: '取消会议' }).click();
  await expect(page.getByText('本次会议已取消。原因：台风预警，改期举行')).toBeVisible();
  await expect(page.locator('.ant-tag').filter({ hasText: '已取消' })).toBeVisible();
  // Nothing left to change: no agenda, sign-in or status buttons.
  await expect(page.getByRole('button', { name: /结束会议|进入会议|取消会议|删除会议/ })).toHaveCount(0);
  await page.screenshot({ path: '.tmp/screens/meeting-cancelled.png', fullPage: true });

  await page.getByRole('button', { name: '会议' }).first().click();
  await page.getByRole('tab', { name: '已取消' }).click();
  await expect(page.getByRole('row', { name: new RegExp(issue) })).toBeVisible();
  await createRedBench(page);
  expect(await issueOf(page)).not.toBe(issue);
});

test('定稿 says what is missing before asking to confirm', async ({ page }) => {
  await openWithDemo(page);
  await createRedBench(page);
  await page.getByRole('button', { name: '开始会议' }).click();
  await page.locator('.ant-modal-confirm').getByRole('button', { name: '确定' }).click();
  await page.getByRole('button', { name: '退出会议模式' }).click();
  await page.getByRole('button', { name: '结束会议' }).click();
  await page.locator('.ant-modal-confirm').getByRole('button', { name: '确定' }).click();
  await page.getByRole('button', { name: '定稿' }).click();
  await expect(page.getByTestId('review-problems')).toBeVisible();
  // The problems, not a question that would then be refused.
  await expect(page.getByText('定稿后纪要不能再修改')).toHaveCount(0);
});

test('deleting an agenda item asks first', async ({ page }) => {
  await openWithDemo(page);
  await createRedBench(page);
  await page.getByRole('tab', { name: '议程' }).click();
  const agenda = page.getByRole('list', { name: '议程' });
  const before = await agenda.getByRole('listitem').count();
  await agenda.getByRole('button', { name: '删除' }).first().click();
  await page.locator('.ant-modal-confirm').getByRole('button', { name: '取消' }).click();
  await expect(agenda.getByRole('listitem')).toHaveCount(before);
  await agenda.getByRole('button', { name: '删除' }).first().click();
  await page.locator('.ant-modal-confirm').getByRole('button', { name: '删除' }).click();
  await expect(agenda.getByRole('listitem')).toHaveCount(before - 1);
});
