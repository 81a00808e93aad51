import { memo, useEffect, useMemo, useState } from 'react';
import { Button, Checkbox, DatePicker, Input, Switch } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { isCalendarDate } from '../../../shared/dates';
import type { OrgUnit } from '../../../shared/domain/org';
import { MEETING_TYPES, type MeetingType } from '../../../shared/domain/meeting';
import { SEARCH_KINDS, type SearchFilters as Filters } from '../../../shared/search/types';
import { Select } from '../../app/controls';
import { useWording } from '../../i18n/wording';
import { orgListOptions } from '../roster';
// The meeting types' names (namespace 'meetings'); the feature is in the start-up bundle already (工作台).
import '../meetings';
import { hasFilters } from './searchParams';
import './messages';

const DECISION_STATES = ['notStarted', 'inProgress', 'reported', 'done'] as const;
const MATTER_PATHS = ['untriaged', 'immediate', 'pending', 'escalate'] as const;
/** Units a search can be narrowed to: a whole street is no narrowing. */
const NARROWING_LEVELS = new Set(['community', 'compound', 'grid']);

/**
 * What narrows the search: kinds (tick boxes, plain to see), community or compound, meeting type,
 * dates, status, responsible party and 只看逾期. Each change is a new search at once, except the
 * responsible party's words, taken when the user presses Enter or leaves the box.
 */
export const SearchFilters = memo(function SearchFilters({
  filters,
  units,
  onChange,
}: {
  filters: Filters;
  units: readonly OrgUnit[];
  onChange: (filters: Filters) => void;
}) {
  const { t } = useTranslation('search');
  const { t: tc } = useTranslation();
  const w = useWording();
  const set = (patch: Partial<Filters>) => {
    const next: Filters = { ...filters, ...patch };
    for (const key of Object.keys(next) as (keyof Filters)[]) if (next[key] === undefined) delete next[key];
    onChange(next);
  };

  const [responsible, setResponsible] = useState(filters.responsible ?? '');
  useEffect(() => setResponsible(filters.responsible ?? ''), [filters.responsible]);
  const commitResponsible = () => {
    const words = responsible.trim();
    if (words !== (filters.responsible ?? '')) set({ responsible: words || undefined });
  };

  const unitOptions = useMemo(() => {
    const narrowing = new Set(units.filter((u) => NARROWING_LEVELS.has(u.level)).map((u) => u.id));
    return orgListOptions(units, (u) => w.withNote(u.name, tc(`levels.${u.level}`))).filter((o) =>
      narrowing.has(o.value),
    );
  }, [units, w, tc]);
  const kindOptions = SEARCH_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }));
  const typeOptions = MEETING_TYPES.map((m) => ({ value: m, label: t(`types.${m}`, { ns: 'meetings' }) }));
  const statusOptions = [
    {
      label: t('filters.decisionStates'),
      options: DECISION_STATES.map((s) => ({ value: s, label: t(`statuses.${s}`) })),
    },
    { label: t('filters.matterPaths'), options: MATTER_PATHS.map((s) => ({ value: s, label: t(`statuses.${s}`) })) },
  ];
  const range = [filters.from, filters.to].map((d) => (d ? dayjs(d) : null)) as [
    dayjs.Dayjs | null,
    dayjs.Dayjs | null,
  ];
  const select = { allowClear: true, showSearch: true, optionFilterProp: 'label' } as const;

  return (
    <div className="yishi-search-filters">
      <div className="yishi-search-kinds" role="group" aria-label={t('filters.kinds')}>
        <span className="yishi-search-filter-label">{w.label(t('filters.kinds'))}</span>
        <Checkbox.Group
          options={kindOptions}
          value={filters.kinds ?? []}
          onChange={(kinds) => set({ kinds: kinds.length ? SEARCH_KINDS.filter((k) => kinds.includes(k)) : undefined })}
        />
      </div>
      <div className="yishi-search-filter-row">
        <Select
          {...select}
          style={{ minWidth: 240 }}
          aria-label={t('filters.unit')}
          placeholder={t('filters.allUnits')}
          value={filters.orgUnitId}
          options={unitOptions}
          optionRender={(o) => <span style={{ paddingInlineStart: (o.data.depth ?? 0) * 16 }}>{o.label}</span>}
          onChange={(orgUnitId?: string) => set({ orgUnitId })}
        />
        <Select
          {...select}
          style={{ minWidth: 180 }}
          aria-label={t('filters.meetingType')}
          placeholder={t('filters.allMeetingTypes')}
          value={filters.meetingType}
          options={typeOptions}
          onChange={(meetingType?: MeetingType) => set({ meetingType })}
        />
        <DatePicker.RangePicker
          aria-label={t('filters.dates')}
          placeholder={[t('filters.from'), t('filters.to')]}
          allowEmpty={[true, true]}
          value={range}
          onChange={(values) => {
            const [from, to] = (values ?? [null, null]).map((v) => v?.format('YYYY-MM-DD'));
            set({ from: isCalendarDate(from) ? from : undefined, to: isCalendarDate(to) ? to : undefined });
          }}
        />
        <Select
          {...select}
          style={{ minWidth: 150 }}
          aria-label={t('filters.status')}
          placeholder={t('filters.allStatuses')}
          value={filters.status}
          // Both groups at once, none behind a scroll.
          virtual={false}
          listHeight={480}
          options={statusOptions}
          onChange={(status?: string) => set({ status })}
        />
        <Input
          allowClear
          className="yishi-search-responsible"
          aria-label={t('filters.responsible')}
          placeholder={t('filters.responsible')}
          value={responsible}
          maxLength={60}
          onChange={(e) => {
            setResponsible(e.target.value);
            // The clear button empties the box: the filter goes at once.
            if (e.type !== 'change' && filters.responsible) set({ responsible: undefined });
          }}
          onPressEnter={commitResponsible}
          onBlur={commitResponsible}
        />
        <label className="yishi-search-overdue">
          <Switch
            checked={filters.overdueOnly ?? false}
            onChange={(on) => set({ overdueOnly: on || undefined })}
            aria-label={t('filters.overdue')}
          />
          <span>{t('filters.overdue')}</span>
        </label>
        <Button onClick={() => onChange({})} disabled={!hasFilters(filters)}>
          {t('filters.clear')}
        </Button>
      </div>
    </div>
  );
});
