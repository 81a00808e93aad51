// Functions that run inside the page (passed to page.evaluate / waitForFunction). Playwright
// sends their source text, so they must not refer to anything outside their own body. bench/ is
// type-checked without the DOM library, hence the small structural types and globalThis casts.

export interface IdbRequest<T> {
  result: T;
  error: unknown;
  onsuccess: (() => void) | null;
  onerror: (() => void) | null;
}
interface IdbStore {
  put(value: unknown): unknown;
  count(): IdbRequest<number>;
  get(key: string): IdbRequest<unknown>;
}
interface IdbTransaction {
  objectStore(name: string): IdbStore;
  oncomplete: (() => void) | null;
  onerror: (() => void) | null;
  onabort: (() => void) | null;
  error: unknown;
}
interface IdbDatabase {
  version: number;
  objectStoreNames: { length: number; contains(name: string): boolean };
  transaction(
    names: string | string[],
    mode: 'readonly' | 'readwrite',
    options?: { durability: 'relaxed' | 'strict' | 'default' },
  ): IdbTransaction;
  close(): void;
}
interface PageElement {
  textContent: string | null;
  childElementCount: number;
  querySelector(selector: string): PageElement | null;
  querySelectorAll(selector: string): ArrayLike<PageElement>;
  getBoundingClientRect(): { width: number; height: number };
  addEventListener(type: string, fn: (e: { timeStamp: number }) => void, capture?: boolean): void;
  click(): void;
  focus(): void;
}

/** Writes one batch of rows (JSON text) into a store of the app's database, opened as it is. */
export function fillBatch(arg: { db: string; table: string; json: string }): Promise<number> {
  const g = globalThis as unknown as {
    indexedDB: { open(name: string): IdbRequest<IdbDatabase> };
    __ybDb?: IdbDatabase;
  };
  const open = (): Promise<IdbDatabase> =>
    g.__ybDb
      ? Promise.resolve(g.__ybDb)
      : new Promise((resolve, reject) => {
          const request = g.indexedDB.open(arg.db);
          request.onsuccess = () => {
            g.__ybDb = request.result;
            resolve(request.result);
          };
          request.onerror = () => reject(new Error(String(request.error)));
        });
  return open().then((db) => {
    if (!db.objectStoreNames.contains(arg.table))
      throw new Error(`no object store ${arg.table} (version ${db.version})`);
    const rows = JSON.parse(arg.json) as unknown[];
    const tx = db.transaction(arg.table, 'readwrite', { durability: 'relaxed' });
    const store = tx.objectStore(arg.table);
    for (const row of rows) store.put(row);
    return new Promise<number>((resolve, reject) => {
      tx.oncomplete = () => resolve(rows.length);
      tx.onerror = () => reject(new Error(String(tx.error)));
      tx.onabort = () => reject(new Error(`aborted: ${String(tx.error)}`));
    });
  });
}

/** Row counts of the given stores, or null when the database has no such store yet. */
export function countRows(arg: { db: string; tables: string[] }): Promise<Record<string, number> | null> {
  const g = globalThis as unknown as { indexedDB: { open(name: string): IdbRequest<IdbDatabase> } };
  return new Promise((resolve, reject) => {
    const request = g.indexedDB.open(arg.db);
    request.onerror = () => reject(new Error(String(request.error)));
    request.onsuccess = () => {
      const db = request.result;
      if (!arg.tables.every((t) => db.objectStoreNames.contains(t))) {
        db.close();
        resolve(null);
        return;
      }
      const tx = db.transaction(arg.tables, 'readonly');
      const counts: Record<string, number> = {};
      for (const t of arg.tables) {
        const r = tx.objectStore(t).count();
        r.onsuccess = () => (counts[t] = r.result);
      }
      tx.oncomplete = () => {
        db.close();
        resolve(counts);
      };
      tx.onerror = () => reject(new Error(String(tx.error)));
    };
  });
}

/** One stored row by primary key (used to hand the live minutes to the bare page). */
export function getRow(arg: { db: string; table: string; key: string }): Promise<unknown> {
  const g = globalThis as unknown as { indexedDB: { open(name: string): IdbRequest<IdbDatabase> } };
  return new Promise((resolve, reject) => {
    const request = g.indexedDB.open(arg.db);
    request.onerror = () => reject(new Error(String(request.error)));
    request.onsuccess = () => {
      const db = request.result;
      const r = db.transaction(arg.table, 'readonly').objectStore(arg.table).get(arg.key);
      r.onsuccess = () => {
        db.close();
        resolve(r.result);
      };
      r.onerror = () => reject(new Error(String(r.error)));
    };
  });
}

/**
 * For waitForFunction with polling 'raf': the meeting list is usable when the '会议' heading is
 * shown and the table has rows (or its empty placeholder) and no spinner. Returns the page's
 * performance.now() at that frame (ms since navigation start), or false.
 */
