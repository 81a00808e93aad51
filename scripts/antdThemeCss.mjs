// The CSS variables of the app's antd theme as a stylesheet, written at build time.
//
// antd (zeroRuntime) takes its rules from its prebuilt stylesheet and writes only the theme's
// variables at run time, from its ConfigProvider and each component's style hook. The first screen
// draws its frame and the meeting list in antd's markup without antd's components or provider
// (renderer/app/plain/), so their variables must already be there: this renders the components
// those parts imitate once, in Node, in each theme, and keeps the variables antd would write.
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);

/** Class -> declarations of one rendering, as antd's style cache holds them. */
function variables(theme) {
  const React = require('react');
  const { renderToString } = require('react-dom/server');
  const { createCache, extractStyle, StyleProvider } = require('@ant-design/cssinjs');
  const antd = require('antd');
  const h = React.createElement;
  const cache = createCache();
  renderToString(
    h(
      StyleProvider,
      { cache },
      h(
        antd.ConfigProvider,
        { theme },
        h(antd.Layout, null, h(antd.Layout.Sider), h(antd.Layout.Content)),
        h(antd.Menu, { items: [{ key: 'a', label: 'a' }], theme: 'dark', mode: 'inline' }),
        h(antd.Input.Search, { enterButton: true }),
        h(antd.Button, null, 'a'),
        h(antd.Switch),
        h(antd.Badge, { count: 1 }),
        h(antd.Typography.Text, null, 'a'),
        h(antd.Space, null, 'a'),
        h(antd.Tabs, { items: [{ key: 'a', label: 'a' }] }),
        h(antd.Pagination, { total: 50 }),
        h(antd.Table, { columns: [], dataSource: [] }),
        h(antd.Tag, null, 'a'),
        h(antd.Tag, { color: 'red' }, 'a'),
        h(antd.Tag, { color: 'processing' }, 'a'),
        h(antd.Spin),
        h(antd.Alert, { title: 'a' }),
      ),
    ),
  );
  const css = extractStyle(cache, { plain: true, types: ['token', 'cssVar'] });
  const blocks = new Map();
  for (const [, selector, body] of css.matchAll(/([^{}]+)\{([^{}]*)\}/g)) {
    if (!selector.startsWith('.')) continue;
    if (selector.includes('cssinjs-cache-path')) continue;
    const declarations = blocks.get(selector) ?? new Map();
    for (const declaration of body.split(';')) {
      const colon = declaration.indexOf(':');
      if (colon > 0) declarations.set(declaration.slice(0, colon).trim(), declaration.slice(colon + 1).trim());
    }
    blocks.set(selector, declarations);
  }
  return blocks;
}

/** The blocks of `theme` as CSS, each selector under `scope`, only what differs from `from`. */
function written(blocks, { scope = '', from } = {}) {
  let css = '';
  for (const [selector, declarations] of blocks) {
    const changed = [...declarations].filter(([name, value]) => from?.get(selector)?.get(name) !== value);
    if (changed.length === 0) continue;
    css += `${scope}${selector}{${changed.map(([name, value]) => `${name}:${value}`).join(';')}}\n`;
  }
  return css;
}

/**
 * @param {{ normal: object, large: object, still: object, largeStill: object }} themes
 * @param {string} largeTypeClass
 */
function themeCss(themes, largeTypeClass) {
  const normal = variables(themes.normal);
  const large = variables(themes.large);
  const still = variables(themes.still);
  const largeStill = variables(themes.largeStill);
  return (
    written(normal) +
    written(large, { scope: `.${largeTypeClass} `, from: normal }) +
    `@media (prefers-reduced-motion: reduce){\n${written(still, { from: normal })}` +
    `${written(largeStill, { scope: `.${largeTypeClass} `, from: large })}}\n`
  );
}

/**
 * @param {(largeType: boolean, motion: boolean) => object} themeOf the app's theme (renderer/app/theme.ts)
 * @param {string} largeTypeClass the body's class in 大字模式
 * @returns {string} the variables of the normal theme, then the large theme's differences under
 *   the body's class, then the differences without motion where the system asks for less of it.
 *   Rendered in a process of its own: React loaded here would stay in the build's process (a test
 *   that builds, then renders with React's development build, met the production one).
 */
export function antdThemeCss(themeOf, largeTypeClass) {
  const input = JSON.stringify({
    themes: {
      normal: themeOf(false, true),
      large: themeOf(true, true),
      still: themeOf(false, false),
      largeStill: themeOf(true, false),
    },
    largeTypeClass,
  });
  return execFileSync(process.execPath, [fileURLToPath(import.meta.url)], {
    input,
    encoding: 'utf8',
    env: { ...process.env, NODE_ENV: 'production' },
    maxBuffer: 16 * 1024 * 1024,
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  const { themes, largeTypeClass } = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  process.stdout.write(themeCss(themes, largeTypeClass));
}
