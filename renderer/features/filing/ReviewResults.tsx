import { Alert } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { useApp } from '../../app/AppContext';
import { responsesOfMeeting } from '../../data/repos/reviewRepo';
import { useWording } from '../../i18n/wording';
import './messages';

/** 审阅结果 the community imported for this meeting, newest first. */
export function ReviewResults({ meetingId }: { meetingId: string }) {
  const { t } = useTranslation('filing');
  const w = useWording();
  const { db } = useApp();
  const rows = useLiveQuery(() => responsesOfMeeting(db, meetingId), [db, meetingId]);
  if (!rows || rows.length === 0) return null;
  const when = (at: string) => w.dateTime(at);
  return (
    <>
      {rows.map((row) => (
        <Alert
          key={row.id}
          data-testid="review-result"
          style={{ marginBottom: 16 }}
          type={row.outcome === 'reviewed' ? 'success' : 'warning'}
          showIcon
          title={t('response.title', { outcome: t(`review.outcomes.${row.outcome}`) })}
          description={
            <>
              <div>{t('response.detail', { org: row.reviewerOrg, at: when(row.reviewedAt) })}</div>
              {row.reasons && <div>{t('response.reasons', { reasons: row.reasons })}</div>}
            </>
          }
        />
      ))}
    </>
  );
}
