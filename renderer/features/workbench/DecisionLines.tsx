import { useTranslation } from 'react-i18next';
import { RouteLink } from '../../app/RouteLink';
import type { BoardRow } from '../../../shared/followup/board';
import { useWording } from '../../i18n/wording';
import { WordedFollowupTags } from '../followup';
import './messages';

// How many lines a list shows before it points to the 督办 board for the rest (the repo reads
// the meetings of these lines only).
import { LINES_SHOWN } from '../../../shared/workbench/due';
export { LINES_SHOWN };

/** Decisions as lines: the title opens its 督办 page; who acts, the deadline and the state beside it. */
export function DecisionLines({
  rows,
  showTags = true,
  limit = LINES_SHOWN,
}: {
  rows: readonly BoardRow[];
  showTags?: boolean;
  limit?: number;
}) {
  const { t } = useTranslation('workbench');
  const { t: tf } = useTranslation('followup');
  const w = useWording();
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
          {showTags && <WordedFollowupTags state={r.decision.status} timing={r.timing} t={tf} />}
        </li>
      ))}
      {rows.length > shown.length && (
        <li>
          <RouteLink to="/followup">{t('more', { count: rows.length - shown.length })}</RouteLink>
        </li>
      )}
    </ul>
  );
}
