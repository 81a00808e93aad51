import { lazy, Suspense, useCallback, useEffect, useMemo } from 'react';
import { App as AntApp, ConfigProvider, Spin } from 'antd';
import antdZhCN from 'antd/locale/zh_CN';
import antdEnUS from 'antd/locale/en_US';
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
import { lazyScreen } from './lazyScreen';
import { ScreenErrorBoundary } from './ScreenErrorBoundary';
import { UnhandledErrors } from './UnhandledErrors';
import { SetUpRecoveredNotice } from './SetUpRecoveredNotice';
import { WorkbenchPage } from '../features/workbench';
import { preloadMinutesEditor } from '../features/minutes';

// Only the first screen (the 工作台) loads at once; the meeting list one click away and the meeting screens are
// fetched while idle; the rest, with the editor, pinyin tables and spreadsheet code they pull in, loads when first opened.
const WelcomePage = lazy(() => import('../features/welcome/WelcomePage').then((m) => ({ default: m.WelcomePage })));
const OrgPage = lazy(() => import('../features/org/OrgPage').then((m) => ({ default: m.OrgPage })));
const RosterPage = lazy(() => import('../features/roster/RosterPage').then((m) => ({ default: m.RosterPage })));
const BackupsPage = lazy(() => import('../features/backups/BackupsPage').then((m) => ({ default: m.BackupsPage })));
const MattersPage = lazy(() => import('../features/matters').then((m) => ({ default: m.MattersPage })));
const MatterPage = lazy(() => import('../features/matters').then((m) => ({ default: m.MatterPage })));
const PointsPage = lazy(() => import('../features/matters').then((m) => ({ default: m.PointsPage })));
const FollowupBoardPage = lazy(() =>
  import('../features/followup/FollowupBoardPage').then((m) => ({ default: m.FollowupBoardPage })),
);
const DecisionFollowupPage = lazy(() =>
  import('../features/followup/DecisionFollowupPage').then((m) => ({ default: m.DecisionFollowupPage })),
);
const ReviewPage = lazy(() => import('../features/filing/ReviewPage').then((m) => ({ default: m.ReviewPage })));
const StatisticsPage = lazy(() =>
  import('../features/statistics/StatisticsPage').then((m) => ({ default: m.StatisticsPage })),
);
const SearchPage = lazy(() => import('../features/search').then((m) => ({ default: m.SearchPage })));
const SettingsPage = lazy(() => import('../features/settings/SettingsPage').then((m) => ({ default: m.SettingsPage })));
const meetingListScreen = lazyScreen(() => import('../features/meetings/MeetingsPage').then((m) => m.MeetingsPage));
const meetingScreen = lazyScreen(() => import('../features/meetings/MeetingPage').then((m) => m.MeetingPage));
const liveMeetingScreen = lazyScreen(() =>
  import('../features/meetings/LiveMeetingPage').then((m) => m.LiveMeetingPage),
);
const MeetingsPage = meetingListScreen.Screen;
const MeetingPage = meetingScreen.Screen;
const LiveMeetingPage = liveMeetingScreen.Screen;

/** Once the first screen is up and the browser is idle, fetch the meeting screens ahead of the first click. */
function usePrefetchMeetingScreens(): void {
  useEffect(() => {
    // A failed prefetch is ignored: opening the screen loads it again, and if that fails too the
    // screen's error boundary says so and offers to reload.
    const prefetch = () => {
      void meetingListScreen.preload().catch(() => undefined);
      void meetingScreen.preload().catch(() => undefined);
      void liveMeetingScreen.preload().catch(() => undefined);
      void preloadMinutesEditor().catch(() => undefined);
    };
    const id = window.requestIdleCallback
      ? window.requestIdleCallback(prefetch, { timeout: 5000 })
      : window.setTimeout(prefetch, 3000);
    return () => (window.cancelIdleCallback ? window.cancelIdleCallback(id) : window.clearTimeout(id));
  }, []);
}

// Honour the system's "reduce motion" setting: dialogs then open and close without animation.
const reduceMotion = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
const baseTheme = { zeroRuntime: true, token: { colorPrimary: '#c0392b', borderRadius: 4, motion: !reduceMotion } };
// 大字模式: antd's small text (tags, small tables and buttons, hints) grows too, never under 16 px.
const largeTheme = {
  zeroRuntime: true,
  token: { ...baseTheme.token, fontSize: 18, fontSizeSM: 16, fontSizeLG: 20, fontSizeIcon: 16, controlHeight: 42 },
};

export function App({ db, bridge }: { db: YishiDb; bridge: YishiBridge }) {
  const settings = useLiveQuery(() => loadSettings(db), [db]);
  usePrefetchMeetingScreens();

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
  document.body.classList.toggle('yishi-large', settings.largeType);

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
                    <Route path="/meetings/:id/live" element={<LiveMeetingPage />} />
                    <Route element={<AppLayout />}>
                      <Route path="/" element={<WorkbenchPage />} />
                      <Route path="/meetings" element={<MeetingsPage />} />
                      <Route path="/meetings/:id" element={<MeetingPage />} />
                      <Route path="/matters" element={<MattersPage />} />
                      <Route path="/matters/points" element={<PointsPage />} />
                      <Route path="/matters/:id" element={<MatterPage />} />
                      <Route path="/followup" element={<FollowupBoardPage />} />
                      <Route path="/followup/:decisionId" element={<DecisionFollowupPage />} />
                      <Route path="/statistics" element={<StatisticsPage />} />
                      <Route path="/search" element={<SearchPage />} />
                      <Route path="/org" element={<OrgPage />} />
                      <Route path="/roster" element={<RosterPage />} />
                      <Route path="/backups" element={<BackupsPage />} />
                      <Route path="/review" element={<ReviewPage />} />
                      <Route path="/settings" element={<SettingsPage />} />
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
