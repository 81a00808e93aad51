import type { z } from 'zod';
import { amendmentSchema, type Amendment } from '../domain/meeting';
import { canonicalJson, compareCodePoints, fingerprintRecord, verifyRecord } from './fingerprint';
import { meetingRecordSchema, RECORD_LISTS, ROW_KEY, type MeetingRecord, type RecordList } from './record';
import { reviewRecord, type ReviewProblem } from './review';

/**
 * 修订: the only way to change a signed record. The change is applied to a copy, described as a
 * list of paths with the values before and after, appended as an amendment, and the record is
 * re-sealed. How the seal covers amendments is described in fingerprint.ts; in short, the new
 * fingerprint is the hash of the amended record with the new amendment in it, every
 * amendment's own `fingerprintAfter` left out, and that hash is then written both to
 * `meeting.fingerprint` and to the new amendment's `fingerprintAfter`.
 */

export interface RecordChange {
  path: string;
  before: unknown;
  after: unknown;
}

/** The record's lists an amendment compares row by row (its own amendments are appended, never diffed). */
type KeyedList = Exclude<RecordList, 'amendments'>;
const KEYED_LISTS = RECORD_LISTS.filter((list): list is KeyedList => list !== 'amendments');

/** Seal bookkeeping and follow-up state: outside the seal, so never part of an amendment. */
const MEETING_IGNORED: ReadonlySet<string> = new Set([
  'fingerprint',
  'updatedAt',
  'orgPathAtFinalise',
  'documentOrgNameAtFinalise',
]);
const ROW_IGNORED: Partial<Record<KeyedList, ReadonlySet<string>>> = { decisions: new Set(['status']) };

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === undefined || b === undefined) return a === b;
  return canonicalJson(a) === canonicalJson(b);
}

function copy<T>(value: T): T {
  return value === undefined ? value : structuredClone(value);
}

/** Objects are followed key by key; anything else (strings, numbers, plain arrays) is one leaf. */
function diffValue(
  path: string,
  before: unknown,
  after: unknown,
  out: RecordChange[],
  ignore?: ReadonlySet<string>,
): void {
  if (sameValue(before, after)) return;
  if (!isPlainObject(before) || !isPlainObject(after)) {
    out.push({ path, before: copy(before), after: copy(after) });
    return;
  }
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort(compareCodePoints);
  for (const key of keys) {
    if (ignore?.has(key)) continue;
    diffValue(`${path}.${key}`, before[key], after[key], out);
  }
}

/** Rows are matched by id, not by position, so a reordered list reads as its real changes. */
function diffList(name: KeyedList, before: readonly object[], after: readonly object[], out: RecordChange[]): void {
  const field = ROW_KEY[name];
  const keyOf = (row: object) => String((row as Record<string, unknown>)[field]);
  const beforeById = new Map(before.map((row) => [keyOf(row), row]));
  const afterIds = new Set(after.map(keyOf));
  const ignore = ROW_IGNORED[name];
  for (const row of after) {
    const old = beforeById.get(keyOf(row));
    // A changed row is compared field by field; an added one is a single change.
    if (old) diffValue(`${name}[${keyOf(row)}]`, old, row, out, ignore);
    else out.push({ path: `${name}[${keyOf(row)}]`, before: undefined, after: copy(row) });
  }
  for (const row of before)
    if (!afterIds.has(keyOf(row))) out.push({ path: `${name}[${keyOf(row)}]`, before: copy(row), after: undefined });
}

/**
 * What differs between two versions of a record, as readable paths: `meeting.place`,
 * `decisions[<id>].deadline`, `agendaItems[<id>].resolution`; a row added or removed is one
 * change with `before` or `after` undefined. What the seal leaves out (the fingerprint,
 * updatedAt, decisions' follow-up status) and the amendments themselves are not compared.
 */
export function diffRecords(before: MeetingRecord, after: MeetingRecord): RecordChange[] {
  const out: RecordChange[] = [];
  diffValue('meeting', before.meeting, after.meeting, out, MEETING_IGNORED);
  diffValue('orgPath', before.orgPath, after.orgPath, out);
  diffValue('documentOrgName', before.documentOrgName, after.documentOrgName, out);
  for (const name of KEYED_LISTS) diffList(name, before[name], after[name], out);
  return out;
}

export type AmendProblem =
  | { code: 'notSigned' }
  | { code: 'notConsistent' }
  | { code: 'byMissing' }
  | { code: 'reasonMissing' }
  | { code: 'noChanges' }
  | { code: 'lockedField'; path: string }
  | { code: 'tooManyChanges'; count: number; max: number }
  | { code: 'invalid'; path: Array<string | number>; message: string }
  /** The amended record breaks a rule its first entry had to pass (e.g. a deadline before the meeting). */
  | { code: 'entryRules'; problems: ReviewProblem[] };

export type AmendResult =
  { ok: true; record: MeetingRecord; amendment: Amendment } | { ok: false; problem: AmendProblem };

export interface AmendRequest {
  /** Who amends (name as printed), and why: both are printed with the amendment. */
  by: string;
  reason: string;
  /** Changes the draft in place, or returns the changed record. The draft is a copy. */
  apply: (draft: MeetingRecord) => void | MeetingRecord;
}

export const MAX_CHANGES_PER_AMENDMENT = 200;

/** Fields that tell what the record is and when it was sealed: an amendment cannot move them. */
const LOCKED_MEETING_FIELDS = ['id', 'status', 'signedAt', 'fingerprint'] as const;

