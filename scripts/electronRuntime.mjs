// Finds the Electron executable without loading the `electron` package: its index.js starts a
// download when the binary is missing, which hangs and fails on a machine without internet.
import * as nodeFs from 'node:fs';
import path from 'node:path';

export const DOMESTIC_ELECTRON_MIRROR = 'https://npmmirror.com/mirrors/electron/';

/** What electron's own install.js writes into path.txt, per platform. */
export function platformExecutable(platform) {
  if (platform === 'darwin' || platform === 'mas') return 'Electron.app/Contents/MacOS/Electron';
  if (platform === 'win32') return 'electron.exe';
  return 'electron';
}

function readText(fs, file) {
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch {
    return null;
  }
}

/**
 * @returns {{ found: true, executable: string } | { found: false, reason: 'package-missing' | 'binary-missing', checked: string }}
 */
export function findElectronRuntime(rootDir, options = {}) {
  const fs = options.fs ?? nodeFs;
  const env = options.env ?? process.env;
  const platform = options.platform ?? process.platform;
  const packageDir = path.join(rootDir, 'node_modules', 'electron');
  if (!fs.existsSync(path.join(packageDir, 'package.json'))) {
    return { found: false, reason: 'package-missing', checked: packageDir };
  }
  const relative = readText(fs, path.join(packageDir, 'path.txt')) || platformExecutable(platform);
  // path.txt is written by electron's installer; refuse anything that climbs out of dist/.
  if (path.isAbsolute(relative) || relative.split(/[\\/]/).includes('..')) {
    return { found: false, reason: 'binary-missing', checked: path.join(packageDir, 'path.txt') };
  }
  const distDir = env.ELECTRON_OVERRIDE_DIST_PATH || path.join(packageDir, 'dist');
  const executable = path.join(distDir, relative);
  return fs.existsSync(executable)
    ? { found: true, executable }
    : { found: false, reason: 'binary-missing', checked: executable };
}

/**
 * Chinese first, then English: most users of this app read Chinese. Electron 45 has no
 * postinstall step, so `npm install` alone never downloads the runtime; install.js does.
 */
export function runtimeMissingMessage(result) {
  const where = result.checked ?? '';
  return [
    `未安装 Electron 运行时（查找位置：${where}）。`,
    '桌面版需要 Electron 运行时，它要从网上下载；当前版本的 Electron 在 npm install 时不会自动下载。获取方法（任选其一）：',
    '  1. 在能上网的电脑上，于项目目录运行：npx install-electron（等同于 node node_modules/electron/install.js）；',
    `  2. 国内网络可先设置镜像：ELECTRON_MIRROR=${DOMESTIC_ELECTRON_MIRROR} npx install-electron`,
    `     （Windows 命令行先运行 set ELECTRON_MIRROR=${DOMESTIC_ELECTRON_MIRROR}）；`,
    '  3. 完全离线的电脑：把别处下载的 Electron 压缩包解压到一个文件夹，设置 ELECTRON_OVERRIDE_DIST_PATH 指向它。',
    '在此之前，可以运行 npm run web，用浏览器打开 http://127.0.0.1:4617/ 使用同一个应用。',
    '',
    `The Electron runtime is not installed (looked in: ${where}).`,
    'The desktop app needs it and it must be downloaded; this Electron version does not download it during npm install. To get it:',
    '  1. on a machine with internet access, run `npx install-electron` in the project (same as `node node_modules/electron/install.js`);',
    `  2. behind a slow connection, use a mirror: ELECTRON_MIRROR=${DOMESTIC_ELECTRON_MIRROR} npx install-electron`,
    '  3. fully offline: unzip an Electron release somewhere and point ELECTRON_OVERRIDE_DIST_PATH at that folder.',
    'Meanwhile `npm run web` serves the same app in a browser at http://127.0.0.1:4617/ .',
  ].join('\n');
}
