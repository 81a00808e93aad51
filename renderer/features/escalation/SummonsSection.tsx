import { useState } from 'react';
import { Alert, App, Button, Form, Input, Modal, Space, Table, Typography } from 'antd';
import { AutoComplete } from '../../app/controls';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { today as todayOf } from '../../../shared/dates';
import type { Matter } from '../../../shared/domain/matter';
import { summonsEntry, type LadderEntry } from '../../../shared/escalation/ladder';
import { DEFAULT_SUMMON_DEPARTMENTS, type SummonedTask, type TaskDraft } from '../../../shared/escalation/summons';
import { allowedKinds, followupTiming, type ProgressKind } from '../../../shared/followup/state';
import { useApp } from '../../app/AppContext';
import { assignSummonedTask, checkInDepartment, recordTaskStep } from '../../data/repos/escalationRepo';
import { useWording } from '../../i18n/wording';
import { FollowupTags } from '../followup';
import { DateInput } from './LadderStepModal';
import { refusalText } from './refusalText';
import './messages';

type Dialog =
  | { kind: 'add' }
  | { kind: 'checkIn'; task: SummonedTask }
  | { kind: 'step'; task: SummonedTask; step: ProgressKind }
  | null;

/** 吹哨报到: the departments summoned, each task with its 报到 and follow-up, and the actions allowed now. */
export function SummonsSection({
  matter,
  steps,
  tasks,
  editable,
}: {
  matter: Matter;
  steps: readonly LadderEntry[];
  tasks: readonly SummonedTask[];
  editable: boolean;
}) {
  const { t } = useTranslation('escalation');
  const w = useWording();
  const [dialog, setDialog] = useState<Dialog>(null);
  const summoned = summonsEntry(steps);
  const today = todayOf();

  return (
    <section className="yishi-summons" aria-label={t('summons.title')} data-testid="summons-section">
      <Typography.Title level={5}>{t('summons.title')}</Typography.Title>
      {!summoned ? (
        <Typography.Paragraph type="secondary">{t('summons.needStep')}</Typography.Paragraph>
      ) : (
        <>
          <Table<SummonedTask>
            size="small"
            rowKey="id"
            dataSource={tasks as SummonedTask[]}
            pagination={false}
            locale={{ emptyText: t('summons.empty') }}
            columns={[
              { title: t('summons.department'), dataIndex: 'department', width: '18%' },
              {
                title: t('summons.task'),
                key: 'task',
                render: (_, r) => (
                  <div>
                    <div>{r.task}</div>
                    <Typography.Text type="secondary">{r.standard}</Typography.Text>
                  </div>
                ),
              },
              {
                title: t('summons.deadline'),
                key: 'deadline',
                width: '14%',
                render: (_, r) => <span style={{ whiteSpace: 'nowrap' }}>{w.date(r.deadline)}</span>,
              },
              { title: t('summons.supervisor'), dataIndex: 'supervisor', width: '12%' },
              {
                title: t('summons.checkIn'),
                key: 'checkIn',
                width: '14%',
                render: (_, r) =>
                  r.checkedInOn
                    ? t('summons.checkedIn', { date: w.date(r.checkedInOn), by: r.checkedInBy ?? '' })
                    : t('summons.notCheckedIn'),
              },
              {
                title: t('summons.state'),
                key: 'state',
                width: '12%',
                render: (_, r) => (
                  <FollowupTags state={r.status} timing={followupTiming(r.deadline, r.status, today)} />
                ),
              },
              {
                title: t('summons.actions'),
                key: 'actions',
                width: '16%',
                render: (_, r) =>
                  editable && (
                    <Space wrap size={4}>
                      {!r.checkedInOn && (
                        <Button size="small" onClick={() => setDialog({ kind: 'checkIn', task: r })}>
                          {t('summons.checkIn')}
                        </Button>
                      )}
                      {/* A department reports done only after it reported in (applyTaskStep refuses it too). */}
                      {allowedKinds(r.status)
                        .filter((k) => k !== 'reportDone' || r.checkedInOn)
                        .map((k) => (
                          <Button key={k} size="small" onClick={() => setDialog({ kind: 'step', task: r, step: k })}>
                            {t(`summons.step.${k}`)}
                          </Button>
                        ))}
                    </Space>
                  ),
              },
            ]}
          />
          <Space wrap style={{ marginTop: 8 }}>
            {editable && (
              <Button type="primary" onClick={() => setDialog({ kind: 'add' })}>
                {t('summons.add')}
              </Button>
            )}
            {tasks.length > 0 && (
              <span>
                {t('summons.onBoard')} <Link to="/followup">{t('summons.openBoard')}</Link>
              </span>
            )}
          </Space>
        </>
      )}
      {dialog?.kind === 'add' && <AddTaskModal matter={matter} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'checkIn' && <CheckInModal task={dialog.task} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'step' && (
        <TaskStepModal task={dialog.task} step={dialog.step} onClose={() => setDialog(null)} />
      )}
    </section>
  );
}

