import { memo, useMemo } from 'react';
import {
  ApartmentOutlined,
  CalendarOutlined,
  DashboardOutlined,
  MessageOutlined,
  CheckSquareOutlined,
  BarChartOutlined,
  TeamOutlined,
  SafetyCertificateOutlined,
  SettingOutlined,
  AuditOutlined,
  SearchOutlined,
} from '@ant-design/icons';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useApp } from './AppContext';
import { ScreenErrorBoundary } from './ScreenErrorBoundary';
import { FollowupNavLabel } from '../features/followup/FollowupNavLabel';
import { PlainContent, PlainHeader, PlainLayout, PlainSider } from './plain/PlainLayout';
import { PlainMenu } from './plain/PlainMenu';
import { PlainSearchBox } from './plain/PlainSearchBox';
import { PlainSpace } from './plain/PlainSpace';
import { PlainSwitch } from './plain/PlainSwitch';
import { THEME_CLASS } from './theme';

type Navigate = ReturnType<typeof useNavigate>;

/**
 * The app's frame: the menu, the header and the screen. The menu and the header are memoised
 * by the section shown: a change of the address's query (the 督办 board's filters, its pages)
 * re-rendered both, and remounted the header's search box, at every filter change.
 * Drawn in antd's markup and styles without antd's Layout, Menu, Input and Switch (app/plain/):
 * the frame is part of every first screen, and their machinery was ~30 KiB of its code.
 */
export function AppLayout() {
  const navigate = useNavigate();
  const location = useLocation();
  const section = `/${location.pathname.split('/')[1] ?? ''}`;
  return (
    <PlainLayout sider={<AppNav section={section} navigate={navigate} />}>
      <AppHeader section={section} screen={location.pathname} navigate={navigate} />
      <PlainContent>
        <ScreenErrorBoundary>
          <Outlet />
        </ScreenErrorBoundary>
      </PlainContent>
    </PlainLayout>
  );
}

const AppNav = memo(function AppNav({ section, navigate }: { section: string; navigate: Navigate }) {
  const { t } = useTranslation();
  const { settings } = useApp();
  // Made again only when the wording or the levels change, not at each change of section: the
  // menu then parses and draws its entries (and the 督办 badge) once, not before every screen.
  const ownLevel = settings.ownLevel;
  const items = useMemo(
    () => [
      { key: '/', icon: DashboardOutlined, label: t('nav.workbench') },
      { key: '/meetings', icon: CalendarOutlined, label: t('nav.meetings') },
      { key: '/matters', icon: MessageOutlined, label: t('nav.matters') },
      { key: '/followup', icon: CheckSquareOutlined, label: <FollowupNavLabel /> },
      { key: '/statistics', icon: BarChartOutlined, label: t('nav.statistics') },
      { key: '/search', icon: SearchOutlined, label: t('nav.search') },
      { key: '/roster', icon: TeamOutlined, label: t('nav.roster') },
      { key: '/org', icon: ApartmentOutlined, label: t('nav.org') },
      { key: '/backups', icon: SafetyCertificateOutlined, label: t('nav.backups') },
      // 审阅: only where a 街道 or 区 uses this computer.
      ...(ownLevel && ownLevel !== 'community'
        ? [{ key: '/review', icon: AuditOutlined, label: t('nav.review') }]
        : []),
      { key: '/settings', icon: SettingOutlined, label: t('nav.settings') },
    ],
    [t, ownLevel],
  );
  return (
    <PlainSider width={settings.largeType ? 240 : 208} toggleLabel={t('nav.toggleMenu')}>
      <div className="yishi-brand">
        {t('app.name')}
        <small>{t('app.tagline')}</small>
      </div>
      <PlainMenu selectedKey={section} items={items} onSelect={(key) => navigate(key)} />
    </PlainSider>
  );
});

const AppHeader = memo(function AppHeader({
  section,
  screen,
  navigate,
}: {
  section: string;
  /** The screen's path: the quick search box starts empty on each screen. */
  screen: string;
  navigate: Navigate;
}) {
  const { t } = useTranslation();
  const { db, settings, updateSettings } = useApp();
  // The search worker starts (and runs its code once) while the words are typed, not after.
  const warmSearch = () =>
    void import('../data/searchClient').then(({ searcherFor }) => searcherFor(db).warm()).catch(() => undefined);
  return (
    <PlainHeader style={HEADER_STYLE}>
      <OrgName>{settings.documentOrgName || t('app.name')}</OrgName>
      <PlainSpace size="large">
        {/* A quick way into 全库检索 from any screen; the search screen has its own large box. */}
        {section === '/search' ? null : (
          <PlainSearchBox
            key={screen}
            style={{ width: settings.largeType ? 260 : 220 }}
            placeholder={t('nav.searchPlaceholder')}
            aria-label={t('nav.search')}
            // Named in the user's language, and not 搜索: the roster's own search box is found by that name.
            buttonLabel={t('nav.searchGo')}
            maxLength={100}
            onFocus={warmSearch}
            onSearch={(words) => {
              const q = words.trim();
              navigate(q ? `/search?${new URLSearchParams({ q }).toString()}` : '/search');
            }}
          />
        )}
        <PlainSpace>
          <span>{t('nav.largeType')}</span>
          <PlainSwitch
            checked={settings.largeType}
            onChange={(largeType) => void updateSettings({ largeType })}
            aria-label={t('nav.largeType')}
          />
        </PlainSpace>
      </PlainSpace>
    </PlainHeader>
  );
});

const HEADER_STYLE = {
  background: '#fff',
  padding: '0 24px',
  display: 'flex',
  justifyContent: 'space-between',
  alignItems: 'center',
} as const;

/** antd's strong Typography.Text, as the header showed the organisation's name. */
function OrgName({ children }: { children: string }) {
  return (
    <span className={`ant-typography ${THEME_CLASS}`}>
      <strong>{children}</strong>
    </span>
  );
}
