import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Form, Input, Modal, Space, Tag, Timeline } from 'antd';
import { Select } from '../../app/controls';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import type { Matter } from '../../../shared/domain/matter';
import { DISPUTE_OUTCOMES, type Dispute, type DisputeOutcome } from '../../../shared/matters/disputes';
import { today } from '../../../shared/dates';
import { useApp } from '../../app/AppContext';
import { loadPeople } from '../../data/repos/peopleRepo';
import {
  addMediationSession,
  loadDispute,
  loadResolutionRate,
  saveDisputeParties,
  setDisputeOutcome,
} from '../../data/repos/disputesRepo';
import { DateField } from './DateField';
import './mattersxMessages';
import { errorText } from '../../i18n/errorText';
import { useWording } from '../../i18n/wording';

const OUTCOME_COLORS: Record<DisputeOutcome, string> = {
  pending: 'blue',
  success: 'green',
  failed: 'red',
  litigation: 'purple',
};

/** 化解率 over all logged disputes, as the register header and a dispute's page show it. */
export function DisputeRate() {
  const { t } = useTranslation('mattersx');
  const { db } = useApp();
  const rate = useLiveQuery(() => loadResolutionRate(db), [db]);
  if (!rate) return null;
  return (
    <span className="yishi-dispute-rate">
      {rate.percent === null ? t('disputes.rateNone') : t('disputes.rate', { ...rate, percent: rate.percent })}
    </span>
  );
}

