import { z } from 'zod';
import { calendarDateSchema } from '../dates';
import { FOLLOWUP_STATES } from '../followup/state';

/**
 * 上月决定事项落实情况通报: the agenda item of a 党群议事日 that reports, for each decision of the
 * compound's earlier meetings not yet confirmed done, where its follow-up stands.
 *
 * Why a snapshot stored on the agenda item, not a view computed when the 纪要 is printed: the
 * item reports what the meeting was told on its day. The agenda item is part of the sealed
 * record, so the 纪要 printed a year later — and the fingerprint that 核验 checks — must read the
 * same words, while the decisions' follow-up keeps moving (it lives outside the seal on purpose).
 * A view computed at print time would change a signed 纪要 with every progress note. Until the
 * meeting is 定稿 the secretary can generate it again to bring it up to date.
 */

export const BRIEFING_TITLE = '上月决定事项落实情况通报';
export const BRIEFING_MAX_LINES = 300;

export const briefingLineSchema = z.object({
  decisionId: z.string().min(1),
  title: z.string().max(200),
  /** The meeting that decided it, as the 纪要 names it: 帝纱富仕城小区党群议事日（2026年第7期）. */
  meeting: z.string().max(200),
  responsible: z.string().max(60),
  deadline: calendarDateSchema,
  state: z.enum(FOLLOWUP_STATES),
  overdue: z.boolean(),
  /** The latest progress step, in words, with its day: 王师傅：已进场施工（2026-11-15）. */
  latest: z.string().max(1200).optional(),
});
export type BriefingLine = z.infer<typeof briefingLineSchema>;

export const briefingSchema = z.object({
  /** The day the report stands on (the day it was generated). */
  asOf: calendarDateSchema,
  lines: z.array(briefingLineSchema).max(BRIEFING_MAX_LINES),
});
export type Briefing = z.infer<typeof briefingSchema>;
