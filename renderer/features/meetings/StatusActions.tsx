import { App, Button, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { MeetingStatus } from '../../../shared/domain/meeting';
import type { MeetingRecord } from '../../../shared/meeting/record';
import { useApp } from '../../app/AppContext';
import { moveMeeting } from '../../data/repos/lifecycleRepo';
import { reviewMessage } from './RecordPanel';

/** The buttons that move a meeting along draft → live → closed → finalised (→ signed in SignPanel). */
export function StatusActions({ record }: { record: MeetingRecord }) {
  const { t } = useTranslation('meetings');
  const { t: tc } = useTranslation();
  const { db } = useApp();
  const { modal, message } = App.useApp();
  const navigate = useNavigate();
  const m = record.meeting;

  async function move(to: MeetingStatus, confirmText?: string) {
    if (
      confirmText &&
      !(await modal.confirm({ title: confirmText, okText: tc('common.confirm'), cancelText: tc('common.cancel') }))
    )
      return false;
    const outcome = await moveMeeting(db, m.id, to);
    if (outcome.ok) return true;
    if ('review' in outcome) {
      void modal.warning({
        title: t('review.title'),
        width: 560,
        content: (
          <ul data-testid="review-problems">
            {outcome.review.map((p, i) => (
              <li key={i}>{reviewMessage(t, p)}</li>
            ))}
          </ul>
        ),
      });
    } else void message.error(tc('errors.unexpected', { message: outcome.error.code }));
    return false;
  }

  const live = () => navigate(`/meetings/${m.id}/live`);
  return (
    <Space wrap className="yishi-no-print">
      {m.status === 'draft' && (
        <Button type="primary" onClick={async () => (await move('live', t('confirm.start'))) && live()}>
          {t('actions.start')}
        </Button>
      )}
      {m.status === 'live' && (
        <Button type="primary" onClick={live}>
          {t('enterLive')}
        </Button>
      )}
      {m.status === 'live' && (
        <Button onClick={() => void move('closed', t('confirm.close'))}>{t('actions.close')}</Button>
      )}
      {m.status === 'closed' && (
        <Button onClick={async () => (await move('live')) && live()}>{t('actions.reopen')}</Button>
      )}
      {m.status === 'closed' && (
        <Button type="primary" onClick={() => void move('finalised', t('confirm.finalise'))}>
          {t('actions.finalise')}
        </Button>
      )}
      {m.status === 'finalised' && <Button onClick={() => void move('closed')}>{t('actions.unfinalise')}</Button>}
    </Space>
  );
}
