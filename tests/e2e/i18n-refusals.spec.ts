/**
 * Refusals and the selects' clear button in the user's language: a 评议 refused by the rules
 * reads English in English (the rule's code through the feature's messages, not its Chinese
 * sentence), and every select's clear button is 清除 in Chinese, Clear in English.
 */
import { test, expect, type Page } from '@playwright/test';
import { dumpDatabase, openWorkbenchWithDemo, patchRowRaw } from './helpers';

/** A decision of the demo whose 结果公示 is up and that nobody has rated yet. */
async function decisionToRate(page: Page): Promise<string> {
  const db = await dumpDatabase(page);
  const notices = db.publicNotices as { decisionId?: string }[];
  const rated = new Set((db.evaluations as { decisionId: string }[]).map((e) => e.decisionId));
  return notices.find((n) => n.decisionId && !rated.has(n.decisionId))!.decisionId!;
}

/** Picks the first option of a filter select on the matters page; its clear button then shows. */
async function clearButtonOf(page: Page, filter: string) {
  const select = page.locator('.ant-select').filter({ has: page.getByRole('combobox', { name: filter }) });
  await select.click();
  await page
    .locator('.ant-select-dropdown:visible')
    .locator('.ant-select-item-option, .ant-select-tree-node-content-wrapper')
    .first()
    .click();
  await select.hover();
  return select.locator('.ant-select-clear');
}

test('a refused 评议 and the selects\u2019 clear button speak the user\u2019s language', async ({ page }) => {
  test.setTimeout(120_000);
  await openWorkbenchWithDemo(page);
  const decisionId = await decisionToRate(page);

  // Chinese: the clear button of a select and of a tree select says 清除, and clears.
  await page.goto('/#/matters');
  await expect(page.locator('.ant-table-row').first()).toBeVisible();
  const stage = await clearButtonOf(page, '全部阶段');
  await expect(stage).toHaveAttribute('aria-label', '清除');
  await expect(await clearButtonOf(page, '全部社区/小区')).toHaveAttribute('aria-label', '清除');
  await stage.click();
  await expect(page.locator('.ant-select').filter({ hasText: '全部阶段' })).toBeVisible();

  // Chinese: the refusal as the rule words it.
  await page.goto(`/#/followup/${decisionId}`);
  await page.getByRole('button', { name: '组织评议', exact: true }).click();
  let dialog = page.getByRole('dialog');
  await dialog.getByRole('textbox', { name: '组织人' }).fill('');
  await dialog.getByRole('spinbutton', { name: '满意', exact: true }).fill('8');
  await dialog.getByRole('button', { name: '组织评议', exact: true }).click();
  await expect(dialog.getByRole('alert')).toHaveText('请填写组织评议的人');
  await page.keyboard.press('Escape');

  await page.getByRole('menuitem', { name: '设置' }).click();
  await page.getByText('English', { exact: true }).click();
  await page.getByRole('button', { name: '保存' }).first().click();
  await expect(page.getByRole('menuitem', { name: 'Settings' })).toBeVisible();

  // English: the same refusal in English; the dialog keeps what was typed.
  await page.goto(`/#/followup/${decisionId}`);
  await page.getByRole('button', { name: 'Evaluate', exact: true }).click();
  dialog = page.getByRole('dialog');
  await dialog.getByRole('textbox', { name: 'Organised by' }).fill('  ');
  await dialog.getByRole('spinbutton', { name: 'Satisfied', exact: true }).fill('8');
  await dialog.getByRole('button', { name: 'Evaluate', exact: true }).click();
  await expect(dialog.getByRole('alert')).toHaveText('Enter who organised the evaluation');
  await page.screenshot({ path: '.tmp/screens/refusal-evaluation-en.png' });
  await expect(dialog.getByRole('spinbutton', { name: 'Satisfied', exact: true })).toHaveValue('8');
  await page.keyboard.press('Escape');

  // English: the clear button says Clear.
  await page.goto('/#/matters');
  await expect(page.locator('.ant-table-row').first()).toBeVisible();
  await expect(await clearButtonOf(page, 'All stages')).toHaveAttribute('aria-label', 'Clear');
});

