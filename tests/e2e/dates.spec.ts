import { test, expect, type Page } from '@playwright/test';
import { createRedBench, meetingIdFromUrl, openWithDemo, patchRowRaw, storedMeeting, storedOfMeeting } from './helpers';

/** The browser's today as YYYY-MM-DD, by its own clock and zone (the app's "today"). */
async function browserToday(page: Page, plusDays = 0): Promise<string> {
  return page.evaluate((n) => {
    const d = new Date();
    d.setDate(d.getDate() + n);
    const p = (v: number) => String(v).padStart(2, '0');
    return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
  }, plusDays);
}

/** 2026年12月3日, as the app writes a date. */
function chinese(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

test('a deadline before the meeting says why; messages go as soon as a field is fixed', async ({ page }) => {
  await openWithDemo(page);
  await createRedBench(page); // dated today
  await page.getByRole('button', { name: '开始会议' }).click();
  await page.locator('.ant-modal-confirm').getByRole('button', { name: '确定' }).click();
  await expect(page.getByTestId('current-item')).toBeVisible();
  const meetingId = meetingIdFromUrl(page);

  await page.keyboard.press('Alt+D');
  const dialog = page.getByRole('dialog', { name: '新决定' });
  const errors = dialog.locator('.ant-form-item-explain-error');
  // Saving an empty decision: each field says what it needs.
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog.getByText('请填写事项')).toBeVisible();
  await expect(dialog.getByText('请选择什么时间干完')).toBeVisible();
  await dialog.getByLabel('事项').fill('更换分类垃圾桶');
  await expect(dialog.getByText('请填写事项')).toHaveCount(0);

  // A date before the meeting, typed by hand, stays in the field with the real reason.
  const deadline = dialog.getByLabel('什么时间干完');
  await deadline.fill('2020-01-01');
  await page.keyboard.press('Enter');
  await expect(dialog.getByText('完成时限不能早于会议日期')).toBeVisible();
  await expect(dialog.getByText('请选择什么时间干完')).toHaveCount(0);
  await expect(deadline).toHaveValue('2020-01-01');
  await page.screenshot({ path: '.tmp/screens/decision-deadline-early.png' });

  // A date that does not exist is not a date, and says so.
  await deadline.fill('2026-02-31');
  await dialog.getByLabel('干到什么标准').click();
  await expect(dialog.getByText('完成时限不是有效日期')).toBeVisible();
  await expect(deadline).toHaveValue('2026-02-31');

  // Fixed: the message goes at once.
  await deadline.fill('2099-12-31');
  await page.keyboard.press('Enter');
  await expect(dialog.getByText(/完成时限/)).toHaveCount(0);

  await dialog.getByLabel('谁来干（责任人）').fill('物业公司');
  await page.keyboard.press('Tab');
  await dialog.getByLabel('干到什么标准').fill('每栋楼前设四分类垃圾桶一组');
  await dialog.getByLabel('谁来监督').fill('业委会');
  await page.keyboard.press('Tab');
  await expect(errors).toHaveCount(0);
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
  // The demo's meetings have decisions of their own: this meeting's one decision is the one saved.
  const decisions = await storedOfMeeting<{ deadline: string }>(page, 'decisions', meetingId);
  expect(decisions.map((d) => d.deadline)).toEqual(['2099-12-31']);

  // Opened again, the saved decision shows no leftover message.
  await page
    .getByRole('row', { name: /更换分类垃圾桶/ })
    .getByRole('button', { name: /编\s?辑/ })
    .click();
  const edit = page.getByRole('dialog', { name: '编辑决定' });
  await expect(edit.getByLabel('什么时间干完')).toHaveValue('2099-12-31');
  await expect(edit.locator('.ant-form-item-explain-error')).toHaveCount(0);
  await expect(edit.locator('.ant-alert-error')).toHaveCount(0);
});

