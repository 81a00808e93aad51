import type { AgendaItem, Meeting, MeetingTemplate, MeetingType } from '../domain/meeting';
import type { Decision } from '../domain/decision';
import type { HouseholdConsultation, Vote } from '../domain/vote';
import { STANDING_ROLES } from '../domain/roles';
import { dateParts, isCalendarDate, meetingDay, toCalendarDate, type CalendarDate } from '../dates';

/** 党群议事日 is held on the 10th of every month. */
export const MONTHLY_MEETING_DAY = 10;

/** Default vote rule: a motion needs more than half of the voters present. */
export const DEFAULT_PASS_THRESHOLD = 0.5;

/**
 * The next 党群议事日 on or after `today` (YYYY-MM-DD): this month's 10th if it has not passed,
 * otherwise next month's. Pure calendar arithmetic, so no time zone can shift the day.
 */
export function nextMonthlyMeetingDate(today: string): CalendarDate {
  if (!isCalendarDate(today)) throw new RangeError(`nextMonthlyMeetingDate: not a calendar date: ${today}`);
  const { year, month, day } = dateParts(today);
  const next =
    day > MONTHLY_MEETING_DAY ? { year: month === 12 ? year + 1 : year, month: (month % 12) + 1 } : { year, month };
  const date = toCalendarDate(next.year, next.month, MONTHLY_MEETING_DAY);
  if (!date) throw new RangeError(`nextMonthlyMeetingDate: out of range after ${today}`);
  return date;
}

/** 期数 restart at 1 for every compound and every year. */
export function nextIssueNo(
  existing: ReadonlyArray<Pick<Meeting, 'orgUnitId' | 'issueYear' | 'issueNo'>>,
  orgUnitId: string,
  year: number,
): number {
  let max = 0;
  for (const m of existing) if (m.orgUnitId === orgUnitId && m.issueYear === year && m.issueNo > max) max = m.issueNo;
  return max + 1;
}

/** '2026年第7期', as printed on the 纪要. */
export function issueLabel(year: number, no: number): string {
  return `${year}年第${no}期`;
}

/** An agenda item before it belongs to a meeting. */
export type AgendaItemDraft = Omit<AgendaItem, 'id' | 'meetingId' | 'order'>;

/** A carried item remembers the item of the earlier meeting it continues. */
export type CarriedItemDraft = AgendaItemDraft & { carriedFromItemId: string };

/** What an earlier meeting produced, item by item: enough to tell which items came to an outcome. */
export interface PreviousOutcomes {
  agendaItems: readonly AgendaItem[];
  decisions: readonly Pick<Decision, 'agendaItemId'>[];
  votes: readonly Pick<Vote, 'agendaItemId'>[];
  householdConsultations: readonly Pick<HouseholdConsultation, 'agendaItemId'>[];
}

/**
 * What is no longer to be carried, whatever the outcome: items another meeting (not cancelled)
 * already carried forward — a second 党群议事日 prepared while the next one is still a draft must
 * not take them up twice — and items whose matter was closed (办结) or merged meanwhile.
 */
export interface CarryExclusions {
  /** Ids of items of the previous meeting that a later meeting carries already (its carriedFromItemId). */
  alreadyCarried?: ReadonlySet<string>;
  /** Ids of matters closed or merged: their items are done with. */
  closedMatters?: ReadonlySet<string>;
}

/**
 * The items of the previous meeting to take up again, as drafts for the next one: those the chair
 * carried over (转下次会议, e.g. "先逐户征求意见，下月再议"), and those that came to no outcome — not
 * marked 已议结, and without a decision, a vote or a household consultation (an item that decided
 * something is followed up through its decisions, not discussed again). The template's own
 * standing items (上月决定事项落实情况通报, 其他事项 …) are left out: the new meeting gets them
 * from its template, so carrying them would list them twice. Same title, background, presenter,
 * matter and concerns; outcome and timing left behind. The previous meeting is not changed here:
 * it may already be signed.
 */
export function carryForward(
  previous: PreviousOutcomes,
  standingTitles: readonly string[] = [],
  done: CarryExclusions = {},
): CarriedItemDraft[] {
  const decided = new Set(
    [...previous.decisions, ...previous.votes, ...previous.householdConsultations].map((o) => o.agendaItemId),
  );
  const standing = new Set(standingTitles.map((t) => t.trim()));
  const carried = done.alreadyCarried ?? new Set<string>();
  const closed = done.closedMatters ?? new Set<string>();
  return [...previous.agendaItems]
    .sort((a, b) => a.order - b.order)
    .filter((item) => !standing.has(item.title.trim()))
    .filter((item) => !carried.has(item.id) && !(item.matterId && closed.has(item.matterId)))
    .filter((item) => item.state === 'carriedOver' || (item.state !== 'resolved' && !decided.has(item.id)))
    .map((item) => ({
      title: item.title,
      ...(item.background !== undefined && { background: item.background }),
      ...(item.raisedBy !== undefined && { raisedBy: item.raisedBy }),
      ...(item.presenterId !== undefined && { presenterId: item.presenterId }),
      ...(item.matterId !== undefined && { matterId: item.matterId }),
      plannedMinutes: item.plannedMinutes,
      concerns: [...item.concerns],
      state: 'pending' as const,
      carriedFromItemId: item.id,
    }));
}

