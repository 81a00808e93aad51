import type { BackupEntry } from '../bridge';

/** The tables whose rows make a backup worth offering: a set-up row alone is not the user's data. */
const SET_UP_ONLY = new Set(['settings', 'auditLog', 'auditHead', 'signingKeys', 'signingSecrets']);

/** Whether the writer's summary says the backup holds records (no summary: it may well). */
export function holdsRecords(entry: BackupEntry): boolean {
  if (!entry.summary) return true;
  return Object.entries(entry.summary.counts).some(([table, n]) => n > 0 && !SET_UP_ONLY.has(table));
}

/**
 * The backup the first-run screen offers when this computer still keeps some (the app's data was
 * lost, or the app was set up again over an old data folder): the newest that holds records —
 * a safety backup of an empty database, taken before a restore, is never offered over an
 * older one that has the meetings. `others`: how many more are kept, offered or not.
 */
export function backupToOffer(entries: readonly BackupEntry[]): { entry: BackupEntry; others: number } | null {
  const newestFirst = [...entries].sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
  const entry = newestFirst.find(holdsRecords);
  return entry ? { entry, others: entries.length - 1 } : null;
}
