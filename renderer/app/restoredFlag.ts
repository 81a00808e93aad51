/**
 * A restore ends by reloading the window onto the restored database (data/backup.ts); this flag,
 * kept by the window across the reload, has the new page say so and check the restored seals.
 */
const RESTORED_KEY = 'yishi:restored';

export function markRestored(storage: Pick<Storage, 'setItem'> = sessionStorage): void {
  storage.setItem(RESTORED_KEY, new Date().toISOString());
}

/** True once after a restore: reading it clears it. */
export function takeRestored(storage: Pick<Storage, 'getItem' | 'removeItem'> = sessionStorage): boolean {
  const found = storage.getItem(RESTORED_KEY) !== null;
  if (found) storage.removeItem(RESTORED_KEY);
  return found;
}
