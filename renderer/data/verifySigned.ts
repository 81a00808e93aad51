import type { Meeting } from '../../shared/domain/meeting';
import { orgPath } from '../../shared/domain/org';
import { assembleRecord, RECORD_LISTS, type RecordRows } from '../../shared/meeting/record';
import type { YishiDb } from './db';
import { loadSettings } from './settingsStore';
import type { RecordSignature } from '../../shared/signing/sign';
import { signatureVerdict } from '../../shared/signing/verdict';
import { knownKeys } from './repos/signingRepo';

/**
 * Verifies every signed meeting in the database, e.g. after a restore: a backup holds rows, and a
 * row restored differently from how it was signed (trimmed, a key left out), or changed and
 * re-sealed so that its signature no longer covers it, shows up here instead of at the next 核验. Ten years are ~21,000 signed meetings: they are read twenty at a time,
 * each group in one short transaction, and the caller's `pause` lets the window paint after each
 * group and whenever 12 ms of hashing are spent (measured in Chromium at a fifth of ten years:
 * ~5 ms a meeting on a busy machine, the window never still for long).
 */

/** A signed meeting that did not verify, named as people know it. */
export interface UnverifiedMeeting {
  id: string;
  title: string;
  issueYear: number;
  issueNo: number;
  startAt: string;
}

export interface SignedCheck {
  checked: number;
  failed: UnverifiedMeeting[];
}

export interface VerifyOptions {
  /** After each group: how many are verified, of how many. */
  progress?: (done: number, total: number) => void;
  /** Between groups, e.g. a new task so the window paints. */
  pause?: () => Promise<void>;
  /** Meetings read per group. */
  groupSize?: number;
}

const GROUP_SIZE = 20;
/** Work between two pauses (hashing a record is a few milliseconds on a slow laptop). */
const BUDGET_MS = 12;

/** The organisation as it is now, for the few signed meetings kept without their chain at 定稿. */
async function currentOrganisation(db: YishiDb) {
  const [units, settings] = await Promise.all([db.orgUnits.toArray(), loadSettings(db)]);
  return (unitId: string) => ({
    orgPath: orgPath(units, unitId).map((u) => u.name),
    documentOrgName: settings.documentOrgName,
  });
}

/**
 * The rows of a group of meetings, in one read transaction, grouped by meeting. `ids` are sorted:
 * each table is read once over the range from the first to the last (the few rows of other
 * meetings in between are left out), where a read per meeting and table, or anyOf's cursor
 * walking from key to key, took many times longer.
 */
async function readGroup(
  db: YishiDb,
  ids: string[],
): Promise<Array<{ meeting: Meeting; rows: RecordRows; signatures: RecordSignature[] }>> {
  const first = ids[0]!;
  const last = ids[ids.length - 1]!;
  return db.transaction('r', ['meetings', 'recordSignatures', ...RECORD_LISTS], async () => {
    const [meetings, signatureRows, ...lists] = await Promise.all([
      db.meetings.bulkGet(ids),
      db.recordSignatures.where('meetingId').between(first, last, true, true).toArray(),
      ...RECORD_LISTS.map((list) => db.table(list).where('meetingId').between(first, last, true, true).toArray()),
    ]);
    const byMeeting = new Map<string, RecordRows>();
    for (const id of ids)
      byMeeting.set(id, Object.fromEntries(RECORD_LISTS.map((l) => [l, []])) as unknown as RecordRows);
    RECORD_LISTS.forEach((list, i) => {
      for (const row of lists[i] as Array<{ meetingId: string }>)
        (byMeeting.get(row.meetingId)?.[list] as unknown[] | undefined)?.push(row);
    });
    const signatures = (id: string) => signatureRows.filter((row) => row.meetingId === id);
    return meetings.flatMap((meeting) =>
      meeting ? [{ meeting, rows: byMeeting.get(meeting.id)!, signatures: signatures(meeting.id) }] : [],
    );
  });
}

export async function verifySignedMeetings(db: YishiDb, options: VerifyOptions = {}): Promise<SignedCheck> {
  // Sorted, so that a group's rows lie in one range of the meetingId index (see readGroup).
  const ids = ((await db.meetings.where('status').equals('signed').primaryKeys()) as string[]).sort();
  const failed: UnverifiedMeeting[] = [];
  let organisation: Awaited<ReturnType<typeof currentOrganisation>> | null = null;
  const keys = await knownKeys(db);
  const size = options.groupSize ?? GROUP_SIZE;
  options.progress?.(0, ids.length);
  let since = performance.now();
  for (let at = 0; at < ids.length; at += size) {
    const group = await readGroup(db, ids.slice(at, at + size));
    for (const { meeting, rows, signatures } of group) {
      if (options.pause && performance.now() - since > BUDGET_MS) {
        await options.pause();
        since = performance.now();
      }
      if (!meeting.orgPathAtFinalise || meeting.documentOrgNameAtFinalise === undefined)
        organisation ??= await currentOrganisation(db);
      const record = assembleRecord(
        meeting,
        rows,
        organisation?.(meeting.orgUnitId) ?? { orgPath: [], documentOrgName: '' },
      );
      // A record whose content or signature does not hold counts as not verified; one sealed
      // without a signature (older format) still counts as verified by its fingerprint.
      const verdict = await signatureVerdict(record, signatures, keys).catch(() => ({ state: 'mismatch' as const }));
      if (verdict.state === 'mismatch') {
        const { id, title, issueYear, issueNo, startAt } = meeting;
        failed.push({ id, title, issueYear, issueNo, startAt });
      }
    }
    options.progress?.(Math.min(ids.length, at + size), ids.length);
    if (options.pause) await options.pause();
    since = performance.now();
  }
  return { checked: ids.length, failed };
}
