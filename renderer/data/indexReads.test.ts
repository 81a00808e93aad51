import Dexie, { type Table } from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { rowsWithAnyOf } from './indexReads';

interface Row {
  id: string;
  meetingId: string;
}

describe('rowsWithAnyOf', () => {
  it('gives the rows of every key, key by key in the order asked, each key read once', async () => {
    const db = new Dexie('reads', { indexedDB: new IDBFactory(), IDBKeyRange });
    db.version(1).stores({ decisions: 'id, meetingId' });
    const table = db.table('decisions') as Table<Row, string>;
    await table.bulkAdd([
      { id: 'd1', meetingId: 'm2' },
      { id: 'd2', meetingId: 'm1' },
      { id: 'd3', meetingId: 'm2' },
      { id: 'd4', meetingId: 'm3' },
    ]);
    const ids = (rows: Row[]) => rows.map((r) => r.id);
    expect(ids(await rowsWithAnyOf(table, 'meetingId', ['m2', 'm1', 'm2', 'none']))).toEqual(['d1', 'd3', 'd2']);
    expect(await rowsWithAnyOf(table, 'meetingId', [])).toEqual([]);
    // The same rows as Dexie's anyOf, whatever the order.
    const all = await table.where('meetingId').anyOf(['m1', 'm3']).toArray();
    expect(ids(await rowsWithAnyOf(table, 'meetingId', ['m3', 'm1'])).sort()).toEqual(ids(all).sort());
    db.close();
  });

  it('reads inside the caller’s transaction, through compound indexes too, and names an index that does not exist', async () => {
    const db = new Dexie('reads2', { indexedDB: new IDBFactory(), IDBKeyRange });
    db.version(1).stores({ matters: 'id, [open+path+orgUnitId]', meetings: 'id' });
    const matters = db.table('matters') as Table<{ id: string; open: number; path: string; orgUnitId: string }, string>;
    await matters.bulkAdd([
      { id: 'a', open: 1, path: 'pending', orgUnitId: 'u1' },
      { id: 'b', open: 1, path: 'pending', orgUnitId: 'u2' },
      { id: 'c', open: 0, path: 'pending', orgUnitId: 'u1' },
    ]);
    const keys = [
      [1, 'pending', 'u2'],
      [1, 'pending', 'u1'],
    ];
    const inside = await db.transaction('rw', [matters, db.table('meetings')], async () => {
      await db.table('meetings').add({ id: 'm1' });
      return rowsWithAnyOf(matters, '[open+path+orgUnitId]', keys);
    });
    expect(inside.map((m) => m.id)).toEqual(['b', 'a']);
    await expect(rowsWithAnyOf(matters, 'orgUnitId', ['u1'])).rejects.toThrow(/no index orgUnitId/);
    // A table outside the caller's transaction is refused, as Dexie refuses it.
    await expect(
      db.transaction('r', db.table('meetings'), () => rowsWithAnyOf(matters, '[open+path+orgUnitId]', keys)),
    ).rejects.toThrow();
    db.close();
  });
});
