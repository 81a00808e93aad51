import { useEffect } from 'react';
import { Alert, Card, Skeleton, Space, Typography } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { Meeting, Minutes } from '../../../shared/domain/meeting';
import type { MeetingRecord } from '../../../shared/meeting/record';
import { reviewRecord, type ReviewProblem } from '../../../shared/meeting/review';
import { useApp } from '../../app/AppContext';
import type { YishiDb } from '../../data/db';
import { MinutesEditor, MinutesView } from '../minutes';
import { loadMeetingMinutes } from '../../data/repos/minutesRepo';
import { loadMeetingRecord } from '../../data/repos/meetingRepo';
import { ItemOutcomes } from './ItemOutcomes';
import { ResolutionField } from './ResolutionField';
import { ItemMarkButtons, ItemStateTag } from './ItemMarks';
import './messages';

export function reviewMessage(t: TFunction<'meetings'>, problem: ReviewProblem): string {
  const names = 'names' in problem ? problem.names.join(t('punct.listSeparator', { ns: 'translation' })) : undefined;
  const params = { ...problem, names } as Record<string, unknown>;
  return t(`review.problems.${problem.code}`, params);
}

/**
 * The minutes the 纪要与决定 tab shows read-only (live, finalised, signed, amended), kept up to
 * date; none where they are edited in place (closed) or not begun (draft). The record the screens
 * watch comes without minutes: they change with every keystroke of a live meeting. A finalised
 * or signed meeting's are asked for as soon as its screen opens (they are what one opens a past
 * meeting for, and change only with an amendment), so they are read while the tab is still being
 * drawn; a live meeting's only while the tab is shown, not on every autosave of another window.
 */
export function usePastMinutes(db: YishiDb, meeting: Meeting, tabShown: boolean): Minutes[] | undefined {
  const readOnly = meeting.status !== 'closed' && meeting.status !== 'draft';
  const wanted = readOnly && (tabShown || meeting.status === 'finalised' || meeting.status === 'signed');
  // Not wanted: undefined, so a tab shown later draws its skeleton, not empty minutes, until read.
  return useLiveQuery(() => (wanted ? loadMeetingMinutes(db, meeting.id) : undefined), [db, meeting.id, wanted]);
}

/** Minutes, resolutions and decisions item by item; editable between closing and 定稿. */
export function RecordPanel({ record, pastMinutes }: { record: MeetingRecord; pastMinutes: Minutes[] | undefined }) {
  const status = record.meeting.status;
  const editable = status === 'closed';
  const { t } = useTranslation('meetings');
  // Opened at one item (a hit of 全库检索: ?tab=record&item=…): scrolled to once its minutes are there.
  const focusItem = useSearchParams()[0].get('item');
  const minutesShown = editable || pastMinutes !== undefined;
  useEffect(() => {
    if (focusItem && minutesShown) document.getElementById(`item-${focusItem}`)?.scrollIntoView({ block: 'start' });
  }, [focusItem, minutesShown]);
  return (
    <div>
      {status === 'closed' && <ReviewList meetingId={record.meeting.id} />}
      {record.agendaItems.length === 0 && (
        <Typography.Paragraph type="secondary">{t('agenda.empty')}</Typography.Paragraph>
      )}
      {record.agendaItems.map((item, index) => (
        <Card
          key={item.id}
          id={`item-${item.id}`}
          style={{ marginBottom: 16, ...(item.id === focusItem ? { borderColor: '#c0392b', borderWidth: 2 } : {}) }}
          title={
            <Space>
              {`${index + 1}. ${item.title}`}
              <ItemStateTag item={item} />
            </Space>
          }
          extra={
            editable && (
              <Space wrap>
                <ItemMarkButtons item={item} />
              </Space>
            )
          }
        >
          {editable ? (
            <MinutesEditor
              agendaItemId={item.id}
              meetingId={record.meeting.id}
              attendees={record.attendance}
              readOnly={false}
            />
          ) : (
            status !== 'draft' &&
            (pastMinutes ? (
              <MinutesView doc={pastMinutes.find((m) => m.agendaItemId === item.id)?.doc} />
            ) : (
              <Skeleton active paragraph={{ rows: 4 }} title={false} />
            ))
          )}
          <ResolutionField item={item} editable={editable} />
          <ItemOutcomes record={record} item={item} editable={editable} />
        </Card>
      ))}
    </div>
  );
}

function ReviewList({ meetingId }: { meetingId: string }) {
  const { t } = useTranslation('meetings');
  const { db } = useApp();
  const record = useLiveQuery(() => loadMeetingRecord(db, meetingId), [db, meetingId]);
  if (!record) return null;
  const problems = reviewRecord(record);
  return problems.length === 0 ? (
    <Alert type="success" showIcon style={{ marginBottom: 16 }} title={t('review.ok')} />
  ) : (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 16 }}
      title={t('review.title')}
      description={
        <ul style={{ margin: 0 }}>
          {problems.map((p, i) => (
            <li key={i}>{reviewMessage(t, p)}</li>
          ))}
        </ul>
      }
    />
  );
}
