import type { AgendaItem } from '../domain/meeting';
import { decisionProblems, type DecisionProblem } from '../domain/decision';
import { voteResult } from '../domain/vote';
import { meetingDay } from '../dates';
import type { MeetingRecord } from './record';
import { needsMinutes } from './itemOutcome';

/**
 * What keeps a record from being finalised (定稿). Codes with parameters, never sentences:
 * the renderer words them in zh-CN or English and links each to the place to fix it.
 */
export type ReviewProblem =
  | { code: 'chairMissing' }
  | { code: 'recorderMissing' }
  | { code: 'nobodyPresent' }
  | { code: 'attendanceNotMarked'; count: number; attendanceIds: string[]; names: string[] }
  | { code: 'agendaEmpty' }
  | { code: 'minutesMissing'; itemId: string; itemTitle: string }
  | {
      code: 'decisionIncomplete';
      decisionId: string;
      decisionTitle: string;
      itemId: string;
      problems: DecisionProblem[];
    }
  | { code: 'voteInvalid'; voteId: string; subject: string; itemId: string; problem: 'noVoters' | 'tooManyVotes' }
  | { code: 'itemMissing'; part: RecordPart; id: string; itemId: string };

/** Parts of a record that hang off an agenda item. */
export type RecordPart = 'minutes' | 'decision' | 'vote' | 'householdConsultation';

export type ReviewProblemCode = ReviewProblem['code'];

function meetingProblems(record: MeetingRecord): ReviewProblem[] {
  const problems: ReviewProblem[] = [];
  if (!record.meeting.chair?.name.trim()) problems.push({ code: 'chairMissing' });
  if (!record.meeting.recorder?.name.trim()) problems.push({ code: 'recorderMissing' });
  if (!record.attendance.some((a) => a.state === 'present')) problems.push({ code: 'nobodyPresent' });
  const unmarked = [...record.attendance].sort((a, b) => a.order - b.order).filter((a) => a.state === 'invited');
  if (unmarked.length > 0)
    problems.push({
      code: 'attendanceNotMarked',
      count: unmarked.length,
      attendanceIds: unmarked.map((a) => a.id),
      names: unmarked.map((a) => a.name),
    });
  if (record.agendaItems.length === 0) problems.push({ code: 'agendaEmpty' });
  return problems;
}

function itemProblems(record: MeetingRecord, item: AgendaItem): ReviewProblem[] {
  const problems: ReviewProblem[] = [];
  const minutes = record.minutes.find((m) => m.agendaItemId === item.id);
  if ((!minutes || minutes.text.trim() === '') && needsMinutes(record, item))
    problems.push({ code: 'minutesMissing', itemId: item.id, itemTitle: item.title });
  const day = meetingDay(record.meeting);
  for (const d of record.decisions.filter((x) => x.agendaItemId === item.id)) {
    const found = decisionProblems(d, day);
    if (found.length > 0)
      problems.push({
        code: 'decisionIncomplete',
        decisionId: d.id,
        decisionTitle: d.title,
        itemId: item.id,
        problems: found,
      });
  }
  for (const v of record.votes.filter((x) => x.agendaItemId === item.id)) {
    const result = voteResult(v);
    if (!result.ok)
      problems.push({
        code: 'voteInvalid',
        voteId: v.id,
        subject: v.subject,
        itemId: item.id,
        problem: result.problem,
      });
  }
  return problems;
}

/** Rows pointing at an agenda item that is not in the record: they would print nowhere. */
function danglingParts(record: MeetingRecord): ReviewProblem[] {
  const itemIds = new Set(record.agendaItems.map((i) => i.id));
  const rows: Array<{ part: RecordPart; id: string; itemId: string }> = [
    ...record.minutes.map((m) => ({ part: 'minutes' as const, id: m.agendaItemId, itemId: m.agendaItemId })),
    ...record.decisions.map((d) => ({ part: 'decision' as const, id: d.id, itemId: d.agendaItemId })),
    ...record.votes.map((v) => ({ part: 'vote' as const, id: v.id, itemId: v.agendaItemId })),
    ...record.householdConsultations.map((h) => ({
      part: 'householdConsultation' as const,
      id: h.id,
      itemId: h.agendaItemId,
    })),
  ];
  return rows.filter((r) => !itemIds.has(r.itemId)).map((r) => ({ code: 'itemMissing', ...r }));
}

/**
 * Everything to fix before 定稿: meeting-wide problems first, then item by item in agenda
 * order, then rows whose item is gone. An empty list means the record may be finalised.
 */
export function reviewRecord(record: MeetingRecord): ReviewProblem[] {
  const items = [...record.agendaItems].sort((a, b) => a.order - b.order);
  return [...meetingProblems(record), ...items.flatMap((item) => itemProblems(record, item)), ...danglingParts(record)];
}
