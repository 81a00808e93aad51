import { useState } from 'react';
import { Alert, App, DatePicker, Form, Input, Modal } from 'antd';
import { Select } from '../../app/controls';
import dayjs from 'dayjs';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { today } from '../../../shared/dates';
import type { Matter } from '../../../shared/domain/matter';
import type { LadderEntry, LadderStep } from '../../../shared/escalation/ladder';
import { useApp } from '../../app/AppContext';
import { goBackEscalation, loadMeetingChoices, recordEscalationStep } from '../../data/repos/escalationRepo';
import { useWording } from '../../i18n/wording';
import { refusalText } from './refusalText';
import './messages';

const FORMAT = 'YYYY-MM-DD';

/** A calendar-date field whose value is the text 'YYYY-MM-DD': the rule checks exactly what is stored. */
export function DateInput({ value, onChange, id }: { value?: string; onChange?: (v?: string) => void; id?: string }) {
  const picked = value ? dayjs(value, FORMAT, true) : null;
  return (
    <DatePicker
      id={id}
      value={picked?.isValid() ? picked : null}
      format={FORMAT}
      style={{ width: '100%' }}
      onChange={(d) => onChange?.(d ? d.format(FORMAT) : undefined)}
    />
  );
}

interface StepValues {
  date?: string;
  participants?: string[];
  outcome?: string;
  reason?: string;
  meetingId?: string;
  meetingNote?: string;
  by?: string;
}

/** Records the current step of the ladder, done or skipped; the rule's refusal is shown in the dialog. */
export function LadderStepModal({
  matter,
  step,
  mode,
  onClose,
}: {
  matter: Matter;
  step: LadderStep;
  mode: 'record' | 'skip';
  onClose(): void;
}) {
  const { t } = useTranslation('escalation');
  const w = useWording();
  const { db, settings } = useApp();
  const { message } = App.useApp();
  const [form] = Form.useForm<StepValues>();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const meetings = useLiveQuery(() => loadMeetingChoices(db), [db]) ?? [];
  const skipping = mode === 'skip';

  async function save(v: StepValues) {
    setSaving(true);
    setError(null);
    try {
      await recordEscalationStep(db, matter.id, {
        step,
        mode: skipping ? 'skipped' : 'done',
        date: v.date ?? '',
        participants: v.participants ?? [],
        outcome: v.outcome ?? '',
        ...(v.reason ? { reason: v.reason } : {}),
        ...(v.meetingId ? { meetingId: v.meetingId } : {}),
        ...(v.meetingNote ? { meetingNote: v.meetingNote } : {}),
        by: v.by ?? '',
      });
      void message.success(t('dialogs.saved'));
      onClose();
    } catch (e) {
      setError(refusalText(t, e));
    } finally {
      setSaving(false);
    }
  }

  const stepName = t(`steps.${step}`);
  return (
    <Modal
      open
      title={t(skipping ? 'dialogs.skipTitle' : 'dialogs.recordTitle', { step: stepName })}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={saving}
      destroyOnHidden
      width={640}
    >
      <p>{t(`actors.${step}`)}</p>
      <Form<StepValues>
        form={form}
        layout="vertical"
        initialValues={{ date: today(), by: settings.matterClerk ?? '' }}
        onFinish={(v) => void save(v)}
      >
        <Form.Item name="date" label={t('dialogs.date')} required>
          <DateInput />
        </Form.Item>
        {skipping ? (
          <Form.Item name="reason" label={t('dialogs.reason')} extra={t('dialogs.skipReasonHint')} required>
            <Input.TextArea rows={3} maxLength={1000} />
          </Form.Item>
        ) : (
          <>
            <Form.Item
              name="participants"
              label={t('dialogs.participants')}
              extra={t('dialogs.participantsHint')}
              required
            >
              <Select mode="tags" open={false} suffixIcon={null} tokenSeparators={['、', '，', ',']} />
            </Form.Item>
            <Form.Item name="outcome" label={t('dialogs.outcome')} required>
              <Input.TextArea rows={3} maxLength={2000} />
            </Form.Item>
            <Form.Item name="meetingId" label={t('dialogs.meeting')}>
              <Select
                allowClear
                showSearch
                optionFilterProp="label"
                options={meetings.map((m) => ({ value: m.id, label: `${w.date(m.startAt)} ${m.title}` }))}
              />
            </Form.Item>
            <Form.Item name="meetingNote" label={t('dialogs.meetingNote')}>
              <Input maxLength={200} />
            </Form.Item>
          </>
        )}
        <Form.Item name="by" label={t('dialogs.by')} required>
          <Input maxLength={30} />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon title={error} role="alert" />}
    </Modal>
  );
}

/** 退回重办: back to a recorded step, with a reason; the withdrawn steps stay on record. */
export function GoBackModal({
  matter,
  steps,
  onClose,
}: {
  matter: Matter;
  steps: readonly LadderEntry[];
  onClose(): void;
}) {
  const { t } = useTranslation('escalation');
  const { db, settings } = useApp();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ step?: LadderStep; reason?: string; by?: string }>();
  const [error, setError] = useState<string | null>(null);

  async function save(v: { step?: LadderStep; reason?: string; by?: string }) {
    setError(null);
    try {
      if (!v.step) throw new Error(t('dialogs.goBackTo'));
      await goBackEscalation(db, matter.id, v.step, v.reason ?? '', v.by ?? '');
      void message.success(t('dialogs.saved'));
      onClose();
    } catch (e) {
      setError(refusalText(t, e));
    }
  }

  return (
    <Modal open title={t('dialogs.goBackTitle')} onCancel={onClose} onOk={() => form.submit()} destroyOnHidden>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ step: steps.at(-1)?.step, by: settings.matterClerk ?? '' }}
        onFinish={(v) => void save(v)}
      >
        <Form.Item name="step" label={t('dialogs.goBackTo')} extra={t('dialogs.goBackHint')} required>
          <Select options={steps.map((s) => ({ value: s.step, label: t(`steps.${s.step}`) }))} />
        </Form.Item>
        <Form.Item name="reason" label={t('dialogs.reason')} required>
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
        <Form.Item name="by" label={t('dialogs.by')} required>
          <Input maxLength={30} />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon title={error} role="alert" />}
    </Modal>
  );
}
