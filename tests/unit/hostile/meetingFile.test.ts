/**
 * Hostile meeting files: readMeetingFile on random, truncated, mutated and oversized text never
 * throws; importMeetingRecord commits a record whole or not at all, even when a row cannot be
 * stored half-way through.
 */
import fc from 'fast-check';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { beforeAll, describe, expect, it } from 'vitest';
import { meetingFileText, readMeetingFile, MEETING_FILE_MAX_MB } from '../../../shared/meeting/file';
import { sampleRedBenchRecord, sampleSignedRedBenchRecord } from '../../../shared/fixtures/testRecord';
import type { MeetingRecord } from '../../../shared/meeting/record';
import { createDb, type YishiDb } from '../../../renderer/data/db';
import { snapshotTables } from '../../../renderer/data/backup';
import { importMeetingRecord } from '../../../renderer/data/repos/meetingFileRepo';
import { MEETING_TABLES } from '../../../renderer/data/repos/meetingRepo';
import { editText, hostileJsonValue, mutateJson, mutationAction } from './mutate';
import { renamedRecord } from './records';

const NOW = new Date('2026-11-10T09:00:00.000Z');
const CODES = new Set([
  'tooLarge',
  'notJson',
  'notAMeetingFile',
  'newerFormat',
  'invalid',
  'notCanonical',
  'tampered',
  'malformed',
  'foreignExtras',
  'attachmentDamaged',
]);

let signedText = '';
let unsignedText = '';
beforeAll(async () => {
  signedText = meetingFileText(await sampleSignedRedBenchRecord(), 't', NOW);
  unsignedText = meetingFileText(sampleRedBenchRecord(), 't', NOW);
});

/** Never throws; returns the outcome's name. */
async function readSafely(text: string): Promise<string> {
  const reading = await readMeetingFile(text);
  if (reading.ok) return `ok:${reading.verification}`;
  expect(CODES.has(reading.problem.code)).toBe(true);
  return reading.problem.code;
}

describe('readMeetingFile on hostile text', () => {
  it('random text, truncations, byte edits and structural mutations never throw', async () => {
    const outcomes = new Map<string, number>();
    const tally = (k: string) => outcomes.set(k, (outcomes.get(k) ?? 0) + 1);
    let cases = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string({ maxLength: 500 }),
          fc.string({ unit: 'binary', maxLength: 200 }),
          fc
            .boolean()
            .chain((signed) =>
              fc.nat({ max: signedText.length }).map((n) => (signed ? signedText : unsignedText).slice(0, n)),
            ),
          fc
            .tuple(fc.nat(), fc.string({ minLength: 1, maxLength: 3 }), fc.boolean())
            .map(([at, s, signed]) => editText(signed ? signedText : unsignedText, at, s)),
          fc
            .tuple(fc.array(fc.nat(), { minLength: 1, maxLength: 6 }), hostileJsonValue, mutationAction, fc.boolean())
            .map(([picks, value, action, signed]) =>
              JSON.stringify(mutateJson(JSON.parse(signed ? signedText : unsignedText), picks, value, action)),
            ),
        ),
        async (text) => {
          cases++;
          tally(await readSafely(text));
        },
      ),
      { numRuns: 600 },
    );
    console.log(`hostile readMeetingFile: ${cases} texts → ${JSON.stringify(Object.fromEntries(outcomes))}`);
    expect(cases).toBe(600);
  });

  it('oversized text is refused by size before it is parsed', async () => {
    const big = ' '.repeat(MEETING_FILE_MAX_MB * 1024 * 1024 + 1);
    const started = Date.now();
    expect(await readSafely(big)).toBe('tooLarge');
    // Three-byte characters: fewer than 50 M code units but more than 50 MB of UTF-8.
    expect(await readSafely('张'.repeat(Math.ceil((MEETING_FILE_MAX_MB * 1024 * 1024) / 3) + 10))).toBe('tooLarge');
    expect(Date.now() - started).toBeLessThan(5000);
    // Deeply nested JSON: refused, not a stack overflow.
    expect(CODES.has(await readSafely('['.repeat(100_000) + ']'.repeat(100_000)))).toBe(true);
    console.log(`hostile readMeetingFile oversized: 3 texts refused in ${Date.now() - started} ms`);
  });
});

function freshDb(): YishiDb {
  return createDb(`x${Math.random()}`, { indexedDB: new IDBFactory(), IDBKeyRange });
}

async function snapshot(db: YishiDb): Promise<string> {
  return JSON.stringify(await snapshotTables(db));
}

type Part = Exclude<(typeof MEETING_TABLES)[number], 'meetings'>;
const PARTS: Part[] = [
  'agendaItems',
  'minutes',
  'attendance',
  'decisions',
  'votes',
  'householdConsultations',
  'amendments',
];

/** Breaks one row so IndexedDB refuses it mid-transaction: no key, or a value it cannot clone. */
function breakRow(record: MeetingRecord, part: Part, pick: number, how: number): boolean {
  const rows = record[part] as unknown as Record<string, unknown>[];
  if (rows.length === 0) return false;
  const row = rows[pick % rows.length]!;
  if (how === 0) delete row[part === 'minutes' ? 'agendaItemId' : 'id'];
  else if (how === 1) row.extra = () => 1;
  else row.extra = Symbol('x');
  return true;
}

describe('importMeetingRecord on hostile records', () => {
  it('commits the whole record or nothing: a refused row half-way leaves the database as it was', async () => {
    let cases = 0;
    let committed = 0;
    let rolledBack = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('empty', 'sameMeeting', 'otherData'),
        fc.boolean(),
        fc.option(fc.tuple(fc.constantFrom(...PARTS), fc.nat(), fc.integer({ min: 0, max: 2 })), { freq: 3 }),
        async (before, replace, breakage) => {
          cases++;
          const db = freshDb();
          const existing =
            before === 'otherData' ? renamedRecord(sampleRedBenchRecord(), 'other') : sampleRedBenchRecord();
          if (before !== 'empty') {
            const ok = await importMeetingRecord(db, existing, { replace: false });
            expect(ok.ok).toBe(true);
          }
          const record = sampleRedBenchRecord();
          record.meeting.title = `${record.meeting.title}（新）`;
          const broken = breakage !== null && breakRow(record, ...breakage);
          const was = await snapshot(db);
          let outcome: 'ok' | 'refused' | 'threw';
          try {
            outcome = (await importMeetingRecord(db, record, { replace })).ok ? 'ok' : 'refused';
          } catch {
            outcome = 'threw';
          }
          // A broken row is refused by the checks (a row without its agenda item) or by IndexedDB
          // half-way (no key, a value it cannot store); never stored.
          if (broken) expect(outcome).not.toBe('ok');
          if (broken && before === 'sameMeeting' && !replace) expect(outcome).toBe('refused');
          if (outcome === 'ok') {
            committed++;
            expect((await db.meetings.get(record.meeting.id))?.title).toBe(record.meeting.title);
            for (const part of PARTS) {
              const stored = await db.table(part).where('meetingId').equals(record.meeting.id).count();
              expect(stored).toBe(record[part].length);
            }
          } else {
            rolledBack++;
            expect(await snapshot(db)).toBe(was);
          }
          db.close();
        },
      ),
      { numRuns: 120 },
    );
    console.log(
      `hostile importMeetingRecord: ${cases} imports, ${committed} committed whole, ${rolledBack} refused or rolled back with nothing changed`,
    );
    expect(cases).toBe(120);
  });
});
