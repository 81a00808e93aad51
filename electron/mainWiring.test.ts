import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildElectron } from '../scripts/build-electron.mjs';
import { BRIDGE_CHANNELS } from '../shared/bridge';

// Runs the built main.cjs against a fake Electron: the real binary cannot be downloaded here,
// and this checks the wiring (order of startup calls, handlers installed) that unit tests miss.

type Listener = (...args: unknown[]) => unknown;
const nodeRequire = createRequire(import.meta.url);
let workDir: string;
let mainCode: string;

beforeAll(async () => {
  workDir = await mkdtemp(path.join(tmpdir(), 'yishi-main-'));
  await buildElectron({ outDir: path.join(workDir, 'dist-electron') });
  await mkdir(path.join(workDir, 'dist', 'renderer'), { recursive: true });
  await writeFile(path.join(workDir, 'dist', 'renderer', 'index.html'), '<title>议事厅</title>');
  mainCode = await readFile(path.join(workDir, 'dist-electron', 'main.cjs'), 'utf8');
}, 60_000);

afterAll(async () => {
  await rm(workDir, { recursive: true, force: true });
});

function emitter() {
  const listeners = new Map<string, Listener[]>();
  return {
    listeners,
    on: vi.fn((event: string, fn: Listener) => void listeners.set(event, [...(listeners.get(event) ?? []), fn])),
    once: vi.fn((event: string, fn: Listener) => void listeners.set(event, [...(listeners.get(event) ?? []), fn])),
    emit: (event: string, ...args: unknown[]) => (listeners.get(event) ?? []).map((fn) => fn(...args)),
  };
}

function fakeContents() {
  const events = emitter();
  const frame = { url: 'app://yishi/index.html', parent: null };
  return { ...events, mainFrame: frame, setWindowOpenHandler: vi.fn(), print: vi.fn(), printToPDF: vi.fn() };
}

function fakeElectron(options: { lock?: boolean; isPackaged?: boolean }) {
  const appEvents = emitter();
  const windows: FakeWindow[] = [];
  class FakeWindow {
    webContents = fakeContents();
    events = emitter();
    once = this.events.once;
    on = this.events.on;
    loadURL = vi.fn(async () => undefined);
    isDestroyed = () => false;
    isMinimized = vi.fn(() => true);
    restore = vi.fn();
    show = vi.fn();
    focus = vi.fn();
    constructor(public options: { webPreferences: Record<string, unknown> }) {
      windows.push(this);
    }
    static getAllWindows = () => windows;
  }
  const ses = {
    setPermissionRequestHandler: vi.fn(),
    setPermissionCheckHandler: vi.fn(),
    setDevicePermissionHandler: vi.fn(),
    webRequest: { onBeforeRequest: vi.fn() },
  };
  const electron = {
    app: {
      ...appEvents,
      isPackaged: options.isPackaged ?? false,
      getPath: (name: string) => path.join(workDir, 'paths', name),
      setPath: vi.fn(),
      setAppUserModelId: vi.fn(),
      enableSandbox: vi.fn(),
      requestSingleInstanceLock: vi.fn(() => options.lock ?? true),
      quit: vi.fn(),
      exit: vi.fn(),
      whenReady: vi.fn(() => Promise.resolve()),
      isReady: () => true,
      getAppPath: () => workDir,
      getVersion: () => '0.1.0',
    },
    protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
    session: { defaultSession: ses },
    ipcMain: { handle: vi.fn() },
    shell: { openExternal: vi.fn(async () => undefined) },
    dialog: { showErrorBox: vi.fn(), showSaveDialog: vi.fn(), showOpenDialog: vi.fn() },
    Menu: { setApplicationMenu: vi.fn(), buildFromTemplate: vi.fn((template: unknown) => template) },
    BrowserWindow: FakeWindow,
  };
  return { electron, ses, windows, appEvents };
}

