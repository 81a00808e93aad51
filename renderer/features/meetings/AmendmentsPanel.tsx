import { useState } from 'react';
import { Alert, App, Button, Card, Form, Input, List, Modal, Typography } from 'antd';
import { Select } from '../../app/controls';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { isCalendarDate } from '../../../shared/dates';
import type { Amendment } from '../../../shared/domain/meeting';
import type { AmendProblem } from '../../../shared/meeting/amend';
import { describeChanges } from '../../../shared/meeting/changeWords';
import type { MeetingRecord } from '../../../shared/meeting/record';
import { fieldName } from '../../../shared/validation/fieldNames';
import { useApp } from '../../app/AppContext';
import { amendMeeting } from '../../data/repos/lifecycleRepo';
import { CalendarDateField } from './CalendarDateField';
import { reviewMessage } from './RecordPanel';
import './messages';
import { useWording } from '../../i18n/wording';

type Field = 'place' | 'resolution' | 'decisionStandard' | 'decisionDeadline';
interface FormValues {
  field: Field;
  targetId?: string;
  text?: string;
  /** The new deadline, 'YYYY-MM-DD' as typed or picked. */
  date?: string;
  by: string;
  reason: string;
}

/** One amendment: when, who and why, then what changed, in words (describeChanges). */
export function AmendmentEntry({ record, amendment }: { record: MeetingRecord; amendment: Amendment }) {
  const { t } = useTranslation('meetings');
  const w = useWording();
  return (
    <div data-testid="amendment">
      <Typography.Text>
        {t('amend.entry', { time: w.dateTime(amendment.at), by: amendment.by, reason: amendment.reason })}
      </Typography.Text>
      <div>
        <Typography.Text type="secondary">{t('amend.changesInRecord')}</Typography.Text>
      </div>
      {/* The record's own words: Chinese in every locale, as the signed 纪要 and its 修订 state them. */}
      <ul lang="zh-CN" style={{ margin: '4px 0 0', paddingLeft: 20, color: '#555' }}>
        {describeChanges(record, amendment.changes).map((line, i) => (
          <li key={i}>{line}</li>
        ))}
      </ul>
    </div>
  );
}

/** Why an amendment was refused, in the words the entry forms use for the same rule. */
function amendProblemMessage(t: TFunction<'meetings'>, problem: AmendProblem): string {
  // The field in words (第1项决定的完成标准), never the path of keys amendRecord reports.
  if (problem.code === 'invalid')
    return t('amend.problems.invalid', { field: fieldName(problem.path, { kind: 'record' }) });
  if (problem.code !== 'entryRules' || problem.problems.length === 0) return t(`amend.problems.${problem.code}`);
  const clauses = (items: string[]) => items.join(t('punct.clauseSeparator', { ns: 'translation' }));
  return clauses(
    problem.problems.map((p) =>
      p.code === 'decisionIncomplete'
        ? t('amend.decisionRule', {
            title: p.decisionTitle,
            problems: clauses(p.problems.map((x) => t(`decision.problems.${x}`))),
          })
        : reviewMessage(t, p),
    ),
  );
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
            <AmendmentEntry record={record} amendment={a} />
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
  const [refusal, setRefusal] = useState<string | null>(null);
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
        if (v.field === 'decisionDeadline' && decision && isCalendarDate(v.date)) decision.deadline = v.date;
      },
    });
    if (!outcome.ok) {
      // Shown in the dialog until the form changes: a toast would be gone before it is read.
      setRefusal(amendProblemMessage(t, outcome.problem));
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
      {refusal && (
        <Alert type="error" showIcon style={{ marginBottom: 12 }} title={refusal} data-testid="amend-refusal" />
      )}
      <Form<FormValues>
        form={form}
        layout="vertical"
        initialValues={{ field: 'place', by: record.meeting.recorder?.name ?? '' }}
        onValuesChange={() => setRefusal(null)}
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
          <Form.Item
            name="date"
            label={t('amend.newValue')}
            rules={[
              { required: true, message: t('decision.problems.deadlineMissing') },
              {
                validator: async (_, v?: string) => {
                  if (v && !isCalendarDate(v)) throw new Error(t('decision.problems.deadlineInvalid'));
                },
              },
            ]}
          >
            <CalendarDateField />
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
