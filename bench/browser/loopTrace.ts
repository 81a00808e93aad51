// Where the closed loop's time goes (YISHI_BENCH_PARTS=looptrace): each action of loop.ts once,
// on the ten-year profile, with every IndexedDB request the page makes logged (store/index, method,
// rows read, time from request to result) and a CPU profile of the renderer (time spent in script,
// by bundle chunk and the busiest functions). Not a figure: a print-out to read while working.
// YISHI_BENCH_TRACE_ONLY=board: only the board's first page, opened from the meeting list.
import type { BrowserContext, CDPSession, Page } from '@playwright/test';
import { SCALE_LONG_MATTER_ID } from '../../shared/fixtures/scale/generator';
import { openWorkbenchRoute } from './inpage';
import { log, settle, withContext } from './browser';
import { boardFilters, openMeetingList, showRoute } from './loop';

interface IdbEntry {
  source: string;
  method: string;
  t0: number;
  t1: number;
  rows: number;
}

/** Installed before the app's scripts: wraps the IndexedDB read methods to log each request. */
function instrumentIndexedDb() {
  const g = globalThis as unknown as {
    __idbLog: IdbEntry[];
    IDBObjectStore: { prototype: Record<string, unknown> };
    IDBIndex: { prototype: Record<string, unknown> };
    performance: { now(): number };
  };
  g.__idbLog = [];
  const methods = ['get', 'getAll', 'getAllKeys', 'getKey', 'count', 'openCursor', 'openKeyCursor'];
  for (const [proto, isIndex] of [
    [g.IDBObjectStore.prototype, false],
    [g.IDBIndex.prototype, true],
  ] as const) {
    for (const m of methods) {
      const original = proto[m] as ((...a: unknown[]) => IdbRequest) | undefined;
      if (!original) continue;
      proto[m] = function (this: { name: string; objectStore?: { name: string } }, ...args: unknown[]) {
        const req = original.apply(this, args);
        const source = isIndex ? `${this.objectStore?.name}.${this.name}` : this.name;
        const entry: IdbEntry = { source, method: m, t0: g.performance.now(), t1: 0, rows: 0 };
        g.__idbLog.push(entry);
        req.addEventListener('success', () => {
          entry.t1 = g.performance.now();
          const r = req.result;
          if (m === 'openCursor' || m === 'openKeyCursor') entry.rows += r ? 1 : 0;
          else entry.rows = Array.isArray(r) ? r.length : typeof r === 'number' && m === 'count' ? r : r ? 1 : 0;
        });
        return req;
      };
    }
  }
  interface IdbRequest {
    result: unknown;
    addEventListener(type: string, fn: () => void): void;
  }
}

function takeLog(): IdbEntry[] {
  const g = globalThis as unknown as { __idbLog: IdbEntry[] };
  const out = g.__idbLog;
  g.__idbLog = [];
  return out;
}

