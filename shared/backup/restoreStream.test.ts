import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { gzipSync } from 'fflate';
import { buildDemoData } from '../demo/demoCommunity';
import { TABLE_NAMES, type TableName, type TableRows } from '../store/schema';
import { makeBackupDocument, readBackupDocument } from './document';
import { gzipPieces } from './gzip';
import { piecesOf, readBackupPieces, readingAhead } from './restoreStream';

const createdAt = new Date('2026-11-10T01:00:00Z');

function demoText(): string {
  const demo = buildDemoData(createdAt);
  const tables = Object.fromEntries(TABLE_NAMES.map((t) => [t, []])) as unknown as TableRows;
  tables.orgUnits = demo.orgUnits;
  tables.people = demo.people;
  tables.matters = demo.matters;
  return JSON.stringify(makeBackupDocument(tables, '0.1.0', createdAt));
}

async function readAll(bytes: Uint8Array, pieceBytes: number) {
  const written: Array<[TableName, unknown[]]> = [];
  const check = await readBackupPieces(piecesOf(bytes, pieceBytes), {
    write: async (table, rows) => {
      written.push([table, rows]);
    },
  });
  return { check, written };
}

describe('reading a backup piece by piece', () => {
  const text = demoText();
  const bytes = new TextEncoder().encode(text);
  const whole = readBackupDocument(text);
  if (!whole.ok) throw new Error('demo backup refused');

  it('writes the same rows as reading it whole, however the bytes are cut (even inside a character)', async () => {
    for (const pieceBytes of [1, 2, 3, 7, 1000, 65_536, bytes.byteLength]) {
      const { check, written } = await readAll(bytes, pieceBytes);
      expect(check.ok && check.summary.counts).toEqual(whole.document.counts);
      const byTable = Object.fromEntries(
        TABLE_NAMES.map((t) => [t, written.filter(([w]) => w === t).flatMap(([, rows]) => rows)]),
      );
      expect(byTable).toEqual(whole.document.tables);
      // Each call holds one table's rows from one piece: never a whole big table at once.
      if (pieceBytes <= 1000)
        expect(Math.max(...written.map(([, rows]) => rows.length))).toBeLessThanOrEqual(Math.ceil(pieceBytes / 20) + 1);
    }
  });

  it('refuses bytes that are not UTF-8, and a file cut off in the middle', async () => {
    const broken = bytes.slice();
    broken[200] = 0xff;
    expect(await readBackupPieces(piecesOf(broken, 100))).toEqual({ ok: false, problem: { code: 'notJson' } });
    // The last piece ends inside a three-byte character.
    const chinese = text.indexOf('张');
    const cut = new TextEncoder().encode(text.slice(0, chinese)).byteLength + 2;
    expect(await readBackupPieces(piecesOf(bytes.slice(0, cut), 64))).toEqual({
      ok: false,
      problem: { code: 'notJson' },
    });
  });

  it('accepts a file re-saved as UTF-8 with a byte order mark; refuses UTF-16 and GBK', async () => {
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...bytes]);
    const bom = await readBackupPieces(piecesOf(withBom, 2));
    expect(bom.ok && bom.summary.counts).toEqual(whole.document.counts);
    // UTF-16 (as Notepad's "Unicode" saves it), with its byte order mark.
    const utf16 = new Uint8Array(2 + text.length * 2);
    utf16.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++)
      [utf16[2 + 2 * i], utf16[3 + 2 * i]] = [text.charCodeAt(i) & 0xff, text.charCodeAt(i) >> 8];
    expect(await readBackupPieces(piecesOf(utf16, 4096))).toEqual({ ok: false, problem: { code: 'notJson' } });
    // GBK: 张 is 0xD5 0xC5, which is not UTF-8.
    const gbk = new TextEncoder().encode(text.replace('张', '\u0000'));
    const at = gbk.indexOf(0);
    const gbkBytes = new Uint8Array([...gbk.slice(0, at), 0xd5, 0xc5, ...gbk.slice(at + 1)]);
    expect(await readBackupPieces(piecesOf(gbkBytes, 4096))).toEqual({ ok: false, problem: { code: 'notJson' } });
  });

  it('gives the problem a whole reading gives, and writes nothing after the bad row', async () => {
    const doc = JSON.parse(text);
    doc.tables.people[30].phone = '12';
    const bad = JSON.stringify(doc);
    const { check, written } = await readAll(new TextEncoder().encode(bad), 4096);
    const reading = readBackupDocument(bad);
    expect(check).toEqual(reading);
    expect(check.ok ? 0 : check.problem).toMatchObject({ code: 'badRow', table: 'people', row: 31 });
    const peopleWritten = written.filter(([t]) => t === 'people').flatMap(([, rows]) => rows);
    expect(peopleWritten.length).toBeLessThan(31);
  });

  it('reads a gzip-compressed backup as it reads the plain one, however the bytes are cut', async () => {
    const chunks: Uint8Array[] = [];
    const writer = gzipPieces(async (bytes) => void chunks.push(bytes), 1000);
    for (let at = 0; at < text.length; at += 5000) await writer.write(text.slice(at, at + 5000));
    await writer.end();
    const gz = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
    chunks.reduce((at, c) => (gz.set(c, at), at + c.length), 0);
    expect(gz.length).toBeLessThan(bytes.length / 3);
    for (const pieceBytes of [1, 2, 7, 1000, gz.length]) {
      const { check, written } = await readAll(gz, pieceBytes);
      expect(check.ok && check.summary.counts).toEqual(whole.document.counts);
      expect(written.flatMap(([, rows]) => rows).length).toBe(
        Object.values(whole.document.counts).reduce((a, b) => a + b, 0),
      );
    }
  });

  it('refuses a damaged or cut-off gzip file, and agrees with the plain reading on edited text', async () => {
    const gz = gzipSync(bytes);
    expect(await readBackupPieces(piecesOf(gz.slice(0, gz.length - 100), 4096))).toEqual({
      ok: false,
      problem: { code: 'notJson' },
    });
    const flipped = gz.slice();
    flipped[Math.floor(gz.length / 2)]! ^= 0xff;
    // Refused either way: by what the damaged data decodes to, or at the end by gzip's checksum.
    expect((await readBackupPieces(piecesOf(flipped, 4096))).ok).toBe(false);
    // Damage only in the stored checksum: everything inflates, and the checksum refuses it.
    const badCrc = gz.slice();
    badCrc[gz.length - 8]! ^= 0x01;
    expect(await readBackupPieces(piecesOf(badCrc, 4096))).toEqual({ ok: false, problem: { code: 'notJson' } });
    await fc.assert(
      fc.asyncProperty(fc.nat(), fc.string({ minLength: 1, maxLength: 3 }), async (at, insert) => {
        const edited = new TextEncoder().encode(
          text.slice(0, at % text.length) + insert + text.slice(at % text.length),
        );
        const plain = await readBackupPieces(piecesOf(edited, 3000));
        expect(await readBackupPieces(piecesOf(gzipSync(edited), 3000))).toEqual(plain);
      }),
      { numRuns: 60 },
    );
  });

  it('decompresses a small file that expands to tens of megabytes in bounded slices', async () => {
    // 40 MB of spaces before the backup: legal JSON whitespace, 40 KB compressed.
    const padded = new Uint8Array(40 * 1024 * 1024 + bytes.length).fill(0x20);
    padded.set(bytes, 40 * 1024 * 1024);
    const bomb = gzipSync(padded, { level: 9 });
    expect(bomb.length).toBeLessThan(200 * 1024);
    const check = await readBackupPieces(piecesOf(bomb, 4096));
    expect(check.ok && check.summary.counts).toEqual(whole.document.counts);
  });

  it('reports the bytes read after each piece', async () => {
    const seen: number[] = [];
    await readBackupPieces(piecesOf(bytes, 10_000), { progress: (n) => seen.push(n) });
    expect(seen.at(-1)).toBe(bytes.byteLength);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(seen.length).toBe(Math.ceil(bytes.byteLength / 10_000));
  });
});

