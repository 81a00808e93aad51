/**
 * Screenshots of every screen of the closed loop at 1366×768 (issue #12), in normal type, large
 * type (大字模式) and English, written to .tmp/screens/loop-<screen>-<mode>.png to be looked at.
 * Each screen is also checked for what a screenshot can hide: no sideways scrolling of the page,
 * and in English no Chinese in the app's own words (the user's data stays as entered).
 */
import { writeFile } from 'node:fs/promises';
import { test, expect, type Page } from '@playwright/test';
import { dumpDatabase, openWorkbenchWithDemo, tinyPng } from './helpers';
import { makeRosterXlsx } from '../fixtures/rosterFiles';

type Mode = 'normal' | 'large' | 'en';

interface Ids {
  matter: string;
  escalated: string;
  dispute: string;
  photoDecision: string;
  toPost: string;
  toRate: string;
}

/** Records of the demo to show, found in the stored rows (never by position in a list). */
async function demoIds(page: Page): Promise<Ids> {
  const db = await dumpDatabase(page);
  const matters = db.matters as { id: string; title: string; category: string }[];
  const byTitle = (title: string) => matters.find((m) => m.title === title)!.id;
  const decisions = db.decisions as { id: string; status: string }[];
  const notices = db.publicNotices as { decisionId?: string }[];
  const evaluations = db.evaluations as { decisionId: string }[];
  const posted = new Set(notices.map((n) => n.decisionId));
  const rated = new Set(evaluations.map((e) => e.decisionId));
  return {
    matter: byTitle('垃圾分类设施改造提升'),
    escalated: byTitle('雨污管道堵塞，一楼住户返水'),
    dispute: matters.find((m) => m.category === '矛盾纠纷')!.id,
    photoDecision: decisions.find((d) => d.status === 'inProgress' || d.status === 'notStarted')!.id,
    toPost: decisions.find((d) => d.status === 'done' && !posted.has(d.id))!.id,
    toRate: notices.find((n) => n.decisionId && !rated.has(n.decisionId))!.decisionId!,
  };
}

/** A progress note with a real photo, so the decision's page shows its evidence. */
async function addPhotoNote(page: Page, decisionId: string) {
  await page.goto(`/#/followup/${decisionId}`);
  await page.getByRole('button', { name: '记录进展', exact: true }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('textbox').nth(1).fill('已进场施工，附现场照片');
  await dialog
    .getByLabel('添加照片或文件')
    .setInputFiles({ name: '现场.png', mimeType: 'image/png', buffer: tinyPng() });
  await dialog.getByRole('button', { name: '记录进展', exact: true }).click();
  await expect(dialog).toBeHidden();
}

const CJK = /[\u4e00-\u9fff]/;

/** The app's own words in the page: menu, headings, buttons, labels, column heads, tags. */
async function chromeTexts(page: Page): Promise<string[]> {
  return page
    .locator(
      '.ant-menu-title-content, h1, h2, .ant-card-head-title, button:visible, .ant-form-item-label, th, .ant-tabs-tab, .ant-modal-title',
    )
    .allInnerTexts();
}

async function shoot(page: Page, name: string, mode: Mode) {
  await page.waitForTimeout(300);
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow, `${name} scrolls sideways`).toBeLessThanOrEqual(0);
  await page.screenshot({ path: `.tmp/screens/loop-${name}-${mode}.png` });
  if (mode === 'en') {
    const leaking = (await chromeTexts(page)).filter((t) => CJK.test(t));
    test.info().annotations.push({ type: `chinese on ${name}`, description: leaking.join(' | ') });
  }
}

async function visit(page: Page, hash: string, ready: () => Promise<void>) {
  await page.goto(`/#${hash}`);
  await ready();
}

async function importPreview(page: Page, file: string) {
  await page.goto('/#/matters');
  await page.getByRole('button', { name: /从表格导入|Import from a spreadsheet/ }).click();
  const chooser = page.waitForEvent('filechooser');
  await page
    .getByRole('dialog')
    .getByRole('button')
    .filter({ hasText: /选择文件|Choose/ })
    .first()
    .click();
  await (await chooser).setFiles(file);
  await expect(page.getByRole('dialog').locator('.ant-table-row').first()).toBeVisible();
}

