import { describe, expect, it } from 'vitest';
import { interruptedRestoreOf, restoreMarkOf, RESTORE_MARK_KEY, type RestoreMark } from './interruptedRestore';

const mark: RestoreMark = {
  key: RESTORE_MARK_KEY,
  startedAt: '2026-12-07T09:00:00.000Z',
  backupCreatedAt: '2026-12-01T08:00:00.000Z',
};

describe('a restore cut short', () => {
  it('had committed when the log ends with a restore entry from after its mark', () => {
    expect(interruptedRestoreOf(mark, { action: 'restore', at: '2026-12-07T09:03:10.000Z' })).toEqual({
      outcome: 'restored',
      backupCreatedAt: mark.backupCreatedAt,
    });
    expect(interruptedRestoreOf(mark, { action: 'restore', at: mark.startedAt }).outcome).toBe('restored');
  });

  it('was undone when the log ends otherwise: another action, an older restore, or no entry at all', () => {
    for (const last of [
      { action: 'import', at: '2026-12-07T09:03:10.000Z' },
      { action: 'restore', at: '2026-12-07T08:59:59.999Z' },
      { action: 'restore', at: 'not a time' },
      undefined,
    ])
      expect(interruptedRestoreOf(mark, last).outcome, JSON.stringify(last)).toBe('undone');
    const { backupCreatedAt: _omitted, ...withoutTime } = mark;
    expect(interruptedRestoreOf(withoutTime, undefined)).toEqual({ outcome: 'undone' });
  });

  it('reads back only a well-formed mark', () => {
    expect(restoreMarkOf(mark)).toEqual(mark);
    expect(restoreMarkOf({ ...mark, backupCreatedAt: '' })).toEqual({
      key: RESTORE_MARK_KEY,
      startedAt: mark.startedAt,
    });
    for (const bad of [
      null,
      undefined,
      'x',
      1,
      {},
      { ...mark, key: 'other' },
      { ...mark, startedAt: 'soon' },
      { key: RESTORE_MARK_KEY },
    ])
      expect(restoreMarkOf(bad), JSON.stringify(bad)).toBeNull();
  });
});
