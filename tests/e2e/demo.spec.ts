import { test, expect } from '@playwright/test';

/**
 * The demo community shows what the app is for: the meeting list is not empty but holds a year
 * of 党群议事日 and 红板凳议事会, signed meetings verify, amendments are listed, and the next
 * 党群议事日 is prepared with what was left open last time.
 */
test('the demo opens on a year of meetings: the next 10th prepared, signed meetings that verify, amendments', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: '欢迎使用议事厅' })).toBeVisible();
  const started = Date.now();
  await page.getByRole('button', { name: '载入演示社区' }).click();
  // The first screen is the 工作台; the meeting list is one click away.
  await expect(page.getByRole('heading', { name: '工作台', level: 1 })).toBeVisible();
  await page.getByRole('menuitem', { name: '会议' }).click();
  await expect(page.getByRole('heading', { name: '会议', level: 1 })).toBeVisible();
  const rows = page.locator('.ant-table-tbody tr.ant-table-row');
  await expect(rows).toHaveCount(3);
  console.log(`demo: loaded and listed in ${Date.now() - started} ms`);
  for (const compound of ['帝纱富仕城', '汇丰家园', '新东方小区'])
    await expect(rows.filter({ hasText: `${compound}党群议事日` })).toHaveCount(1);
  await page.screenshot({ path: '.tmp/screens/demo-meetings-upcoming.png' });

  await page.getByRole('tab', { name: '已签字' }).click();
  await expect(rows).toHaveCount(20);
  await expect(page.locator('.ant-pagination-item')).not.toHaveCount(1);
  await page.screenshot({ path: '.tmp/screens/demo-meetings-signed.png' });

  // The report's red-bench meeting at 帝纱富仕城: signed, sealed, amended twice, and it verifies.
  await rows.filter({ hasText: '帝纱富仕城红板凳议事会' }).getByRole('button', { name: '打开' }).click();
  await expect(page.getByRole('heading', { name: '帝纱富仕城红板凳议事会' })).toBeVisible();
  await page.getByRole('tab', { name: '签字与定稿' }).click();
  await page.getByRole('button', { name: '核验' }).click();
  const verification = page.getByTestId('verification');
  // Signed by the demo installation's own key, the lock and both amendments.
  await expect(verification).toContainText(/^由「.+」签署，签名有效/);
  await expect(verification).toContainText('与签字锁定及其后2次修订一致');
  // Both amendments are named twice: in what 核验 found, and in the list of 修订记录.
  const amendmentList = page
    .locator('.ant-card')
    .filter({ has: page.locator('.ant-card-head-title').getByText('修订记录', { exact: true }) });
  for (const region of [verification, amendmentList]) {
    await expect(region.getByText(/李振海：施划单位受连续降雨影响推迟进场/)).toBeVisible();
    await expect(region.getByText(/赵丽娟：经核实，居民代表徐晓燕会前已向小区党支部请假/)).toBeVisible();
  }
  await page.screenshot({ path: '.tmp/screens/demo-signed-meeting.png', fullPage: true });
  await page.getByRole('tab', { name: '纪要与决定' }).click();
  await expect(page.getByText('1号楼旁投放点离单元门太近', { exact: false })).toBeVisible();
  await expect(page.getByText('重新施划地面停车位').first()).toBeVisible();
  await page.screenshot({ path: '.tmp/screens/demo-signed-minutes.png', fullPage: true });

  // The next 党群议事日 of 新东方小区: last month's open item carried forward, a new matter added.
  await page.getByRole('menuitem', { name: '会议' }).click();
  await page.getByRole('tab', { name: '筹备中' }).click();
  await rows.filter({ hasText: '新东方小区党群议事日' }).getByRole('button', { name: '打开' }).click();
  await expect(page.getByRole('heading', { name: '新东方小区党群议事日' })).toBeVisible();
  await expect(page.getByText('上次未议结').first()).toBeVisible();
  // The item itself (1. 上月…), not the agenda builder's button 生成上月决定事项落实情况通报.
  await expect(page.getByText(/^\d+\. 上月决定事项落实情况通报$/)).toBeVisible();
  await expect(page.getByText('南区广场晚间广场舞音响声音过大')).toBeVisible();
  await page.screenshot({ path: '.tmp/screens/demo-monthly-draft.png', fullPage: true });
});