/** An open, untriaged matter of the demo (it may be escalated or closed). */
async function openMatter(page: Page): Promise<string> {
  const matters = (await dumpDatabase(page)).matters as {
    id: string;
    path: string;
    closedAt?: string;
    mergedInto?: string;
  }[];
  return matters.find((m) => m.path === 'untriaged' && !m.closedAt && !m.mergedInto)!.id;
}

/**
 * Opens a matter action, has the matter change meanwhile (another window: a raw write the page
 * does not see), then submits: the register refuses, and the message is the user's language.
 */
async function refusedAction(
  page: Page,
  matterId: string,
  { action, field, text, by, ok }: { action: string; field: string; text: string; by: string; ok: string },
  meanwhile: Record<string, unknown>,
) {
  await page.goto(`/#/matters/${matterId}`);
  await page.getByRole('button', { name: action, exact: true }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('textbox', { name: field }).fill(text);
  await dialog.getByRole('textbox', { name: by }).fill('李晓蕾');
  await patchRowRaw(page, 'matters', matterId, meanwhile);
  await dialog.getByRole('button', { name: ok }).click();
  return page.locator('.ant-message-notice-error').last();
}

test('matters refusals read English in English, Chinese in Chinese', async ({ page }) => {
  test.setTimeout(120_000);
  await openWorkbenchWithDemo(page);
  const matterId = await openMatter(page);
  const before = (await dumpDatabase(page)).matters as { id: string }[];
  const original = before.find((m) => m.id === matterId)!;

  // Chinese: closed meanwhile, so 办结 is refused in the rule's own words.
  const closeZh = { action: '办结', field: '办结情况', text: '已清理', by: '经办人', ok: '确定' };
  let notice = await refusedAction(page, matterId, closeZh, { closedAt: '2026-12-01T02:00:00.000Z' });
  await expect(notice).toContainText('事项已办结，不能再改动');
  await page.keyboard.press('Escape');
  await patchRowRaw(page, 'matters', matterId, { closedAt: undefined });

  await page.getByRole('menuitem', { name: '设置' }).click();
  await page.getByText('English', { exact: true }).click();
  await page.getByRole('button', { name: '保存' }).first().click();
  await expect(page.getByRole('menuitem', { name: 'Settings' })).toBeVisible();

  // English: escalated while it had been merged into another matter meanwhile.
  const target = before.find((m) => m.id !== matterId)!.id;
  notice = await refusedAction(
    page,
    matterId,
    { action: 'Escalate', field: 'Reason', text: '需要街道协调', by: 'Done by', ok: 'OK' },
    { mergedInto: target },
  );
  await expect(notice).toContainText('The matter was merged into another; please handle it there');
  await expect(notice).not.toContainText(/[\u4e00-\u9fff]{2}/);
  await page.screenshot({ path: '.tmp/screens/refusal-matter-merged-en.png' });
  await page.keyboard.press('Escape');
  await patchRowRaw(page, 'matters', matterId, { mergedInto: undefined });

  // English: closed meanwhile.
  notice = await refusedAction(
    page,
    matterId,
    { action: 'Close', field: 'How it ended', text: '已清理', by: 'Done by', ok: 'OK' },
    { closedAt: '2026-12-01T02:00:00.000Z' },
  );
  await expect(notice).toContainText('The matter is concluded and can no longer be changed');

  // Nothing was written by the refused actions.
  await patchRowRaw(page, 'matters', matterId, { closedAt: undefined });
  const after = ((await dumpDatabase(page)).matters as { id: string }[]).find((m) => m.id === matterId)!;
  expect({ ...after, closedAt: undefined, mergedInto: undefined }).toEqual({
    ...original,
    closedAt: undefined,
    mergedInto: undefined,
  });
});
