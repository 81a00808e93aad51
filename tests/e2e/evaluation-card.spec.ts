/**
 * The 评议与整改 card on a decision's page: its buttons stand apart from the sentences above and
 * from the text below (a button glued to "尚未评议" read as one line), in normal type, large type
 * (大字模式) and English. Screenshots in .tmp/screens/evaluation-card-<mode>.png.
 */
import { test, expect, type Page } from '@playwright/test';
import { dumpDatabase, openWorkbenchWithDemo } from './helpers';

const MIN_GAP = 8;

async function decisionToRate(page: Page): Promise<string> {
  const db = await dumpDatabase(page);
  const notices = db.publicNotices as { decisionId?: string }[];
  const rated = new Set((db.evaluations as { decisionId: string }[]).map((e) => e.decisionId));
  return notices.find((n) => n.decisionId && !rated.has(n.decisionId))!.decisionId!;
}

for (const mode of ['normal', 'large', 'en'] as const)
  test(`the 评议 card's buttons keep their distance: ${mode}`, async ({ page }) => {
    await openWorkbenchWithDemo(page);
    const decisionId = await decisionToRate(page);
    if (mode === 'large') await page.getByRole('banner').getByRole('switch', { name: '大字模式' }).click();
    if (mode === 'en') {
      await page.getByRole('menuitem', { name: '设置' }).click();
      await page.getByText('English', { exact: true }).click();
      await page.getByRole('button', { name: '保存' }).first().click();
      await expect(page.getByRole('menuitem', { name: 'Settings' })).toBeVisible();
    }
    await page.goto(`/#/followup/${decisionId}`);
    const card = page.getByTestId('evaluation-card');
    await card.scrollIntoViewIfNeeded();
    await page.waitForTimeout(300);
    await card.screenshot({ path: `.tmp/screens/evaluation-card-${mode}.png` });
    const actions = (await card.getByTestId('evaluation-actions').boundingBox())!;
    const lead = (await card.getByTestId('evaluation-lead').boundingBox())!;
    const after = (await card.getByText(/^(尚未评议|Not evaluated yet)$/).boundingBox())!;
    expect(actions.y - (lead.y + lead.height), 'gap above the buttons').toBeGreaterThanOrEqual(MIN_GAP);
    // What follows the buttons starts on its own line below them, never beside them.
    expect(after.y - (actions.y + actions.height), 'gap below the buttons').toBeGreaterThanOrEqual(MIN_GAP);
  });
