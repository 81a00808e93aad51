import { useState } from 'react';
import { App, Button, Form, Input, Modal, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { MeetingStatus } from '../../../shared/domain/meeting';
import { canEdit, canTransition } from '../../../shared/meeting/lifecycle';
import type { ReviewProblem } from '../../../shared/meeting/review';
import type { MeetingRecord } from '../../../shared/meeting/record';
import { useApp } from '../../app/AppContext';
import {
  cancelMeetingWithReason,
  deleteDraftMeeting,
  moveMeeting,
  reviewMeeting,
} from '../../data/repos/lifecycleRepo';
import { reviewMessage } from './RecordPanel';

/** The buttons that move a meeting along draft → live → closed → finalised (→ signed in SignPanel). */
export function StatusActions({ record }: { record: MeetingRecord }) {
  const { t } = useTranslation('meetings');
  const { t: tc } = useTranslation();
  const { db } = useApp();
  const { modal, message } = App.useApp();
  const navigate = useNavigate();
  const [cancelling, setCancelling] = useState(false);
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

  const confirm = async (title: string, danger = false) =>
    modal.confirm({ title, okText: tc('common.confirm'), cancelText: tc('common.cancel'), okButtonProps: { danger } });

  async function move(to: MeetingStatus, confirmText?: string) {
    // 定稿 checks the record before asking: nobody should confirm a step that is then refused.
    if (to === 'finalised') {
      const problems = await reviewMeeting(db, m.id);
      if (problems.length > 0) return (showReview(problems), false);
    }
    if (confirmText && !(await confirm(confirmText))) return false;
    const outcome = await moveMeeting(db, m.id, to);
    if (outcome.ok) return true;
    if ('review' in outcome) showReview(outcome.review);
    else void message.error(tc('errors.unexpected', { message: outcome.error.code }));
    return false;
  }

  async function deleteDraft() {
    if (!(await confirm(t('confirm.deleteDraft', { title: m.title, issue }), true))) return;
    await deleteDraftMeeting(db, m.id);
    navigate('/meetings');
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
      {cancelling && <CancelMeetingModal record={record} onClose={() => setCancelling(false)} />}
    </Space>
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
