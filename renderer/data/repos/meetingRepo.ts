import type { Dexie } from 'dexie';
import type { Meeting, MeetingTemplate, MeetingType, AgendaItem, Attendance } from '../../../shared/domain/meeting';
import { meetingSchema, agendaItemSchema, attendanceSchema } from '../../../shared/domain/meeting';
import type { PartyRef } from '../../../shared/domain/party';
import { descendantIds, orgPath, type OrgUnit } from '../../../shared/domain/org';
import { byRosterOrder, type Person } from '../../../shared/domain/person';
import type { RosterRole } from '../../../shared/domain/roles';
import { addMinutes, dateParts, instantOf, meetingDay } from '../../../shared/dates';
import { newId } from '../../../shared/ids';
import {
  agendaFromDrafts,
  carryForward,
  meetingOnOccasion,
  nextIssueNo,
  onePerOccasion,
  plannedLength,
  standingTitles,
  templateItemDrafts,
  type CarryExclusions,
  type MeetingOccasion,
  type PreviousOutcomes,
} from '../../../shared/meeting/schedule';
import { orderRecord, RECORD_LISTS, type MeetingRecord } from '../../../shared/meeting/record';
import { recordMatterEvent } from './matterEvents';
import type { YishiDb } from '../db';
import { requireEditable } from './meetingGuard';
import { loadSettings } from '../settingsStore';
import { Refusal, REFUSALS_ZH } from '../../../shared/refusal';

/** The tables one meeting's record is stored in: the meeting's own row, then one table per list. */
export const MEETING_TABLES = ['meetings', ...RECORD_LISTS] as const;

export interface NewMeetingInput {
  type: MeetingType;
  title: string;
  orgUnitId: string;
  startAt: string;
  plannedEndAt: string;
  place: string;
  chair?: PartyRef;
  recorder?: PartyRef;
  template: MeetingTemplate;
}

/** A 党群议事日 is asked for a compound and day that already has one: open that one instead. */
export class MeetingExistsError extends Refusal {
  constructor(readonly meetingId: string) {
    super('monthlyDayExists', REFUSALS_ZH.monthlyDayExists, { meetingId });
    this.name = 'MeetingExistsError';
  }
}

/** The meeting a compound already has for this occasion (shared/meeting/schedule.ts), if any. */
export async function meetingOnDay(db: YishiDb, occasion: MeetingOccasion): Promise<Meeting | undefined> {
  if (!onePerOccasion(occasion.type)) return undefined;
  return meetingOnOccasion(await db.meetings.where('orgUnitId').equals(occasion.orgUnitId).toArray(), occasion);
}

/** The first of the template's roles a person holds: the category they are invited in. */
function invitedCategory(person: Person, roles: readonly RosterRole[]): RosterRole | null {
  return roles.find((r) => person.roles.includes(r)) ?? null;
}

export function attendanceFor(meetingId: string, person: Person, category: RosterRole, order: number): Attendance {
  return attendanceSchema.parse({
    id: newId(),
    meetingId,
    personId: person.id,
    name: person.name,
    unit: person.unit,
    category,
    state: 'invited',
    order,
  });
}

async function previousOutcomes(db: YishiDb, meetingId: string): Promise<PreviousOutcomes> {
  const [agendaItems, decisions, votes, householdConsultations] = await Promise.all([
    db.agendaItems.where('meetingId').equals(meetingId).toArray(),
    db.decisions.where('meetingId').equals(meetingId).toArray(),
    db.votes.where('meetingId').equals(meetingId).toArray(),
    db.householdConsultations.where('meetingId').equals(meetingId).toArray(),
  ]);
  return { agendaItems, decisions, votes, householdConsultations };
}

/**
 * What of the previous meeting is not to be carried again: items a later meeting of the compound
 * (not cancelled, e.g. the next 党群议事日 still in preparation) carries already, and items whose
 * matter was closed or merged since (shared/meeting/schedule.ts `CarryExclusions`).
 */
