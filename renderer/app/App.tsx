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

// Only the first screen (the 工作台) loads at once; the meeting screens, 说事, 督办, 统计 and 检索 are fetched
// while idle; the rest, with the editor, pinyin tables and spreadsheet code they pull in, loads when first opened.
const WelcomePage = lazy(() => import('../features/welcome/WelcomePage').then((m) => ({ default: m.WelcomePage })));
const OrgPage = lazyScreen(() => import('../features/org/OrgPage').then((m) => m.OrgPage)).Screen;
const RosterPage = lazyScreen(() => import('../features/roster/RosterPage').then((m) => m.RosterPage)).Screen;
const BackupsPage = lazyScreen(() => import('../features/backups/BackupsPage').then((m) => m.BackupsPage)).Screen;
const mattersScreen = lazyScreen(() => import('../features/matters').then((m) => m.MattersPage));
const matterScreen = lazyScreen(() => import('../features/matters').then((m) => m.MatterPage));
const MattersPage = mattersScreen.Screen;
const MatterPage = matterScreen.Screen;
const PointsPage = lazyScreen(() => import('../features/matters').then((m) => m.PointsPage)).Screen;
const ReviewPage = lazyScreen(() => import('../features/filing/ReviewPage').then((m) => m.ReviewPage)).Screen;
const SettingsPage = lazyScreen(() => import('../features/settings/SettingsPage').then((m) => m.SettingsPage)).Screen;
// A screen still loading shows the Suspense fallback, and React 19 then holds the fallback for at
// least 300 ms (its fallback throttle): half of a street's first statistics (600 ms → 293 ms
// fetched ahead). lazyScreen renders a loaded screen at once; these are also fetched while idle.
const followupBoardScreen = lazyScreen(() =>
  import('../features/followup/FollowupBoardPage').then((m) => m.FollowupBoardPage),
);
const decisionFollowupScreen = lazyScreen(() =>
  import('../features/followup/DecisionFollowupPage').then((m) => m.DecisionFollowupPage),
);
const FollowupBoardPage = followupBoardScreen.Screen;
const DecisionFollowupPage = decisionFollowupScreen.Screen;
const statisticsScreen = lazyScreen(() =>
  import('../features/statistics/StatisticsPage').then((m) => m.StatisticsPage),
);
const searchScreen = lazyScreen(() => import('../features/search').then((m) => m.SearchPage));
const StatisticsPage = statisticsScreen.Screen;
const SearchPage = searchScreen.Screen;
const meetingListScreen = lazyScreen(() => import('../features/meetings/MeetingsPage').then((m) => m.MeetingsPage));
const meetingScreen = lazyScreen(() => import('../features/meetings/MeetingPage').then((m) => m.MeetingPage));
const liveMeetingScreen = lazyScreen(() =>
  import('../features/meetings/LiveMeetingPage').then((m) => m.LiveMeetingPage),
);
const MeetingsPage = meetingListScreen.Screen;
const MeetingPage = meetingScreen.Screen;
const LiveMeetingPage = liveMeetingScreen.Screen;

/** Once the first screen is up and the browser is idle, fetch the meeting and archive screens ahead of the first click. */
function usePrefetchMeetingScreens(): void {
  useEffect(() => {
    // A failed prefetch is ignored: opening the screen loads it again, and if that fails too the
    // screen's error boundary says so and offers to reload.
    const prefetch = () => {
      void meetingListScreen.preload().catch(() => undefined);
      void meetingScreen.preload().catch(() => undefined);
      void liveMeetingScreen.preload().catch(() => undefined);
      void statisticsScreen.preload().catch(() => undefined);
      void searchScreen.preload().catch(() => undefined);
      void followupBoardScreen.preload().catch(() => undefined);
      void decisionFollowupScreen.preload().catch(() => undefined);
      void mattersScreen.preload().catch(() => undefined);
      void matterScreen.preload().catch(() => undefined);
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
