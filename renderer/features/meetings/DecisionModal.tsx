import { useMemo, useState } from 'react';
import { Alert, DatePicker, Form, Input, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { Decision, DecisionProblem } from '../../../shared/domain/decision';
import type { Attendance, Meeting } from '../../../shared/domain/meeting';
import type { PartyRef } from '../../../shared/domain/party';
import { useApp } from '../../app/AppContext';
import { usePeople } from '../../data/useTables';
import {
  decisionDraftSchema,
  dialogDraftKey,
  rowBase,
  type DecisionFormDraft,
} from '../../../shared/drafts/dialogDrafts';
import { saveDecision } from './decisionsRepo';
import { PartyPicker, type PartyOption } from './PartyPicker';
import { DraftNotice, useDialogDraft } from './useDialogDraft';

interface FormValues {
  title?: string;
  responsible?: PartyRef;
  standard?: string;
  deadline?: Dayjs;
  supervisor?: PartyRef;
}

function toDraft(v: FormValues): DecisionFormDraft {
  return {
    title: v.title,
    responsible: v.responsible,
    standard: v.standard,
    deadline: v.deadline?.isValid() ? v.deadline.format('YYYY-MM-DD') : undefined,
    supervisor: v.supervisor,
  };
}

function fromDraft(d: DecisionFormDraft): FormValues {
  return { ...d, deadline: d.deadline ? dayjs(d.deadline) : undefined };
}

const FIELD_OF: Record<DecisionProblem, keyof FormValues> = {
  titleMissing: 'title',
  responsibleMissing: 'responsible',
  standardMissing: 'standard',
  deadlineMissing: 'deadline',
  deadlineInvalid: 'deadline',
  deadlineBeforeMeeting: 'deadline',
  supervisorMissing: 'supervisor',
  supervisorIsResponsible: 'supervisor',
};

/**
 * A decision with the four things the minutes must state. The domain check decides what is
 * missing; the form only shows it next to the field.
 */
export function DecisionModal({
  meeting,
  agendaItemId,
  attendance,
  decision,
  siblingIds,
  onClose,
}: {
  meeting: Meeting;
  agendaItemId: string;
  attendance: Attendance[];
  decision: Decision | null;
  /** The ids of the item's decisions now: a new one's draft is void once one was added. */
  siblingIds: string[];
  onClose(): void;
}) {
  const { t } = useTranslation('meetings');
  const { t: tc } = useTranslation();
  const { db } = useApp();
  const [form] = Form.useForm<FormValues>();
  const [problems, setProblems] = useState<DecisionProblem[]>([]);
  const people = usePeople(db);
  const options: PartyOption[] = useMemo(() => {
    const attendees = attendance
      .filter((a) => a.personId)
      .map((a) => ({ personId: a.personId as string, name: a.name, unit: a.unit }));
    const seen = new Set(attendees.map((a) => a.personId));
    return [
      ...attendees,
      ...people
        .filter((p) => !seen.has(p.id))
        .map((p) => ({ personId: p.id, name: p.name, unit: p.unit, initials: p.initials })),
    ];
  }, [attendance, people]);
  const meetingDay = dayjs(meeting.startAt).startOf('day');
  const stored: FormValues | undefined = decision ? { ...decision, deadline: dayjs(decision.deadline) } : undefined;
  const draft = useDialogDraft<FormValues, DecisionFormDraft>({
    form,
    draftKey: dialogDraftKey(meeting.id, 'decision', { agendaItemId, id: decision?.id }),
    schema: decisionDraftSchema,
    initial: stored ?? {},
    base: stored ? rowBase(toDraft(stored)) : siblingIds,
    toDraft,
    fromDraft,
  });

  async function submit(values: FormValues) {
    const outcome = await saveDecision(db, meeting.id, agendaItemId, {
      id: decision?.id,
      title: values.title,
      responsible: values.responsible ?? null,
      standard: values.standard,
      deadline: values.deadline?.format('YYYY-MM-DD'),
      supervisor: values.supervisor ?? null,
    });
    if (!outcome.ok) {
      setProblems(outcome.problems);
      form.setFields(outcome.problems.map((p) => ({ name: FIELD_OF[p], errors: [t(`decision.problems.${p}`)] })));
      return;
    }
    draft.saved();
    onClose();
  }

  return (
    <Modal
      open
      title={decision ? t('decision.edit') : t('decision.add')}
      okText={tc('common.save')}
      cancelText={tc('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      width={640}
      destroyOnHidden
    >
      {problems.length > 0 && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          title={problems.map((p) => t(`decision.problems.${p}`)).join('；')}
        />
      )}
      <DraftNotice draft={draft} />
      <Form<FormValues>
        key={draft.formKey}
        form={form}
        layout="vertical"
        initialValues={draft.initialValues}
        onValuesChange={draft.onValuesChange}
        onFinish={(v) => void submit(v)}
      >
        <Form.Item name="title" label={t('decision.what')} required>
          <Input autoFocus maxLength={200} />
        </Form.Item>
        <Form.Item name="responsible" label={t('decision.responsible')} required>
          <PartyPicker options={options} placeholder={t('form.pickPerson')} />
        </Form.Item>
        <Form.Item name="standard" label={t('decision.standard')} required>
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
        <Form.Item name="deadline" label={t('decision.deadline')} required>
          <DatePicker disabledDate={(d) => d.isBefore(meetingDay)} />
        </Form.Item>
        <Form.Item name="supervisor" label={t('decision.supervisor')} required>
          <PartyPicker options={options} placeholder={t('form.pickPerson')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
