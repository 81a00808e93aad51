import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { FollowupState, FollowupTiming } from '../../../shared/followup/state';
import './messages';

export const STATE_COLORS: Record<FollowupState, string> = {
  notStarted: 'default',
  inProgress: 'processing',
  reported: 'gold',
  done: 'success',
};
const TIMING_COLORS: Partial<Record<FollowupTiming, string>> = {
  overdue: 'red',
  dueToday: 'volcano',
  dueSoon: 'orange',
};

/**
 * A decision's state, and 逾期 / 今天到期 / 即将到期 beside it when it applies. A plain wrapping
 * span, not antd's Space: a page of the board draws twenty of them at every filter change.
 */
export function FollowupTags({ state, timing }: { state: FollowupState; timing: FollowupTiming }) {
  const { t } = useTranslation('followup');
  return <WordedFollowupTags state={state} timing={timing} t={t} />;
}

/**
 * The same, worded by the caller's translation of the followup namespace: the board's rows are
 * new at every filter change, and a translation hook in each of twenty cells (its subscription
 * made and dropped with the cell) cost ~5 ms of each change at ×1.
 */
export function WordedFollowupTags({
  state,
  timing,
  t,
}: {
  state: FollowupState;
  timing: FollowupTiming;
  t: TFunction<'followup'>;
}) {
  const color = TIMING_COLORS[timing];
  return (
    <span className="yishi-followup-tags">
      <Tag color={STATE_COLORS[state]}>{t(`states.${state}`)}</Tag>
      {color && <Tag color={color}>{t(`timing.${timing}`)}</Tag>}
    </span>
  );
}
