// The archive search (issue 13) on the ten-year profile. A profile filled with raw IndexedDB
// writes has no search index: ensureSearchIndexed opens the app and waits while its background
// indexing builds it (the figure: the whole archive's build time and the storage it added; kept
// in the profile so later runs report it), before any other figure is measured — indexing in the
// background would otherwise run under them. measureSearch then searches through the screen
// (#/search?q=…), a rare and a common term, one and two words, and reports the reading (the
// screen's measure yishi:search-read) and the time until the results are shown.
// YISHI_BENCH_PARTS=search, see index.ts.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { DB_NAME } from '../../shared/store/schema';
import { SEARCH_KINDS } from '../../shared/search/types';
import { POSTINGS } from '../../renderer/data/searchPostings';

/** The marks of the index's parts: each kind's entries, and the posting lists built from them. */
const INDEX_PARTS = [...SEARCH_KINDS, POSTINGS];
import type { BenchFigure } from '../measure';
import { log, settle, withContext } from './browser';
import { meetingListUsable } from './inpage';
import { APP_URL } from './server';

/** Just what these page functions use of IndexedDB (bench/ is checked without the DOM library). */
interface RawRequest<T> {
  result: T;
  onsuccess: (() => void) | null;
  onerror: (() => void) | null;
}
interface RawDb {
  transaction(
    names: string[],
    mode: 'readonly' | 'readwrite',
  ): {
    objectStore(name: string): {
      getAll(): RawRequest<unknown[]>;
      count(): RawRequest<number>;
      clear(): unknown;
      put(value: unknown): unknown;
    };
    oncomplete: (() => void) | null;
    onerror: (() => void) | null;
  };
  close(): void;
}

interface IndexBuild {
  ms: number;
  addedMb: number;
  entries: number;
  /** The longest task of the page while the index was built (the window is still that long). */
  longestTaskMs: number;
}

/** Before the app's code: notes every long task (> 50 ms) of the page, with when it started. */
function noteLongTasks(): void {
  const g = globalThis as unknown as {
    __yishiLongTasks: { start: number; ms: number }[];
    PerformanceObserver: new (cb: (list: { getEntries(): { startTime: number; duration: number }[] }) => void) => {
      observe(o: { type: string; buffered: boolean }): void;
    };
  };
  g.__yishiLongTasks = [];
  new g.PerformanceObserver((list) => {
    for (const e of list.getEntries()) g.__yishiLongTasks.push({ start: e.startTime, ms: e.duration });
  }).observe({ type: 'longtask', buffered: true });
}

/** In the page: its clock, and the longest task since `from` on it. */
function longestTaskSince(from: number): { now: number; longest: number } {
  const g = globalThis as unknown as {
    __yishiLongTasks?: { start: number; ms: number }[];
    performance: { now(): number };
  };
  const tasks = (g.__yishiLongTasks ?? []).filter((t) => t.start >= from);
  return { now: g.performance.now(), longest: Math.max(0, ...tasks.map((t) => t.ms)) };
}

/** In the page: the search index's kinds marked complete, the entries, the storage in use. */
function indexState(arg: {
  db: string;
}): Promise<{ complete: string[]; held: boolean; entries: number; usage: number }> {
  const g = globalThis as unknown as {
    indexedDB: { open(name: string): RawRequest<RawDb> };
    navigator: { storage: { estimate(): Promise<{ usage?: number }> } };
  };
  return new Promise((resolve, reject) => {
    const request = g.indexedDB.open(arg.db);
    request.onerror = () => reject(new Error('open failed'));
    request.onsuccess = () => {
      const db = request.result;
      const tx = db.transaction(['searchState', 'searchEntries'], 'readonly');
      const states = tx.objectStore('searchState').getAll();
      const count = tx.objectStore('searchEntries').count();
      tx.oncomplete = () => {
        db.close();
        const rows = states.result as { kind: string; complete?: boolean; benchHeld?: boolean }[];
        const complete = rows.filter((s) => s.complete).map((s) => s.kind);
        const held = rows.some((s) => s.benchHeld);
        void g.navigator.storage
          .estimate()
          .then((e) => resolve({ complete, held, entries: count.result, usage: e.usage ?? 0 }));
      };
      tx.onerror = () => reject(new Error('read failed'));
    };
  });
}

/**
 * In the page: empties the tables derived from the records (the search index, the per-person
 * counts of the 督办 board), as the raw fill leaves them stale (written behind the app's back):
 * the app then builds them again as after a restore.
 */
export function forgetDerivedTables(arg: { db: string; stores: string[] }): Promise<void> {
  const g = globalThis as unknown as {
    indexedDB: { open(name: string): RawRequest<RawDb> };
  };
  return new Promise((resolve, reject) => {
    const request = g.indexedDB.open(arg.db);
    request.onerror = () => reject(new Error('open failed'));
    request.onsuccess = () => {
      const db = request.result;
      const tx = db.transaction(arg.stores, 'readwrite');
      for (const store of arg.stores) tx.objectStore(store).clear();
      tx.oncomplete = () => (db.close(), resolve());
      tx.onerror = () => reject(new Error('clear failed'));
    };
  });
}

