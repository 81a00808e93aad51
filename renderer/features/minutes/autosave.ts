/**
 * Autosave scheduler for what is typed during a meeting (minutes, 决议, …): framework-free,
 * with the clock, the timers and the save itself injected so the timing can be tested with
 * fake timers.
 *
 * Timing (defaults): a save starts after 400 ms without changes, and at the latest 600 ms
 * after the first unsaved change even while typing never pauses. So a keystroke is in a save
 * that starts at most 0.6 s later and is committed (strict durability) well inside a second:
 * the "never loses a word" promise is "loses at most the last second" with room for a slow
 * disk, and flush() on blur, tab hide and close shrinks that further. The fault harness kills
 * the browser mid-typing to check it. 400 ms idle fits the pauses between words and IME
 * phrases, so a typist who stops for a breath is saved almost at once; shorter would save on
 * nearly every keystroke for no gain. Serialising a 50k-character document every 0.6 s costs
 * a few milliseconds, well inside budget.
 *
 * Row identity: every unsaved value is held together with the key of the row it was typed on
 * (an agenda item's id, say), and the save receives that key with the value. A field that
 * moves on to another row while a save is pending or running therefore cannot write the new
 * row's text into the old row or the old row's text into the new one: the key travels with
 * the snapshot, never read from "the current row" at save time.
 */

export type SaveStatus = 'saved' | 'dirty' | 'saving' | 'error';

export interface AutosaveState {
  status: SaveStatus;
  /** Clock time (ms) of the last successful save, or the initial value given. */
  lastSavedAt: number | null;
  /** The error of the last failed save, until a save succeeds. */
  error: unknown;
  /** Consecutive failed saves. */
  failures: number;
  /** True when the last failure will not be retried (e.g. the meeting was locked). */
  gaveUp: boolean;
}

interface Clock {
  now(): number;
  setTimer(callback: () => void, ms: number): unknown;
  clearTimer(handle: unknown): void;
}

export interface AutosaveEffects<T> extends Clock {
  save(snapshot: T): Promise<void>;
}

export interface KeyedAutosaveEffects<T> extends Clock {
  /** Writes `snapshot` to the row `key`: the key it was typed on, whatever is shown now. */
  save(key: string, snapshot: T): Promise<void>;
}

export interface AutosaveOptions {
  idleMs?: number;
  maxWaitMs?: number;
  /** First retry delay after a failure; doubles per failure up to retryMaxMs. */
  retryBaseMs?: number;
  retryMaxMs?: number;
  /** Return false for errors that retrying cannot fix (the data stays dirty). */
  shouldRetry?: (error: unknown) => boolean;
  lastSavedAt?: number | null;
}

interface SchedulerControl {
  /** Saves now if anything is unsaved; resolves true when everything is saved. */
  flush(): Promise<boolean>;
  getState(): AutosaveState;
  subscribe(listener: (state: AutosaveState) => void): () => void;
  /** Stops all timers; unsaved data is dropped, so flush() first. */
  dispose(): void;
}

export interface AutosaveScheduler<T> extends SchedulerControl {
  /** Records the latest full snapshot; it replaces any older unsaved one. */
  markDirty(snapshot: T): void;
}

export interface KeyedAutosaveScheduler<T> extends SchedulerControl {
  /** Records the latest full snapshot of row `key`; it replaces only that row's older unsaved one. */
  markDirty(key: string, snapshot: T): void;
  /** The newest snapshot of `key` not yet known to be stored (waiting or being saved), if any. */
  unsaved(key: string): { snapshot: T } | undefined;
  /** Every row with a snapshot not yet known to be stored, oldest change first. */
  unsavedEntries(): { key: string; snapshot: T }[];
}

export const AUTOSAVE_DEFAULTS = { idleMs: 400, maxWaitMs: 600, retryBaseMs: 1000, retryMaxMs: 30_000 } as const;

function realClock(): Clock {
  return {
    now: () => Date.now(),
    setTimer: (callback, ms) => setTimeout(callback, ms),
    clearTimer: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  };
}

