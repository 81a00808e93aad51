import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { createDb } from './db';
import { backupFile, exportDatabase, restoreBackup } from './backup';
import { clearRestoreMark, markRestoreStarted, takeInterruptedRestore } from './restoreMark';
import { restoreHintLeft, type HintStorage } from './restoreHint';
import { memoryBridge } from '../bridge/memoryBridge';
import { BrowserBackupStore } from '../bridge/backupStore';
import { appendAudit } from './repos/auditRepo';
import { RESTORE_MARK_KEY } from '../../shared/backup/interruptedRestore';
import type { BackupSource } from './backup';

function hints(): HintStorage & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, v),
    removeItem: (k) => void map.delete(k),
  };
}

const factory = () => ({ indexedDB: new IDBFactory(), IDBKeyRange });
const T0 = new Date('2026-12-07T09:00:00.000Z');

describe('a restore under way is marked, and a mark left behind is read once', () => {
  it('no mark: nothing to say', async () => {
    const db = createDb('yishi', factory());
    expect(await takeInterruptedRestore(db, hints())).toBeNull();
  });

  it('a mark with no later restore entry: undone; read once, then gone from both places', async () => {
    const db = createDb('yishi', factory());
    const h = hints();
    await appendAudit(db, { action: 'restore', summary: 'an earlier restore', at: new Date('2026-12-01T00:00:00Z') });
    await markRestoreStarted(db, '2026-11-30T08:00:00.000Z', T0, h);
    expect(restoreHintLeft(h)).toBe(true);
    expect(await takeInterruptedRestore(db, h)).toEqual({
      outcome: 'undone',
      backupCreatedAt: '2026-11-30T08:00:00.000Z',
    });
    expect(restoreHintLeft(h)).toBe(false);
    expect(await db.localMarks.count()).toBe(0);
    expect(await takeInterruptedRestore(db, h)).toBeNull();
  });

  it('a mark followed by the restore’s own audit entry: the restore had committed', async () => {
    const db = createDb('yishi', factory());
    await markRestoreStarted(db, undefined, T0, hints());
    await appendAudit(db, { action: 'restore', summary: '从备份恢复全部数据', at: new Date(T0.getTime() + 60_000) });
    expect(await takeInterruptedRestore(db, hints())).toEqual({ outcome: 'restored' });
  });

  it('a damaged mark is no mark, and is removed', async () => {
    const db = createDb('yishi', factory());
    await db.localMarks.put({ key: RESTORE_MARK_KEY, startedAt: 'soon' });
    expect(await takeInterruptedRestore(db, hints())).toBeNull();
    expect(await db.localMarks.count()).toBe(0);
  });

  it('the restore marks itself while its rows go in and clears the mark after, done or refused', async () => {
    const opts = factory();
    const db = createDb('yishi', opts);
    const store = new BrowserBackupStore('backups', opts);
    await appendAudit(db, { action: 'import', summary: 'something to back up' });
    const text = await exportDatabase(db, 't');
    const seen: unknown[] = [];
    // The rows' reading looks at the mark as the first piece is asked for.
    const watched = (bytes: Uint8Array): BackupSource => {
      const file = backupFile(bytes);
      return {
        ...file,
        open: () => {
          const next = file.open();
          let first = true;
          return async () => {
            if (first) {
              first = false;
              seen.push(await db.localMarks.get(RESTORE_MARK_KEY));
            }
            return next();
          };
        },
      };
    };
    const done = await restoreBackup(db, memoryBridge(store), watched(new TextEncoder().encode(text)), 't');
    expect(done.ok).toBe(true);
    const refused = await restoreBackup(db, memoryBridge(store), watched(new TextEncoder().encode('{"x":')), 't');
    expect(refused.ok).toBe(false);
    expect(seen).toHaveLength(2);
    for (const mark of seen) expect(mark).toMatchObject({ key: RESTORE_MARK_KEY });
    expect(await db.localMarks.count()).toBe(0);
    await clearRestoreMark(db);
  });
});