/**
 * In the page: marks every kind of record indexed, as held by the benchmark (`benchHeld`), so the
 * app's background indexing stops — for figures other than the search's at ×1, whose index takes
 * over an hour to build here. A later run that needs the index empties it and builds it.
 */
function holdSearchIndexing(arg: { db: string; kinds: string[] }): Promise<void> {
  const g = globalThis as unknown as { indexedDB: { open(name: string): RawRequest<RawDb> } };
  return new Promise((resolve, reject) => {
    const request = g.indexedDB.open(arg.db);
    request.onerror = () => reject(new Error('open failed'));
    request.onsuccess = () => {
      const db = request.result;
      const tx = db.transaction(['searchState'], 'readwrite');
      for (const kind of arg.kinds) tx.objectStore('searchState').put({ kind, complete: true, benchHeld: true });
      tx.oncomplete = () => (db.close(), resolve());
      tx.onerror = () => reject(new Error('hold failed'));
    };
  });
}

/**
 * Whether the parts run without building the archive index (see holdSearchIndexing):
 * YISHI_BENCH_HOLD_SEARCH_INDEX=1 or =0 when given; else held for a part run other than the
 * search's. A part run without the setting once emptied a held ×1 index and spent a quarter of an
 * hour rebuilding it before the 工作台's figure.
 */
export function searchIndexHeld(hold: string | undefined, part: string | undefined): boolean {
  if (hold === '1') return true;
  if (hold === '0') return false;
  return !!part && part !== 'search';
}
const holdIndex = () =>
  searchIndexHeld(process.env.YISHI_BENCH_HOLD_SEARCH_INDEX, process.env.YISHI_BENCH_PARTS || undefined);

/** Builds the profile's search index if it is not complete; the build figure (this one or the kept one). */
export async function ensureSearchIndexed(profileDir: string, hold = holdIndex()): Promise<IndexBuild | null> {
  const file = path.join(profileDir, 'yishi-bench-search.json');
  let build: IndexBuild | null = await readFile(file, 'utf8').then(
    (t) => JSON.parse(t) as IndexBuild,
    () => null,
  );
  await withContext(profileDir, async (_c, page) => {
    await page.addInitScript(noteLongTasks);
    await page.goto(`${APP_URL}#/meetings`, { waitUntil: 'commit', timeout: 60_000 });
    await page.waitForFunction(meetingListUsable, undefined, { polling: 'raf', timeout: 900_000 });
    // The indexing starts a moment after the first screen; long tasks of the start-up itself are before.
    const since = (await page.evaluate(longestTaskSince, 0)).now;
    let before = await page.evaluate(indexState, { db: DB_NAME });
    if (hold) {
      if (before.complete.length < INDEX_PARTS.length) {
        await page.evaluate(holdSearchIndexing, { db: DB_NAME, kinds: INDEX_PARTS });
        log('search index: held, not built (YISHI_BENCH_HOLD_SEARCH_INDEX=1); a run without it builds it');
      }
      build = null;
      return;
    }
    if (before.held) {
      log('search index: held by an earlier run; emptied and built now');
      await page.evaluate(forgetDerivedTables, {
        db: DB_NAME,
        stores: ['searchState', 'searchEntries', 'searchTerms', 'searchPostings'],
      });
      before = await page.evaluate(indexState, { db: DB_NAME });
    }
    if (before.complete.length === INDEX_PARTS.length) return;
    log(`search index: building (${before.complete.length}/${INDEX_PARTS.length} parts complete)`);
    const started = performance.now();
    let lastLog = started;
    for (;;) {
      await settle(page, 2_000);
      const now = await page.evaluate(indexState, { db: DB_NAME });
      if (now.complete.length === INDEX_PARTS.length) {
        build = {
          ms: performance.now() - started,
          addedMb: (now.usage - before.usage) / 2 ** 20,
          entries: now.entries,
          longestTaskMs: (await page.evaluate(longestTaskSince, since)).longest,
        };
        break;
      }
      if (performance.now() - lastLog > 30_000) {
        lastLog = performance.now();
        log(`search index: ${now.entries} entries, kinds complete: ${now.complete.join(', ') || 'none'}`);
      }
    }
    await writeFile(file, JSON.stringify(build, null, 2));
    log(
      `search index built in ${(build!.ms / 1000).toFixed(0)} s: ${build!.entries} entries, +${build!.addedMb.toFixed(0)} MB, ` +
        `longest task ${build!.longestTaskMs.toFixed(0)} ms`,
    );
  });
  return build;
}