function lockedChange(before: MeetingRecord, after: MeetingRecord): string | null {
  for (const field of LOCKED_MEETING_FIELDS)
    if (before.meeting[field] !== after.meeting[field]) return `meeting.${field}`;
  if (!sameValue(before.amendments, after.amendments)) return 'amendments';
  for (const name of KEYED_LISTS) {
    const row = after[name].find((r) => r.meetingId !== after.meeting.id);
    if (row) return `${name}[${'id' in row ? row.id : row.agendaItemId}].meetingId`;
  }
  return null;
}

/** Placeholder until the hash is known; the hash leaves `fingerprintAfter` out anyway. */
const PENDING_FINGERPRINT = '0'.repeat(64);

function invalidProblem(error: z.ZodError, prefix: Array<string | number>): AmendProblem {
  const issue = error.issues[0];
  const path = (issue?.path ?? []).map((p) => (typeof p === 'number' ? p : String(p)));
  return { code: 'invalid', path: [...prefix, ...path], message: issue?.message ?? '' };
}

function checkRequest(record: MeetingRecord, request: AmendRequest): AmendProblem | null {
  if (record.meeting.status !== 'signed') return { code: 'notSigned' };
  if (!request.by.trim()) return { code: 'byMissing' };
  if (!request.reason.trim()) return { code: 'reasonMissing' };
  return null;
}

function checkChanges(record: MeetingRecord, next: MeetingRecord, changes: RecordChange[]): AmendProblem | null {
  const locked = lockedChange(record, next);
  if (locked) return { code: 'lockedField', path: locked };
  if (changes.length === 0) return { code: 'noChanges' };
  if (changes.length > MAX_CHANGES_PER_AMENDMENT)
    return { code: 'tooManyChanges', count: changes.length, max: MAX_CHANGES_PER_AMENDMENT };
  return null;
}

/** One rule broken by one row: what an amendment is compared on. */
function brokenRules(problem: ReviewProblem): string[] {
  switch (problem.code) {
    case 'attendanceNotMarked':
      return problem.attendanceIds.map((id) => `${problem.code}:${id}`);
    case 'minutesMissing':
      return [`${problem.code}:${problem.itemId}`];
    case 'decisionIncomplete':
      return problem.problems.map((p) => `${problem.code}:${problem.decisionId}:${p}`);
    case 'voteInvalid':
      return [`${problem.code}:${problem.voteId}:${problem.problem}`];
    case 'itemMissing':
      return [`${problem.code}:${problem.part}:${problem.id}`];
    default:
      return [problem.code];
  }
}

/**
 * The entry rules an amendment breaks: those of reviewRecord (the check 定稿 passed, which asks
 * decisionProblems and voteResult — the rules the forms apply), found in the amended record
 * and not already in the signed one. A rule broken before (a record signed under older rules)
 * does not block an unrelated amendment; one an amendment fixes is welcome.
 */
export function entryRuleProblems(before: MeetingRecord, after: MeetingRecord): ReviewProblem[] {
  const known = new Set(reviewRecord(before).flatMap(brokenRules));
  return reviewRecord(after).flatMap((problem): ReviewProblem[] => {
    if (problem.code === 'decisionIncomplete') {
      const fresh = problem.problems.filter((p) => !known.has(`${problem.code}:${problem.decisionId}:${p}`));
      return fresh.length > 0 ? [{ ...problem, problems: fresh }] : [];
    }
    return brokenRules(problem).some((rule) => !known.has(rule)) ? [problem] : [];
  });
}

/**
 * Amends a signed, consistent record. A record that does not verify is refused: re-sealing it
 * would pass off an edit made outside the app as genuine. The amended record must pass the
 * schema and the same rules as the first entry (entryRuleProblems). The result verifies as
 * consistent.
 */
export async function amendRecord(
  record: MeetingRecord,
  request: AmendRequest,
  now: Date,
  newId: () => string,
): Promise<AmendResult> {
  const refused = checkRequest(record, request);
  if (refused) return { ok: false, problem: refused };
  if ((await verifyRecord(record)).state !== 'consistent') return { ok: false, problem: { code: 'notConsistent' } };

  const draft = structuredClone(record);
  const next = request.apply(draft) ?? draft;
  // Validate before diffing: the diff cannot compare values JSON cannot hold (NaN, Dates).
  const nextValid = meetingRecordSchema.safeParse(next);
  if (!nextValid.success) return { ok: false, problem: invalidProblem(nextValid.error, []) };
  const changes = diffRecords(record, next);
  const problem = checkChanges(record, next, changes);
  if (problem) return { ok: false, problem };
  const broken = entryRuleProblems(record, next);
  if (broken.length > 0) return { ok: false, problem: { code: 'entryRules', problems: broken } };

  const at = now.toISOString();
  const pending: Amendment = {
    id: newId(),
    meetingId: record.meeting.id,
    at,
    by: request.by.trim(),
    reason: request.reason.trim(),
    changes,
    fingerprintBefore: record.meeting.fingerprint ?? '',
    fingerprintAfter: PENDING_FINGERPRINT,
  };
  const amendmentValid = amendmentSchema.safeParse(pending);
  if (!amendmentValid.success)
    return { ok: false, problem: invalidProblem(amendmentValid.error, ['amendments', record.amendments.length]) };
  const unsealed: MeetingRecord = {
    ...next,
    meeting: { ...next.meeting, updatedAt: at },
    amendments: [...record.amendments, pending],
  };

  const fingerprint = await fingerprintRecord(unsealed);
  const amendment: Amendment = { ...pending, fingerprintAfter: fingerprint };
  const sealed: MeetingRecord = {
    ...unsealed,
    meeting: { ...unsealed.meeting, fingerprint },
    amendments: [...record.amendments, amendment],
  };
  return { ok: true, record: sealed, amendment };
}
