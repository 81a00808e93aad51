import type { ReactNode } from 'react';
import { App as AntApp, ConfigProvider } from 'antd';
// The ES modules, not antd/locale's CommonJS copies (which brought their own date-picker locales).
import antdZhCN from 'antd/es/locale/zh_CN';
import antdEnUS from 'antd/es/locale/en_US';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useApp } from '../AppContext';
import { antdTheme } from '../theme';

// Honour the system's "reduce motion" setting: dialogs then open and close without animation.
const reduceMotion = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
const baseTheme = antdTheme(false, !reduceMotion);
const largeTheme = antdTheme(true, !reduceMotion);

/**
 * antd's theme, locale and message holder around `children` (see withAntd.tsx). No element of its
 * own: the app's root already has antd's App class (App.tsx).
 */
export function AntdProviders({ children }: { children: ReactNode }) {
  const { settings } = useApp();
  const english = settings.locale === 'en';
  // antd's date pickers speak the app's language.
  dayjs.locale(english ? 'en' : 'zh-cn');
  return (
    <ConfigProvider
      locale={english ? antdEnUS : antdZhCN}
      theme={settings.largeType ? largeTheme : baseTheme}
      // antd writes two-character Chinese labels with a space (筹 备, 定 稿): not how Chinese is written.
      button={{ autoInsertSpace: false }}
    >
      <AntApp component={false}>{children}</AntApp>
    </ConfigProvider>
  );
}
