import { APP_HOST, APP_SCHEME, DEV_ORIGIN, type TrustOptions } from './config';

/** Longer URLs are not links a council secretary clicks; they are smuggling attempts. */
const MAX_EXTERNAL_URL_LENGTH = 2048;
/** Our own page URLs carry the HashRouter state, which can be long (search terms, filters). */
const MAX_OWN_URL_LENGTH = 32_768;

function parseUrl(value: unknown, maxLength = MAX_OWN_URL_LENGTH): URL | null {
  if (typeof value !== 'string' || value.length === 0 || value.length > maxLength) return null;
  try {
    return new URL(value);
  } catch {
    return null;
  }
}

/** C0 controls and DEL; a loop rather than a regex so lint's no-control-regex stays on. */
export function hasControlCharacter(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}

function hasCredentials(url: URL): boolean {
  return url.username !== '' || url.password !== '';
}

function isAppUrl(url: URL): boolean {
  return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST && !hasCredentials(url);
}

function isDevUrl(url: URL, options: TrustOptions): boolean {
  return options.dev && url.origin === DEV_ORIGIN && !hasCredentials(url);
}

function isOwnUrl(value: unknown, options: TrustOptions): boolean {
  const url = parseUrl(value);
  return url !== null && (isAppUrl(url) || isDevUrl(url, options));
}

/**
 * The normalised http(s) URL that may be handed to the operating system, or null.
 * The raw text is checked before parsing because the WHATWG parser quietly repairs what it
 * is given (`http:\\host`, `http:///x`, `http:host`), and Windows shells treat `\\host\share`
 * as a network path: only a plain `http(s)://host...` without backslashes or whitespace passes.
 */
export function safeExternalUrl(value: unknown): string | null {
  if (typeof value !== 'string' || /[\\\s]/.test(value) || hasControlCharacter(value)) return null;
  if (!/^https?:\/\/[^/]/i.test(value)) return null;
  const url = parseUrl(value, MAX_EXTERNAL_URL_LENGTH);
  if (!url) return null;
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (url.hostname === '' || hasCredentials(url)) return null;
  return url.href;
}

export function isSafeExternalUrl(value: unknown): boolean {
  return safeExternalUrl(value) !== null;
}

/** Only our own pages may ever be shown inside the window. */
export function isAllowedNavigation(value: unknown, options: TrustOptions): boolean {
  return isOwnUrl(value, options);
}

export interface NavigationDecision {
  allow: boolean;
  /** A validated link to open in the user's browser instead, or null. */
  openExternal: string | null;
}

export function navigationDecision(value: unknown, options: TrustOptions): NavigationDecision {
  if (isAllowedNavigation(value, options)) return { allow: true, openExternal: null };
  return { allow: false, openExternal: safeExternalUrl(value) };
}

/** New windows are never created; an http(s) link goes to the system browser. */
export function windowOpenDecision(value: unknown): NavigationDecision {
  return { allow: false, openExternal: safeExternalUrl(value) };
}

export { contentSecurityPolicy } from '../shared/csp';

/** Copying a minute to the clipboard is the only web permission the app uses. */
const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set(['clipboard-sanitized-write']);

export function permissionDecision(permission: unknown, requestingUrl: unknown, options: TrustOptions): boolean {
  return typeof permission === 'string' && ALLOWED_PERMISSIONS.has(permission) && isOwnUrl(requestingUrl, options);
}

/** IPC is answered only for our own page in the top frame, never for an embedded frame. */
export function isTrustedSender(frameUrl: unknown, isMainFrame: unknown, options: TrustOptions): boolean {
  return isMainFrame === true && isOwnUrl(frameUrl, options);
}

const NETWORK_PROTOCOLS: ReadonlySet<string> = new Set(['http:', 'https:', 'ws:', 'wss:', 'ftp:', 'file:']);

/**
 * Whether the session should cancel a request. The app is offline: network and file:
 * requests are cancelled, except the Vite server and its HMR socket in development. Other
 * schemes (app:, data:, blob:, devtools:) are left to their own rules so Electron internals keep
 * working; URLs without a scheme are cancelled.
 */
export function shouldBlockRequest(value: unknown, options: TrustOptions): boolean {
  if (typeof value !== 'string') return true;
  // The scheme is read before parsing: data: and blob: URLs of images can be megabytes long.
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(value)?.[1]?.toLowerCase();
  if (!scheme) return true;
  if (!NETWORK_PROTOCOLS.has(`${scheme}:`)) return false;
  const url = parseUrl(value);
  if (!url || !options.dev || hasCredentials(url)) return true;
  if (url.protocol === 'ws:') return url.host !== new URL(DEV_ORIGIN).host;
  return !isDevUrl(url, options);
}

/**
 * The dev server URL to load, or null. Ignored in a packaged app so that an environment
 * variable can never point an installed copy at remote content.
 */
export function resolveDevUrl(value: string | undefined, isPackaged: boolean): string | null {
  if (isPackaged || !value) return null;
  const url = parseUrl(value);
  return url && isDevUrl(url, { dev: true }) ? url.href : null;
}
