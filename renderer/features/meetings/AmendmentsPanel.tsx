import { useState } from 'react';
import { App, Button, Card, DatePicker, Form, Input, List, Modal, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { formatChineseDateTime } from '../../../shared/dates';
import type { MeetingRecord } from '../../../shared/meeting/record';
import { fieldName } from '../../../shared/validation/fieldNames';
import { useApp } from '../../app/AppContext';
import { amendMeeting } from './lifecycleRepo';

type Field = 'place' | 'resolution' | 'decisionStandard' | 'decisionDeadline';
interface FormValues {
  field: Field;
  targetId?: string;
  text?: string;
  date?: Dayjs;
  by: string;
  reason: string;
}

/** 修订: later corrections to a signed record, appended with who, when, why and what changed. */
export function AmendmentsPanel({ record }: { record: MeetingRecord }) {
  const { t } = useTranslation('meetings');
  const [open, setOpen] = useState(false);
  return (
    <Card title={t('amend.list')} extra={<Button onClick={() => setOpen(true)}>{t('actions.amend')}</Button>}>
      <List
        dataSource={record.amendments}
        locale={{ emptyText: '—' }}
        renderItem={(a) => (
          <List.Item>
            <div>
              <Typography.Text>
                {t('amend.entry', { time: formatChineseDateTime(a.at), by: a.by, reason: a.reason })}
              </Typography.Text>
              <div style={{ color: '#888', fontSize: 12 }}>
                {a.changes.map((c) => `${c.path}: ${JSON.stringify(c.before)} → ${JSON.stringify(c.after)}`).join('；')}
              </div>
            </div>
          </List.Item>
        )}
      />
      {open && <AmendModal record={record} onClose={() => setOpen(false)} />}
    </Card>
  );
}

function AmendModal({ record, onClose }: { record: MeetingRecord; onClose(): void }) {
  const { t } = useTranslation('meetings');
  const { t: tc } = useTranslation();
  const { db } = useApp();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const field = Form.useWatch('field', form) ?? 'place';
  const targets =
    field === 'resolution'
      ? record.agendaItems.map((i) => ({ value: i.id, label: i.title }))
      : field === 'place'
        ? []
        : record.decisions.map((d) => ({ value: d.id, label: d.title }));

  async function submit(v: FormValues) {
    const outcome = await amendMeeting(db, record.meeting.id, {
      by: v.by,
      reason: v.reason,
      apply: (draft) => {
        if (v.field === 'place') draft.meeting.place = v.text?.trim() ?? '';
        const item = draft.agendaItems.find((i) => i.id === v.targetId);
        if (v.field === 'resolution' && item) item.resolution = v.text?.trim();
        const decision = draft.decisions.find((d) => d.id === v.targetId);
        if (v.field === 'decisionStandard' && decision) decision.standard = v.text?.trim() ?? '';
        if (v.field === 'decisionDeadline' && decision && v.date) decision.deadline = v.date.format('YYYY-MM-DD');
      },
    });
    if (!outcome.ok) {
      const { problem } = outcome;
      // The field in words (第1项决定的完成标准), never the path of keys amendRecord reports.
      const field = problem.code === 'invalid' ? fieldName(problem.path, { kind: 'record' }) : '';
      void message.error(t(`amend.problems.${problem.code}`, { field }));
      return;
    }
    void message.success(t('amend.saved'));
    onClose();
  }

  return (
    <Modal
      open
      title={t('amend.title')}
      okText={tc('common.save')}
      cancelText={tc('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      width={600}
    >
      <Form<FormValues>
        form={form}
        layout="vertical"
        initialValues={{ field: 'place', by: record.meeting.recorder?.name ?? '' }}
        onFinish={(v) => void submit(v)}
      >
        <Form.Item name="field" label={t('amend.field')}>
          <Select
            options={(['place', 'resolution', 'decisionStandard', 'decisionDeadline'] as Field[]).map((f) => ({
              value: f,
              label: t(`amend.fields.${f}`),
            }))}
          />
        </Form.Item>
        {targets.length > 0 && (
          <Form.Item name="targetId" label={t('amend.what')} rules={[{ required: true }]}>
            <Select options={targets} />
          </Form.Item>
        )}
        {field === 'decisionDeadline' ? (
          <Form.Item name="date" label={t('amend.newValue')} rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
        ) : (
          <Form.Item name="text" label={t('amend.newValue')} rules={[{ required: true, whitespace: true, max: 1000 }]}>
            <Input.TextArea rows={2} />
          </Form.Item>
        )}
        <Form.Item name="by" label={t('amend.by')} rules={[{ required: true, whitespace: true, max: 30 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="reason" label={t('amend.reason')} rules={[{ required: true, whitespace: true, max: 1000 }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
