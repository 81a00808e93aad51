import path from 'node:path';

/**
 * Names that must never change once users have data: IndexedDB belongs to the page origin
 * (app://yishi) and to the userData folder, so renaming either makes old records invisible.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'yishi';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;
export const APP_ID = 'cn.yishi.app';
export const PRODUCT_NAME = '议事厅';
export const USER_DATA_DIR_NAME = 'yishi';
export const BACKUP_DIR_NAME = 'backups';

/** The Vite dev server (`npm run dev`); only ever trusted in an unpackaged app. */
export const DEV_ORIGIN = 'http://127.0.0.1:4617';

export const MIN_WINDOW_WIDTH = 1280;
export const MIN_WINDOW_HEIGHT = 720;

/** Whether the dev server is trusted; passed to every check so tests can flip it. */
export interface TrustOptions {
  dev: boolean;
}

/**
 * The userData folder, fixed by name so that renaming the product never hides old data.
 * Tests point an unpackaged app at a fresh folder with YISHI_USER_DATA_DIR; an installed copy
 * ignores it so a stray variable cannot make a user's data seem to vanish.
 */
export function resolveUserDataDir(appDataDir: string, overrideDir: string | undefined, isPackaged: boolean): string {
  if (!isPackaged && overrideDir && path.isAbsolute(overrideDir)) return path.resolve(overrideDir);
  return path.join(appDataDir, USER_DATA_DIR_NAME);
}
