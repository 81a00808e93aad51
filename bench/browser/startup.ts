// Opening the app judged against the bare stack (issue 14): a page with one component of each
// library the app stands on (bareStack/), built with the app's Vite settings and opened in the
// same runs as the app, alternating, each in a freshly launched browser. What start-up costs
// beyond React + antd + Tiptap + Dexie themselves is the app's own.
import react from '@vitejs/plugin-react';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from '@playwright/test';
import { build } from 'vite';
import type { BenchFigure } from '../measure';
import { meetingListUsable } from './inpage';
import { BARE_STACK_URL } from './server';

/** The app's build settings (vite.config.ts) for the bare-stack page: React plugin, target, base, production. */
export async function buildBareStack(rootDir: string, outDir: string): Promise<void> {
  // The bench's module runner sets NODE_ENV=development, and Vite then builds React's JSX for
  // development (jsxDEV, which the production React lacks) whatever `mode` says.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await buildProduction(rootDir, outDir);
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
}

async function buildProduction(rootDir: string, outDir: string): Promise<void> {
  await build({
    configFile: false,
    root: path.join(rootDir, 'bench/browser/bareStack'),
    base: './',
    mode: 'production',
    plugins: [react()],
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, target: 'chrome120', chunkSizeWarningLimit: 2500 },
  });
}

/** The bare-stack page's JS, gzipped (it loads all of it before its first screen). */
export async function bareStackJsKiB(outDir: string): Promise<number> {
  const assets = path.join(outDir, 'assets');
  let bytes = 0;
  for (const file of await readdir(assets))
    if (file.endsWith('.js')) bytes += gzipSync(await readFile(path.join(assets, file)), { level: 9 }).length;
  return bytes / 1024;
}

/**
 * The JS the page had loaded when its first screen became usable (`usableAt`, from navigation),
 * gzipped as the files in `distDir` are: what start-up really fetched — the entry's static
 * imports, the app's own code it imports at once and the first screen's chunks alike — rather
 * than what the HTML names.
 */
export async function jsBeforeFirstScreen(
  page: Page,
  usableAt: number,
  distDir: string,
): Promise<{ kib: number; files: number }> {
  const names = await page.evaluate(
    (until) =>
      (
        globalThis as unknown as {
          performance: { getEntriesByType(t: string): Array<{ name: string; responseEnd: number }> };
        }
      ).performance
        .getEntriesByType('resource')
        .filter((r) => r.name.endsWith('.js') && r.responseEnd <= until)
        .map((r) => new URL(r.name).pathname),
    usableAt,
  );
  let bytes = 0;
  for (const name of names)
    bytes += gzipSync(await readFile(path.join(distDir, decodeURIComponent(name))), { level: 9 }).length;
  return { kib: bytes / 1024, files: names.length };
}

/** Navigation → the bare page's h1 and table shown (the same test as the app's meeting list), ms. */
export async function openBareStack(page: Page): Promise<number> {
  await page.goto(BARE_STACK_URL, { waitUntil: 'commit', timeout: 60_000 });
  const handle = await page.waitForFunction(meetingListUsable, undefined, { polling: 'raf', timeout: 120_000 });
  return (await handle.jsonValue()) as number;
}

export interface StartupMedians {
  bareStack: number;
  openEmpty: number;
  openFull: number;
  runs: number;
  tag: string;
  meetings: number;
  /** jsBeforeFirstScreen of the first empty-profile run. */
  firstScreenJs: { kib: number; files: number };
  bareStackJsKiB: number;
}

/** The start-up figures with the targets of issue 14, each a ratio within one run. */
export function startupFigures(m: StartupMedians): BenchFigure[] {
  const emptyToBare = m.openEmpty / m.bareStack;
  const fullToEmpty = m.openFull / m.openEmpty;
  return [
    {
      name: `open app → meeting list usable, ${m.tag} (${m.meetings} meetings, median of ${m.runs})`,
      value: m.openFull,
      unit: 'ms',
      target: '≤ 1 s',
      ok: m.openFull <= 1000,
    },
    { name: `open app → meeting list usable, empty DB (median of ${m.runs})`, value: m.openEmpty, unit: 'ms' },
    {
      name: `bare stack page (React + antd Table + Tiptap + Dexie) → table usable (median of ${m.runs})`,
      value: m.bareStack,
      unit: 'ms',
    },
    {
      name: 'open app, empty DB vs the bare stack page (ratio of medians)',
      value: emptyToBare,
      unit: '×',
      target: '≤ 1.5×',
      ok: emptyToBare <= 1.5,
    },
    {
      name: 'open app: ratio ten-year DB to empty DB',
      value: fullToEmpty,
      unit: '×',
      target: '≤ 1.1×',
      ok: fullToEmpty <= 1.1,
    },
    {
      name: `JS loaded before the meeting list was usable, gzipped (${m.firstScreenJs.files} files)`,
      value: m.firstScreenJs.kib,
      unit: 'KiB',
      target: '≤ 250 KiB',
      ok: m.firstScreenJs.kib <= 250,
    },
    { name: 'bare stack page: all its JS, gzipped', value: m.bareStackJsKiB, unit: 'KiB' },
  ];
}
