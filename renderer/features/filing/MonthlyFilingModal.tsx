import { useEffect, useState } from 'react';
import { Alert, Form, List, Modal, Typography } from 'antd';
import { Select } from '../../app/controls';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { useApp } from '../../app/AppContext';
import { communities, monthlyFilingPlan, signedMonths, type MonthPlan } from '../../data/repos/filingRepo';
import { meetingDay } from '../../../shared/dates';
import { useWording } from '../../i18n/wording';
import { monthText } from './monthText';
import { useFilingExport } from './useFilingExport';
import './messages';

/** 月度备案's dialog: the month's signed meetings are listed and filed, the unsigned ones named. */
export function MonthlyFilingModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation('filing');
  const w = useWording();
  const { db } = useApp();
  const units = useLiveQuery(() => communities(db), [db]);
  const months = useLiveQuery(() => signedMonths(db), [db]);
  const [communityId, setCommunityId] = useState<string>();
  const [month, setMonth] = useState<string>();
  const [plan, setPlan] = useState<MonthPlan | null>(null);
  const filing = useFilingExport();

  useEffect(() => {
    if (!communityId && units?.[0]) setCommunityId(units[0].id);
  }, [units, communityId]);
  useEffect(() => {
    if (!month && months?.[0]) setMonth(months[0]);
  }, [months, month]);
  useEffect(() => {
    let live = true;
    setPlan(null);
    if (communityId && month)
      void monthlyFilingPlan(db, communityId, month).then((p) => {
        if (live) setPlan(p);
      });
    return () => {
      live = false;
    };
  }, [db, communityId, month]);

  const line = (m: MonthPlan['signed'][number]) =>
    t('export.line', { day: w.date(meetingDay(m)), title: m.title, year: m.issueYear, no: m.issueNo });
  return (
    <Modal
      open
      title={t('export.monthlyTitle')}
      onCancel={onClose}
      okText={t('export.build')}
      okButtonProps={{ disabled: !plan || plan.signed.length === 0, loading: filing.busy }}
      onOk={() =>
        void (communityId && month ? filing.month(communityId, month) : Promise.resolve(false)).then((saved) => {
          if (saved) onClose();
        })
      }
    >
      {units && units.length === 0 && <Alert type="warning" showIcon title={t('export.noCommunity')} />}
      <Form layout="vertical">
        <Form.Item label={t('export.community')}>
          <Select
            value={communityId}
            onChange={setCommunityId}
            options={(units ?? []).map((u) => ({ value: u.id, label: u.name }))}
          />
        </Form.Item>
        <Form.Item label={t('export.month')}>
          <Select
            value={month}
            onChange={setMonth}
            options={(months ?? []).map((m) => ({ value: m, label: monthText(t, m) }))}
          />
        </Form.Item>
      </Form>
      {plan && plan.signed.length === 0 && <Alert type="warning" showIcon title={t('export.noneSigned')} />}
      {plan && plan.signed.length > 0 && (
        <List
          size="small"
          header={<Typography.Text strong>{t('export.signedList', { count: plan.signed.length })}</Typography.Text>}
          dataSource={plan.signed}
          renderItem={(m) => <List.Item>{line(m)}</List.Item>}
        />
      )}
      {plan && plan.unsigned.length > 0 && (
        <Alert
          style={{ marginTop: 12 }}
          type="warning"
          showIcon
          title={t('export.unsignedWarning', { count: plan.unsigned.length })}
          description={
            <ul style={{ margin: 0, paddingLeft: 20 }}>
              {plan.unsigned.map((m) => (
                <li key={m.id}>{line(m)}</li>
              ))}
            </ul>
          }
        />
      )}
    </Modal>
  );
}
