import { useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, DatePicker, Form, Input, InputNumber, Modal, Radio, TimePicker } from 'antd';
import { TreeSelect } from '../../app/controls';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { MEETING_TYPES, type MeetingType } from '../../../shared/domain/meeting';
import type { PartyRef } from '../../../shared/domain/party';
import { descendantIds } from '../../../shared/domain/org';
import { compareDates, localDay, today } from '../../../shared/dates';
import { nextMonthlyMeetingDate } from '../../../shared/meeting/schedule';
import { useApp } from '../../app/AppContext';
import { useOrgUnits, usePeople } from '../../data/useTables';
import { useOrgTreeOptions } from '../roster';
import { useLiveQuery } from 'dexie-react-hooks';
import { createMeeting, meetingOnDay, MeetingExistsError } from '../../data/repos/meetingRepo';
import { templateFor } from '../../data/repos/templatesRepo';
import { PartyPicker, type PartyOption } from './PartyPicker';
import { loadProposedMatters } from '../../data/repos/meetingPrepRepo';
import { ProposedMattersStep } from './ProposedMattersStep';
import './messages';
import { errorText } from '../../i18n/errorText';

interface FormValues {
  type: MeetingType;
  orgUnitId?: string;
  title: string;
  date: Dayjs;
  time: Dayjs;
  duration: number;
  place: string;
  chair?: PartyRef;
  recorder?: PartyRef;
  passThreshold: number;
}

