import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAutosave, retryDelay, type AutosaveEffects, type AutosaveOptions, type SaveStatus } from './autosave';

interface Deferred {
  resolve(): void;
  reject(error: unknown): void;
}

/** A save whose calls are recorded and settled by the test, or settled after `latencyMs`. */
function harness(options: AutosaveOptions = {}, latencyMs: number | null = 0) {
  const saved: string[] = [];
  const calls: { snapshot: string; at: number; control: Deferred }[] = [];
  let concurrent = 0;
  let maxConcurrent = 0;
  let failNext = 0;
  const effects: AutosaveEffects<string> = {
    now: () => Date.now(),
    setTimer: (fn, ms) => setTimeout(fn, ms),
    clearTimer: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
    save: (snapshot) =>
      new Promise<void>((resolve, reject) => {
        concurrent += 1;
        maxConcurrent = Math.max(maxConcurrent, concurrent);
        const done = (error?: unknown) => {
          concurrent -= 1;
          if (error === undefined) {
            saved.push(snapshot);
            resolve();
          } else reject(error);
        };
        const control = { resolve: () => done(), reject: (e: unknown) => done(e) };
        calls.push({ snapshot, at: Date.now(), control });
        if (latencyMs !== null) {
          const failing = failNext > 0;
          if (failing) failNext -= 1;
          const settle = () => (failing ? control.reject(new Error('disk full')) : control.resolve());
          if (latencyMs === 0) settle();
          else setTimeout(settle, latencyMs);
        }
      }),
  };
  const scheduler = createAutosave(effects, options);
  const statuses: SaveStatus[] = [];
  scheduler.subscribe((s) => statuses.push(s.status));
  return {
    scheduler,
    saved,
    calls,
    statuses,
    maxConcurrent: () => maxConcurrent,
    failTimes: (n: number) => {
      failNext = n;
    },
  };
}

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(new Date('2026-07-10T09:00:00+08:00'));
});
afterEach(() => vi.useRealTimers());

