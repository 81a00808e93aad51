import { test, expect, type Page } from '@playwright/test';
import { createRedBench, dumpDatabase, openWithDemo, tinyPng } from './helpers';

const TITLE = '停车位划分不合理，车位不够';

async function openRegister(page: Page) {
  await page.getByRole('menuitem', { name: '说事登记' }).click();
  await expect(page.getByRole('heading', { name: '说事登记', level: 1 })).toBeVisible();
}

async function shoot(page: Page, name: string) {
  await page.screenshot({ path: `.tmp/screens/matters-${name}.png` });
}

test('a matter registered (similar one suggested), triaged 待办件, put on an agenda and decided: its stage and timeline follow', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await openWithDemo(page);
  await openRegister(page);
  // The demo register looks lived-in: closed 即办件, merged duplicates, matters on agendas.
  await expect(page.getByRole('row', { name: /单元门禁损坏/ })).toContainText('已办结');
  await expect(page.getByText(/共 \d+ 件，未办结 \d+ 件，待分流 \d+ 件/)).toBeVisible();
  await shoot(page, 'list');
  // On this 1366 px laptop the register scrolls sideways: antd's edge shadow says more lies to
  // the right, and moves to the left edge once scrolled to the end.
  const register = page.locator('main .ant-table');
  const content = page.locator('main .ant-table-content');
  await expect(register).toHaveClass(/ant-table-fix-end-shadow-show/);
  await content.evaluate((e) => (e.scrollLeft = e.scrollWidth));
  await expect(register).toHaveClass(/ant-table-fix-start-shadow-show/);
  await expect(register).not.toHaveClass(/ant-table-fix-end-shadow-show/);
  await content.evaluate((e) => (e.scrollLeft = 0));

  // 登记: today filled in; the same compound's parking matter is suggested while the title is typed.
  await page.getByRole('button', { name: '登记事项' }).click();
  const form = page.getByRole('dialog', { name: '登记事项' });
  await form.getByLabel('所属社区/小区/网格').click();
  await page.keyboard.type('帝纱富仕城');
  await page.getByTitle('帝纱富仕城（小区）').click();
  await form.getByLabel('事项标题').fill(TITLE);
  const similar = form.locator('.yishi-similar');
  await expect(similar).toContainText('停车位改造划分');
  await expect(form.getByLabel('提出日期')).toHaveValue(/^\d{4}-\d{2}-\d{2}$/);
  await form.getByLabel('姓名', { exact: true }).fill('王大爷');
  await form.getByLabel('电话（可不填）').fill('12345');
  await form.getByLabel('类别').click();
  await page.getByTitle('停车', { exact: true }).click();
  await similar.scrollIntoViewIfNeeded();
  await shoot(page, 'form');
  await similar.getByRole('button', { name: '仍作为新事项' }).click();
  await expect(similar).toBeHidden();

  // A bad phone is refused in Chinese and nothing is registered; corrected, it goes in.
  await form.getByRole('button', { name: '登记事项' }).click();
  await expect(page.getByText('电话号码格式不正确（手机号11位，座机请带区号）')).toBeVisible();
  await expect(form).toBeVisible();
  await form.getByLabel('电话（可不填）').fill('13905461234');
  await form.getByLabel('登记人').fill('李网格');
  await form.getByRole('button', { name: '登记事项' }).click();
  await expect(form).toBeHidden();
  const row = page.getByRole('row', { name: new RegExp(TITLE) });
  await expect(row).toContainText('待分流');
  await expect(row).toContainText('王大爷');

  // 分流 to 待办件 on the matter's page.
  await row.getByRole('link', { name: TITLE }).click();
  await expect(page.getByRole('heading', { name: new RegExp(TITLE) })).toContainText('待分流');
  await page.getByRole('button', { name: '分流' }).click();
  const triage = page.getByRole('dialog', { name: '分流：选择办理方式' });
  await triage.getByText('待办件', { exact: true }).click();
  await expect(triage.getByLabel('经办人')).toHaveValue('李网格');
  await triage.getByRole('button', { name: '确定' }).click();
  await expect(triage).toBeHidden();
  await expect(page.getByRole('heading', { name: new RegExp(TITLE) })).toContainText('待上会');
  const url = page.url();

  // On a draft meeting's agenda, from the agenda builder.
  await page.getByRole('menuitem', { name: '会议' }).click();
  await createRedBench(page);
  await page.getByRole('button', { name: '从居民说事添加' }).click();
  const picker = page.getByRole('dialog', { name: '从居民说事事项添加议题' });
  // Decided matters are not offered again.
  await expect(picker.getByRole('row', { name: /停车位改造划分/ })).toHaveCount(0);
  await picker
    .getByRole('row', { name: new RegExp(TITLE) })
    .getByRole('button', { name: '加入议程' })
    .click();
  await expect(picker.getByRole('row', { name: new RegExp(TITLE) })).toContainText('已加入议程');
  await picker.locator('.ant-modal-footer').getByRole('button', { name: '关闭' }).click();
  const meetingUrl = page.url();
  await page.goto(url);
  await expect(page.getByRole('heading', { name: new RegExp(TITLE) })).toContainText('已列入议程');

  // Live: a decision on the matter's item.
  await page.goto(meetingUrl);
  await page.getByRole('button', { name: '开始会议' }).click();
  await page.locator('.ant-modal-confirm').getByRole('button', { name: '确定' }).click();
  await expect(page.getByTestId('current-item')).toBeVisible();
  await page.keyboard.press('Alt+N');
  await expect(page.getByTestId('current-item')).toHaveText(TITLE);
  await page.keyboard.press('Alt+D');
  const decision = page.getByRole('dialog', { name: '新决定' });
  await decision.getByLabel('事项').fill('重新施划地面停车位');
  await decision.getByLabel('谁来干（责任人）').fill('物业公司');
  await page.keyboard.press('Tab');
  await decision.getByLabel('干到什么标准').fill('新增车位不少于20个，划线清晰');
  await decision.getByLabel('什么时间干完').fill('2099-12-10');
  await page.keyboard.press('Enter');
  await decision.getByLabel('谁来监督').fill('业委会');
  await page.keyboard.press('Tab');
  await decision.getByRole('button', { name: '保存' }).click();
  await expect(decision).toBeHidden();

  // The matter moved on by itself, and its timeline tells the whole story with who and when.
  await page.goto(url);
  await expect(page.getByRole('heading', { name: new RegExp(TITLE) })).toContainText('已决定');
  const timeline = page.locator('.yishi-matter-timeline');
  for (const step of ['登记', '分流为待办件', '列入会议议程', '会议作出决定'])
    await expect(timeline.getByText(step, { exact: true })).toBeVisible();
  await expect(timeline).toContainText('经办：李网格');
  await expect(timeline).toContainText('重新施划地面停车位（责任人：物业公司');
  await expect(timeline.getByRole('link', { name: '帝纱富仕城红板凳议事会' }).first()).toBeVisible();
  await shoot(page, 'timeline');

  // Large type: the same screens, bigger.
  await page.getByRole('banner').getByRole('switch', { name: '大字模式' }).click();
  await shoot(page, 'timeline-large');
  await openRegister(page);
  await expect(page.getByRole('row', { name: new RegExp(TITLE) })).toContainText('已决定');
  await shoot(page, 'list-large');
  await page.getByRole('button', { name: '登记事项' }).click();
  await form.getByLabel('所属社区/小区/网格').click();
  await page.keyboard.type('帝纱富仕城');
  await page.getByTitle('帝纱富仕城（小区）').click();
  await form.getByLabel('事项标题').fill('地面停车位改造');
  await expect(form.locator('.yishi-similar')).toContainText('停车位改造划分');
  await shoot(page, 'form-large');
});

