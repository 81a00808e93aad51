import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createKeyedAutosave, type AutosaveOptions, type KeyedAutosaveEffects } from './autosave';

interface Call {
  key: string;
  snapshot: string;
  settle(error?: unknown): void;
}

/** A keyed scheduler whose saves are recorded; `manual` saves wait for the test to settle them. */
function harness(options: AutosaveOptions = {}, manual = false) {
  const calls: Call[] = [];
  /** What each row holds: the last snapshot written to it. */
  const rows = new Map<string, string>();
  let failNext = 0;
  const effects: KeyedAutosaveEffects<string> = {
    now: () => Date.now(),
    setTimer: (fn, ms) => setTimeout(fn, ms),
    clearTimer: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
    save: (key, snapshot) =>
      new Promise<void>((resolve, reject) => {
        const settle = (error?: unknown) => {
          if (error !== undefined) return reject(error);
          rows.set(key, snapshot);
          resolve();
        };
        calls.push({ key, snapshot, settle });
        if (manual) return;
        if (failNext > 0) {
          failNext -= 1;
          settle(new Error('disk full'));
        } else settle();
      }),
  };
  const scheduler = createKeyedAutosave(effects, options);
  return {
    scheduler,
    calls,
    rows,
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

describe('keyed autosave scheduler', () => {
  it('a row switch mid-typing saves the old row its own text, and the new row its own', async () => {
    const h = harness();
    // Typing the resolution of item A…
    h.scheduler.markDirty('A', '垃圾桶');
    await vi.advanceTimersByTimeAsync(100);
    h.scheduler.markDirty('A', '垃圾桶更换');
    await vi.advanceTimersByTimeAsync(100);
    // …Alt+N: the field now shows item B, and the chair types on at once.
    h.scheduler.markDirty('B', '车位');
    expect(h.scheduler.unsaved('A')).toEqual({ snapshot: '垃圾桶更换' });
    // A is saved 600 ms after its first change, B 600 ms after its own (max wait per row).
    await vi.advanceTimersByTimeAsync(400);
    expect(h.calls.map((c) => [c.key, c.snapshot])).toEqual([['A', '垃圾桶更换']]);
    await vi.advanceTimersByTimeAsync(200);
    expect(h.calls.map((c) => [c.key, c.snapshot])).toEqual([
      ['A', '垃圾桶更换'],
      ['B', '车位'],
    ]);
    expect(Object.fromEntries(h.rows)).toEqual({ A: '垃圾桶更换', B: '车位' });
    expect(h.scheduler.getState().status).toBe('saved');
  });

  it('a flush on the row switch writes the old row while the new row is typed', async () => {
    const h = harness({}, true);
    h.scheduler.markDirty('A', 'a1');
    const flushed = h.scheduler.flush();
    expect(h.calls.map((c) => c.key)).toEqual(['A']);
    // The A save is still running when the new row's first keystrokes come.
    h.scheduler.markDirty('B', 'b1');
    h.scheduler.markDirty('B', 'b12');
    expect(h.scheduler.unsaved('A')).toEqual({ snapshot: 'a1' });
    h.calls[0]!.settle();
    await vi.advanceTimersByTimeAsync(0);
    expect(h.calls.map((c) => [c.key, c.snapshot])).toEqual([
      ['A', 'a1'],
      ['B', 'b12'],
    ]);
    h.calls[1]!.settle();
    await expect(flushed).resolves.toBe(true);
    expect(Object.fromEntries(h.rows)).toEqual({ A: 'a1', B: 'b12' });
    expect(h.scheduler.unsaved('A')).toBeUndefined();
    expect(h.scheduler.unsaved('B')).toBeUndefined();
  });

  it('a newer row never replaces the older row’s unsaved text (one pending value per row)', async () => {
    const h = harness({}, true);
    h.scheduler.markDirty('A', 'a-v1');
    await vi.advanceTimersByTimeAsync(400);
    // a-v1 is being saved; a-v2 waits, then the field moves on to B.
    h.scheduler.markDirty('A', 'a-v2');
    h.scheduler.markDirty('B', 'b-v1');
    expect(h.scheduler.unsavedEntries()).toEqual([
      { key: 'A', snapshot: 'a-v2' },
      { key: 'B', snapshot: 'b-v1' },
    ]);
    const flushed = h.scheduler.flush();
    for (let i = 0; i < 3; i += 1) {
      h.calls[i]!.settle();
      await vi.advanceTimersByTimeAsync(0);
    }
    await expect(flushed).resolves.toBe(true);
    expect(h.calls.map((c) => [c.key, c.snapshot])).toEqual([
      ['A', 'a-v1'],
      ['A', 'a-v2'],
      ['B', 'b-v1'],
    ]);
  });

  it('a failed save of the row left behind is retried to that row, before the next row', async () => {
    const h = harness({ retryBaseMs: 1000 });
    h.failTimes(1);
    h.scheduler.markDirty('A', 'a');
    await vi.advanceTimersByTimeAsync(400);
    expect(h.scheduler.getState()).toMatchObject({ status: 'error', failures: 1 });
    h.scheduler.markDirty('B', 'b');
    expect(h.scheduler.getState().status).toBe('error');
    await vi.advanceTimersByTimeAsync(1000);
    await vi.advanceTimersByTimeAsync(400);
    expect(h.calls.map((c) => [c.key, c.snapshot])).toEqual([
      ['A', 'a'],
      ['A', 'a'],
      ['B', 'b'],
    ]);
    expect(Object.fromEntries(h.rows)).toEqual({ A: 'a', B: 'b' });
    expect(h.scheduler.getState()).toMatchObject({ status: 'saved', failures: 0 });
  });

  it('a failure does not lose a newer snapshot of the same row typed meanwhile', async () => {
    const h = harness({ retryBaseMs: 500 }, true);
    h.scheduler.markDirty('A', 'old');
    await vi.advanceTimersByTimeAsync(400);
    h.scheduler.markDirty('A', 'old+new');
    h.calls[0]!.settle(new Error('disk full'));
    await vi.advanceTimersByTimeAsync(500);
    expect(h.calls.map((c) => c.snapshot)).toEqual(['old', 'old+new']);
    h.calls[1]!.settle();
    await vi.advanceTimersByTimeAsync(0);
    expect(h.rows.get('A')).toBe('old+new');
  });

  it('never writes one row’s text to another, whatever the interleaving (random switches, delays, failures)', async () => {
    // Deterministic pseudo-random sequence, so a failure reproduces.
    let seed = 12345;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let round = 0; round < 20; round += 1) {
      const calls: { key: string; snapshot: string }[] = [];
      const rows = new Map<string, string>();
      const scheduler = createKeyedAutosave<string>(
        {
          now: () => Date.now(),
          setTimer: (fn, ms) => setTimeout(fn, ms),
          clearTimer: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
          save: (key, snapshot) =>
            new Promise<void>((resolve, reject) => {
              calls.push({ key, snapshot });
              const fails = random() < 0.2;
              setTimeout(
                () => {
                  if (fails) return reject(new Error('disk busy'));
                  rows.set(key, snapshot);
                  resolve();
                },
                Math.floor(random() * 300),
              );
            }),
        },
        { retryBaseMs: 200, retryMaxMs: 800 },
      );
      const typed = new Map<string, string>();
      let key = 'item1';
      for (let step = 0; step < 120; step += 1) {
        if (random() < 0.1) key = `item${1 + Math.floor(random() * 4)}`;
        const text = `${typed.get(key) ?? `${key}:`}${step},`;
        typed.set(key, text);
        scheduler.markDirty(key, text);
        if (random() < 0.1) void scheduler.flush();
        await vi.advanceTimersByTimeAsync(Math.floor(random() * 250));
      }
      for (let ok = false; !ok;) {
        const flushed = scheduler.flush();
        await vi.runAllTimersAsync();
        ok = await flushed;
      }
      for (const call of calls) expect(call.snapshot.startsWith(`${call.key}:`), JSON.stringify(call)).toBe(true);
      expect(Object.fromEntries(rows)).toEqual(Object.fromEntries(typed));
      // Per row, the writes only ever grow: an older snapshot never lands after a newer one.
      for (const k of typed.keys()) {
        const written = calls.filter((c) => c.key === k).map((c) => c.snapshot.length);
        expect([...written].sort((a, b) => a - b)).toEqual(written);
      }
      scheduler.dispose();
    }
  });

  it('reports nothing unsaved once everything is stored', async () => {
    const h = harness();
    expect(h.scheduler.unsavedEntries()).toEqual([]);
    h.scheduler.markDirty('A', 'x');
    expect(h.scheduler.unsaved('A')).toEqual({ snapshot: 'x' });
    expect(h.scheduler.unsaved('B')).toBeUndefined();
    await h.scheduler.flush();
    expect(h.scheduler.unsavedEntries()).toEqual([]);
  });
});
