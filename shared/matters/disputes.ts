import { z } from 'zod';
import { calendarDateSchema } from '../dates';

/**
 * 矛盾纠纷: a matter of the category 矛盾纠纷 is also a dispute — its parties, its mediator
 * (人民调解员), the mediation sessions held and how it ended.
 */

export const DISPUTE_CATEGORY = '矛盾纠纷';

/** 调解中 · 调解成功 · 调解未成功 · 转诉讼. */
export const DISPUTE_OUTCOMES = ['pending', 'success', 'failed', 'litigation'] as const;
export type DisputeOutcome = (typeof DISPUTE_OUTCOMES)[number];
export const DISPUTE_OUTCOME_LABELS: Record<DisputeOutcome, string> = {
  pending: '调解中',
  success: '调解成功',
  failed: '调解未成功',
  litigation: '转诉讼',
};

export const disputePartySchema = z.object({
  name: z.string().trim().min(1, '请填写当事人姓名').max(60, '当事人姓名不能超过60个字'),
  /** Set when the party is on the roster. */
  personId: z.string().min(1).optional(),
});
export type DisputeParty = z.infer<typeof disputePartySchema>;

export const disputeSchema = z.object({
  /** One dispute per matter: the matter's id is the key. */
  matterId: z.string().min(1),
  parties: z.array(disputePartySchema).max(50, '当事人最多50人'),
  /** The 人民调解员, from the roster (people marked 人民调解员). */
  mediator: z.object({ personId: z.string().min(1), name: z.string().trim().min(1).max(60) }).optional(),
  outcome: z.enum(DISPUTE_OUTCOMES),
  outcomeNote: z.string().trim().max(2000).optional(),
  outcomeAt: z.string().min(1).optional(),
  createdAt: z.string().min(1),
  updatedAt: z.string().min(1),
});
export type Dispute = z.infer<typeof disputeSchema>;

export const mediationSessionSchema = z.object({
  id: z.string().min(1),
  matterId: z.string().min(1),
  date: calendarDateSchema,
  place: z.string().trim().min(1, '请填写调解地点').max(100, '调解地点不能超过100个字'),
  /** What was agreed (or that nothing was). */
  agreed: z.string().trim().min(1, '请填写调解情况').max(2000, '调解情况不能超过2000个字'),
  createdAt: z.string().min(1),
  by: z.string().trim().max(60),
});
export type MediationSession = z.infer<typeof mediationSessionSchema>;

export interface ResolutionRate {
  total: number;
  resolved: number;
  /** Percent with one decimal, or null when there is no dispute to rate. */
  percent: number | null;
}

/**
 * 化解率 as the 垦利 report computes it: "排查各类社区矛盾纠纷5077件，已化解完成5012件，化解率达到
 * 98.7%" — disputes resolved divided by ALL disputes logged (排查), those still being mediated
 * included, rounded to one decimal (5012 / 5077 = 98.72 % → 98.7 %). Only 调解成功 counts as
 * 化解; 未成功 and 转诉讼 are logged but not resolved.
 */
export function resolutionRate(total: number, resolved: number): ResolutionRate {
  if (!Number.isSafeInteger(total) || !Number.isSafeInteger(resolved) || total <= 0 || resolved < 0)
    return { total: Math.max(0, Number.isSafeInteger(total) ? total : 0), resolved: 0, percent: null };
  const clamped = Math.min(resolved, total);
  return { total, resolved: clamped, percent: Math.round((clamped * 1000) / total) / 10 };
}

/** Outcomes that end the mediation; a new session after one of them is refused. */
export function isSettled(outcome: DisputeOutcome): boolean {
  return outcome !== 'pending';
}
