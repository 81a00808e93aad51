import { z } from 'zod';
import { calendarDateSchema, momentSchema } from '../dates';
import { rosterRoleSchema } from './roles';
import { partyRefSchema } from './party';
import { briefingSchema } from './briefing';
import { boundedJsonObject, boundedJsonValue } from '../validation/json';

/**
 * 党群议事日 (monthly, on the 10th) · 红板凳议事会 (ad hoc) · 议事协商会议 (general), and the meetings
 * the escalation ladder needs (shared/escalation/ladder.ts): 两委联席会议 (商议), 党员大会 and
 * 居民代表会议 (审议), 街道专题联席会议. New values are only ever appended: old rows stay valid.
 */
export const MEETING_TYPES = [
  'monthlyDay',
  'redBench',
  'general',
  'twoCommitteesJoint',
  'partyMembers',
  'residentReps',
  'streetJoint',
] as const;
export type MeetingType = (typeof MEETING_TYPES)[number];

/**
 * draft → live → closed → finalised (定稿) → signed (locked; later changes are amendments); a
 * meeting that began can be cancelled (已取消) instead, and keeps its 期数.
 */
export const MEETING_STATUSES = ['draft', 'live', 'closed', 'finalised', 'signed', 'cancelled'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

/** Dates and moments are defined once, in shared/dates.ts; these names stay for existing imports. */
const isoDateTime = momentSchema;
const isoDate = calendarDateSchema;

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
  /** 主持人 and 记录人. */
  chair: partyRefSchema.optional(),
  recorder: partyRefSchema.optional(),
  status: z.enum(MEETING_STATUSES),
  /** Share of those present that a vote needs to exceed (default: more than half). */
  passThreshold: z.number().min(0).max(1),
  currentAgendaItemId: z.string().optional(),
  /** When the chair opened live mode, closed the meeting, finalised (定稿) and locked it. */
  startedAt: isoDateTime.optional(),
  closedAt: isoDateTime.optional(),
  finalisedAt: isoDateTime.optional(),
  signedAt: isoDateTime.optional(),
  /** When and why a meeting that began was cancelled (已取消). */
  cancelledAt: isoDateTime.optional(),
  cancelReason: z.string().trim().min(1).max(500).optional(),
  /** SHA-256 (hex) over the canonical record at signing; amendments re-seal it. */
  fingerprint: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .optional(),
  /** The paper 签到表 was signed instead of (or as well as) the screen: its photo or scan. */
  paperSignatureSheet: z
    .object({ imageDataUrl: z.string().max(8_000_000), recordedAt: isoDateTime, recordedBy: z.string().max(30) })
    .optional(),
  /**
   * The organisation chain and issuing organisation as they were at 定稿: the record (and its
   * fingerprint) must not change when a compound is renamed later.
   */
  orgPathAtFinalise: z.array(z.string().max(60)).max(10).optional(),
  documentOrgNameAtFinalise: z.string().max(60).optional(),
  /** The meeting whose unresolved items this one carried forward. */
  carriedFromMeetingId: z.string().optional(),
  /**
   * The 纪要's title when the secretary gives one; without it the documents build the usual one
   * (帝纱富仕城小区2026年第7期红板凳议事会会议纪要). Optional and never defaulted, so records and
   * fingerprints from before it existed stay as they were.
   */
  minutesTitle: z.string().trim().max(100).optional(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});
export type Meeting = z.infer<typeof meetingSchema>;

/** A meeting type's template: default agenda items, the roles to invite and the vote rule. */
export const meetingTemplateSchema = z.object({
  id: z.string().min(1),
  type: z.enum(MEETING_TYPES),
  name: z.string().trim().min(1).max(60),
  defaultItems: z
    .array(z.object({ title: z.string().trim().min(1).max(100), plannedMinutes: z.number().int().min(1).max(600) }))
    .max(30),
  invitedRoles: z.array(rosterRoleSchema),
  passThreshold: z.number().min(0).max(1),
  plannedMinutes: z.number().int().min(10).max(600),
});
export type MeetingTemplate = z.infer<typeof meetingTemplateSchema>;

