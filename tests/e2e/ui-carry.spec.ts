/**
 * 转下次会议 (issue #11): an item the meeting did not reach is carried over in live mode, the
 * meeting is finalised without fake minutes for it, and the compound's next 党群议事日 has it on
 * its agenda. And 筹备 for a compound and 10th that already has its 党群议事日 opens that one.
 */
import { test, expect, type Page } from '@playwright/test';
import { meetingIdFromUrl, openWithDemo, skipProposedMatters, storedOfMeeting } from './helpers';

const COMPOUND = '帝纱富仕城';

/** 新建会议 → 党群议事日 for 帝纱富仕城 on the given day (YYYY-MM-DD); returns the dialog. */
async function newMonthlyDay(page: Page, day: string) {
  await page.getByRole('button', { name: '新建会议' }).click();
  const dialog = page.getByRole('dialog', { name: '新建会议' });
  await dialog.getByText('党群议事日', { exact: true }).click();
  await dialog.getByLabel('所属小区/网格').click();
  await page.keyboard.type(COMPOUND);
  await page.getByTitle(`${COMPOUND}（小区）`).click();
  await expect(dialog.getByLabel('主持人')).toHaveValue(/.+/);
  const date = dialog.getByLabel('日期');
  await date.click();
  await date.fill(day);
  await page.keyboard.press('Enter');
  await expect(date).toHaveValue(day);
  return dialog;
}

const localToday = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

test('an item carried over in live mode: 定稿 asks no minutes of it, and the next 党群议事日 carries it', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await openWithDemo(page);
  const dialog = await newMonthlyDay(page, localToday());
  await dialog.getByRole('button', { name: '创建会议' }).click();
  await skipProposedMatters(page);
  await expect(page.getByRole('heading', { name: `${COMPOUND}党群议事日` })).toBeVisible();
  const meetingId = meetingIdFromUrl(page);
  await page.getByRole('button', { name: '添加议题' }).click();
  const add = page.getByRole('dialog');
  await add.getByLabel('议题', { exact: true }).fill('地下车库渗水处理');
  await add.getByRole('button', { name: '保存' }).click();
  await expect(add).toBeHidden();

  await page.getByRole('button', { name: '开始会议' }).click();
  await page.locator('.ant-modal-confirm').getByRole('button', { name: '确定' }).click();
  await expect(page.getByTestId('current-item')).toBeVisible();
  await page.keyboard.press('Alt+Q');
  const drawer = page.locator('.ant-drawer');
  const presentButtons = drawer.locator('.ant-radio-button-wrapper', { hasText: /^出席$/ });
  const count = await presentButtons.count();
  for (let i = 0; i < count; i++) await presentButtons.nth(i).click();
  await page.keyboard.press('Escape');
  await expect(drawer.locator('.ant-drawer-content')).toBeHidden();

  // The first item is discussed; every other one, the new one included, is not reached.
  const items = (
    await storedOfMeeting<{ id: string; order: number; title: string }>(page, 'agendaItems', meetingId)
  ).sort((a, b) => a.order - b.order);
  await page.locator('.ProseMirror').first().click();
  await page.keyboard.type('大家议定了本议题。');
  await page.getByRole('button', { name: '本议题已议结' }).click();
  for (const item of items.slice(1)) {
    await page.keyboard.press('Alt+N');
    await expect(page.getByTestId('current-item')).toHaveText(item.title);
    const carry = page.locator('button[aria-pressed]', { hasText: '转下次会议' });
    await carry.click();
    await expect(carry).toHaveAttribute('aria-pressed', 'true');
  }
  // The agenda list shows the state.
  await expect(page.getByRole('navigation', { name: '议程' }).getByRole('img', { name: '转下次会议' })).toHaveCount(
    items.length - 1,
  );
  const stored = await storedOfMeeting<{ title: string; state?: string }>(page, 'agendaItems', meetingId);
  expect(stored.find((i) => i.title === '地下车库渗水处理')?.state).toBe('carriedOver');

  await page.getByRole('button', { name: '退出会议模式' }).click();
  await page.getByRole('button', { name: '结束会议' }).click();
  await page.locator('.ant-modal-confirm').getByRole('button', { name: '确定' }).click();
  await expect(page.getByText('记录完整，可以定稿。')).toBeVisible();
  await page.getByRole('button', { name: '定稿' }).click();
  await page.locator('.ant-modal-confirm').getByRole('button', { name: '确定' }).click();
  await expect(page.getByText('参会人员签字', { exact: true })).toBeVisible();

  // The compound's next 党群议事日 after this one (a month on, past the demo's own draft).
  await page.getByRole('menuitem', { name: '会议' }).click();
  const next = new Date();
  next.setMonth(next.getMonth() + 2, 10);
  const nextDay = `${next.getFullYear()}-${String(next.getMonth() + 1).padStart(2, '0')}-10`;
  const again = await newMonthlyDay(page, nextDay);
  await again.getByRole('button', { name: '创建会议' }).click();
  await skipProposedMatters(page);
  await expect(page.getByRole('heading', { name: `${COMPOUND}党群议事日` })).toBeVisible();
  const carried = await storedOfMeeting<{ title: string; carriedFromItemId?: string }>(
    page,
    'agendaItems',
    meetingIdFromUrl(page),
  );
  expect(carried.find((i) => i.title === '地下车库渗水处理')?.carriedFromItemId).toBeTruthy();
  // Planned long enough for everything carried into it: no 议程超出会议时长 at once.
  await expect(page.getByText(/议程超出/)).toHaveCount(0);
});

test('筹备 for a compound whose next 党群议事日 is prepared already offers to open it', async ({ page }) => {
  await openWithDemo(page);
  const dialog = await newMonthlyDay(page, '2099-01-10');
  await dialog.getByRole('button', { name: '创建会议' }).click();
  await skipProposedMatters(page);
  await expect(page.getByRole('heading', { name: `${COMPOUND}党群议事日` })).toBeVisible();
  const first = meetingIdFromUrl(page);
  await page.getByRole('menuitem', { name: '会议' }).click();
  const again = await newMonthlyDay(page, '2099-01-10');
  await expect(again.getByTestId('meeting-exists')).toContainText('这个小区这一天已经有');
  await expect(again.getByRole('button', { name: '创建会议' })).toBeDisabled();
  await again.getByRole('button', { name: '打开这次会议' }).click();
  await expect(page).toHaveURL(new RegExp(`#/meetings/${first}$`));
});
