/**
 * Autosave scheduler for the live minutes: framework-free, with the clock, the timers and the
 * save itself injected so the timing can be tested with fake timers.
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

export interface AutosaveEffects<T> {
  save(snapshot: T): Promise<void>;
  now(): number;
  setTimer(callback: () => void, ms: number): unknown;
  clearTimer(handle: unknown): void;
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

export interface AutosaveScheduler<T> {
  /** Records the latest full snapshot; it replaces any older unsaved one. */
  markDirty(snapshot: T): void;
  /** Saves now if anything is unsaved; resolves true when everything is saved. */
  flush(): Promise<boolean>;
  getState(): AutosaveState;
  subscribe(listener: (state: AutosaveState) => void): () => void;
  /** Stops all timers; unsaved data is dropped, so flush() first. */
  dispose(): void;
}

export const AUTOSAVE_DEFAULTS = { idleMs: 400, maxWaitMs: 600, retryBaseMs: 1000, retryMaxMs: 30_000 } as const;

/** Real timers and clock, for the app. */
export function browserEffects<T>(save: (snapshot: T) => Promise<void>): AutosaveEffects<T> {
  return {
    save,
    now: () => Date.now(),
    setTimer: (callback, ms) => setTimeout(callback, ms),
    clearTimer: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  };
}

export function retryDelay(failures: number, baseMs: number, maxMs: number): number {
  return Math.min(maxMs, baseMs * 2 ** Math.max(0, failures - 1));
}

/**
 * Never two saves at once: a change during a save waits for it. A failed save keeps its
 * snapshot pending and retries with exponential backoff; `status` stays 'error' through the
 * retries so the line reads "保存失败，正在重试" steadily instead of flickering.
 */
class Scheduler<T> implements AutosaveScheduler<T> {
  private readonly idleMs: number;
  private readonly maxWaitMs: number;
  private readonly retryBaseMs: number;
  private readonly retryMaxMs: number;
  private readonly shouldRetry: (error: unknown) => boolean;
  // A wrapper object, so a snapshot that is itself undefined still counts as pending.
  private pending: { snapshot: T } | null = null;
  /** When the oldest change not yet in a successful save was made. */
  private dirtySince: number | null = null;
  private inFlight: Promise<boolean> | null = null;
  private timer: unknown = null;
  private retrying = false;
  private disposed = false;
  private state: AutosaveState;
  private readonly listeners = new Set<(s: AutosaveState) => void>();

  constructor(
    private readonly effects: AutosaveEffects<T>,
    options: AutosaveOptions,
  ) {
    this.idleMs = options.idleMs ?? AUTOSAVE_DEFAULTS.idleMs;
    this.maxWaitMs = options.maxWaitMs ?? AUTOSAVE_DEFAULTS.maxWaitMs;
    this.retryBaseMs = options.retryBaseMs ?? AUTOSAVE_DEFAULTS.retryBaseMs;
    this.retryMaxMs = options.retryMaxMs ?? AUTOSAVE_DEFAULTS.retryMaxMs;
    this.shouldRetry = options.shouldRetry ?? (() => true);
    this.state = { status: 'saved', lastSavedAt: options.lastSavedAt ?? null, error: null, failures: 0, gaveUp: false };
  }

  markDirty(snapshot: T): void {
    if (this.disposed) return;
    this.pending = { snapshot };
    if (this.dirtySince === null) this.dirtySince = this.effects.now();
    if (this.state.status === 'saved') this.setState({ status: 'dirty' });
    this.schedule();
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
      if (!this.pending) return this.state.failures === 0;
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
        if (this.pending && !this.inFlight) void this.startSave();
      },
      Math.max(0, ms),
    );
  }

  /** Idle/max-wait timer; a pending retry or a running save owns the next step instead. */
  private schedule(): void {
    if (this.inFlight || this.retrying || this.state.gaveUp || !this.pending || this.dirtySince === null) return;
    const untilMaxWait = this.dirtySince + this.maxWaitMs - this.effects.now();
    this.arm(Math.min(this.idleMs, untilMaxWait), false);
  }

  private startSave(): Promise<boolean> {
    this.clearTimer();
    const taken = this.pending as { snapshot: T };
    const takenSince = this.dirtySince;
    this.pending = null;
    this.dirtySince = null;
    if (this.state.failures === 0) this.setState({ status: 'saving' });
    // inFlight is cleared inside these handlers, before anyone awaiting the promise resumes.
    const run = this.effects.save(taken.snapshot).then(
      () => this.onSaved(),
      (error: unknown) => this.onFailed(error, taken, takenSince),
    );
    this.inFlight = run;
    return run;
  }

  private onSaved(): boolean {
    this.inFlight = null;
    this.setState({
      lastSavedAt: this.effects.now(),
      error: null,
      failures: 0,
      gaveUp: false,
      status: this.pending ? 'dirty' : 'saved',
    });
    this.schedule();
    return true;
  }

  private onFailed(error: unknown, taken: { snapshot: T }, takenSince: number | null): boolean {
    this.inFlight = null;
    // A newer snapshot holds everything the failed one had, so only restore when none came.
    if (!this.pending) this.pending = taken;
    this.dirtySince = Math.min(takenSince ?? this.effects.now(), this.dirtySince ?? Infinity);
    const failures = this.state.failures + 1;
    const retry = this.shouldRetry(error);
    this.setState({ status: 'error', error, failures, gaveUp: !retry });
    if (retry) this.arm(retryDelay(failures, this.retryBaseMs, this.retryMaxMs), true);
    return false;
  }
}

export function createAutosave<T>(effects: AutosaveEffects<T>, options: AutosaveOptions = {}): AutosaveScheduler<T> {
  return new Scheduler(effects, options);
}
