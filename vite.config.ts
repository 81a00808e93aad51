import { build, defineConfig, type Plugin, type UserConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { contentSecurityPolicyForMeta } from './shared/csp.ts';
import { ourModuleSideEffects } from './scripts/moduleSideEffects.mjs';
import { startUpGroups, type Layer } from './scripts/firstScreenChunks.mjs';
import { antdThemeCss } from './scripts/antdThemeCss.mjs';
import { antdTheme, LARGE_TYPE_CLASS } from './renderer/app/theme.ts';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

/**
 * The same policy Electron sends as a header, as a meta tag for the browser build. Dev mode
 * (HMR inline scripts) has no meta tag.
 */
function cspMeta(): Plugin {
  const policy = contentSecurityPolicyForMeta();
  return {
    name: 'yishi-csp-meta',
    apply: 'build',
    transformIndexHtml: (html) =>
      html.replace(
        '<meta charset="UTF-8" />',
        `<meta charset="UTF-8" />\n    <meta http-equiv="Content-Security-Policy" content="${policy}" />`,
      ),
  };
}

/**
 * The CSS variables of the app's antd theme (scripts/antdThemeCss.mjs), for the first screen's
 * parts drawn without antd's components, written into the page's head when the app is built. Not
 * through the CSS pipeline: its minifier rounds antd's numbers (a line height of 1.4444444444444444
 * became 1.44444, and large type's text moved by a fraction of a pixel).
 */
function antdThemeVariables(): Plugin {
  let css: string | undefined;
  return {
    name: 'yishi-antd-theme-variables',
    transformIndexHtml: () => [
      {
        tag: 'style',
        attrs: { id: 'yishi-antd-theme' },
        children: (css ??= antdThemeCss(antdTheme, LARGE_TYPE_CLASS)),
        injectTo: 'head',
      },
    ],
  };
}

/**
 * Asks V8 to compile the live-minutes editor's chunk whole when it loads (on a background
 * thread, while the screen is idle: it is fetched ahead of the first click) rather than function
 * by function on first use. Lazily compiled, the first keystroke in a meeting compiled
 * ProseMirror's update path on the spot: 32 ms before the next frame where later keystrokes
 * take 12–20 ms (`YISHI_BENCH_PARTS=typing npm run bench`). Chromium's explicit compile hint:
 * https://v8.dev/blog/explicit-compile-hints
 */
function compileEditorEagerly(): Plugin {
  return {
    name: 'yishi-compile-editor-eagerly',
    apply: 'build',
    // After minification, which would drop the comment.
    generateBundle(_options, bundle) {
      const editor = Object.values(bundle).find((file) => file.type === 'chunk' && file.name === 'MinutesEditor');
      if (editor?.type === 'chunk') editor.code = `//# allFunctionsCalledOnLoad\n${editor.code}`;
      else this.warn('no MinutesEditor chunk: the editor is compiled lazily again (was the component renamed?)');
    },
  };
}

/**
 * The start-up code in six files (scripts/firstScreenChunks.mjs): what the page's entry needs to
 * open the database and fetch the first screen; the app's shell; antd's core with its providers
 * (the meeting list is drawn without them, app/plain/); what the two screens the window opens on
 * have in common; and each of them — the 工作台 (the usual start) and the meeting list (one click
 * away, and where the bench opens). `YISHI_BENCH_PARTS=open`: see docs/benchmarks.md (session 17).
 */
const WORKBENCH = /renderer[\\/]features[\\/]workbench[\\/]index\.ts$/;
const MEETING_LIST = /renderer[\\/]features[\\/]meetings[\\/]MeetingsPage\.tsx$/;
const ANTD = /renderer[\\/]app[\\/]antd[\\/]AntdProviders\.tsx$/;
const START_UP: Layer[] = [
  { name: 'boot', roots: [/renderer[\\/]index\.html$/] },
  { name: 'app', roots: [/renderer[\\/]main\.tsx$/] },
  { name: 'antd', roots: [ANTD] },
  { name: 'screens', roots: [WORKBENCH, MEETING_LIST], shared: true },
  { name: 'workbench', roots: [WORKBENCH] },
  { name: 'meetingList', roots: [MEETING_LIST] },
];
/** Set while the first pass runs: it is built with the bundler's own chunks. */
const FIRST_PASS = 'YISHI_BUILD_FIRST_PASS';

async function startUpChunks() {
  process.env[FIRST_PASS] = '1';
  try {
    return await startUpGroups(
      () =>
        build({
          configFile: fileURLToPath(import.meta.url),
          logLevel: 'silent',
          build: { write: false, minify: false, sourcemap: false },
        }),
      START_UP,
    );
  } finally {
    delete process.env[FIRST_PASS];
  }
}

/**
 * Builds the renderer (the React UI). The same build serves Electron (through the app://
 * protocol) and the browser (`npm run web`), so asset paths are relative.
 * Electron's main and preload are built by scripts/build-electron.mjs.
 */
export default defineConfig(async ({ command }): Promise<UserConfig> => ({
  root: 'renderer',
  base: './',
  publicDir: false,
  plugins: [react(), cspMeta(), compileEditorEagerly(), antdThemeVariables()],
  define: { __APP_VERSION__: JSON.stringify(version) },
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'chrome120',
    chunkSizeWarningLimit: 2500,
    rollupOptions: {
      treeshake: { moduleSideEffects: ourModuleSideEffects },
      ...(command === 'build' && !process.env[FIRST_PASS]
        ? { output: { codeSplitting: { groups: await startUpChunks() } } }
        : {}),
    },
  },
  preview: { host: '127.0.0.1', port: 4617, strictPort: true },
  server: { host: '127.0.0.1', port: 4617, strictPort: true },
}));
