import { deflateSync } from 'node:zlib';
import { expect, type Page } from '@playwright/test';
import { DERIVED_TABLES } from '../../shared/store/schema';

/** Opens the app on a fresh profile and loads the demo community: it opens on the 工作台. */
export async function openWorkbenchWithDemo(page: Page): Promise<void> {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: '欢迎使用议事厅' })).toBeVisible();
  await page.getByRole('button', { name: '载入演示社区' }).click();
  await expect(page.getByRole('heading', { name: '工作台', level: 1 })).toBeVisible();
}

/**
 * Waits until every kind of record is in the search index: the demo's records, like a restore's,
 * are indexed in the background after they are stored (renderer/data/searchBackfill.ts).
 */
export async function waitForSearchIndex(page: Page): Promise<void> {
  await expect
    .poll(
      async () => {
        // The demo is small: its searches read every entry (`scan`) rather than posting lists.
        const states = (await storeRows(page, 'searchState')) as { complete?: boolean; scan?: boolean }[];
        return states.length > 0 && states.every((s) => s.complete === true || s.scan === true);
      },
      { timeout: 30_000 },
    )
    .toBe(true);
}

/** Every row of one store of the app's database, read with the raw API (the app's code is not trusted). */
export async function storeRows(page: Page, store: string): Promise<unknown[]> {
  return page.evaluate(
    (store) =>
      new Promise<unknown[]>((resolve, reject) => {
        const request = indexedDB.open('yishi');
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const db = request.result;
          const read = db.transaction(store).objectStore(store).getAll();
          read.onsuccess = () => {
            db.close();
            resolve(read.result);
          };
          read.onerror = () => reject(read.error);
        };
      }),
    store,
  );
}

/** Loads the demo community (first screen: the 工作台), then goes to the meeting list, one click away. */
export async function openWithDemo(page: Page): Promise<void> {
  await openWorkbenchWithDemo(page);
  await page.getByRole('menuitem', { name: '会议' }).click();
  await expect(page.getByRole('heading', { name: '会议', level: 1 })).toBeVisible();
}

/**
 * A new 党群议事日 first offers its compound's open 待办件 (issue #12): "暂不加入" goes on to the
 * meeting without them. For the demo's 帝纱富仕城, which has one waiting.
 */
export async function skipProposedMatters(page: Page): Promise<void> {
  const proposed = page.getByRole('dialog', { name: '本小区待上会的待办件' });
  await proposed.getByRole('button', { name: '暂不加入' }).click();
  await expect(proposed).toBeHidden();
}

/** Opens the demo community on the roster screen. */
export async function openRosterWithDemo(page: Page): Promise<void> {
  await openWithDemo(page);
  await page.getByRole('menuitem', { name: '人员名册' }).click();
  await expect(page.getByRole('heading', { name: '人员名册' })).toBeVisible();
}

/**
 * Every table of the app's IndexedDB, read with the raw API so the app's code is not trusted —
 * but the derived search index (DERIVED_TABLES), which is rebuilt in the background after a
 * restore or an upgrade and is never part of what the user entered or of a backup.
 */
