import { lazy, Suspense, useMemo, useState } from 'react';
import { PlusOutlined } from '@ant-design/icons';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { Meeting, MeetingStatus, MeetingType } from '../../../shared/domain/meeting';
import { localDay } from '../../../shared/dates';
import { nextMonthlyMeetingDate } from '../../../shared/meeting/schedule';
import { useApp } from '../../app/AppContext';
import { meetingCount, meetingPage } from '../../data/repos/meetingListRepo';
import { useOrgUnits } from '../../data/useTables';
import { useMeetingImport } from './useMeetingImport';
import { ImportResponseButton, MonthlyFilingButton } from '../filing';
import './messages';
import { useWording } from '../../i18n/wording';
import { STATUS_COLORS } from './statusColors';
import { PlainTable, PLAIN_TAGS } from '../../app/PlainTable';
import { PlainTabs } from '../../app/plain/PlainTabs';
import { PlainButton } from '../../app/plain/PlainButton';
import { PlainInfoAlert } from '../../app/plain/PlainAlert';
import { PlainSpace } from '../../app/plain/PlainSpace';
import { WithAntd } from '../../app/antd/withAntd';

// The dialogs (forms, date and tree pickers) load on first use: the meeting list is the first
// screen, and every kilobyte it does not need is start-up time saved on an old laptop. It is drawn
// without antd (app/plain/); the dialogs bring antd with them.
const NewMeetingModal = lazy(() => import('./NewMeetingModal').then((m) => ({ default: m.NewMeetingModal })));
const TemplatesModal = lazy(() => import('./TemplatesModal').then((m) => ({ default: m.TemplatesModal })));

const TAB_STATES: Record<string, MeetingStatus[]> = {
  upcoming: ['draft'],
  live: ['live'],
  awaiting: ['closed', 'finalised'],
  signed: ['signed'],
  cancelled: ['cancelled'],
};

const PAGE_SIZE = 20;
const NO_MEETINGS: Meeting[] = [];
const meetingKey = (m: Meeting) => m.id;

/** The newest meetings first; only this page's rows are read, so a long archive stays fast. */
export function MeetingsPage() {
  const { t } = useTranslation('meetings');
  const w = useWording();
  const { db } = useApp();
  const navigate = useNavigate();
  const [tab, setTab] = useState('upcoming');
  const [creating, setCreating] = useState<MeetingType | null>(null);
  const [editingTemplates, setEditingTemplates] = useState(false);
  const importMeeting = useMeetingImport((id) => navigate(`/meetings/${id}`));
  const [page, setPage] = useState(1);
  const statuses = TAB_STATES[tab] ?? ['draft'];
  const rows = useLiveQuery(() => meetingPage(db, statuses, page, PAGE_SIZE), [db, tab, page]);
  const total = useLiveQuery(() => meetingCount(db, statuses), [db, tab]);
  const units = useOrgUnits(db);
  const unitName = useMemo(() => new Map(units.map((u) => [u.id, u.name])), [units]);
  const nextTenth = nextMonthlyMeetingDate(localDay(new Date()));
  const tags = PLAIN_TAGS;
  // antd comes with the first dialog and stays: a dialog's message outlives the dialog.
  const [dialogsUsed, setDialogsUsed] = useState(false);
  if ((editingTemplates || creating) && !dialogsUsed) setDialogsUsed(true);

  return (
    <div className="yishi-page">
      <div className="yishi-page-header">
        <h1>{t('title')}</h1>
        <PlainSpace>
          <PlainButton onClick={() => setEditingTemplates(true)}>{t('templates.button')}</PlainButton>
          <PlainButton onClick={() => void importMeeting()}>{t('documents.import')}</PlainButton>
          <MonthlyFilingButton />
          <ImportResponseButton />
          <PlainButton type="primary" icon={PlusOutlined} onClick={() => setCreating('redBench')}>
            {t('newMeeting')}
          </PlainButton>
        </PlainSpace>
      </div>
      <PlainInfoAlert style={ALERT_STYLE}>
        <PlainSpace>
          {t('nextMonthly', { date: w.date(nextTenth) })}
          <PlainButton size="small" onClick={() => setCreating('monthlyDay')}>
            {t('prepareNext')}
          </PlainButton>
        </PlainSpace>
      </PlainInfoAlert>
      <PlainTabs
        activeKey={tab}
        onChange={(key) => {
          setTab(key);
          setPage(1);
        }}
        tabs={Object.keys(TAB_STATES).map((key) => ({ key, label: t(`tabs.${key}`) }))}
      />
      {/* antd's Table markup without antd's Table: the first screen's code is smaller by its
          table machinery (rc-table and antd's table, ~40 KiB gzipped), which no row here uses. */}
      <PlainTable<Meeting>
        rowKey={meetingKey}
        loading={!rows}
        rows={rows ?? NO_MEETINGS}
        emptyText={t('empty')}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: total ?? rows?.length ?? 0,
          onChange: setPage,
        }}
        onRowDoubleClick={(m) => navigate(`/meetings/${m.id}`)}
        columns={[
          { key: 'title', title: t('columns.title'), render: (m) => m.title },
          { key: 'type', title: t('columns.type'), width: 130, render: (m) => t(`types.${m.type}`) },
          { key: 'unit', title: t('columns.unit'), width: 130, render: (m) => unitName.get(m.orgUnitId) ?? '' },
          { key: 'time', title: t('columns.time'), width: 190, render: (m) => w.dateTime(m.startAt) },
          {
            key: 'issue',
            title: t('columns.issue'),
            width: 130,
            render: (m) => t('issue', { year: m.issueYear, no: m.issueNo }),
          },
          {
            key: 'status',
            title: t('columns.status'),
            width: 90,
            render: (m) => <span className={tags.className(STATUS_COLORS[m.status])}>{t(`statuses.${m.status}`)}</span>,
          },
          {
            key: 'actions',
            title: '',
            width: 170,
            render: (m) => (
              <PlainSpace>
                <PlainButton size="small" onClick={() => navigate(`/meetings/${m.id}`)}>
                  {t('open')}
                </PlainButton>
                {m.status === 'live' && (
                  <PlainButton size="small" type="primary" onClick={() => navigate(`/meetings/${m.id}/live`)}>
                    {t('enterLive')}
                  </PlainButton>
                )}
              </PlainSpace>
            ),
          },
        ]}
      />
      {dialogsUsed && (
        <Suspense fallback={null}>
          <WithAntd>
            {editingTemplates && <TemplatesModal onClose={() => setEditingTemplates(false)} />}
            {creating && (
              <NewMeetingModal
                type={creating}
                onClose={() => setCreating(null)}
                onCreated={(id) => navigate(`/meetings/${id}`)}
              />
            )}
          </WithAntd>
        </Suspense>
      )}
    </div>
  );
}

const ALERT_STYLE = { marginBottom: 16 } as const;
