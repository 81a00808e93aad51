import { describe, expect, it } from 'vitest';
import {
  contentSecurityPolicy,
  isAllowedNavigation,
  isSafeExternalUrl,
  isTrustedSender,
  navigationDecision,
  permissionDecision,
  resolveDevUrl,
  safeExternalUrl,
  shouldBlockRequest,
  windowOpenDecision,
} from './security';

const prod = { dev: false };
const dev = { dev: true };

describe('isSafeExternalUrl', () => {
  it.each(['https://www.gov.cn/', 'http://example.com/a?b=1#c', 'https://例子.中国/路径'])('accepts %s', (url) => {
    expect(isSafeExternalUrl(url)).toBe(true);
  });

  it.each([
    ['javascript:', 'javascript:alert(1)'],
    ['javascript: with padding', '  javascript:alert(1)'],
    ['mixed-case javascript:', 'JaVaScRiPt:alert(1)'],
    ['file:', 'file:///C:/Windows/System32/calc.exe'],
    ['data:', 'data:text/html,<script>alert(1)</script>'],
    ['UNC path', '\\\\evil-host\\share\\x.exe'],
    ['backslash host', 'http:\\\\evil.com\\x'],
    ['smb:', 'smb://host/share'],
    ['custom protocol handler', 'ms-msdt:/id PCWDiagnostic'],
    ['our own app:', 'app://yishi/index.html'],
    ['credentials', 'https://user:pass@example.com/'],
    ['user only', 'https://user@example.com/'],
    ['embedded newline', 'https://example.com/\nfile:///x'],
    ['tab', 'https://exa\tmple.com/'],
    ['empty', ''],
    ['relative', '/index.html'],
    ['no host', 'http:///path'],
    ['missing slashes', 'http:example.com'],
    ['overlong', `https://example.com/${'a'.repeat(3000)}`],
  ])('rejects %s', (_label, url) => {
    expect(isSafeExternalUrl(url)).toBe(false);
  });

  it.each([undefined, null, 42, {}, ['https://example.com'], new URL('https://example.com')])(
    'rejects non-string %s',
    (value) => {
      expect(isSafeExternalUrl(value)).toBe(false);
    },
  );

  it('returns the normalised URL that is handed to the OS', () => {
    expect(safeExternalUrl('HTTPS://Example.COM')).toBe('https://example.com/');
  });
});

describe('navigation lock', () => {
  it('allows our own app:// pages, including hash routes', () => {
    expect(isAllowedNavigation('app://yishi/index.html', prod)).toBe(true);
    expect(isAllowedNavigation('app://yishi/index.html#/meetings/1', prod)).toBe(true);
  });

  it.each([
    'https://example.com/',
    'http://127.0.0.1:4617/',
    'app://other/index.html',
    'app://yishi.evil.com/index.html',
    'app://yishi:8080/index.html',
    'app://user@yishi/index.html',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'about:blank',
    'data:text/html,hi',
  ])('blocks %s in production', (url) => {
    expect(isAllowedNavigation(url, prod)).toBe(false);
  });

  it('allows the dev server only in dev mode and only on its exact origin', () => {
    expect(isAllowedNavigation('http://127.0.0.1:4617/#/x', dev)).toBe(true);
    expect(isAllowedNavigation('http://127.0.0.1:4618/', dev)).toBe(false);
    expect(isAllowedNavigation('http://localhost:4617/', dev)).toBe(false);
    expect(isAllowedNavigation('https://127.0.0.1:4617/', dev)).toBe(false);
    expect(isAllowedNavigation('http://127.0.0.1:4617@evil.com/', dev)).toBe(false);
  });

  it('sends a blocked http(s) link to the browser but never a dangerous one', () => {
    expect(navigationDecision('https://example.com/', prod)).toEqual({
      allow: false,
      openExternal: 'https://example.com/',
    });
    expect(navigationDecision('file:///etc/passwd', prod)).toEqual({ allow: false, openExternal: null });
    expect(navigationDecision('app://yishi/index.html', prod)).toEqual({ allow: true, openExternal: null });
  });

  it('never opens a new window, even for our own pages', () => {
    expect(windowOpenDecision('app://yishi/index.html')).toEqual({ allow: false, openExternal: null });
    expect(windowOpenDecision('javascript:alert(1)')).toEqual({ allow: false, openExternal: null });
    expect(windowOpenDecision('https://example.com/')).toEqual({ allow: false, openExternal: 'https://example.com/' });
  });
});