/** Real timers and clock, for the app. */
export function browserEffects<T>(save: (snapshot: T) => Promise<void>): AutosaveEffects<T> {
  return { ...realClock(), save };
}

/** Real timers and clock, for the app, with a save that is told the row. */
export function browserKeyedEffects<T>(save: (key: string, snapshot: T) => Promise<void>): KeyedAutosaveEffects<T> {
  return { ...realClock(), save };
}

export function retryDelay(failures: number, baseMs: number, maxMs: number): number {
  return Math.min(maxMs, baseMs * 2 ** Math.max(0, failures - 1));
}

interface Entry<T> {
  key: string;
  snapshot: T;
  /** When the oldest change of this row not yet in a successful save was made. */
  since: number;
}

/**
 * Never two saves at once, across all rows: a change during a save waits for it, so the rows'
 * writes land in the order they were typed. A failed save keeps its snapshot pending and
 * retries with exponential backoff; `status` stays 'error' through the retries so the line
 * reads "保存失败，正在重试" steadily instead of flickering. The status is the whole field's:
 * a failing save of the row left behind still shows after moving to the next one.
 */
class Scheduler<T> implements KeyedAutosaveScheduler<T> {
  private readonly idleMs: number;
  private readonly maxWaitMs: number;
  private readonly retryBaseMs: number;
  private readonly retryMaxMs: number;
  private readonly shouldRetry: (error: unknown) => boolean;
  /** Unsaved snapshots by row; Map order is the order rows first became dirty. */
  private pending = new Map<string, Entry<T>>();
  private inFlight: Promise<boolean> | null = null;
  private saving: Entry<T> | null = null;
  private timer: unknown = null;
  private retrying = false;
  private disposed = false;
  private state: AutosaveState;
  private readonly listeners = new Set<(s: AutosaveState) => void>();

  constructor(
    private readonly effects: KeyedAutosaveEffects<T>,
    options: AutosaveOptions,
  ) {
    this.idleMs = options.idleMs ?? AUTOSAVE_DEFAULTS.idleMs;
    this.maxWaitMs = options.maxWaitMs ?? AUTOSAVE_DEFAULTS.maxWaitMs;
    this.retryBaseMs = options.retryBaseMs ?? AUTOSAVE_DEFAULTS.retryBaseMs;
    this.retryMaxMs = options.retryMaxMs ?? AUTOSAVE_DEFAULTS.retryMaxMs;
    this.shouldRetry = options.shouldRetry ?? (() => true);
    this.state = { status: 'saved', lastSavedAt: options.lastSavedAt ?? null, error: null, failures: 0, gaveUp: false };
  }

  markDirty(key: string, snapshot: T): void {
    if (this.disposed) return;
    const older = this.pending.get(key);
    this.pending.set(key, { key, snapshot, since: older?.since ?? this.effects.now() });
    if (this.state.status === 'saved') this.setState({ status: 'dirty' });
    this.schedule();
  }

  unsaved(key: string): { snapshot: T } | undefined {
    const entry = this.pending.get(key) ?? (this.saving?.key === key ? this.saving : undefined);
    return entry ? { snapshot: entry.snapshot } : undefined;
  }

  unsavedEntries(): { key: string; snapshot: T }[] {
    const keys = new Set([...(this.saving ? [this.saving.key] : []), ...this.pending.keys()]);
    return [...keys].map((key) => ({ key, snapshot: (this.unsaved(key) as { snapshot: T }).snapshot }));
  }

  async flush(): Promise<boolean> {
    // An explicit flush (Ctrl+S, blur, close) tries at once, even after a refusal.
    if (!this.inFlight) this.clearTimer();
    this.setState({ gaveUp: false });
    for (;;) {
      if (this.inFlight) {
        await this.inFlight;
        continue;
      }
      if (this.pending.size === 0) return this.state.failures === 0;
      if (!(await this.startSave())) return false;
    }
  }

  // Arrow properties: React's useSyncExternalStore calls these detached from the object.
  getState = (): AutosaveState => this.state;

