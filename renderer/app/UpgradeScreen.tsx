import { Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/**
 * Shown while an older database is backed up and upgraded at start-up: on a ten-year archive that
 * takes a while, and a blank window invites the user to close it half-way.
 */
export function UpgradeScreen() {
  const { t } = useTranslation();
  return (
    <div className="yishi-center" role="status" aria-live="polite">
      <div style={{ maxWidth: 520, textAlign: 'center' }}>
        <Spin size="large" />
        <Typography.Title level={3} style={{ marginTop: 24 }}>
          {t('upgrade.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('upgrade.lead')}</Typography.Paragraph>
      </div>
    </div>
  );
}
