import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
// antd's ES modules, as the app's build resolves 'antd'.
import Tabs from 'antd/es/tabs';
import { describe, expect, it } from 'vitest';
import { PlainTabs } from './PlainTabs';
import { inTheme } from './inTheme';

const TABS = [
  { key: 'upcoming', label: '筹备中' },
  { key: 'signed', label: '已签字' },
  { key: 'cancelled', label: '已取消' },
];

/**
 * Without the ids (generated differently) and what only antd draws: its hidden overflow menu and
 * the list's scroll offset (none here: the tabs never overflow).
 */
const normalised = (html: string) =>
  html
    .replace(/ (id|aria-controls|aria-labelledby)="[^"]*"/g, '')
    .replace(/<div class="ant-tabs-nav-operations[^"]*">.*?<\/button><\/div>/, '')
    .replace(/ aria-hidden="false"/, '')
    .replace(' style="transform:translate(0px, 0px)"', '');

describe('PlainTabs', () => {
  it("draws the markup antd's Tabs draws, so antd's styles apply unchanged", () => {
    for (const active of ['upcoming', 'cancelled']) {
      const antd = renderToStaticMarkup(
        inTheme(
          createElement(Tabs, { activeKey: active, items: TABS.map((t) => ({ ...t })), onChange: () => undefined }),
        ),
      );
      const plain = renderToStaticMarkup(
        createElement(PlainTabs, { activeKey: active, tabs: TABS, onChange: () => undefined }),
      );
      expect(normalised(plain)).toBe(normalised(antd));
      // One tab can be reached with Tab: the chosen one.
      expect(plain.match(/tabindex="0"/g)).toHaveLength(1);
      expect(plain).toMatch(
        new RegExp(`aria-selected="true"[^>]*tabindex="0"[^>]*>${TABS.find((t) => t.key === active)?.label}`),
      );
    }
  });

  it('ties each tab to the panel and the panel to the chosen tab', () => {
    const plain = renderToStaticMarkup(
      createElement(PlainTabs, { activeKey: 'signed', tabs: TABS, onChange: () => undefined }),
    );
    const panel = /role="tabpanel"[^>]*id="([^"]+)" aria-labelledby="([^"]+)"/.exec(plain);
    expect(panel).not.toBeNull();
    expect(plain).toContain(`id="${panel?.[2]}" aria-controls="${panel?.[1]}">已签字`);
  });
});
