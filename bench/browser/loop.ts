// The closed loop at a district's scale (issue #12): 工作台 open, the 督办 board's first page and
// each filter change, a matter's timeline, and the JS heap after them — on the ten-year profile
// (matters at every stage, decisions followed over time), each next to the empty profile's.
// YISHI_BENCH_PARTS=workbench | board | timeline | matters | loop (all four), see index.ts.
import type { BrowserContext, Page } from '@playwright/test';
import { DB_NAME } from '../../shared/store/schema';
import { SCALE_ID_PREFIX, SCALE_LONG_MATTER_ID } from '../../shared/fixtures/scale/generator';
import { median, type BenchFigure } from '../measure';
import { getRow, meetingListUsable, openWorkbenchRoute } from './inpage';
import { log, settle, withContext } from './browser';
import { APP_URL } from './server';

export type LoopPart = 'workbench' | 'board' | 'timeline' | 'matters';
export const LOOP_PARTS: readonly LoopPart[] = ['workbench', 'board', 'timeline', 'matters'];

interface PageElement {
  textContent: string | null;
  getAttribute(name: string): string | null;
  querySelector(selector: string): PageElement | null;
  querySelectorAll(selector: string): ArrayLike<PageElement>;
  getBoundingClientRect(): { width: number; height: number };
}

/**
 * In the page: sets the hash and waits (rAF polling) until the page headed `heading` shows what
 * `hash` asks for: the 督办 board marks the address its rows were read for (data-board-shown),
 * the matter page its timeline. ms from the change.
 */
export function showRoute(arg: {
  hash: string;
  heading: string | null;
  kind: 'board' | 'timeline';
  minItems: number;
  timeoutMs: number;
}): Promise<{ ms: number; items: number; longestGapMs: number }> {
  const g = globalThis as unknown as {
    document: PageElement;
    location: { hash: string };
    performance: { now(): number };
    requestAnimationFrame(fn: () => void): void;
  };
  const doc = g.document;
  const start = g.performance.now();
  g.location.hash = arg.hash;
  const wanted = arg.hash.includes('?') ? arg.hash.slice(arg.hash.indexOf('?') + 1) : '';
  let last = start;
  let longestGapMs = 0;
  return new Promise((resolve, reject) => {
    const check = () => {
      const now = g.performance.now();
      longestGapMs = Math.max(longestGapMs, now - last);
      last = now;
      const elapsed = now - start;
      const heading =
        arg.heading === null ||
        Array.from(doc.querySelectorAll('h1')).some((h) => h.textContent?.trim() === arg.heading);
      let items = 0;
      let shown = false;
      if (heading && arg.kind === 'board') {
        const marked = doc.querySelector('[data-board-shown]');
        const table = doc.querySelector('.ant-table');
        items = table ? table.querySelectorAll('tr.ant-table-row').length : 0;
        const settled =
          table &&
          !doc.querySelector('.ant-spin-spinning') &&
          (items > 0 || table.querySelector('.ant-table-placeholder'));
        // A board without the marker (before it was paged) draws its rows from memory at once.
        shown = !!settled && (!marked || marked.getAttribute('data-board-shown') === wanted);
      } else if (heading && arg.kind === 'timeline') {
        items = doc.querySelectorAll('.ant-timeline-item').length;
        shown = items >= arg.minItems;
      }
      if (shown) resolve({ ms: elapsed, items, longestGapMs });
      else if (elapsed > arg.timeoutMs) reject(new Error(`${arg.hash}: not shown after ${arg.timeoutMs} ms`));
      else g.requestAnimationFrame(check);
    };
    g.requestAnimationFrame(check);
  });
}

export async function openMeetingList(page: Page, timeout = 120_000): Promise<void> {
  await page.goto(`${APP_URL}#/meetings`, { waitUntil: 'commit', timeout: 60_000 });
  await page.waitForFunction(meetingListUsable, undefined, { polling: 'raf', timeout });
  await settle(page, 1_500);
}

/** Renderer JS heap after a forced GC (CDP), in MB. */
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