async function allScreens(page: Page, mode: Mode, ids: Ids, sheet: string) {
  const h1 = () => expect(page.locator('h1').first()).toBeVisible();
  await visit(page, '/', () => expect(page.getByTestId('workbench-next')).toBeVisible());
  await shoot(page, 'workbench', mode);
  await visit(page, '/matters', () => expect(page.locator('.ant-table-row').first()).toBeVisible());
  await shoot(page, 'matters', mode);
  await visit(page, `/matters/${ids.matter}`, () => expect(page.locator('.yishi-matter-timeline')).toBeVisible());
  await page.locator('.yishi-matter-timeline').scrollIntoViewIfNeeded();
  await shoot(page, 'matter-timeline', mode);
  await visit(page, '/followup', () => expect(page.locator('.ant-table-row').first()).toBeVisible());
  await shoot(page, 'followup-board', mode);
  await visit(page, `/followup/${ids.photoDecision}`, () =>
    expect(page.locator('.yishi-evidence img').first()).toBeVisible(),
  );
  await page.locator('.yishi-evidence img').first().scrollIntoViewIfNeeded();
  await shoot(page, 'followup-photos', mode);
  await visit(page, `/followup/${ids.toPost}`, h1);
  await page
    .getByRole('button', { name: /^(登记公示|Record posting)$/ })
    .first()
    .click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await shoot(page, 'publicity-dialog', mode);
  await page.keyboard.press('Escape');
  await visit(page, `/followup/${ids.toRate}`, h1);
  await page.getByRole('button', { name: /^(组织评议|Evaluate)$/ }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await shoot(page, 'evaluation-dialog', mode);
  await page.keyboard.press('Escape');
  await visit(page, `/matters/${ids.escalated}`, () => expect(page.getByTestId('escalation-section')).toBeVisible());
  await page.getByTestId('escalation-section').scrollIntoViewIfNeeded();
  await shoot(page, 'escalation', mode);
  await visit(page, '/matters/points', () => expect(page.locator('.ant-table-row').first()).toBeVisible());
  await shoot(page, 'points', mode);
  await visit(page, `/matters/${ids.dispute}`, h1);
  await shoot(page, 'dispute', mode);
  await importPreview(page, sheet);
  await shoot(page, 'import-preview', mode);
}

async function setUp(page: Page, sheetPath: string): Promise<{ ids: Ids; sheet: string }> {
  await openWorkbenchWithDemo(page);
  const ids = await demoIds(page);
  await addPhotoNote(page, ids.photoDecision);
  await writeFile(
    sheetPath,
    await makeRosterXlsx(
      [
        ['提出日期', '提出人', '电话', '所属社区/小区/网格', '类别', '事项标题', '渠道'],
        ['2026/11/20', '周敏', '13905461111', '帝纱富仕城', '民生服务', '建议开设老年助餐点', '居民说事厅'],
        ['2026/11/21', '郑丽', '13905462222', '幸福小区', '吵架', '楼上漏水邻里纠纷', '红马扎'],
      ],
      '登记表',
    ),
  );
  return { ids, sheet: sheetPath };
}

for (const mode of ['normal', 'large', 'en'] as const)
  test(`loop screens at 1366×768: ${mode}`, async ({ page }, info) => {
    test.setTimeout(180_000);
    await page.setViewportSize({ width: 1366, height: 768 });
    const { ids, sheet } = await setUp(page, info.outputPath('register.xlsx'));
    if (mode === 'large') {
      await page.getByRole('banner').getByRole('switch', { name: '大字模式' }).click();
      await expect(page.locator('body.yishi-large')).toHaveCount(1);
    }
    if (mode === 'en') {
      await page.getByRole('menuitem', { name: '设置' }).click();
      await page.getByText('English', { exact: true }).click();
      await page.getByRole('button', { name: '保存' }).first().click();
      await expect(page.getByRole('menuitem', { name: 'Settings' })).toBeVisible();
    }
    await allScreens(page, mode, ids, sheet);
  });
