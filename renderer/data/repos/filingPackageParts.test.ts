/**
 * A received filing package larger than one part (6 MiB) is stored in parts, read back whole,
 * carried through a backup and a restore, and a package stored whole before schema 11 is split
 * by the upgrade. Before schema 11 a package over ~48 MB was one row too large for the backup
 * reader, and every backup holding it was refused (rowTooLarge).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { createDb, type YishiDb } from '../db';
import { backupFile, exportDatabase, replaceFromBackup } from '../backup';
import { openAppDatabase } from '../openDatabase';
import { importFilingPackage, openFiling } from './reviewRepo';
import { samplePackage, sampleFilingInput } from '../../../shared/fixtures/filingPackage';
import { buildFilingPackage } from '../../../shared/filing/build';
import { PACKAGE_PART_BYTES, PACKAGE_PART_CHARS, partIdOf } from '../../../shared/filing/packageParts';
import { toBase64 } from '../../../shared/signing/bytes';
import type { FilingPackagePartRow, FilingPackageRow } from '../../../shared/filing/review';
import type { FilingPeriod } from '../../../shared/filing/manifest';

const opts = () => ({ indexedDB: new IDBFactory(), IDBKeyRange });

/** A package whose 纪要 is `bytes` random-looking bytes (stored as they are, not deflated). */
async function largePackage(bytes: number, period?: FilingPeriod): Promise<Uint8Array> {
  const docx = new Uint8Array(bytes);
  let x = 2463534242;
  for (let i = 0; i < bytes; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    docx[i] = x & 0xff;
  }
  const input = await sampleFilingInput(period ? { period } : {});
  const [meeting] = input.meetings;
  return (await buildFilingPackage({ ...input, meetings: [{ ...meeting!, minutesDocx: docx }] })).bytes;
}

async function imported(db: YishiDb, bytes: Uint8Array): Promise<string> {
  const result = await importFilingPackage(db, bytes, '胜兴社区-2026年7月备案包.yishi');
  if (!result.ok) throw new Error(`not imported: ${JSON.stringify(result.problem)}`);
  return result.row.id;
}

describe('filing packages stored in parts', () => {
  it('a package of two and a half parts is stored in three rows of at most one part, and opens verified', async () => {
    const bytes = await largePackage(PACKAGE_PART_BYTES * 2.5);
    const db = createDb('yishi', opts());
    const id = await imported(db, bytes);
    const head = (await db.filingPackages.get(id))!;
    const parts = await db.filingPackageParts.toArray();
    expect(head.parts).toBe(3);
    expect(parts.map((p) => p.id)).toEqual([partIdOf(id, 1), partIdOf(id, 2)]);
    for (const row of [head, ...parts]) expect(row.base64.length).toBeLessThanOrEqual(PACKAGE_PART_CHARS);
    expect((await openFiling(db, id))?.reading).toMatchObject({ ok: true });

    // A part lost (a damaged copy): the filing is reported incomplete, never read short.
    await db.filingPackageParts.delete(partIdOf(id, 2));
    expect((await openFiling(db, id))?.reading).toEqual({ ok: false, problem: { code: 'truncated' } });
  }, 60_000);

  it('goes through a backup and a restore into another database and opens there', async () => {
    const bytes = await largePackage(PACKAGE_PART_BYTES + 1000);
    const db = createDb('yishi', opts());
    const id = await imported(db, bytes);
    const text = await exportDatabase(db, 't');
    const other = createDb('yishi', opts());
    const restored = await replaceFromBackup(other, backupFile(new TextEncoder().encode(text), 1 << 20));
    expect(restored).toMatchObject({ ok: true, summary: { counts: { filingPackages: 1, filingPackageParts: 1 } } });
    expect((await openFiling(other, id))?.reading).toMatchObject({ ok: true });
  }, 60_000);

  it('a crafted backup: parts swapped, missing or overclaimed restore as rows, and only that filing opens refused', async () => {
    const db = createDb('yishi', opts());
    const monthId = await imported(db, await largePackage(PACKAGE_PART_BYTES + 1000));
    const meetingId = await imported(db, await largePackage(PACKAGE_PART_BYTES + 2000, { kind: 'meeting' }));
    const backup = JSON.parse(await exportDatabase(db, 't')) as {
      counts: Record<string, number>;
      tables: { filingPackages: FilingPackageRow[]; filingPackageParts: FilingPackagePartRow[] };
    };
    type Backup = typeof backup;
    const part = (b: Backup, id: string) => b.tables.filingPackageParts.find((p) => p.id === partIdOf(id, 1))!;
    const crafted: Array<[string, (b: Backup) => void]> = [
      ['swapped', (b) => void (part(b, meetingId).base64 = part(b, monthId).base64)],
      [
        'missing',
        (b) => {
          b.tables.filingPackageParts = b.tables.filingPackageParts.filter((p) => p.id !== partIdOf(meetingId, 1));
          b.counts.filingPackageParts = b.tables.filingPackageParts.length;
        },
      ],
      ['overclaimed', (b) => void (b.tables.filingPackages.find((p) => p.id === meetingId)!.parts = 999)],
    ];
    for (const [what, craft] of crafted) {
      const copy = structuredClone(backup);
      craft(copy);
      const other = createDb('yishi', opts());
      const text = JSON.stringify(copy);
      expect(await replaceFromBackup(other, backupFile(new TextEncoder().encode(text))), what).toMatchObject({
        ok: true,
      });
      expect((await openFiling(other, monthId))?.reading, `${what}: the other filing`).toMatchObject({ ok: true });
      const reading = (await openFiling(other, meetingId))?.reading;
      expect(reading?.ok, what).toBe(false);
      if (what !== 'swapped') expect(reading, what).toEqual({ ok: false, problem: { code: 'truncated' } });
    }
  }, 120_000);

  it('the upgrade to schema 11 splits a package stored whole, and leaves a small one as it is', async () => {
    const large = await largePackage(PACKAGE_PART_BYTES + 1000);
    // The same meeting filed on its own: another filing, so another content id.
    const small = await samplePackage({ period: { kind: 'meeting' } });
    // The filing rows as the current code writes them; the packages as schema 10 stored them.
    const source = createDb('source', opts());
    const largeId = await imported(source, large);
    const smallId = await imported(source, small);
    const filings = await source.filings.toArray();
    const keys = await source.registeredKeys.toArray();

    const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../../tests/unit/hostile/fixtures');
    const v10 = JSON.parse(readFileSync(path.join(fixtures, 'v10.fixture.json'), 'utf8')) as {
      stores: Record<string, string>;
    };
    const options = opts();
    const old = new Dexie('yishi', options);
    old.version(10).stores(v10.stores);
    await old.table('filings').bulkAdd(filings);
    await old.table('registeredKeys').bulkAdd(keys);
    await old.table('filingPackages').bulkAdd([
      { id: largeId, base64: toBase64(large) },
      { id: smallId, base64: toBase64(small) },
    ]);
    old.close();

    const db = await openAppDatabase({ backupBeforeUpgrade: async () => undefined }, 'yishi', options);
    expect((await db.filingPackages.get(largeId))?.parts).toBe(2);
    expect(await db.filingPackages.get(smallId)).toEqual({ id: smallId, base64: toBase64(small) });
    expect(await db.filingPackageParts.toCollection().primaryKeys()).toEqual([partIdOf(largeId, 1)]);
    for (const id of [largeId, smallId]) expect((await openFiling(db, id))?.reading).toMatchObject({ ok: true });
  }, 60_000);
});
