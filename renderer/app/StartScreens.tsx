import { useTranslation } from 'react-i18next';
import { PlainSpin } from './plain/PlainSpin';
import { THEME_CLASS } from './theme';

/**
 * What the window shows while the app waits at start-up: on a ten-year archive that can take a
 * while, and a blank window invites the user to close it half-way. Drawn before antd has loaded.
 */
function WaitingScreen({ title, lead }: { title: string; lead: string }) {
  return (
    <div className="yishi-center" role="status" aria-live="polite">
      <div style={{ maxWidth: 520, textAlign: 'center' }}>
        <PlainSpin size="large" />
        {/* antd's Typography title and secondary paragraph, as drawn before antd has loaded. */}
        <h3 className={`ant-typography ${THEME_CLASS}`} style={TITLE_STYLE}>
          {title}
        </h3>
        <div className={`ant-typography ant-typography-secondary ${THEME_CLASS}`}>{lead}</div>
      </div>
    </div>
  );
}

const TITLE_STYLE = { marginTop: 24 } as const;

/** While an older database is backed up and upgraded. */
export function UpgradeScreen() {
  const { t } = useTranslation();
  return <WaitingScreen title={t('upgrade.title')} lead={t('upgrade.lead')} />;
}

/**
 * While the database takes long to open: after a restore was cut short, the browser undoes it
 * first (35 s at ten years after 90 s of writing), and the window says so.
 */
export function OpeningScreen({ afterInterruptedRestore }: { afterInterruptedRestore: boolean }) {
  const { t } = useTranslation();
  return (
    <WaitingScreen
      title={t('opening.title')}
      lead={afterInterruptedRestore ? t('opening.afterRestoreLead') : t('opening.lead')}
    />
  );
}
