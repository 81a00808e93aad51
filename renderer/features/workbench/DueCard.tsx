import { useState } from 'react';
import { Card, Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PlainTags } from '../../app/PlainTable';
import { RouteLink } from '../../app/RouteLink';
import type { WorkbenchDue } from '../../data/repos/workbenchParts';
import {
  dueInOtherGrouping,
  dueWindowEnd,
  firstGrouping,
  groupDue,
  GROUP_LINES_SHOWN,
  GROUPS_SHOWN,
  type DueGrouping,
} from '../../../shared/workbench/due';
import { boardPathWith } from '../followup';
import { DecisionLines, scopeFilter, useLineWords } from './DecisionLines';
import './messages';

/** Decisions due within 7 days and overdue, by responsible person or unit: counts, then lines. */
export function DueCard({ part, tags }: { part: WorkbenchDue; tags: PlainTags }) {
  const { t } = useTranslation('workbench');
  const words = useLineWords();
  // Until the user picks one, the grouping that has due decisions (a unit's only: by unit).
  const [picked, setGrouping] = useState<DueGrouping | null>(null);
  const { due: rows, today } = part;
  const grouping = picked ?? firstGrouping(rows, today);
  const groups = groupDue(rows, grouping, today);
  const inOther = dueInOtherGrouping(rows, grouping, today);
  return (
    <Card
      className="yishi-workbench-wide"
      size="small"
      title={t('due.title', { count: rows.length })}
      data-testid="workbench-due"
      extra={
        <Segmented<DueGrouping>
          value={grouping}
          onChange={setGrouping}
          options={[
            { value: 'person', label: t('due.person') },
            { value: 'unit', label: t('due.unit') },
          ]}
        />
      }
    >
      {rows.length === 0 && <p className="yishi-workbench-note">{t('due.none')}</p>}
      {rows.length > 0 && groups.length === 0 && (
        <p className="yishi-workbench-note" data-testid="workbench-due-other">
          {t(grouping === 'person' ? 'due.onlyUnits' : 'due.onlyPeople', { count: inOther })}
        </p>
      )}
      {groups.slice(0, GROUPS_SHOWN).map((g) => (
        <div key={g.name} className="yishi-workbench-group" data-testid="workbench-due-group">
          <span className="yishi-workbench-group-name">{g.name}</span>
          <span className={g.overdue > 0 ? 'yishi-followup-overdue-count' : 'yishi-workbench-note'}>
            {t('due.counts', { overdue: g.overdue, soon: g.dueSoon })}
          </span>
          <DecisionLines
            words={words}
            rows={g.rows}
            limit={GROUP_LINES_SHOWN}
            tags={tags}
            moreTo={boardPathWith({ responsible: g.name, dueTo: dueWindowEnd(today), ...scopeFilter(part) })}
          />
        </div>
      ))}
      {groups.length > GROUPS_SHOWN && (
        <RouteLink to={`/followup?view=${grouping}`} data-testid="workbench-due-more">
          {t('due.moreGroups', { count: groups.length - GROUPS_SHOWN })}
        </RouteLink>
      )}
    </Card>
  );
}
