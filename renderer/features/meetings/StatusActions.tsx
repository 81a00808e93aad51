import { useState } from 'react';
import { App, Button, Modal, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { formatChineseDate, today } from '../../../shared/dates';
import type { MeetingStatus } from '../../../shared/domain/meeting';
import type { MeetingRecord } from '../../../shared/meeting/record';
import { issueLabel } from '../../../shared/meeting/schedule';
import { startTiming, type StartTiming } from '../../../shared/meeting/startDay';
import { useApp } from '../../app/AppContext';
import { moveMeeting, startMeeting } from './lifecycleRepo';
import { reviewMessage } from './RecordPanel';

/** The buttons that move a meeting along draft → live → closed → finalised (→ signed in SignPanel). */
export function StatusActions({ record }: { record: MeetingRecord }) {
  const { t } = useTranslation('meetings');
  const { t: tc } = useTranslation();
  const { db } = useApp();
  const { modal, message } = App.useApp();
  const navigate = useNavigate();
  const m = record.meeting;
  const [offDay, setOffDay] = useState<Exclude<StartTiming, { kind: 'onDay' }> | null>(null);

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

  /** On the meeting's day: the usual confirmation. On another day: say so, and offer to move the date. */
  async function start() {
    const timing = startTiming(m, today());
    if (timing.kind !== 'onDay') return setOffDay(timing);
    if (await move('live', t('confirm.start'))) live();
  }

  async function startOffDay(moveToToday: boolean) {
    setOffDay(null);
    const outcome = await startMeeting(db, m.id, { moveToToday });
    // Only a draft starts; another window may have started it meanwhile.
    if (!outcome.ok) return void message.error(t('startDay.notDraft'));
    if (moveToToday)
      void message.success(
        t('startDay.moved', {
          day: formatChineseDate(outcome.meeting.startAt),
          issue: issueLabel(outcome.meeting.issueYear, outcome.meeting.issueNo),
        }),
      );
    live();
  }

  return (
    <>
      <Space wrap className="yishi-no-print">
        {m.status === 'draft' && (
          <Button type="primary" onClick={() => void start()}>
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
      {offDay && (
        <Modal
          open
          title={t(offDay.kind === 'early' ? 'startDay.earlyTitle' : 'startDay.lateTitle')}
          onCancel={() => setOffDay(null)}
          footer={[
            <Button key="cancel" onClick={() => setOffDay(null)}>
              {tc('common.cancel')}
            </Button>,
            <Button key="keep" onClick={() => void startOffDay(false)}>
              {t('startDay.keepDate')}
            </Button>,
            <Button key="move" type="primary" onClick={() => void startOffDay(true)}>
              {t('startDay.moveToToday')}
            </Button>,
          ]}
        >
          <Typography.Paragraph data-testid="start-day-warning">
            {t(`startDay.${offDay.kind}`, {
              day: formatChineseDate(offDay.day),
              today: formatChineseDate(offDay.today),
              days: offDay.days,
            })}
          </Typography.Paragraph>
        </Modal>
      )}
    </>
  );
}
