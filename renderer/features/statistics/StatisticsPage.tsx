import { useMemo, useRef, useState } from 'react';
import { dateParts, today } from '../../../shared/dates';
import { Alert, App, Button, Segmented, Spin } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useLiveQuery } from 'dexie-react-hooks';
import { useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { OrgUnit } from '../../../shared/domain/org';
import type { StatsPeriod } from '../../../shared/statistics/period';
import { scopeChoices, scopeOfUnit } from '../../../shared/statistics/scope';
import { useApp } from '../../app/AppContext';
import { Select } from '../../app/controls';
import { loadStatistics, type StatsLoad, type StatsQuery } from '../../data/repos/statisticsRepo';
import { useOrgUnits } from '../../data/useTables';
import { useWording } from '../../i18n/wording';
import { orgListOptions, unitWithLevel } from '../roster';
import { exportExcel, type ExportContext } from './exportStats';
import { FigureCard } from './FigureCard';
import { RecordsDrawer, type OpenedCell } from './RecordsDrawer';
import { figureTables } from './tables';
// The meeting types' names (namespace 'meetings'); the feature is in the start-up bundle already (工作台).
import '../meetings';
import './messages';
import './statistics.css';
import { appendAudit } from '../../data/repos/auditRepo';

const YEARS_OFFERED = 10;

/** The unit and period in the address (#/statistics?unit=…&year=2026&month=3), so a view can be come back to. */
function readPeriod(params: URLSearchParams, thisYear: number): StatsPeriod {
  const year = Number(params.get('year'));
  const month = Number(params.get('month'));
  const y = Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : thisYear;
  return Number.isInteger(month) && month >= 1 && month <= 12
    ? { kind: 'month', year: y, month }
    : { kind: 'year', year: y };
}

function shownKey(unitId: string, period: StatsPeriod): string {
  return `${unitId}/${period.year}/${period.kind === 'month' ? period.month : ''}`;
}

/** The unit shown when the address names none: the 工作台's community or compound, else the first street. */
function defaultUnit(choices: readonly OrgUnit[], preferred: string | undefined): OrgUnit | undefined {
  return (
    choices.find((u) => u.id === preferred) ??
    choices.find((u) => u.level === 'subdistrict') ??
    choices.find((u) => u.level === 'community') ??
    choices[0]
  );
}

/**
 * 统计 (issue #13): the figures of a street, community or compound over a year or month, each as
 * a chart with its table beside it; a number opens its records; export to Excel and PNG.
 */
export function StatisticsPage() {
  const { t } = useTranslation('statistics');
  const { t: tc } = useTranslation();
  const w = useWording();
  const { db, bridge, settings } = useApp();
  const { message } = App.useApp();
  const units = useOrgUnits(db);
  const [params, setParams] = useSearchParams();
  const thisYear = dateParts(today()).year;
  const choices = useMemo(() => scopeChoices(units), [units]);
  const period = readPeriod(params, thisYear);
  const asked = params.get('unit');
  const unit = asked ? choices.find((u) => u.id === asked) : defaultUnit(choices, settings.workbenchOrgUnitId);
  const query = useMemo<StatsQuery | null>(
    () => (unit ? { scope: scopeOfUnit(unit), period } : null),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the period's parts are its identity
    [unit?.id, unit?.level, period.kind, period.year, period.kind === 'month' ? period.month : 0],
  );
  const loaded = useLiveQuery(async () => {
    if (!query) return null;
    const started = performance.now();
    const data = await loadStatistics(db, query);
    // The reading alone, apart from drawing: the benchmark reports both (bench/browser/statistics.ts).
    performance.measure('yishi:statistics-read', { start: started, end: performance.now() });
    return { query, data };
  }, [db, query]);
  const last = useRef<{ query: StatsQuery; data: StatsLoad | null } | null>(null);
  if (loaded) last.current = loaded;
  const shown = loaded ?? last.current;
  const tables = useMemo(() => (shown?.data ? figureTables(shown.data.result, tc) : []), [shown, tc]);
  const [opened, setOpened] = useState<OpenedCell | null>(null);

  const scopeOptions = useMemo(() => {
    const allowed = new Set(choices.map((u) => u.id));
    const withLevel = unitWithLevel(w, (level) => tc(`levels.${level}`));
    return orgListOptions(units, (u) =>
      u.level === 'subdistrict' ? t('wholeStreet', { name: u.name }) : withLevel(u),
    ).filter((o) => allowed.has(o.value));
  }, [units, choices, t, tc, w]);
  const years = useMemo(() => {
    const list = Array.from({ length: YEARS_OFFERED }, (_, i) => thisYear - i);
    return list.includes(period.year) ? list : [period.year, ...list];
  }, [thisYear, period.year]);

  const update = (patch: { unit?: string; year?: number; month?: number | null }) => {
    const next = new URLSearchParams(params);
    if (patch.unit !== undefined) next.set('unit', patch.unit);
    else if (unit && !next.get('unit')) next.set('unit', unit.id);
    if (patch.year !== undefined) next.set('year', String(patch.year));
    else next.set('year', String(period.year));
    if (patch.month === null) next.delete('month');
    else if (patch.month !== undefined) next.set('month', String(patch.month));
    setParams(next, { replace: true });
  };

  const context: ExportContext = {
    scopeLabel: unit ? (scopeOptions.find((o) => o.value === unit.id)?.label ?? unit.name) : '',
    periodLabel:
      period.kind === 'year'
        ? t('yearPeriod', { year: period.year })
        : t('monthPeriod', { year: period.year, month: period.month }),
  };

  async function runExport() {
    try {
      const outcome = await exportExcel(bridge, tables, context, tc);
      if (outcome.status !== 'saved') return;
      await appendAudit(db, {
        action: 'export',
        summary: `导出统计表（${context.scopeLabel}，${context.periodLabel}）`,
      });
      void message.success(t('exported', { path: outcome.path }));
    } catch (error) {
      void message.error(t('exportFailed', { message: error instanceof Error ? error.message : String(error) }));
    }
  }

  const busy = !loaded || loaded.query !== query;
  return (
    // Which view the figures on screen are of (unit, year, month), for tests and the benchmark.
    <div className="yishi-page" data-stats-shown={busy || !unit ? undefined : shownKey(unit.id, period)}>
      <div className="yishi-page-header">
        <h1>{t('title')}</h1>
        <Button icon={<DownloadOutlined />} onClick={() => void runExport()} disabled={tables.length === 0}>
          {t('exportExcel')}
        </Button>
      </div>
      <p className="yishi-lead">{t('lead')}</p>
      {choices.length === 0 ? (
        <Alert type="info" showIcon title={t('noScope')} />
      ) : (
        <div className="yishi-stats-controls">
          <label>
            <span>{t('scope')}</span>
            <Select
              style={{ minWidth: 300 }}
              aria-label={t('scope')}
              value={unit?.id}
              showSearch
              optionFilterProp="label"
              options={scopeOptions}
              optionRender={(o) => <span style={{ paddingInlineStart: (o.data.depth ?? 0) * 16 }}>{o.label}</span>}
              onChange={(id: string) => update({ unit: id })}
            />
          </label>
          <span className="yishi-stats-period" role="group" aria-label={t('period')}>
            <Segmented
              value={period.kind}
              onChange={(kind) =>
                update({ month: kind === 'year' ? null : period.kind === 'month' ? period.month : 1 })
              }
              options={[
                { value: 'year', label: t('byYear') },
                { value: 'month', label: t('byMonth') },
              ]}
            />
            <Select
              style={{ minWidth: 110, marginInlineStart: 8 }}
              aria-label={t('year')}
              value={period.year}
              options={years.map((y) => ({ value: y, label: t('yearValue', { year: y }) }))}
              onChange={(y: number) => update({ year: y })}
            />
            {period.kind === 'month' ? (
              <Select
                style={{ minWidth: 100, marginInlineStart: 8 }}
                aria-label={t('month')}
                // All twelve months in the list at once, none behind a scroll of a virtual list.
                virtual={false}
                listHeight={600}
                value={period.month}
                options={Array.from({ length: 12 }, (_, i) => ({
                  value: i + 1,
                  label: t('monthValue', { month: i + 1 }),
                }))}
                onChange={(m: number) => update({ month: m })}
              />
            ) : null}
          </span>
        </div>
      )}
      {asked && !unit && choices.length > 0 ? <Alert type="warning" showIcon title={t('scopeGone')} /> : null}
      {query && !shown ? <Spin /> : null}
      <Spin spinning={busy && !!shown}>
        {tables.map((table) => (
          <FigureCard key={table.key} table={table} context={context} onOpen={setOpened} />
        ))}
      </Spin>
      {query ? (
        <RecordsDrawer
          query={query}
          opened={opened}
          boardUnitId={unit?.level === 'compound' ? unit.id : undefined}
          onClose={() => setOpened(null)}
        />
      ) : null}
    </div>
  );
}
