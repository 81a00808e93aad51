import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Settings } from '../../shared/settings';
import type { YishiDb } from '../data/db';
import { updateSettings } from '../data/settingsStore';
import { useWording } from '../i18n/wording';
import { dayOf } from '../../shared/dates';
import { appFeedback } from './antd/appFeedback';

/**
 * Says once, calmly, that the settings had lost their set-up date over existing data and the app
 * carried on (data/settingsStore.ts recoverSetUp): a notice that stays until closed, not an error.
 * The flag is cleared as soon as it is shown, so the next start does not say it again. antd's
 * notification loads only when there is this to say.
 */
export function SetUpRecoveredNotice({ settings, db }: { settings: Settings; db: YishiDb }) {
  const { t } = useTranslation();
  const wording = useWording();
  const recoveredAt = settings.setUpRecoveredAt;
  const setUpAt = settings.setUpAt;
  useEffect(() => {
    if (!recoveredAt) return;
    const notice = {
      key: 'yishi-setup-recovered',
      kind: 'info',
      title: t('setUpRecovered.title'),
      lead: t('setUpRecovered.lead', { day: wording.date(dayOf(setUpAt ?? '') ?? '') }),
      action: { label: t('setUpRecovered.settings'), hash: '#/settings' },
    } as const;
    void Promise.all([appFeedback(), import('./antd/lastingNotice')]).then(([{ notification }, m]) =>
      m.showLastingNotice(notification, notice),
    );
    void updateSettings(db, { setUpRecoveredAt: undefined });
  }, [recoveredAt, setUpAt, t, wording, db]);
  return null;
}
