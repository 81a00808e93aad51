import { useMemo, useRef, useState } from 'react';
import { Alert, Form, Input, Modal, type FormRule, type InputRef } from 'antd';
import { useTranslation } from 'react-i18next';
import { meetingDay } from '../../../shared/dates';
import {
  decisionProblems,
  type Decision,
  type DecisionDraft,
  type DecisionProblem,
} from '../../../shared/domain/decision';
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
import { saveDecision } from '../../data/repos/decisionsRepo';
import { CalendarDateField } from './CalendarDateField';
import { PartyPicker, type PartyOption } from './PartyPicker';
import { DraftNotice, useDialogDraft } from './useDialogDraft';
import { SaveFailure, useSaveFailure } from './useSaveFailure';
import './messages';
import { useWording } from '../../i18n/wording';

interface FormValues {
  title?: string;
  responsible?: PartyRef;
  standard?: string;
  /** 'YYYY-MM-DD' as typed or picked; the rules say when it is not a date or too early. */
  deadline?: string;
  supervisor?: PartyRef;
}

const FIELDS = ['title', 'responsible', 'standard', 'deadline', 'supervisor'] as const;

function draftOf(values: FormValues): DecisionDraft {
  return {
    title: values.title,
    responsible: values.responsible ?? null,
    standard: values.standard,
    deadline: values.deadline,
    supervisor: values.supervisor ?? null,
  };
}

function toDraft(v: FormValues): DecisionFormDraft {
  return {
    title: v.title,
    responsible: v.responsible,
    standard: v.standard,
    // A date still being typed ('2026-1') is not kept in the draft; a whole one is, even if wrong.
    deadline: v.deadline && /^\d{4}-\d{2}-\d{2}$/.test(v.deadline) ? v.deadline : undefined,
    supervisor: v.supervisor,
  };
}

const fromDraft = (d: DecisionFormDraft): FormValues => d;

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
 * A decision with the four things the minutes must state. The domain check (decisionProblems)
 * decides what is wrong; each field's rule asks it again whenever the field changes, so a
 * message appears next to the field as soon as it applies and goes as soon as it is fixed.
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
  const w = useWording();
  const { db } = useApp();
  const [form] = Form.useForm<FormValues>();
  const [problems, setProblems] = useState<DecisionProblem[]>([]);
  const { failure, setFailure, attempt } = useSaveFailure();
  const titleField = useRef<InputRef>(null);
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
  const day = meetingDay(meeting);
  const stored: FormValues | undefined = decision ?? undefined;
  const draft = useDialogDraft<FormValues, DecisionFormDraft>({
    form,
    draftKey: dialogDraftKey(meeting.id, 'decision', { agendaItemId, id: decision?.id }),
    schema: decisionDraftSchema,
    initial: stored ?? {},
    base: stored ? rowBase(toDraft(stored)) : siblingIds,
    toDraft,
    fromDraft,
  });
  const messagesFor = (field: keyof FormValues, found: readonly DecisionProblem[]) =>
    found.filter((p) => FIELD_OF[p] === field).map((p) => t(`decision.problems.${p}`));
  const ruleFor = (field: keyof FormValues): FormRule => ({
    validator: async () => {
      const messages = messagesFor(field, decisionProblems(draftOf(form.getFieldsValue(true)), day));
      if (messages.length > 0) throw new Error(w.clauses(messages));
    },
  });

  async function submit(values: FormValues) {
    const saved = await attempt(() =>
      saveDecision(db, meeting.id, agendaItemId, { id: decision?.id, ...draftOf(values) }),
    );
    if (!saved.ok) return;
    const outcome = saved.value;
    if (!outcome.ok) {
      // Every field is set, the fine ones to no error: no message outlives its reason.
      setProblems(outcome.problems);
      form.setFields(FIELDS.map((name) => ({ name, errors: messagesFor(name, outcome.problems) })));
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
      // The dialog's focus trap puts focus on × once open; the chair types the 事项 first.
      afterOpenChange={(open) => open && titleField.current?.focus()}
      width={640}
      destroyOnHidden
    >
      <DraftNotice draft={draft} />
      {problems.length > 0 && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          title={w.clauses(problems.map((p) => t(`decision.problems.${p}`)))}
        />
      )}
      <Form<FormValues>
        key={draft.formKey}
        form={form}
        layout="vertical"
        initialValues={draft.initialValues}
        onValuesChange={() => {
          setProblems([]);
          setFailure(null);
          draft.onValuesChange();
        }}
        onFinish={(v) => void submit(v)}
      >
        <Form.Item name="title" label={t('decision.what')} required rules={[ruleFor('title')]}>
          <Input ref={titleField} autoFocus maxLength={200} />
        </Form.Item>
        <Form.Item name="responsible" label={t('decision.responsible')} required rules={[ruleFor('responsible')]}>
          <PartyPicker options={options} placeholder={t('form.pickPerson')} />
        </Form.Item>
        <Form.Item name="standard" label={t('decision.standard')} required rules={[ruleFor('standard')]}>
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
        <Form.Item name="deadline" label={t('decision.deadline')} required rules={[ruleFor('deadline')]}>
          <CalendarDateField />
        </Form.Item>
        <Form.Item
          name="supervisor"
          label={t('decision.supervisor')}
          required
          dependencies={['responsible']}
          rules={[ruleFor('supervisor')]}
        >
          <PartyPicker options={options} placeholder={t('form.pickPerson')} />
        </Form.Item>
      </Form>
      <SaveFailure failure={failure} />
    </Modal>
  );
}
