/**
 * The upgrade of a large archive writes only what its migrations change. A ten-year district holds
 * 117,000 matters of which ~1,500 are open: migration 5 flags those, and rewriting all of them (and
 * sending every row through the middlewares again) made the version change last minutes.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange, IDBObjectStore } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openAppDatabase } from '../../../renderer/data/openDatabase';
import { withRosterKeys } from '../../../shared/roster/rosterKeys';
import type { Person } from '../../../shared/domain/person';

type Row = Record<string, unknown>;
const fixture = JSON.parse(
  readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures/v4.fixture.json'), 'utf8'),
) as { stores: Record<string, string>; tables: Record<string, Row[]> };

const template = fixture.tables.matters![0]!;
function matter(i: number, state: 'open' | 'closed' | 'merged'): Row {
  const row: Row = { ...template, id: `m${String(i).padStart(3, '0')}` };
  delete row.closedAt;
  delete row.mergedInto;
  if (state === 'closed') row.closedAt = '2025-12-28T06:00:00.000Z';
  if (state === 'merged') row.mergedInto = 'm000';
  return row;
}

afterEach(() => vi.restoreAllMocks());

describe('upgrading a version 4 archive', () => {
  it('writes the rows migration 5 changes and no other, and reads every row as the migration says', async () => {
    const options = { indexedDB: new IDBFactory(), IDBKeyRange };
    const old = new Dexie('yishi', options);
    old.version(4).stores(fixture.stores);
    await old.open();
    const states = Array.from({ length: 60 }, (_, i) => (i % 20 === 0 ? 'open' : i % 7 === 0 ? 'merged' : 'closed'));
    const matters = states.map((s, i) => matter(i, s as 'open' | 'closed' | 'merged'));
    const people = Array.from({ length: 4 }, (_, i) => ({
      ...fixture.tables.people![0]!,
      id: `p${i}`,
      name: `居民${i}`,
    }));
    await old.table('matters').bulkAdd(matters);
    await old.table('people').bulkAdd(people);
    old.close();

    const puts = new Map<string, number>();
    const put = IDBObjectStore.prototype.put;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args) {
      puts.set(this.name, (puts.get(this.name) ?? 0) + 1);
      return put.apply(this, args);
    });
    const db = await openAppDatabase({ backupBeforeUpgrade: async () => undefined }, 'yishi', options);
    vi.restoreAllMocks();

    const open = states.filter((s) => s === 'open').length;
    expect(puts.get('matters')).toBe(open);
    expect(puts.get('people')).toBe(people.length);
    const stored = (await db.matters.toArray()) as unknown as Row[];
    expect(stored).toEqual(matters.map((m, i) => (states[i] === 'open' ? { ...m, open: 1 } : m)));
    expect(await db.matters.where('[open+path+orgUnitId]').between([1, '', ''], [1, '\uffff', '\uffff']).count()).toBe(
      open,
    );
    expect(await db.people.toArray()).toEqual(people.map((p) => withRosterKeys(p as unknown as Person)));
    db.close();
  });

  it('stays at version 4 with every row as it was when a row cannot be migrated', async () => {
    const options = { indexedDB: new IDBFactory(), IDBKeyRange };
    const old = new Dexie('yishi', options);
    old.version(4).stores(fixture.stores);
    await old.open();
    const matters = Array.from({ length: 30 }, (_, i) => matter(i, i % 3 === 0 ? 'open' : 'closed'));
    await old.table('matters').bulkAdd(matters);
    // A person whose roles are not a list: working out its roster keys throws inside the version
    // change, after the matters were written.
    await old.table('people').bulkAdd([{ ...fixture.tables.people![0]!, id: 'p1', roles: 5 }]);
    old.close();

    await expect(
      openAppDatabase({ backupBeforeUpgrade: async () => undefined }, 'yishi', options),
    ).rejects.toBeTruthy();
    const after = new Dexie('yishi', options);
    await after.open();
    expect(after.verno).toBe(4);
    expect(await after.table('matters').toArray()).toEqual(matters);
    after.close();
  });
});
