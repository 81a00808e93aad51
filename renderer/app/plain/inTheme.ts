import { createElement, type ReactNode } from 'react';
// antd's ES modules, as the app's build resolves 'antd' (one set of contexts).
import ConfigProvider from 'antd/es/config-provider';
import { antdTheme } from '../theme';

/** For tests: `node` under the app's antd theme, as the app draws antd's components. */
export function inTheme(node: ReactNode, largeType = false) {
  return createElement(ConfigProvider, { theme: antdTheme(largeType, true) }, node);
}
