import { useMemo } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { RouteLink } from '../../app/RouteLink';
import type { BoardFilter, BoardRow } from '../../../shared/followup/board';
import { useWording, type Wording } from '../../i18n/wording';
import type { PlainTags } from '../../app/PlainTable';
import { plainFollowupTags } from '../followup';
import './messages';

// How many lines a list shows before it points to the 督办 board for the rest (the repo reads
// the meetings of these lines only).
import { LINES_SHOWN } from '../../../shared/workbench/due';
export { LINES_SHOWN };

/** What the lines are worded with: asked for once by their card, not by each list of lines. */
export interface LineWords {
  t: TFunction<'workbench'>;
  tf: TFunction<'followup'>;
  w: Wording;
}

export function useLineWords(): LineWords {
  const { t } = useTranslation('workbench');
  const { t: tf } = useTranslation('followup');
  const w = useWording();
  return useMemo(() => ({ t, tf, w }), [t, tf, w]);
}

/** The board's unit filter for a 工作台 looking at one compound (the board's takes one unit, not a tree). */
export function scopeFilter(part: { compoundId?: string }): BoardFilter {
  return part.compoundId ? { orgUnitId: part.compoundId } : {};
}

/** Decisions as lines: the title opens its 督办 page; who acts, the deadline and the state beside it. */
export function DecisionLines({
  rows,
  words,
  moreTo,
  tags,
  limit = LINES_SHOWN,
}: {
  rows: readonly BoardRow[];
  words: LineWords;
  /** The 督办 board filtered to these rows, where "还有N项" leads. */
  moreTo: string;
  /** The state and timing tags beside each line; none when absent (the reminders say the timing). */
  tags?: PlainTags;
  limit?: number;
}) {
  const { t, tf, w } = words;
  const shown = rows.slice(0, limit);
  return (
    <ul className="yishi-workbench-list">
      {shown.map((r) => (
        <li key={r.decision.id} data-testid="workbench-decision">
          <RouteLink to={r.source ? `/matters/${r.source.matterId}` : `/followup/${r.decision.id}`}>
            {r.decision.title}
          </RouteLink>
          <span className="yishi-workbench-note">
            {t('reminders.line', { responsible: r.decision.responsible.name, deadline: w.date(r.decision.deadline) })}
            {r.orgUnitName && !r.meeting.title.includes(r.orgUnitName) ? ` · ${r.orgUnitName}` : ''}
          </span>
          {tags && plainFollowupTags(r.decision.status, r.timing, tf, tags)}
        </li>
      ))}
      {rows.length > shown.length && (
        <li>
          <RouteLink to={moreTo}>{t('more', { count: rows.length - shown.length })}</RouteLink>
        </li>
      )}
    </ul>
  );
}
