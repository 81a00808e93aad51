import { test, expect, type Page } from '@playwright/test';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createRedBench, dumpDatabase, meetingIdFromUrl, openWithDemo, signEveryone } from './helpers';

/** The editor of the current item in live mode. */
const editor = (page: Page) => page.locator('.ProseMirror').first();

async function renameFirstItem(page: Page, title: string) {
  await page.getByRole('button', { name: '编辑' }).first().click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('议题', { exact: true }).fill(title);
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
}

async function pickParty(page: Page, label: string, text: string) {
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel(label).fill(text);
  // Tab leaves the field with the typed text (Escape would close the dialog).
  await page.keyboard.press('Tab');
}

async function addDecision(
  page: Page,
  d: { what: string; who: string; standard: string; deadline: string; supervisor: string },
) {
  await page.keyboard.press('Alt+D');
  const dialog = page.getByRole('dialog', { name: '新决定' });
  await dialog.getByLabel('事项').fill(d.what);
  await pickParty(page, '谁来干（责任人）', d.who);
  await dialog.getByLabel('干到什么标准').fill(d.standard);
  await dialog.getByLabel('什么时间干完').fill(d.deadline);
  await page.keyboard.press('Enter');
  await pickParty(page, '谁来监督', d.supervisor);
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
}

test('a whole 红板凳议事会: prepare, invite 6+N, sign in, minutes, decisions, vote, close, sign, lock, verify', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await openWithDemo(page);
  await createRedBench(page);

  // Agenda: the template's placeholder becomes the first item; the second comes from the matters
  // residents raised (居民说事), linked to it: a 待办件 no meeting has decided yet.
  await renameFirstItem(page, '分类垃圾桶改造');
  await page.getByRole('button', { name: '从居民说事添加' }).click();
  const matters = page.getByRole('dialog', { name: '从居民说事事项添加议题' });
  await matters
    .getByRole('row', { name: /小区路灯不亮/ })
    .getByRole('button', { name: '加入议程' })
    .click();
  await expect(matters.getByRole('row', { name: /小区路灯不亮/ })).toContainText('已加入议程');
  await matters.locator('.ant-modal-footer').getByRole('button', { name: '关闭' }).click();
  await expect(page.getByText('2. 小区路灯不亮，夜间出行不便')).toBeVisible();
  await page.screenshot({ path: '.tmp/screens/meeting-agenda.png' });

  // Invitations: the 6+N coverage is shown; a one-off guest is added as an interested party.
  await page.getByRole('tab', { name: '参会人员' }).click();
  await expect(page.getByTestId('coverage')).toContainText('党组织书记 ✓');
  await page.getByRole('button', { name: '添加临时参会人' }).click();
  await page.getByRole('dialog').getByLabel('姓名').fill('王师傅');
  await page.getByRole('dialog').getByLabel('单位').fill('垦利区环卫所');
  await page.getByRole('dialog').getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('dialog')).toBeHidden();
  await expect(page.getByRole('cell', { name: '垦利区环卫所' })).toBeVisible();
  await page.screenshot({ path: '.tmp/screens/meeting-people.png' });

  // Start: live mode opens on the first item.
  await page.getByRole('button', { name: '开始会议' }).click();
  await page.locator('.ant-modal-confirm').getByRole('button', { name: '确定' }).click();
  await expect(page.getByTestId('current-item')).toHaveText('分类垃圾桶改造');

  // Sign-in: everyone present.
  await page.keyboard.press('Alt+Q');
  const drawer = page.locator('.ant-drawer');
  const presentButtons = drawer.locator('.ant-radio-button-wrapper', { hasText: /^出席$/ });
  const count = await presentButtons.count();
  for (let i = 0; i < count; i++) await presentButtons.nth(i).click();
  await expect(page.getByTestId('live-attendance')).toHaveText(`应到 ${count} · 实到 ${count}`);
  await page.screenshot({ path: '.tmp/screens/live-signin.png' });
  await page.keyboard.press('Escape');
  await expect(drawer.locator('.ant-drawer-content')).toBeHidden();

  // Minutes on item 1, a decision and a vote.
  await editor(page).click();
  await page.keyboard.type('居民代表反映垃圾桶破损，物业同意更换。');
  await addDecision(page, {
    what: '更换分类垃圾桶',
    who: '物业公司',
    standard: '每栋楼前设四分类垃圾桶一组',
    deadline: '2099-12-10',
    supervisor: '业委会',
  });
  await page.keyboard.press('Alt+V');
  const vote = page.getByRole('dialog', { name: '表决' });
  await vote.getByLabel('同意').fill(String(count - 1));
  await vote.getByLabel('反对').fill('1');
  await expect(vote.getByTestId('vote-result')).toContainText('通过');
  await vote.getByLabel('同意').fill(String(count + 1));
  await expect(vote.getByTestId('vote-result')).toContainText('超过出席可表决人数');
  await vote.getByLabel('同意').fill(String(count - 1));
  await vote.getByRole('button', { name: '保存' }).click();
  await expect(page.getByTestId('vote-line')).toContainText('通过');
  await page.screenshot({ path: '.tmp/screens/live-item1.png' });

  // Item 2: minutes typed, then the page reloads at once — nothing is lost.
  await page.keyboard.press('Alt+N');
  await expect(page.getByTestId('current-item')).toHaveText('小区路灯不亮，夜间出行不便');
  await editor(page).click();
  await page.keyboard.type('大家商定重新施划车位');
  await page.waitForTimeout(1500);
  await page.reload();
  await expect(page.getByTestId('current-item')).toHaveText('小区路灯不亮，夜间出行不便');
  await expect(editor(page)).toContainText('大家商定重新施划车位');
  await editor(page).click();
  await page.keyboard.press('End');
  await page.keyboard.type('，消防通道不得占用。');
  await addDecision(page, {
    what: '重新施划停车位',
    who: '物业公司',
    standard: '按图施划并留出消防通道',
    deadline: '2099-12-31',
    supervisor: '社区网格员',
  });

  // Close, 定稿, sign, lock, verify.
  await page.getByRole('button', { name: '退出会议模式' }).click();
  await page.getByRole('button', { name: '结束会议' }).click();
  await page.locator('.ant-modal-confirm').getByRole('button', { name: '确定' }).click();
  await expect(page.getByText('记录完整，可以定稿。')).toBeVisible();
  await page.screenshot({ path: '.tmp/screens/meeting-closed.png', fullPage: true });
  await page.getByRole('button', { name: '定稿' }).click();
  await page.locator('.ant-modal-confirm').getByRole('button', { name: '确定' }).click();
  await expect(page.getByText('参会人员签字', { exact: true })).toBeVisible();
  await page.screenshot({ path: '.tmp/screens/meeting-signing.png' });

  await signEveryone(page, () => page.screenshot({ path: '.tmp/screens/sign-pad.png' }).then(() => undefined));
  await page.getByRole('button', { name: '签字完成，锁定纪要' }).click();
  await page.getByRole('button', { name: '签字完成，锁定纪要' }).last().click();
  await expect(page.getByTestId('fingerprint')).toHaveText(/^[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}$/);
  await page.getByRole('button', { name: '核验' }).click();
  // Signed with this computer's key, made at this first lock: 签名有效, and the record as signed.
  await expect(page.getByTestId('verification')).toContainText(/^由「.+」签署，签名有效/);
  await expect(page.getByTestId('verification')).toContainText('与签字时的记录一致');
  await page.screenshot({ path: '.tmp/screens/meeting-signed.png', fullPage: true });

  // The signed minutes read as typed, with no editor left to type into.
  await page.getByRole('tab', { name: '纪要与决定' }).click();
  const readOnly = page.getByRole('document', { name: '议题纪要' });
  await expect(readOnly.filter({ hasText: '大家商定重新施划车位，消防通道不得占用。' })).toBeVisible();
  await expect(page.locator('[contenteditable="true"]')).toHaveCount(0);
  await page.screenshot({ path: '.tmp/screens/meeting-signed-minutes.png', fullPage: true });

  // The signed 纪要 as a Word file, named for what it is.
  await page.getByRole('button', { name: '导出文件' }).hover();
  const downloading = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: '会议纪要' }).click();
  const download = await downloading;
  // The demo holds the compound's earlier meetings of the year: this one is numbered after them.
  const id = meetingIdFromUrl(page);
  const meetings = (await dumpDatabase(page)).meetings as { id: string; orgUnitId: string; issueYear: number }[];
  const meeting = meetings.find((m) => m.id === id)!;
  const sameYear = meetings.filter((m) => m.orgUnitId === meeting.orgUnitId && m.issueYear === meeting.issueYear);
  expect(sameYear.length).toBeGreaterThan(1);
  expect(download.suggestedFilename()).toBe(
    `帝纱富仕城小区红板凳议事会纪要-${meeting.issueYear}年第${sameYear.length}期.docx`,
  );
  const bytes = await readFile(await download.path());
  expect(bytes.subarray(0, 2).toString()).toBe('PK');
});

