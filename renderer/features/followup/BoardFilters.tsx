import { memo, useState } from 'react';
import { Button, DatePicker, Space } from 'antd';
import { Select } from '../../app/controls';
import dayjs from 'dayjs';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { isCalendarDate } from '../../../shared/dates';
import type { BoardFilter, BoardMeeting } from '../../../shared/followup/board';
import { useApp } from '../../app/AppContext';
import type { BoardPage } from '../../data/repos/boardRepo';
import { loadBoardOptions } from '../../data/repos/boardOptionsRepo';
import './messages';

function names(list: readonly string[]): { value: string; label: string }[] {
  return [...new Set(list)].sort((a, b) => a.localeCompare(b, 'zh-CN')).map((n) => ({ value: n, label: n }));
}

/**
 * Compound, responsible, supervisor, meeting and due-date range: each narrows the board.
 * Memoised: the board's page and counts arriving for the same filter do not draw them again.
 */
export const BoardFilters = memo(function BoardFilters({
  units,
  meeting,
  filter,
  onChange,
}: {
  units: BoardPage['units'];
  meeting: BoardPage['meeting'];
  filter: BoardFilter;
  onChange: (f: BoardFilter) => void;
}) {
  const { t } = useTranslation('followup');
  const { db } = useApp();
  // The names and meetings to choose from are read when a list is first opened, not with the board.
  const [wanted, setWanted] = useState(false);
  const options = useLiveQuery(
    () => (wanted ? loadBoardOptions(db, filter.orgUnitId) : undefined),
    [db, wanted, filter.orgUnitId],
  );
  const want = (open: boolean) => open && setWanted(true);
  const meetings: BoardMeeting[] = [...(options?.meetings ?? [])];
  if (meeting && !meetings.some((m) => m.id === meeting.id)) meetings.unshift(meeting);
  const set = (patch: Partial<BoardFilter>) => onChange({ ...filter, ...patch });
  const range = [filter.dueFrom, filter.dueTo].map((d) => (d ? dayjs(d) : null)) as [
    dayjs.Dayjs | null,
    dayjs.Dayjs | null,
  ];
  const select = { allowClear: true, showSearch: true, optionFilterProp: 'label', style: { minWidth: 150 } } as const;
  return (
    <Space wrap className="yishi-followup-filters">
      <Select
        {...select}
        aria-label={t('filters.compound')}
        placeholder={t('filters.compound')}
        value={filter.orgUnitId}
        onChange={(orgUnitId?: string) => set({ orgUnitId })}
        options={units.map((u) => ({ value: u.id, label: u.name }))}
      />
      <Select
        {...select}
        aria-label={t('filters.responsible')}
        placeholder={t('filters.responsible')}
        value={filter.responsible}
        onChange={(responsible?: string) => set({ responsible })}
        onOpenChange={want}
        loading={wanted && !options}
        options={names([...(options?.responsible ?? []), ...(filter.responsible ? [filter.responsible] : [])])}
      />
      <Select
        {...select}
        aria-label={t('filters.supervisor')}
        placeholder={t('filters.supervisor')}
        value={filter.supervisor}
        onChange={(supervisor?: string) => set({ supervisor })}
        onOpenChange={want}
        loading={wanted && !options}
        options={names([...(options?.supervisors ?? []), ...(filter.supervisor ? [filter.supervisor] : [])])}
      />
      <Select
        {...select}
        style={{ minWidth: 230 }}
        aria-label={t('filters.meeting')}
        placeholder={t('filters.meeting')}
        value={filter.meetingId}
        onChange={(meetingId?: string) => set({ meetingId })}
        onOpenChange={want}
        loading={wanted && !options}
        options={meetings.map((m) => ({
          value: m.id,
          label: t('meetingName', { title: m.title, year: m.issueYear, no: m.issueNo }),
        }))}
      />
      <DatePicker.RangePicker
        aria-label={t('filters.due')}
        placeholder={[t('filters.due'), t('filters.due')]}
        value={range}
        onChange={(values) => {
          const [from, to] = (values ?? [null, null]).map((v) => v?.format('YYYY-MM-DD'));
          set({ dueFrom: isCalendarDate(from) ? from : undefined, dueTo: isCalendarDate(to) ? to : undefined });
        }}
      />
      <Button onClick={() => onChange({})} disabled={Object.values(filter).every((v) => v === undefined)}>
        {t('filters.clear')}
      </Button>
    </Space>
  );
});