  subscribe = (listener: (state: AutosaveState) => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  dispose(): void {
    this.clearTimer();
    this.disposed = true;
    this.listeners.clear();
  }

  private setState(patch: Partial<AutosaveState>): void {
    const next = { ...this.state, ...patch };
    const changed = (Object.keys(next) as (keyof AutosaveState)[]).some((k) => next[k] !== this.state[k]);
    if (!changed) return;
    this.state = next;
    for (const listener of [...this.listeners]) listener(next);
  }

  private clearTimer(): void {
    if (this.timer !== null) this.effects.clearTimer(this.timer);
    this.timer = null;
    this.retrying = false;
  }

  private arm(ms: number, isRetry: boolean): void {
    this.clearTimer();
    if (this.disposed) return;
    this.retrying = isRetry;
    this.timer = this.effects.setTimer(
      () => {
        this.timer = null;
        this.retrying = false;
        if (this.pending.size > 0 && !this.inFlight) void this.startSave();
      },
      Math.max(0, ms),
    );
  }

  /** Idle/max-wait timer; a pending retry or a running save owns the next step instead. */
  private schedule(): void {
    if (this.inFlight || this.retrying || this.state.gaveUp || this.pending.size === 0) return;
    const oldest = Math.min(...[...this.pending.values()].map((e) => e.since));
    const untilMaxWait = oldest + this.maxWaitMs - this.effects.now();
    this.arm(Math.min(this.idleMs, untilMaxWait), false);
  }

  /** Saves the row that became dirty first; the caller knows pending is not empty. */
  private startSave(): Promise<boolean> {
    this.clearTimer();
    const taken = this.pending.values().next().value as Entry<T>;
    this.pending.delete(taken.key);
    this.saving = taken;
    if (this.state.failures === 0) this.setState({ status: 'saving' });
    // inFlight is cleared inside these handlers, before anyone awaiting the promise resumes.
    const run = this.effects.save(taken.key, taken.snapshot).then(
      () => this.onSaved(),
      (error: unknown) => this.onFailed(error, taken),
    );
    this.inFlight = run;
    return run;
  }

  private onSaved(): boolean {
    this.inFlight = null;
    this.saving = null;
    this.setState({
      lastSavedAt: this.effects.now(),
      error: null,
      failures: 0,
      gaveUp: false,
      status: this.pending.size > 0 ? 'dirty' : 'saved',
    });
    this.schedule();
    return true;
  }

  private onFailed(error: unknown, taken: Entry<T>): boolean {
    this.inFlight = null;
    this.saving = null;
    const newer = this.pending.get(taken.key);
    if (newer) {
      // A newer snapshot of the row holds everything the failed one had: keep it, dirty since the older change.
      newer.since = Math.min(newer.since, taken.since);
    } else {
      // Back at the head of the queue, so the retry is this row's.
      this.pending = new Map([[taken.key, taken], ...this.pending]);
    }
    const failures = this.state.failures + 1;
    const retry = this.shouldRetry(error);
    this.setState({ status: 'error', error, failures, gaveUp: !retry });
    if (retry) this.arm(retryDelay(failures, this.retryBaseMs, this.retryMaxMs), true);
    return false;
  }
}

/** A scheduler for values of several rows: each snapshot is saved to the row it was marked with. */
export function createKeyedAutosave<T>(
  effects: KeyedAutosaveEffects<T>,
  options: AutosaveOptions = {},
): KeyedAutosaveScheduler<T> {
  return new Scheduler(effects, options);
}

/** A scheduler for one fixed row (the save already knows which). */
export function createAutosave<T>(effects: AutosaveEffects<T>, options: AutosaveOptions = {}): AutosaveScheduler<T> {
  const ONLY = '';
  const keyed = new Scheduler<T>({ ...effects, save: (_key, snapshot) => effects.save(snapshot) }, options);
  return {
    markDirty: (snapshot) => keyed.markDirty(ONLY, snapshot),
    flush: () => keyed.flush(),
    getState: keyed.getState,
    subscribe: keyed.subscribe,
    dispose: () => keyed.dispose(),
  };
}