/** Runs a write; its refusal (Chinese, from the rule) stays in the dialog, which closes on success. */
function useSave(onClose: () => void) {
  const { t } = useTranslation('escalation');
  const { message } = App.useApp();
  const [error, setError] = useState<string | null>(null);
  async function run(write: () => Promise<unknown>) {
    setError(null);
    try {
      await write();
      void message.success(t('dialogs.saved'));
      onClose();
    } catch (e) {
      setError(refusalText(t, e));
    }
  }
  return { error, run };
}

function AddTaskModal({ matter, onClose }: { matter: Matter; onClose(): void }) {
  const { t } = useTranslation('escalation');
  const { db, settings } = useApp();
  const [form] = Form.useForm<Partial<TaskDraft>>();
  const { error, run } = useSave(onClose);
  const departments = settings.summonDepartments?.length ? settings.summonDepartments : DEFAULT_SUMMON_DEPARTMENTS;
  const save = (v: Partial<TaskDraft>) =>
    run(() =>
      assignSummonedTask(
        db,
        matter.id,
        {
          department: v.department ?? '',
          task: v.task ?? '',
          standard: v.standard ?? '',
          deadline: v.deadline ?? '',
          supervisor: v.supervisor ?? '',
        },
        settings.matterClerk ?? '',
      ),
    );
  return (
    <Modal open title={t('summons.add')} onCancel={onClose} onOk={() => form.submit()} destroyOnHidden width={600}>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ supervisor: t('summons.defaultSupervisor') }}
        onFinish={(v) => void save(v)}
      >
        <Form.Item name="department" label={t('summons.department')} required>
          <AutoComplete
            options={departments.map((d) => ({ value: d }))}
            filterOption={(input, option) => (option?.value ?? '').includes(input)}
          />
        </Form.Item>
        <Form.Item name="task" label={t('summons.task')} required>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="standard" label={t('summons.standard')} required>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
        <Form.Item name="deadline" label={t('summons.deadline')} required>
          <DateInput />
        </Form.Item>
        <Form.Item name="supervisor" label={t('summons.supervisor')} required>
          <Input maxLength={60} />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon title={error} role="alert" />}
    </Modal>
  );
}

function CheckInModal({ task, onClose }: { task: SummonedTask; onClose(): void }) {
  const { t } = useTranslation('escalation');
  const { db } = useApp();
  const [form] = Form.useForm<{ date?: string; by?: string }>();
  const { error, run } = useSave(onClose);
  return (
    <Modal
      open
      title={t('summons.checkInTitle', { department: task.department })}
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ date: todayOf() }}
        onFinish={(v) => void run(() => checkInDepartment(db, task.id, v.date ?? '', v.by ?? ''))}
      >
        <Form.Item name="date" label={t('summons.checkInDate')} required>
          <DateInput />
        </Form.Item>
        <Form.Item name="by" label={t('summons.checkInBy')} required>
          <Input maxLength={30} />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon title={error} role="alert" />}
    </Modal>
  );
}

function TaskStepModal({ task, step, onClose }: { task: SummonedTask; step: ProgressKind; onClose(): void }) {
  const { t } = useTranslation('escalation');
  const { db } = useApp();
  const [form] = Form.useForm<{ by?: string; text?: string }>();
  const { error, run } = useSave(onClose);
  // The supervisor confirms or sends back; the department's person reports.
  const by = step === 'confirm' || step === 'return' ? task.supervisor : (task.checkedInBy ?? '');
  return (
    <Modal
      open
      title={t('summons.stepTitle', { action: t(`summons.step.${step}`), department: task.department })}
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ by }}
        onFinish={(v) =>
          void run(() => recordTaskStep(db, task.id, { kind: step, by: v.by ?? '', text: v.text ?? '' }))
        }
      >
        <Form.Item name="by" label={t('summons.stepBy')} required>
          <Input maxLength={30} />
        </Form.Item>
        <Form.Item name="text" label={t('summons.stepText')} required={step === 'note' || step === 'return'}>
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon title={error} role="alert" />}
    </Modal>
  );
}
