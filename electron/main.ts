import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  protocol,
  safeStorage,
  session,
  shell,
  type IpcMainInvokeEvent,
  type WebContents,
} from 'electron';
import { existsSync } from 'node:fs';
import * as fsp from 'node:fs/promises';
import path from 'node:path';
import { createAppRequestHandler } from './appProtocol';
import { writeFileAtomic } from './atomicWrite';
import { readFileRange } from './fileRange';
import { createBackupStore } from './backupStore';
import {
  APP_ENTRY_URL,
  APP_ID,
  APP_SCHEME,
  BACKUP_DIR_NAME,
  PRODUCT_NAME,
  resolveUserDataDir,
  type TrustOptions,
} from './config';
import { createIpcHandlers, type IpcEffects, type SenderInfo } from './ipc';
import { convertDocxToPdf, nodeOfficeEffects, officeCandidates } from './officePdf';
import {
  navigationDecision,
  permissionDecision,
  resolveDevUrl,
  shouldBlockRequest,
  windowOpenDecision,
} from './security';
import { appMenuTemplate, mainWindowOptions } from './windowSetup';

// Thin wiring only: every decision lives in a pure module with its own tests.

const devUrl = resolveDevUrl(process.env.YISHI_DEV_URL, app.isPackaged);
const trust: TrustOptions = { dev: devUrl !== null };
let mainWindow: BrowserWindow | null = null;

if (process.env.YISHI_DEV_URL && !devUrl) {
  console.warn(`[yishi] 已忽略 YISHI_DEV_URL=${process.env.YISHI_DEV_URL}：只接受未打包时的 http://127.0.0.1:4617`);
}

// Scheme privileges and the data folder must be fixed before the app is ready.
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
]);
app.setPath('userData', resolveUserDataDir(app.getPath('appData'), process.env.YISHI_USER_DATA_DIR, app.isPackaged));
app.setAppUserModelId(APP_ID);
app.enableSandbox();

function rendererRoot(): string {
  return path.join(app.getAppPath(), 'dist', 'renderer');
}

function backupDir(): string {
  return path.join(app.getPath('userData'), BACKUP_DIR_NAME);
}

function requireWindow(): BrowserWindow {
  if (!mainWindow || mainWindow.isDestroyed()) throw new Error('主窗口已关闭');
  return mainWindow;
}

function focusMainWindow(): void {
  if (!mainWindow || mainWindow.isDestroyed()) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}

function openExternally(url: string | null): void {
  if (url) shell.openExternal(url).catch((error: unknown) => console.error('[yishi] openExternal failed', error));
}

/** Applied to every web contents, including any Electron creates later. */
function lockDown(contents: WebContents): void {
  const guard = (event: { preventDefault(): void }, url: string) => {
    const decision = navigationDecision(url, trust);
    if (decision.allow) return;
    event.preventDefault();
    openExternally(decision.openExternal);
  };
  contents.on('will-navigate', (event) => guard(event, event.url));
  contents.on('will-redirect', (event) => guard(event, event.url));
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    openExternally(windowOpenDecision(url).openExternal);
    return { action: 'deny' };
  });
}

function hardenSession(): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_contents, permission, callback, details) =>
    callback(permissionDecision(permission, details.requestingUrl, trust)),
  );
  ses.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    permissionDecision(permission, requestingOrigin, trust),
  );
  ses.setDevicePermissionHandler(() => false);
  ses.webRequest.onBeforeRequest((details, callback) => callback({ cancel: shouldBlockRequest(details.url, trust) }));
}

function printWindow(): Promise<void> {
  return new Promise((resolve, reject) => {
    requireWindow().webContents.print({}, (success, failureReason) => {
      if (success || /cancel/i.test(failureReason)) resolve();
      else reject(new Error(`打印没有完成（${failureReason}）`));
    });
  });
}

function ipcEffects(): IpcEffects {
  return {
    appInfo: () => ({
      name: PRODUCT_NAME,
      version: app.getVersion(),
      platform: 'electron',
      dataLocation: app.getPath('userData'),
      backupLocation: backupDir(),
    }),
    showSaveDialog: async ({ suggestedName, filters }) => {
      const result = await dialog.showSaveDialog(requireWindow(), {
        title: '保存文件',
        defaultPath: path.join(app.getPath('documents'), suggestedName),
        filters,
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      });
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    showOpenDialog: async ({ filters }) => {
      const result = await dialog.showOpenDialog(requireWindow(), {
        title: '打开文件',
        properties: ['openFile'],
        filters,
      });
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    readFile: (filePath) => fsp.readFile(filePath),
    readFileRange: (filePath, position, length) => readFileRange(filePath, position, length),
    writeFileAtomic: (filePath, bytes) => writeFileAtomic(filePath, bytes),
    stat: (filePath) => fsp.stat(filePath),
    printWindow,
    printToPdf: async () =>
      new Uint8Array(await requireWindow().webContents.printToPDF({ pageSize: 'A4', printBackground: true })),
    backups: createBackupStore(backupDir()),
    now: () => new Date(),
    safeStorage,
    platform: process.platform,
    convertDocxToPdf: (documents) =>
      convertDocxToPdf(documents, nodeOfficeEffects(), officeCandidates(process.platform, process.env)),
  };
}

function senderInfo(event: IpcMainInvokeEvent): SenderInfo {
  const frame = event.senderFrame;
  if (!frame || !mainWindow || mainWindow.isDestroyed() || event.sender !== mainWindow.webContents) {
    return { frameUrl: null, isMainFrame: false };
  }
  return { frameUrl: frame.url, isMainFrame: frame.parent === null };
}

function registerIpc(): void {
  const handlers = createIpcHandlers(ipcEffects(), trust);
  for (const [channel, handler] of Object.entries(handlers)) {
    ipcMain.handle(channel, (event, ...args: unknown[]) => handler(senderInfo(event), args));
  }
}

function createMainWindow(): BrowserWindow {
  const window = new BrowserWindow(mainWindowOptions(path.join(__dirname, 'preload.cjs'), trust.dev));
  window.once('ready-to-show', () => window.show());
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });
  window.webContents.on('render-process-gone', (_event, details) =>
    console.error('[yishi] renderer process gone', details.reason),
  );
  window.loadURL(devUrl ?? APP_ENTRY_URL).catch((error: unknown) => console.error('[yishi] load failed', error));
  return window;
}

async function start(): Promise<void> {
  hardenSession();
  const root = rendererRoot();
  if (!devUrl && !existsSync(path.join(root, 'index.html'))) {
    console.error(`[yishi] 找不到界面文件 ${root}/index.html，请先运行 npm run build`);
  }
  protocol.handle(
    APP_SCHEME,
    createAppRequestHandler(root, (filePath) => fsp.readFile(filePath)),
  );
  registerIpc();
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(appMenuTemplate({ isMac: process.platform === 'darwin', dev: trust.dev })),
  );
  mainWindow = createMainWindow();
}

function fail(error: unknown): void {
  const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
  dialog.showErrorBox(`${PRODUCT_NAME}无法启动`, message);
  app.exit(1);
}

// Two instances on one IndexedDB corrupt or block it: the second one hands over and quits.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', focusMainWindow);
  app.on('web-contents-created', (_event, contents) => lockDown(contents));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (app.isReady() && BrowserWindow.getAllWindows().length === 0) mainWindow = createMainWindow();
  });
  app.whenReady().then(start).catch(fail);
}
