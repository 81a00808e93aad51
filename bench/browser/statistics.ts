// The statistics screen (issue #13) on the ten-year profile: a street's whole year, opened from
// the meeting list (its code loaded on first use), then another year and a month of it, each
// from the change of the address to the figures of that view on screen; the JS heap after them.
// YISHI_BENCH_PARTS=statistics, see index.ts.
import os from 'node:os';
import type { BrowserContext, Page } from '@playwright/test';
import { SCALE_ID_PREFIX } from '../../shared/fixtures/scale/generator';
import { median, type BenchFigure } from '../measure';
import { meetingListUsable } from './inpage';
import { log, settle, withContext } from './browser';
import { APP_URL } from './server';

interface PageElement {
  textContent: string | null;
  getAttribute(name: string): string | null;
  querySelector(selector: string): PageElement | null;
  querySelectorAll(selector: string): { length: number };
}

/** The generated street with the most communities (communities are dealt to the streets in turn). */
const STREET_ID = `${SCALE_ID_PREFIX}org-sd0`;

/**
 * In the page: sets the hash and waits (rAF polling) until the screen marks the figures of that
 * view as shown (data-stats-shown = unit/year/month). ms from the change, and the meetings held
 * the view counts (the 合计 of its first table).
 */
function showStats(arg: {
  hash: string;
  key: string;
  timeoutMs: number;
}): Promise<{ ms: number; readMs: number; chartsMs: number; meetings: string }> {
  const g = globalThis as unknown as {
    document: PageElement;
    location: { hash: string };
    performance: { now(): number; getEntriesByName(name: string): { duration: number }[] };
    requestAnimationFrame(fn: () => void): void;
  };
  const start = g.performance.now();
  let shown: { ms: number; readMs: number; meetings: string } | null = null;
  g.location.hash = arg.hash;
  return new Promise((resolve, reject) => {
    const check = () => {
      const elapsed = g.performance.now() - start;
      const marked = g.document.querySelector(`[data-stats-shown="${arg.key}"]`);
      if (marked && !shown) {
        const total = g.document.querySelector('[data-figure="meetings"] tbody tr:last-child td:last-child');
        // The screen's own measure of reading the figures (StatisticsPage), the last one taken.
        const read = g.performance.getEntriesByName('yishi:statistics-read').at(-1)?.duration ?? NaN;
        shown = { ms: elapsed, readMs: read, meetings: total?.textContent?.trim() ?? '?' };
      }
      // The charts (loaded after the tables) drawn as well.
      const cards = g.document.querySelectorAll('.yishi-stats-card').length;
      if (shown && cards > 0 && g.document.querySelectorAll('.yishi-stats-chart[data-chart-drawn]').length === cards)
        resolve({ ...shown, chartsMs: elapsed });
      else if (elapsed > arg.timeoutMs) reject(new Error(`${arg.hash}: not shown after ${arg.timeoutMs} ms`));
      else g.requestAnimationFrame(check);
    };
    g.requestAnimationFrame(check);
  });
}