/** On a 矛盾纠纷 matter's page: parties, mediator, sessions and outcome. Nothing for other matters. */
export function DisputeCard({ matter }: { matter: Matter }) {
  const { t } = useTranslation('mattersx');
  const w = useWording();
  const { db } = useApp();
  const view = useLiveQuery(() => loadDispute(db, matter.id), [db, matter.id]);
  const [dialog, setDialog] = useState<'parties' | 'session' | 'outcome' | null>(null);
  if (!view) return null;
  const { dispute, sessions } = view;
  const settled = dispute.outcome !== 'pending';

  return (
    <Card
      size="small"
      className="yishi-dispute-card"
      style={{ marginBottom: 16 }}
      title={
        <Space wrap>
          {t('disputes.card')}
          <Tag color={OUTCOME_COLORS[dispute.outcome]}>{t(`disputes.outcomes.${dispute.outcome}`)}</Tag>
        </Space>
      }
      extra={<DisputeRate />}
    >
      <Descriptions column={1} size="small" labelStyle={{ width: 120 }}>
        <Descriptions.Item label={t('disputes.parties')}>
          {dispute.parties.map((p) => p.name).join('、') || '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('disputes.mediator')}>{dispute.mediator?.name ?? '—'}</Descriptions.Item>
        {dispute.outcomeNote && (
          <Descriptions.Item label={t('disputes.outcome')}>{dispute.outcomeNote}</Descriptions.Item>
        )}
      </Descriptions>
      <h4>{t('disputes.sessions')}</h4>
      {sessions.length === 0 ? (
        <p>{t('disputes.noSessions')}</p>
      ) : (
        <Timeline
          items={sessions.map((s) => ({
            key: s.id,
            children: (
              <div>
                <strong>
                  {w.date(s.date)} · {s.place}
                </strong>
                <div>{s.agreed}</div>
              </div>
            ),
          }))}
        />
      )}
      <Space wrap style={{ marginTop: 8 }}>
        <Button onClick={() => setDialog('parties')}>{t('disputes.saveParties')}</Button>
        <Button disabled={settled} onClick={() => setDialog('session')}>
          {t('disputes.addSession')}
        </Button>
        <Button type="primary" ghost onClick={() => setDialog('outcome')}>
          {t('disputes.setOutcome')}
        </Button>
      </Space>
      {dialog === 'parties' && <PartiesModal dispute={dispute} onClose={() => setDialog(null)} />}
      {dialog === 'session' && <SessionModal matterId={matter.id} onClose={() => setDialog(null)} />}
      {dialog === 'outcome' && <OutcomeModal dispute={dispute} onClose={() => setDialog(null)} />}
    </Card>
  );
}

/** A dialog whose save goes to a repository: the refusal is shown in it, in the user's language. */
function useSave(onClose: () => void) {
  const { t } = useTranslation('mattersx');
  const { message } = App.useApp();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function run(work: () => Promise<unknown>) {
    setBusy(true);
    try {
      await work();
      void message.success(t('disputes.saved'));
      onClose();
    } catch (e) {
      setError(errorText(t, e));
    } finally {
      setBusy(false);
    }
  }
  return { error, busy, run, clear: () => setError(null) };
}

function PartiesModal({ dispute, onClose }: { dispute: Dispute; onClose(): void }) {
  const { t } = useTranslation('mattersx');
  const { db, settings } = useApp();
  const people = useLiveQuery(() => loadPeople(db), [db]);
  const mediators = (people ?? []).filter((p) => p.isMediator);
  const [form] = Form.useForm<{ parties: string[]; mediatorId?: string }>();
  const save = useSave(onClose);
  useEffect(() => {
    form.setFieldsValue({ parties: dispute.parties.map((p) => p.name), mediatorId: dispute.mediator?.personId });
  }, [form, dispute]);

  return (
    <Modal
      open
      title={t('disputes.saveParties')}
      onCancel={onClose}
      confirmLoading={save.busy}
      onOk={() =>
        void save.run(async () => {
          const v = form.getFieldsValue();
          const names = (v.parties ?? []).map((n) => n.trim()).filter((n) => n !== '');
          await saveDisputeParties(
            db,
            dispute.matterId,
            { parties: names.map((name) => ({ name })), mediatorId: v.mediatorId },
            settings.matterClerk ?? '',
          );
        })
      }
    >
      <Form form={form} layout="vertical" onValuesChange={save.clear}>
        <Form.Item name="parties" label={t('disputes.parties')}>
          <Select
            mode="tags"
            open={false}
            placeholder={t('disputes.partiesPlaceholder')}
            tokenSeparators={['、', '，', ',']}
          />
        </Form.Item>
        <Form.Item
          name="mediatorId"
          label={t('disputes.mediator')}
          extra={mediators.length ? undefined : t('disputes.noMediators')}
        >
          <Select
            allowClear
            placeholder={t('disputes.mediatorPlaceholder')}
            options={mediators.map((p) => ({ value: p.id, label: p.name }))}
          />
        </Form.Item>
      </Form>
      {save.error && <Alert type="error" showIcon title={save.error} />}
    </Modal>
  );
}

function SessionModal({ matterId, onClose }: { matterId: string; onClose(): void }) {
  const { t } = useTranslation('mattersx');
  const { db, settings } = useApp();
  const [form] = Form.useForm<{ date: string; place: string; agreed: string }>();
  const save = useSave(onClose);
  const required = (field: string) => [
    { required: true, whitespace: true, message: t('disputes.required', { field }) },
  ];
  return (
    <Modal
      open
      title={t('disputes.sessionTitle')}
      onCancel={onClose}
      confirmLoading={save.busy}
      onOk={() =>
        void save.run(async () => {
          const v = await form.validateFields();
          await addMediationSession(
            db,
            matterId,
            { date: v.date as ReturnType<typeof today>, place: v.place, agreed: v.agreed },
            settings.matterClerk ?? '',
          );
        })
      }
    >
      <Form form={form} layout="vertical" initialValues={{ date: today() }} onValuesChange={save.clear}>
        <Form.Item name="date" label={t('disputes.date')} rules={required(t('disputes.date'))}>
          <DateField />
        </Form.Item>
        <Form.Item name="place" label={t('disputes.place')} rules={required(t('disputes.place'))}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="agreed" label={t('disputes.agreed')} rules={required(t('disputes.agreed'))}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
      {save.error && <Alert type="error" showIcon title={save.error} />}
    </Modal>
  );
}

function OutcomeModal({ dispute, onClose }: { dispute: Dispute; onClose(): void }) {
  const { t } = useTranslation('mattersx');
  const { db, settings } = useApp();
  const [form] = Form.useForm<{ outcome: DisputeOutcome; note: string }>();
  const save = useSave(onClose);
  return (
    <Modal
      open
      title={t('disputes.outcomeTitle')}
      onCancel={onClose}
      confirmLoading={save.busy}
      onOk={() =>
        void save.run(async () => {
          const v = await form.validateFields();
          await setDisputeOutcome(db, dispute.matterId, v.outcome, v.note, settings.matterClerk ?? '');
        })
      }
    >
      <Form form={form} layout="vertical" initialValues={{ outcome: dispute.outcome }} onValuesChange={save.clear}>
        <Form.Item name="outcome" label={t('disputes.outcome')}>
          <Select options={DISPUTE_OUTCOMES.map((o) => ({ value: o, label: t(`disputes.outcomes.${o}`) }))} />
        </Form.Item>
        <Form.Item
          name="note"
          label={t('disputes.outcomeNote')}
          rules={[
            { required: true, whitespace: true, message: t('disputes.required', { field: t('disputes.outcomeNote') }) },
          ]}
        >
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
      {save.error && <Alert type="error" showIcon title={save.error} />}
    </Modal>
  );
}
