import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { Alert, Button, Drawer, Empty, Result, Space, Spin, Tag, Typography } from 'antd';
import {
  CheckOutlined,
  DoubleRightOutlined,
  LeftOutlined,
  LogoutOutlined,
  RightOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import type { AgendaItem } from '../../../shared/domain/meeting';
import { attendanceCounts, concernWarnings } from '../../../shared/meeting/attendance';
import type { MeetingRecord } from '../../../shared/meeting/record';
import { useApp } from '../../app/AppContext';
import { MinutesEditor } from '../minutes';
import { goToItem } from '../../data/repos/agendaRepo';
import { ItemMarkButtons } from './ItemMarks';
import { AttendeesPanel } from './AttendeesPanel';
import { ItemOutcomes, type OutcomeDialog } from './ItemOutcomes';
import { ResolutionField } from './ResolutionField';
import { ElapsedClock } from './ElapsedClock';
import { useMeetingRecord } from './useMeetingRecord';
import { useLiveLock } from './useLiveLock';
import './live.css';
import './messages';
import { useWording } from '../../i18n/wording';

/** The chair's calm full-screen view of a meeting in session, keyboard first. */
export function LiveMeetingPage() {
  const { id = '' } = useParams();
  const record = useMeetingRecord(id);
  const lock = useLiveLock(id);
  const { t } = useTranslation('meetings');
  const navigate = useNavigate();
  if (record === undefined || lock === 'pending') return <Spin style={{ margin: 48 }} />;
  if (record === null) return <Result status="404" title={t('errors.notFound')} />;
  if (record.meeting.status !== 'live')
    return (
      <Result
        status="info"
        title={t(`statuses.${record.meeting.status}`)}
        extra={<Button onClick={() => navigate(`/meetings/${id}`)}>{t('actions.back')}</Button>}
      />
    );
  return <LiveMeeting record={record} readOnly={lock === 'taken'} />;
}

function LiveMeeting({ record, readOnly }: { record: MeetingRecord; readOnly: boolean }) {
  const { t } = useTranslation('meetings');
  const { db } = useApp();
  const navigate = useNavigate();
  const [signIn, setSignIn] = useState(false);
  const [dialog, setDialog] = useState<OutcomeDialog | null>(null);
  const focusMinutes = useRef<(() => void) | null>(null);
  const items = record.agendaItems;
  const current = items.find((i) => i.id === record.meeting.currentAgendaItemId) ?? items[0];
  const index = current ? items.indexOf(current) : -1;
  const counts = attendanceCounts(record.attendance);

  // The keyboard reads what the chair last saw or asked for, not what the last effect captured:
  // Alt+D pressed just after Alt+N belongs to the item Alt+N went to, even before it is stored.
  const shown = useRef({ items, currentId: current?.id, readOnly, busy: false });
  const requestedItemId = useRef<string | null>(null);
  useLayoutEffect(() => {
    if (requestedItemId.current === record.meeting.currentAgendaItemId) requestedItemId.current = null;
    shown.current = { items, currentId: current?.id, readOnly, busy: Boolean(dialog) || signIn };
  });

  const go = useCallback(
    (item: AgendaItem | undefined) => {
      if (!item || readOnly) return;
      requestedItemId.current = item.id;
      goToItem(db, record.meeting.id, item.id).catch((error: unknown) => {
        requestedItemId.current = null;
        throw error;
      });
    },
    [db, record.meeting.id, readOnly],
  );

  // The first item starts when the chair first sees it.
  useEffect(() => {
    if (current && !record.meeting.currentAgendaItemId && !readOnly) go(current);
  }, [current, record.meeting.currentAgendaItemId, go, readOnly]);

  useEffect(() => {
    const open = (next: () => void) => {
      // Taken at once: a second shortcut before the dialog is drawn must not act behind it.
      shown.current.busy = true;
      next();
    };
    const onKey = (e: KeyboardEvent) => {
      if (!e.altKey || e.ctrlKey || e.metaKey) return;
      const { items: list, currentId, readOnly: viewOnly, busy } = shown.current;
      // A dialog or the sign-in drawer has the keyboard: the item behind it must not change under it.
      if (busy) return;
      const itemId = requestedItemId.current ?? currentId;
      const at = list.findIndex((i) => i.id === itemId);
      const actions: Record<string, () => void> = {
        n: () => go(list[at + 1]),
        p: () => go(at > 0 ? list[at - 1] : undefined),
        m: () => focusMinutes.current?.(),
        d: () => !viewOnly && itemId && open(() => setDialog({ itemId, kind: 'decision', decision: null })),
        v: () => !viewOnly && itemId && open(() => setDialog({ itemId, kind: 'vote', vote: null })),
        q: () => open(() => setSignIn(true)),
      };
      const action = actions[e.key.toLowerCase()];
      if (action) {
        e.preventDefault();
        action();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [go]);

  return (
    <div className="yishi-live">
      <header className="yishi-live-bar">
        <div className="yishi-live-title">
          {record.meeting.title}
          <small>{t('issue', { year: record.meeting.issueYear, no: record.meeting.issueNo })}</small>
        </div>
        <Space size="middle">
          <span data-testid="live-attendance">
            {t('live.attendance', { expected: counts.expected, present: counts.present })}
          </span>
          <Button icon={<TeamOutlined />} onClick={() => setSignIn(true)}>
            {t('live.signIn')}
          </Button>
          <Button icon={<LogoutOutlined />} onClick={() => navigate(`/meetings/${record.meeting.id}`)}>
            {t('live.exit')}
          </Button>
        </Space>
      </header>
      {readOnly && <Alert type="warning" banner title={t('live.readOnly')} />}
      <div className="yishi-live-body">
        <nav className="yishi-live-agenda" aria-label={t('sections.agenda')}>
          <ol>
            {items.map((item, i) => (
              <li key={item.id}>
                <button
                  type="button"
                  className={item.id === current?.id ? 'current' : ''}
                  aria-current={item.id === current?.id ? 'step' : undefined}
                  onClick={() => go(item)}
                >
                  <span>
                    {i + 1}. {item.title}
                  </span>
                  {item.state === 'resolved' && <CheckOutlined aria-label={t('live.resolved')} />}
                  {item.state === 'carriedOver' && <DoubleRightOutlined aria-label={t('live.carriedOver')} />}
                </button>
              </li>
            ))}
          </ol>
        </nav>
        <main className="yishi-live-main">
          {current ? (
            <CurrentItem
              record={record}
              item={current}
              index={index}
              readOnly={readOnly}
              dialog={dialog}
              onDialog={setDialog}
              focusMinutes={focusMinutes}
              onGo={go}
            />
          ) : (
            <Empty description={t('live.noItems')} />
          )}
        </main>
      </div>
      <footer className="yishi-live-footer">{t('live.shortcuts')}</footer>
      <Drawer
        open={signIn}
        onClose={() => setSignIn(false)}
        title={t('live.signIn')}
        size="large"
        styles={{ wrapper: { width: 860 } }}
      >
        <AttendeesPanel meeting={record.meeting} attendance={record.attendance} mode={readOnly ? 'view' : 'signIn'} />
      </Drawer>
    </div>
  );
}

function CurrentItem({
  record,
  item,
  index,
  readOnly,
  dialog,
  onDialog,
  focusMinutes,
  onGo,
}: {
  record: MeetingRecord;
  item: AgendaItem;
  index: number;
  readOnly: boolean;
  dialog: OutcomeDialog | null;
  onDialog(d: OutcomeDialog | null): void;
  focusMinutes: React.RefObject<(() => void) | null>;
  onGo(item: AgendaItem | undefined): void;
}) {
  const { t } = useTranslation('meetings');
  const { t: tc } = useTranslation();
  const w = useWording();
  const items = record.agendaItems;
  const next = items[index + 1];
  const missing = concernWarnings(item, record.attendance);
  return (
    <div>
      <div className="yishi-live-item-head">
        <div>
          <Typography.Text type="secondary">
            {t('live.current')} {index + 1}/{items.length}
          </Typography.Text>
          <h2 data-testid="current-item">{item.title}</h2>
          <Space wrap>
            <Tag>{t('live.planned', { minutes: item.plannedMinutes })}</Tag>
            <ElapsedClock since={item.startedAt} plannedMinutes={item.plannedMinutes} />
            <Typography.Text type="secondary">
              {w.labelled(t('live.next'), next ? next.title : t('live.noNext'))}
            </Typography.Text>
          </Space>
        </div>
        <Space>
          <Button icon={<LeftOutlined />} disabled={index <= 0} onClick={() => onGo(items[index - 1])}>
            {t('live.previous')} Alt+P
          </Button>
          <ItemMarkButtons item={item} disabled={readOnly} />
          <Button
            type="primary"
            icon={<RightOutlined />}
            iconPlacement="end"
            disabled={!next}
            onClick={() => onGo(next)}
          >
            {t('live.next')} Alt+N
          </Button>
        </Space>
      </div>
      {missing.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('vote.concernWarning', { roles: w.list(missing.map((r) => tc(`roles.${r}`))) })}
        />
      )}
      <MinutesEditor
        key={item.id}
        agendaItemId={item.id}
        meetingId={record.meeting.id}
        attendees={record.attendance}
        readOnly={readOnly}
        autoFocus
        onFocusRequestRef={focusMinutes}
      />
      <ResolutionField item={item} editable={!readOnly} />
      <ItemOutcomes record={record} item={item} editable={!readOnly} dialog={dialog} onDialog={onDialog} />
    </div>
  );
}
