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
});
