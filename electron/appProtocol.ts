import path from 'node:path';
import { APP_HOST, APP_SCHEME } from './config';
import { contentSecurityPolicy, hasControlCharacter } from './security';

const MAX_REQUEST_URL_LENGTH = 4096;
/** Vite writes ASCII names like `assets/index-Bx3_k9.js`; anything else is not ours. */
const SAFE_PATHNAME = /^[A-Za-z0-9._\-/@+~]*$/;
const INDEX_FILE = 'index.html';

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
};

/** Module scripts are refused by Chromium unless the MIME type is exact, so guess nothing. */
export function mimeTypeFor(filePath: string): string {
  return MIME_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

function hasDotDotSegment(value: string): boolean {
  return /(^|[/\\])\.\.([/\\?#]|$)/.test(value);
}

/**
 * Checks on the raw string, before the URL parser normalises `..` and `%2e%2e` away: a request
 * that tried to climb out is refused outright instead of being silently rewritten.
 */
function looksLikeTraversal(requestUrl: string): boolean {
  if (requestUrl.includes('\\') || hasControlCharacter(requestUrl)) return true;
  let decoded: string;
  try {
    decoded = decodeURIComponent(requestUrl);
  } catch {
    return true;
  }
  return decoded.includes('\\') || hasControlCharacter(decoded) || hasDotDotSegment(decoded);
}

function relativeSegments(pathname: string): string[] | null {
  if (!SAFE_PATHNAME.test(pathname)) return null;
  if (pathname === '' || pathname === '/') return [INDEX_FILE];
  const segments = pathname.replace(/^\//, '').split('/');
  // Empty segments (`//`) and dot-files (`.`, `..`, `.vite`) are never part of the build.
  if (segments.some((s) => s === '' || s.startsWith('.'))) return null;
  return segments;
}

/**
 * The file inside rootDir that an `app://yishi/...` request asks for, or null when the
 * request is malformed, for another host, or would leave rootDir.
 */
export function resolveAppRequest(requestUrl: unknown, rootDir: string): string | null {
  if (typeof requestUrl !== 'string' || requestUrl.length > MAX_REQUEST_URL_LENGTH) return null;
  if (looksLikeTraversal(requestUrl)) return null;
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST || url.username || url.password) return null;
  const segments = relativeSegments(url.pathname);
  if (!segments) return null;
  const root = path.resolve(rootDir);
  const filePath = path.resolve(root, ...segments);
  const relative = path.relative(root, filePath);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return null;
  return filePath;
}

export function appResponseHeaders(filePath: string): Record<string, string> {
  return {
    'Content-Type': mimeTypeFor(filePath),
    'Content-Security-Policy': contentSecurityPolicy(),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-cache',
  };
}

export interface AppRequestLike {
  url: string;
  method: string;
}

export type ReadFileEffect = (filePath: string) => Promise<Uint8Array>;

function errorCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : undefined;
}

function textResponse(status: number, text: string): Response {
  return new Response(text, {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Security-Policy': contentSecurityPolicy() },
  });
}

/** The `protocol.handle('app', ...)` handler, with file reading injected for tests. */
export function createAppRequestHandler(rootDir: string, readFile: ReadFileEffect) {
  return async (request: AppRequestLike): Promise<Response> => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return textResponse(405, 'Method Not Allowed');
    const filePath = resolveAppRequest(request.url, rootDir);
    if (!filePath) return textResponse(404, 'Not Found');
    let body: Uint8Array;
    try {
      body = await readFile(filePath);
    } catch (error) {
      const code = errorCode(error);
      return code === 'ENOENT' || code === 'EISDIR' || code === 'ENOTDIR'
        ? textResponse(404, 'Not Found')
        : textResponse(500, 'Internal Error');
    }
    const headers = appResponseHeaders(filePath);
    // A copy keeps the Response independent of a pooled Node Buffer and satisfies BodyInit.
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers });
  };
}
