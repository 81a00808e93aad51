import { Alert, Button, Descriptions, Result, Space, Spin, Tabs, Tag, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import type { MeetingRecord } from '../../../shared/meeting/record';
import { useMeetingRecord } from './useMeetingRecord';
import { STATUS_COLORS } from './statusColors';
import { AgendaEditor } from './AgendaEditor';
import { AttendeesPanel } from './AttendeesPanel';
import { RecordPanel, usePastMinutes } from './RecordPanel';
import { useApp } from '../../app/AppContext';
import { SignPanel } from './SignPanel';
import { StatusActions } from './StatusActions';
import { DocumentsMenu } from './DocumentsMenu';
import { ReviewResults } from '../filing';
import { MinutesTitleField } from './MinutesTitleField';
import { attendanceCounts } from '../../../shared/meeting/attendance';
import { canEdit } from '../../../shared/meeting/lifecycle';
import './messages';
import { useWording } from '../../i18n/wording';

export function MeetingPage() {
  const { id = '' } = useParams();
  const record = useMeetingRecord(id);
  const { t } = useTranslation('meetings');
  const navigate = useNavigate();
  if (record === undefined) return <Spin style={{ margin: 48 }} />;
  if (record === null) return <Result status="404" title={t('errors.notFound')} />;
  return (
    <div className="yishi-page">
      <div className="yishi-page-header">
        <Space align="center" wrap>
          <Button icon={<ArrowLeftOutlined />} aria-label={t('title')} onClick={() => navigate('/meetings')} />
          <h1>{record.meeting.title}</h1>
          <Tag>{t(`types.${record.meeting.type}`)}</Tag>
          <Tag color={STATUS_COLORS[record.meeting.status]}>{t(`statuses.${record.meeting.status}`)}</Tag>
        </Space>
        <Space wrap className="yishi-no-print">
          <DocumentsMenu record={record} />
          <StatusActions record={record} />
        </Space>
      </div>
      {record.meeting.status === 'cancelled' && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('cancelledNotice', { reason: record.meeting.cancelReason ?? '' })}
        />
      )}
      <ReviewResults meetingId={record.meeting.id} />
      <MeetingOverview record={record} />
      <MeetingTabs record={record} />
    </div>
  );
}

function MeetingOverview({ record }: { record: MeetingRecord }) {
  const { t } = useTranslation('meetings');
  const w = useWording();
  const m = record.meeting;
  const counts = attendanceCounts(record.attendance);
  return (
    <Descriptions size="small" column={3} style={{ marginBottom: 16, background: '#fff', padding: 12 }}>
      <Descriptions.Item label={t('columns.issue')}>
        {t('issue', { year: m.issueYear, no: m.issueNo })}
      </Descriptions.Item>
      <Descriptions.Item label={t('columns.time')}>{w.dateTime(m.startAt)}</Descriptions.Item>
      <Descriptions.Item label={t('form.place')}>{m.place}</Descriptions.Item>
      <Descriptions.Item label={t('form.chair')}>{m.chair?.name ?? '—'}</Descriptions.Item>
      <Descriptions.Item label={t('form.recorder')}>{m.recorder?.name ?? '—'}</Descriptions.Item>
      <Descriptions.Item label={t('columns.unit')}>{record.orgPath.slice(-2).join(' · ')}</Descriptions.Item>
      <Descriptions.Item label={t('sections.people')} span={3}>
        <Typography.Text>{t('people.invited', { ...counts })}</Typography.Text>
      </Descriptions.Item>
      <Descriptions.Item label={t('documents.minutesTitle')} span={3}>
        <MinutesTitleField record={record} />
      </Descriptions.Item>
    </Descriptions>
  );
}

function MeetingTabs({ record }: { record: MeetingRecord }) {
  const { t } = useTranslation('meetings');
  const [params, setParams] = useSearchParams();
  const { db } = useApp();
  const status = record.meeting.status;
  const defaultTab = status === 'draft' ? 'agenda' : status === 'finalised' || status === 'signed' ? 'sign' : 'record';
  const tab = params.get('tab') ?? defaultTab;
  const pastMinutes = usePastMinutes(db, record.meeting, tab === 'record');
  const peopleMode = canEdit(status, 'invitationRemoval')
    ? 'invite'
    : canEdit(status, 'attendance')
      ? 'signIn'
      : 'view';
  return (
    <Tabs
      activeKey={tab}
      onChange={(key) => setParams({ tab: key }, { replace: true })}
      items={[
        {
          key: 'agenda',
          label: t('sections.agenda'),
          children: <AgendaEditor meeting={record.meeting} items={record.agendaItems} />,
        },
        {
          key: 'people',
          label: t('sections.people'),
          children: <AttendeesPanel meeting={record.meeting} attendance={record.attendance} mode={peopleMode} />,
        },
        {
          key: 'record',
          label: t('sections.record'),
          children: <RecordPanel record={record} pastMinutes={pastMinutes} />,
        },
        { key: 'sign', label: t('sections.sign'), children: <SignPanel record={record} /> },
      ]}
    />
  );
}
