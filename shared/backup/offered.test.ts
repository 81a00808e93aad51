import { describe, expect, it } from 'vitest';
import type { BackupEntry } from '../bridge';
import { backupToOffer, holdsRecords } from './offered';

function entry(id: string, createdAt: string, counts?: Record<string, number>): BackupEntry {
  return {
    id,
    reason: 'daily',
    createdAt,
    sizeBytes: 1000,
    ...(counts ? { summary: { appVersion: '0.1.0', createdAt, schemaVersion: 10, counts } } : {}),
  };
}

describe('the backup offered on the first-run screen', () => {
  it('is the newest that holds records, counting every kept one as another', () => {
    const older = entry('a', '2026-12-01T10:00:00.000Z', { meetings: 12, people: 40, settings: 1 });
    const newer = entry('b', '2026-12-05T10:00:00.000Z', { meetings: 13, people: 41, settings: 1 });
    const emptySafety = entry('c', '2026-12-06T10:00:00.000Z', { meetings: 0, settings: 1, auditLog: 3 });
    expect(backupToOffer([older, emptySafety, newer])).toEqual({ entry: newer, others: 2 });
  });

  it('takes a backup without its writer’s summary as possibly holding records', () => {
    const unknown = entry('u', '2026-12-06T10:00:00.000Z');
    expect(holdsRecords(unknown)).toBe(true);
    expect(backupToOffer([entry('a', '2026-12-01T10:00:00.000Z', { meetings: 2 }), unknown])?.entry).toBe(unknown);
  });

  it('offers nothing when no backup is kept or none holds more than the set-up', () => {
    expect(backupToOffer([])).toBeNull();
    const setUpOnly = entry('s', '2026-12-06T10:00:00.000Z', { settings: 1, signingKeys: 1, auditHead: 1 });
    expect(holdsRecords(setUpOnly)).toBe(false);
    expect(backupToOffer([setUpOnly])).toBeNull();
  });
});
