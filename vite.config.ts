import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * Builds the renderer (the React UI). The same build serves Electron (through the app://
 * protocol) and the browser (`npm run web`), so asset paths are relative.
 * Electron's main and preload are built by scripts/build-electron.mjs.
 */
export default defineConfig({
  root: 'renderer',
  base: './',
  publicDir: false,
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'chrome120',
    chunkSizeWarningLimit: 2500,
  },
  preview: { host: '127.0.0.1', port: 4617, strictPort: true },
  server: { host: '127.0.0.1', port: 4617, strictPort: true },
});
