/**
 * The localStorage hint of a restore under way (restoreMark.ts keeps the mark itself): read at
 * start-up before the database answers, so it lives apart, without the mark's code.
 */

export const RESTORE_HINT_KEY = 'yishi.restoreInProgress';

export type HintStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export function localHints(): HintStorage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null; // storage disabled: the hint is only ever a courtesy
  }
}

/** Before the database is opened: whether a restore was under way when the app last stopped. */
export function restoreHintLeft(hints = localHints()): boolean {
  try {
    return Boolean(hints?.getItem(RESTORE_HINT_KEY));
  } catch {
    return false;
  }
}
