import { z } from 'zod';
import { partyRefSchema } from '../domain/party';
import { rosterRoleSchema } from '../domain/roles';
import { VOTE_METHODS } from '../domain/vote';
import { draftKey } from './draftStore';

/**
 * The shapes in which the meeting dialogs keep an unsaved form (see draftStore.ts). A draft is
 * half-filled by nature, so every field is optional and only the type and a generous size are
 * checked: the business rules (four things a decision must state, counts against those
 * present…) are the save's, and a draft that breaks them must still come back to be fixed.
 */

/** Far above every form's own limit: a draft keeps what was typed, the save says what is too long. */
const MAX_DRAFT_TEXT = 20_000;
const text = z.string().max(MAX_DRAFT_TEXT).optional();
/** An InputNumber's value: a number, or null once cleared. */
const count = z.number().finite().min(0).max(10_000_000).nullable().optional();

export const decisionDraftSchema = z.object({
  title: text,
  responsible: partyRefSchema.optional(),
  standard: text,
  /** YYYY-MM-DD, as the date picker's value is stored. */
  deadline: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
  supervisor: partyRefSchema.optional(),
});
export type DecisionFormDraft = z.infer<typeof decisionDraftSchema>;

export const voteDraftSchema = z.object({
  subject: text,
  method: z.enum(VOTE_METHODS).optional(),
  agree: count,
  disagree: count,
  abstain: count,
});
export type VoteFormDraft = z.infer<typeof voteDraftSchema>;

export const householdDraftSchema = z.object({
  subject: text,
  asked: count,
  agreed: count,
  disagreed: count,
  notReached: count,
});
export type HouseholdFormDraft = z.infer<typeof householdDraftSchema>;

export const guestDraftSchema = z.object({ name: text, unit: text, category: rosterRoleSchema.optional() });
export type GuestFormDraft = z.infer<typeof guestDraftSchema>;

export const agendaItemDraftSchema = z.object({
  title: text,
  background: text,
  raisedBy: text,
  plannedMinutes: count,
  concerns: z.array(rosterRoleSchema).max(50).optional(),
});
export type AgendaItemFormDraft = z.infer<typeof agendaItemDraftSchema>;

export type MeetingDialog = 'decision' | 'vote' | 'household' | 'guest' | 'walkIn' | 'agendaItem';

/**
 * Where a dialog's draft is kept: per meeting, dialog, agenda item (when it belongs to one) and
 * the row being edited ('new' for a new one), so a draft only ever reopens in the same dialog
 * for the same thing.
 */
export function dialogDraftKey(
  meetingId: string,
  dialog: MeetingDialog,
  row: { agendaItemId?: string | undefined; id?: string | undefined } = {},
): string {
  return draftKey(meetingId, dialog, row.agendaItemId ?? '-', row.id ?? 'new');
}

/**
 * A draft as kept: the form's values and the base they were typed on. The base tells whether the
 * draft still applies when the dialog reopens — localStorage reaches the disk seconds after a
 * write, so after a power cut a draft whose removal on 保存 was lost can come back:
 * - editing a row: [the row's values as the form showed them] — the row changed since (the
 *   draft's save landed, or someone else's did): the draft no longer applies;
 * - a new row: the ids of the rows of that kind already there (the item's decisions…) — a row
 *   added since is this draft, saved: it no longer applies. A row deleted since does not matter.
 */
export interface KeptDraft<D> {
  values: D;
  base: string[];
}

export function keptDraftSchema<D>(values: z.ZodType<D>): z.ZodType<KeptDraft<D>> {
  return z.object({ values, base: z.array(z.string().max(MAX_DRAFT_TEXT * 2)).max(10_000) }) as z.ZodType<KeptDraft<D>>;
}

/** True when a draft kept on `kept` still applies to the rows as they are now (`current`). */
export function draftApplies(kept: readonly string[], current: readonly string[]): boolean {
  return current.every((v) => kept.includes(v));
}

/** The base of a dialog editing a stored row: the row's values as the form shows them. */
export function rowBase(formValuesAsDraft: unknown): string[] {
  return [JSON.stringify(formValuesAsDraft)];
}

/** True when two drafts hold the same values (a form changed and changed back holds no draft). */
export function sameDraft(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