test('live mode fits a 1366×768 laptop in large type, and a second window stays read-only', async ({
  page,
  context,
}) => {
  await openWithDemo(page);
  await page.getByRole('banner').getByRole('switch', { name: '大字模式' }).click();
  await createRedBench(page);
  await page.getByRole('button', { name: '开始会议' }).click();
  await page.locator('.ant-modal-confirm').getByRole('button', { name: '确定' }).click();
  await expect(page.getByTestId('current-item')).toBeVisible();
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  await page.screenshot({ path: '.tmp/screens/live-large.png' });

  const second = await context.newPage();
  await second.goto(page.url());
  await expect(second.getByText('此会议已在另一个窗口中进行，本窗口只能查看。')).toBeVisible();
  await expect(second.getByRole('button', { name: /新决定/ })).toHaveCount(0);
  await second.close();
});

test('a meeting file is imported with its fingerprint intact; a tampered one is refused', async ({ page }, info) => {
  const example = path.resolve('docs/examples/帝纱富仕城红板凳议事会-2026年第7期.yishi.json');
  const tampered = info.outputPath('tampered.json');
  await writeFile(tampered, (await readFile(example, 'utf8')).replace('新增车位不少于20个', '新增车位不少于2个'));
  await openWithDemo(page);

  let chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: '导入会议记录' }).click();
  await (await chooser).setFiles(tampered);
  await expect(page.getByText(/指纹不一致，可能被改动过，没有导入/)).toBeVisible();
  await page.getByRole('button', { name: /知道了|确定|OK/ }).click();

  chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: '导入会议记录' }).click();
  await (await chooser).setFiles(example);
  await expect(page.getByRole('heading', { name: '帝纱富仕城红板凳议事会' })).toBeVisible();
  await page.getByRole('button', { name: '核验' }).click();
  // The example (format 3) carries a signature by a key this computer has not registered.
  await expect(page.getByTestId('verification')).toContainText(/^签名有效但签署者未登记/);
});

test('a meeting type template is edited and the next meeting of that type uses it', async ({ page }) => {
  await openWithDemo(page);
  await page.getByRole('button', { name: '会议模板' }).click();
  const dialog = page.getByRole('dialog', { name: '会议模板' });
  await dialog.getByRole('tab', { name: '红板凳议事会' }).click();
  await dialog.getByLabel('议题', { exact: true }).first().fill('垃圾分类设施改造');
  await dialog.getByRole('button', { name: '添加议题' }).click();
  await dialog.getByLabel('议题', { exact: true }).last().fill('下一步工作安排');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('已保存')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  await createRedBench(page);
  await expect(page.getByText('1. 垃圾分类设施改造')).toBeVisible();
  await expect(page.getByText('2. 下一步工作安排')).toBeVisible();
});
