import type { Meeting, MeetingStatus } from '../domain/meeting';
import { sealRecord } from './fingerprint';
import type { MeetingRecord } from './record';

/**
 * The life of a meeting: draft → live → closed → finalised (定稿) → signed.
 * Two steps back exist because people notice mistakes late: a closed meeting can be reopened,
 * and a finalised one un-finalised, as long as nobody has signed. Once signed the record is
 * locked and every later change is an amendment (see amend.ts).
 */
const NEXT: Readonly<Record<MeetingStatus, readonly MeetingStatus[]>> = {
  draft: ['live'],
  live: ['closed'],
  closed: ['live', 'finalised'],
  finalised: ['closed', 'signed'],
  signed: [],
};

export function canTransition(from: MeetingStatus, to: MeetingStatus): boolean {
  return NEXT[from].includes(to);
}

/** The statuses a meeting can move to from here, in the order the UI offers them. */
export function nextStatuses(from: MeetingStatus): readonly MeetingStatus[] {
  return NEXT[from];
}

export type TransitionError =
  | { code: 'locked' }
  | { code: 'sameStatus'; status: MeetingStatus }
  | { code: 'notAllowed'; from: MeetingStatus; to: MeetingStatus };

export type TransitionResult = { ok: true; meeting: Meeting } | { ok: false; error: TransitionError };

/**
 * Sets the moment of the step. Going back clears the later moment (a reopened meeting is not
 * closed any more) but keeps the earlier ones: the meeting still started when it first started.
 */
function stamp(meeting: Meeting, to: MeetingStatus, at: string): Meeting {
  const from = meeting.status;
  if (to === 'live' && from === 'draft') return { ...meeting, startedAt: at };
  if (to === 'live') return withoutKey({ ...meeting }, 'closedAt');
  if (to === 'closed' && from === 'live') return { ...meeting, closedAt: at };
  if (to === 'closed') return withoutKey({ ...meeting }, 'finalisedAt');
  if (to === 'finalised') return { ...meeting, finalisedAt: at };
  return { ...meeting, signedAt: at };
}

function withoutKey(meeting: Meeting, key: 'closedAt' | 'finalisedAt'): Meeting {
  delete meeting[key];
  return meeting;
}

/**
 * Moves a meeting to another status, returning a new meeting (the input is not changed).
 * Moving to 'signed' here only stamps the meeting; to sign a whole record use `signRecord`,
 * which also seals it. Review the record (review.ts) before finalising.
 */
export function transition(meeting: Meeting, to: MeetingStatus, now: Date): TransitionResult {
  const from = meeting.status;
  if (from === 'signed') return { ok: false, error: { code: 'locked' } };
  if (from === to) return { ok: false, error: { code: 'sameStatus', status: to } };
  if (!canTransition(from, to)) return { ok: false, error: { code: 'notAllowed', from, to } };
  const at = now.toISOString();
  return { ok: true, meeting: { ...stamp(meeting, to, at), status: to, updatedAt: at } };
}

/** Signed ⇒ locked: nothing may be edited in place, any change must be an amendment. */
export function isLocked(meeting: Pick<Meeting, 'status'>): boolean {
  return meeting.status === 'signed';
}

/** What the screens may change; each maps to part of the record. */
export const EDITABLE_PARTS = [
  'details', // title, time, place, issue number
  'chairAndRecorder', // 主持人 and 记录人
  'agenda', // adding, removing, reordering and wording the items
  'invitations', // who is on the attendance list and in which 6+N category
  'attendance', // sign-in states, arrivals, walk-ins
  'signatures', // on-screen signatures and the photo of the paper 签到表
  'minutes',
  'itemOutcomes', // an item's state, 决议 (resolution) and timing
  'decisions',
  'votes', // votes and household consultations
] as const;
export type EditablePart = (typeof EDITABLE_PARTS)[number];

/**
 * Draft: what is prepared beforehand. Live/closed: what is recorded during and after the
 * meeting; the agenda and the invitation list are fixed by then (a late matter goes under
 * 其他事项, a walk-in is an attendance entry), and who chairs or records may still be corrected.
 * Finalised (定稿): the content is frozen so that people sign what they read; only signatures
 * are collected (on screen or the paper sheet's photo), or the record goes back to closed.
 * Signed: nothing; changes are amendments.
 */
const EDITABLE: Readonly<Record<MeetingStatus, readonly EditablePart[]>> = {
  draft: ['details', 'chairAndRecorder', 'agenda', 'invitations'],
  live: ['chairAndRecorder', 'attendance', 'signatures', 'minutes', 'itemOutcomes', 'decisions', 'votes'],
  closed: ['chairAndRecorder', 'attendance', 'signatures', 'minutes', 'itemOutcomes', 'decisions', 'votes'],
  finalised: ['signatures'],
  signed: [],
};

export function editableParts(status: MeetingStatus): readonly EditablePart[] {
  return EDITABLE[status];
}

export function canEdit(status: MeetingStatus, part: EditablePart): boolean {
  return EDITABLE[status].includes(part);
}

export type SignResult = { ok: true; record: MeetingRecord } | { ok: false; error: TransitionError };

/** Signs a finalised record: stamps signedAt, then seals the record with its fingerprint. */
export async function signRecord(record: MeetingRecord, now: Date): Promise<SignResult> {
  const moved = transition(record.meeting, 'signed', now);
  if (!moved.ok) return moved;
  return { ok: true, record: await sealRecord({ ...record, meeting: moved.meeting }) };
}
