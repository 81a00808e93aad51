import { useState } from 'react';
import { Alert, App, Button, Card, Form, Input, InputNumber, Modal, Space, Table, Tag } from 'antd';
import { ArrowLeftOutlined, SettingOutlined } from '@ant-design/icons';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import {
  MAX_ENTRY_POINTS,
  pointsRefusal,
  pointsRulesRefusal,
  pointsRulesSchema,
  type PointsEntry,
  type ResidentBalance,
} from '../../../shared/matters/points';
import { useApp } from '../../app/AppContext';
import { loadPointsLedger, loadResidentPoints, redeemPoints, rulesOf } from '../../data/repos/pointsRepo';
import './mattersxMessages';
import { errorText } from '../../i18n/errorText';
import { refusalWords } from '../../i18n/refusalWords';
import { useWording } from '../../i18n/wording';

/** 金点子积分台账: residents by balance; one resident's entries; redeeming; the rules. */
export function PointsPage() {
  const { t } = useTranslation('mattersx');
  const w = useWording();
  const { db } = useApp();
  const ledger = useLiveQuery(() => loadPointsLedger(db), [db]);
  const [selected, setSelected] = useState<string | null>(null);
  const [redeeming, setRedeeming] = useState<ResidentBalance | null>(null);
  const [editingRules, setEditingRules] = useState(false);
  const current = ledger?.find((r) => r.residentKey === selected) ?? ledger?.[0];

  return (
    <div className="yishi-page">
      <Link to="/matters">
        <ArrowLeftOutlined /> {t('points.back')}
      </Link>
      <div className="yishi-page-header">
        <h1>{t('points.title')}</h1>
        <Button size="large" icon={<SettingOutlined />} onClick={() => setEditingRules(true)}>
          {t('points.rules')}
        </Button>
      </div>
      <p className="yishi-lead">{t('points.lead')}</p>
      <Table<ResidentBalance>
        rowKey="residentKey"
        size="middle"
        loading={!ledger}
        dataSource={ledger ?? []}
        pagination={{ pageSize: 10, showSizeChanger: false }}
        locale={{ emptyText: ledger ? t('points.empty') : ' ' }}
        rowClassName={(r) => (r.residentKey === current?.residentKey ? 'ant-table-row-selected' : '')}
        onRow={(r) => ({ onClick: () => setSelected(r.residentKey) })}
        columns={[
          {
            title: t('points.resident'),
            render: (_, r) => (
              <Button type="link" style={{ padding: 0 }} onClick={() => setSelected(r.residentKey)}>
                {r.residentName}
              </Button>
            ),
          },
          { title: t('points.earned'), dataIndex: 'earned', width: 110 },
          { title: t('points.redeemed'), dataIndex: 'redeemed', width: 110 },
          { title: t('points.balance'), width: 110, render: (_, r) => <strong>{r.balance}</strong> },
          {
            title: '',
            width: 130,
            render: (_, r) => (
              <Button disabled={r.balance < 1} onClick={() => setRedeeming(r)}>
                {t('points.redeem')}
              </Button>
            ),
          },
        ]}
      />
      {current && <ResidentEntries residentKey={current.residentKey} name={current.residentName} w={w} />}
      {redeeming && <RedeemModal resident={redeeming} onClose={() => setRedeeming(null)} />}
      {editingRules && <RulesModal onClose={() => setEditingRules(false)} />}
    </div>
  );
}

