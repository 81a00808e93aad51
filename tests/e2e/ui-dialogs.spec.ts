/**
 * Dialogs whose save is refused say why inside the dialog and keep what was typed (issue #11):
 * a meeting closed or locked in another window meanwhile must not end in an uncaught rejection.
 * "Another window" is played by writing the meeting's status with the raw IndexedDB API, which
 * the page's live queries do not see — exactly like a second window of the desktop app.
 */
import { test, expect, type Page } from '@playwright/test';
import {
  createRedBench,
  meetingIdFromUrl,
  openWithDemo,
  patchRowRaw,
  storedOfMeeting,
  waitForDailyBackup,
} from './helpers';

async function startLive(page: Page): Promise<string> {
  await page.getByRole('button', { name: '开始会议' }).click();
  await page.locator('.ant-modal-confirm').getByRole('button', { name: '确定' }).click();
  await expect(page.getByTestId('current-item')).toBeVisible();
  return meetingIdFromUrl(page);
}

/** The toast UnhandledErrors shows for a rejection nobody caught. */
const uncaught = (page: Page) => page.getByText(/操作没有完成/);

test('Alt+D opens 新决定 with the cursor in 事项, ready to type', async ({ page }) => {
  await openWithDemo(page);
  await createRedBench(page);
  await startLive(page);
  await page.keyboard.press('Alt+D');
  const dialog = page.getByRole('dialog', { name: '新决定' });
  await expect(dialog.getByLabel('事项')).toBeFocused();
  await page.keyboard.type('更换分类垃圾桶');
  await expect(dialog.getByLabel('事项')).toHaveValue('更换分类垃圾桶');
});

test('Alt+D pressed at once after Alt+N opens 新决定 on the item Alt+N went to, and saves it there', async ({
  page,
}) => {
  await openWithDemo(page);
  await createRedBench(page);
  for (const title of ['停车位改造划分', '楼道堆放杂物清理']) {
    await page.getByRole('button', { name: '添加议题' }).click();
    const add = page.getByRole('dialog');
    await add.getByLabel('议题', { exact: true }).fill(title);
    await add.getByRole('button', { name: '保存' }).click();
    await expect(add).toBeHidden();
  }
  const meetingId = await startLive(page);
  const items = (await storedOfMeeting<{ id: string; order: number; title: string }>(page, 'agendaItems', meetingId))
    .slice()
    .sort((a, b) => a.order - b.order);
  expect(items.length).toBeGreaterThanOrEqual(3);
  const [first, second, third] = items as [(typeof items)[0], (typeof items)[0], (typeof items)[0]];
  await expect(page.getByTestId('current-item')).toHaveText(first.title);
  // No waiting in between: the chair's hands are faster than the database.
  await page.keyboard.press('Alt+N');
  await page.keyboard.press('Alt+D');
  const dialog = page.getByRole('dialog', { name: '新决定' });
  await expect(dialog.getByLabel('事项')).toBeFocused();
  await page.keyboard.type('清理楼道堆放物');
  await dialog.getByLabel('谁来干（责任人）').fill('物业公司');
  await page.keyboard.press('Tab');
  await dialog.getByLabel('干到什么标准').fill('楼道无堆放物');
  await dialog.getByLabel('什么时间干完').fill('2099-12-10');
  await page.keyboard.press('Enter');
  await dialog.getByLabel('谁来监督').fill('业委会');
  await page.keyboard.press('Tab');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('current-item')).toHaveText(second.title);
  const decisions = await storedOfMeeting<{ title: string; agendaItemId: string }>(page, 'decisions', meetingId);
  expect(decisions.map((d) => [d.title, d.agendaItemId])).toEqual([['清理楼道堆放物', second.id]]);
  // Two Alt+N in a row go two items on, not twice to the same next one.
  await page.keyboard.press('Alt+P');
  await expect(page.getByTestId('current-item')).toHaveText(first.title);
  await page.keyboard.press('Alt+N');
  await page.keyboard.press('Alt+N');
  await expect(page.getByTestId('current-item')).toHaveText(third.title);
});

