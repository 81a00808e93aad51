// Builds and serves what the browser benchmarks load: the app (vite build + vite preview on
// port 4619) and the bare Tiptap page (built with Vite's JS API into a temp dir, served by a tiny
// static server). Every wait is bounded.
import { spawn, type ChildProcess } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { build } from 'vite';

// YISHI_BENCH_PORT moves the servers (app on it, bare Tiptap page on it + 1, bare-stack page on
// it + 2) so two checkouts can measure side by side.
const basePort = Number(process.env.YISHI_BENCH_PORT ?? '') || 4619;
export const APP_PORT = basePort;
export const BARE_PORT = basePort + 1;
export const APP_URL = `http://127.0.0.1:${APP_PORT}/`;
export const BARE_URL = `http://127.0.0.1:${BARE_PORT}/`;
export const BARE_STACK_PORT = basePort + 2;
export const BARE_STACK_URL = `http://127.0.0.1:${BARE_STACK_PORT}/`;

/**
 * The environment for child processes. Vite's module runner (scripts/bench.mjs) sets
 * NODE_ENV=development in this process; inherited, it would make `vite build` bundle React's
 * development build (slower, bigger heap, StrictMode double effects).
 */
function productionEnv(): NodeJS.ProcessEnv {
  return { ...process.env, NODE_ENV: 'production' };
}

/** Runs a command to completion (output kept for the error message), bounded by `timeoutMs`. */
export function run(command: string, args: string[], cwd: string, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
      env: productionEnv(),
    });
    let output = '';
    child.stdout?.on('data', (d: Buffer) => (output = (output + d.toString()).slice(-4000)));
    child.stderr?.on('data', (d: Buffer) => (output = (output + d.toString()).slice(-4000)));
    const timer = setTimeout(() => {
      killGroup(child);
      reject(new Error(`${command} ${args.join(' ')} timed out after ${timeoutMs} ms\n${output}`));
    }, timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else reject(new Error(`${command} ${args.join(' ')} exited with ${code}\n${output}`));
    });
  });
}

function killGroup(child: ChildProcess): void {
  if (child.pid === undefined || child.exitCode !== null) return;
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    child.kill('SIGTERM');
  }
}

async function waitForHttp(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const ok = await fetch(url).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`${url} did not answer within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

export interface Served {
  stop(): Promise<void>;
}

/** `npx vite preview` of dist/renderer on 127.0.0.1:4619; stop() ends its process group. */
export async function serveApp(rootDir: string): Promise<Served> {
  const child = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', String(APP_PORT), '--strictPort'], {
    cwd: rootDir,
    stdio: 'ignore',
    detached: true,
    env: productionEnv(),
  });
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  try {
    await waitForHttp(APP_URL, 30_000);
  } catch (e) {
    killGroup(child);
    throw e;
  }
  return {
    async stop() {
      killGroup(child);
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
    },
  };
}

/** Builds bench/browser/bare into `outDir` with Vite's JS API. */
export async function buildBare(rootDir: string, outDir: string): Promise<void> {
  await build({
    configFile: false,
    root: path.join(rootDir, 'bench/browser/bare'),
    base: './',
    mode: 'production',
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, target: 'chrome120' },
  });
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
};

/** A static file server for the bare page's build output. */
export async function serveStatic(dir: string, port: number): Promise<Served> {
  const server = http.createServer((req, res) => {
    const urlPath = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = path.join(dir, urlPath === '/' ? 'index.html' : urlPath);
    if (!file.startsWith(dir)) {
      res.writeHead(403).end();
      return;
    }
    stat(file).then(
      (s) => {
        if (!s.isFile()) throw new Error('not a file');
        res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
        createReadStream(file).pipe(res);
      },
      () => res.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return {
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
