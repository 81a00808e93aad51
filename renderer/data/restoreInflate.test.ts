import { describe, expect, it } from 'vitest';
import { gzipSync } from 'fflate';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import type { YishiDb } from './db';
import { backupFile, checkBackup, exportDatabase, replaceFromBackup } from './backup';
import { serveInflate, type FromInflateWorker, type InflateWorkerLike, type ToInflateWorker } from './inflateInWorker';
import { smallDistrictDb } from './smallDistrict';

const TODAY = '2026-11-20';

async function district(name: string): Promise<YishiDb> {
  return smallDistrictDb(
    name,
    { seed: 11, today: TODAY, compoundsPerCommunity: 2, peoplePerCompound: 10, meetings: 60, longMinutesChars: 300 },
    { indexedDB: new IDBFactory(), IDBKeyRange },
  );
}

/** The inflating worker in this process (a task between every message); counts what it was given. */
function inflateWorkerHere(options: { loadFails?: boolean; failsAfterBytes?: number } = {}) {
  const seen = { bytes: 0, terminated: false, inflatedPieces: 0 };
  const worker: InflateWorkerLike = {
    onmessage: null,
    onerror: null,
    postMessage(message: ToInflateWorker) {
      if (message.kind === 'bytes') seen.bytes += message.bytes.length;
      setTimeout(() => {
        if (options.loadFails) worker.onerror?.({ message: 'SyntaxError' });
        else if (options.failsAfterBytes !== undefined && seen.bytes > options.failsAfterBytes)
          worker.onmessage?.({ data: { kind: 'failed', message: 'out of memory' } });
        else handle(message);
      });
    },
    terminate() {
      seen.terminated = true;
    },
  };
  const handle = serveInflate((reply: FromInflateWorker) =>
    setTimeout(() => {
      if (seen.terminated) return;
      if (reply.kind === 'bytes') seen.inflatedPieces++;
      worker.onmessage?.({ data: reply });
    }),
  );
  return { worker, seen };
}

/** Every backed-up table but the audit log, to which the restore adds its own entry. */
async function recordsOf(db: YishiDb): Promise<unknown> {
  const { tables } = JSON.parse(await exportDatabase(db, 't', new Date(TODAY))) as { tables: Record<string, unknown> };
  const { auditLog: _log, auditHead: _head, ...records } = tables;
  return records;
}

/** A gzip backup of the district, then the district changed, so the restore has rows to write back. */
async function changedSinceBackup(name: string) {
  const db = await district(name);
  const backedUp = await recordsOf(db);
  const file = gzipSync(new TextEncoder().encode(await exportDatabase(db, 't', new Date(TODAY))));
  const people = await db.people.limit(5).primaryKeys();
  await db.people.bulkDelete(people);
  const matter = (await db.matters.toCollection().first())!;
  await db.matters.put({ ...matter, title: `${matter.title}（改）` });
  const changed = await recordsOf(db);
  expect(changed).not.toEqual(backedUp);
  return { db, file, backedUp, changed };
}

describe('a restore inflated in a worker', () => {
  it('gives exactly the backup’s rows, the worker used and ended', async () => {
    const { db, file, backedUp } = await changedSinceBackup('inflate-ok');
    const { worker, seen } = inflateWorkerHere();
    const read: number[] = [];
    const outcome = await replaceFromBackup(
      db,
      backupFile(file, 1_000),
      (bytes) => read.push(bytes),
      undefined,
      () => worker,
    );
    expect(outcome.ok).toBe(true);
    expect(outcome.written?.added).toBe(5);
    expect(await recordsOf(db)).toEqual(backedUp);
    expect(seen.bytes).toBe(file.length);
    expect(seen.terminated).toBe(true);
    expect(read.at(-1)).toBe(file.length);
  });

  it('inflates in the window when the worker does not load, or fails half-way, with nothing half-written', async () => {
    for (const options of [{ loadFails: true }, { failsAfterBytes: 40_000 }]) {
      const { db, file, backedUp } = await changedSinceBackup(`inflate-fails-${Object.keys(options)[0]}`);
      const { worker, seen } = inflateWorkerHere(options);
      const outcome = await replaceFromBackup(db, backupFile(file, 1_000), undefined, undefined, () => worker);
      expect(outcome.ok).toBe(true);
      expect(await recordsOf(db)).toEqual(backedUp);
      expect(seen.terminated).toBe(true);
      // Failing half-way, it had handed on text (rows written in the transaction that then failed).
      if (options.failsAfterBytes) expect(seen.inflatedPieces).toBeGreaterThan(0);
    }
  });

  it('refuses damaged data as not a backup and leaves the data as it was', async () => {
    const { db, file, changed } = await changedSinceBackup('inflate-damaged');
    const damaged = file.slice();
    for (let i = Math.floor(file.length / 2); i < Math.floor(file.length / 2) + 300; i++) damaged[i] = 0x55;
    const { worker } = inflateWorkerHere();
    const outcome = await replaceFromBackup(db, backupFile(damaged, 1_000), undefined, undefined, () => worker);
    expect(outcome).toEqual({ ok: false, problem: { code: 'notJson' } });
    expect(await recordsOf(db)).toEqual(changed);
    // Compressed twice: the check reads it as not a backup, and so does the restore.
    const twice = backupFile(gzipSync(file), 1_000);
    expect(await checkBackup(twice)).toEqual({ ok: false, problem: { code: 'notJson' } });
    const again = await replaceFromBackup(db, twice, undefined, undefined, () => inflateWorkerHere().worker);
    expect(again).toEqual({ ok: false, problem: { code: 'notJson' } });
    expect(await recordsOf(db)).toEqual(changed);
  });
});