test('the demo register: a merged duplicate shows on both timelines, with every raiser kept; the lists are editable', async ({
  page,
}) => {
  await openWithDemo(page);
  await openRegister(page);
  await page.getByRole('link', { name: '垃圾分类设施改造提升' }).click();
  const timeline = page.locator('.yishi-matter-timeline');
  await expect(timeline.getByText('合并了重复反映的事项', { exact: true })).toBeVisible();
  await expect(timeline.getByText('分流为待办件', { exact: true })).toBeVisible();
  await expect(page.getByText('1号楼居民（13905461234）')).toBeVisible();
  await expect(timeline.getByText('会议作出决定').first()).toBeVisible();
  await shoot(page, 'demo-timeline');
  await timeline.getByRole('link', { name: '垃圾桶站破损有异味' }).click();
  await expect(page.getByRole('heading', { name: /垃圾桶站破损有异味/ })).toContainText('已合并');
  await expect(page.locator('.yishi-matter-timeline').getByText('合并到其他事项', { exact: true })).toBeVisible();
  await expect(page.getByText('这个事项已经不需要再办理。')).toBeVisible();

  // A channel of their own, offered in the next registration; a name too long is refused.
  await openRegister(page);
  await page.getByRole('button', { name: '渠道和类别' }).click();
  const lists = page.getByRole('dialog', { name: '来源渠道和事项类别' });
  await lists.getByLabel('来源渠道').fill('楼栋长转达');
  await page.keyboard.press('Enter');
  await lists.getByRole('button', { name: '确定' }).click();
  await expect(lists).toBeHidden();
  await page.getByRole('button', { name: '登记事项' }).click();
  const form = page.getByRole('dialog', { name: '登记事项' });
  await form.getByLabel('来源渠道').click();
  await expect(page.getByTitle('楼栋长转达', { exact: true })).toBeVisible();
});

test('photos of a matter: a real one is kept and shown; a text file named .jpg is refused in Chinese, nothing stored', async ({
  page,
}) => {
  await openWithDemo(page);
  await openRegister(page);
  await page.getByRole('link', { name: '垃圾分类设施改造提升' }).click();
  const card = page.getByTestId('matter-photos');
  await expect(card).toContainText('还没有照片或材料。');
  const before = await dumpDatabase(page);
  await card.getByLabel('添加照片或文件').setInputFiles({
    name: '假照片.jpg',
    mimeType: 'image/jpeg',
    buffer: Buffer.from('这不是照片'),
  });
  await expect(card.getByRole('alert')).toContainText('「假照片.jpg」不是有效的JPG图片');
  await expect(card.getByRole('button', { name: '保存照片' })).toHaveCount(0);
  expect((await dumpDatabase(page)).attachments).toEqual(before.attachments);
  await card
    .getByLabel('添加照片或文件')
    .setInputFiles({ name: '垃圾桶站.png', mimeType: 'image/png', buffer: tinyPng() });
  await card.getByRole('button', { name: '保存照片' }).click();
  await expect(card.locator('.yishi-evidence img[alt="垃圾桶站.png"]')).toBeVisible();
  await expect(card.getByRole('button', { name: '保存照片' })).toHaveCount(0);
  const stored = (await dumpDatabase(page)).attachments as { ownerKind: string; fileName: string }[];
  expect(stored.filter((a) => a.ownerKind === 'matter').map((a) => a.fileName)).toEqual(['垃圾桶站.png']);
  await card.scrollIntoViewIfNeeded();
  await shoot(page, 'photos');
});