describe('autosave scheduler', () => {
  it('saves the latest snapshot once after the idle delay', async () => {
    const h = harness();
    h.scheduler.markDirty('a');
    h.scheduler.markDirty('ab');
    expect(h.scheduler.getState().status).toBe('dirty');
    await vi.advanceTimersByTimeAsync(399);
    expect(h.saved).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(h.saved).toEqual(['ab']);
    expect(h.scheduler.getState()).toMatchObject({ status: 'saved', lastSavedAt: Date.now(), failures: 0 });
    expect(h.statuses).toEqual(['dirty', 'saving', 'saved']);
    await vi.advanceTimersByTimeAsync(5000);
    expect(h.saved).toEqual(['ab']);
  });

  it('saves at least every max-wait while typing never pauses long enough', async () => {
    const h = harness();
    const start = Date.now();
    // A keystroke every 150 ms for 3.2 s: the idle delay never elapses.
    for (let i = 1; i <= 21; i += 1) {
      h.scheduler.markDirty(`text${i}`);
      await vi.advanceTimersByTimeAsync(150);
    }
    expect(h.calls.map((c) => c.at - start)).toEqual([600, 1200, 1800, 2400, 3000]);
    // Each save held everything typed up to its start: nothing older than 0.6 s was unsaved.
    expect(h.saved).toEqual(['text4', 'text8', 'text12', 'text16', 'text20']);
    await vi.advanceTimersByTimeAsync(400);
    expect(h.saved.at(-1)).toBe('text21');
  });

  it('flush saves at once, resolves true, and cancels the pending idle save', async () => {
    const h = harness();
    h.scheduler.markDirty('x');
    await expect(h.scheduler.flush()).resolves.toBe(true);
    expect(h.saved).toEqual(['x']);
    await vi.advanceTimersByTimeAsync(2000);
    expect(h.saved).toEqual(['x']);
    await expect(h.scheduler.flush()).resolves.toBe(true);
    expect(h.calls).toHaveLength(1);
  });

  it('never runs two saves at once: a change during a save is saved after it', async () => {
    const h = harness({}, null);
    h.scheduler.markDirty('v1');
    await vi.advanceTimersByTimeAsync(400);
    expect(h.calls).toHaveLength(1);
    h.scheduler.markDirty('v2');
    h.scheduler.markDirty('v3');
    await vi.advanceTimersByTimeAsync(3000);
    expect(h.calls).toHaveLength(1);
    const flushed = h.scheduler.flush();
    h.calls[0]!.control.resolve();
    await vi.advanceTimersByTimeAsync(0);
    expect(h.calls.map((c) => c.snapshot)).toEqual(['v1', 'v3']);
    h.calls[1]!.control.resolve();
    await expect(flushed).resolves.toBe(true);
    expect(h.maxConcurrent()).toBe(1);
    expect(h.scheduler.getState().status).toBe('saved');
  });

  it('schedules the follow-up save normally when no flush is waiting', async () => {
    const h = harness({}, 300);
    h.scheduler.markDirty('v1');
    await vi.advanceTimersByTimeAsync(500);
    h.scheduler.markDirty('v2');
    await vi.advanceTimersByTimeAsync(200);
    expect(h.scheduler.getState().status).toBe('dirty');
    await vi.advanceTimersByTimeAsync(1000);
    expect(h.saved).toEqual(['v1', 'v2']);
    expect(h.maxConcurrent()).toBe(1);
  });

  it('keeps the data dirty after a failure and retries with growing delays', async () => {
    const h = harness({ retryBaseMs: 1000 });
    h.failTimes(3);
    h.scheduler.markDirty('important');
    await vi.advanceTimersByTimeAsync(400);
    expect(h.scheduler.getState()).toMatchObject({ status: 'error', failures: 1, gaveUp: false });
    expect(h.saved).toEqual([]);
    await vi.advanceTimersByTimeAsync(1000);
    expect(h.scheduler.getState().failures).toBe(2);
    await vi.advanceTimersByTimeAsync(1999);
    expect(h.calls).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(h.calls).toHaveLength(3);
    await vi.advanceTimersByTimeAsync(4000);
    expect(h.saved).toEqual(['important']);
    expect(h.scheduler.getState()).toMatchObject({ status: 'saved', failures: 0, error: null });
  });

  it('retries the newest snapshot when typing continued after the failure', async () => {
    const h = harness({ retryBaseMs: 1000 });
    h.failTimes(1);
    h.scheduler.markDirty('old');
    await vi.advanceTimersByTimeAsync(400);
    h.scheduler.markDirty('old+new');
    expect(h.scheduler.getState().status).toBe('error');
    await vi.advanceTimersByTimeAsync(1000);
    expect(h.saved).toEqual(['old+new']);
  });

  it('gives up on errors that cannot be retried until the next flush', async () => {
    const locked = new Error('locked');
    const h = harness({ shouldRetry: (e) => e !== locked }, null);
    h.scheduler.markDirty('late words');
    await vi.advanceTimersByTimeAsync(400);
    h.calls[0]!.control.reject(locked);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(h.calls).toHaveLength(1);
    expect(h.scheduler.getState()).toMatchObject({ status: 'error', gaveUp: true });
    const flushed = h.scheduler.flush();
    h.calls[1]!.control.resolve();
    await expect(flushed).resolves.toBe(true);
    expect(h.saved).toEqual(['late words']);
  });

  it('flush reports a failed save and leaves a retry scheduled', async () => {
    const h = harness({ retryBaseMs: 500 });
    h.failTimes(1);
    h.scheduler.markDirty('x');
    await expect(h.scheduler.flush()).resolves.toBe(false);
    expect(h.scheduler.getState().status).toBe('error');
    await vi.advanceTimersByTimeAsync(500);
    expect(h.saved).toEqual(['x']);
  });

  it('stops its timers on dispose', async () => {
    const h = harness();
    h.scheduler.markDirty('x');
    h.scheduler.dispose();
    await vi.advanceTimersByTimeAsync(5000);
    expect(h.calls).toHaveLength(0);
  });

  it('caps the retry delay', () => {
    expect([1, 2, 3, 4].map((n) => retryDelay(n, 1000, 30_000))).toEqual([1000, 2000, 4000, 8000]);
    expect(retryDelay(20, 1000, 30_000)).toBe(30_000);
  });
});
