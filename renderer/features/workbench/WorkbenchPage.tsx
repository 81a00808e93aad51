import { Spin } from 'antd';
import { Select } from '../../app/controls';
import { useTranslation } from 'react-i18next';
import { today as todayOf } from '../../../shared/dates';
import { useApp } from '../../app/AppContext';
import { loadWorkbench, WORKBENCH_TABLES } from '../../data/repos/workbenchRepo';
import { useCachedRead } from '../../data/tableCache';
import { useOrgUnits } from '../../data/useTables';
import { useOrgListOptions } from '../roster';
import { DueCard } from './DueCard';
import { NextMeetingCard } from './NextMeetingCard';
import { PublicityCard } from './PublicityCard';
import { RemindersCard } from './RemindersCard';
import { TriageCard } from './TriageCard';
import './messages';
import './workbench.css';

/**
 * 工作台: the first screen of a working day, for the community or compound chosen here (kept in
 * the settings; all when none). Reminders on top, then the next 党群议事日, matters to triage,
 * decisions due within a week, 公示 and 评议. Every line opens its record.
 */
export function WorkbenchPage() {
  const { t } = useTranslation('workbench');
  const { db, settings, updateSettings } = useApp();
  const units = useOrgUnits(db);
  const scope = settings.workbenchOrgUnitId;
  const today = todayOf();
  const scopeOptions = useOrgListOptions(units);
  // Kept until one of its tables is written: coming back from another screen shows it at once
  // instead of reading a ten-year database again.
  const data = useCachedRead(db, `workbench:${scope ?? ''}:${today}`, WORKBENCH_TABLES, () =>
    loadWorkbench(db, scope, today),
  );
  return (
    <div className="yishi-page">
      <div className="yishi-page-header">
        <h1>{t('title')}</h1>
        <label>
          <span style={{ marginInlineEnd: 8 }}>{t('scope')}</span>
          <Select
            style={{ minWidth: 260 }}
            aria-label={t('scope')}
            value={scope && units.some((u) => u.id === scope) ? scope : undefined}
            placeholder={t('scopeAll')}
            allowClear
            showSearch
            optionFilterProp="label"
            options={scopeOptions}
            // Indented by depth: the tree's shape without antd's tree components in the start-up bundle.
            optionRender={(o) => <span style={{ paddingInlineStart: (o.data.depth ?? 0) * 16 }}>{o.label}</span>}
            onChange={(id?: string) => void updateSettings({ workbenchOrgUnitId: id || undefined })}
          />
        </label>
      </div>
      {!data ? (
        <Spin />
      ) : (
        <div className="yishi-workbench-grid">
          <RemindersCard rows={data.due} today={data.today} />
          <NextMeetingCard data={data} />
          <TriageCard lines={data.triage} />
          <DueCard rows={data.due} today={data.today} />
          <PublicityCard lines={data.publicity} />
        </div>
      )}
    </div>
  );
}
