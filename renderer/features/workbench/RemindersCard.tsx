import { Card } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { BoardRow } from '../../../shared/followup/board';
// REMINDER_LINES is short, so that the next 党群议事日 and the matters to triage stay on the first screen.
import { REMINDER_KINDS, REMINDER_LINES, reminders } from '../../../shared/workbench/due';
import type { CalendarDate } from '../../../shared/dates';
import { DecisionLines } from './DecisionLines';
import './messages';

/** 逾期 · 今天到期 · 3天内到期, decided by the same rule as the 督办 badge (shared/workbench/due.ts). */
export function RemindersCard({ rows, today }: { rows: readonly BoardRow[]; today: CalendarDate }) {
  const { t } = useTranslation('workbench');
  const r = reminders(rows, today);
  const any = REMINDER_KINDS.some((kind) => r[kind].length > 0);
  return (
    <Card
      className="yishi-workbench-wide"
      size="small"
      title={
        <span>
          <BellOutlined /> {t('reminders.title')}
        </span>
      }
      data-testid="workbench-reminders"
    >
      {!any && <p className="yishi-workbench-note">{t('reminders.none')}</p>}
      {REMINDER_KINDS.filter((kind) => r[kind].length > 0).map((kind) => (
        <section key={kind} data-testid={`reminders-${kind}`}>
          <div className={`yishi-workbench-kind ${kind}`}>{t(`reminders.${kind}`, { count: r[kind].length })}</div>
          <DecisionLines rows={r[kind]} showTags={false} limit={REMINDER_LINES} />
        </section>
      ))}
    </Card>
  );
}