/** In the page: sets the search address and waits until the screen marks those results as shown. */
function showResults(arg: {
  hash: string;
  query: string;
  timeoutMs: number;
}): Promise<{ ms: number; readMs: number; workerMs: number; hits: string }> {
  const g = globalThis as unknown as {
    document: { querySelector(s: string): { getAttribute(n: string): string | null } | null };
    location: { hash: string };
    performance: { now(): number; getEntriesByName(name: string): { duration: number }[] };
    requestAnimationFrame(fn: () => void): void;
  };
  // From the screen without words (no results shown), so each search is read and drawn afresh.
  g.location.hash = '#/search';
  let start = 0;
  return new Promise((resolve, reject) => {
    const cleared = () => {
      if (g.document.querySelector('[data-search-shown]')) return g.requestAnimationFrame(cleared);
      start = g.performance.now();
      g.location.hash = arg.hash;
      g.requestAnimationFrame(check);
    };
    const check = () => {
      const elapsed = g.performance.now() - start;
      const shown = g.document.querySelector(`[data-search-shown="${arg.query}"]`);
      if (shown) {
        const read = g.performance.getEntriesByName('yishi:search-read').at(-1)?.duration ?? NaN;
        const inWorker = g.performance.getEntriesByName('yishi:search-worker-read').at(-1)?.duration ?? NaN;
        resolve({ ms: elapsed, readMs: read, workerMs: inWorker, hits: shown.getAttribute('data-search-hits') ?? '?' });
      } else if (elapsed > arg.timeoutMs) reject(new Error(`${arg.query}: not shown after ${arg.timeoutMs} ms`));
      else g.requestAnimationFrame(check);
    };
    g.requestAnimationFrame(cleared);
  });
}

/** Rare and common, one word and two, from the generated texts (shared/fixtures/scale). */
const QUERIES = [
  { label: 'common one word', query: '电梯' },
  { label: 'common two words', query: '小区 方案' },
  { label: 'rare one word', query: '养鸽扰民' },
  { label: 'rare + common', query: '养鸽 纠纷' },
];

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(sorted.length * q) - 1))] ?? NaN;
}
const p95 = (values: number[]) => quantile(values, 0.95);
const p50 = (values: number[]) => quantile(values, 0.5);

async function searchOnce(page: Page, query: string) {
  return page.evaluate(showResults, { hash: `#/search?q=${encodeURIComponent(query)}`, query, timeoutMs: 60_000 });
}

export async function measureSearch(
  profileDir: string,
  runs: number,
  scale: number,
  build: IndexBuild | null,
): Promise<BenchFigure[]> {
  const read = new Map<string, number[]>();
  const shown = new Map<string, number[]>();
  const inWorker = new Map<string, number[]>();
  const hits = new Map<string, string>();
  await withContext(profileDir, async (_c, page) => {
    await page.goto(`${APP_URL}#/search`, { waitUntil: 'commit', timeout: 60_000 });
    await settle(page, 2_000);
    for (let r = 0; r < runs * 4; r++)
      for (const { query } of QUERIES) {
        const one = await searchOnce(page, query);
        (read.get(query) ?? read.set(query, []).get(query)!).push(one.readMs);
        (shown.get(query) ?? shown.set(query, []).get(query)!).push(one.ms);
        (inWorker.get(query) ?? inWorker.set(query, []).get(query)!).push(one.workerMs);
        hits.set(query, one.hits);
        await settle(page, 200);
      }
  });
  const tag = scale === 1 ? 'ten-year DB' : `ten-year DB ×${scale}`;
  const figures: BenchFigure[] = QUERIES.flatMap(({ label, query }) => [
    {
      name: `search ${label} “${query}” (${hits.get(query)} hits on the first page): reading p95, ${tag}`,
      value: p95(read.get(query)!),
      unit: 'ms',
      target: '≤ 20 ms',
      ok: p95(read.get(query)!) <= 20,
    },
    { name: `search ${label} “${query}”: reading p50, ${tag}`, value: p50(read.get(query)!), unit: 'ms' },
    {
      name: `search ${label} “${query}”: of which in the search worker, p95, ${tag}`,
      value: p95(inWorker.get(query)!),
      unit: 'ms',
    },
    {
      name: `search ${label} “${query}”: address changed → results shown p95, ${tag}`,
      value: p95(shown.get(query)!),
      unit: 'ms',
    },
  ]);
  if (build)
    figures.push(
      {
        name: `search index built for the whole archive (${build.entries} records), ${tag}`,
        value: build.ms / 1000,
        unit: 's',
      },
      { name: `search index storage added, ${tag}`, value: build.addedMb, unit: 'MB' },
      {
        name: `longest task while the index was built in the background, ${tag}`,
        value: build.longestTaskMs ?? NaN,
        unit: 'ms',
        target: '≤ 100 ms',
        ok: (build.longestTaskMs ?? Infinity) <= 100,
      },
    );
  for (const { query } of QUERIES)
    log(
      `search “${query}” readings (ms): ${[...read.get(query)!]
        .sort((a, b) => a - b)
        .map((v) => v.toFixed(1))
        .join(' ')}`,
    );
  for (const f of figures) log(`${f.name}: ${f.value.toFixed(1)} ${f.unit}`);
  return figures;
}
