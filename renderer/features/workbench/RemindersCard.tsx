import { Card } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { WorkbenchDue } from '../../data/repos/workbenchParts';
// REMINDER_LINES is short, so that the next 党群议事日 and the matters to triage stay on the first screen.
import { REMINDER_KINDS, REMINDER_LINES, reminderDeadlines, reminders } from '../../../shared/workbench/due';
import { boardPathWith } from '../followup';
import { DecisionLines, scopeFilter, useLineWords } from './DecisionLines';
import './messages';

/** 逾期 · 今天到期 · 3天内到期, decided by the same rule as the 督办 badge (shared/workbench/due.ts). */
export function RemindersCard({ part }: { part: WorkbenchDue }) {
  const { t } = useTranslation('workbench');
  const words = useLineWords();
  const title = (
    <span>
      <BellOutlined /> {t('reminders.title')}
    </span>
  );
  const r = reminders(part.due, part.today);
  const any = REMINDER_KINDS.some((kind) => r[kind].length > 0);
  return (
    <Card className="yishi-workbench-wide" size="small" title={title} data-testid="workbench-reminders">
      {!any && <p className="yishi-workbench-note">{t('reminders.none')}</p>}
      {REMINDER_KINDS.filter((kind) => r[kind].length > 0).map((kind) => (
        <section key={kind} data-testid={`reminders-${kind}`}>
          <div className={`yishi-workbench-kind ${kind}`}>{t(`reminders.${kind}`, { count: r[kind].length })}</div>
          <DecisionLines
            words={words}
            rows={r[kind]}
            limit={REMINDER_LINES}
            moreTo={boardPathWith({ ...reminderDeadlines(kind, part.today), ...scopeFilter(part) })}
          />
        </section>
      ))}
    </Card>
  );
}
