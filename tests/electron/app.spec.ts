import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { findElectronRuntime, runtimeMissingMessage } from '../../scripts/electronRuntime.mjs';
import { BRIDGE_CHANNELS } from '../../shared/bridge';

// End-to-end smoke test of the desktop shell. It needs the Electron runtime (downloaded from
// the internet) and a build (`npm run build`); without them it is skipped with the reason.

const rootDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const runtime = findElectronRuntime(rootDir);
const builtFiles = [
  path.join(rootDir, 'dist-electron', 'main.cjs'),
  path.join(rootDir, 'dist', 'renderer', 'index.html'),
];
const missingBuild = builtFiles.filter((file) => !existsSync(file));

function skipReason(): string | null {
  if (!runtime.found) return runtimeMissingMessage(runtime);
  if (missingBuild.length > 0)
    return `尚未构建桌面版（缺少 ${missingBuild.join('、')}），请先运行 npm run build / run \`npm run build\` first.`;
  return null;
}

/** Chromium refuses to start as root with its sandbox on (CI containers run as root). */
function launchArgs(): string[] {
  return process.getuid?.() === 0 ? ['--no-sandbox', rootDir] : [rootDir];
}

function launchEnv(userDataDir: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value !== undefined && key !== 'ELECTRON_RUN_AS_NODE' && key !== 'YISHI_DEV_URL') env[key] = value;
  }
  // A fresh profile per run: the test never touches a user's IndexedDB or backups.
  env.YISHI_USER_DATA_DIR = userDataDir;
  return env;
}

test.describe('Electron desktop app', () => {
  const reason = skipReason();
  if (reason) {
    console.log(reason);
    test.skip(true, reason);
  }

  let app: ElectronApplication;
  let page: Page;
  let userDataDir: string;

  test.beforeAll(async () => {
    if (!runtime.found) return;
    userDataDir = mkdtempSync(path.join(tmpdir(), 'yishi-electron-e2e-'));
    app = await electron.launch({
      executablePath: runtime.executable,
      args: launchArgs(),
      cwd: rootDir,
      env: launchEnv(userDataDir),
    });
    page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
  });

  test.afterAll(async () => {
    await app?.close();
    if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
  });

  test('shows 议事厅 from the app:// origin', async () => {
    await expect(page).toHaveTitle(/议事厅/);
    expect(await page.evaluate(() => location.href)).toMatch(/^app:\/\/yishi\//);
  });

  test('exposes the bridge and nothing of Node', async () => {
    const globals = await page.evaluate(() => {
      const w = window as unknown as Record<string, unknown>;
      return {
        bridgeMethods: w.yishi && typeof w.yishi === 'object' ? Object.keys(w.yishi).sort() : null,
        require: typeof w.require,
        process: typeof w.process,
        module: typeof w.module,
        ipcRenderer: typeof w.ipcRenderer,
      };
    });
    expect(globals).toEqual({
      bridgeMethods: Object.keys(BRIDGE_CHANNELS).sort(),
      require: 'undefined',
      process: 'undefined',
      module: 'undefined',
      ipcRenderer: 'undefined',
    });
  });

  test('answers appInfo through the bridge with the fresh profile', async () => {
    const info = await page.evaluate(() =>
      (window as unknown as { yishi: { appInfo(): Promise<unknown> } }).yishi.appInfo(),
    );
    expect(info).toMatchObject({ name: '议事厅', platform: 'electron', dataLocation: userDataDir });
  });

  test('enforces the CSP and the offline lock in the page', async () => {
    const result = await page.evaluate(async () => {
      let evalBlocked = false;
      try {
        eval('1');
      } catch {
        evalBlocked = true;
      }
      let fetchBlocked = false;
      try {
        await fetch('https://example.com/');
      } catch {
        fetchBlocked = true;
      }
      return { evalBlocked, fetchBlocked, popup: window.open('https://example.com/') === null };
    });
    expect(result).toEqual({ evalBlocked: true, fetchBlocked: true, popup: true });
  });

  test('refuses to navigate away from the app', async () => {
    // file: rather than https: so that the test does not open the system browser.
    await page.evaluate(() => {
      location.href = 'file:///etc/hosts';
    });
    await page.waitForTimeout(500);
    expect(page.url()).toMatch(/^app:\/\/yishi\//);
  });

  test('a second instance hands over and exits', async () => {
    if (!runtime.found) return;
    const second = spawn(runtime.executable, launchArgs(), {
      cwd: rootDir,
      env: launchEnv(userDataDir),
      stdio: 'ignore',
    });
    const code = await new Promise<number | null>((resolve) => second.on('exit', resolve));
    expect(code).toBe(0);
    expect(app.windows()).toHaveLength(1);
  });
});