function ResidentEntries({
  residentKey,
  name,
  w,
}: {
  residentKey: string;
  name: string;
  w: ReturnType<typeof useWording>;
}) {
  const { t } = useTranslation('mattersx');
  const { db } = useApp();
  const data = useLiveQuery(() => loadResidentPoints(db, residentKey), [db, residentKey]);
  return (
    <Card size="small" style={{ marginTop: 16 }} title={`${name} · ${t('points.entries')}`}>
      <Table<PointsEntry>
        rowKey="id"
        size="small"
        dataSource={data?.entries ?? []}
        pagination={{ pageSize: 8, showSizeChanger: false }}
        columns={[
          { title: t('points.when'), width: 170, render: (_, e) => w.dateTime(e.at) },
          {
            title: t('points.pointsCol'),
            width: 110,
            render: (_, e) =>
              e.kind === 'earn' ? (
                <Tag color="green">{`${t('points.kindEarn')} +${e.points}`}</Tag>
              ) : e.kind === 'reverse' ? (
                <Tag color="red">{`${t('points.kindReverse')} −${e.points}`}</Tag>
              ) : (
                <Tag color="orange">{`${t('points.kindRedeem')} −${e.points}`}</Tag>
              ),
          },
          {
            title: t('points.reason'),
            render: (_, e) => (e.matterId ? <Link to={`/matters/${e.matterId}`}>{e.reason}</Link> : e.reason),
          },
          { title: t('points.by'), width: 110, dataIndex: 'by' },
        ]}
      />
    </Card>
  );
}

function RedeemModal({ resident, onClose }: { resident: ResidentBalance; onClose(): void }) {
  const { t } = useTranslation('mattersx');
  const { db, settings } = useApp();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ service: string; points: number }>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function save() {
    const values = await form.validateFields();
    setBusy(true);
    try {
      await redeemPoints(db, resident.residentKey, values.points, values.service, settings.matterClerk ?? '');
      void message.success(t('points.redeemed_ok', { service: values.service.trim(), points: values.points }));
      onClose();
    } catch (e) {
      setError(errorText(t, e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      open
      title={t('points.redeemTitle', { name: resident.residentName })}
      onCancel={onClose}
      onOk={() => void save()}
      confirmLoading={busy}
      okText={t('points.redeem')}
    >
      <p>
        {t('points.balance')}：<strong>{resident.balance}</strong>
      </p>
      <Form form={form} layout="vertical" onValuesChange={() => setError(null)}>
        <Form.Item
          name="service"
          label={t('points.service')}
          rules={[
            { required: true, whitespace: true, message: t('disputes.required', { field: t('points.service') }) },
          ]}
        >
          <Input maxLength={200} placeholder={t('points.servicePlaceholder')} />
        </Form.Item>
        <Form.Item
          name="points"
          label={t('points.amount')}
          rules={[{ required: true, message: t('disputes.required', { field: t('points.amount') }) }]}
        >
          <InputNumber min={1} max={MAX_ENTRY_POINTS} precision={0} style={{ width: 160 }} />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon title={error} />}
    </Modal>
  );
}

function RulesModal({ onClose }: { onClose(): void }) {
  const { t } = useTranslation('mattersx');
  const { settings, updateSettings } = useApp();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ golden: number; goodMethod: number }>();
  const [error, setError] = useState<string | null>(null);

  async function save() {
    const values = await form.validateFields();
    const refused = pointsRulesRefusal(values);
    if (refused) return setError(refusalWords(t, refused));
    const parsed = pointsRulesSchema.safeParse(values);
    if (!parsed.success) return setError(refusalWords(t, pointsRefusal('rulesNotInteger')));
    await updateSettings({ pointsRules: parsed.data });
    void message.success(t('disputes.saved'));
    onClose();
  }

  return (
    <Modal open title={t('points.rulesTitle')} onCancel={onClose} onOk={() => void save()}>
      <p className="yishi-lead">{t('points.rulesLead')}</p>
      <Form form={form} layout="vertical" initialValues={rulesOf(settings)} onValuesChange={() => setError(null)}>
        <Space size="large">
          <Form.Item name="golden" label={t('points.golden')} rules={[{ required: true, message: t('points.golden') }]}>
            <InputNumber min={0} max={MAX_ENTRY_POINTS} precision={0} />
          </Form.Item>
          <Form.Item
            name="goodMethod"
            label={t('points.goodMethod')}
            rules={[{ required: true, message: t('points.goodMethod') }]}
          >
            <InputNumber min={0} max={MAX_ENTRY_POINTS} precision={0} />
          </Form.Item>
        </Space>
      </Form>
      {error && <Alert type="error" showIcon title={error} />}
    </Modal>
  );
}
