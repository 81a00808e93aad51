import type { TFunction } from 'i18next';
import { EscalationRefused } from '../../data/repos/escalationRepo';

/**
 * A refusal in the user's language: the rule's codes through this feature's strings (Chinese by
 * default, English as the second locale); anything else as its own message.
 */
export function refusalText(t: TFunction, error: unknown): string {
  if (error instanceof EscalationRefused && error.codes.length > 0)
    return error.codes
      .map((c) =>
        typeof c === 'string'
          ? t(`problems.summons.${c}`)
          : t(`problems.ladder.${c.problem}`, { step: c.step ? t(`steps.${c.step}`) : '', date: c.date ?? '' }),
      )
      .join(t('problemSeparator'));
  if (error instanceof EscalationRefused && error.reason) return t(`problems.refusals.${error.reason}`);
  return error instanceof Error ? error.message : String(error);
}
