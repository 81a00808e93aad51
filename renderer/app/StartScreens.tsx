import { useTranslation } from 'react-i18next';
import { PlainSpin } from './plain/PlainSpin';
import { THEME_CLASS } from './theme';

/**
 * Shown while an older database is backed up and upgraded at start-up: on a ten-year archive that
 * takes a while, and a blank window invites the user to close it half-way.
 */
export function UpgradeScreen() {
  const { t } = useTranslation();
  return (
    <div className="yishi-center" role="status" aria-live="polite">
      <div style={{ maxWidth: 520, textAlign: 'center' }}>
        <PlainSpin size="large" />
        {/* antd's Typography title and secondary paragraph, as drawn before antd has loaded. */}
        <h3 className={`ant-typography ${THEME_CLASS}`} style={TITLE_STYLE}>
          {t('upgrade.title')}
        </h3>
        <div className={`ant-typography ant-typography-secondary ${THEME_CLASS}`}>{t('upgrade.lead')}</div>
      </div>
    </div>
  );
}

const TITLE_STYLE = { marginTop: 24 } as const;