export function NewMeetingModal({
  type,
  orgUnitId,
  onClose,
  onCreated,
}: {
  type: MeetingType;
  /** The compound to prepare it for, when the caller knows (the 工作台's chosen compound). */
  orgUnitId?: string;
  onClose(): void;
  onCreated(id: string): void;
}) {
  const { t } = useTranslation('meetings');
  const { t: tc } = useTranslation();
  const { db, settings } = useApp();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const [busy, setBusy] = useState(false);
  // A new 党群议事日 is offered its compound's open 待办件 before it opens (ProposedMattersStep).
  const [proposing, setProposing] = useState<string | null>(null);
  const units = useOrgUnits(db);
  const unitTree = useOrgTreeOptions(units);
  const people = usePeople(db);
  const options: PartyOption[] = useMemo(
    () => people.map((p) => ({ personId: p.id, name: p.name, unit: p.unit, initials: p.initials })),
    [people],
  );
  const selectedType = Form.useWatch('type', form) ?? type;
  const selectedUnit = Form.useWatch('orgUnitId', form);
  const selectedDate = Form.useWatch('date', form);
  const selectedDay = selectedDate ? localDay(selectedDate.toDate()) : undefined;
  // One 党群议事日 per compound and 10th: the one there is gets opened, not doubled.
  const existing = useLiveQuery(
    async () =>
      selectedUnit && selectedDay
        ? ((await meetingOnDay(db, { orgUnitId: selectedUnit, type: selectedType, day: selectedDay })) ?? null)
        : null,
    [db, selectedUnit, selectedType, selectedDay],
  );
  const open = (id: string) => {
    onClose();
    onCreated(id);
  };

  // Type and unit decide the defaults: the 10th for a 党群议事日, the template's length, a title.
  useEffect(() => {
    let cancelled = false;
    void templateFor(db, selectedType).then((template) => {
      if (cancelled) return;
      const unit = units.find((u) => u.id === selectedUnit);
      const date = selectedType === 'monthlyDay' ? nextMonthlyMeetingDate(today()) : today();
      form.setFieldsValue({
        duration: template.plannedMinutes,
        passThreshold: template.passThreshold,
        date: dayjs(date),
        title: unit ? `${unit.name}${t(`types.${selectedType}`)}` : t(`types.${selectedType}`),
        place: unit ? t('form.placeDefault', { unit: unit.name }) : form.getFieldValue('place'),
      });
    });
    return () => {
      cancelled = true;
    };
  }, [db, selectedType, selectedUnit, units, form, t]);

  // The compound's Party secretary chairs by default; the settings name the default recorder.
  useEffect(() => {
    if (!selectedUnit) return;
    const inUnit = descendantIds(units, selectedUnit);
    const secretary = people.find((p) => p.orgUnitId && inUnit.has(p.orgUnitId) && p.roles.includes('secretary'));
    const recorder = people.find((p) => p.id === settings.defaultRecorderId);
    form.setFieldsValue({
      chair: secretary ? { kind: 'person', personId: secretary.id, name: secretary.name } : undefined,
      recorder: recorder
        ? { kind: 'person', personId: recorder.id, name: recorder.name }
        : form.getFieldValue('recorder'),
    });
  }, [selectedUnit, units, people, settings.defaultRecorderId, form]);

  async function submit(values: FormValues) {
    if (!values.orgUnitId) return;
    setBusy(true);
    try {
      const template = await templateFor(db, values.type);
      const start = values.date.hour(values.time.hour()).minute(values.time.minute()).second(0).millisecond(0);
      const meeting = await createMeeting(db, {
        type: values.type,
        title: values.title,
        orgUnitId: values.orgUnitId,
        startAt: start.format(),
        plannedEndAt: start.add(values.duration, 'minute').format(),
        place: values.place,
        chair: values.chair,
        recorder: values.recorder,
        template: { ...template, passThreshold: values.passThreshold },
      });
      if (values.type === 'monthlyDay' && (await loadProposedMatters(db, meeting.id)).length > 0)
        setProposing(meeting.id);
      else open(meeting.id);
    } catch (error) {
      if (error instanceof MeetingExistsError) return open(error.meetingId);
      void message.error(tc('errors.unexpected', { message: errorText(tc, error) }));
    } finally {
      setBusy(false);
    }
  }

  if (proposing) return <ProposedMattersStep meetingId={proposing} onDone={() => open(proposing)} />;

  return (
    <Modal
      open
      title={t('newMeeting')}
      okText={t('form.create')}
      cancelText={tc('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={busy}
      okButtonProps={{ disabled: Boolean(existing) }}
      width={680}
      destroyOnHidden
    >
      <Form<FormValues>
        form={form}
        layout="vertical"
        initialValues={{ type, orgUnitId, time: dayjs('2000-01-01T09:00'), duration: 90, passThreshold: 0.5 }}
        onFinish={(v) => void submit(v)}
      >
        <Form.Item name="type" label={t('form.type')}>
          <Radio.Group optionType="button" options={MEETING_TYPES.map((m) => ({ value: m, label: t(`types.${m}`) }))} />
        </Form.Item>
        <Form.Item
          name="orgUnitId"
          label={t('form.unit')}
          rules={[{ required: true, message: t('form.unitRequired') }]}
        >
          <TreeSelect treeData={unitTree} treeDefaultExpandAll showSearch treeNodeFilterProp="title" />
        </Form.Item>
        {existing && (
          <Alert
            type="warning"
            showIcon
            data-testid="meeting-exists"
            style={{ marginBottom: 16 }}
            title={t('form.exists', { title: existing.title, status: t(`statuses.${existing.status}`) })}
            action={
              <Button type="primary" onClick={() => open(existing.id)}>
                {t('form.openExisting')}
              </Button>
            }
          />
        )}
        <Form.Item name="title" label={t('form.title')} rules={[{ required: true, whitespace: true, max: 100 }]}>
          <Input />
        </Form.Item>
        <div style={{ display: 'flex', gap: 16 }}>
          <Form.Item
            name="date"
            label={t('form.date')}
            rules={[
              { required: true },
              {
                // A rule rather than disabledDate, which drops a typed past date without a word.
                validator: async (_, d?: Dayjs) => {
                  if (d && compareDates(localDay(d.toDate()), today()) < 0) throw new Error(t('form.dateInPast'));
                },
              },
            ]}
          >
            <DatePicker allowClear={false} />
          </Form.Item>
          <Form.Item name="time" label={t('form.time')} rules={[{ required: true }]}>
            <TimePicker format="HH:mm" minuteStep={5} allowClear={false} />
          </Form.Item>
          <Form.Item name="duration" label={t('form.duration')} rules={[{ required: true }]}>
            <InputNumber min={10} max={600} step={10} />
          </Form.Item>
        </div>
        <Form.Item name="place" label={t('form.place')} rules={[{ required: true, whitespace: true, max: 100 }]}>
          <Input />
        </Form.Item>
        <div style={{ display: 'flex', gap: 16 }}>
          <Form.Item name="chair" label={t('form.chair')} style={{ flex: 1 }} rules={[{ required: true }]}>
            <PartyPicker options={options} placeholder={t('form.pickPerson')} />
          </Form.Item>
          <Form.Item name="recorder" label={t('form.recorder')} style={{ flex: 1 }} rules={[{ required: true }]}>
            <PartyPicker options={options} placeholder={t('form.pickPerson')} />
          </Form.Item>
        </div>
        <Form.Item name="passThreshold" label={t('form.passRule')}>
          <Radio.Group
            options={[
              { value: 0.5, label: t('form.rules.half') },
              { value: 2 / 3, label: t('form.rules.twoThirds') },
            ]}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
