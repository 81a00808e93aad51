export type OpenFailure = 'busy' | 'diskFull' | 'other';

/** The kind of an IndexedDB open failure, by the DOMException's name (its message is the browser's English). */
export function openFailureOf(error: unknown): OpenFailure {
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  // Dexie wraps the browser's error in its own of the same name, with the original as `inner`.
  const inner = (error as { inner?: { name?: string } } | null)?.inner?.name;
  const names = [name, inner ?? ''];
  if (names.some((n) => n === 'QuotaExceededError')) return 'diskFull';
  if (names.some((n) => n === 'UnknownError' || n === 'OpenFailedError' || n === 'DatabaseClosedError')) return 'busy';
  return 'other';
}
