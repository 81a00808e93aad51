import { useEffect } from 'react';
import { App as AntApp, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Settings } from '../../shared/settings';
import type { YishiDb } from '../data/db';
import { updateSettings } from '../data/settingsStore';
import { useWording } from '../i18n/wording';
import { dayOf } from '../../shared/dates';

const KEY = 'yishi-setup-recovered';

/**
 * Says once, calmly, that the settings had lost their set-up date over existing data and the app
 * carried on (data/settingsStore.ts recoverSetUp): a notice that stays until closed, not an error.
 * The flag is cleared as soon as it is shown, so the next start does not say it again.
 */
export function SetUpRecoveredNotice({ settings, db }: { settings: Settings; db: YishiDb }) {
  const { notification } = AntApp.useApp();
  const { t } = useTranslation();
  const wording = useWording();
  const recoveredAt = settings.setUpRecoveredAt;
  useEffect(() => {
    if (!recoveredAt) return;
    notification.info({
      key: KEY,
      title: t('setUpRecovered.title'),
      description: t('setUpRecovered.lead', { day: wording.date(dayOf(settings.setUpAt ?? '') ?? '') }),
      duration: 0,
      actions: (
        <Button
          onClick={() => {
            notification.destroy(KEY);
            location.hash = '#/settings';
          }}
        >
          {t('setUpRecovered.settings')}
        </Button>
      ),
    });
    void updateSettings(db, { setUpRecoveredAt: undefined });
  }, [recoveredAt, settings.setUpAt, notification, t, wording, db]);
  return null;
}
