import { describe, expect, it } from 'vitest';
import { TABLE_NAMES } from '../store/schema';
import { sameBackup, storedSummaryOf, summaryToShow } from './storedSummary';
import type { BackupSummary } from './document';

const counts = Object.fromEntries(TABLE_NAMES.map((t, i) => [t, i * 3])) as BackupSummary['counts'];
const summary: BackupSummary = { appVersion: '0.1.0', createdAt: '2026-12-05T08:00:00.000Z', schemaVersion: 8, counts };

describe('a backup’s kept summary', () => {
  it('comes back as it was kept', () => {
    expect(summaryToShow(JSON.parse(JSON.stringify(storedSummaryOf(summary))))).toEqual(summary);
  });

  it('counts a table it does not name as empty (a backup from before the table existed)', () => {
    const { meetings: _m, ...fewer } = counts;
    expect(summaryToShow({ ...summary, counts: fewer })?.counts.meetings).toBe(0);
  });

  it.each([
    ['missing', undefined],
    ['not an object', 'summary'],
    ['a table this version does not have', { ...summary, counts: { ...counts, tomorrowsTable: 1 } }],
    ['a negative count', { ...summary, counts: { ...counts, people: -1 } }],
    ['a fractional count', { ...summary, counts: { ...counts, people: 1.5 } }],
    ['a huge count', { ...summary, counts: { ...counts, people: 1e12 } }],
    ['a time that is not one', { ...summary, createdAt: '昨天' }],
    ['no app version', { ...summary, appVersion: '' }],
    ['a key with a path in it', { ...summary, counts: { '__proto__/x': 1 } }],
  ])('is not shown when %s', (_label, stored) => {
    expect(summaryToShow(stored)).toBeNull();
  });

  it('is the same backup only with the same time, versions and every count', () => {
    expect(sameBackup(summary, { ...summary, counts: { ...counts } })).toBe(true);
    expect(sameBackup(summary, { ...summary, createdAt: '2026-12-05T08:00:00.001Z' })).toBe(false);
    expect(sameBackup(summary, { ...summary, appVersion: '0.1.1' })).toBe(false);
    expect(sameBackup(summary, { ...summary, schemaVersion: 7 })).toBe(false);
    for (const table of TABLE_NAMES)
      expect(sameBackup(summary, { ...summary, counts: { ...counts, [table]: counts[table] + 1 } }), table).toBe(false);
  });
});
