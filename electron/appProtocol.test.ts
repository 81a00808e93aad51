import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appResponseHeaders, createAppRequestHandler, mimeTypeFor, resolveAppRequest } from './appProtocol';

const root = path.resolve('/srv/yishi/dist/renderer');

describe('resolveAppRequest', () => {
  it('maps / and /index.html to the entry page', () => {
    expect(resolveAppRequest('app://yishi/', root)).toBe(path.join(root, 'index.html'));
    expect(resolveAppRequest('app://yishi', root)).toBe(path.join(root, 'index.html'));
    expect(resolveAppRequest('app://yishi/index.html', root)).toBe(path.join(root, 'index.html'));
  });

  it('maps assets inside the root and ignores query and hash', () => {
    expect(resolveAppRequest('app://yishi/assets/index-Bx3_k9.js', root)).toBe(
      path.join(root, 'assets', 'index-Bx3_k9.js'),
    );
    expect(resolveAppRequest('app://yishi/assets/a.css?v=1#x', root)).toBe(path.join(root, 'assets', 'a.css'));
  });

  it.each([
    ['raw ..', 'app://yishi/../../etc/passwd'],
    ['raw .. in the middle', 'app://yishi/assets/../../secret.txt'],
    ['encoded ..', 'app://yishi/%2e%2e/%2e%2e/etc/passwd'],
    ['upper-case encoded ..', 'app://yishi/%2E%2E/secret'],
    ['mixed encoded ..', 'app://yishi/.%2e/secret'],
    ['encoded slash', 'app://yishi/..%2f..%2fsecret'],
    ['double-encoded ..', 'app://yishi/%252e%252e/secret'],
    ['raw backslash', 'app://yishi/..\\..\\secret'],
    ['encoded backslash', 'app://yishi/assets%5c..%5csecret'],
    ['NUL byte', 'app://yishi/index.html%00.png'],
    ['raw NUL byte', 'app://yishi/index.html\u0000.png'],
    ['newline', 'app://yishi/index%0a.html'],
    ['other host', 'app://evil/index.html'],
    ['host suffix', 'app://yishi.evil/index.html'],
    ['port', 'app://yishi:99/index.html'],
    ['credentials', 'app://me@yishi/index.html'],
    ['other scheme', 'file:///srv/yishi/dist/renderer/index.html'],
    ['https', 'https://yishi/index.html'],
    ['absolute Windows path', 'app://yishi/C:/Windows/win.ini'],
    ['double slash', 'app://yishi//etc/passwd'],
    ['hidden file', 'app://yishi/.vite/manifest.json'],
    ['non-ASCII name', 'app://yishi/%E4%BD%A0.html'],
    ['bad percent-encoding', 'app://yishi/%E0%A4%A.html'],
    ['not a URL', 'index.html'],
  ])('rejects %s', (_label, url) => {
    expect(resolveAppRequest(url, root)).toBeNull();
  });

  it.each([undefined, null, 42, { url: 'app://yishi/' }])('rejects non-string %s', (value) => {
    expect(resolveAppRequest(value, root)).toBeNull();
  });

  it('rejects overlong URLs', () => {
    expect(resolveAppRequest(`app://yishi/${'a'.repeat(5000)}.js`, root)).toBeNull();
  });

  it('never returns a path outside the root', () => {
    const attempts = ['app://yishi/a/b/../../../x', 'app://yishi/%2e%2e%2f', 'app://yishi/a/%2e%2e/%2e%2e/x'];
    for (const url of attempts) {
      const resolved = resolveAppRequest(url, root);
      if (resolved !== null) expect(resolved.startsWith(root + path.sep)).toBe(true);
    }
  });
});

describe('mimeTypeFor', () => {
  it.each([
    ['index.html', 'text/html; charset=utf-8'],
    ['a.js', 'text/javascript; charset=utf-8'],
    ['a.MJS', 'text/javascript; charset=utf-8'],
    ['a.css', 'text/css; charset=utf-8'],
    ['a.svg', 'image/svg+xml'],
    ['a.woff2', 'font/woff2'],
    ['a.wasm', 'application/wasm'],
    ['a.unknown', 'application/octet-stream'],
    ['README', 'application/octet-stream'],
  ])('%s → %s', (file, type) => {
    expect(mimeTypeFor(file)).toBe(type);
  });
});

describe('createAppRequestHandler', () => {
  let dir: string;
  let handler: ReturnType<typeof createAppRequestHandler>;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'yishi-app-'));
    await mkdir(path.join(dir, 'renderer', 'assets'), { recursive: true });
    await writeFile(path.join(dir, 'renderer', 'index.html'), '<!doctype html><title>议事厅</title>');
    await writeFile(path.join(dir, 'renderer', 'assets', 'app.js'), 'console.log(1)');
    await writeFile(path.join(dir, 'secret.txt'), 'top secret');
    handler = createAppRequestHandler(path.join(dir, 'renderer'), (file) => readFile(file));
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('serves the entry page with the CSP header', async () => {
    const response = await handler({ url: 'app://yishi/', method: 'GET' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toContain('议事厅');
  });

  it('serves scripts with a JavaScript MIME type', async () => {
    const response = await handler({ url: 'app://yishi/assets/app.js', method: 'GET' });
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('answers HEAD without a body', async () => {
    const response = await handler({ url: 'app://yishi/index.html', method: 'HEAD' });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
  });

  it('does not serve a file next to the root through traversal', async () => {
    for (const url of ['app://yishi/../secret.txt', 'app://yishi/%2e%2e/secret.txt', 'app://yishi/..%5csecret.txt']) {
      const response = await handler({ url, method: 'GET' });
      expect(response.status).toBe(404);
      expect(await response.text()).not.toContain('top secret');
    }
  });

  it('answers 404 for missing files and directories', async () => {
    expect((await handler({ url: 'app://yishi/missing.js', method: 'GET' })).status).toBe(404);
    expect((await handler({ url: 'app://yishi/assets', method: 'GET' })).status).toBe(404);
  });

  it('refuses methods other than GET and HEAD', async () => {
    expect((await handler({ url: 'app://yishi/', method: 'POST' })).status).toBe(405);
  });

  it('answers 500 without details when reading fails unexpectedly', async () => {
    const failing = createAppRequestHandler(dir, () =>
      Promise.reject(Object.assign(new Error('EIO /secret/path'), { code: 'EIO' })),
    );
    const response = await failing({ url: 'app://yishi/index.html', method: 'GET' });
    expect(response.status).toBe(500);
    expect(await response.text()).not.toContain('/secret/path');
  });

  it('puts the CSP on every response type', () => {
    expect(appResponseHeaders('x.png')['Content-Security-Policy']).toContain("object-src 'none'");
  });
});