/**
 * How long to plan a meeting: as long as asked, or, when its agenda needs more (carried items on
 * top of the template's), the agenda's minutes rounded up to whole half hours, so a new meeting is
 * never over its own length before anyone touched it.
 */
export function plannedLength(requestedMinutes: number, agendaMinutes: number): number {
  return agendaMinutes <= requestedMinutes ? requestedMinutes : Math.ceil(agendaMinutes / 30) * 30;
}

/** What decides whether two meetings are the same occasion: the compound, the kind, the day. */
export interface MeetingOccasion {
  orgUnitId: string;
  type: MeetingType;
  day: CalendarDate;
}

/**
 * The meeting already held or prepared for this compound, of this kind, on this day (a cancelled
 * one does not count): a 党群议事日 is one meeting per compound and 10th, so preparing it again
 * opens this one instead of making a second. A draft is preferred to a meeting already begun.
 */
export function meetingOnOccasion<M extends Pick<Meeting, 'orgUnitId' | 'type' | 'status' | 'startAt'>>(
  meetings: readonly M[],
  occasion: MeetingOccasion,
): M | undefined {
  const same = meetings.filter(
    (m) =>
      m.orgUnitId === occasion.orgUnitId &&
      m.type === occasion.type &&
      m.status !== 'cancelled' &&
      meetingDay(m) === occasion.day,
  );
  return same.find((m) => m.status === 'draft') ?? same[0];
}

/** Only one 党群议事日 per compound and day; other meetings may meet twice a day if they must. */
export function onePerOccasion(type: MeetingType): boolean {
  return type === 'monthlyDay';
}

/** The titles of a template's own items: what a new meeting gets anyway, so never carried on top. */
export function standingTitles(template: Pick<MeetingTemplate, 'defaultItems'>): string[] {
  return template.defaultItems.map((i) => i.title);
}

/** The template's default items as drafts. */
export function templateItemDrafts(template: MeetingTemplate): AgendaItemDraft[] {
  return template.defaultItems.map((i) => ({
    title: i.title,
    plannedMinutes: i.plannedMinutes,
    concerns: [],
    state: 'pending',
  }));
}

/** Turns drafts into the agenda of a meeting, numbered from `firstOrder` in the given order. */
export function agendaFromDrafts(
  drafts: readonly AgendaItemDraft[],
  meetingId: string,
  newId: () => string,
  firstOrder = 1,
): AgendaItem[] {
  return drafts.map((draft, i) => ({ ...draft, id: newId(), meetingId, order: firstOrder + i }));
}

function template(
  type: MeetingType,
  name: string,
  invitedRoles: MeetingTemplate['invitedRoles'],
  defaultItems: MeetingTemplate['defaultItems'],
  plannedMinutes: number,
): MeetingTemplate {
  return {
    id: `template-${type}`,
    type,
    name,
    defaultItems,
    invitedRoles,
    passThreshold: DEFAULT_PASS_THRESHOLD,
    plannedMinutes,
  };
}

/**
 * The three meeting types as the report describes them. Ids are fixed so that seeding the
 * templates twice does not create copies, and a user's edits replace the same row.
 */
export function defaultTemplates(): MeetingTemplate[] {
  return [
    template(
      'monthlyDay',
      '党群议事日',
      [...STANDING_ROLES],
      [
        { title: '上月决定事项落实情况通报', plannedMinutes: 15 },
        { title: '本月居民说事事项议定', plannedMinutes: 60 },
        { title: '其他事项', plannedMinutes: 15 },
      ],
      90,
    ),
    template(
      'redBench',
      '红板凳议事会',
      ['secretary', 'ownersCommittee', 'property', 'resident', 'stakeholder'],
      [{ title: '待定议题', plannedMinutes: 50 }],
      60,
    ),
    template(
      'general',
      '议事协商会议',
      ['secretary', 'twoCommittees', 'ownersCommittee', 'property', 'resident'],
      [
        { title: '情况通报', plannedMinutes: 15 },
        { title: '议题协商', plannedMinutes: 60 },
        { title: '其他事项', plannedMinutes: 15 },
      ],
      90,
    ),
    // The meetings of the escalation ladder (五议一备两公开 and the sub-district's joint meeting).
    template(
      'twoCommitteesJoint',
      '两委联席会议',
      ['secretary', 'twoCommittees'],
      [{ title: '上报事项商议', plannedMinutes: 60 }],
      60,
    ),
    template(
      'partyMembers',
      '党员大会',
      ['secretary', 'twoCommittees'],
      [
        { title: '上报事项审议', plannedMinutes: 45 },
        { title: '表决', plannedMinutes: 15 },
      ],
      60,
    ),
    template(
      'residentReps',
      '居民代表会议',
      ['secretary', 'twoCommittees', 'resident'],
      [
        { title: '上报事项审议', plannedMinutes: 45 },
        { title: '表决', plannedMinutes: 15 },
      ],
      60,
    ),
    template(
      'streetJoint',
      '街道专题联席会议',
      ['secretary', 'twoCommittees', 'coBuilding', 'stakeholder'],
      [
        { title: '社区上报事项情况通报', plannedMinutes: 15 },
        { title: '专题协调', plannedMinutes: 60 },
      ],
      90,
    ),
  ];
}
