import type { Meeting, MeetingStatus } from '../domain/meeting';
import { sealRecord } from './fingerprint';
import type { MeetingRecord } from './record';

/**
 * The life of a meeting: draft → live → closed → finalised (定稿) → signed.
 * Two steps back exist because people notice mistakes late: a closed meeting can be reopened,
 * and a finalised one un-finalised, as long as nobody has signed. Once signed the record is
 * locked and every later change is an amendment (see amend.ts). A meeting that began and will
 * not be completed is cancelled with a reason: kept, with its 期数, never reused; a draft that
 * never began is deleted instead (see `canEdit(status, 'deletion')`).
 */
const NEXT: Readonly<Record<MeetingStatus, readonly MeetingStatus[]>> = {
  draft: ['live'],
  live: ['closed', 'cancelled'],
  closed: ['live', 'finalised', 'cancelled'],
  finalised: ['closed', 'signed', 'cancelled'],
  signed: [],
  cancelled: [],
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
  | { code: 'reasonRequired' }
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
  if (to === 'cancelled') return { ...meeting, cancelledAt: at };
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
  if (to === 'cancelled' && meeting.status !== 'signed') return { ok: false, error: { code: 'reasonRequired' } };
  return move(meeting, to, now);
}

/** Cancels a meeting that began: the reason is kept with it and printed nowhere as a decision. */
export function cancelMeeting(meeting: Meeting, reason: string, now: Date): TransitionResult {
  const trimmed = reason.trim();
  if (!trimmed) return { ok: false, error: { code: 'reasonRequired' } };
  const moved = move(meeting, 'cancelled', now);
  return moved.ok ? { ok: true, meeting: { ...moved.meeting, cancelReason: trimmed.slice(0, 500) } } : moved;
}

function move(meeting: Meeting, to: MeetingStatus, now: Date): TransitionResult {
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

/**
 * What may be changed, part by part. This table is the only statement of the rule: every
 * repository checks it before writing (renderer/data/repos/meetingGuard.ts) and every screen asks
 * it whether to offer a control, so the two cannot disagree.
 */
export const EDITABLE_PARTS = [
  'details', // title, time, place, issue number
  'chairAndRecorder', // 主持人 and 记录人
  'agenda', // adding, rewording and reordering items
  'agendaRemoval', // deleting an item: once the meeting began, an item not discussed is carried over instead
  'invitations', // inviting roster people and guests (a walk-in during the meeting is one)
  'invitationRemoval', // taking someone off the list: once the meeting began, absence is recorded instead
  'attendance', // sign-in states and arrival times
  'liveNavigation', // which item the chair is on, and the items' start and end times
  'minutes',
  'itemOutcomes', // an item's state (已议结) and its 决议 (resolution)
  'decisions',
  'votes', // votes and household consultations
  'signatures', // on-screen signatures and the photo of the signed paper 签到表
  'deletion', // deleting the whole meeting (its 期数 is freed)
] as const;
export type EditablePart = (typeof EDITABLE_PARTS)[number];

/**
 * Draft: everything is prepared; a draft can be deleted. Live: what happens in the room is
 * recorded; the agenda can still take a late item or a new order, but nothing is removed from it
 * or from the list of invited people (the record shows what was planned). Closed: the record is
 * tidied up the same way before 定稿. Finalised (定稿): the content is frozen so that people sign
 * what they read; only signatures are collected, or the record goes back to closed. Signed and
 * cancelled: nothing; a signed record changes only by amendment (amend.ts).
 */
const RECORDING: readonly EditablePart[] = [
  'chairAndRecorder',
  'agenda',
  'invitations',
  'attendance',
  'minutes',
  'itemOutcomes',
  'decisions',
  'votes',
];
const EDITABLE: Readonly<Record<MeetingStatus, readonly EditablePart[]>> = {
  draft: ['details', 'chairAndRecorder', 'agenda', 'agendaRemoval', 'invitations', 'invitationRemoval', 'deletion'],
  live: [...RECORDING, 'liveNavigation'],
  closed: RECORDING,
  finalised: ['signatures'],
  signed: [],
  cancelled: [],
};

export function editableParts(status: MeetingStatus): readonly EditablePart[] {
  return EDITABLE[status];
}

export function canEdit(status: MeetingStatus, part: EditablePart): boolean {
  return EDITABLE[status].includes(part);
}

/** Why a change is refused, in Chinese (the data layer throws with it; the screens word it per locale). */
export function editRefusal(status: MeetingStatus, part: EditablePart): string | null {
  if (canEdit(status, part)) return null;
  const words = EDIT_REFUSAL_WORDS_ZH;
  if (status === 'signed' || status === 'cancelled' || status === 'finalised') return words[status];
  return words.other.replace('{{status}}', words.statuses[status]).replace('{{part}}', words.parts[part]);
}

/** Which sentence of EDIT_REFUSAL_WORDS_ZH a refusal takes: one of its own, or `other` with the two words. */
export function editRefusalKey(status: MeetingStatus): 'signed' | 'cancelled' | 'finalised' | 'other' {
  return status === 'signed' || status === 'cancelled' || status === 'finalised' ? status : 'other';
}

const STATUS_WORDS: Readonly<Record<MeetingStatus, string>> = {
  draft: '尚未开始',
  live: '正在进行',
  closed: '已结束',
  finalised: '已定稿',
  signed: '已签字锁定',
  cancelled: '已取消',
};

const PART_WORDS: Readonly<Record<EditablePart, string>> = {
  details: '修改会议时间、地点和期数',
  chairAndRecorder: '更换主持人或记录人',
  agenda: '修改议程',
  agendaRemoval: '删除议题（未议的议题会转入下次会议）',
  invitations: '邀请参会人员',
  invitationRemoval: '移出参会人员（请记为请假或缺席）',
  attendance: '签到',
  liveNavigation: '切换当前议题',
  minutes: '修改纪要',
  itemOutcomes: '修改议题的决议和议结情况',
  decisions: '修改决定事项',
  votes: '修改表决',
  signatures: '签字',
  deletion: '删除（开始后的会议只能取消）',
};

/**
 * The words of every refusal, one table: editRefusal writes them, and the screens' zh-CN
 * messages are this table (renderer/i18n/zh-CN.ts), beside their English.
 */
export const EDIT_REFUSAL_WORDS_ZH = {
  signed: '会议已签字锁定，只能通过修订更正',
  cancelled: '会议已取消，不能再修改',
  finalised: '会议已定稿，如需修改请先“退回修改”',
  other: '会议{{status}}，不能{{part}}',
  statuses: STATUS_WORDS,
  parts: PART_WORDS,
} as const;

export type SignResult = { ok: true; record: MeetingRecord } | { ok: false; error: TransitionError };

/** Signs a finalised record: stamps signedAt, then seals the record with its fingerprint. */
export async function signRecord(record: MeetingRecord, now: Date): Promise<SignResult> {
  const moved = transition(record.meeting, 'signed', now);
  if (!moved.ok) return moved;
  return { ok: true, record: await sealRecord({ ...record, meeting: moved.meeting }) };
}
