import { raisedByLine, type Matter } from '../domain/matter';
import type { AgendaItem, Attendance, Meeting, MeetingTemplate } from '../domain/meeting';
import { personRef } from './builders';
import type { MeetingRecord } from '../meeting/record';
import {
  agendaFromDrafts,
  carryForward,
  standingTitles,
  defaultTemplates,
  nextIssueNo,
  templateItemDrafts,
  type CarriedItemDraft,
} from '../meeting/schedule';
import type { DemoClock } from './demoClock';
import type { DemoCompound } from './demoCompounds';
import { REPORT_TITLE, standingCategory } from './demoMonthly';

/** The template's stand-in for the matters of the month, replaced once a real matter is on the agenda. */
const MATTERS_PLACEHOLDER = '本月居民说事事项议定';

export interface DraftSpec {
  id: string;
  compound: DemoCompound;
  day: string;
  /** The last 党群议事日 held, whose unresolved items are carried forward. */
  previous?: MeetingRecord;
  /** The compound's meetings so far, for the issue number. */
  earlier: Meeting[];
  /** A matter residents raised lately, put on the agenda from 居民说事. */
  matter?: Matter;
}

/** Agenda item ids of the draft, in the order they are made. */
function idMaker(id: string): () => string {
  let n = 0;
  return () => `${id}-item-${++n}`;
}

/**
 * The agenda as createMeeting makes it (carried items, then the template's) and addItemFromMatter
 * adds to it, then as the secretary arranges it: the report on last month's decisions first, the
 * raised matter in place of the template's placeholder.
 */
function draftAgenda(spec: DraftSpec, carried: CarriedItemDraft[], template: MeetingTemplate): AgendaItem[] {
  const next = idMaker(spec.id);
  const items = agendaFromDrafts([...carried, ...templateItemDrafts(template)], spec.id, next, 0);
  const { matter } = spec;
  if (matter) {
    const placeholder = items.findIndex((i) => i.title === MATTERS_PLACEHOLDER);
    items.splice(placeholder < 0 ? items.length : placeholder, placeholder < 0 ? 0 : 1, {
      id: next(),
      meetingId: spec.id,
      order: 0,
      title: matter.title.slice(0, 100),
      ...(matter.description ? { background: matter.description.slice(0, 5000) } : {}),
      ...(raisedByLine(matter) ? { raisedBy: raisedByLine(matter) } : {}),
      plannedMinutes: 20,
      matterId: matter.id,
      concerns: [],
      state: 'pending',
    });
  }
  const agenda = [...items.filter((i) => i.title === REPORT_TITLE), ...items.filter((i) => i.title !== REPORT_TITLE)];
  return agenda.map((item, order) => ({ ...item, order }));
}

/** The compound's standing roles invited, as createMeeting invites them; nobody signed in yet. */
function invitations(compound: DemoCompound, meetingId: string): Attendance[] {
  const invited = compound.people.flatMap((person) => {
    const category = standingCategory(person);
    return category ? [{ person, category }] : [];
  });
  return invited.map(({ person, category }, order) => ({
    id: `${meetingId}-attendance-${order + 1}`,
    meetingId,
    personId: person.id,
    name: person.name,
    ...(person.unit ? { unit: person.unit } : {}),
    category,
    order,
    state: 'invited',
  }));
}

/**
 * The next 党群议事日, prepared: numbered after the compound's meetings of the year, the last
 * meeting's unresolved items carried forward, planned long enough for its agenda (in half hours).
 */
export function nextMonthlyDraft(clock: DemoClock, spec: DraftSpec): MeetingRecord {
  const c = spec.compound;
  const template = defaultTemplates().find((t) => t.type === 'monthlyDay');
  if (!template) throw new Error('demo: no 党群议事日 template');
  const carried = spec.previous ? carryForward(spec.previous, standingTitles(template)) : [];
  const agenda = draftAgenda(spec, carried, template);
  const agendaMinutes = agenda.reduce((sum, i) => sum + i.plannedMinutes, 0);
  const length = Math.max(template.plannedMinutes, Math.ceil(agendaMinutes / 30) * 30);
  const year = Number(spec.day.slice(0, 4));
  const createdAt = new Date(clock.now.getTime() - 2 * 3_600_000).toISOString();
  const meeting: Meeting = {
    id: spec.id,
    type: 'monthlyDay',
    title: `${c.unit.name}党群议事日`,
    orgUnitId: c.unit.id,
    issueYear: year,
    issueNo: nextIssueNo(spec.earlier, c.unit.id, year),
    startAt: clock.wall(spec.day, 9),
    plannedEndAt: clock.wall(spec.day, 9, length),
    place: `${c.unit.name}党群服务站`,
    chair: personRef(c.secretary),
    recorder: personRef(c.recorder),
    status: 'draft',
    passThreshold: template.passThreshold,
    ...(spec.previous && carried.length > 0 ? { carriedFromMeetingId: spec.previous.meeting.id } : {}),
    createdAt,
    updatedAt: createdAt,
  };
  return {
    meeting,
    orgPath: c.orgPath,
    documentOrgName: c.documentOrgName,
    agendaItems: agenda,
    minutes: [],
    attendance: invitations(c, spec.id),
    decisions: [],
    votes: [],
    householdConsultations: [],
    amendments: [],
  };
}
