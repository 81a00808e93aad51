import { test, expect } from '@playwright/test';
import {
  createRedBench,
  meetingIdFromUrl,
  openWithDemo,
  patchRowRaw,
  storedOfMeeting,
  waitForDailyBackup,
} from './helpers';

test('a screen that cannot be drawn says so and leaves the rest of the app working', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await openWithDemo(page);
  await createRedBench(page);
  const id = meetingIdFromUrl(page);
  expect(id).not.toBe('');
  // A damaged row, as a broken disk or a foreign tool could leave it: the unit path is text,
  // not a list.
  await patchRowRaw(page, 'meetings', id, { orgPathAtFinalise: '胜兴社区' });

  await page.reload();
  await expect(page.getByText('这一页没能打开')).toBeVisible();
  await expect(page.getByText('已保存的数据都在，没有丢失')).toBeVisible();
  await page.screenshot({ path: '.tmp/screens/screen-error.png' });
  // The menu is still there, and the way out works.
  await expect(page.getByRole('menuitem', { name: '人员名册' })).toBeVisible();
  await page.getByRole('link', { name: '回到会议列表' }).click();
  await expect(page.getByRole('heading', { name: '会议', level: 1 })).toBeVisible();
  await page.getByRole('menuitem', { name: '人员名册' }).click();
  await expect(page.getByRole('heading', { name: '人员名册' })).toBeVisible();
  expect(errors.some((m) => /join is not a function/.test(m))).toBe(false);
});

test("an action refused behind the screen's back says why instead of doing nothing", async ({ page }) => {
  await openWithDemo(page);
  await createRedBench(page);
  await page.getByRole('tab', { name: '议程' }).click();
  const deleteButtons = page.getByRole('list', { name: '议程' }).getByRole('button', { name: '删除' });
  await expect(deleteButtons.first()).toBeVisible();
  const before = await deleteButtons.count();
  const id = meetingIdFromUrl(page);
  // The daily backup's settings write (seconds after start) makes the screen read the meeting
  // again; landing after the patch below, it would hear of the change and hide the button.
  await waitForDailyBackup(page);
  // Another window starts the meeting meanwhile; this one has not heard of it yet, so it still
  // offers to delete an agenda item of a draft.
  await patchRowRaw(page, 'meetings', id, { status: 'live' });
  await deleteButtons.first().click();
  // Deleting asks first; the refusal comes from the data layer, in the lifecycle table's words.
  await page.locator('.ant-modal-confirm').getByRole('button', { name: '删除' }).click();
  await expect(page.getByText('操作没有完成：会议正在进行，不能删除议题（未议的议题会转入下次会议）')).toBeVisible();
  await page.screenshot({ path: '.tmp/screens/action-refused.png' });
  // Nothing was deleted.
  expect(await storedOfMeeting(page, 'agendaItems', id)).toHaveLength(before);
});

test('data from a newer version of the app is left alone, and the window says so in Chinese', async ({ page }) => {
  await openWithDemo(page);
  // A newer app raised the database's version; ours must not open, upgrade or delete it.
  const raised = await page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const request = indexedDB.open('yishi', 990);
        request.onsuccess = () => {
          const version = request.result.version;
          request.result.close();
          resolve(version);
        };
        request.onerror = () => reject(request.error);
      }),
  );
  expect(raised).toBe(990);
  await page.reload();
  await expect(page.getByRole('alert').filter({ hasText: '数据来自更新版本的议事厅' })).toBeVisible();
  await page.screenshot({ path: '.tmp/screens/boot-future.png' });
  const version = await page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const request = indexedDB.open('yishi');
        request.onsuccess = () => (resolve(request.result.version), request.result.close());
      }),
  );
  expect(version).toBe(990);
});
