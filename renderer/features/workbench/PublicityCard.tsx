import { Card } from 'antd';
import { useTranslation } from 'react-i18next';
import { RouteLink } from '../../app/RouteLink';
import type { PublicityDue } from '../../../shared/workbench/publicity';
import { useWording } from '../../i18n/wording';
import './messages';

/** 公示 ending soon, 评议 to organise and 再次验收 due (shared/workbench/publicity.ts). */
export function PublicityCard({ lines }: { lines: readonly PublicityDue[] }) {
  const { t } = useTranslation('workbench');
  const w = useWording();
  return (
    <Card size="small" title={t('publicity.title')} data-testid="workbench-publicity">
      {lines.length === 0 && <p className="yishi-workbench-note">{t('publicity.none')}</p>}
      <ul className="yishi-workbench-list">
        {lines.map((l) => (
          <li key={`${l.kind}-${l.decisionId ?? l.meetingId}`}>
            <RouteLink to={l.decisionId ? `/followup/${l.decisionId}` : `/meetings/${l.meetingId}`}>
              {l.title}
            </RouteLink>
            <span className="yishi-workbench-note">{t(`publicity.${l.kind}`, { date: w.date(l.date) })}</span>
          </li>
        ))}
      </ul>
    </Card>
  );
}
