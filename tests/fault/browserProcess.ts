/**
 * Launching a real Chromium on a throw-away profile and killing it the hard way (SIGKILL of the
 * whole process tree), the way a power cut or the OOM killer would end the app. Linux only:
 * processes are found through /proc.
 */
import { chromium, expect, type BrowserContext, type Page, type TestInfo } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export async function makeProfileDir(tag: string): Promise<string> {
  return mkdtemp(path.join(tmpdir(), `yishi-fault-${tag}-`));
}

/** Ends any browser still running on the profile (a failed test must not leak one), then deletes it. */
export async function removeProfileDir(dir: string): Promise<void> {
  if (browserTree(dir).length > 0) await killBrowser(dir).catch(() => undefined);
  await rm(dir, { recursive: true, force: true });
  // A browser torn down by Playwright at the same moment may still write a file or two.
  await sleep(300);
  await rm(dir, { recursive: true, force: true });
}

/** A persistent context with the config's browser, flags and page options, on the config's server. */
export async function launchProfile(
  info: TestInfo,
  userDataDir: string,
  baseURL: string | undefined,
): Promise<{ context: BrowserContext; page: Page }> {
  const use = info.project.use;
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: use.launchOptions?.executablePath ?? '/usr/bin/chromium',
    args: use.launchOptions?.args ?? ['--headless', '--no-sandbox'],
    baseURL,
    viewport: use.viewport ?? { width: 1366, height: 768 },
    locale: use.locale,
    acceptDownloads: true,
    reducedMotion: 'reduce',
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return { context, page };
}

interface Proc {
  pid: number;
  ppid: number;
  state: string;
  cmdline: string;
}

function listProcesses(): Proc[] {
  const procs: Proc[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // The command name is in parentheses and may contain spaces: fields start after the last ')'.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const cmdline = readFileSync(`/proc/${name}/cmdline`, 'utf8').replace(/\0/g, ' ');
      procs.push({ pid: Number(name), ppid: Number(fields[1]), state: fields[0] ?? '?', cmdline });
    } catch {
      // The process ended while we looked.
    }
  }
  return procs;
}

/** Every live process of the browser using this profile: those naming the dir, and their descendants. */
export function browserTree(userDataDir: string): number[] {
  const procs = listProcesses().filter((p) => p.state !== 'Z');
  const roots = procs.filter((p) => p.cmdline.includes(userDataDir)).map((p) => p.pid);
  const tree = new Set(roots);
  let grew = true;
  while (grew) {
    grew = false;
    for (const p of procs)
      if (!tree.has(p.pid) && tree.has(p.ppid)) {
        tree.add(p.pid);
        grew = true;
      }
  }
  // The browser process (no --type=) first: it owns the IndexedDB files.
  const main = procs.filter((p) => tree.has(p.pid) && !p.cmdline.includes('--type=')).map((p) => p.pid);
  return [...main, ...[...tree].filter((pid) => !main.includes(pid))];
}

/** SIGKILLs the browser's whole process tree and waits until every process is gone. Returns the count killed. */
export async function killBrowser(userDataDir: string): Promise<number> {
  const pids = browserTree(userDataDir);
  if (pids.length === 0) throw new Error(`no browser process found for ${userDataDir}`);
  for (const pid of pids) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
  const deadline = Date.now() + 10_000;
  while (browserTree(userDataDir).length > 0) {
    if (Date.now() > deadline) throw new Error('browser processes survived SIGKILL');
    await new Promise((r) => setTimeout(r, 20));
  }
  return pids.length;
}

/** Closes what is left of a context whose browser was killed, without waiting forever. */
export async function discard(context: BrowserContext): Promise<void> {
  await Promise.race([context.close().catch(() => undefined), new Promise((r) => setTimeout(r, 3000))]);
}

/**
 * Opens the app on whatever the profile holds and waits until its first screen is up. Should it
 * show the first-run welcome instead (its data looked empty), the test fails at once with what
 * IndexedDB then holds, read raw: a profile wiped by Chromium differs from a lost settings row.
 */
export async function openAfterRelaunch(page: Page, timeout: number): Promise<void> {
  await page.goto('/');
  const workbench = page.getByRole('heading', { name: '工作台', level: 1 });
  const welcome = page.getByRole('heading', { name: '欢迎使用议事厅', level: 1 });
  await expect(workbench.or(welcome)).toBeVisible({ timeout });
  if (await welcome.isVisible())
    throw new Error(`after the relaunch the app showed its welcome screen: ${await rawSummary(page)}`);
  await expectNoBootError(page);
}

/** The database's version, row counts per store and settings row, read without the app's code. */
async function rawSummary(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const dbs = (await indexedDB.databases?.()) ?? [];
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('yishi');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const names = [...db.objectStoreNames];
    const counts: Record<string, number> = {};
    let settings: unknown = null;
    if (names.length > 0) {
      const tx = db.transaction(names, 'readonly');
      const read = <T>(request: IDBRequest<T>) =>
        new Promise<T>((resolve, reject) => {
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
      for (const name of names) counts[name] = await read(tx.objectStore(name).count());
      if (names.includes('settings')) settings = await read(tx.objectStore('settings').getAll());
    }
    db.close();
    return JSON.stringify({ databases: dbs, version: db.version, counts, settings }).slice(0, 4000);
  });
}

/** The app opened on the profile's data without the boot error screen. */
export async function expectNoBootError(page: Page): Promise<void> {
  await expect(page.locator('.ant-result-error, .ant-result-warning')).toHaveCount(0);
}
