/**
 * Power-cut test of the 决议 field in live mode (issue #11: every field typed during a meeting
 * gets the minutes' guarantee): type at a steady pace, SIGKILL the whole browser at a random
 * moment, relaunch on the same profile and check that everything typed more than one second
 * before the kill was saved to the item it was typed on. The same promise and measurement as
 * crash-typing.spec.ts, with fewer kills: the field shares the minutes' scheduler.
 */
import { test, expect, type Page } from '@playwright/test';
import { createRedBench, meetingIdFromUrl, openWithDemo, storedOfMeeting } from '../e2e/helpers';
import {
  discard,
  expectNoBootError,
  killBrowser,
  launchProfile,
  makeProfileDir,
  removeProfileDir,
  sleep,
} from './browserProcess';

const KILLS = Number(process.env.YISHI_CRASH_RESOLUTION_KILLS ?? 5);
const PACE_MS = 40;
const KILL_AFTER_MS: [number, number] = [1200, 2600];
/** Keystrokes acknowledged more than this long before the kill must have survived. */
const SAFE_MS = 1000;

const field = (page: Page) => page.getByRole('textbox', { name: '决议', exact: true });

function marker(iteration: number, length: number): string {
  const alphabet = 'abcdefghijkmnpqrstuvwxyz23456789';
  let s = `<${String(iteration).padStart(2, '0')}:`;
  while (s.length < length) s += alphabet[Math.floor(Math.random() * alphabet.length)];
  return s;
}

interface StoredItem {
  id: string;
  order: number;
  title: string;
  resolution?: string;
}

/** The agenda of the meeting on screen as stored, in agenda order (the demo's meetings left out). */
async function storedItems(page: Page): Promise<StoredItem[]> {
  const items = await storedOfMeeting<StoredItem>(page, 'agendaItems', meetingIdFromUrl(page));
  return items.sort((a, b) => a.order - b.order);
}

/** The stored 决议 of every agenda item of the meeting on screen, by id. */
async function storedResolutions(page: Page): Promise<Record<string, string>> {
  return Object.fromEntries((await storedItems(page)).map((i) => [i.id, i.resolution ?? '']));
}

test('a 决议 survives SIGKILL of the browser: only the last second or so of typing may be lost', async ({
  baseURL,
}, info) => {
  test.setTimeout(Math.max(120_000, KILLS * 15_000));
  const dir = await makeProfileDir('resolution');
  const lostSafe: number[] = [];
  try {
    let { context, page } = await launchProfile(info, dir, baseURL);
    await openWithDemo(page);
    await createRedBench(page);
    await page.getByRole('button', { name: '开始会议' }).click();
    await page.locator('.ant-modal-confirm').getByRole('button', { name: '确定' }).click();
    await expect(page.getByTestId('current-item')).toBeVisible();
    const liveUrl = page.url();
    // Live mode opens on the first item of the agenda: the one typed on.
    const [first] = await storedItems(page);
    await expect(page.getByTestId('current-item')).toHaveText(first!.title);
    const itemId = first!.id;
    let saved = '';

    for (let i = 1; i <= KILLS; i++) {
      await expect(field(page)).toHaveValue(saved);
      await field(page).click();
      await page.keyboard.press('Control+End');
      const text = marker(i, 120);
      const ackedAt: number[] = [];
      const killAt = KILL_AFTER_MS[0] + Math.random() * (KILL_AFTER_MS[1] - KILL_AFTER_MS[0]);
      const typing = (async () => {
        for (const ch of text) {
          await page.keyboard.type(ch);
          ackedAt.push(Date.now());
          await sleep(PACE_MS);
        }
      })().catch(() => undefined); // the kill ends the typing mid-keystroke
      await sleep(killAt);
      const killTime = Date.now();
      await killBrowser(dir);
      await typing;
      await discard(context);
      if (ackedAt.length === text.length) throw new Error('typing finished before the kill: lengthen the marker');

      ({ context, page } = await launchProfile(info, dir, baseURL));
      await page.goto(liveUrl);
      await expect(page.getByTestId('current-item')).toBeVisible({ timeout: 15_000 });
      await expectNoBootError(page);
      const stored = await storedResolutions(page);
      const after = stored[itemId] ?? '';
      // Only item 1 was typed on: no other item received a word.
      expect(Object.entries(stored).filter(([id, r]) => id !== itemId && r !== '')).toEqual([]);
      expect(after.startsWith(saved), `kill ${i}: the 决议 typed before changed`).toBe(true);
      const kept = after.slice(saved.length);
      expect(text.startsWith(kept), `kill ${i}: saved text is not a prefix of what was typed: ${kept}`).toBe(true);
      const safe = ackedAt.filter((t) => t < killTime - SAFE_MS).length;
      lostSafe.push(Math.max(0, safe - kept.length));
      console.log(
        `crash-resolution #${i}: typed ${ackedAt.length}, typed > ${SAFE_MS} ms before kill ${safe}, kept ${kept.length}`,
      );
      saved = after;
    }
    await context.close();
  } finally {
    await removeProfileDir(dir);
  }
  expect(
    lostSafe.reduce((a, b) => a + b, 0),
    `keystrokes typed > ${SAFE_MS} ms before a kill were lost`,
  ).toBe(0);
});
