/**
 * Every schema version that has shipped has a fixture database here: fixtures/v<N>.fixture.json
 * (the stores as version N declared them, frozen, and rows as version N wrote them) and
 * fixtures/v<N>.expected.json (what the current code must read from it). Each fixture is loaded
 * into a real version-N database with raw Dexie, opened with the app's own openAppDatabase, and
 * compared field by field. The same rows restored from a version-N backup must read the same.
 *
 * Shipping schema version N+1: add v<N+1>.fixture.json and v<N+1>.expected.json, and update the
 * older expected files to what the new migration makes of them. The fixtures themselves never change.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { openAppDatabase } from '../../../renderer/data/openDatabase';
import { snapshotTables } from '../../../renderer/data/backup';
import { readBackupDocument } from '../../../shared/backup/document';
import { RosterReader } from '../../../renderer/data/repos/rosterQuery';
import {
  SCHEMA_VERSION,
  STORE_TABLES,
  TABLE_NAMES,
  dexieStores,
  primaryKeyOf,
  type TableName,
} from '../../../shared/store/schema';

type Rows = Record<string, Record<string, unknown>[]>;
interface Fixture {
  schemaVersion: number;
  stores: Record<string, string>;
  tables: Rows;
}

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');
const versions = readdirSync(dir)
  .map((f) => /^v(\d+)\.fixture\.json$/.exec(f)?.[1])
  .filter((v): v is string => v !== undefined)
  .map(Number)
  .sort((a, b) => a - b);

const load = <T>(file: string): T => JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as T;

function byKey(table: string, rows: Record<string, unknown>[]): Map<string, Record<string, unknown>> {
  const key = TABLE_NAMES.includes(table as TableName) ? primaryKeyOf(table as TableName) : 'id';
  return new Map(rows.map((r) => [String(r[key]), r]));
}

/** Compares table by table, row by row, field by field, so a failure names the exact field. */
function compareFieldByField(actual: Rows, expected: Rows): number {
  let fields = 0;
  expect(Object.keys(actual).sort()).toEqual(Object.keys(expected).sort());
  for (const table of Object.keys(expected)) {
    const got = byKey(table, actual[table] ?? []);
    const want = byKey(table, expected[table] ?? []);
    expect([...got.keys()].sort(), `${table}: row keys`).toEqual([...want.keys()].sort());
    for (const [key, row] of want) {
      const actualRow = got.get(key)!;
      expect(Object.keys(actualRow).sort(), `${table}[${key}]: field names`).toEqual(Object.keys(row).sort());
      for (const field of Object.keys(row)) {
        fields++;
        expect(actualRow[field], `${table}[${key}].${field}`).toEqual(row[field]);
      }
    }
  }
  return fields;
}

describe('schema migrations from every shipped version', () => {
  it('has a fixture for every schema version up to the current one', () => {
    expect(versions).toEqual(Array.from({ length: SCHEMA_VERSION }, (_, i) => i + 1));
  });

  for (const version of versions) {
    describe(`version ${version}`, () => {
      const fixture = load<Fixture>(`v${version}.fixture.json`);
      const expected = load<{ tables: Rows }>(`v${version}.expected.json`).tables;

      it('opens with the current code, backed up first when older, and reads field by field as expected', async () => {
        expect(fixture.schemaVersion).toBe(version);
        const opts = { indexedDB: new IDBFactory(), IDBKeyRange };
        const old = new Dexie('yishi', opts);
        old.version(version).stores(fixture.stores);
        await old.transaction('rw', Object.keys(fixture.stores), async () => {
          for (const [table, rows] of Object.entries(fixture.tables)) await old.table(table).bulkAdd(rows);
        });
        old.close();

        const upgrades: number[] = [];
        const db = await openAppDatabase(
          { backupBeforeUpgrade: async (from) => void upgrades.push(from) },
          'yishi',
          opts,
        );
        expect(upgrades).toEqual(version < SCHEMA_VERSION ? [version] : []);
        expect(db.verno).toBe(SCHEMA_VERSION);
        // The opened database has exactly the current indexes.
        const current = dexieStores();
        for (const table of db.tables) {
          const declared = current[table.name as TableName]!.split(',').map((s) => s.trim());
          const actual = [table.schema.primKey.src, ...table.schema.indexes.map((i) => i.src)];
          expect(actual.sort(), `${table.name} indexes`).toEqual([...declared].sort());
        }
        const tables = (await snapshotTables(db)) as unknown as Rows;
        const fields = compareFieldByField(tables, expected);
        // Every row still satisfies today's row schema.
        for (const table of TABLE_NAMES)
          for (const row of tables[table] ?? [])
            expect(
              STORE_TABLES[table].row.safeParse(row).success,
              `${table} row ${JSON.stringify(row).slice(0, 80)}`,
            ).toBe(true);
        // Indexes answer queries over the migrated rows.
        const meeting = expected.meetings?.[0];
        if (meeting)
          expect(await db.agendaItems.where('meetingId').equals(String(meeting.id)).count()).toBe(
            expected.agendaItems!.filter((a) => a.meetingId === meeting.id).length,
          );
        // Every person is in the roster's sort and search indexes (the upgrade worked out the keys).
        if (expected.people?.length) {
          expect(await db.people.orderBy('sortKey').count()).toBe(expected.people.length);
          const first = expected.people[0]!;
          expect(
            await new RosterReader(db).matchingIds({ query: String(first.name), unitIds: null, role: null }),
          ).toContain(first.id);
        }
        db.close();
        console.log(
          `migrations: v${version} → v${SCHEMA_VERSION}: ${Object.values(expected).flat().length} rows, ${fields} fields compared`,
        );
      });

      it('reads the same from a backup written at that version', () => {
        const text = JSON.stringify({
          format: 'yishi-backup',
          formatVersion: 1,
          schemaVersion: version,
          appVersion: 'fixture',
          createdAt: '2026-01-05T08:00:00.000Z',
          tables: fixture.tables,
        });
        const reading = readBackupDocument(text);
        if (!reading.ok) throw new Error(`v${version} backup refused: ${JSON.stringify(reading.problem)}`);
        compareFieldByField(reading.document.tables as unknown as Rows, expected);
      });
    });
  }
});
