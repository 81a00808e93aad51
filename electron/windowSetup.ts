import type { BrowserWindowConstructorOptions, MenuItemConstructorOptions } from 'electron';
import { MIN_WINDOW_HEIGHT, MIN_WINDOW_WIDTH, PRODUCT_NAME } from './config';

/** Every security-relevant preference is spelled out, even where it is Electron's default. */
export function mainWindowOptions(preloadPath: string, dev: boolean): BrowserWindowConstructorOptions {
  return {
    title: PRODUCT_NAME,
    width: 1440,
    height: 900,
    minWidth: MIN_WINDOW_WIDTH,
    minHeight: MIN_WINDOW_HEIGHT,
    // Shown on ready-to-show so users never see a blank white frame.
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      // The spellchecker downloads dictionaries from the internet and has none for Chinese.
      spellcheck: false,
      devTools: dev,
    },
  };
}

/**
 * A small Chinese menu. It exists mainly for the edit shortcuts (macOS has no copy/paste
 * without a menu) and for zoom, which older council members rely on.
 */
export function appMenuTemplate(options: { isMac: boolean; dev: boolean }): MenuItemConstructorOptions[] {
  const template: MenuItemConstructorOptions[] = [];
  if (options.isMac) {
    template.push({
      label: PRODUCT_NAME,
      submenu: [
        { role: 'about', label: `关于${PRODUCT_NAME}` },
        { type: 'separator' },
        { role: 'hide', label: `隐藏${PRODUCT_NAME}` },
        { role: 'quit', label: `退出${PRODUCT_NAME}` },
      ],
    });
  } else {
    template.push({ label: '文件', submenu: [{ role: 'quit', label: '退出' }] });
  }
  template.push({
    label: '编辑',
    submenu: [
      { role: 'undo', label: '撤销' },
      { role: 'redo', label: '重做' },
      { type: 'separator' },
      { role: 'cut', label: '剪切' },
      { role: 'copy', label: '复制' },
      { role: 'paste', label: '粘贴' },
      { role: 'pasteAndMatchStyle', label: '粘贴为纯文本' },
      { role: 'selectAll', label: '全选' },
    ],
  });
  const view: MenuItemConstructorOptions[] = [
    { role: 'zoomIn', label: '放大' },
    { role: 'zoomOut', label: '缩小' },
    { role: 'resetZoom', label: '实际大小' },
    { type: 'separator' },
    { role: 'togglefullscreen', label: '全屏' },
  ];
  // Reloading discards unsaved typing and devtools can edit the database: development only.
  if (options.dev)
    view.push(
      { type: 'separator' },
      { role: 'reload', label: '重新加载' },
      { role: 'toggleDevTools', label: '开发者工具' },
    );
  template.push({ label: '视图', submenu: view });
  template.push({
    label: '窗口',
    submenu: [
      { role: 'minimize', label: '最小化' },
      { role: 'close', label: '关闭窗口' },
    ],
  });
  return template;
}