test('a meeting started before its date warns and can move to today, 期数 kept', async ({ page }) => {
  await openWithDemo(page);
  const inAWeek = await browserToday(page, 7);
  await page.getByRole('button', { name: '新建会议' }).click();
  const create = page.getByRole('dialog', { name: '新建会议' });
  await create.getByLabel('所属小区/网格').click();
  await page.keyboard.type('帝纱富仕城');
  await page.getByTitle('帝纱富仕城（小区）').click();
  await create.getByLabel('日期').fill(inAWeek);
  await page.keyboard.press('Enter');
  await expect(create.getByLabel('日期')).toHaveValue(inAWeek);
  await create.getByRole('button', { name: '创建会议' }).click();
  await expect(page.getByRole('heading', { name: '帝纱富仕城红板凳议事会' })).toBeVisible();
  const meetingId = meetingIdFromUrl(page);
  const before = await storedMeeting(page, meetingId);
  expect(String(before.startAt).slice(0, 10)).toBe(inAWeek);

  await page.getByRole('button', { name: '开始会议' }).click();
  const warning = page.getByRole('dialog', { name: '会议日期还没到' });
  const today = await browserToday(page);
  await expect(warning.getByTestId('start-day-warning')).toContainText(
    `这次会议定在${chinese(inAWeek)}，今天是${chinese(today)}，提前了7天`,
  );
  await page.screenshot({ path: '.tmp/screens/start-early.png' });
  // 取消 changes nothing.
  await warning.getByRole('button', { name: '取消' }).click();
  await expect(warning).toBeHidden();
  expect((await storedMeeting(page, meetingId)).status).toBe('draft');

  await page.getByRole('button', { name: '开始会议' }).click();
  await page.getByRole('dialog', { name: '会议日期还没到' }).getByRole('button', { name: '改为今天开会' }).click();
  await expect(page.getByTestId('current-item')).toBeVisible();
  await expect(page.getByText(`会议日期已改为今天（${chinese(today)}）`)).toBeVisible();
  const after = await storedMeeting(page, meetingId);
  expect(after.status).toBe('live');
  expect(String(after.startAt)).toBe(String(before.startAt).replace(inAWeek, today));
  expect(String(after.plannedEndAt)).toBe(String(before.plannedEndAt).replace(inAWeek, today));
  expect([after.issueYear, after.issueNo]).toEqual([before.issueYear, before.issueNo]);
});

test('a meeting whose date has passed says so, and can start with its own date', async ({ page }) => {
  await openWithDemo(page);
  await createRedBench(page);
  const meeting = await storedMeeting(page, meetingIdFromUrl(page));
  const lastWeek = await browserToday(page, -3);
  const today = await browserToday(page);
  const moved = (iso: unknown) => String(iso).replace(today, lastWeek);
  await patchRowRaw(page, 'meetings', String(meeting.id), {
    startAt: moved(meeting.startAt),
    plannedEndAt: moved(meeting.plannedEndAt),
  });
  await page.reload();
  await page.getByRole('button', { name: '开始会议' }).click();
  const warning = page.getByRole('dialog', { name: '会议日期已经过去' });
  await expect(warning.getByTestId('start-day-warning')).toContainText(
    `这次会议定在${chinese(lastWeek)}，今天是${chinese(today)}，已经过了3天`,
  );
  await warning.getByRole('button', { name: '仍按原日期开始' }).click();
  await expect(page.getByTestId('current-item')).toBeVisible();
  const after = await storedMeeting(page, String(meeting.id));
  expect([after.status, after.startAt]).toEqual(['live', moved(meeting.startAt)]);
});

test('an amendment obeys the entry rules, reads in words, and 核验 says it is covered', async ({ page }) => {
  await openWithDemo(page);
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: '导入会议记录' }).click();
  await (await chooser).setFiles('docs/examples/帝纱富仕城红板凳议事会-2026年第7期.yishi.json');
  await expect(page.getByRole('heading', { name: '帝纱富仕城红板凳议事会' })).toBeVisible();
  await page.getByRole('button', { name: '核验' }).click();
  // The file carries the other community's signature, whose key this computer has not registered:
  // the seal checks out, the signer stays unconfirmed.
  await expect(page.getByTestId('verification')).toContainText(/^签名有效但签署者未登记/);
  await expect(page.getByTestId('verification')).toContainText('与签字时的记录一致');

  async function amendDeadline(date: string) {
    await page.getByRole('button', { name: '修订' }).click();
    const dialog = page.getByRole('dialog', { name: '修订' });
    await dialog.getByLabel('更正项目').click();
    await page.getByTitle('决定的完成时限').click();
    await dialog.getByLabel('更正内容').click();
    await page.getByTitle('重新施划地面停车位').click();
    await dialog.getByLabel('更正为').fill(date);
    await page.keyboard.press('Enter');
    await dialog.getByLabel('修订原因').fill('完成时限笔误，经主持人确认更正');
    await dialog.getByRole('button', { name: '保存' }).click();
    return dialog;
  }

  // Before the meeting (15 July): refused with the words the decision form uses.
  const refused = await amendDeadline('2026-07-01');
  await expect(refused.getByTestId('amend-refusal')).toHaveText('决定“重新施划地面停车位”：完成时限不能早于会议日期');
  await refused.getByRole('button', { name: '取消' }).click();
  await expect(refused).toBeHidden();
  await expect(page.getByTestId('amendment')).toHaveCount(0);

  const saved = await amendDeadline('2027-01-15');
  await expect(saved).toBeHidden();
  const entry = page.getByTestId('amendment');
  await expect(entry).toContainText('完成时限笔误，经主持人确认更正');
  await expect(entry).toContainText('第2项决定的完成时限：2026年9月15日 → 2027年1月15日');
  await expect(entry).not.toContainText('decisions[');

  await page.getByRole('button', { name: '核验' }).click();
  const verification = page.getByTestId('verification');
  await expect(verification).toContainText('与签字锁定及其后1次修订一致');
  await expect(verification).toContainText('第2项决定的完成时限：2026年9月15日 → 2027年1月15日');
  await page.screenshot({ path: '.tmp/screens/verify-amended.png', fullPage: true });
});
