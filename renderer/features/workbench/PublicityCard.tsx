import { Card } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { PublicityDue } from '../../../shared/workbench/publicity';
import { useWording } from '../../i18n/wording';
import './messages';

/**
 * 公示 ending soon and 评议 to organise. Fed by shared/workbench/publicity.ts, which has no
 * records to read until the 公示/评议 tables exist: the section is ready for them.
 */
export function PublicityCard({ lines }: { lines: readonly PublicityDue[] }) {
  const { t } = useTranslation('workbench');
  const w = useWording();
  return (
    <Card size="small" title={t('publicity.title')} data-testid="workbench-publicity">
      {lines.length === 0 && <p className="yishi-workbench-note">{t('publicity.none')}</p>}
      <ul className="yishi-workbench-list">
        {lines.map((l) => (
          <li key={`${l.kind}-${l.decisionId}`}>
            <Link to={`/followup/${l.decisionId}`}>{l.title}</Link>
            <span className="yishi-workbench-note">{t(`publicity.${l.kind}`, { date: w.date(l.date) })}</span>
          </li>
        ))}
      </ul>
    </Card>
  );
}
