import type { TFunction } from 'i18next';
import type { FilingProblem } from '../../../shared/filing/verify';
import './messages';

/** Why a package was refused, in the reviewer's language. */
export function filingProblemText(t: TFunction<'filing'>, problem: FilingProblem): string {
  return t(`problems.${problem.code}`, { ...problem });
}
