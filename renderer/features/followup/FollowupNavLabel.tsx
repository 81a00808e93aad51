import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../../app/AppContext';
import { afterFirstScreen } from '../../app/firstScreen';
import { useCachedRead } from '../../data/tableCache';
import { today as todayOf } from '../../../shared/dates';
import { BADGE_TABLES } from '../../../shared/workbench/due';
import { PlainCountBadge } from '../../app/plain/PlainCountBadge';

/**
 * 督办 in the sidebar, with the number of decisions overdue or due today. Memoised: the menu is
 * drawn again when the section changes, and antd's Badge took 13–18 ms of each change to draw the
 * same number again (×1, first visits); the badge is now antd's markup without its motion.
 */
export const FollowupNavLabel = memo(function FollowupNavLabel() {
  const { t } = useTranslation();
  const { db, settings } = useApp();
  // The same 查看范围 as the 工作台: a compound's secretary is not alarmed by other compounds' dates.
  const scope = settings.workbenchOrgUnitId;
  const today = todayOf();
  // Counted once, and again only after a write to what it reads: the label is drawn again on
  // every route change (and mounted again when a lazy screen suspends the layout), and counting
  // each time read 4,400 decisions on a ten-year database before every screen. The counting code
  // (the 督办 and 工作台 repositories) loads for the first count, once the first screen is up.
  const count =
    useCachedRead(db, `badge:${scope ?? ''}:${today}`, BADGE_TABLES, async () => {
      await afterFirstScreen();
      const { countNeedingAttention } = await import('../../data/repos/followupRepo');
      return countNeedingAttention(db, today, scope);
    }) ?? 0;
  return (
    <span className="yishi-followup-nav">
      {t('nav.followup')}
      {count > 0 && (
        <PlainCountBadge
          count={count}
          overflowCount={999}
          title={t('nav.followupBadge', { count })}
          aria-label={t('nav.followupBadge', { count })}
          data-testid="followup-badge"
          // White on the dark menu and on the red of the selected item alike.
          style={BADGE_STYLE}
        />
      )}
    </span>
  );
});

const BADGE_STYLE = {
  marginInlineStart: 8,
  boxShadow: 'none',
  backgroundColor: '#fff',
  color: '#c0392b',
  fontWeight: 600,
} as const;
