import { describe, expect, it } from 'vitest';
import { tableMerge } from './tableMerge';

interface Row {
  id: string;
  v: number;
}

/** A table as the database holds it; reads see every write applied before them, as in a transaction. */
function liveTable(rows: Row[], pageRows = 3) {
  const stored = new Map(rows.map((r) => [r.id, r]));
  const reads: number[] = [];
  const merge = tableMerge<Row, Row, string>({
    async readAfter(after, limit) {
      reads.push(limit);
      return [...stored.values()]
        .filter((r) => after === undefined || r.id > after)
        .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
        .slice(0, limit);
    },
    keyOf: (r) => r.id,
    currentKey: (r) => r.id,
    compare: (a, b) => (a < b ? -1 : a > b ? 1 : 0),
    same: (a, b) => a.v === b.v,
    pageRows: () => pageRows,
    async readKeysAfter(after, limit) {
      reads.push(limit);
      return [...stored.keys()]
        .filter((id) => after === undefined || id > after)
        .sort()
        .slice(0, limit);
    },
  });
  const written = { add: 0, replace: 0, remove: 0, unchanged: 0 };
  return {
    stored,
    reads,
    written,
    async take(batch: Row[]) {
      const w = await merge.take(batch);
      for (const key of w.remove) expect(stored.delete(key)).toBe(true);
      // bulkAdd refuses a key that is there: an add must never meet one.
      for (const row of w.add) {
        expect(stored.has(row.id)).toBe(false);
        stored.set(row.id, row);
      }
      for (const row of w.replace) stored.set(row.id, row);
      written.add += w.add.length;
      written.replace += w.replace.length;
      written.remove += w.remove.length;
      written.unchanged += w.unchanged;
    },
    async finish() {
      await merge.rest(async (keys) => {
        for (const key of keys) expect(stored.delete(key)).toBe(true);
        written.remove += keys.length;
      });
    },
  };
}

const row = (id: string, v = 0): Row => ({ id, v });
const sorted = (rows: Row[]) => [...rows].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

/** A small deterministic generator, so a failure names its seed. */
function random(seed: number) {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 2 ** 32;
  };
}

describe('tableMerge', () => {
  it('leaves rows that are already the backup’s, and writes only what differs', async () => {
    const table = liveTable([row('a', 1), row('b', 1), row('c', 1), row('d', 1), row('e', 1)]);
    await table.take([row('a', 1), row('b', 2)]);
    await table.take([row('bb', 1), row('d', 1)]);
    await table.finish();
    expect(sorted([...table.stored.values()])).toEqual([row('a', 1), row('b', 2), row('bb', 1), row('d', 1)]);
    expect(table.written).toEqual({ add: 1, replace: 1, remove: 2, unchanged: 2 });
  });

  it('fills an empty table with adds only, reading it once', async () => {
    const table = liveTable([]);
    await table.take([row('a'), row('b')]);
    await table.take([row('c')]);
    await table.finish();
    expect(table.written).toEqual({ add: 3, replace: 0, remove: 0, unchanged: 0 });
    expect(table.reads).toHaveLength(1);
  });

  it('empties a table the backup holds no rows of', async () => {
    const table = liveTable([row('a'), row('b'), row('c'), row('d'), row('e'), row('f'), row('g')]);
    await table.finish();
    expect(table.stored.size).toBe(0);
    expect(table.written.remove).toBe(7);
  });

  it('reads with the page size asked at each read', async () => {
    let size = 1;
    const reads: number[] = [];
    const merge = tableMerge<Row, Row, string>({
      async readAfter(after, limit) {
        reads.push(limit);
        return ['a', 'b', 'c', 'd']
          .filter((id) => after === undefined || id > after)
          .slice(0, limit)
          .map((id) => row(id));
      },
      keyOf: (r) => r.id,
      currentKey: (r) => r.id,
      compare: (a, b) => (a < b ? -1 : a > b ? 1 : 0),
      same: () => true,
      pageRows: () => size++,
      readKeysAfter: () => Promise.reject(new Error('not read')),
    });
    const w = await merge.take([row('a'), row('b'), row('c'), row('d')]);
    expect(w.unchanged).toBe(4);
    expect(reads).toEqual([1, 2, 3]);
  });

  it('writes rows out of key order over whatever is there, and still ends with exactly the backup', async () => {
    const table = liveTable([row('a', 1), row('b', 1), row('c', 1), row('e', 1)]);
    await table.take([row('c', 2), row('a', 2)]);
    await table.take([row('b', 1), row('d', 2)]);
    await table.finish();
    expect(sorted([...table.stored.values()])).toEqual([row('a', 2), row('b', 1), row('c', 2), row('d', 2)]);
  });

  it('always ends with exactly the backup’s rows (random tables, batches, pages and disorder)', async () => {
    for (let seed = 1; seed <= 400; seed++) {
      const next = random(seed);
      const ids = Array.from({ length: 40 }, (_, i) => `k${String(i).padStart(2, '0')}`);
      const current = ids.filter(() => next() < 0.5).map((id) => row(id, Math.floor(next() * 3)));
      let backup = ids.filter(() => next() < 0.5).map((id) => row(id, Math.floor(next() * 3)));
      const disordered = next() < 0.3;
      if (disordered)
        for (let i = 0; i < 3 && backup.length > 1; i++) {
          const a = Math.floor(next() * backup.length);
          const b = Math.floor(next() * backup.length);
          [backup[a], backup[b]] = [backup[b]!, backup[a]!];
        }
      backup = [...backup];
      const table = liveTable(current, 1 + Math.floor(next() * 5));
      for (let i = 0; i < backup.length;) {
        const n = 1 + Math.floor(next() * 6);
        await table.take(backup.slice(i, i + n));
        i += n;
      }
      await table.finish();
      expect(sorted([...table.stored.values()]), `seed ${seed}`).toEqual(sorted(backup));
      if (!disordered) {
        // In order, nothing equal is written again and nothing is written twice.
        const before = new Map(current.map((r) => [r.id, r.v]));
        const equal = backup.filter((r) => before.get(r.id) === r.v).length;
        expect(table.written.unchanged, `seed ${seed}`).toBe(equal);
        expect(table.written.add + table.written.replace + equal, `seed ${seed}`).toBe(backup.length);
      }
    }
  });
});
