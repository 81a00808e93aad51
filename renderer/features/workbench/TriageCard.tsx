import { Card } from 'antd';
import type { PlainTagColor, PlainTags } from '../../app/PlainTable';
import { useTranslation } from 'react-i18next';
import { RouteLink } from '../../app/RouteLink';
import type { Matter } from '../../../shared/domain/matter';
import { useWording } from '../../i18n/wording';
import { LINES_SHOWN } from './DecisionLines';
import './messages';

const URGENCY_COLORS: Record<Matter['urgency'], PlainTagColor | undefined> = {
  normal: undefined,
  urgent: 'orange',
  critical: 'red',
};

/** 待分流: each line opens the matter, where it is triaged. */
export function TriageCard({
  lines,
  tags,
}: {
  lines: readonly { matter: Matter; unitName: string }[];
  tags: PlainTags;
}) {
  const { t } = useTranslation('workbench');
  const w = useWording();
  return (
    <Card size="small" title={t('triage.title', { count: lines.length })} data-testid="workbench-triage">
      {lines.length === 0 && <p className="yishi-workbench-note">{t('triage.none')}</p>}
      <ul className="yishi-workbench-list">
        {lines.slice(0, LINES_SHOWN).map(({ matter, unitName }) => (
          <li key={matter.id} data-testid="workbench-matter">
            <RouteLink to={`/matters/${matter.id}`}>{matter.title}</RouteLink>
            <span className="yishi-workbench-note">
              {unitName} · {t('triage.raised', { date: w.date(matter.raisedAt) })}
            </span>
            {URGENCY_COLORS[matter.urgency] && (
              <span className={tags.className(URGENCY_COLORS[matter.urgency])}>
                {t(`triage.urgency.${matter.urgency}`)}
              </span>
            )}
          </li>
        ))}
        {lines.length > LINES_SHOWN && (
          <li>
            <RouteLink to="/matters">{t('triage.more', { count: lines.length - LINES_SHOWN })}</RouteLink>
          </li>
        )}
      </ul>
    </Card>
  );
}
