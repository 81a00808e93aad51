import path from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { MIN_WINDOW_HEIGHT, MIN_WINDOW_WIDTH, USER_DATA_DIR_NAME, resolveUserDataDir } from './config';
import { appMenuTemplate, mainWindowOptions } from './windowSetup';

describe('mainWindowOptions', () => {
  const options = mainWindowOptions('/app/dist-electron/preload.cjs', false);
  const prefs = options.webPreferences ?? {};

  it.each([
    ['contextIsolation', true],
    ['sandbox', true],
    ['nodeIntegration', false],
    ['nodeIntegrationInWorker', false],
    ['nodeIntegrationInSubFrames', false],
    ['webSecurity', true],
    ['allowRunningInsecureContent', false],
    ['webviewTag', false],
    ['experimentalFeatures', false],
    ['navigateOnDragDrop', false],
    ['spellcheck', false],
    ['devTools', false],
  ] as const)('sets %s to %s', (key, value) => {
    expect(prefs[key]).toBe(value);
  });

  it('loads the built preload and enables no Blink features', () => {
    expect(prefs.preload).toBe('/app/dist-electron/preload.cjs');
    expect(prefs.enableBlinkFeatures).toBeUndefined();
    expect(prefs.additionalArguments).toBeUndefined();
  });

  it('has the minimum size of a council projector screen', () => {
    expect(options.minWidth).toBe(MIN_WINDOW_WIDTH);
    expect(options.minHeight).toBe(MIN_WINDOW_HEIGHT);
    expect([MIN_WINDOW_WIDTH, MIN_WINDOW_HEIGHT]).toEqual([1280, 720]);
  });

  it('allows devtools only in dev mode', () => {
    expect(mainWindowOptions('/p', true).webPreferences?.devTools).toBe(true);
  });
});

function roles(template: MenuItemConstructorOptions[]): string[] {
  return template.flatMap((item) => {
    const sub = Array.isArray(item.submenu) ? roles(item.submenu) : [];
    return item.role ? [item.role, ...sub] : sub;
  });
}

describe('appMenuTemplate', () => {
  it.each([false, true])('keeps the edit shortcuts and zoom (mac: %s)', (isMac) => {
    const found = roles(appMenuTemplate({ isMac, dev: false }));
    for (const role of [
      'undo',
      'redo',
      'cut',
      'copy',
      'paste',
      'selectAll',
      'zoomIn',
      'zoomOut',
      'resetZoom',
      'quit',
    ]) {
      expect(found).toContain(role);
    }
  });

  it('has no reload or devtools in production', () => {
    const found = roles(appMenuTemplate({ isMac: false, dev: false }));
    expect(found).not.toContain('reload');
    expect(found).not.toContain('forceReload');
    expect(found).not.toContain('toggleDevTools');
    expect(roles(appMenuTemplate({ isMac: false, dev: true }))).toContain('toggleDevTools');
  });

  it('labels every top-level menu in Chinese', () => {
    for (const item of appMenuTemplate({ isMac: false, dev: false })) expect(item.label).toMatch(/[\u4e00-\u9fff]/);
  });
});

describe('resolveUserDataDir', () => {
  const appData = path.resolve('/home/u/.config');

  it('uses a fixed folder name, whatever the product is called', () => {
    expect(resolveUserDataDir(appData, undefined, true)).toBe(path.join(appData, USER_DATA_DIR_NAME));
    expect(USER_DATA_DIR_NAME).toBe('yishi');
  });

  it('lets an unpackaged app (tests) use a fresh folder', () => {
    const fresh = path.resolve('/tmp/yishi-e2e-1');
    expect(resolveUserDataDir(appData, fresh, false)).toBe(fresh);
  });

  it('ignores the override in an installed app and relative overrides anywhere', () => {
    expect(resolveUserDataDir(appData, path.resolve('/tmp/x'), true)).toBe(path.join(appData, 'yishi'));
    expect(resolveUserDataDir(appData, 'relative/dir', false)).toBe(path.join(appData, 'yishi'));
  });
});
