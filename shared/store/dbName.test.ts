import { describe, expect, it } from 'vitest';
import { DB_NAME, POINTER_DB_NAME, databaseNameOf, generationOf, staleDatabaseNames } from './dbName';

describe('database generations', () => {
  it('names the first generation as before restores existed, and the next ones beside it', () => {
    expect(databaseNameOf(1)).toBe(DB_NAME);
    expect(databaseNameOf(2)).toBe('yishi-data-2');
    expect(generationOf(databaseNameOf(1))).toBe(1);
    expect(generationOf(databaseNameOf(17))).toBe(17);
  });

  it('recognises no other name as a data database', () => {
    for (const name of [
      'yishi-backups',
      POINTER_DB_NAME,
      'yishi-data-',
      'yishi-data-1',
      'yishi-data-01',
      'yishi-data-2x',
      'yishi-data--3',
      'yishi-data-1234567890',
      'other',
    ])
      expect(generationOf(name), name).toBeNull();
  });

  it('refuses generations that are no counting number', () => {
    for (const n of [0, -1, 1.5, Number.NaN, Number.MAX_SAFE_INTEGER + 2])
      expect(() => databaseNameOf(n)).toThrow(RangeError);
  });

  it('names as stale every data database but the current, never another of the app', () => {
    const existing = [DB_NAME, 'yishi-data-2', 'yishi-data-3', 'yishi-backups', POINTER_DB_NAME, 'someone-else'];
    expect(staleDatabaseNames(existing, 'yishi-data-3')).toEqual([DB_NAME, 'yishi-data-2']);
    expect(staleDatabaseNames(existing, DB_NAME)).toEqual(['yishi-data-2', 'yishi-data-3']);
    expect(staleDatabaseNames([DB_NAME], DB_NAME)).toEqual([]);
  });
});
