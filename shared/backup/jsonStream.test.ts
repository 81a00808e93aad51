import { describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { BackupJsonError, BackupJsonReader, type BackupJsonEvent } from './jsonStream';

/** Feeds the text in the given pieces and rebuilds the object from the events. */
function readInPieces(text: string, cuts: number[], maxValueChars?: number): unknown {
  const reader = new BackupJsonReader(maxValueChars);
  const events: BackupJsonEvent[] = [];
  let from = 0;
  for (const cut of [...new Set(cuts)].sort((a, b) => a - b)) {
    events.push(...reader.push(text.slice(from, cut)));
    from = cut;
  }
  events.push(...reader.push(text.slice(from)), ...reader.end());
  const result: Record<string, unknown> = {};
  let tables: Record<string, unknown[]> | null = null;
  for (const event of events) {
    if (event.kind === 'field') result[event.name] = event.value;
    else if (event.kind === 'tables') tables = result.tables = {};
    else if (event.kind === 'table') tables![event.name] = [];
    else tables![event.table]!.push(event.value);
  }
  return result;
}

/** Read in pieces cut at `cuts` (taken modulo the text's length), it gives what JSON.parse gives. */
function expectReadAsJsonParses(text: string, cuts: number[]): void {
  expect(
    readInPieces(
      text,
      cuts.map((c) => c % (text.length + 1)),
    ),
  ).toEqual(JSON.parse(text));
}

function faultOf(run: () => unknown): string {
  try {
    run();
    return 'ok';
  } catch (error) {
    if (error instanceof BackupJsonError) return error.fault;
    throw error;
  }
}

const key = fc.string({ maxLength: 8 });
const backupShaped = fc.record({
  head: fc.dictionary(
    key.filter((k) => k !== 'tables'),
    fc.jsonValue({ maxDepth: 3 }),
    { maxKeys: 5 },
  ),
  tables: fc.dictionary(key, fc.array(fc.jsonValue({ maxDepth: 4 }), { maxLength: 6 }), { maxKeys: 4 }),
  tail: fc.dictionary(
    key.filter((k) => k !== 'tables'),
    fc.jsonValue({ maxDepth: 2 }),
    { maxKeys: 2 },
  ),
});

function textOf(
  doc: { head: Record<string, unknown>; tables: Record<string, unknown[]>; tail: Record<string, unknown> },
  indent: number,
): string {
  // Tail keys that repeat head keys would make a duplicate key; keep them apart.
  const tail = Object.fromEntries(Object.entries(doc.tail).filter(([k]) => !(k in doc.head)));
  return JSON.stringify({ ...doc.head, tables: doc.tables, ...tail }, null, indent);
}

describe('reading a backup in pieces', () => {
  it('gives exactly what JSON.parse gives, wherever the pieces are cut (500 cases)', () => {
    fc.assert(
      fc.property(backupShaped, fc.array(fc.nat(), { maxLength: 12 }), fc.constantFrom(0, 1, 2), (doc, cuts, indent) =>
        expectReadAsJsonParses(textOf(doc, indent), cuts),
      ),
      { numRuns: 500 },
    );
  });

  it('accepts an edited text only when JSON.parse does, and then reads the same (2,000 cases)', () => {
    const edit = fc.record({
      at: fc.nat(),
      kind: fc.constantFrom('delete', 'insert', 'truncate'),
      char: fc.constantFrom('{', '}', '[', ']', '"', ',', ':', '\\', ' ', '1', 'e', '-', 'n', '\u4e2d'),
    });
    let accepted = 0;
    fc.assert(
      fc.property(backupShaped, edit, fc.array(fc.nat(), { maxLength: 6 }), (doc, e, cuts) => {
        const valid = textOf(doc, 0);
        const at = e.at % (valid.length + 1);
        const text =
          e.kind === 'delete'
            ? valid.slice(0, at) + valid.slice(at + 1)
            : e.kind === 'insert'
              ? valid.slice(0, at) + e.char + valid.slice(at)
              : valid.slice(0, at);
        let ours: unknown;
        try {
          ours = readInPieces(
            text,
            cuts.map((c) => c % (text.length + 1)),
          );
        } catch (error) {
          expect(error).toBeInstanceOf(BackupJsonError);
          return;
        }
        accepted++;
        expect(ours).toEqual(JSON.parse(text));
      }),
      { numRuns: 2000 },
    );
    console.log(
      `backup JSON reader: 2000 edited texts, ${accepted} accepted (each equal to JSON.parse), the rest refused`,
    );
  });

  it('refuses what is JSON but not a backup’s shape', () => {
    expect(faultOf(() => readInPieces('[1,2]', []))).toBe('notJson');
    expect(faultOf(() => readInPieces('{"tables":[]}', []))).toBe('notABackup');
    expect(faultOf(() => readInPieces('{"tables":{"people":{}}}', []))).toBe('notABackup');
    expect(faultOf(() => readInPieces('{"a":1,"a":2,"tables":{}}', []))).toBe('notABackup');
    expect(faultOf(() => readInPieces('{"tables":{"people":[],"people":[]}}', []))).toBe('notABackup');
    expect(faultOf(() => readInPieces('{"tables":{}} x', []))).toBe('notJson');
    expect(faultOf(() => readInPieces('{"tables":{"people":[1,]}}', []))).toBe('notJson');
    expect(faultOf(() => readInPieces('{"tables":{}}', []))).toBe('ok');
  });

  it('refuses a value larger than the limit without waiting for its end', () => {
    const reader = new BackupJsonReader(1000);
    reader.push('{"tables":{"meetings":[{"photo":"');
    expect(faultOf(() => reader.push('x'.repeat(2000)))).toBe('valueTooLarge');
    expect(faultOf(() => readInPieces(`{"tables":{"meetings":["${'x'.repeat(900)}"]}}`, [100, 500], 1000))).toBe('ok');
  });

  it('keeps numbers whole when a piece ends inside one', () => {
    expect(readInPieces('{"n":12345,"tables":{"t":[678,9]}}', [7, 9, 25, 26])).toEqual({
      n: 12345,
      tables: { t: [678, 9] },
    });
  });

  // Rows as backups write them: objects without spaces, all beginning with the same key, so the
  // reader parses many at a time; their strings and nested objects imitate that beginning.
  const lookalike = fc.constantFrom('},{"id":', '},{"id":"x"}', '"},{"id":', '\\', '},', '{"id":1}', '中文');
  const rowLike: fc.Arbitrary<Record<string, unknown>> = fc.record({
    id: fc.oneof(
      fc.string({ maxLength: 6 }),
      fc.array(lookalike, { maxLength: 3 }).map((parts) => parts.join('')),
    ),
    note: fc.array(lookalike, { maxLength: 4 }).map((parts) => parts.join('')),
    nested: fc.array(fc.record({ id: fc.string({ maxLength: 3 }), inner: fc.jsonValue({ maxDepth: 2 }) }), {
      maxLength: 3,
    }),
  });

  it('reads many rows at a time exactly as it reads them one by one (500 cases)', () => {
    fc.assert(
      fc.property(
        fc.dictionary(key, fc.array(rowLike, { maxLength: 40 }), { maxKeys: 3 }),
        fc.array(fc.nat(), { maxLength: 12 }),
        (tables, cuts) => expectReadAsJsonParses(JSON.stringify({ format: 'x', tables }), cuts),
      ),
      { numRuns: 500 },
    );
  });

  it('parses a table of small rows in a few calls, not one a row', () => {
    const rows = Array.from({ length: 2000 }, (_, i) => ({ id: `r${i}`, note: i % 7 ? '说明' : '},{"id":"假的"}' }));
    const text = JSON.stringify({ format: 'x', tables: { matterEvents: rows } });
    const parse = vi.spyOn(JSON, 'parse');
    try {
      const cuts = Array.from({ length: 8 }, (_, i) => Math.floor(((i + 1) * text.length) / 9));
      expect(readInPieces(text, cuts)).toEqual({ format: 'x', tables: { matterEvents: rows } });
      expect(parse.mock.calls.length).toBeLessThan(40);
    } finally {
      parse.mockRestore();
    }
  });

  it('still refuses a damaged row among rows read many at a time', () => {
    const rows = Array.from({ length: 50 }, (_, i) => JSON.stringify({ id: `r${i}`, n: i }));
    rows[30] = '{"id":"r30","n":}';
    const text = `{"tables":{"t":[${rows.join(',')}]}}`;
    expect(faultOf(() => readInPieces(text, []))).toBe('notJson');
    expect(faultOf(() => readInPieces(text, [200, 400, 600]))).toBe('notJson');
  });
});
