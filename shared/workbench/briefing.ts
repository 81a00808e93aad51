import { compareDates, dayOf, type CalendarDate } from '../dates';
import type { Decision } from '../domain/decision';
import type { Meeting } from '../domain/meeting';
import { BRIEFING_MAX_LINES, type Briefing, type BriefingLine } from '../domain/briefing';
import { followupTiming, type ProgressEvent } from '../followup/state';
import { followupRefusal } from '../followup/access';

/** Builds the 上月决定事项落实情况通报 snapshot (shared/domain/briefing.ts says why a snapshot). */

export type BriefingMeeting = Pick<
  Meeting,
  'id' | 'title' | 'orgUnitId' | 'issueYear' | 'issueNo' | 'startAt' | 'status'
>;

const STEP_WORDS: Readonly<Record<ProgressEvent['kind'], string>> = {
  note: '记录进展',
  reportDone: '报告完成',
  confirm: '监督人确认完成',
  return: '退回',
};

function latestWords(step: ProgressEvent | undefined): string | undefined {
  if (!step) return undefined;
  const day = dayOf(step.at);
  return `${step.by}：${step.text || STEP_WORDS[step.kind]}${day ? `（${day}）` : ''}`.slice(0, 1200);
}

/**
 * The report for a meeting: every decision of the earlier meetings given (those followed, i.e.
 * signed, and held before `before`) not confirmed done, oldest meeting first, then by deadline.
 * More than BRIEFING_MAX_LINES open decisions keep the overdue and soonest first.
 */
export function buildBriefing(input: {
  decisions: readonly Decision[];
  meetings: readonly BriefingMeeting[];
  latest: ReadonlyMap<string, ProgressEvent>;
  /** The startAt of the meeting the report is for: only meetings before it count. */
  before: string;
  asOf: CalendarDate;
}): Briefing {
  const meetings = new Map(input.meetings.map((m) => [m.id, m]));
  const open = input.decisions.flatMap((decision) => {
    const meeting = meetings.get(decision.meetingId);
    if (!meeting || followupRefusal(meeting.status) !== null || meeting.startAt >= input.before) return [];
    if (decision.status === 'done') return [];
    return [{ decision, meeting }];
  });
  open.sort(
    (a, b) =>
      (a.meeting.startAt < b.meeting.startAt ? -1 : a.meeting.startAt > b.meeting.startAt ? 1 : 0) ||
      compareDates(a.decision.deadline, b.decision.deadline) ||
      a.decision.id.localeCompare(b.decision.id),
  );
  const lines = open.map(({ decision: d, meeting: m }): BriefingLine => {
    const latest = latestWords(input.latest.get(d.id));
    return {
      decisionId: d.id,
      title: d.title,
      meeting: `${m.title}（${m.issueYear}年第${m.issueNo}期）`.slice(0, 200),
      responsible: d.responsible.name.trim(),
      deadline: d.deadline,
      state: d.status,
      overdue: followupTiming(d.deadline, d.status, input.asOf) === 'overdue',
      ...(latest ? { latest } : {}),
    };
  });
  if (lines.length <= BRIEFING_MAX_LINES) return { asOf: input.asOf, lines };
  const urgent = [...lines]
    .sort((a, b) => Number(b.overdue) - Number(a.overdue) || compareDates(a.deadline, b.deadline))
    .slice(0, BRIEFING_MAX_LINES);
  const keep = new Set(urgent.map((l) => l.decisionId));
  const kept = lines.filter((l) => keep.has(l.decisionId));
  return { asOf: input.asOf, lines: kept };
}