export async function dumpDatabase(page: Page): Promise<Record<string, unknown[]>> {
  return page.evaluate(async (derived) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('yishi');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const names = [...db.objectStoreNames].filter((name) => !derived.includes(name));
    const result: Record<string, unknown[]> = {};
    for (const name of names) {
      result[name] = await new Promise<unknown[]>((resolve, reject) => {
        const request = db.transaction(name).objectStore(name).getAll();
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    }
    db.close();
    return result;
  }, Object.keys(DERIVED_TABLES));
}

/**
 * What the user entered, for "nothing was written" checks: the database without the daily
 * backup's bookkeeping (the first backup of the day starts a few seconds after the first screen
 * and notes its day in the settings row, whenever the test happens to be).
 */
export async function dumpContent(page: Page): Promise<Record<string, unknown[]>> {
  const dump = await dumpDatabase(page);
  const settings = (dump.settings ?? []).map((row) => {
    const { lastDailyBackupDay: _day, ...rest } = row as Record<string, unknown>;
    return rest;
  });
  return { ...dump, settings };
}

/**
 * Waits until the app's daily backup has run (8 s after start, once the demo is set up): a test
 * that compares the whole database before and after an action waits for it first, so that this
 * background write cannot land between its two readings.
 */
export async function waitForDailyBackup(page: Page): Promise<void> {
  await expect
    .poll(
      async () => ((await storeRows(page, 'settings')) as { lastDailyBackupDay?: string }[])[0]?.lastDailyBackupDay,
      { timeout: 30_000 },
    )
    .toBeTruthy();
}

/**
 * The id of the meeting the page shows (#/meetings/ID, …/live, ?tab=…). The demo holds a year of
 * meetings, so a test finds the one it created by this id, never as "the only meeting".
 */
export function meetingIdFromUrl(page: Page): string {
  const match = /^#\/meetings\/([^/?#]+)/.exec(new URL(page.url()).hash);
  if (!match?.[1]) throw new Error(`not a meeting's page: ${page.url()}`);
  return decodeURIComponent(match[1]);
}

/** One meeting's row as stored, read with the raw IndexedDB API; the test fails if it is not stored. */
export async function storedMeeting(page: Page, meetingId: string): Promise<Record<string, unknown>> {
  const meeting = await page.evaluate(async (id) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('yishi');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const row = await new Promise<unknown>((resolve, reject) => {
      const request = db.transaction('meetings').objectStore('meetings').get(id);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    db.close();
    return row ?? null;
  }, meetingId);
  expect(meeting, `meeting ${meetingId} is stored`).not.toBeNull();
  return meeting as Record<string, unknown>;
}

/**
 * The rows of one table (agendaItems, decisions, minutes, attendance…) that belong to one meeting,
 * read with the raw IndexedDB API by their meetingId index, in the order stored.
 */
export async function storedOfMeeting<T = Record<string, unknown>>(
  page: Page,
  table: string,
  meetingId: string,
): Promise<T[]> {
  const rows = await page.evaluate(
    async ({ table, meetingId }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('yishi');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const result = await new Promise<unknown[]>((resolve, reject) => {
        const request = db.transaction(table).objectStore(table).index('meetingId').getAll(meetingId);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      db.close();
      return result;
    },
    { table, meetingId },
  );
  return rows as T[];
}

export async function peopleCount(page: Page): Promise<number> {
  return ((await dumpDatabase(page)).people ?? []).length;
}

/** Creates a 红板凳议事会 for 帝纱富仕城 from the meeting list and opens it. */
export async function createRedBench(page: Page) {
  await page.getByRole('button', { name: '新建会议' }).click();
  const dialog = page.getByRole('dialog', { name: '新建会议' });
  await dialog.getByLabel('所属小区/网格').click();
  await page.keyboard.type('帝纱富仕城');
  await page.getByTitle('帝纱富仕城（小区）').click();
  await expect(dialog.getByLabel('会议名称')).toHaveValue('帝纱富仕城红板凳议事会');
  await expect(dialog.getByLabel('主持人')).toHaveValue(/.+/);
  await dialog.getByRole('button', { name: '创建会议' }).click();
  await expect(page.getByRole('heading', { name: '帝纱富仕城红板凳议事会' })).toBeVisible();
}

/**
 * Changes one stored row with the raw IndexedDB API, past the app and its live queries: what
 * another window, a damaged disk or a foreign tool could leave behind.
 */
export async function patchRowRaw(
  page: Page,
  table: string,
  key: string,
  patch: Record<string, unknown>,
): Promise<void> {
  await page.evaluate(
    async ({ table, key, patch }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('yishi');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      await new Promise<void>((resolve, reject) => {
        const store = db.transaction(table, 'readwrite').objectStore(table);
        const read = store.get(key);
        read.onsuccess = () => {
          if (!read.result) return reject(new Error(`${table} ${key} not found`));
          const write = store.put({ ...read.result, ...patch });
          write.onsuccess = () => resolve();
          write.onerror = () => reject(write.error);
        };
        read.onerror = () => reject(read.error);
      });
      db.close();
    },
    { table, key, patch },
  );
}

/** A real 8×8 grey PNG, made here (CRC-32 per chunk, zlib data), so the app sees true magic bytes. */
export function tinyPng(): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (b: Buffer) => {
    let c = 0xffffffff;
    for (const x of b) c = crcTable[(c ^ x) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), body.length + 4);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(8, 0);
  ihdr.writeUInt32BE(8, 4);
  ihdr[8] = 8; // bit depth; colour type 0 (grey)
  const rows = Buffer.concat(
    Array.from({ length: 8 }, (_, y) => Buffer.from([0, ...Array.from({ length: 8 }, (_, x) => (x + y) * 16)])),
  );
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A calendar day counted from today in China Standard Time (the app's day), whatever the machine's zone. */
export function chinaDate(offsetDays: number): string {
  return new Date(Date.now() + 8 * 3600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

/** One 督办 step on a decision's page (记录进展, 报告完成, 退回, 监督人确认完成) with its text. */
export async function followupStep(page: Page, action: string, text: string): Promise<void> {
  await page.getByRole('button', { name: action, exact: true }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('textbox').nth(1).fill(text);
  await dialog.getByRole('button', { name: action, exact: true }).click();
  await expect(dialog).toBeHidden();
}

/** Types a date into a date field of the open dialog and confirms it. */
export async function typeDialogDate(page: Page, label: string, value: string): Promise<void> {
  const input = page.getByRole('dialog').getByLabel(label);
  await input.click();
  await input.fill(value);
  await input.press('Enter');
}

/** 组织评议 or 再次验收 on a decision's page, with the counts 满意 / 基本满意 / 不满意. */
export async function rateDecision(page: Page, button: string, counts: [number, number, number]): Promise<void> {
  await page.getByRole('button', { name: button, exact: true }).click();
  const dialog = page.getByRole('dialog');
  for (const [i, label] of ['满意', '基本满意', '不满意'].entries())
    await dialog.getByRole('spinbutton', { name: label, exact: true }).fill(String(counts[i]));
  await dialog.getByRole('button', { name: button, exact: true }).click();
  await expect(dialog).toBeHidden();
}

/**
 * A held meeting's page: 结束会议 → 定稿 → every participant signs on the pad → 签字完成，锁定纪要.
 * `onFirstPad` runs while the first signature is drawn (for a screenshot of the pad).
 */
export async function closeSignAndLock(page: Page, onFirstPad?: () => Promise<void>): Promise<void> {
  await page.getByRole('button', { name: '结束会议' }).click();
  await page.locator('.ant-modal-confirm').getByRole('button', { name: '确定' }).click();
  // The closing check reads the whole record; a loaded CI machine (fault specs beside) took >10 s.
  await expect(page.getByText('记录完整，可以定稿。')).toBeVisible({ timeout: 30_000 });
  await page.getByRole('button', { name: '定稿' }).click();
  await page.locator('.ant-modal-confirm').getByRole('button', { name: '确定' }).click();
  await expect(page.getByText('参会人员签字', { exact: true })).toBeVisible();
  await signEveryone(page, onFirstPad);
  await page.getByRole('button', { name: '签字完成，锁定纪要' }).click();
  await page.getByRole('button', { name: '签字完成，锁定纪要' }).last().click();
  await expect(page.getByTestId('fingerprint')).toHaveText(/^[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}$/);
}

/** Every participant listed for signing draws a signature on the pad and confirms it. */
export async function signEveryone(page: Page, onFirstPad?: () => Promise<void>): Promise<void> {
  const signButtons = page.getByRole('button', { name: '签字', exact: true });
  const signers = await signButtons.count();
  for (let i = 0; i < signers; i++) {
    await signButtons.nth(i).click();
    const pad = page.locator('canvas.yishi-signature-canvas');
    await pad.hover(); // waits until the dialog has finished opening and stands still
    const box = (await pad.boundingBox())!;
    await page.mouse.move(box.x + 40, box.y + 60);
    await page.mouse.down();
    await page.mouse.move(box.x + 160, box.y + 120, { steps: 8 });
    await page.mouse.move(box.x + 260, box.y + 50, { steps: 8 });
    await page.mouse.up();
    if (i === 0 && onFirstPad) await onFirstPad();
    await page.getByRole('button', { name: '确认签名' }).click();
    await expect(page.locator('.ant-modal-wrap:visible')).toHaveCount(0);
  }
}
