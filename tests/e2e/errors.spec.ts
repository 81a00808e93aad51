import { test, expect } from '@playwright/test';
import { createRedBench, openWithDemo } from './helpers';

test('a screen that cannot be drawn says so and leaves the rest of the app working', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await openWithDemo(page);
  await createRedBench(page);
  const id = decodeURIComponent(new URL(page.url()).hash.split('/')[2] ?? '');
  expect(id).not.toBe('');
  // A damaged row, as a broken disk or a foreign tool could leave it: the unit path is text,
  // not a list. Written with the raw API, past the app's validation.
  await page.evaluate(async (meetingId) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('yishi');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    await new Promise<void>((resolve, reject) => {
      const store = db.transaction('meetings', 'readwrite').objectStore('meetings');
      const read = store.get(meetingId);
      read.onsuccess = () => {
        const write = store.put({ ...read.result, orgPathAtFinalise: '胜兴社区' });
        write.onsuccess = () => resolve();
        write.onerror = () => reject(write.error);
      };
      read.onerror = () => reject(read.error);
    });
    db.close();
  }, id);

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
