import { createElement as h } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
// antd's ES modules, as the app's build resolves 'antd'.
import Alert from 'antd/es/alert';
import Badge from 'antd/es/badge';
import Button, { type ButtonProps } from 'antd/es/button';
import ConfigProvider from 'antd/es/config-provider';
import Input from 'antd/es/input';
import Layout from 'antd/es/layout';
import Menu from 'antd/es/menu';
import Space from 'antd/es/space';
import Spin from 'antd/es/spin';
import Switch from 'antd/es/switch';
import CalendarOutlined from '@ant-design/icons/es/icons/CalendarOutlined';
import DashboardOutlined from '@ant-design/icons/es/icons/DashboardOutlined';
import PlusOutlined from '@ant-design/icons/es/icons/PlusOutlined';
import SearchOutlined from '@ant-design/icons/es/icons/SearchOutlined';
import { describe, expect, it } from 'vitest';
import { PlainInfoAlert } from './PlainAlert';
import { PlainButton } from './PlainButton';
import { PlainCountBadge } from './PlainCountBadge';
import { PlainSpin } from './PlainSpin';
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

  it("buttons: antd's default, primary, small, with an icon, loading and as a link", () => {
    const cases: [Parameters<typeof PlainButton>[0], ButtonProps][] = [
      [{ children: '会议模板' }, {}],
      [
        { type: 'primary', icon: PlusOutlined, children: '新建会议' },
        { type: 'primary', icon: h(PlusOutlined) },
      ],
      [{ size: 'small', children: '筹备' }, { size: 'small' }],
      [
        { type: 'primary', size: 'small', children: '进入' },
        { type: 'primary', size: 'small' },
      ],
      [{ loading: true, children: '导入审阅结果' }, { loading: true }],
      [{ href: '#/meetings', children: '回到会议' }, { href: '#/meetings' }],
    ];
    for (const [plain, antd] of cases)
      expect(html(h(PlainButton, plain))).toBe(
        // As the app configures antd: no space inserted between two Chinese characters.
        renderToStaticMarkup(
          inTheme(h(ConfigProvider, { button: { autoInsertSpace: false } }, h(Button, antd, plain.children))),
        ),
      );
  });

  it("info alert: antd's Alert with its icon", () => {
    expect(html(h(PlainInfoAlert, { style: { marginBottom: 16 }, children: '下一次党群议事日' }))).toBe(
      antdHtml(h(Alert, { type: 'info', showIcon: true, title: '下一次党群议事日', style: { marginBottom: 16 } })),
    );
  });

  it("spinner: antd's Spin around content, large, and over the whole window", () => {
    expect(html(h(PlainSpin, { spinning: false }, 'x'))).toBe(antdHtml(h(Spin, { spinning: false }, 'x')));
    expect(html(h(PlainSpin, { spinning: true }, 'x'))).toBe(antdHtml(h(Spin, { spinning: true }, 'x')));
    expect(html(h(PlainSpin, { size: 'large' }))).toBe(antdHtml(h(Spin, { size: 'large' })));
    expect(html(h(PlainSpin, { fullscreen: true }))).toBe(antdHtml(h(Spin, { fullscreen: true })));
  });
});
