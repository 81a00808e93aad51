import { memo, useMemo } from 'react';
import { Button, Input, Layout, Menu, Switch, Space, Typography } from 'antd';
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

type Navigate = ReturnType<typeof useNavigate>;

/**
 * The app's frame: the menu, the header and the screen. The menu and the header are memoised
 * by the section shown: a change of the address's query (the 督办 board's filters, its pages)
 * re-rendered both, and remounted the header's search box, at every filter change.
 */
export function AppLayout() {
  const navigate = useNavigate();
  const location = useLocation();
  const section = `/${location.pathname.split('/')[1] ?? ''}`;
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <AppNav section={section} navigate={navigate} />
      <Layout>
        <AppHeader section={section} screen={location.pathname} navigate={navigate} />
        <Layout.Content>
          <ScreenErrorBoundary>
            <Outlet />
          </ScreenErrorBoundary>
        </Layout.Content>
      </Layout>
    </Layout>
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
      { key: '/', icon: <DashboardOutlined />, label: t('nav.workbench') },
      { key: '/meetings', icon: <CalendarOutlined />, label: t('nav.meetings') },
      { key: '/matters', icon: <MessageOutlined />, label: t('nav.matters') },
      { key: '/followup', icon: <CheckSquareOutlined />, label: <FollowupNavLabel /> },
      { key: '/statistics', icon: <BarChartOutlined />, label: t('nav.statistics') },
      { key: '/search', icon: <SearchOutlined />, label: t('nav.search') },
      { key: '/roster', icon: <TeamOutlined />, label: t('nav.roster') },
      { key: '/org', icon: <ApartmentOutlined />, label: t('nav.org') },
      { key: '/backups', icon: <SafetyCertificateOutlined />, label: t('nav.backups') },
      // 审阅: only where a 街道 or 区 uses this computer.
      ...(ownLevel && ownLevel !== 'community'
        ? [{ key: '/review', icon: <AuditOutlined />, label: t('nav.review') }]
        : []),
      { key: '/settings', icon: <SettingOutlined />, label: t('nav.settings') },
    ],
    [t, ownLevel],
  );
  return (
    <Layout.Sider width={settings.largeType ? 240 : 208} breakpoint="lg" collapsedWidth={0}>
      <div className="yishi-brand">
        {t('app.name')}
        <small>{t('app.tagline')}</small>
      </div>
      <Menu theme="dark" mode="inline" selectedKeys={[section]} items={items} onClick={({ key }) => navigate(key)} />
    </Layout.Sider>
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
    <Layout.Header
      style={{
        background: '#fff',
        padding: '0 24px',
        display: 'flex',
        justifyContent: 'space-between',
        alignItems: 'center',
      }}
    >
      <Typography.Text strong>{settings.documentOrgName || t('app.name')}</Typography.Text>
      <Space size="large">
        {/* A quick way into 全库检索 from any screen; the search screen has its own large box. */}
        {section === '/search' ? null : (
          <Input.Search
            key={screen}
            style={{ width: settings.largeType ? 260 : 220 }}
            placeholder={t('nav.searchPlaceholder')}
            aria-label={t('nav.search')}
            // The button named in the user's language (antd's icon alone says "search"), and not 搜索:
            // the roster's own search box is found by that name.
            enterButton={<Button aria-label={t('nav.searchGo')} icon={<SearchOutlined />} />}
            maxLength={100}
            onFocus={warmSearch}
            onSearch={(words) => {
              const q = words.trim();
              navigate(q ? `/search?${new URLSearchParams({ q }).toString()}` : '/search');
            }}
          />
        )}
        <Space>
          <span>{t('nav.largeType')}</span>
          <Switch
            checked={settings.largeType}
            onChange={(largeType) => void updateSettings({ largeType })}
            aria-label={t('nav.largeType')}
          />
        </Space>
      </Space>
    </Layout.Header>
  );
});
