import type { CalendarDate } from '../dates';

/**
 * The 工作台's 公示 and 评议 section reads this shape. The 公示/评议 records are built in another
 * part of the app (their tables are not in this schema yet); until they are, `publicityDue`
 * has nothing to read and returns no line. When they exist, it selects 公示 ending within
 * PUBLICITY_SOON_DAYS and 评议 to organise, and the section shows them unchanged.
 */
export interface PublicityDue {
  kind: 'noticeEnding' | 'evaluationToOrganise';
  /** The decision the notice or evaluation is about: its line opens /followup/:decisionId. */
  decisionId: string;
  title: string;
  /** The notice's end date, or the day the evaluation is due. */
  date: CalendarDate;
  orgUnitId: string;
}

export const PUBLICITY_SOON_DAYS = 3;

/** 公示 ending soon and 评议 to organise, soonest first. No source yet: see above. */
export function publicityDue(_today: CalendarDate, _scope: ReadonlySet<string> | null): PublicityDue[] {
  return [];
}
