import type { TFunction } from 'i18next';

/** A filing's month as stored (2025-12), as the screen says it (2025年12月, 12/2025). */
export function monthText(t: TFunction<'filing'>, month: string): string {
  return t('review.monthText', { year: month.slice(0, 4), month: Number(month.slice(5, 7)) });
}
