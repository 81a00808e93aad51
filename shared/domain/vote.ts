import { z } from 'zod';

export const VOTE_METHODS = ['showOfHands', 'secretBallot'] as const; // 举手 / 无记名

export const voteSchema = z.object({
  id: z.string().min(1),
  meetingId: z.string().min(1),
  agendaItemId: z.string().min(1),
  subject: z.string().trim().min(1).max(200),
  method: z.enum(VOTE_METHODS),
  agree: z.number().int().nonnegative(),
  disagree: z.number().int().nonnegative(),
  abstain: z.number().int().nonnegative(),
  /** Voters present when the vote was taken (列席 do not vote). */
  presentVoters: z.number().int().nonnegative(),
  threshold: z.number().min(0).max(1),
});
export type Vote = z.infer<typeof voteSchema>;

export type VoteCheck =
  { ok: true; passed: boolean; needed: number } | { ok: false; problem: 'noVoters' | 'tooManyVotes' };

/**
 * A motion passes when agree exceeds `threshold` of those present (default: more than half).
 * The result is computed, never typed.
 */
export function voteResult(v: Pick<Vote, 'agree' | 'disagree' | 'abstain' | 'presentVoters' | 'threshold'>): VoteCheck {
  if (v.presentVoters <= 0) return { ok: false, problem: 'noVoters' };
  if (v.agree + v.disagree + v.abstain > v.presentVoters) return { ok: false, problem: 'tooManyVotes' };
  const needed = Math.floor(v.presentVoters * v.threshold) + 1;
  return { ok: true, passed: v.agree >= needed, needed };
}

/** 逐户征求意见: households asked, agreed, disagreed, not reached. */
export const householdConsultationSchema = z
  .object({
    id: z.string().min(1),
    meetingId: z.string().min(1),
    agendaItemId: z.string().min(1),
    subject: z.string().trim().min(1).max(200),
    asked: z.number().int().positive(),
    agreed: z.number().int().nonnegative(),
    disagreed: z.number().int().nonnegative(),
    notReached: z.number().int().nonnegative(),
  })
  .refine((h) => h.agreed + h.disagreed + h.notReached <= h.asked, {
    message: '同意、不同意与未联系到的户数之和不能超过征求户数',
  });
export type HouseholdConsultation = z.infer<typeof householdConsultationSchema>;
