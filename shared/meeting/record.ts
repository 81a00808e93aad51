import { z } from 'zod';
import {
  agendaItemSchema,
  amendmentSchema,
  attendanceSchema,
  meetingSchema,
  minutesSchema,
  type AgendaItem,
  type Amendment,
  type Attendance,
  type Meeting,
  type Minutes,
} from '../domain/meeting';
import { decisionSchema, type Decision } from '../domain/decision';
import { compareIsoTimes } from '../dates';
import { householdConsultationSchema, voteSchema, type HouseholdConsultation, type Vote } from '../domain/vote';
import { fieldName } from '../validation/fieldNames';
import { PREDICATE_PARAM } from '../validation/messages';

/**
 * Everything that makes up one meeting, as one value: what the fingerprint covers, what the
 * Word 纪要 is built from, and what a meeting file holds. Lists are in display order.
 */
export interface MeetingRecord {
  meeting: Meeting;
  /** Names of the chain 区 → … → 小区/网格 the meeting belongs to, outermost first. */
  orgPath: string[];
  /** The issuing organisation printed on documents (设置 → 文件落款单位). */
  documentOrgName: string;
  agendaItems: AgendaItem[];
  minutes: Minutes[];
  attendance: Attendance[];
  decisions: Decision[];
  votes: Vote[];
  householdConsultations: HouseholdConsultation[];
  amendments: Amendment[];
}

/** The lists of a record whose rows are stored one per row in the meeting tables. */
export const RECORD_LISTS = [
  'agendaItems',
  'minutes',
  'attendance',
  'decisions',
  'votes',
  'householdConsultations',
  'amendments',
] as const;
export type RecordList = (typeof RECORD_LISTS)[number];

/** The field that identifies a row of each list in its table (the minutes: one per agenda item). */
export const ROW_KEY: Record<RecordList, 'id' | 'agendaItemId'> = {
  agendaItems: 'id',
  minutes: 'agendaItemId',
  attendance: 'id',
  decisions: 'id',
  votes: 'id',
  householdConsultations: 'id',
  amendments: 'id',
};

/** The lists whose rows hang on an agenda item. */
const ON_AGENDA_ITEM = ['minutes', 'decisions', 'votes', 'householdConsultations'] as const;

export interface StructureFault {
  path: Array<string | number>;
  /** Continues the field's name: "第2项决定的所属会议" + "不是本会议". */
  words: string;
}

type Row = { meetingId: string; id?: string; agendaItemId?: string };

/**
 * What makes a record more than valid rows: every row belongs to the record's own meeting, no two
 * rows of a list share a key, and every minutes, decision, vote and consultation hangs on one of
 * the record's own agenda items. A row breaking these would be written into another meeting (or
 * over another meeting's row) when the record is stored. Returns the first fault, or null.
 */
export function recordStructureFault(record: Pick<MeetingRecord, 'meeting' | RecordList>): StructureFault | null {
  const meetingId = record.meeting.id;
  for (const list of RECORD_LISTS) {
    const rows = record[list] as readonly Row[];
    const seen = new Map<string, number>();
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i]!;
      if (row.meetingId !== meetingId) return { path: [list, i, 'meetingId'], words: '不是本会议（属于另一个会议）' };
      const key = ROW_KEY[list];
      const value = row[key] ?? '';
      const first = seen.get(value);
      if (first !== undefined)
        return { path: [list, i, key], words: `与${fieldName([list, first], { kind: 'record' })}重复` };
      seen.set(value, i);
    }
  }
  const items = new Set(record.agendaItems.map((item) => item.id));
  for (const list of ON_AGENDA_ITEM) {
    const index = record[list].findIndex((row) => !items.has(row.agendaItemId));
    if (index >= 0) return { path: [list, index, 'agendaItemId'], words: '不是本会议议程中的议题' };
  }
  return null;
}

export const meetingRecordSchema = z.object({
  meeting: meetingSchema,
  orgPath: z.array(z.string().max(60)).max(10),
  documentOrgName: z.string().max(60),
  agendaItems: z.array(agendaItemSchema).max(200),
  minutes: z.array(minutesSchema).max(200),
  attendance: z.array(attendanceSchema).max(2000),
  decisions: z.array(decisionSchema).max(2000),
  votes: z.array(voteSchema).max(2000),
  householdConsultations: z.array(householdConsultationSchema).max(200),
  amendments: z.array(amendmentSchema).max(1000),
});

/**
 * A record that is valid row by row and whose rows all belong to it (recordStructureFault): what
 * a record from outside (a meeting file) must be before it is stored.
 */
export const wholeRecordSchema = meetingRecordSchema.superRefine((record, ctx) => {
  const fault = recordStructureFault(record);
  if (fault)
    ctx.addIssue({ code: 'custom', path: fault.path, message: fault.words, params: { [PREDICATE_PARAM]: true } });
});

/** The rows of one meeting, as its tables hold them (any order). */
export type RecordRows = Pick<MeetingRecord, RecordList>;

/**
 * A record from a meeting's stored rows: the chain and issuer kept at 定稿 where there are some
 * (what the seal covers), else the ones given (the organisation as it is now).
 */
export function assembleRecord(
  meeting: Meeting,
  rows: RecordRows,
  now: { orgPath: string[]; documentOrgName: string },
): MeetingRecord {
  return orderRecord({
    meeting,
    orgPath: meeting.orgPathAtFinalise ?? now.orgPath,
    documentOrgName: meeting.documentOrgNameAtFinalise ?? now.documentOrgName,
    // Only the record's lists: anything else the caller's object holds is not part of the record.
    agendaItems: rows.agendaItems,
    minutes: rows.minutes,
    attendance: rows.attendance,
    decisions: rows.decisions,
    votes: rows.votes,
    householdConsultations: rows.householdConsultations,
    amendments: rows.amendments,
  });
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Records orderRecord returned. Records are never changed in place (every change makes a new
 * object), so one of these is still in order: loading, exporting and printing it orders it once,
 * not once per step.
 */
const inOrder = new WeakSet<MeetingRecord>();

/** Sorts the parts of a record the way they are shown and printed; ties broken by id so output is stable. */
export function orderRecord(record: MeetingRecord): MeetingRecord {
  if (inOrder.has(record)) return record;
  const itemOrder = new Map(record.agendaItems.map((i) => [i.id, i.order]));
  const byItem = <T extends { agendaItemId: string }>(a: T, b: T) =>
    (itemOrder.get(a.agendaItemId) ?? 0) - (itemOrder.get(b.agendaItemId) ?? 0);
  const ordered: MeetingRecord = {
    ...record,
    agendaItems: [...record.agendaItems].sort((a, b) => a.order - b.order || byId(a, b)),
    minutes: [...record.minutes].sort(byItem),
    attendance: [...record.attendance].sort((a, b) => a.order - b.order || byId(a, b)),
    decisions: [...record.decisions].sort(
      (a, b) => byItem(a, b) || compareIsoTimes(a.createdAt, b.createdAt) || byId(a, b),
    ),
    votes: [...record.votes].sort((a, b) => byItem(a, b) || byId(a, b)),
    householdConsultations: [...record.householdConsultations].sort((a, b) => byItem(a, b) || byId(a, b)),
    amendments: [...record.amendments].sort((a, b) => compareIsoTimes(a.at, b.at) || byId(a, b)),
  };
  inOrder.add(ordered);
  return ordered;
}
