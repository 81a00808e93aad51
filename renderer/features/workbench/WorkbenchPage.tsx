import { Spin } from 'antd';
import { LongListSelect } from '../../app/controls';
import { PLAIN_TAGS } from '../../app/PlainTable';
import { useTranslation } from 'react-i18next';
import { today as todayOf, type CalendarDate } from '../../../shared/dates';
import { useApp } from '../../app/AppContext';
import { WORKBENCH_PARTS, type WorkbenchPart } from '../../data/repos/workbenchParts';
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
/**
 * One part of the 工作台, kept until one of its tables is written: coming back from another
 * screen shows it at once instead of reading a ten-year database again.
 */
function useWorkbenchPart<T>(part: WorkbenchPart<T>, scope: string | undefined, today: CalendarDate): T | undefined {
  const { db } = useApp();
  return useCachedRead(db, `workbench:${part.name}:${scope ?? ''}:${today}`, part.tables, () =>
    part.load(db, scope, today),
  );
}

export function WorkbenchPage() {
  const { t } = useTranslation('workbench');
  const { db, settings, updateSettings } = useApp();
  const units = useOrgUnits(db);
  const scope = settings.workbenchOrgUnitId;
  const today = todayOf();
  const scopeOptions = useOrgListOptions(units);
  // antd's Tag look as plain spans: a district's 工作台 has ~200 tags, and each antd Tag works out
  // its classes on every render.
  const tags = PLAIN_TAGS;
  // Read in parts (workbenchParts.ts), each kept until one of its own tables is written; drawn
  // together: on this machine four commits of the screen cost more than the wait for the last part.
  const due = useWorkbenchPart(WORKBENCH_PARTS.due, scope, today);
  const next = useWorkbenchPart(WORKBENCH_PARTS.next, scope, today);
  const triage = useWorkbenchPart(WORKBENCH_PARTS.triage, scope, today);
  const publicity = useWorkbenchPart(WORKBENCH_PARTS.publicity, scope, today);
  return (
    <div className="yishi-page">
      <div className="yishi-page-header">
        <h1>{t('title')}</h1>
        <label>
          <span style={{ marginInlineEnd: 8 }}>{t('scope')}</span>
          <LongListSelect
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
      {!due || !next || !triage || !publicity ? (
        <Spin />
      ) : (
        <div className="yishi-workbench-grid">
          <RemindersCard part={due} />
          <NextMeetingCard data={next} tags={tags} />
          <TriageCard lines={triage} tags={tags} />
          <DueCard part={due} tags={tags} />
          <PublicityCard lines={publicity} />
        </div>
      )}
    </div>
  );
}
