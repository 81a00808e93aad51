import type { YishiBridge } from '../../shared/bridge';
import { createBrowserBridge } from './browserBridge';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in a plain browser. */
    yishi?: YishiBridge;
  }
}

export const APP_VERSION: string = __APP_VERSION__;

/** The platform bridge: Electron's when the preload provided one, otherwise the browser's. */
export const bridge: YishiBridge = window.yishi ?? createBrowserBridge(APP_VERSION);