/**
 * The minutes of one agenda item: Tiptap JSON with its schema version, plus the plain text for
 * search. Stored apart from the agenda item so autosave writes only this row.
 */
export const minutesSchema = z.object({
  agendaItemId: z.string().min(1),
  meetingId: z.string().min(1),
  schemaVersion: z.literal(1),
  /** Bounded in depth and size: it comes from files too, and is hashed and stored as read. */
  doc: boundedJsonObject(),
  text: z.string(),
  updatedAt: isoDateTime,
});
export type Minutes = z.infer<typeof minutesSchema>;

export const AGENDA_ITEM_STATES = ['pending', 'discussed', 'resolved', 'carriedOver'] as const;

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
  concerns: z.array(rosterRoleSchema),
  state: z.enum(AGENDA_ITEM_STATES),
  /** 决议: what the meeting resolved on this item, in a sentence or two. */
  resolution: z.string().max(2000).optional(),
  /** When the chair moved to and away from this item in live mode (for elapsed time). */
  startedAt: isoDateTime.optional(),
  endedAt: isoDateTime.optional(),
  /** The item of an earlier meeting this one carries forward. */
  carriedFromItemId: z.string().optional(),
  /**
   * 上月决定事项落实情况通报: the follow-up report as it stood when generated (./briefing.ts says
   * why a snapshot). Optional and never defaulted, so earlier records and fingerprints are unchanged.
   */
  briefing: briefingSchema.optional(),
});
export type AgendaItem = z.infer<typeof agendaItemSchema>;

/** 出席 present · 请假 excused · 缺席 absent · 列席 attending without a vote · 已邀请 invited, not yet signed in. */
export const ATTENDANCE_STATES = ['invited', 'present', 'excused', 'absent', 'nonVoting'] as const;
export type AttendanceState = (typeof ATTENDANCE_STATES)[number];

export const attendanceSchema = z.object({
  id: z.string().min(1),
  meetingId: z.string().min(1),
  /** A roster person, or absent for a one-off guest (walk-in). */
  personId: z.string().optional(),
  /** Name and unit as they were at the meeting, so the record stands on its own. */
  name: z.string().trim().min(1).max(30),
  unit: z.string().trim().max(60).optional(),
  /** The 6+N category the person attends in. */
  category: rosterRoleSchema,
  order: z.number().int(),
  state: z.enum(ATTENDANCE_STATES),
  arrivedAt: isoDateTime.optional(),
  /** Came without an invitation, added at the sign-in (临时到会): the 会议通知 does not list them. */
  walkIn: z.literal(true).optional(),
  signature: z
    .object({
      kind: z.enum(['screen', 'paper']),
      imageDataUrl: z.string().max(2_000_000).optional(),
      signedAt: isoDateTime,
    })
    .optional(),
});
export type Attendance = z.infer<typeof attendanceSchema>;

/** 修订: a correction to a signed record, appended, never an edit in place. */
export const amendmentSchema = z.object({
  id: z.string().min(1),
  meetingId: z.string().min(1),
  at: isoDateTime,
  by: z.string().trim().min(1).max(30),
  reason: z.string().trim().min(1).max(1000),
  /** What changed, as paths into the record with the values before and after. */
  changes: z
    .array(
      z.object({
        path: z.string().min(1).max(200),
        before: boundedJsonValue().optional(),
        after: boundedJsonValue().optional(),
      }),
    )
    .min(1)
    .max(200),
  fingerprintBefore: z.string().regex(/^[0-9a-f]{64}$/),
  fingerprintAfter: z.string().regex(/^[0-9a-f]{64}$/),
});
export type Amendment = z.infer<typeof amendmentSchema>;

export { isoDate, isoDateTime };