test('a decision saved on a closed meeting just signed in another window: the reason shows in the dialog, the values stay', async ({
  page,
}) => {
  await openWithDemo(page);
  await createRedBench(page);
  const meetingId = await startLive(page);
  await page.getByRole('button', { name: '退出会议模式' }).click();
  await page.getByRole('button', { name: '结束会议' }).click();
  await page.locator('.ant-modal-confirm').getByRole('button', { name: '确定' }).click();
  await page.getByRole('tab', { name: '纪要与决定' }).click();
  await page.getByRole('button', { name: '新决定' }).first().click();
  const dialog = page.getByRole('dialog', { name: '新决定' });
  await dialog.getByLabel('事项').fill('更换分类垃圾桶');
  await dialog.getByLabel('谁来干（责任人）').fill('物业公司');
  await page.keyboard.press('Tab');
  await dialog.getByLabel('干到什么标准').fill('每栋楼前设四分类垃圾桶一组');
  await dialog.getByLabel('什么时间干完').fill('2099-12-31');
  await page.keyboard.press('Enter');
  await dialog.getByLabel('谁来监督').fill('业委会');
  await page.keyboard.press('Tab');

  // Not before the daily backup: its settings write would make the screen read the meeting again.
  await waitForDailyBackup(page);
  await patchRowRaw(page, 'meetings', meetingId, { status: 'signed' });
  await dialog.getByRole('button', { name: '保存' }).click();

  await expect(dialog.getByRole('alert').filter({ hasText: '会议已签字锁定，只能通过修订更正' })).toBeVisible();
  await expect(dialog.getByLabel('事项')).toHaveValue('更换分类垃圾桶');
  await expect(dialog.getByLabel('干到什么标准')).toHaveValue('每栋楼前设四分类垃圾桶一组');
  await expect(uncaught(page)).toHaveCount(0);
  expect(await storedOfMeeting(page, 'decisions', meetingId)).toEqual([]);
});

test('an agenda item saved after the meeting was signed elsewhere: the reason shows in the dialog', async ({
  page,
}) => {
  await openWithDemo(page);
  await createRedBench(page);
  const meetingId = meetingIdFromUrl(page);
  await page.getByRole('button', { name: '添加议题' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('议题', { exact: true }).fill('楼道堆放杂物清理');
  // Not before the daily backup: its settings write would make the screen read the meeting again.
  await waitForDailyBackup(page);
  await patchRowRaw(page, 'meetings', meetingId, { status: 'signed' });
  await dialog.getByRole('button', { name: '保存' }).click();

  await expect(dialog.getByRole('alert').filter({ hasText: '会议已签字锁定，只能通过修订更正' })).toBeVisible();
  await expect(dialog.getByLabel('议题', { exact: true })).toHaveValue('楼道堆放杂物清理');
  await expect(uncaught(page)).toHaveCount(0);
  const titles = (await storedOfMeeting<{ title: string }>(page, 'agendaItems', meetingId)).map((i) => i.title);
  expect(titles).not.toContain('楼道堆放杂物清理');
});

test('a guest added after the meeting was signed elsewhere: the reason shows in the dialog', async ({ page }) => {
  await openWithDemo(page);
  await createRedBench(page);
  const meetingId = meetingIdFromUrl(page);
  await page.getByRole('tab', { name: '参会人员' }).click();
  await page.getByRole('button', { name: '添加临时参会人' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('姓名').fill('王临时');
  // Not before the daily backup: its settings write would make the screen read the meeting again.
  await waitForDailyBackup(page);
  await patchRowRaw(page, 'meetings', meetingId, { status: 'signed' });
  await dialog.getByRole('button', { name: '保存' }).click();

  await expect(dialog.getByRole('alert').filter({ hasText: '会议已签字锁定' })).toBeVisible();
  await expect(dialog.getByLabel('姓名')).toHaveValue('王临时');
  await expect(uncaught(page)).toHaveCount(0);
});