describe('contentSecurityPolicy', () => {
  const csp = contentSecurityPolicy();
  const directives = new Map(
    csp.split(';').map((part) => {
      const [name, ...values] = part.trim().split(/\s+/);
      return [name, values] as const;
    }),
  );

  it.each([
    ['default-src', ["'self'"]],
    ['script-src', ["'self'"]],
    ['style-src', ["'self'", "'unsafe-inline'"]],
    ['img-src', ["'self'", 'data:', 'blob:']],
    ['font-src', ["'self'", 'data:']],
    ['connect-src', ["'self'"]],
    ['object-src', ["'none'"]],
    ['base-uri', ["'none'"]],
    ['frame-ancestors', ["'none'"]],
    ['form-action', ["'none'"]],
  ])('sets %s', (name, values) => {
    expect(directives.get(name)).toEqual(values);
  });

  it('never allows eval, inline scripts or remote hosts', () => {
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).not.toContain('wasm-unsafe-eval');
    expect(directives.get('script-src')).not.toContain("'unsafe-inline'");
    expect(csp).not.toMatch(/https?:|\*/);
  });
});

describe('permissionDecision', () => {
  it.each([
    'media',
    'geolocation',
    'notifications',
    'openExternal',
    'clipboard-read',
    'hid',
    'usb',
    'serial',
    'fullscreen',
    'display-capture',
    'unknown',
  ])('denies %s', (permission) => {
    expect(permissionDecision(permission, 'app://yishi/index.html', prod)).toBe(false);
  });

  it('allows writing to the clipboard from our own page only', () => {
    expect(permissionDecision('clipboard-sanitized-write', 'app://yishi/index.html', prod)).toBe(true);
    expect(permissionDecision('clipboard-sanitized-write', 'app://yishi', prod)).toBe(true);
    expect(permissionDecision('clipboard-sanitized-write', 'https://example.com/', prod)).toBe(false);
    expect(permissionDecision('clipboard-sanitized-write', undefined, prod)).toBe(false);
  });

  it('denies non-string permissions', () => {
    expect(permissionDecision(undefined, 'app://yishi/', prod)).toBe(false);
    expect(permissionDecision(['clipboard-sanitized-write'], 'app://yishi/', prod)).toBe(false);
  });
});

describe('isTrustedSender', () => {
  it('accepts our own main frame', () => {
    expect(isTrustedSender('app://yishi/index.html#/settings', true, prod)).toBe(true);
  });

  it('rejects a subframe even on our origin', () => {
    expect(isTrustedSender('app://yishi/index.html', false, prod)).toBe(false);
  });

  it.each(['https://evil.example/', 'app://evil/index.html', 'file:///C:/x.html', 'about:blank', '', null])(
    'rejects foreign origin %s',
    (url) => {
      expect(isTrustedSender(url, true, prod)).toBe(false);
    },
  );

  it('accepts the dev server only in dev mode', () => {
    expect(isTrustedSender('http://127.0.0.1:4617/', true, prod)).toBe(false);
    expect(isTrustedSender('http://127.0.0.1:4617/', true, dev)).toBe(true);
  });

  it('only accepts a literal true for isMainFrame', () => {
    expect(isTrustedSender('app://yishi/index.html', 'true', prod)).toBe(false);
    expect(isTrustedSender('app://yishi/index.html', 1, prod)).toBe(false);
  });
});

describe('shouldBlockRequest', () => {
  it.each([
    'https://cdn.example.com/x.js',
    'http://127.0.0.1:4617/',
    'ws://127.0.0.1:4617/',
    'wss://x/',
    'ftp://x/',
    'file:///etc/passwd',
    'not a url',
  ])('blocks %s in production', (url) => {
    expect(shouldBlockRequest(url, prod)).toBe(true);
  });

  it('lets our own and in-memory schemes through, however long', () => {
    expect(shouldBlockRequest('app://yishi/assets/index.js', prod)).toBe(false);
    expect(shouldBlockRequest(`data:image/png;base64,${'A'.repeat(100_000)}`, prod)).toBe(false);
    expect(shouldBlockRequest('blob:app://yishi/1234', prod)).toBe(false);
  });

  it('allows the dev server and its HMR socket in dev mode only', () => {
    expect(shouldBlockRequest('http://127.0.0.1:4617/src/main.tsx', dev)).toBe(false);
    expect(shouldBlockRequest('ws://127.0.0.1:4617/', dev)).toBe(false);
    expect(shouldBlockRequest('https://example.com/', dev)).toBe(true);
    expect(shouldBlockRequest('ws://127.0.0.1:9999/', dev)).toBe(true);
  });
});

describe('resolveDevUrl', () => {
  it('uses the dev server when unpackaged', () => {
    expect(resolveDevUrl('http://127.0.0.1:4617/', false)).toBe('http://127.0.0.1:4617/');
  });

  it('ignores the variable in a packaged app', () => {
    expect(resolveDevUrl('http://127.0.0.1:4617/', true)).toBeNull();
  });

  it.each(['https://evil.example/', 'http://0.0.0.0:4617/', 'http://127.0.0.1:80/', 'file:///x.html', ''])(
    'refuses %s',
    (value) => {
      expect(resolveDevUrl(value, false)).toBeNull();
    },
  );
});
