import { lazy, Suspense, useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { HashRouter, Navigate, Route, Routes, useLocation } from 'react-router-dom';
import type { YishiBridge } from '../../shared/bridge';
import type { Settings } from '../../shared/settings';
import { DEFAULT_SETTINGS } from '../../shared/settings';
import type { YishiDb } from '../data/db';
import { loadSettings, updateSettings as storeSettings } from '../data/settingsStore';
import { changeLocale } from '../i18n';
import { AppContext, type AppServices } from './AppContext';
import { AppLayout } from './AppLayout';
import { SCREEN_ROUTES, prefetchMenuScreens, routeAt } from './screens';
import { firstScreenSettled } from './firstScreen';
import { AppErrorBoundary, ScreenErrorBoundary } from './ScreenErrorBoundary';
import { UnhandledErrors } from './UnhandledErrors';
import { LARGE_TYPE_CLASS, THEME_CLASS } from './theme';
import { loadAntd, WithAntd } from './antd/withAntd';
import { FeedbackHost } from './antd/appFeedback';
import { SetUpRecoveredNotice } from './SetUpRecoveredNotice';
import { InterruptedRestoreNotice } from './InterruptedRestoreNotice';
import { PlainSpin } from './plain/PlainSpin';

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
      // antd first: every screen but the meeting list, and every dialog, is drawn with it.
      void loadAntd().catch(() => undefined);
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

  if (!settings) return <PlainSpin fullscreen />;
  document.body.classList.toggle(LARGE_TYPE_CLASS, settings.largeType);

  return (
    // antd's App element, as its App component drew it around everything (its font and colour).
    <div className={`ant-app ${THEME_CLASS}`}>
      <AppContext.Provider value={services}>
        <UnhandledErrors />
        <SetUpRecoveredNotice settings={settings} db={db} />
        <InterruptedRestoreNotice db={db} />
        <FeedbackHost />
        <HashRouter>
          {/* antd's code failing to load says so, with a way out, instead of a blank window. */}
          <AppErrorBoundary>
            <Suspense fallback={<PlainSpin fullscreen />}>
              <AntdAroundScreens welcome={!settings.setUpAt}>
                <ScreenErrorBoundary>
                  <Suspense fallback={<PlainSpin fullscreen />}>
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
              </AntdAroundScreens>
            </Suspense>
          </AppErrorBoundary>
        </HashRouter>
      </AppContext.Provider>
    </div>
  );
}

/**
 * The screens under antd's providers from the first that is drawn with antd (every screen but the
 * meeting list; the first-run screen too), and from then on: one set of providers above the
 * screens' error boundary, which starts afresh at each move, so a message shown just before a move
 * stays (已删除 as the list comes back, 演示社区已载入 as the app comes up). Drawn again once,
 * at that first move; a screen is never drawn again where it stands.
 */
function AntdAroundScreens({ welcome, children }: { welcome: boolean; children: ReactNode }) {
  const { pathname } = useLocation();
  const [around, setAround] = useState(false);
  const needed = around || welcome || !routeAt(pathname).plain;
  if (needed && !around) setAround(true);
  return needed ? <WithAntd>{children}</WithAntd> : children;
}
