import { today as todayOf, type CalendarDate } from '../../../shared/dates';
import type { Decision } from '../../../shared/domain/decision';
import type { Meeting } from '../../../shared/domain/meeting';
import { followupRefusal } from '../../../shared/followup/access';
import {
  boardMeeting,
  boardRows,
  latestSteps,
  mergeBoardRows,
  summonedBoardRows,
  type BoardMeeting,
  type BoardRow,
} from '../../../shared/followup/board';
import {
  applyStep,
  followupTiming,
  progressSchema,
  type ProgressEvent,
  type ProgressProblem,
  type ProgressStep,
} from '../../../shared/followup/state';
import { newId } from '../../../shared/ids';
import { badgeCount } from '../../../shared/workbench/due';
export { BADGE_TABLES } from '../../../shared/workbench/due';
import { cachedOpenDecisionsDue, workbenchScope } from './workbenchRepo';
import { followedMeetingTest } from './followedMeetings';
import { attachmentRows, type Attachment, type PreparedFile } from '../../../shared/evidence/attachment';
import type { YishiDb } from '../db';
import { loadSummonedForBoard } from './escalationRepo';
import { OPEN_STATES, summonedTasksIn, unfollowedMeetings } from './boardCachedReads';
import { cachedOrgUnits } from '../tableCache';

/** Why a step is refused, in the words the decision page shows. */
export const PROGRESS_REFUSALS: Readonly<Record<ProgressProblem, string>> = {
  byMissing: '请填写是谁（姓名）',
  textMissing: '请填写进展情况',
  textTooLong: '内容太长，请控制在1000字以内',
  reasonMissing: '退回必须写明原因',
  alreadyDone: '这项决定事项已经由监督人确认完成，不能再变更',
  alreadyReported: '已经报告完成，正在等待监督人验收',
  notReported: '责任人报告完成后，监督人才能确认或退回',
  notSupervisor: '确认人不是记录的监督人，请确认由此人代为验收',
};

export class FollowupRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FollowupRefusedError';
  }
}

export type StepOutcome = { ok: true; event: ProgressEvent; decision: Decision } | { ok: false; message: string };

/**
 * Records one follow-up step (记录进展, 报告完成, 监督人确认, 退回) and the decision's new state in
 * ONE transaction: the note and the state never disagree, and a step decided on a state that
 * changed a moment ago in another window is judged against the state found inside it.
 */
export async function recordStep(
  db: YishiDb,
  decisionId: string,
  step: ProgressStep,
  now = new Date(),
  files: readonly PreparedFile[] = [],
): Promise<StepOutcome> {
  return db.transaction('rw', [db.meetings, db.decisions, db.decisionProgress, db.attachments], async () => {
    const decision = await db.decisions.get(decisionId);
    if (!decision) return { ok: false, message: '找不到这项决定事项（可能已被修订删除）' };
    const meeting = await db.meetings.get(decision.meetingId);
    const refusal = meeting ? followupRefusal(meeting.status) : '找不到这项决定事项所属的会议';
    if (refusal) return { ok: false, message: refusal };
    const next = applyStep(decision.status, step, decision.supervisor);
    if (!next.ok) return { ok: false, message: PROGRESS_REFUSALS[next.problem] };
    const id = newId();
    const attachments = attachmentRows(files, { kind: 'progress', id, decisionId }, now, newId);
    if (typeof attachments === 'string') return { ok: false, message: attachments };
    const parsed = progressSchema.safeParse({
      id,
      decisionId,
      meetingId: decision.meetingId,
      at: now.toISOString(),
      by: step.by.trim(),
      kind: step.kind,
      text: step.text.trim(),
      ...(attachments.length > 0 ? { attachments: attachments.map((a) => a.id) } : {}),
    });
    if (!parsed.success) return { ok: false, message: parsed.error.issues[0]?.message ?? '内容不符合要求' };
    const updated = { ...decision, status: next.state };
    await db.decisionProgress.add(parsed.data);
    // The evidence is the note's: written with it or not at all.
    if (attachments.length > 0) await db.attachments.bulkAdd(attachments);
    await db.decisions.put(updated);
    return { ok: true, event: parsed.data, decision: updated };
  });
}

/** The evidence of a decision's notes, by note (the decision index: one read, no whole table). */
export async function loadEvidence(db: YishiDb, decisionId: string): Promise<Map<string, Attachment[]>> {
  const rows = await db.attachments.where('decisionId').equals(decisionId).toArray();
  const byNote = new Map<string, Attachment[]>();
  for (const a of rows) byNote.set(a.ownerId, [...(byNote.get(a.ownerId) ?? []), a]);
  return byNote;
}

