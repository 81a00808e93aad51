import { describe, expect, it } from 'vitest';
import { antdThemeCss } from '../../../scripts/antdThemeCss.mjs';
import { antdTheme, LARGE_TYPE_CLASS, THEME_CLASS } from '../../../renderer/app/theme';

const css = antdThemeCss(antdTheme, LARGE_TYPE_CLASS);

/** The declarations of `selector`'s block(s) in `text`. */
function block(text: string, selector: string): string {
  const escaped = selector.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return [...text.matchAll(new RegExp(`(?:^|\\n)${escaped}\\{([^}]*)\\}`, 'g'))].map((m) => m[1]).join(';');
}

describe("the theme's CSS variables for the plain first screen", () => {
  const [normalAndLarge = '', reduced = ''] = css.split('@media (prefers-reduced-motion: reduce){');

  it("holds the app's colour and antd's sizes on the theme's class", () => {
    expect(block(normalAndLarge, `.${THEME_CLASS}`)).toContain('--ant-color-primary:#c0392b');
    expect(block(normalAndLarge, `.${THEME_CLASS}`)).toContain('--ant-font-size:14px');
    expect(block(normalAndLarge, `.${THEME_CLASS}`)).toContain('--ant-line-height:1.5714285714285714');
  });

  it('holds the variables of every component the plain parts draw like', () => {
    for (const component of [
      'layout',
      'layout-sider',
      'menu-css-var',
      'input-css-var',
      'input-search',
      'btn',
      'switch',
      'badge',
      'typography',
      'tabs-css-var',
      'pagination',
      'table-css-var',
      'tag',
      'spin',
      'alert',
    ])
      expect(block(normalAndLarge, `.${THEME_CLASS}.ant-${component}`), component).not.toBe('');
    // The selected menu entry in the app's red.
    expect(block(normalAndLarge, `.${THEME_CLASS}.ant-menu-css-var`)).toContain(
      '--ant-menu-dark-item-selected-bg:#c0392b',
    );
  });

  it('gives 大字模式 its sizes under the body class, and only what changes', () => {
    const large = block(normalAndLarge, `.${LARGE_TYPE_CLASS} .${THEME_CLASS}`);
    expect(large).toContain('--ant-font-size:18px');
    expect(large).toContain('--ant-control-height:42px');
    expect(large).not.toContain('--ant-color-primary');
    expect(block(normalAndLarge, `.${LARGE_TYPE_CLASS} .${THEME_CLASS}.ant-table-css-var`)).toContain(
      '--ant-table-cell-font-size:18px',
    );
  });

  it('stops motion where the system asks for less of it, in both sizes', () => {
    expect(block(reduced, `.${THEME_CLASS}`)).toContain('--ant-motion-duration-mid:0s');
    expect(block(reduced, `.${LARGE_TYPE_CLASS} .${THEME_CLASS}`)).toContain('--ant-motion-duration-mid:0s');
    expect(block(reduced, `.${THEME_CLASS}`)).not.toContain('--ant-color-primary');
  });
});
