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
