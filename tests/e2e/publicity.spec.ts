import { test, expect } from '@playwright/test';
import {
  dumpDatabase,
  followupStep as step,
  openWithDemo,
  rateDecision as rate,
  tinyPng,
  typeDialogDate as typeDate,
} from './helpers';

function localDate(offsetDays: number): string {
  const d = new Date();
  d.setDate(d.getDate() + offsetDays);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

test('群众评事: photo evidence → sent back → confirmed → 结果公示 → 评议不满意 → 整改 → 再次验收满意', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await openWithDemo(page);
  await page.getByRole('menuitem', { name: /督办/ }).click();
  const first = page.getByRole('tabpanel').locator('.ant-table-tbody tr.ant-table-row').first();
  const title = ((await first.locator('td').first().textContent()) ?? '').trim();
  await first.getByRole('link', { name: title }).click();
  await expect(page.getByRole('heading', { name: title, level: 1 })).toBeVisible();
  const decisionId = decodeURIComponent(page.url().split('#/followup/')[1] ?? '');

  // A progress note with a photo: stored, shown as a thumbnail.
  await page.getByRole('button', { name: '记录进展', exact: true }).click();
  let dialog = page.getByRole('dialog');
  await dialog.getByRole('textbox').nth(1).fill('已进场施工，附现场照片');
  await dialog
    .getByLabel('添加照片或文件')
    .setInputFiles({ name: '现场.png', mimeType: 'image/png', buffer: tinyPng() });
  await expect(dialog.getByText('现场.png')).toBeVisible();
  await dialog.getByRole('button', { name: '记录进展', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(page.locator('.yishi-evidence img[alt="现场.png"]')).toBeVisible();

  // Crafted bad files are refused by name, in Chinese, and nothing is stored.
  const before = await dumpDatabase(page);
  await page.getByRole('button', { name: '记录进展', exact: true }).click();
  dialog = page.getByRole('dialog');
  await dialog.getByRole('textbox').nth(1).fill('这条不应保存');
  const picker = dialog.getByLabel('添加照片或文件');
  await picker.setInputFiles({
    name: '假照片.jpg',
    mimeType: 'image/jpeg',
    buffer: Buffer.from('我只是一段文字，不是照片'),
  });
  await expect(dialog.getByRole('alert')).toHaveText(
    '「假照片.jpg」不是有效的JPG图片（文件内容与扩展名不符，可能已损坏）',
  );
  // Just over the limit: a 30 MB file once took the whole 30 s action timeout to reach the page
  // on a loaded CI machine (the buffer crosses the protocol as base64).
  const big = Buffer.alloc(11 * 1024 * 1024);
  tinyPng().copy(big);
  await picker.setInputFiles({ name: '超大照片.png', mimeType: 'image/png', buffer: big });
  await expect(dialog.getByRole('alert')).toContainText('「超大照片.png」有11.0 MB，超过每个文件10.0 MB的上限');
  await expect(dialog.getByText('超大照片.png', { exact: true })).toHaveCount(0);
  await dialog.getByRole('button', { name: /取\s*消/ }).click();
  const after = await dumpDatabase(page);
  expect(after['attachments']).toEqual(before['attachments']);
  expect(after['decisionProgress']).toEqual(before['decisionProgress']);
  expect(
    (before['attachments'] ?? []).filter((a) => (a as { decisionId?: string }).decisionId === decisionId),
  ).toHaveLength(1);

  // Reported, sent back, reported again, confirmed.
  await step(page, '报告完成', '已按标准完成');
  await step(page, '退回', '南侧还有一处没有完成');
  await expect(page.locator('.yishi-page-header').getByText('进行中')).toBeVisible();
  await step(page, '报告完成', '南侧也已完成');
  await step(page, '监督人确认完成', '现场查看，符合标准');
  await expect(page.locator('.yishi-page-header').getByText('已完成')).toBeVisible();

  // 结果公示 posted on the notice board and in the WeChat group.
  const resultCard = page.locator('.ant-card').filter({ has: page.getByText('结果公示', { exact: true }) });
  await resultCard.getByRole('button', { name: '登记公示' }).click();
  dialog = page.getByRole('dialog');
  await dialog.getByRole('checkbox', { name: '微信群' }).check();
  await dialog.getByRole('button', { name: '登记公示' }).click();
  await expect(dialog).toBeHidden();
  await expect(resultCard.getByText('公示中')).toBeVisible();
  await expect(resultCard.getByText('公示栏、微信群')).toBeVisible();
  const download = page.waitForEvent('download');
  await resultCard.getByRole('button', { name: '下载结果公示（Word）' }).click();
  expect((await download).suggestedFilename()).toBe(`${title}结果公示.docx`);

  // 评议: 2 + 1 of 10 = 30 % < 80 % → 整改 with a new deadline → 再次验收 9 + 1 of 10 → passed.
  const rating = page.locator('.ant-card').filter({ has: page.getByText('评议与整改', { exact: true }) });
  await expect(rating.getByText('待评议')).toBeVisible();
  await rate(page, '组织评议', [2, 1, 7]);
  await expect(rating.getByText('满意度 30.0%')).toBeVisible();
  await expect(rating.getByText('待整改')).toBeVisible();
  await page.screenshot({ path: '.tmp/screens/publicity-failed.png', fullPage: true });

  await rating.getByRole('button', { name: '安排整改' }).click();
  dialog = page.getByRole('dialog');
  await dialog.getByLabel('整改任务').fill('补画南侧车位线，加装编号牌');
  await dialog.getByRole('button', { name: '安排整改' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('新的完成时限不是有效日期');
  await typeDate(page, '新的完成时限', localDate(14));
  await dialog.getByRole('button', { name: '安排整改' }).click();
  await expect(dialog).toBeHidden();
  await expect(rating.getByText('整改中')).toBeVisible();
  await expect(rating.getByText(/整改：补画南侧车位线/)).toBeVisible();

  await rate(page, '再次验收', [9, 1, 0]);
  await expect(rating.getByText('满意度 100.0%')).toBeVisible();
  await expect(rating.getByText('评议通过')).toBeVisible();
  await rating.getByRole('button', { name: '报社区党委' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '报社区党委' }).click();
  await expect(rating.getByText(/报社区党委$/).last()).toBeVisible();

  const stored = await dumpDatabase(page);
  const evaluation = (stored['evaluations'] ?? []).find(
    (e) => (e as { decisionId: string }).decisionId === decisionId,
  ) as {
    rounds: { kind: string; passed: boolean }[];
    rectifications: unknown[];
    reports: unknown[];
  };
  expect(evaluation.rounds.map((r) => [r.kind, r.passed])).toEqual([
    ['first', false],
    ['reinspection', true],
  ]);
  expect(evaluation.rectifications).toHaveLength(1);
  expect(evaluation.reports).toHaveLength(1);

  await page.screenshot({ path: '.tmp/screens/publicity-decision.png', fullPage: true });
  await page.getByRole('banner').getByRole('switch', { name: '大字模式' }).click();
  await page.screenshot({ path: '.tmp/screens/publicity-decision-large.png', fullPage: true });
  await page.getByRole('banner').getByRole('switch', { name: '大字模式' }).click();
  await page.getByRole('menuitem', { name: /设置/ }).click();
  await page.getByText('English', { exact: true }).click();
  await page.getByRole('button', { name: /保\s*存/ }).click();
  await page.goBack();
  await page.goto(`/#/followup/${encodeURIComponent(decisionId)}`);
  await expect(page.getByText('Evaluation and rectification')).toBeVisible();
  await page.screenshot({ path: '.tmp/screens/publicity-decision-en.png', fullPage: true });
});