export function meetingListUsable(): number | false {
  const g = globalThis as unknown as { document: PageElement; performance: { now(): number } };
  const doc = g.document;
  const heading = Array.from(doc.querySelectorAll('h1')).find((h) => h.textContent?.trim() === '会议');
  if (!heading || heading.getBoundingClientRect().height === 0) return false;
  const table = doc.querySelector('.ant-table');
  // antd 6 puts a loading table's spinner around the table, not inside it.
  if (!table || doc.querySelector('.ant-table-wrapper .ant-spin-spinning')) return false;
  const row = table.querySelector('tr.ant-table-row') ?? table.querySelector('.ant-table-placeholder');
  if (!row || row.getBoundingClientRect().height === 0) return false;
  return g.performance.now();
}

/**
 * Clicks a list tab by its label and waits (rAF polling) until the table shows that tab's rows:
 * the first row's status tag is one of `tags`, or, with `tags` null, the empty placeholder.
 */
export function switchListTab(arg: {
  label: string;
  tags: string[] | null;
  timeoutMs: number;
}): Promise<{ ms: number; rows: number }> {
  const g = globalThis as unknown as {
    document: PageElement;
    performance: { now(): number };
    requestAnimationFrame(fn: () => void): void;
  };
  const doc = g.document;
  const tab = Array.from(doc.querySelectorAll('.ant-tabs-tab-btn')).find((t) => t.textContent?.trim() === arg.label);
  if (!tab) return Promise.reject(new Error(`no tab ${arg.label}`));
  const start = g.performance.now();
  tab.click();
  return new Promise((resolve, reject) => {
    const check = () => {
      const elapsed = g.performance.now() - start;
      const table = doc.querySelector('.ant-table');
      const rows = table ? table.querySelectorAll('tr.ant-table-row').length : 0;
      const settled = table && !doc.querySelector('.ant-table-wrapper .ant-spin-spinning');
      const tag = table?.querySelector('tr.ant-table-row .ant-tag')?.textContent?.trim() ?? '';
      // Antd keeps the previous tab's rows while loading: the first row's status tells them apart.
      const done = arg.tags
        ? rows > 0 && arg.tags.includes(tag)
        : rows === 0 && table?.querySelector('.ant-table-placeholder');
      if (settled && done) resolve({ ms: elapsed, rows });
      else if (elapsed > arg.timeoutMs) reject(new Error(`tab ${arg.label}: not shown after ${arg.timeoutMs} ms`));
      else g.requestAnimationFrame(check);
    };
    g.requestAnimationFrame(check);
  });
}

/**
 * Navigates the running app to `hash` and waits (rAF polling) until the page headed `heading`
 * shows its table: rows (or the empty placeholder) and no spinner. ms from the navigation.
 */
export function openListRoute(arg: {
  hash: string;
  heading: string;
  timeoutMs: number;
}): Promise<{ ms: number; rows: number }> {
  const g = globalThis as unknown as {
    document: PageElement;
    location: { hash: string };
    performance: { now(): number };
    requestAnimationFrame(fn: () => void): void;
  };
  const doc = g.document;
  const start = g.performance.now();
  g.location.hash = arg.hash;
  return new Promise((resolve, reject) => {
    const check = () => {
      const elapsed = g.performance.now() - start;
      const heading = Array.from(doc.querySelectorAll('h1')).find((h) => h.textContent?.trim() === arg.heading);
      const table = heading ? doc.querySelector('.ant-table') : null;
      const rows = table ? table.querySelectorAll('tr.ant-table-row').length : 0;
      const shown =
        table &&
        !doc.querySelector('.ant-table-wrapper .ant-spin-spinning') &&
        (rows > 0 || table.querySelector('.ant-table-placeholder'));
      if (shown) resolve({ ms: elapsed, rows });
      else if (elapsed > arg.timeoutMs) reject(new Error(`${arg.hash}: table not shown after ${arg.timeoutMs} ms`));
      else g.requestAnimationFrame(check);
    };
    g.requestAnimationFrame(check);
  });
}

/**
 * Opens a meeting inside the running app (hash route), clicks the 纪要与决定 tab and waits until
 * an editor holding at least `minChars` characters is shown. All times in ms from the start.
 */