async function carryExclusions(db: YishiDb, previous: Meeting, sameUnit: readonly Meeting[]): Promise<CarryExclusions> {
  const later = sameUnit.filter(
    (m) => m.id !== previous.id && m.status !== 'cancelled' && m.startAt > previous.startAt,
  );
  const laterItems = later.length
    ? await db.agendaItems
        .where('meetingId')
        .anyOf(later.map((m) => m.id))
        .toArray()
    : [];
  const items = await db.agendaItems.where('meetingId').equals(previous.id).toArray();
  const matterIds = [...new Set(items.flatMap((i) => (i.matterId ? [i.matterId] : [])))];
  const matters = await db.matters.bulkGet(matterIds);
  return {
    alreadyCarried: new Set(laterItems.flatMap((i) => (i.carriedFromItemId ? [i.carriedFromItemId] : []))),
    closedMatters: new Set(matters.flatMap((m) => (m && (m.closedAt || m.mergedInto) ? [m.id] : []))),
  };
}

/**
 * Creates a meeting from its template: numbered per compound and year, with the unresolved items
 * of the last meeting of the same compound carried forward, and the compound's people in the
 * template's roles invited.
 */
export async function createMeeting(db: YishiDb, input: NewMeetingInput, now = new Date()): Promise<Meeting> {
  return db.transaction(
    'rw',
    [
      db.meetings,
      db.agendaItems,
      db.attendance,
      db.decisions,
      db.votes,
      db.householdConsultations,
      db.orgUnits,
      db.people,
      db.matterEvents,
      db.matters,
    ],
    async () => {
      // The 期数 year is the meeting's calendar year (07:30 on 1 January is not last year in UTC).
      const year = dateParts(meetingDay(input)).year;
      const sameUnit = await db.meetings.where('orgUnitId').equals(input.orgUnitId).toArray();
      // The screen offers the existing one first; this guards a second window (or a double click).
      const existing = onePerOccasion(input.type)
        ? meetingOnOccasion(sameUnit, { orgUnitId: input.orgUnitId, type: input.type, day: meetingDay(input) })
        : undefined;
      if (existing) throw new MeetingExistsError(existing.id);
      const meeting = meetingSchema.parse({
        id: newId(),
        type: input.type,
        title: input.title,
        orgUnitId: input.orgUnitId,
        issueYear: year,
        issueNo: nextIssueNo(sameUnit, input.orgUnitId, year),
        startAt: input.startAt,
        plannedEndAt: input.plannedEndAt,
        place: input.place,
        chair: input.chair,
        recorder: input.recorder,
        status: 'draft',
        passThreshold: input.template.passThreshold,
        createdAt: now.toISOString(),
        updatedAt: now.toISOString(),
      });
      // The last meeting of the kind that took place (a draft has nothing to carry yet).
      const previous = sameUnit
        .filter((m) => m.type === input.type && m.status !== 'draft' && instantOf(m.startAt) < instantOf(input.startAt))
        .sort((a, b) => instantOf(b.startAt) - instantOf(a.startAt))[0];
      const carried = previous
        ? carryForward(
            await previousOutcomes(db, previous.id),
            standingTitles(input.template),
            await carryExclusions(db, previous, sameUnit),
          )
        : [];
      if (previous && carried.length > 0) meeting.carriedFromMeetingId = previous.id;
      const items: AgendaItem[] = agendaFromDrafts(
        [...carried, ...templateItemDrafts(input.template)],
        meeting.id,
        newId,
        0,
      ).map((i) => agendaItemSchema.parse(i));
      // Carried items come on top of the template's: planned long enough for them from the start.
      const asked = Math.round((Date.parse(input.plannedEndAt) - Date.parse(input.startAt)) / 60_000);
      const needed = plannedLength(
        asked,
        items.reduce((sum, i) => sum + i.plannedMinutes, 0),
      );
      if (needed !== asked) meeting.plannedEndAt = addMinutes(input.startAt, needed) ?? meeting.plannedEndAt;

      const units = await db.orgUnits.toArray();
      const inUnit = descendantIds(units, input.orgUnitId);
      const people = (
        await db.people
          .where('orgUnitId')
          .anyOf([...inUnit])
          .toArray()
      ).sort(byRosterOrder);
      const roles = input.template.invitedRoles.filter((r) => r !== 'stakeholder');
      const invited = people.flatMap((p) => {
        const category = invitedCategory(p, roles);
        return category ? [{ p, category }] : [];
      });
      const attendance = invited.map(({ p, category }, order) => attendanceFor(meeting.id, p, category, order));

      await db.meetings.add(meeting);
      await db.agendaItems.bulkAdd(items);
      await db.attendance.bulkAdd(attendance);
      // A matter carried forward is on this agenda now: its timeline says so (matters register).
      for (const item of items.filter((i) => i.matterId && i.carriedFromItemId))
        await recordMatterEvent(
          db,
          {
            matterId: item.matterId!,
            kind: 'onAgenda',
            by: input.recorder?.name ?? '',
            meetingId: meeting.id,
            agendaItemId: item.id,
          },
          now,
        );
      return meeting;
    },
  );
}