/** The filters of the board a user changes one after another, as the address holds them. */
export async function boardFilters(page: Page, today: string): Promise<{ label: string; query: string }[]> {
  // A person and a unit named as 谁来干 on generated decisions of the first compound's meetings.
  const names = { person: '', unit: '' };
  for (let i = 0; i < 400 && (!names.person || !names.unit); i += 7) {
    const d = (await page.evaluate(getRow, {
      db: DB_NAME,
      table: 'decisions',
      key: `${SCALE_ID_PREFIX}d${String(i).padStart(7, '0')}`,
    })) as { responsible: { kind: string; name: string } } | undefined;
    if (!d) continue;
    if (d.responsible.kind === 'person') names.person ||= d.responsible.name;
    else names.unit ||= d.responsible.name;
  }
  const shift = (days: number) => new Date(Date.parse(today) + days * 86_400_000).toISOString().slice(0, 10);
  const q = (p: Record<string, string>) => new URLSearchParams(p).toString();
  return [
    { label: 'status 进行中', query: q({ tab: 'inProgress' }) },
    { label: 'status 已完成', query: q({ tab: 'done' }) },
    { label: 'compound', query: q({ orgUnitId: `${SCALE_ID_PREFIX}org-p001` }) },
    { label: 'person', query: q({ responsible: names.person }) },
    { label: 'unit', query: q({ responsible: names.unit }) },
    { label: 'due date ±30 days', query: q({ dueFrom: shift(-30), dueTo: shift(30) }) },
    { label: 'cleared', query: '' },
  ];
}

interface LoopSamples {
  workbench: number[];
  board: number[];
  filters: Map<string, number[]>;
  /** 按责任人 / 按责任单位, from the board as the filters left it. */
  views: Map<string, number[]>;
  /** The longest the window stood still (between two frames) while 按责任人 was counted. */
  viewGaps: number[];
  timeline: number[];
  timelineItems: number;
  /** 说事登记 from the menu until its first page of the register is shown. */
  matters: number[];
  heap: number[];
}

async function oneRun(page: Page, parts: readonly LoopPart[], today: string, s: LoopSamples, timeoutMs: number) {
  await openMeetingList(page);
  if (parts.includes('workbench')) {
    s.workbench.push((await page.evaluate(openWorkbenchRoute, { timeoutMs })).ms);
    await settle(page, 1_000);
  }
  if (parts.includes('board')) {
    const first = { hash: '#/followup', heading: '督办', kind: 'board' as const, minItems: 0, timeoutMs };
    s.board.push((await page.evaluate(showRoute, first)).ms);
    await settle(page, 1_000);
    for (const f of await boardFilters(page, today)) {
      const hash = f.query ? `#/followup?${f.query}` : '#/followup';
      const ms = (await page.evaluate(showRoute, { ...first, hash })).ms;
      s.filters.set(f.label, [...(s.filters.get(f.label) ?? []), ms]);
      await settle(page, 500);
    }
    // The grouped views count every followed decision (no target in issue 12: reported).
    for (const view of ['person', 'unit'] as const) {
      const shown = await page.evaluate(showRoute, { ...first, hash: `#/followup?view=${view}` });
      s.views.set(view, [...(s.views.get(view) ?? []), shown.ms]);
      if (view === 'person') s.viewGaps.push(shown.longestGapMs);
      await settle(page, 500);
    }
  }
  if (parts.includes('timeline')) {
    const hash = `#/matters/${SCALE_LONG_MATTER_ID}`;
    const arg = { hash, heading: null, kind: 'timeline' as const, minItems: 40, timeoutMs };
    const shown = await page.evaluate(showRoute, arg);
    s.timeline.push(shown.ms);
    s.timelineItems = shown.items;
    await settle(page, 1_000);
  }
  if (parts.includes('matters')) {
    // A table screen settles as the board does (its rows drawn, no spinner).
    const arg = { hash: '#/matters', heading: '说事登记', kind: 'board' as const, minItems: 1, timeoutMs };
    s.matters.push((await page.evaluate(showRoute, arg)).ms);
  }
}