/** Requests grouped by store/index and method: how many, rows, summed and longest time. */
function summariseIdb(entries: readonly IdbEntry[]): string[] {
  const groups = new Map<string, { n: number; rows: number; ms: number; max: number; first: number; last: number }>();
  for (const e of entries) {
    const key = `${e.source} ${e.method}`;
    const g = groups.get(key) ?? { n: 0, rows: 0, ms: 0, max: 0, first: Infinity, last: 0 };
    const ms = e.t1 ? e.t1 - e.t0 : 0;
    g.n += 1;
    g.rows += e.rows;
    g.ms += ms;
    g.max = Math.max(g.max, ms);
    g.first = Math.min(g.first, e.t0);
    g.last = Math.max(g.last, e.t1 || e.t0);
    groups.set(key, g);
  }
  const t0 = Math.min(...entries.map((e) => e.t0));
  return [...groups]
    .sort((a, b) => b[1].rows - a[1].rows)
    .map(
      ([k, g]) =>
        `    ${k}: ${g.n} req, ${g.rows} rows, longest ${g.max.toFixed(0)} ms, ` +
        `from +${(g.first - t0).toFixed(0)} to +${(g.last - t0).toFixed(0)} ms`,
    );
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

/** Self time by chunk file and the ten busiest functions, from a CDP CPU profile. */
function summariseCpu(profile: {
  nodes: ProfileNode[];
  samples?: number[];
  timeDeltas?: number[];
  startTime: number;
  endTime: number;
}): string[] {
  const byNode = new Map<number, number>();
  const deltas = profile.timeDeltas ?? [];
  (profile.samples ?? []).forEach((id, i) => byNode.set(id, (byNode.get(id) ?? 0) + (deltas[i] ?? 0) / 1000));
  const byFile = new Map<string, number>();
  const byFn = new Map<string, number>();
  let busy = 0;
  for (const node of profile.nodes) {
    const ms = byNode.get(node.id) ?? 0;
    const { functionName, url, lineNumber } = node.callFrame;
    if (functionName === '(idle)') continue;
    busy += ms;
    const file = url ? url.slice(url.lastIndexOf('/') + 1) : functionName;
    byFile.set(file, (byFile.get(file) ?? 0) + ms);
    const fn = `${functionName || '(anon)'} ${file}:${lineNumber}`;
    byFn.set(fn, (byFn.get(fn) ?? 0) + ms);
  }
  const top = (m: Map<string, number>, n: number) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, v]) => `${k} ${v.toFixed(0)}`)
      .join(', ');
  const span = (profile.endTime - profile.startTime) / 1000;
  return [
    `  CPU: busy ${busy.toFixed(0)} ms of ${span.toFixed(0)} ms`,
    `    by file: ${top(byFile, 8)}`,
    `    by function: ${top(byFn, 12)}`,
  ];
}

async function traced(page: Page, cdp: CDPSession, label: string, action: () => Promise<number>): Promise<void> {
  await page.evaluate(takeLog);
  await cdp.send('Profiler.start');
  const ms = await action();
  const { profile } = await cdp.send('Profiler.stop');
  const entries = (await page.evaluate(takeLog)) as IdbEntry[];
  log(`${label}: shown in ${ms.toFixed(0)} ms; ${entries.length} IndexedDB requests`);
  for (const line of [...summariseIdb(entries), ...summariseCpu(profile)]) console.log(line);
}

/** Each loop action once, traced. */
export async function traceLoop(fullProfile: string, today: string): Promise<void> {
  await withContext(fullProfile, async (context: BrowserContext, page: Page) => {
    await page.addInitScript(instrumentIndexedDb);
    await openMeetingList(page, 900_000);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    const timeoutMs = 60_000;
    const board = { hash: '#/followup', heading: '督办', kind: 'board' as const, minItems: 0, timeoutMs };
    // As YISHI_BENCH_PARTS=board measures it: the board straight after the meeting list.
    if (process.env.YISHI_BENCH_TRACE_ONLY === 'board') {
      await settle(page, 1_500);
      await traced(page, cdp, '督办 first page', async () => (await page.evaluate(showRoute, board)).ms);
      return;
    }
    await traced(page, cdp, '工作台', async () => (await page.evaluate(openWorkbenchRoute, { timeoutMs })).ms);
    await settle(page, 1_500);
    await traced(page, cdp, '督办 first page', async () => (await page.evaluate(showRoute, board)).ms);
    await settle(page, 1_500);
    for (const f of await boardFilters(page, today)) {
      const hash = f.query ? `#/followup?${f.query}` : '#/followup';
      await traced(page, cdp, `督办 ${f.label}`, async () => (await page.evaluate(showRoute, { ...board, hash })).ms);
      await settle(page, 1_000);
    }
    const timeline = {
      hash: `#/matters/${SCALE_LONG_MATTER_ID}`,
      heading: null,
      kind: 'timeline' as const,
      minItems: 40,
      timeoutMs,
    };
    await traced(page, cdp, 'timeline', async () => (await page.evaluate(showRoute, timeline)).ms);
    await settle(page, 1_500);
    // What the page still reads after the figures (counts shown when ready, live queries).
    await traced(page, cdp, 'idle 1.5 s after the timeline', async () => {
      await settle(page, 1_500);
      return 1_500;
    });
  });
}