/**
 * The names from the top unit down to this one, read up the parent links: a handful of rows,
 * where reading the whole tree (1,230 units in a district) just for one path was the cost.
 */
async function unitChain(db: YishiDb, orgUnitId: string): Promise<string[]> {
  const units: OrgUnit[] = [];
  for (let id: string | null | undefined = orgUnitId; id && units.length < 20;) {
    const unit: OrgUnit | undefined = await db.orgUnits.get(id);
    if (!unit || units.some((u) => u.id === unit.id)) break;
    units.push(unit);
    id = unit.parentId;
  }
  return orgPath(units, orgUnitId).map((u) => u.name);
}

/**
 * Everything of one meeting as a MeetingRecord, read in one transaction. Screens that watch the
 * record leave the minutes out: they change every second while someone types.
 */
export async function loadMeetingRecord(
  db: YishiDb,
  meetingId: string,
  options: { minutes?: boolean } = {},
): Promise<MeetingRecord | null> {
  return db.transaction('r', [...MEETING_TABLES.map((t) => db.table(t)), db.orgUnits, db.settings], async () => {
    const meeting = await db.meetings.get(meetingId);
    if (!meeting) return null;
    const byMeeting = <T>(table: string) =>
      (db as Dexie).table<T>(table).where('meetingId').equals(meetingId).toArray();
    // All reads asked for at once: inside one transaction IndexedDB answers them in a row
    // instead of one round trip after another.
    const [
      settings,
      orgPathNow,
      agendaItems,
      minutes,
      attendance,
      decisions,
      votes,
      householdConsultations,
      amendments,
    ] = await Promise.all([
      meeting.documentOrgNameAtFinalise == null ? loadSettings(db) : null,
      meeting.orgPathAtFinalise ? null : unitChain(db, meeting.orgUnitId),
      byMeeting<AgendaItem>('agendaItems'),
      options.minutes === false ? [] : byMeeting<MeetingRecord['minutes'][number]>('minutes'),
      byMeeting<Attendance>('attendance'),
      byMeeting<MeetingRecord['decisions'][number]>('decisions'),
      byMeeting<MeetingRecord['votes'][number]>('votes'),
      byMeeting<MeetingRecord['householdConsultations'][number]>('householdConsultations'),
      byMeeting<MeetingRecord['amendments'][number]>('amendments'),
    ]);
    return orderRecord({
      meeting,
      orgPath: meeting.orgPathAtFinalise ?? orgPathNow ?? [],
      documentOrgName: meeting.documentOrgNameAtFinalise ?? settings?.documentOrgName ?? '',
      agendaItems,
      minutes,
      attendance,
      decisions,
      votes,
      householdConsultations,
      amendments,
    });
  });
}

/**
 * The 纪要's own title, or none for the default one (the default is never stored, so it follows
 * a renamed compound). Set while preparing (with the meeting's details) or with the minutes,
 * until 定稿.
 */
export async function saveMinutesTitle(
  db: YishiDb,
  meetingId: string,
  title: string | undefined,
  now = new Date(),
): Promise<void> {
  await db.transaction('rw', db.meetings, async () => {
    const found = await db.meetings.get(meetingId);
    const current = await requireEditable(db, meetingId, found?.status === 'draft' ? 'details' : 'minutes');
    const { minutesTitle: _old, ...rest } = current;
    await db.meetings.put(
      meetingSchema.parse({ ...rest, ...(title ? { minutesTitle: title } : {}), updatedAt: now.toISOString() }),
    );
  });
}

/** Writes every row of a record's meeting tables (the meeting itself included). */
export async function putRecordRows(db: YishiDb, record: MeetingRecord): Promise<void> {
  await db.meetings.put(record.meeting);
  await db.agendaItems.bulkPut(record.agendaItems);
  await db.minutes.bulkPut(record.minutes);
  await db.attendance.bulkPut(record.attendance);
  await db.decisions.bulkPut(record.decisions);
  await db.votes.bulkPut(record.votes);
  await db.householdConsultations.bulkPut(record.householdConsultations);
  await db.amendments.bulkPut(record.amendments);
}
