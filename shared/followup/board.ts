import { compareDates, dayOf, type CalendarDate } from '../dates';
import type { Decision } from '../domain/decision';
import type { Meeting } from '../domain/meeting';
import { followupRefusal } from './access';
import { followupTiming, needsAttention, type FollowupState, type FollowupTiming, type ProgressEvent } from './state';

/** What the board needs of a meeting. */
export type BoardMeeting = Pick<Meeting, 'id' | 'title' | 'orgUnitId' | 'issueYear' | 'issueNo' | 'startAt' | 'status'>;

/** What the board keeps of a meeting (not its attendance, photos or signatures). */
export function boardMeeting(m: Meeting): BoardMeeting {
  const { id, title, orgUnitId, issueYear, issueNo, startAt, status } = m;
  return { id, title, orgUnitId, issueYear, issueNo, startAt, status };
}

export interface BoardRow {
  decision: Decision;
  meeting: BoardMeeting;
  /** The compound (or community) that held the meeting. */
  orgUnitName: string;
  timing: FollowupTiming;
  /** The latest step, if any (what the board shows as 最新进展). */
  latest?: ProgressEvent;
  /**
   * Where the row comes from when it is not a meeting's decision: a 吹哨报到 task of an escalated
   * matter (shared/escalation/summons.ts), shown as a decision whose 谁来干 is the department.
   */
  source?: { kind: 'summoned'; matterId: string; matterTitle: string };
}

/**
 * The decisions being followed (those of signed meetings, shared/followup/access.ts), soonest
 * deadline first, each with its timing on `today` and its latest step.
 */
export function boardRows(
  decisions: readonly Decision[],
  meetings: readonly BoardMeeting[],
  unitNames: ReadonlyMap<string, string>,
  latest: ReadonlyMap<string, ProgressEvent>,
  today: CalendarDate,
): BoardRow[] {
  return followedRows(decisions, meetings, unitNames, latest, today).sort(bySoonest);
}

/**
 * boardRows in the decisions' order: for counts (the grouped views), where sorting a ten-year
 * board's 105,000 rows twice was a third of the work.
 */
export function followedRows(
  decisions: readonly Decision[],
  meetings: readonly BoardMeeting[],
  unitNames: ReadonlyMap<string, string>,
  latest: ReadonlyMap<string, ProgressEvent>,
  today: CalendarDate,
): BoardRow[] {
  const byId = new Map(meetings.map((m) => [m.id, m]));
  const rows: BoardRow[] = [];
  for (const decision of decisions) {
    const meeting = byId.get(decision.meetingId);
    if (!meeting || followupRefusal(meeting.status) !== null) continue;
    const step = latest.get(decision.id);
    rows.push({
      decision,
      meeting,
      orgUnitName: unitNames.get(meeting.orgUnitId) ?? '',
      timing: followupTiming(decision.deadline, decision.status, today),
      ...(step ? { latest: step } : {}),
    });
  }
  return rows;
}

function bySoonest(a: BoardRow, b: BoardRow): number {
  return compareDates(a.decision.deadline, b.decision.deadline) || a.decision.title.localeCompare(b.decision.title);
}

/** What the board needs of a 吹哨报到 task (shared/escalation/summons.ts SummonedTask). */
export interface SummonedBoardTask {
  id: string;
  escalationId: string;
  matterId: string;
  orgUnitId: string;
  department: string;
  task: string;
  standard: string;
  deadline: CalendarDate;
  supervisor: string;
  status: FollowupState;
  progress: readonly { at: string; by: string; kind: ProgressEvent['kind']; text: string }[];
  createdAt: string;
}

/** The marker id of a 吹哨报到 row's "meeting": never a real meeting's id, so the meeting filter leaves it out. */
export const SUMMONS_MEETING_PREFIX = 'summons:';

/**
 * 吹哨报到 tasks as board rows, beside the decisions: the department is 谁来干, the task's
 * supervisor 谁来监督; the row carries `source` so the board links it to its matter.
 */
export function summonedBoardRows(
  tasks: readonly { task: SummonedBoardTask; matterTitle: string }[],
  unitNames: ReadonlyMap<string, string>,
  today: CalendarDate,
): BoardRow[] {
  return tasks.map(({ task, matterTitle }) => {
    const meetingId = `${SUMMONS_MEETING_PREFIX}${task.escalationId}`;
    const last = task.progress.at(-1);
    const year = Number(task.deadline.slice(0, 4));
    return {
      decision: {
        id: task.id,
        meetingId,
        agendaItemId: task.escalationId,
        title: task.task,
        responsible: { kind: 'text', name: task.department },
        standard: task.standard,
        deadline: task.deadline,
        supervisor: { kind: 'text', name: task.supervisor },
        status: task.status,
        createdAt: task.createdAt,
      },
      meeting: {
        id: meetingId,
        title: summonsMeetingTitle(matterTitle),
        orgUnitId: task.orgUnitId,
        issueYear: year,
        issueNo: 1,
        startAt: task.createdAt,
        status: 'signed',
      },
      orgUnitName: unitNames.get(task.orgUnitId) ?? '',
      timing: followupTiming(task.deadline, task.status, today),
      ...(last ? { latest: { ...last, id: `${task.id}:${last.at}`, decisionId: task.id, meetingId } } : {}),
      source: { kind: 'summoned', matterId: task.matterId, matterTitle },
    };
  });
}

