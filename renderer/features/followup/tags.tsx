import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { FollowupState, FollowupTiming } from '../../../shared/followup/state';
import type { PlainTagColor, PlainTags } from '../../app/PlainTable';
import './messages';

export const STATE_COLORS: Record<FollowupState, PlainTagColor> = {
  notStarted: 'default',
  inProgress: 'processing',
  reported: 'gold',
  done: 'success',
};
const TIMING_COLORS: Partial<Record<FollowupTiming, PlainTagColor>> = {
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

/** The same as spans in antd Tag's classes (PLAIN_TAGS), for the board's page of rows. */
export function plainFollowupTags(
  state: FollowupState,
  timing: FollowupTiming,
  t: TFunction<'followup'>,
  tags: PlainTags,
) {
  const color = TIMING_COLORS[timing];
  return (
    <span className="yishi-followup-tags">
      <span className={tags.className(STATE_COLORS[state])}>{t(`states.${state}`)}</span>
      {color && <span className={tags.className(color)}>{t(`timing.${timing}`)}</span>}
    </span>
  );
}
