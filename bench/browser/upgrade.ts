// YISHI_BENCH_PARTS=upgrade: a district's ten-year database written by the previous schema
// (version 4, stores frozen in tests/unit/hostile/fixtures/v4.fixture.json) opened by this app:
// the pre-upgrade backup, the version change (row migrations, index builds) and the first screen.
// A v4 source profile is made once (`profile-v4-scale-<scale>`, rows from the scale generator with
// what version 5 added taken off); every run upgrades a fresh copy of it, so the source stays v4.
import type { Page } from '@playwright/test';
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DB_NAME, SCHEMA_VERSION } from '../../shared/store/schema';
import { generateDistrict, type ScaleConfig } from '../../shared/fixtures/scale/generator';
import { median, type BenchFigure } from '../measure';
import { fillBatch, meetingListUsable } from './inpage';
import { log, settle, withContext } from './browser';
import { APP_URL } from './server';

const V4_FIXTURE = 'tests/unit/hostile/fixtures/v4.fixture.json';
/** A page of the app's origin that does not run the app (answered by Playwright, not the server). */
const BLANK_URL = `${APP_URL}__bench_blank`;
const UPGRADE_TIMEOUT_MS = 30 * 60_000;

/** What version 5 added to rows: a v4 database never held these fields. */
function asV4Row(table: string, row: Record<string, unknown>): Record<string, unknown> {
  if (table === 'matters') {
    const { open: _open, ...rest } = row;
    return rest;
  }
  if (table === 'people') {
    const { sortKey: _sortKey, rosterKeys: _rosterKeys, ...rest } = row;
    return rest;
  }
  return row;
}

/** The few IndexedDB shapes used in the page (the bench compiles without the DOM library). */
interface PageIdbStore {
  createIndex(name: string, keyPath: string | string[], options: { unique: boolean; multiEntry: boolean }): unknown;
}
interface PageIdbFactory {
  open(
    name: string,
    version: number,
  ): {
    result: {
      version: number;
      close(): void;
      createObjectStore(
        name: string,
        options: { keyPath: string | string[] | null; autoIncrement: boolean },
      ): PageIdbStore;
    };
    error: unknown;
    onupgradeneeded: (() => void) | null;
    onsuccess: (() => void) | null;
    onerror: (() => void) | null;
  };
  databases(): Promise<{ name?: string; version?: number }[]>;
}

/** In the page: creates the database as Dexie version 4 did (IndexedDB version 40) from Dexie's store specs. */
function createStores(arg: { db: string; version: number; stores: Record<string, string> }): Promise<number> {
  const g = globalThis as unknown as { indexedDB: PageIdbFactory };
  const keyPath = (spec: string): string | string[] => {
    const name = spec.replace(/^(\+\+|&|\*)/, '');
    return name.startsWith('[') ? name.slice(1, -1).split('+') : name;
  };
  return new Promise((resolve, reject) => {
    const request = g.indexedDB.open(arg.db, arg.version);
    request.onupgradeneeded = () => {
      const idb = request.result;
      for (const [table, spec] of Object.entries(arg.stores)) {
        const [primary, ...indexes] = spec.split(',').map((s) => s.trim());
        const store = idb.createObjectStore(table, {
          keyPath: primary ? keyPath(primary) : null,
          autoIncrement: !!primary?.startsWith('++'),
        });
        for (const index of indexes)
          store.createIndex(index.replace(/^(&|\*)/, ''), keyPath(index), {
            unique: index.startsWith('&'),
            multiEntry: index.startsWith('*'),
          });
      }
    };
    request.onsuccess = () => {
      const version = request.result.version;
      request.result.close();
      resolve(version);
    };
    request.onerror = () => reject(new Error(String(request.error)));
  });
}

async function openBlank(page: Page): Promise<void> {
  await page.route(BLANK_URL, (route) =>
    route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>bench</title>' }),
  );
  await page.goto(BLANK_URL, { waitUntil: 'load', timeout: 60_000 });
}

/** The stored version of the app's database as the browser reports it (IndexedDB version, Dexie × 10). */
function storedVersion(name: string): Promise<number | null> {
  const g = globalThis as unknown as { indexedDB: PageIdbFactory };
  return g.indexedDB.databases().then((list) => list.find((d) => d.name === name)?.version ?? null);
}

/** Makes (once) the v4 source profile from the generator's rows. */
async function ensureV4Profile(rootDir: string, profileDir: string, config: ScaleConfig): Promise<void> {
  const markerFile = path.join(profileDir, 'yishi-bench-profile.json');
  const marker = await readFile(markerFile, 'utf8').then(
    (t) => JSON.parse(t) as { config: ScaleConfig; schemaVersion?: number },
    () => null,
  );
  if (marker && JSON.stringify(marker.config) === JSON.stringify(config) && marker.schemaVersion === 4) {
    log(`v4 profile: reusing ${profileDir}`);
    return;
  }
  const fixture = JSON.parse(await readFile(path.join(rootDir, V4_FIXTURE), 'utf8')) as {
    schemaVersion: number;
    stores: Record<string, string>;
  };
  if (fixture.schemaVersion !== 4) throw new Error(`${V4_FIXTURE} is not schema 4`);
  await rm(profileDir, { recursive: true, force: true });
  await mkdir(profileDir, { recursive: true });
  log(`v4 profile: filling ${profileDir}`);
  const started = performance.now();
  const counts: Record<string, number> = {};
  await withContext(profileDir, async (_context, page) => {
    await openBlank(page);
    await page.evaluate(createStores, { db: DB_NAME, version: 40, stores: fixture.stores });
    let last = performance.now();
    for await (const batch of generateDistrict(config)) {
      if (!(batch.table in fixture.stores)) continue;
      const rows = batch.rows.map((r) => asV4Row(batch.table, r as Record<string, unknown>));
      await page.evaluate(fillBatch, { db: DB_NAME, table: batch.table, json: JSON.stringify(rows) });
      counts[batch.table] = (counts[batch.table] ?? 0) + rows.length;
      if (performance.now() - last > 10_000) {
        last = performance.now();
        log(`v4 profile: ${Object.values(counts).reduce((a, b) => a + b, 0)} rows written`);
      }
    }
  });
  const fillMs = performance.now() - started;
  await writeFile(markerFile, JSON.stringify({ config, schemaVersion: 4, counts, fillMs }, null, 2));
  log(`v4 profile: filled in ${(fillMs / 1000).toFixed(0)} s: ${JSON.stringify(counts)}`);
}

