import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { readFileSync } from 'node:fs';
import { contentSecurityPolicyForMeta } from './shared/csp.ts';

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
      html.replace('<meta charset="UTF-8" />', `<meta charset="UTF-8" />\n    <meta http-equiv="Content-Security-Policy" content="${policy}" />`),
  };
}

/**
 * Builds the renderer (the React UI). The same build serves Electron (through the app://
 * protocol) and the browser (`npm run web`), so asset paths are relative.
 * Electron's main and preload are built by scripts/build-electron.mjs.
 */
export default defineConfig({
  root: 'renderer',
  base: './',
  publicDir: false,
  plugins: [react(), cspMeta()],
  define: { __APP_VERSION__: JSON.stringify(version) },
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'chrome120',
    chunkSizeWarningLimit: 2500,
  },
  preview: { host: '127.0.0.1', port: 4617, strictPort: true },
  server: { host: '127.0.0.1', port: 4617, strictPort: true },
});
