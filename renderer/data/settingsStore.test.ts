import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { createDb } from './db';
import { loadSettings, recoverSetUp, saveSettings, updateSettings } from './settingsStore';
import { DEFAULT_SETTINGS } from '../../shared/settings';

const freshDb = () => createDb('yishi', { indexedDB: new IDBFactory(), IDBKeyRange });
const SET_UP = {
  ...DEFAULT_SETTINGS,
  documentOrgName: '中共垦利街道胜兴社区委员会',
  setUpAt: '2026-03-01T02:00:00.000Z',
};

describe('updateSettings', () => {
  it('lands two updates fired together (two toggles, or the backup stamp beside a change)', async () => {
    const db = freshDb();
    await saveSettings(db, SET_UP);
    await Promise.all([
      updateSettings(db, { largeType: true }),
      updateSettings(db, { matterClerk: '王秀英' }),
      updateSettings(db, { lastDailyBackupDay: '2026-12-04' }),
    ]);
    const stored = await loadSettings(db);
    expect(stored).toMatchObject({ largeType: true, matterClerk: '王秀英', lastDailyBackupDay: '2026-12-04' });
    expect(stored.setUpAt).toBe(SET_UP.setUpAt);
  });
});

describe('loadSettings', () => {
  it('keeps the good fields of a row with one field wrong, one missing and one of a future version', async () => {
    const db = freshDb();
    const { locale: _missing, ...row } = { ...SET_UP, largeType: 'yes', futureTheme: 'dark', key: 'app' };
    await db.settings.put(row as never);
    const settings = await loadSettings(db);
    expect(settings).toMatchObject({
      documentOrgName: SET_UP.documentOrgName,
      setUpAt: SET_UP.setUpAt,
      locale: 'zh-CN',
      largeType: false,
    });
    // The future field survives a change made by this version.
    await updateSettings(db, { largeType: true });
    expect(await db.settings.get('app')).toMatchObject({
      futureTheme: 'dark',
      largeType: true,
      setUpAt: SET_UP.setUpAt,
    });
  });

  it('takes a database holding people or meetings as set up when setUpAt is lost', async () => {
    const db = freshDb();
    await db.settings.put({ ...SET_UP, setUpAt: 'garbage', key: 'app' });
    expect((await loadSettings(db)).setUpAt).toBeUndefined();
    await db.people.add({
      id: 'p1',
      name: '王秀英',
      initials: 'wxy',
      roles: [],
      updatedAt: '2025-05-01T00:00:00.000Z',
    } as never);
    expect((await loadSettings(db)).setUpAt).toBe('2025-05-01T00:00:00.000Z');
    await db.settings.delete('app');
    expect((await loadSettings(db)).setUpAt).toBe('2025-05-01T00:00:00.000Z');
  });
});

describe('recoverSetUp', () => {
  const NOW = new Date('2026-12-04T07:30:00.000Z');

  it('writes setUpAt from the earliest meeting or person, and the moment for the notice', async () => {
    const db = freshDb();
    const { setUpAt: _lost, ...row } = SET_UP;
    await db.settings.put({ ...row, key: 'app' });
    await db.people.add({
      id: 'p1',
      name: '王秀英',
      initials: 'wxy',
      roles: [],
      updatedAt: '2025-05-01T00:00:00.000Z',
    } as never);
    await db.meetings.add({ id: 'm1', startAt: '2025-01-10T01:00:00.000Z' } as never);
    expect(await recoverSetUp(db, NOW)).toBe(true);
    expect(await db.settings.get('app')).toMatchObject({
      documentOrgName: SET_UP.documentOrgName,
      setUpAt: '2025-01-10T01:00:00.000Z',
      setUpRecoveredAt: NOW.toISOString(),
    });
    // Once written it is set up: nothing more to recover, the notice is not raised again.
    expect(await recoverSetUp(db, new Date())).toBe(false);
  });

  it('uses now when the records lie ahead or carry no time', async () => {
    const db = freshDb();
    await db.meetings.add({ id: 'm1', startAt: '2027-01-10T01:00:00.000Z' } as never);
    expect(await recoverSetUp(db, NOW)).toBe(true);
    expect((await db.settings.get('app'))?.setUpAt).toBe(NOW.toISOString());
    const other = freshDb();
    await other.people.add({ id: 'p1', name: '王秀英', initials: 'wxy', roles: [] } as never);
    expect(await recoverSetUp(other, NOW)).toBe(true);
    expect((await other.settings.get('app'))?.setUpAt).toBe(NOW.toISOString());
  });

  it('leaves a new, empty database to the first setup screen', async () => {
    const db = freshDb();
    expect(await recoverSetUp(db, NOW)).toBe(false);
    expect(await db.settings.get('app')).toBeUndefined();
    expect((await loadSettings(db)).setUpAt).toBeUndefined();
  });
});
