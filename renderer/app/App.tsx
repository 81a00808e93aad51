import { lazy, Suspense, useCallback, useEffect, useMemo } from 'react';
import { App as AntApp, ConfigProvider, Spin } from 'antd';
// The ES modules, not antd/locale's CommonJS copies (which brought their own date-picker locales).
import antdZhCN from 'antd/es/locale/zh_CN';
import antdEnUS from 'antd/es/locale/en_US';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useLiveQuery } from 'dexie-react-hooks';
import { HashRouter, Navigate, Route, Routes } from 'react-router-dom';
import type { YishiBridge } from '../../shared/bridge';
import type { Settings } from '../../shared/settings';
import { DEFAULT_SETTINGS } from '../../shared/settings';
import type { YishiDb } from '../data/db';
import { loadSettings, updateSettings as storeSettings } from '../data/settingsStore';
import { changeLocale } from '../i18n';
import { AppContext, type AppServices } from './AppContext';
import { AppLayout } from './AppLayout';
import { SCREEN_ROUTES, prefetchMenuScreens } from './screens';
import { firstScreenSettled } from './firstScreen';
import { ScreenErrorBoundary } from './ScreenErrorBoundary';
import { UnhandledErrors } from './UnhandledErrors';
import { SetUpRecoveredNotice } from './SetUpRecoveredNotice';
import { antdTheme, LARGE_TYPE_CLASS } from './theme';

const WelcomePage = lazy(() => import('../features/welcome/WelcomePage').then((m) => ({ default: m.WelcomePage })));

/**
 * How long after the app's first render the other screens are fetched (at the next idle moment):
 * after the first screen's own data has come in, before a first click.
 * The first render yields to the browser between its slices, and an idle callback asked for at
 * once ran in those gaps: 30 chunks parsed while the first screen was still being drawn.
 */
const PREFETCH_DELAY_MS = 500;

/**
 * Once the first screen is up and the browser is idle, fetch the meeting and archive screens ahead
 * of the first click, and read what the 督办 board's first page needs whatever it shows (a tenth
 * of a second of index at ten years, kept until written).
 */
function usePrefetchMeetingScreens(db: YishiDb): void {
  useEffect(() => {
    let idle = 0;
    const settle = () => {
      firstScreenSettled();
      void prefetchMenuScreens();
      void import('../data/repos/boardRepo')
        .then(({ warmBoardReads }) => warmBoardReads(db))
        // Only a head start: the board reads again whatever failed here.
        .catch(() => undefined);
    };
    const timer = window.setTimeout(() => {
      idle = window.requestIdleCallback
        ? window.requestIdleCallback(settle, { timeout: 5000 })
        : window.setTimeout(settle, 0);
    }, PREFETCH_DELAY_MS);
    return () => {
      window.clearTimeout(timer);
      if (window.cancelIdleCallback) window.cancelIdleCallback(idle);
      else window.clearTimeout(idle);
    };
  }, [db]);
}

// Honour the system's "reduce motion" setting: dialogs then open and close without animation.
const reduceMotion = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
const baseTheme = antdTheme(false, !reduceMotion);
const largeTheme = antdTheme(true, !reduceMotion);

/** `initialSettings`: read while booting, so the first render draws the screen, not a spinner. */
export function App({ db, bridge, initialSettings }: { db: YishiDb; bridge: YishiBridge; initialSettings?: Settings }) {
  const settings = useLiveQuery(() => loadSettings(db), [db], initialSettings);
  usePrefetchMeetingScreens(db);

  const updateSettings = useCallback(
    async (patch: Partial<Settings>) => {
      // One transaction from read to write (data/settingsStore.ts): two quick changes both land.
      await storeSettings(db, patch);
      if (patch.locale) await changeLocale(patch.locale);
    },
    [db],
  );

  const services = useMemo<AppServices>(
    () => ({ db, bridge, settings: settings ?? DEFAULT_SETTINGS, updateSettings }),
    [db, bridge, settings, updateSettings],
  );

  if (!settings) return <Spin fullscreen />;
  const english = settings.locale === 'en';
  dayjs.locale(english ? 'en' : 'zh-cn');
  document.body.classList.toggle(LARGE_TYPE_CLASS, settings.largeType);

  return (
    <ConfigProvider
      locale={english ? antdEnUS : antdZhCN}
      theme={settings.largeType ? largeTheme : baseTheme}
      // antd writes two-character Chinese labels with a space (筹 备, 定 稿): not how Chinese is written.
      button={{ autoInsertSpace: false }}
    >
      <AntApp>
        <UnhandledErrors />
        <SetUpRecoveredNotice settings={settings} db={db} />
        <AppContext.Provider value={services}>
          <HashRouter>
            <ScreenErrorBoundary>
              <Suspense fallback={<Spin fullscreen />}>
                {settings.setUpAt ? (
                  <Routes>
                    {SCREEN_ROUTES.filter((r) => !r.inLayout).map(({ path, screen }) => (
                      <Route key={path} path={path} element={<screen.Screen />} />
                    ))}
                    <Route element={<AppLayout />}>
                      {SCREEN_ROUTES.filter((r) => r.inLayout).map(({ path, screen }) => (
                        <Route key={path} path={path} element={<screen.Screen />} />
                      ))}
                      <Route path="*" element={<Navigate to="/" replace />} />
                    </Route>
                  </Routes>
                ) : (
                  <WelcomePage />
                )}
              </Suspense>
            </ScreenErrorBoundary>
          </HashRouter>
        </AppContext.Provider>
      </AntApp>
    </ConfigProvider>
  );
}
