import { useState } from 'react';
import { App, Button, Form, Input, Modal, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { today } from '../../../shared/dates';
import type { MeetingStatus } from '../../../shared/domain/meeting';
import { canEdit, canTransition, type TransitionError } from '../../../shared/meeting/lifecycle';
import type { ReviewProblem } from '../../../shared/meeting/review';
import type { MeetingRecord } from '../../../shared/meeting/record';
import { issueLabel } from '../../../shared/meeting/schedule';
import { startTiming, type StartTiming } from '../../../shared/meeting/startDay';
import { useApp } from '../../app/AppContext';
import {
  cancelMeetingWithReason,
  deleteDraftMeeting,
  moveMeeting,
  reviewMeeting,
  startMeeting,
} from '../../data/repos/lifecycleRepo';
import { reviewMessage } from './RecordPanel';
import './messages';
import { useWording } from '../../i18n/wording';

/** The buttons that move a meeting along draft → live → closed → finalised (→ signed in SignPanel). */
export function StatusActions({ record }: { record: MeetingRecord }) {
  const { t } = useTranslation('meetings');
  const { t: tc } = useTranslation();
  const w = useWording();
  const { db } = useApp();
  const { modal, message } = App.useApp();
  const navigate = useNavigate();
  const [cancelling, setCancelling] = useState(false);
  const [offDay, setOffDay] = useState<Exclude<StartTiming, { kind: 'onDay' }> | null>(null);
  const m = record.meeting;
  const issue = t('issue', { year: m.issueYear, no: m.issueNo });

  function showReview(problems: ReviewProblem[]) {
    void modal.warning({
      title: t('review.title'),
      width: 560,
      content: (
        <ul data-testid="review-problems">
          {problems.map((p, i) => (
            <li key={i}>{reviewMessage(t, p)}</li>
          ))}
        </ul>
      ),
    });
  }

  const showRefusal = (error: TransitionError) => void message.error(t(`transitionErrors.${error.code}`));

  const confirm = async (title: string, danger = false) =>
    modal.confirm({ title, okText: tc('common.confirm'), cancelText: tc('common.cancel'), okButtonProps: { danger } });

  async function move(to: MeetingStatus, confirmText?: string) {
    // 定稿 checks the record before asking: nobody should confirm a step that is then refused.
    if (to === 'finalised') {
      const problems = await reviewMeeting(db, m.id);
      if (problems.length > 0) {
        showReview(problems);
        return false;
      }
    }
    if (confirmText && !(await confirm(confirmText))) return false;
    const outcome = await moveMeeting(db, m.id, to);
    if (outcome.ok) return true;
    if ('review' in outcome) showReview(outcome.review);
    else showRefusal(outcome.error);
    return false;
  }

  async function deleteDraft() {
    if (!(await confirm(t('confirm.deleteDraft', { title: m.title, issue }), true))) return;
    await deleteDraftMeeting(db, m.id);
    navigate('/meetings');
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
          day: w.date(outcome.meeting.startAt),
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
        {canEdit(m.status, 'deletion') && (
          <Button danger onClick={() => void deleteDraft()}>
            {t('actions.deleteDraft')}
          </Button>
        )}
        {canTransition(m.status, 'cancelled') && (
          <Button danger onClick={() => setCancelling(true)}>
            {t('actions.cancel')}
          </Button>
        )}
      </Space>
      {cancelling && <CancelMeetingModal record={record} onClose={() => setCancelling(false)} />}
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
              day: w.date(offDay.day),
              today: w.date(offDay.today),
              days: offDay.days,
            })}
          </Typography.Paragraph>
        </Modal>
      )}
    </>
  );
}

/** Cancelling a meeting that began asks why: the reason is kept with the record. */
function CancelMeetingModal({ record, onClose }: { record: MeetingRecord; onClose(): void }) {
  const { t } = useTranslation('meetings');
  const { t: tc } = useTranslation();
  const { db } = useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const m = record.meeting;
  async function submit({ reason }: { reason: string }) {
    const outcome = await cancelMeetingWithReason(db, m.id, reason);
    if (outcome.ok) onClose();
    else form.setFields([{ name: 'reason', errors: [t('confirm.cancelReasonRequired')] }]);
  }
  return (
    <Modal
      open
      title={t('confirm.cancel', { title: m.title, issue: t('issue', { year: m.issueYear, no: m.issueNo }) })}
      okText={t('actions.cancel')}
      okButtonProps={{ danger: true }}
      cancelText={tc('common.back')}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <p>{t('confirm.cancelLead')}</p>
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)}>
        <Form.Item
          name="reason"
          label={t('confirm.cancelReason')}
          rules={[{ required: true, whitespace: true, message: t('confirm.cancelReasonRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={500} showCount autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}