export interface DecisionFollowup {
  decision: Decision;
  meeting: Meeting;
  steps: ProgressEvent[];
  /** Why it cannot be followed (meeting not signed), or null. */
  refusal: string | null;
}

/** A decision with its meeting and its steps, oldest first; null when there is no such decision. */
export async function loadDecisionFollowup(db: YishiDb, decisionId: string): Promise<DecisionFollowup | null> {
  return db.transaction('r', db.meetings, db.decisions, db.decisionProgress, async () => {
    const decision = await db.decisions.get(decisionId);
    if (!decision) return null;
    const meeting = await db.meetings.get(decision.meetingId);
    if (!meeting) return null;
    const steps = await db.decisionProgress.where('decisionId').equals(decisionId).sortBy('at');
    return { decision, meeting, steps, refusal: followupRefusal(meeting.status) };
  });
}

export interface BoardData {
  rows: BoardRow[];
  /** Meetings with followed decisions, for the meeting filter. */
  meetings: BoardMeeting[];
  units: { id: string; name: string }[];
}

/** Every followed decision, and every 吹哨报到 task, with its timing on `today` (the 督办 board). */
export async function loadBoard(db: YishiDb, today: CalendarDate = todayOf()): Promise<BoardData> {
  const tables = [db.meetings, db.decisions, db.decisionProgress, db.orgUnits, db.summonedTasks, db.matters];
  return db.transaction('r', tables, async () => {
    const meetings = (await db.meetings.where('status').equals('signed').toArray()).map(boardMeeting);
    const decisions = await db.decisions
      .where('meetingId')
      .anyOf(meetings.map((m) => m.id))
      .toArray();
    const steps = await db.decisionProgress.toArray();
    const units = await db.orgUnits.toArray();
    const unitNames = new Map(units.map((u) => [u.id, u.name]));
    const summoned = summonedBoardRows(await loadSummonedForBoard(db), unitNames, today);
    const rows = mergeBoardRows(boardRows(decisions, meetings, unitNames, latestSteps(steps), today), summoned);
    const held = new Set([...meetings, ...summoned.map((r) => r.meeting)].map((m) => m.orgUnitId));
    return {
      rows,
      meetings: meetings.sort((a, b) => b.startAt.localeCompare(a.startAt)),
      units: units.filter((u) => held.has(u.id)).map((u) => ({ id: u.id, name: u.name })),
    };
  });
}

/**
 * The 督办 badge: the reminders that are overdue or due today. The same reading and the same rule
 * (shared/workbench/due.ts `badgeCount`, `reminderKind`) as the 工作台's reminders, so the two never disagree; it
 * reads only decisions not yet done (the status index), so it stays quick on a ten-year database.
 */
export async function countNeedingAttention(
  db: YishiDb,
  today: CalendarDate = todayOf(),
  /** The 查看范围 chosen on the 工作台: the badge counts what the 工作台 shows, one scope rule. */
  orgUnitId?: string,
): Promise<number> {
  // Org units from the cache (read outside the transaction, see tableCache.ts).
  const scope = orgUnitId ? workbenchScope(await cachedOrgUnits(db), orgUnitId) : null;
  // The 工作台's window, shared with it: what is due later counts on neither side of today. The
  // unsigned meetings and the open tasks are the board's cached reads (boardCachedReads.ts).
  const [open, unfollowed, openTasks] = await Promise.all([
    cachedOpenDecisionsDue(db, today),
    unfollowedMeetings(db),
    summonedTasksIn(db, OPEN_STATES),
  ]);
  const due = open.filter((d) => d.deadline <= today);
  return db.transaction('r', [db.meetings], async () => {
    // A count: the decisions' meetings are judged by index keys, their rows never read.
    const followed = await followedMeetingTest(db, scope, unfollowed);
    const tasks = openTasks.filter((t) => t.deadline <= today && (scope === null || scope.has(t.orgUnitId)));
    return badgeCount([...due.filter((d) => followed(d.meetingId)), ...tasks], today);
  });
}

/** The follow-up state of each decision of one meeting (for the meeting page's decisions list). */
export async function followupStates(
  db: YishiDb,
  meetingId: string,
  today: CalendarDate = todayOf(),
): Promise<Map<string, Pick<BoardRow, 'timing'> & { status: Decision['status'] }>> {
  const decisions = await db.decisions.where('meetingId').equals(meetingId).toArray();
  return new Map(
    decisions.map((d) => [d.id, { status: d.status, timing: followupTiming(d.deadline, d.status, today) }]),
  );
}