export function openMeetingMinutes(arg: {
  id: string;
  tabLabel: string;
  minChars: number;
  timeoutMs: number;
}): Promise<{ page: number; total: number }> {
  const g = globalThis as unknown as {
    document: PageElement;
    location: { hash: string };
    performance: { now(): number };
    requestAnimationFrame(fn: () => void): void;
  };
  const doc = g.document;
  const start = g.performance.now();
  g.location.hash = `#/meetings/${arg.id}`;
  return new Promise((resolve, reject) => {
    let pageAt = 0;
    const seen = new Map<PageElement, number>();
    const check = () => {
      const elapsed = g.performance.now() - start;
      if (elapsed > arg.timeoutMs) {
        reject(new Error(`meeting ${arg.id}: minutes not shown after ${arg.timeoutMs} ms`));
        return;
      }
      if (!pageAt) {
        const tab = Array.from(doc.querySelectorAll('.ant-tabs-tab-btn')).find(
          (t) => t.textContent?.trim() === arg.tabLabel,
        );
        if (tab) {
          pageAt = elapsed;
          tab.click();
        }
      } else {
        // The editor's content element and the read-only view share this class. Reading the text
        // of 50,000 characters every frame would itself cost time (and garbage) in the window being
        // measured, so an element's text is read again only when its number of blocks changed.
        const editors = Array.from(doc.querySelectorAll('.yishi-minutes-content'));
        if (
          editors.some((e) => {
            if (seen.get(e) === e.childElementCount || e.getBoundingClientRect().height === 0) return false;
            if ((e.textContent?.length ?? 0) >= arg.minChars) return true;
            seen.set(e, e.childElementCount);
            return false;
          })
        ) {
          resolve({ page: pageAt, total: elapsed });
          return;
        }
      }
      g.requestAnimationFrame(check);
    };
    g.requestAnimationFrame(check);
  });
}

/**
 * Installs the typing probe (default: on the page's ProseMirror editor): per keystroke on `keys`,
 * the time from the keydown event to the first DOM update of `observe` (MutationObserver) and to
 * the end of the next frame (a message posted from requestAnimationFrame runs after that frame's
 * paint). Returns the text length of `keys`.
 */
export function installTypingProbe(
  arg: { keys: string; observe: string } = { keys: '.ProseMirror', observe: '.ProseMirror' },
): number {
  const g = globalThis as unknown as {
    document: PageElement;
    performance: { now(): number };
    requestAnimationFrame(fn: () => void): void;
    MutationObserver: new (fn: () => void) => { observe(target: unknown, options: Record<string, boolean>): void };
    MessageChannel: new () => { port1: { onmessage: (() => void) | null }; port2: { postMessage(v: unknown): void } };
    __ybSamples?: { dom: number; frame: number }[];
  };
  const el = g.document.querySelector(arg.keys);
  const observed = g.document.querySelector(arg.observe);
  if (!el || !observed) throw new Error(`no ${arg.keys} / ${arg.observe} on the page`);
  const samples: { dom: number; frame: number }[] = [];
  g.__ybSamples = samples;
  let pending: { start: number; dom?: number } | null = null;
  const channel = new g.MessageChannel();
  channel.port1.onmessage = () => {
    if (pending?.dom === undefined) return;
    const now = g.performance.now();
    samples.push({ dom: pending.dom - pending.start, frame: now - pending.start });
    pending = null;
  };
  el.addEventListener('keydown', (e) => (pending = { start: e.timeStamp }), true);
  new g.MutationObserver(() => {
    if (!pending || pending.dom !== undefined) return;
    pending.dom = g.performance.now();
    g.requestAnimationFrame(() => channel.port2.postMessage(0));
  }).observe(observed, { childList: true, subtree: true, characterData: true });
  el.focus();
  return el.textContent?.length ?? 0;
}

export function typingSamples(): { dom: number; frame: number }[] {
  return (globalThis as unknown as { __ybSamples?: { dom: number; frame: number }[] }).__ybSamples ?? [];
}

/**
 * From the menu to the 工作台 (hash #/), until its lines are drawn: the heading, and the card of
 * decisions due (the last of its reads to arrive, the one over the decisions) showing its content
 * rather than the loading spinner. Time from the hash change, rAF polling.
 */
export function openWorkbenchRoute(arg: { timeoutMs: number }): Promise<{ ms: number }> {
  const g = globalThis as unknown as {
    document: PageElement;
    location: { hash: string };
    performance: { now(): number };
    requestAnimationFrame(fn: () => void): void;
  };
  const doc = g.document;
  const start = g.performance.now();
  g.location.hash = '#/';
  return new Promise((resolve, reject) => {
    const check = () => {
      const elapsed = g.performance.now() - start;
      const heading = Array.from(doc.querySelectorAll('h1')).find((h) => h.textContent?.trim() === '工作台');
      const due = heading ? doc.querySelector('[data-testid="workbench-due"]') : null;
      if (due && due.getBoundingClientRect().height > 0) resolve({ ms: elapsed });
      else if (elapsed > arg.timeoutMs) reject(new Error(`工作台 not shown after ${arg.timeoutMs} ms`));
      else g.requestAnimationFrame(check);
    };
    g.requestAnimationFrame(check);
  });
}
