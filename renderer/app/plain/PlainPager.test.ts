import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
// antd's ES modules, as the app's build resolves 'antd' (the locale context must be the same one).
import ConfigProvider from 'antd/es/config-provider';
import Pagination from 'antd/es/pagination';
import antdZhCN from 'antd/es/locale/zh_CN';
import antdEnUS from 'antd/es/locale/en_US';
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allResources } from '../../i18n';
import { PlainPager } from './PlainPager';
import { antdTheme } from '../theme';

beforeAll(async () => {
  await i18next
    .use(initReactI18next)
    .init({ resources: allResources(), lng: 'zh-CN', interpolation: { escapeValue: false } });
});

// The files share one i18next (vitest.config.ts, isolate: false): leave it in Chinese.
afterAll(() => i18next.changeLanguage('zh-CN'));

describe('PlainPager', () => {
  it("draws the markup antd's Pagination draws, page by page, in both languages and sizes", async () => {
    for (const [language, locale] of [
      ['zh-CN', antdZhCN],
      ['en', antdEnUS],
    ] as const) {
      // The app's words in the language shown, against antd's own locale of it.
      await i18next.changeLanguage(language);
      for (const size of [undefined, 'small'] as const)
        for (const total of [1, 25, 70, 71, 200, 1234])
          for (const current of [1, 2, 3, 4, 5, 9, 10, 11, 58, 59, 60, 61, 62]) {
            const pages = Math.ceil(total / 20);
            if (current > pages) continue;
            const props = { current, pageSize: 20, total, className: 'ant-table-pagination ant-table-pagination-end' };
            const inLocale = (node: ReturnType<typeof createElement>) =>
              renderToStaticMarkup(createElement(ConfigProvider, { locale, theme: antdTheme(false, true) }, node));
            const antd = inLocale(
              createElement(Pagination, {
                ...props,
                onChange: () => undefined,
                showSizeChanger: false,
                ...(size ? { size } : {}),
              }),
            );
            const plain = inLocale(createElement(PlainPager, { ...props, ...(size ? { size } : {}) }));
            expect(plain, `${locale.locale} ${size ?? 'default'} ${current}/${pages}`).toBe(antd);
          }
    }
  });

  it('draws nothing for one page when asked to', () => {
    const one = { current: 1, pageSize: 20, total: 20, hideOnSinglePage: true };
    expect(renderToStaticMarkup(createElement(PlainPager, one))).toBe('');
    expect(renderToStaticMarkup(createElement(PlainPager, { ...one, total: 21 }))).toContain('ant-pagination-item-2');
  });
});