async function heapMb(context: BrowserContext, page: Page): Promise<number> {
  const cdp = await context.newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    return (await cdp.send('Runtime.getHeapUsage')).usedSize / 2 ** 20;
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

interface Samples {
  open: number[];
  /** The first open until its charts are drawn too. */
  openCharts: number[];
  year: number[];
  month: number[];
  /** The reading alone (Dexie), of the open, the year and the month. */
  openRead: number[];
  yearRead: number[];
  monthRead: number[];
  heap: number[];
  meetings: string;
}

async function oneRun(context: BrowserContext, page: Page, year: number, s: Samples, timeoutMs: number) {
  await page.goto(`${APP_URL}#/meetings`, { waitUntil: 'commit', timeout: 60_000 });
  await page.waitForFunction(meetingListUsable, undefined, { polling: 'raf', timeout: 120_000 });
  await settle(page, 1_500);
  const view = (y: number, month?: number) => ({
    hash: `#/statistics?unit=${STREET_ID}&year=${y}${month ? `&month=${month}` : ''}`,
    key: `${STREET_ID}/${y}/${month ?? ''}`,
    timeoutMs,
  });
  const open = await page.evaluate(showStats, view(year));
  s.open.push(open.ms);
  s.openCharts.push(open.chartsMs);
  s.openRead.push(open.readMs);
  s.meetings = open.meetings;
  await settle(page, 1_000);
  const other = await page.evaluate(showStats, view(year - 1));
  s.year.push(other.ms);
  s.yearRead.push(other.readMs);
  await settle(page, 1_000);
  const month = await page.evaluate(showStats, view(year - 1, 6));
  s.month.push(month.ms);
  s.monthRead.push(month.readMs);
  await settle(page, 1_000);
  s.heap.push(await heapMb(context, page));
}

/** The statistics figures: a fresh browser per run on the ten-year profile. */
export async function measureStatistics(
  fullProfile: string,
  runs: number,
  scale: number,
  today: string,
): Promise<BenchFigure[]> {
  const s: Samples = {
    open: [],
    openCharts: [],
    year: [],
    month: [],
    openRead: [],
    yearRead: [],
    monthRead: [],
    heap: [],
    meetings: '?',
  };
  // The last whole year of the generated ten.
  const year = Number(today.slice(0, 4)) - 1;
  await withContext(fullProfile, async (_c, page) => {
    await page.goto(`${APP_URL}#/meetings`, { waitUntil: 'commit', timeout: 60_000 });
    await page.waitForFunction(meetingListUsable, undefined, { polling: 'raf', timeout: 900_000 });
  });
  for (let r = 0; r < runs; r++) {
    await withContext(fullProfile, async (context, page) => {
      await oneRun(context, page, year, s, Number(process.env.YISHI_BENCH_LOOP_TIMEOUT_MS) || 60_000);
    });
    log(
      `run ${r + 1}/${runs}: street year ${year} open ${s.open.at(-1)?.toFixed(0)} ms (read ${s.openRead.at(-1)?.toFixed(0)}, ` +
        `${s.meetings} meetings), year ${year - 1} ${s.year.at(-1)?.toFixed(0)} ms (read ${s.yearRead.at(-1)?.toFixed(0)}), ` +
        `month ${s.month.at(-1)?.toFixed(0)} ms (read ${s.monthRead.at(-1)?.toFixed(0)}), heap ${s.heap.at(-1)?.toFixed(1)} MB, ` +
        `load average ${os.loadavg()[0]!.toFixed(1)}`,
    );
  }
  const tag = scale === 1 ? 'ten-year DB' : `ten-year DB ×${scale}`;
  const ms = (name: string, values: number[], target: number): BenchFigure => ({
    name,
    value: median(values),
    unit: 'ms',
    target: `≤ ${target} ms`,
    ok: median(values) <= target,
  });
  return [
    ms(
      `统计 street-wide year (${s.meetings} meetings held), first open from the menu → figures shown, ${tag} (median)`,
      s.open,
      500,
    ),
    {
      name: `统计 street-wide year, first open → its charts drawn too (ECharts loaded after the tables), ${tag} (median)`,
      value: median(s.openCharts),
      unit: 'ms',
    },
    ms(`统计 street-wide year changed → figures shown, ${tag} (median)`, s.year, 500),
    ms(`统计 street-wide month changed → figures shown, ${tag} (median)`, s.month, 500),
    ms(`统计 street-wide year, reading the figures alone (first open), ${tag} (median)`, s.openRead, 500),
    ms(`统计 street-wide year, reading the figures alone (year changed), ${tag} (median)`, s.yearRead, 500),
    ms(`统计 street-wide month, reading the figures alone, ${tag} (median)`, s.monthRead, 500),
    {
      name: `renderer JS heap after the statistics views, ${tag} (forced GC, median)`,
      value: median(s.heap),
      unit: 'MB',
      target: '≤ 80 MB',
      ok: median(s.heap) <= 80,
    },
  ];
}