/** In the page, polled: what the window shows while the app opens. */
function upgradeState(): { upgrading: boolean; marks: Record<string, number> } {
  const g = globalThis as unknown as {
    document: { body: { textContent: string | null } | null };
    performance: { getEntriesByType(type: string): { name: string; startTime: number }[] };
  };
  const marks: Record<string, number> = {};
  for (const m of g.performance.getEntriesByType('mark')) if (m.name.startsWith('yishi:')) marks[m.name] = m.startTime;
  return {
    upgrading: (g.document.body?.textContent ?? '').includes('正在升级数据'),
    marks,
  };
}

interface UpgradeRun {
  total: number;
  screenShownAt: number | null;
  backup: number | null;
  versionChange: number | null;
}

async function upgradeOnce(page: Page): Promise<UpgradeRun> {
  await openBlank(page);
  const found = await page.evaluate(storedVersion, DB_NAME);
  if (found !== 40) throw new Error(`the copied profile holds IndexedDB version ${found}, not 40 (schema 4)`);
  await page.goto(`${APP_URL}#/meetings`, { waitUntil: 'commit', timeout: 60_000 });
  let screenShownAt: number | null = null;
  const started = performance.now();
  let lastLog = started;
  for (;;) {
    const state = await page.evaluate(upgradeState);
    if (state.upgrading && screenShownAt === null) screenShownAt = performance.now() - started;
    const usable = await page.evaluate(meetingListUsable);
    if (usable !== false) {
      const mark = (name: string) => state.marks[`yishi:${name}`] ?? null;
      const span = (a: string, b: string) => {
        const from = mark(a);
        const to = mark(b);
        return from !== null && to !== null ? to - from : null;
      };
      log(
        `marks (ms from navigation): ${Object.entries(state.marks)
          .sort((a, b) => a[1] - b[1])
          .map(([name, at]) => `${name.slice(6)} ${at.toFixed(0)}`)
          .join(', ')}`,
      );
      return {
        total: usable,
        screenShownAt,
        backup: span('upgrade-backup-start', 'upgrade-backup-end'),
        versionChange: span('upgrade-backup-end', 'database-open'),
      };
    }
    if (performance.now() - lastLog > 30_000) {
      lastLog = performance.now();
      log(`upgrading: ${((lastLog - started) / 1000).toFixed(0)} s, marks ${Object.keys(state.marks).join(' ')}`);
    }
    if (performance.now() - started > UPGRADE_TIMEOUT_MS)
      throw new Error(`the upgrade did not finish within ${UPGRADE_TIMEOUT_MS / 60_000} min`);
    await settle(page, 200);
  }
}

export async function measureUpgrade(
  rootDir: string,
  workDir: string,
  scale: number,
  runs: number,
  config: ScaleConfig,
): Promise<BenchFigure[]> {
  const source = path.join(workDir, `profile-v4-scale-${scale}`);
  const scratch = path.join(workDir, `profile-upgrade-run`);
  await ensureV4Profile(rootDir, source, config);
  const results: UpgradeRun[] = [];
  for (let r = 0; r < runs; r++) {
    await rm(scratch, { recursive: true, force: true });
    await cp(source, scratch, { recursive: true });
    const run = await withContext(scratch, (_context, page) => upgradeOnce(page));
    results.push(run);
    log(
      `upgrade run ${r + 1}/${runs}: ${(run.total / 1000).toFixed(1)} s to the meeting list (backup ${((run.backup ?? NaN) / 1000).toFixed(1)} s, version change ${((run.versionChange ?? NaN) / 1000).toFixed(1)} s), upgrade screen ${run.screenShownAt === null ? 'NEVER shown' : `shown after ${run.screenShownAt.toFixed(0)} ms`}`,
    );
  }
  await rm(scratch, { recursive: true, force: true });
  const tag = scale === 1 ? 'ten-year DB' : `ten-year DB ×${scale}`;
  const total = median(results.map((r) => r.total));
  const shown = results.map((r) => r.screenShownAt);
  return [
    {
      name: `upgrade v4 → v${SCHEMA_VERSION}, ${tag}: open → meeting list usable (median of ${runs})`,
      value: total,
      unit: 'ms',
      target: '≤ 60 s',
      ok: total <= 60_000,
    },
    { name: 'upgrade: pre-upgrade backup (median)', value: median(results.map((r) => r.backup ?? NaN)), unit: 'ms' },
    {
      name: `upgrade: version change (migrations 5–${SCHEMA_VERSION}, index builds; median)`,
      value: median(results.map((r) => r.versionChange ?? NaN)),
      unit: 'ms',
    },
    {
      name: 'upgrade: "正在升级数据" screen shown after (worst run)',
      value: shown.some((s) => s === null) ? NaN : Math.max(...(shown as number[])),
      unit: 'ms',
      target: 'shown',
      ok: shown.every((s) => s !== null),
    },
  ];
}