function summonsMeetingTitle(matterTitle: string): string {
  return `吹哨报到：${matterTitle}`;
}

/** A 吹哨报到 row named by its matter's title (rows may be built before the titles are read). */
export function withSummonsTitle(row: BoardRow, matterTitle: string): BoardRow {
  if (!row.source) return row;
  return {
    ...row,
    meeting: { ...row.meeting, title: summonsMeetingTitle(matterTitle) },
    source: { ...row.source, matterTitle },
  };
}

/** Two lists of board rows as one, soonest deadline first (the order boardRows gives). */
export function mergeBoardRows(a: readonly BoardRow[], b: readonly BoardRow[]): BoardRow[] {
  return [...a, ...b].sort(bySoonest);
}

/** The latest step of each decision (by time), from any list of steps. */
export function latestSteps(steps: readonly ProgressEvent[]): Map<string, ProgressEvent> {
  const latest = new Map<string, ProgressEvent>();
  for (const s of steps) {
    const seen = latest.get(s.decisionId);
    if (!seen || seen.at < s.at) latest.set(s.decisionId, s);
  }
  return latest;
}

export interface BoardFilter {
  orgUnitId?: string;
  /** A responsible person's or unit's name, as recorded. */
  responsible?: string;
  supervisor?: string;
  meetingId?: string;
  dueFrom?: CalendarDate;
  dueTo?: CalendarDate;
}

export function filterBoard(rows: readonly BoardRow[], f: BoardFilter): BoardRow[] {
  return rows.filter(
    ({ decision: d, meeting }) =>
      (!f.orgUnitId || meeting.orgUnitId === f.orgUnitId) &&
      (!f.responsible || d.responsible.name.trim() === f.responsible) &&
      (!f.supervisor || d.supervisor.name.trim() === f.supervisor) &&
      (!f.meetingId || meeting.id === f.meetingId) &&
      (!f.dueFrom || compareDates(d.deadline, f.dueFrom) >= 0) &&
      (!f.dueTo || compareDates(d.deadline, f.dueTo) <= 0),
  );
}

/** The board's columns, in the order work moves through them. */
export function byState(rows: readonly BoardRow[]): Record<FollowupState, BoardRow[]> {
  const out: Record<FollowupState, BoardRow[]> = { notStarted: [], inProgress: [], reported: [], done: [] };
  for (const r of rows) out[r.decision.status].push(r);
  return out;
}

export { groupCounts, type GroupCount, type Grouping } from './groups';

/** The 督办 badge: decisions overdue or due today. */
export function attentionCount(rows: readonly BoardRow[]): number {
  return rows.filter((r) => needsAttention(r.timing)).length;
}

export const STATE_LABELS: Readonly<Record<FollowupState, string>> = {
  notStarted: '未开始',
  inProgress: '进行中',
  reported: '待验收',
  done: '已完成',
};
export const TIMING_LABELS: Readonly<Record<FollowupTiming, string>> = {
  overdue: '逾期',
  dueToday: '今天到期',
  dueSoon: '即将到期',
  onTrack: '',
  none: '',
};

export const EXPORT_HEADERS = [
  '事项',
  '谁来干（责任人）',
  '干到什么标准',
  '什么时间干完',
  '谁来监督',
  '督办状态',
  '提醒',
  '会议',
  '小区/社区',
  '最新进展',
  '进展日期',
] as const;

/** One exported line: text cells, and the two dates as calendar dates (the writer makes them Excel dates). */
export type ExportLine = [
  string,
  string,
  string,
  CalendarDate,
  string,
  string,
  string,
  string,
  string,
  string,
  CalendarDate | null,
];

/** The filtered board as spreadsheet lines, under EXPORT_HEADERS. */
export function exportLines(rows: readonly BoardRow[]): ExportLine[] {
  return rows.map(({ decision: d, meeting, orgUnitName, timing, latest, source }) => [
    d.title,
    d.responsible.name.trim(),
    d.standard,
    d.deadline,
    d.supervisor.name.trim(),
    STATE_LABELS[d.status],
    TIMING_LABELS[timing],
    source ? meeting.title : `${meeting.title}（${meeting.issueYear}年第${meeting.issueNo}期）`,
    orgUnitName,
    latest ? `${latest.by}：${latest.text || STEP_WORDS[latest.kind]}` : '',
    // The wall-clock day of the moment (shared/dates), never its UTC characters.
    latest ? dayOf(latest.at) : null,
  ]);
}

const STEP_WORDS: Readonly<Record<ProgressEvent['kind'], string>> = {
  note: '记录进展',
  reportDone: '报告完成',
  confirm: '监督人确认完成',
  return: '退回',
};
