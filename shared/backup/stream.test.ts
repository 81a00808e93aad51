import { describe, expect, it } from 'vitest';
import { makeBackupDocument, readBackupDocument } from './document';
import {
  BACKUP_PAGE_SIZE,
  FIRST_PAGE_ROWS,
  PAGE_CHARS,
  nextPageRows,
  writeBackupPieces,
  type ReadPage,
} from './stream';
import { generateDistrict, scaledConfig } from '../fixtures/scale/generator';
import { TABLE_NAMES, primaryKeyOf, type TableName, type TableRows } from '../store/schema';

async function smallDistrict(): Promise<TableRows> {
  const config = scaledConfig(0.01, {
    seed: 11,
    years: 1,
    communities: 1,
    compoundsPerCommunity: 2,
    peoplePerCompound: 20,
    meetings: 30,
    longSignedMeetings: 1,
    longMinutesChars: 3_000,
    batchSize: 40,
  });
  const tables = Object.fromEntries(TABLE_NAMES.map((t) => [t, []])) as unknown as Record<TableName, unknown[]>;
  for await (const batch of generateDistrict(config)) tables[batch.table].push(...batch.rows);
  return tables as TableRows;
}

/** Pages over in-memory tables by primary key, as the database would give them. */
function pagesOf(tables: TableRows): ReadPage {
  return async (table, after, limit) => {
    const key = primaryKeyOf(table);
    const sorted = [...(tables[table] as Record<string, unknown>[])].sort((a, b) =>
      String(a[key]).localeCompare(String(b[key])),
    );
    const from = after === undefined ? 0 : sorted.findIndex((r) => String(r[key]) > String(after));
    const rows = from < 0 ? [] : sorted.slice(from, from + limit);
    return { rows, lastKey: rows.at(-1)?.[key] };
  };
}

describe('writing a backup piece by piece', () => {
  it('gives the same document as writing it whole, in bounded pieces, and it restores', async () => {
    const tables = await smallDistrict();
    const createdAt = new Date('2026-11-10T01:00:00Z');
    const pieces: string[] = [];
    let pauses = 0;
    const counts = await writeBackupPieces(pagesOf(tables), {
      appVersion: '0.1.0',
      createdAt,
      pageSize: 7,
      pieceChars: 4_096,
      write: async (p) => void pieces.push(p),
      pause: async () => void pauses++,
    });
    const text = pieces.join('');
    const whole = makeBackupDocument(tables, '0.1.0', createdAt);
    const sortedWhole = {
      ...whole,
      tables: Object.fromEntries(TABLE_NAMES.map((t) => [t, JSON.parse(JSON.stringify(pagesInOrder(tables, t)))])),
    };
    expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(sortedWhole)));
    expect(counts).toEqual(whole.counts);
    expect(pauses).toBeGreaterThan(TABLE_NAMES.length);
    // No piece is much larger than asked (a page of rows may overshoot it once).
    expect(Math.max(...pieces.map((p) => p.length))).toBeLessThan(4_096 + 60_000);
    const reading = readBackupDocument(text);
    expect(reading.ok).toBe(true);
  });

  it('stamps the schema the rows are in when told (a database backed up before its upgrade)', async () => {
    const empty = Object.fromEntries(TABLE_NAMES.map((t) => [t, []])) as unknown as TableRows;
    const pieces: string[] = [];
    await writeBackupPieces(pagesOf(empty), {
      appVersion: '0.1.0',
      createdAt: new Date(),
      schemaVersion: 7,
      write: async (p) => void pieces.push(p),
    });
    expect(JSON.parse(pieces.join('')).schemaVersion).toBe(7);
  });

  it('writes an empty database as a valid backup', async () => {
    const empty = Object.fromEntries(TABLE_NAMES.map((t) => [t, []])) as unknown as TableRows;
    const pieces: string[] = [];
    await writeBackupPieces(pagesOf(empty), {
      appVersion: '0.1.0',
      createdAt: new Date(),
      write: async (p) => void pieces.push(p),
    });
    const reading = readBackupDocument(pieces.join(''));
    expect(reading.ok && Object.values(reading.document.tables).every((rows) => rows.length === 0)).toBe(true);
  });
});

describe('the size of a backup’s pages', () => {
  it('cuts the pages of large rows to fit, and lets them grow back', () => {
    expect(nextPageRows(2500, 10 * PAGE_CHARS, 2500)).toBe(250);
    expect(nextPageRows(4, 50 * PAGE_CHARS, 2500)).toBe(1);
    expect(nextPageRows(100, PAGE_CHARS, 2500)).toBe(100);
    expect(nextPageRows(100, PAGE_CHARS / 10, 2500)).toBe(200);
    expect(nextPageRows(2000, 1000, 2500)).toBe(2500);
  });

  it('reads a table of large rows in small pages, every row once and in order', async () => {
    const tables = Object.fromEntries(TABLE_NAMES.map((t) => [t, []])) as unknown as TableRows;
    // 400 matters of 100,000 characters each: at the full page size one page would be 40 MB of text.
    (tables.matterEvents as unknown[]) = Array.from({ length: 6000 }, (_, i) => ({ id: `e${i}`, note: '说明' }));
    (tables.matters as unknown[]) = Array.from({ length: 400 }, (_, i) => ({
      id: `m${String(i).padStart(4, '0')}`,
      description: `${i}`.padEnd(100_000, '议'),
    }));
    const asked: number[] = [];
    const askedOfSmall: number[] = [];
    const read = pagesOf(tables);
    const pieces: string[] = [];
    await writeBackupPieces(
      async (table, after, limit) => {
        if (table === 'matters') asked.push(limit);
        if (table === 'matterEvents') askedOfSmall.push(limit);
        return read(table, after, limit);
      },
      { appVersion: '0.1.0', createdAt: new Date(), write: async (p) => void pieces.push(p) },
    );
    expect(asked[0]).toBe(FIRST_PAGE_ROWS);
    expect(Math.max(...asked.slice(1))).toBeLessThanOrEqual(2 * Math.ceil(PAGE_CHARS / 100_000));
    // Small rows: pages grow to the full size.
    expect(askedOfSmall[0]).toBe(FIRST_PAGE_ROWS);
    expect(Math.max(...askedOfSmall)).toBe(BACKUP_PAGE_SIZE);
    const events = JSON.parse(pieces.join('')).tables.matterEvents as Array<{ id: string }>;
    expect(events.map((e) => e.id)).toEqual(
      [...(tables.matterEvents as Array<{ id: string }>)].map((e) => e.id).sort(),
    );
    const matters = JSON.parse(pieces.join('')).tables.matters as Array<{ id: string }>;
    expect(matters.map((m) => m.id)).toEqual((tables.matters as Array<{ id: string }>).map((m) => m.id));
  });
});

function pagesInOrder(tables: TableRows, table: TableName): unknown[] {
  const key = primaryKeyOf(table);
  return [...(tables[table] as Record<string, unknown>[])].sort((a, b) => String(a[key]).localeCompare(String(b[key])));
}
