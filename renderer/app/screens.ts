import type { ComponentType } from 'react';
import { lazyScreen, type LazyScreen } from './lazyScreen';
import { nextIdle } from './idle';
import { loadAntd } from './antd/withAntd';

// Every screen is its own chunk, the 工作台 too: the one the window opens on is fetched while
// the database opens (preloadScreenAt). The menu's screens are fetched while idle
// (prefetchMenuScreens); the code they pull in on use — spreadsheets, pinyin tables, charts, Word —
// and 审阅 load when first asked for. A screen still
// loading shows the Suspense fallback, and React 19 then holds the fallback for at least 300 ms
// (its fallback throttle): half of a street's first statistics (600 ms → 293 ms fetched ahead).
// lazyScreen renders a loaded screen at once.
type Screen = LazyScreen<object>;
const screen = <T>(load: () => Promise<T>, pick: (module: T) => ComponentType<object>): Screen =>
  lazyScreen(() => load().then(pick));

const workbench = screen(
  () => import('../features/workbench'),
  (m) => m.WorkbenchPage,
);
const meetingList = screen(
  () => import('../features/meetings/MeetingsPage'),
  (m) => m.MeetingsPage,
);
const meeting = screen(
  () => import('../features/meetings/MeetingPage'),
  (m) => m.MeetingPage,
);
const liveMeeting = screen(
  () => import('../features/meetings/LiveMeetingPage'),
  (m) => m.LiveMeetingPage,
);
const matters = screen(
  () => import('../features/matters'),
  (m) => m.MattersPage,
);
const matter = screen(
  () => import('../features/matters'),
  (m) => m.MatterPage,
);
const points = screen(
  () => import('../features/matters'),
  (m) => m.PointsPage,
);
const followupBoard = screen(
  () => import('../features/followup/FollowupBoardPage'),
  (m) => m.FollowupBoardPage,
);
const decisionFollowup = screen(
  () => import('../features/followup/DecisionFollowupPage'),
  (m) => m.DecisionFollowupPage,
);
const statistics = screen(
  () => import('../features/statistics/StatisticsPage'),
  (m) => m.StatisticsPage,
);
const search = screen(
  () => import('../features/search'),
  (m) => m.SearchPage,
);
const org = screen(
  () => import('../features/org/OrgPage'),
  (m) => m.OrgPage,
);
const roster = screen(
  () => import('../features/roster/RosterPage'),
  (m) => m.RosterPage,
);
const backups = screen(
  () => import('../features/backups/BackupsPage'),
  (m) => m.BackupsPage,
);
const review = screen(
  () => import('../features/filing/ReviewPage'),
  (m) => m.ReviewPage,
);
const settings = screen(
  () => import('../features/settings/SettingsPage'),
  (m) => m.SettingsPage,
);

/**
 * A lazily loaded screen and its route; `inLayout` screens sit in the app's menu layout.
 * `plain`: drawn without antd's components (app/plain/), so antd need not load for it.
 */
export interface ScreenRoute {
  path: string;
  screen: Screen;
  inLayout: boolean;
  plain?: true;
}

const WORKBENCH_ROUTE: ScreenRoute = { path: '/', screen: workbench, inLayout: true };

/** Every screen's route. */
export const SCREEN_ROUTES: readonly ScreenRoute[] = [
  { path: '/meetings/:id/live', screen: liveMeeting, inLayout: false },
  WORKBENCH_ROUTE,
  { path: '/meetings', screen: meetingList, inLayout: true, plain: true },
  { path: '/meetings/:id', screen: meeting, inLayout: true },
  { path: '/matters', screen: matters, inLayout: true },
  { path: '/matters/points', screen: points, inLayout: true },
  { path: '/matters/:id', screen: matter, inLayout: true },
  { path: '/followup', screen: followupBoard, inLayout: true },
  { path: '/followup/:decisionId', screen: decisionFollowup, inLayout: true },
  { path: '/statistics', screen: statistics, inLayout: true },
  { path: '/search', screen: search, inLayout: true },
  { path: '/org', screen: org, inLayout: true },
  { path: '/roster', screen: roster, inLayout: true },
  { path: '/backups', screen: backups, inLayout: true },
  { path: '/review', screen: review, inLayout: true },
  { path: '/settings', screen: settings, inLayout: true },
];

/**
 * Whether a route's path (`/meetings/:id`) matches an address's path, segment by segment. Kept
 * this small so the entry that fetches the first screen does not wait for the router's code.
 */
export function routeMatches(path: string, pathname: string): boolean {
  const want = path.split('/').filter(Boolean);
  const have = pathname.split('/').filter(Boolean);
  return want.length === have.length && want.every((s, i) => (s.startsWith(':') ? have[i] !== '' : s === have[i]));
}

/** The route of an address's path; an unknown address goes to the 工作台. */
export function routeAt(pathname: string): ScreenRoute {
  // Static segments win over parameters (/matters/points before /matters/:id), as in the router.
  const matches = SCREEN_ROUTES.filter((route) => routeMatches(route.path, pathname || '/'));
  return matches.find((route) => !route.path.includes(':')) ?? matches[0] ?? WORKBENCH_ROUTE;
}

/** The screen a hash address (`#/meetings/m1`) opens; an unknown address goes to the 工作台. */
export function screenAt(hash: string): Screen {
  return routeAt(hash.replace(/^#/, '').split(/[?#]/)[0] ?? '').screen;
}

/**
 * Fetches the screen the window opens on while the database opens: otherwise its code is
 * asked for only once the app has rendered, and the first screen waits for both one after the
 * other, then for React's fallback throttle.
 */
export function preloadScreenAt(hash: string): Promise<void> {
  const route = routeAt(hash.replace(/^#/, '').split(/[?#]/)[0] ?? '');
  return Promise.all([route.screen.preload(), route.plain ? null : loadAntd()]).then(() => undefined);
}

/**
 * The screens of the menu, fetched ahead of the first click once the first screen is up. A screen
 * opened before its code is here shows the loading fallback, which React then holds for at least
 * 300 ms: 人员名册 took ~420 ms from the menu with an empty roster, most of it waiting. The
 * screens' own heavy code (the editor aside) stays behind their first use: the spreadsheet import,
 * pinyin tables, charts and Word export load when asked for, so each of the last four here is
 * 7–33 KB.
 *
 * One screen per idle moment: asking for all fifteen at once was a task of ~110 ms at ten years
 * (each import adds its chunks' preload links to the page), while the search index was being built.
 */
export async function prefetchMenuScreens(later: () => Promise<void> = () => nextIdle()): Promise<void> {
  const fetches: (() => Promise<unknown>)[] = [
    workbench,
    meetingList,
    meeting,
    liveMeeting,
    statistics,
    search,
    followupBoard,
    decisionFollowup,
    matters,
    matter,
    roster,
    org,
    backups,
    settings,
  ].map((s) => () => s.preload());
  fetches.push(() => import('../features/minutes').then((m) => m.preloadMinutesEditor()));
  for (const fetchScreen of fetches) {
    await later();
    // A failed prefetch is ignored: opening the screen loads it again, and if that fails too the
    // screen's error boundary says so and offers to reload.
    void fetchScreen().catch(() => undefined);
  }
}
