import type { HouseholdConsultation } from './vote';

/**
 * A share in per cent as a notice board shows it: one decimal, a whole number without its ".0"
 * (93.3, 50, 100); 0 when there is nothing to share.
 */
export function percentText(part: number, whole: number): string {
  if (!(whole > 0) || !Number.isFinite(part)) return '0';
  return (Math.round((part / whole) * 1000) / 10).toFixed(1).replace(/\.0$/, '');
}

/** 逐户征求意见: the share of the households asked that agreed — the one figure the screen and the documents show. */
export function householdAgreedPercent(h: Pick<HouseholdConsultation, 'asked' | 'agreed'>): string {
  return percentText(h.agreed, h.asked);
}
