import { z } from 'zod';
import type { CodedRefusal } from '../codedRefusal';
import { publicityRefusal } from './refusals';

/** 满意 · 基本满意 · 不满意 */
export const RATINGS = ['satisfied', 'basic', 'unsatisfied'] as const;
export type Rating = (typeof RATINGS)[number];

/** More than any community has residents; keeps (count × 100) far inside safe integers. */
export const RATING_COUNT_MAX = 1_000_000;
export const DEFAULT_THRESHOLD_PERCENT = 80;

const count = z
  .number()
  .int('人数必须是整数')
  .min(0, '人数不能为负数')
  .max(RATING_COUNT_MAX, `人数不能超过${RATING_COUNT_MAX}`);
export const ratingCountsSchema = z.object({ satisfied: count, basic: count, unsatisfied: count });
export type RatingCounts = z.infer<typeof ratingCountsSchema>;

export function tally(raters: readonly { rating: Rating }[]): RatingCounts {
  const counts: RatingCounts = { satisfied: 0, basic: 0, unsatisfied: 0 };
  for (const r of raters) counts[r.rating]++;
  return counts;
}

export type SatisfactionVerdict =
  | { ok: true; counts: RatingCounts; total: number; favourable: number; rate: number; passed: boolean }
  | { ok: false; message: string; refusal: CodedRefusal };

/** Why counts of ratings are refused (the schema's rules, as codes), or null. */
function countsRefusal(counts: RatingCounts): CodedRefusal | null {
  for (const n of [counts?.satisfied, counts?.basic, counts?.unsatisfied]) {
    if (typeof n !== 'number' || !Number.isInteger(n)) return publicityRefusal('countNotInteger');
    if (n < 0) return publicityRefusal('countNegative');
    if (n > RATING_COUNT_MAX) return publicityRefusal('countTooLarge', { max: RATING_COUNT_MAX });
  }
  return null;
}

/**
 * THE satisfaction rule (满意度): (满意 + 基本满意) ÷ all ratings given. It passes when it is at
 * or above the threshold — exactly 80 % passes at 80 %. Compared in whole numbers
 * (favourable × 100 ≥ threshold × total) so that 4 of 5 is never 79.999…%. No ratings, no rate:
 * a round without a single rating is refused rather than counted as 0 % or 100 %.
 */
export function satisfaction(counts: RatingCounts, thresholdPercent: number): SatisfactionVerdict {
  const bad = countsRefusal(counts);
  if (bad) return { ok: false, message: bad.message, refusal: bad };
  if (!Number.isInteger(thresholdPercent) || thresholdPercent < 1 || thresholdPercent > 100) {
    const refusal = publicityRefusal('thresholdInvalid');
    return { ok: false, message: refusal.message, refusal };
  }
  const c = { satisfied: counts.satisfied, basic: counts.basic, unsatisfied: counts.unsatisfied };
  const total = c.satisfied + c.basic + c.unsatisfied;
  if (total === 0) {
    const refusal = publicityRefusal('noVotes');
    return { ok: false, message: refusal.message, refusal };
  }
  const favourable = c.satisfied + c.basic;
  return {
    ok: true,
    counts: c,
    total,
    favourable,
    rate: favourable / total,
    passed: favourable * 100 >= thresholdPercent * total,
  };
}

/** The rate as people read it, rounded DOWN to 0.1 %: 79.96 % shows as 79.9 %, never as a passing-looking 80.0 %. */
export function formatRate(favourable: number, total: number): string {
  if (total === 0) return '—';
  const tenths = Math.floor((favourable * 1000) / total);
  return `${Math.floor(tenths / 10)}.${tenths % 10}%`;
}