async function runMain(options: { lock?: boolean; isPackaged?: boolean; env?: Record<string, string> } = {}) {
  const fake = fakeElectron(options);
  const fakeProcess = Object.create(process, { env: { value: { ...options.env } } }) as NodeJS.Process;
  const run = vm.compileFunction(mainCode, ['require', 'module', 'exports', '__filename', '__dirname', 'process']);
  const module = { exports: {} };
  const mainFile = path.join(workDir, 'dist-electron', 'main.cjs');
  const load = (id: string) => (id === 'electron' ? fake.electron : nodeRequire(id));
  run(load, module, module.exports, mainFile, path.dirname(mainFile), fakeProcess);
  await new Promise((resolve) => setTimeout(resolve, 20));
  return fake;
}

function lastHandler<T = Listener>(mock: { mock: { calls: unknown[][] } }, index = 0): T {
  return mock.mock.calls.at(-1)?.[index] as T;
}

describe('main process wiring', () => {
  beforeAll(() => {
    // main.ts warns about a refused YISHI_DEV_URL; expected here, noise in the test log.
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  });

  afterAll(() => {
    vi.mocked(console.warn).mockRestore();
  });

  it('registers app:// as standard and secure, before the app is ready', async () => {
    const { electron } = await runMain();
    expect(electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
    ]);
    const order = (fn: { mock: { invocationCallOrder: number[] } }) => fn.mock.invocationCallOrder[0] ?? Infinity;
    expect(order(electron.protocol.registerSchemesAsPrivileged)).toBeLessThan(order(electron.app.whenReady));
    expect(order(electron.app.setPath)).toBeLessThan(order(electron.app.requestSingleInstanceLock));
  });

  it('fixes userData to <appData>/yishi and enables the sandbox everywhere', async () => {
    const { electron } = await runMain({ isPackaged: true, env: { YISHI_USER_DATA_DIR: '/tmp/elsewhere' } });
    expect(electron.app.setPath).toHaveBeenCalledWith('userData', path.join(workDir, 'paths', 'appData', 'yishi'));
    expect(electron.app.enableSandbox).toHaveBeenCalled();
  });

  it('quits at once when another instance holds the lock', async () => {
    const { electron } = await runMain({ lock: false });
    expect(electron.app.quit).toHaveBeenCalled();
    expect(electron.app.whenReady).not.toHaveBeenCalled();
    expect(electron.ipcMain.handle).not.toHaveBeenCalled();
  });

  it('focuses the existing window when a second instance starts', async () => {
    const { appEvents, windows } = await runMain();
    appEvents.emit('second-instance');
    expect(windows[0]?.restore).toHaveBeenCalled();
    expect(windows[0]?.focus).toHaveBeenCalled();
  });

  it('opens one locked-down window on app://yishi/index.html', async () => {
    const { windows } = await runMain();
    expect(windows).toHaveLength(1);
    const prefs = windows[0]?.options.webPreferences ?? {};
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
    expect(prefs.preload).toBe(path.join(workDir, 'dist-electron', 'preload.cjs'));
    expect(windows[0]?.loadURL).toHaveBeenCalledWith('app://yishi/index.html');
  });

  it.each([
    [{ YISHI_DEV_URL: 'http://127.0.0.1:4617/' }, false, 'http://127.0.0.1:4617/'],
    [{ YISHI_DEV_URL: 'http://127.0.0.1:4617/' }, true, 'app://yishi/index.html'],
    [{ YISHI_DEV_URL: 'https://evil.example/' }, false, 'app://yishi/index.html'],
  ])('with %j (packaged: %s) loads %s', async (env, isPackaged, url) => {
    const { windows } = await runMain({ env, isPackaged });
    expect(windows[0]?.loadURL).toHaveBeenCalledWith(url);
  });

  it('denies permissions by default and cancels network requests', async () => {
    const { ses } = await runMain();
    const request = lastHandler<Listener>(ses.setPermissionRequestHandler);
    const answers: boolean[] = [];
    request(null, 'media', (ok: boolean) => answers.push(ok), { requestingUrl: 'app://yishi/index.html' });
    request(null, 'clipboard-sanitized-write', (ok: boolean) => answers.push(ok), {
      requestingUrl: 'app://yishi/index.html',
    });
    expect(answers).toEqual([false, true]);
    expect(lastHandler<Listener>(ses.setPermissionCheckHandler)(null, 'geolocation', 'app://yishi')).toBe(false);
    expect(lastHandler<Listener>(ses.setDevicePermissionHandler)()).toBe(false);
    const cancelled: unknown[] = [];
    const onRequest = lastHandler<Listener>(ses.webRequest.onBeforeRequest);
    onRequest({ url: 'https://cdn.example.com/x.js' }, (r: unknown) => cancelled.push(r));
    onRequest({ url: 'app://yishi/assets/x.js' }, (r: unknown) => cancelled.push(r));
    expect(cancelled).toEqual([{ cancel: true }, { cancel: false }]);
  });

  it('serves app:// through the traversal guard', async () => {
    const { electron } = await runMain();
    const [scheme, handler] = electron.protocol.handle.mock.calls.at(-1) as [string, Listener];
    expect(scheme).toBe('app');
    const ok = (await handler({ url: 'app://yishi/', method: 'GET' })) as Response;
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-security-policy')).toContain("default-src 'self'");
    const escape = (await handler({ url: 'app://yishi/%2e%2e/%2e%2e/etc/passwd', method: 'GET' })) as Response;
    expect(escape.status).toBe(404);
  });

  it('locks navigation, window.open and webviews on every web contents', async () => {
    const { electron, appEvents } = await runMain();
    const contents = fakeContents();
    appEvents.emit('web-contents-created', {}, contents);
    const navigate = (url: string) => {
      const event = { url, preventDefault: vi.fn() };
      contents.emit('will-navigate', event);
      return event.preventDefault.mock.calls.length > 0;
    };
    expect(navigate('app://yishi/index.html#/meetings')).toBe(false);
    expect(navigate('file:///etc/passwd')).toBe(true);
    expect(electron.shell.openExternal).not.toHaveBeenCalled();
    expect(navigate('https://www.gov.cn/')).toBe(true);
    expect(electron.shell.openExternal).toHaveBeenCalledWith('https://www.gov.cn/');
    const openHandler = lastHandler<(d: { url: string }) => unknown>(contents.setWindowOpenHandler);
    expect(openHandler({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' });
    expect(openHandler({ url: 'app://yishi/index.html' })).toEqual({ action: 'deny' });
    const webview = { preventDefault: vi.fn() };
    contents.emit('will-attach-webview', webview);
    expect(webview.preventDefault).toHaveBeenCalled();
  });

  it('registers one IPC handler per channel and checks who is calling', async () => {
    const { electron, windows } = await runMain();
    const registered = new Map(electron.ipcMain.handle.mock.calls.map((c) => c as [string, Listener]));
    expect([...registered.keys()].sort()).toEqual(Object.values(BRIDGE_CHANNELS).sort());
    const appInfo = registered.get(BRIDGE_CHANNELS.appInfo) as Listener;
    const own = windows[0]?.webContents;
    const fromApp = { sender: own, senderFrame: { url: 'app://yishi/index.html', parent: null } };
    await expect(appInfo(fromApp)).resolves.toMatchObject({ name: '议事厅', platform: 'electron' });
    const fromSubframe = { sender: own, senderFrame: { url: 'app://yishi/index.html', parent: {} } };
    await expect(appInfo(fromSubframe)).rejects.toThrow('已拒绝');
    const fromOtherContents = { sender: fakeContents(), senderFrame: { url: 'app://yishi/index.html', parent: null } };
    await expect(appInfo(fromOtherContents)).rejects.toThrow('已拒绝');
  });
});
