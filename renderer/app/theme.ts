// The app's antd theme. Imports nothing, so the Vite config can load it too: the build writes the
// theme's CSS variables into a stylesheet (scripts/antdThemeCss.mjs) for the parts of the first
// screen drawn without antd's components (app/plain/).

/** The class antd gives every component for the theme's CSS variables (no per-theme hash). */
export const THEME_CLASS = 'yishi';

/** The body's class in 大字模式 (App sets it); the large theme's variables hang on it. */
export const LARGE_TYPE_CLASS = 'yishi-large';

const base = { colorPrimary: '#c0392b', borderRadius: 4 } as const;
// 大字模式: antd's small text (tags, small tables and buttons, hints) grows too, never under 16 px.
const large = { fontSize: 18, fontSizeSM: 16, fontSizeLG: 20, fontSizeIcon: 16, controlHeight: 42 } as const;

/**
 * antd's theme for the ConfigProvider. Its styles come from antd's prebuilt stylesheet
 * (zeroRuntime); one class for its variables, no hash.
 * `motion`: off where the system asks to reduce motion (dialogs then open without animation).
 */
export function antdTheme(largeType: boolean, motion: boolean) {
  return {
    zeroRuntime: true,
    hashed: false,
    cssVar: { key: THEME_CLASS },
    token: { ...base, ...(largeType ? large : {}), motion },
  };
}
