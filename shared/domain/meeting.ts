import { z } from 'zod';
import { rosterRoleSchema } from './roles';

/** 党群议事日 (monthly, on the 10th) · 红板凳议事会 (ad hoc) · 议事协商会议 (general). */
export const MEETING_TYPES = ['monthlyDay', 'redBench', 'general'] as const;
export type MeetingType = (typeof MEETING_TYPES)[number];

/** draft → live → closed → finalised (定稿) → signed (locked; later changes are amendments). */
export const MEETING_STATUSES = ['draft', 'live', 'closed', 'finalised', 'signed'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

const isoDateTime = z.string().datetime({ offset: true, message: '时间格式不正确' });
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');

export const meetingSchema = z.object({
  id: z.string().min(1),
  type: z.enum(MEETING_TYPES),
  title: z.string().trim().min(1, '会议名称不能为空').max(100),
  orgUnitId: z.string().min(1),
  /** 期数: numbered per compound and year, e.g. 2026年第7期. */
  issueYear: z.number().int().min(2000).max(2100),
  issueNo: z.number().int().min(1).max(999),
  startAt: isoDateTime,
  plannedEndAt: isoDateTime,
  place: z.string().trim().max(100),
  chairId: z.string().optional(),
  recorderId: z.string().optional(),
  status: z.enum(MEETING_STATUSES),
  /** Share of those present that a vote needs to exceed (default: more than half). */
  passThreshold: z.number().min(0).max(1),
  currentAgendaItemId: z.string().optional(),
  fingerprint: z.string().optional(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});
export type Meeting = z.infer<typeof meetingSchema>;

/** Tiptap JSON with its schema version, plus the plain text for search. */
export const minutesSchema = z.object({
  schemaVersion: z.literal(1),
  doc: z.record(z.string(), z.unknown()),
  text: z.string(),
});
export type Minutes = z.infer<typeof minutesSchema>;

export const agendaItemSchema = z.object({
  id: z.string().min(1),
  meetingId: z.string().min(1),
  order: z.number().int(),
  title: z.string().trim().min(1, '议题不能为空').max(100),
  background: z.string().max(5000).optional(),
  raisedBy: z.string().max(60).optional(),
  presenterId: z.string().optional(),
  plannedMinutes: z.number().int().min(1).max(600),
  /** Link to the matters register (居民说事) when the item came from a raised matter. */
  matterId: z.string().optional(),
  /** Standing categories the item concerns, e.g. property for a property problem. */
  concerns: z.array(rosterRoleSchema).default([]),
  minutes: minutesSchema.optional(),
});
export type AgendaItem = z.infer<typeof agendaItemSchema>;

/** 出席 present · 请假 excused · 缺席 absent · 列席 attending without a vote · 已邀请 invited, not yet signed in. */
export const ATTENDANCE_STATES = ['invited', 'present', 'excused', 'absent', 'nonVoting'] as const;
export type AttendanceState = (typeof ATTENDANCE_STATES)[number];

export const attendanceSchema = z.object({
  id: z.string().min(1),
  meetingId: z.string().min(1),
  /** A roster person, or absent for a one-off guest. */
  personId: z.string().optional(),
  guestName: z.string().trim().max(30).optional(),
  guestUnit: z.string().trim().max(60).optional(),
  category: rosterRoleSchema,
  state: z.enum(ATTENDANCE_STATES),
  arrivedAt: isoDateTime.optional(),
  signature: z
    .object({
      kind: z.enum(['screen', 'paper']),
      imageDataUrl: z.string().max(2_000_000).optional(),
      signedAt: isoDateTime,
    })
    .optional(),
});
export type Attendance = z.infer<typeof attendanceSchema>;

export { isoDate, isoDateTime };