describe('reading the next piece ahead', () => {
  /** A slow source of `count` pieces that records when each was asked for and how many were being fetched. */
  function slowSource(count: number, failAt?: number) {
    const log: string[] = [];
    let fetching = 0;
    let mostFetching = 0;
    let index = 0;
    const next = async () => {
      const i = index++;
      log.push(`ask ${i}`);
      mostFetching = Math.max(mostFetching, ++fetching);
      await new Promise((resolve) => setTimeout(resolve, 3));
      fetching--;
      if (i === failAt) throw new Error('the stick was pulled out');
      return i < count ? new Uint8Array([i]) : null;
    };
    return { next, log, mostFetching: () => mostFetching };
  }

  it('asks for the next piece while this one is being checked, one ask at a time, in order', async () => {
    const source = slowSource(4);
    const read = readingAhead(source.next);
    const got: number[] = [];
    for (let piece = await read(); piece; piece = await read()) {
      source.log.push(`checking ${piece[0]}`);
      got.push(piece[0]!);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    expect(got).toEqual([0, 1, 2, 3]);
    // Piece 1 is already asked for while piece 0 is checked.
    expect(source.log.slice(0, 3)).toEqual(['ask 0', 'ask 1', 'checking 0']);
    expect(source.mostFetching()).toBe(1);
    // Nothing is asked after the end.
    expect(source.log.filter((l) => l.startsWith('ask'))).toHaveLength(5);
  });

  it('reports a failed read at the ask that wanted the piece', async () => {
    const source = slowSource(4, 2);
    const read = readingAhead(source.next);
    expect((await read())?.[0]).toBe(0);
    expect((await read())?.[0]).toBe(1);
    await expect(read()).rejects.toThrow('the stick was pulled out');
  });
});
