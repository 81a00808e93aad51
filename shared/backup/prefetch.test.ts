import { describe, expect, it } from 'vitest';
import { prefetchingReader } from './prefetch';
import type { ReadPage } from './stream';
import type { TableName } from '../store/schema';

/** Two tables of numbered rows, read by key; every read is logged. */
function pagedTables(sizes: Record<string, number>) {
  const asked: string[] = [];
  const read: ReadPage = async (table, after, limit) => {
    asked.push(`${table}>${String(after)}`);
    const from = after === undefined ? 0 : (after as number) + 1;
    const to = Math.min(sizes[table] ?? 0, from + limit);
    const rows = Array.from({ length: Math.max(0, to - from) }, (_, i) => ({ id: from + i }));
    return { rows, lastKey: rows.at(-1)?.id };
  };
  return { read, asked };
}

async function readWhole(read: ReadPage, table: TableName, limit: number): Promise<number[]> {
  const ids: number[] = [];
  let after: unknown = undefined;
  for (;;) {
    const page = await read(table, after, limit);
    if (page.rows.length === 0) return ids;
    ids.push(...page.rows.map((r) => (r as { id: number }).id));
    after = page.lastKey;
  }
}

describe('prefetchingReader', () => {
  it('gives the same pages as the reader it wraps, each read once, the next asked before it is wanted', async () => {
    const plain = pagedTables({ people: 7, meetings: 3 });
    const ahead = pagedTables({ people: 7, meetings: 3 });
    const read = prefetchingReader(ahead.read);
    expect(await readWhole(read, 'people', 3)).toEqual(await readWhole(plain.read, 'people', 3));
    expect(await readWhole(read, 'meetings', 2)).toEqual(await readWhole(plain.read, 'meetings', 2));
    expect(ahead.asked).toEqual(plain.asked);

    // The page after the first is asked for before the caller asks for it.
    const watched = pagedTables({ people: 7 });
    const early = prefetchingReader(watched.read);
    await early('people', undefined, 3);
    expect(watched.asked).toEqual(['people>undefined', 'people>2']);
  });

  it('reads what is asked when it is not the page read ahead, and reports a failed read-ahead to the caller', async () => {
    const tables = pagedTables({ people: 10 });
    const read = prefetchingReader(async (table, after, limit) => {
      if (after === 7) throw new Error('disk gone');
      return tables.read(table, after, limit);
    });
    await read('people', undefined, 3);
    // Another size than the page read ahead: read afresh.
    const other = await read('people', 2, 5);
    expect(other.rows.map((r) => (r as { id: number }).id)).toEqual([3, 4, 5, 6, 7]);
    // Read ahead after the page above (and failed then): the failure is this call's.
    await expect(read('people', 7, 5)).rejects.toThrow('disk gone');
  });
});
