/**
 * Large meeting records for the kill tests, and the stored state read back with the raw IndexedDB
 * API (the app's code is not trusted to report on itself).
 */
import { expect, type Page } from '@playwright/test';
import { paragraphsDoc } from '../../shared/fixtures/scale/generator';
import { SAMPLE_SIGNATURE_PNG, sampleRedBenchRecord } from '../../shared/fixtures/testRecord';
import { verifyRecord, type Verification } from '../../shared/meeting/fingerprint';
import { signRecord } from '../../shared/meeting/lifecycle';
import { assembleRecord, RECORD_LISTS, type MeetingRecord } from '../../shared/meeting/record';
import { seededRandom } from '../../shared/random';
import { renamedRecord } from '../unit/hostile/records';

const NOW = new Date('2026-07-16T08:00:00.000Z');
const ITEMS = 120;
const ATTENDEES = 1200;

/** The sample meeting grown to ~9 MB: many items with long minutes, many signed attendees. */
export function bigRecord(tag: string): MeetingRecord {
  const base = renamedRecord(sampleRedBenchRecord(), tag);
  const meetingId = base.meeting.id;
  const sentence = '居民代表就车位施划、垃圾分类设施和消防通道畅通反复商议，物业公司逐条回应并承诺整改。';
  const template = base.agendaItems[0]!;
  const items = Array.from({ length: ITEMS }, (_, i) => ({
    ...template,
    id: `${tag}-big-item-${i}`,
    order: base.agendaItems.length + i,
    title: `议题${i + 1}`,
  }));
  const paragraphs = Array.from({ length: 60 }, (_, i) => `${i + 1}. ${sentence.repeat(12)}`);
  const doc = paragraphsDoc(paragraphs);
  const person = base.attendance[0]!;
  // Random bytes, as a drawn signature is: a backup of them cannot be compressed away.
  const random = seededRandom(tag.length * 7919 + tag.charCodeAt(tag.length - 1));
  const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const signature = () =>
    SAMPLE_SIGNATURE_PNG + Array.from({ length: 3000 }, () => BASE64[Math.floor(random() * 64)]).join('');
  return {
    ...base,
    agendaItems: [...base.agendaItems, ...items],
    minutes: [
      ...base.minutes,
      ...items.map((item) => ({
        agendaItemId: item.id,
        meetingId,
        schemaVersion: 1 as const,
        doc,
        text: paragraphs.join('\n'),
        updatedAt: base.meeting.startAt,
      })),
    ],
    attendance: [
      ...base.attendance,
      ...Array.from({ length: ATTENDEES }, (_, i) => ({
        ...person,
        id: `${tag}-big-attendee-${i}`,
        personId: undefined,
        name: `居民${i + 1}`,
        order: base.attendance.length + i,
        state: 'present' as const,
        signature: { kind: 'screen' as const, imageDataUrl: signature(), signedAt: base.meeting.startAt },
      })),
    ],
  };
}

export async function signedBigRecord(tag: string): Promise<MeetingRecord> {
  const signed = await signRecord(bigRecord(tag), NOW);
  if (!signed.ok) throw new Error('the big record could not be signed');
  return signed.record;
}

/** One meeting's rows as stored, read with the raw IndexedDB API (the app's code is not trusted). */
export async function storedRows(page: Page, meetingId: string): Promise<Record<string, unknown[]>> {
  return page.evaluate(
    async ({ meetingId, lists }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('yishi');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const read = (request: IDBRequest) =>
        new Promise<unknown>((resolve, reject) => {
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
      const meeting = await read(db.transaction('meetings').objectStore('meetings').get(meetingId));
      const result: Record<string, unknown[]> = { meetings: meeting ? [meeting] : [] };
      for (const list of lists)
        result[list] = (await read(
          db.transaction(list).objectStore(list).index('meetingId').getAll(meetingId),
        )) as unknown[];
      db.close();
      return result;
    },
    { meetingId, lists: [...RECORD_LISTS] },
  );
}

/** The stored record of a meeting and how it verifies, or null when nothing of it is stored. */
export async function storedRecord(
  page: Page,
  meetingId: string,
): Promise<{ record: MeetingRecord; verification: Verification; counts: number[] } | null> {
  const rows = await storedRows(page, meetingId);
  const counts = RECORD_LISTS.map((l) => rows[l]!.length);
  const meeting = rows.meetings![0] as MeetingRecord['meeting'] | undefined;
  if (!meeting) {
    expect(counts, `rows of ${meetingId} stored without their meeting`).toEqual(RECORD_LISTS.map(() => 0));
    return null;
  }
  const record = assembleRecord(meeting, rows as unknown as MeetingRecord, { orgPath: [], documentOrgName: '' });
  return { record, verification: await verifyRecord(record), counts };
}

export const countsOf = (record: MeetingRecord) => RECORD_LISTS.map((l) => record[l].length);

export interface StoredBackup {
  id: string;
  reason: string;
  sizeBytes: number;
  bytes: Buffer;
  pieces: number;
}

/**
 * The browser's backups as stored (entries and, with `withBytes`, their pieces joined), read with
 * the raw API. The bytes cross as base64: as a JSON array of numbers, a few MB of backup were tens
 * of MB of text each way, seconds per read.
 */
export async function storedBackups(page: Page, withBytes = true): Promise<StoredBackup[]> {
  const json = await page.evaluate(async (withBytes) => {
    // Not opened before the app made it: opening would create it empty, under the app's feet.
    if (!(await indexedDB.databases()).some((d) => d.name === 'yishi-backups')) return '[]';
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('yishi-backups');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    if (!db.objectStoreNames.contains('backups') || !db.objectStoreNames.contains('pieces')) {
      db.close();
      return '[]';
    }
    const all = (store: string) =>
      new Promise<unknown[]>((resolve, reject) => {
        const request = db.transaction(store).objectStore(store).getAll();
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    const entries = (await all('backups')) as Array<{ id: string; reason: string; sizeBytes: number }>;
    const pieces = withBytes
      ? ((await all('pieces')) as Array<{ backupId: string; index: number; bytes?: Uint8Array }>)
      : [];
    db.close();
    const base64 = (chunks: Uint8Array[]) => {
      let binary = '';
      for (const chunk of chunks)
        for (let at = 0; at < chunk.length; at += 0x8000)
          binary += String.fromCharCode(...chunk.subarray(at, at + 0x8000));
      return btoa(binary);
    };
    return JSON.stringify(
      entries.map((e) => {
        const own = pieces.filter((p) => p.backupId === e.id).sort((a, b) => a.index - b.index);
        return { ...e, base64: base64(own.map((p) => p.bytes ?? new Uint8Array())), pieces: own.length };
      }),
    );
  }, withBytes);
  return (JSON.parse(json) as Array<Omit<StoredBackup, 'bytes'> & { base64: string }>).map(({ base64, ...e }) => ({
    ...e,
    bytes: Buffer.from(base64, 'base64'),
  }));
}
