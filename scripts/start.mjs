#!/usr/bin/env node
// `npm start`: builds what is missing and opens the desktop app, or explains (in Chinese and
// English) why it cannot when the Electron runtime was never downloaded.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildElectron } from './build-electron.mjs';
import { findElectronRuntime, runtimeMissingMessage } from './electronRuntime.mjs';

const rootDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function buildRendererIfMissing() {
  if (existsSync(path.join(rootDir, 'dist', 'renderer', 'index.html'))) return;
  console.log('正在构建界面（vite build）…');
  // Node runs vite's own entry, so no shell or npx is involved (Windows quoting, PATH).
  const result = spawnSync(process.execPath, [path.join(rootDir, 'node_modules', 'vite', 'bin', 'vite.js'), 'build'], {
    cwd: rootDir,
    stdio: 'inherit',
  });
  if (result.status !== 0) {
    console.error('界面构建失败 / Renderer build failed.');
    process.exit(result.status ?? 1);
  }
}

function launch(executable) {
  const env = { ...process.env };
  // Left over from another tool, this variable would start Electron as plain Node.
  delete env.ELECTRON_RUN_AS_NODE;
  const child = spawn(executable, ['.', ...process.argv.slice(2)], { cwd: rootDir, stdio: 'inherit', env });
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
      if (child.exitCode === null) child.kill(signal);
    });
  }
  child.on('error', (error) => {
    console.error(`无法启动 Electron / Could not start Electron: ${error.message}`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

async function main() {
  // Checked first: building takes seconds and is pointless when the runtime cannot start.
  const runtime = findElectronRuntime(rootDir);
  if (!runtime.found) {
    console.error(runtimeMissingMessage(runtime));
    process.exit(1);
  }
  buildRendererIfMissing();
  await buildElectron();
  launch(runtime.executable);
}

main().catch((error) => {
  console.error('启动失败 / Start failed:', error);
  process.exit(1);
});
