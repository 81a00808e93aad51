/**
 * Power-cut test of the live minutes: type at a steady pace, SIGKILL the whole browser at a
 * random moment, relaunch on the same profile and check that everything typed more than one
 * second before the kill was saved (the autosave promise: 400 ms idle, 1 s max wait).
 */
import { test, expect, type Page } from '@playwright/test';
import { createRedBench, openWithDemo } from '../e2e/helpers';
import {
  discard,
  expectNoBootError,
  killBrowser,
  launchProfile,
  makeProfileDir,
  removeProfileDir,
  sleep,
} from './browserProcess';

// Twelve random moments a run (CI's half-hour budget); YISHI_CRASH_KILLS=50 for a longer soak.
const KILLS = Number(process.env.YISHI_CRASH_KILLS ?? 12);
/** Keystroke pace (ms between keys) and the window in which the kill falls, after typing starts. */
const PACE_MS = 40;
const KILL_AFTER_MS: [number, number] = [1200, 2600];
/** Reported: keystrokes acknowledged more than 1 s before the kill that were lost (should be 0). */
const SAFE_MS = 1000;
/**
 * Asserted: none acknowledged more than this long before the kill may be lost — the promise of
 * the issue. Autosave starts a save at most 600 ms after a change (renderer/features/minutes/
 * autosave.ts), leaving 400 ms for the strict-durability commit.
 */
const ASSERT_MS = Number(process.env.YISHI_CRASH_ASSERT_MS ?? SAFE_MS);

const editor = (page: Page) => page.locator('.ProseMirror').first();

async function createLiveRedBench(page: Page): Promise<string> {
  await createRedBench(page);
  await page.getByRole('button', { name: '开始会议' }).click();
  await page.locator('.ant-modal-confirm').getByRole('button', { name: '确定' }).click();
  await expect(page.getByTestId('current-item')).toBeVisible();
  await expect(editor(page)).toBeVisible();
  expect(page.url()).toMatch(/#\/meetings\/[^/]+\/live$/);
  return page.url();
}

/** A marker nobody types by accident: iteration number, then a run of varied ASCII. */
function marker(iteration: number, length: number): string {
  const alphabet = 'abcdefghijkmnpqrstuvwxyz23456789';
  let s = `<${String(iteration).padStart(2, '0')}:`;
  while (s.length < length) s += alphabet[Math.floor(Math.random() * alphabet.length)];
  return s;
}

test('live minutes survive SIGKILL of the browser: only the last second or so of typing may be lost', async ({
  baseURL,
}, info) => {
  test.setTimeout(Math.max(120_000, KILLS * 12_000));
  const dir = await makeProfileDir('typing');
  const losses: number[] = [];
  const lostSafe: number[] = [];
  const lostAsserted: number[] = [];
  /** Per kill: how long before the kill the oldest lost keystroke was acknowledged (the real margin). */
  const oldestLostAge: number[] = [];
  let processesKilled = 0;
  try {
    let { context, page } = await launchProfile(info, dir, baseURL);
    await openWithDemo(page);
    const liveUrl = await createLiveRedBench(page);
    let saved = '';

    for (let i = 1; i <= KILLS; i++) {
      await expect(editor(page)).toBeVisible();
      await expect(editor(page)).toHaveAttribute('contenteditable', 'true');
      saved = (await editor(page).textContent()) ?? '';
      await editor(page).click();
      await page.keyboard.press('Control+End');

      const text = marker(i, 200);
      const ackedAt: number[] = [];
      const killAt = KILL_AFTER_MS[0] + Math.random() * (KILL_AFTER_MS[1] - KILL_AFTER_MS[0]);
      const start = Date.now();
      const typing = (async () => {
        for (const ch of text) {
          await page.keyboard.type(ch);
          ackedAt.push(Date.now());
          await sleep(PACE_MS);
        }
      })().catch(() => undefined); // the kill ends the typing mid-keystroke
      await sleep(killAt);
      const killTime = Date.now();
      processesKilled += await killBrowser(dir);
      await typing;
      await discard(context);
      if (ackedAt.length === text.length) throw new Error('typing finished before the kill: lengthen the marker');

      const typed = ackedAt.length;
      const safe = ackedAt.filter((t) => t < killTime - SAFE_MS).length;

      ({ context, page } = await launchProfile(info, dir, baseURL));
      await page.goto(liveUrl);
      try {
        await expect(page.getByTestId('current-item')).toBeVisible({ timeout: 15_000 });
      } catch (error) {
        // Say what the relaunched app shows instead: a boot error, the welcome screen (data gone)…
        const body = await page
          .locator('body')
          .innerText()
          .catch((e: unknown) => String(e));
        await page.screenshot({ path: info.outputPath(`relaunch-${i}.png`) }).catch(() => undefined);
        console.log(`crash-typing #${i}: after relaunch ${page.url()} shows: ${body.slice(0, 500)}`);
        throw error;
      }
      await expectNoBootError(page);
      await expect(editor(page)).toBeVisible();
      const after = (await editor(page).textContent()) ?? '';
      // What survived is the old text plus a prefix of this iteration's keystrokes, never garbage.
      expect(after.startsWith(saved), `iteration ${i}: earlier minutes changed`).toBe(true);
      const kept = after.slice(saved.length);
      expect(
        text.startsWith(kept),
        `iteration ${i}: saved text is not a prefix of what was typed: ${JSON.stringify(kept)}`,
      ).toBe(true);
      losses.push(typed - Math.min(kept.length, typed));
      lostSafe.push(Math.max(0, safe - kept.length));
      lostAsserted.push(Math.max(0, ackedAt.filter((t) => t < killTime - ASSERT_MS).length - kept.length));
      if (kept.length < typed) oldestLostAge.push(killTime - ackedAt[kept.length]!);
      console.log(
        `crash-typing #${i}: kill at ${Math.round(killTime - start)} ms, typed ${typed}, typed > ${SAFE_MS} ms before kill ${safe}, kept ${kept.length}`,
      );
      saved = after;
      // The next iteration types on into the relaunched browser.
    }
    await context.close();
  } finally {
    await removeProfileDir(dir);
  }
  const worst = Math.max(0, ...losses);
  const safeLost = lostSafe.reduce((a, b) => a + b, 0);
  console.log(
    `crash-typing: ${KILLS} kills, worst loss ${worst} characters (of those typed > 1 s before the kill: ${safeLost} lost) [${processesKilled} processes SIGKILLed; oldest lost keystroke ${Math.round(Math.max(0, ...oldestLostAge))} ms before its kill]`,
  );
  expect(
    lostAsserted.reduce((a, b) => a + b, 0),
    `keystrokes typed > ${ASSERT_MS} ms before a kill were lost`,
  ).toBe(0);
});
