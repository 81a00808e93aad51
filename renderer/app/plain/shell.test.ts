import { createElement as h } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
// antd's ES modules, as the app's build resolves 'antd'.
import Badge from 'antd/es/badge';
import Button from 'antd/es/button';
import Input from 'antd/es/input';
import Layout from 'antd/es/layout';
import Menu from 'antd/es/menu';
import Space from 'antd/es/space';
import Switch from 'antd/es/switch';
import CalendarOutlined from '@ant-design/icons/es/icons/CalendarOutlined';
import DashboardOutlined from '@ant-design/icons/es/icons/DashboardOutlined';
import SearchOutlined from '@ant-design/icons/es/icons/SearchOutlined';
import { describe, expect, it } from 'vitest';
import { PlainCountBadge } from './PlainCountBadge';
import { PlainContent, PlainHeader, PlainLayout, PlainSider } from './PlainLayout';
import { PlainMenu } from './PlainMenu';
import { PlainSearchBox } from './PlainSearchBox';
import { PlainSpace } from './PlainSpace';
import { PlainSwitch } from './PlainSwitch';
import { inTheme } from './inTheme';

const html = (node: ReturnType<typeof h>) => renderToStaticMarkup(node);
/** antd's component as the app draws it, under its theme. */
const antdHtml = (node: ReturnType<typeof h>) => renderToStaticMarkup(inTheme(node));
const noop = () => undefined;

// Each plain part of the app's frame draws antd's markup, so antd's stylesheet applies unchanged.
describe("the frame's plain parts", () => {
  it("menu: antd's dark inline Menu, the chosen entry marked", () => {
    const antd = antdHtml(
      h(Menu, {
        theme: 'dark',
        mode: 'inline',
        selectedKeys: ['/meetings'],
        items: [
          { key: '/', icon: h(DashboardOutlined), label: '工作台' },
          { key: '/meetings', icon: h(CalendarOutlined), label: '会议' },
        ],
      }),
    )
      // rc-menu's generated ids and its hidden measuring box; its attribute order.
      .replace(/ data-menu-id="[^"]*"/g, '')
      .replace('<div style="display:none" aria-hidden="true"></div>', '')
      .replace(
        / style="padding-left:24px" role="menuitem" tabindex="-1"/g,
        ' role="menuitem" tabindex="-1" style="padding-left:24px"',
      );
    const plain = html(
      h(PlainMenu, {
        selectedKey: '/meetings',
        onSelect: noop,
        items: [
          { key: '/', icon: DashboardOutlined, label: '工作台' },
          { key: '/meetings', icon: CalendarOutlined, label: '会议' },
        ],
      }),
    );
    expect(plain).toBe(antd);
  });

  it("switch: antd's Switch, off and on", () => {
    // antd passes it on to the button (its props' type does not name it).
    const label = { 'aria-label': '大字模式' };
    for (const checked of [false, true])
      expect(html(h(PlainSwitch, { checked, onChange: noop, 'aria-label': '大字模式' }))).toBe(
        antdHtml(h(Switch, { checked, ...label })),
      );
  });

  it("badge: antd's standalone count Badge, one and two digits and past its limit", () => {
    for (const count of [7, 15, 1000]) {
      const props = { count, overflowCount: 999, title: `${count}项`, style: { marginInlineStart: 8 } };
      const attributes = { 'aria-label': 'x', 'data-testid': 'b' };
      expect(html(h(PlainCountBadge, { ...props, ...attributes }))).toBe(
        antdHtml(h(Badge, { ...props, ...attributes })),
      );
    }
  });

  it("search box: antd's Input.Search with a named button", () => {
    const antd = antdHtml(
      h(Input.Search, {
        style: { width: 220 },
        placeholder: '搜索全部记录',
        'aria-label': '全库检索',
        enterButton: h(Button, { 'aria-label': '在全部记录中查找', icon: h(SearchOutlined) }),
        maxLength: 100,
      }),
    ).replace(' value=""', '');
    const plain = html(
      h(PlainSearchBox, {
        style: { width: 220 },
        placeholder: '搜索全部记录',
        'aria-label': '全库检索',
        buttonLabel: '在全部记录中查找',
        maxLength: 100,
        onSearch: noop,
      }),
    );
    expect(plain).toBe(antd);
  });

  it("space: antd's horizontal Space, small and large, without empty items", () => {
    for (const size of ['small', 'large'] as const)
      expect(html(h(PlainSpace, { size }, 'a', null, h('b', null, 'b')))).toBe(
        antdHtml(h(Space, { size }, 'a', null, h('b', null, 'b'))),
      );
  });

  it("layout: antd's Layout with a dark Sider, a Header and the Content", () => {
    const antd = antdHtml(
      h(
        Layout,
        { style: { minHeight: '100vh' } },
        h(Layout.Sider, { width: 208, breakpoint: 'lg', collapsedWidth: 0 }, 'menu'),
        h(
          Layout,
          null,
          h(Layout.Header, { style: { padding: '0 24px' } }, 'header'),
          h(Layout.Content, null, 'screen'),
        ),
      ),
    );
    const plain = html(
      h(
        PlainLayout,
        { sider: h(PlainSider, { width: 208, toggleLabel: '菜单' }, 'menu') },
        h(PlainHeader, { style: { padding: '0 24px' } }, 'header'),
        h(PlainContent, null, 'screen'),
      ),
    );
    expect(plain).toBe(antd);
  });
});