/** The loop figures: a fresh browser per run on the ten-year profile, the empty one beside it for 工作台. */
export async function measureLoop(
  fullProfile: string,
  emptyProfile: string,
  runs: number,
  scale: number,
  parts: readonly LoopPart[],
  today: string,
): Promise<BenchFigure[]> {
  const s: LoopSamples = {
    workbench: [],
    board: [],
    filters: new Map(),
    views: new Map(),
    viewGaps: [],
    timeline: [],
    timelineItems: 0,
    matters: [],
    heap: [],
  };
  const empty: number[] = [];
  // Opened once first: a profile filled under an older schema is upgraded (and backed up) here,
  // not inside a measured run.
  await withContext(fullProfile, (_c, page) => openMeetingList(page, 900_000));
  for (let r = 0; r < runs; r++) {
    if (parts.includes('workbench'))
      await withContext(emptyProfile, async (_c, page) => {
        await openMeetingList(page);
        empty.push((await page.evaluate(openWorkbenchRoute, { timeoutMs: 60_000 })).ms);
      });
    await withContext(fullProfile, async (context, page) => {
      await oneRun(page, parts, today, s, Number(process.env.YISHI_BENCH_LOOP_TIMEOUT_MS) || 60_000);
      await settle(page, 1_000);
      s.heap.push(await heapMb(context, page));
    });
    const filters = [...s.filters, ...s.views].map(([k, v]) => `${k} ${v.at(-1)?.toFixed(0)}`).join(', ');
    log(
      `run ${r + 1}/${runs}: 工作台 ${s.workbench.at(-1)?.toFixed(0) ?? '-'} ms (empty ${empty.at(-1)?.toFixed(0) ?? '-'}), ` +
        `督办 ${s.board.at(-1)?.toFixed(0) ?? '-'} ms (${filters}), timeline ${s.timeline.at(-1)?.toFixed(0) ?? '-'} ms, ` +
        `说事登记 ${s.matters.at(-1)?.toFixed(0) ?? '-'} ms, heap ${s.heap.at(-1)?.toFixed(1)} MB`,
    );
  }
  const tag = scale === 1 ? 'ten-year DB' : `ten-year DB ×${scale}`;
  const figure = (name: string, values: number[], target?: number): BenchFigure => ({
    name,
    value: median(values),
    unit: 'ms',
    ...(target === undefined ? {} : { target: `≤ ${target} ms`, ok: median(values) <= target }),
  });
  const out: BenchFigure[] = [];
  if (parts.includes('workbench'))
    out.push(
      figure(`工作台 from the menu → lines shown, ${tag} (median)`, s.workbench, 300),
      figure('工作台 from the menu → lines shown, empty DB (median)', empty),
    );
  if (parts.includes('board')) {
    out.push(figure(`督办 from the menu → first page shown, ${tag} (median)`, s.board, 150));
    for (const [label, values] of s.filters)
      out.push(figure(`督办 filter change (${label}) → table updated (median)`, values, 150));
    const named = { person: '按责任人', unit: '按责任单位' } as Record<string, string>;
    for (const [view, values] of s.views)
      out.push(
        figure(
          `督办 view ${named[view] ?? view} → counts shown${view === 'person' ? ', first time' : ', after 按责任人'} (median)`,
          values,
        ),
      );
    if (s.viewGaps.length)
      out.push(figure('督办 view 按责任人, first time: longest frame gap meanwhile (median)', s.viewGaps));
  }
  if (parts.includes('timeline'))
    out.push(figure(`matter timeline (${s.timelineItems} steps) → shown, ${tag} (median)`, s.timeline, 200));
  if (parts.includes('matters'))
    out.push(figure(`说事登记 from the menu → first page of the register shown, ${tag} (median)`, s.matters));
  out.push({
    name: `renderer JS heap after ${parts.join(', ')}, ${tag} (forced GC, median)`,
    value: median(s.heap),
    unit: 'MB',
    target: '≤ 80 MB',
    ok: median(s.heap) <= 80,
  });
  return out;
}
