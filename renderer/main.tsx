import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import 'antd/dist/antd.css';
import './styles.css';
import { bridge, APP_VERSION } from './bridge';
import { initI18n, changeLocale } from './i18n';
import { openAppDatabase } from './data/openDatabase';
import { loadSettings, recoverSetUp } from './data/settingsStore';
import { startSearchIndexing } from './data/searchBackfill';
import { bridgeKeyProtection, setOsKeyProtection } from './data/osKeyProtection';
import { DB_NAME } from '../shared/store/dbName';
import { App } from './app/App';
import { preloadScreenAt } from './app/screens';
import { BootError } from './app/BootError';
import { OpeningScreen, UpgradeScreen } from './app/StartScreens';
import { restoreHintLeft } from './data/restoreHint';

/** How long after start-up the daily backup waits (see below). */
const DAILY_BACKUP_DELAY_MS = 8_000;
/** The search index of records from before it existed is built after the first screen is up. */
const SEARCH_INDEX_DELAY_MS = 1_500;
/** The first screen is drawn without its code fetched ahead if that takes longer (it then loads as usual). */
const SCREEN_PRELOAD_WAIT_MS = 3_000;
/** A database that takes longer than this to open gets a screen that says so (OpeningScreen). */
const SLOW_OPEN_MS = 1_500;

async function boot(): Promise<void> {
  const root = createRoot(document.getElementById('root') as HTMLElement);
  // New signing keys are kept encrypted by the operating system where the desktop offers it.
  setOsKeyProtection(bridgeKeyProtection(bridge));
  // The screen the window opens on loads while the database opens (a failure shows on the screen).
  const screenReady = Promise.race([
    preloadScreenAt(location.hash).catch(() => undefined),
    new Promise<void>((resolve) => setTimeout(resolve, SCREEN_PRELOAD_WAIT_MS)),
  ]);
  await initI18n('zh-CN');
  // Ask the browser not to evict our data under storage pressure; a refusal is not fatal.
  void navigator.storage?.persist?.().catch(() => false);
  // The hint is read only when the wait is long: a normal start never touches localStorage.
  const slowOpen = setTimeout(
    () => root.render(<OpeningScreen afterInterruptedRestore={restoreHintLeft()} />),
    SLOW_OPEN_MS,
  );
  try {
    // The backup code (and its compressor) loads only when an upgrade or the daily backup needs it.
    const loadBackup = () => import('./data/backup');
    const db = await openAppDatabase({
      // Drawn (and painted: a frame passes) before the backup and the version change keep the
      // window busy for a while on a large archive.
      upgradeStarting: () => {
        clearTimeout(slowOpen);
        root.render(<UpgradeScreen />);
        return new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
      },
      backupBeforeUpgrade: async () => (await loadBackup()).backupOldDatabase(DB_NAME, bridge, APP_VERSION),
    });
    clearTimeout(slowOpen);
    // A settings row that lost setUpAt over existing data must not bring up the first setup screen.
    await recoverSetUp(db).catch((e) => console.error('could not recover the set-up state', e));
    const settings = await loadSettings(db);
    if (settings.locale !== 'zh-CN') await changeLocale(settings.locale);
    await screenReady;
    root.render(
      <StrictMode>
        <App db={db} bridge={bridge} initialSettings={settings} />
      </StrictMode>,
    );
    // The daily backup of a ten-year archive is half a minute of background work: it starts a
    // few seconds after the first screen (at the next idle moment), so the first start of a day
    // never draws the list and reads the archive at once; it is checked again every hour for a
    // laptop that stays on for days.
    const dailyBackup = () =>
      void loadBackup()
        .then((backup) => backup.runDailyBackupIfDue(db, bridge, APP_VERSION))
        .catch((e) => console.error('daily backup failed', e));
    const later = window.requestIdleCallback ?? ((fn: () => void) => setTimeout(fn, 0));
    setTimeout(() => later(dailyBackup), DAILY_BACKUP_DELAY_MS);
    setTimeout(() => later(() => void startSearchIndexing(db)), SEARCH_INDEX_DELAY_MS);
    setInterval(dailyBackup, 60 * 60 * 1000);
  } catch (error) {
    clearTimeout(slowOpen);
    root.render(<BootError error={error} onRetry={() => location.reload()} />);
  }
}

void boot();
