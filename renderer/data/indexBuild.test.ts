import { describe, expect, it } from 'vitest';
import { writeSteps } from './indexBuild';
import { Rng } from '../../shared/demo/builders';

const keysIn = (step: [string, number[]][]) => step.reduce((n, [, keys]) => n + keys.length, 0);

describe('the posting lists written in steps', () => {
  it('keeps every row once, in order, each step within its rows and keys, and no step cut short', () => {
    const rng = new Rng(11);
    for (let round = 0; round < 200; round++) {
      // Mostly rare terms, some common ones with thousands of keys, as in a block at ×1.
      const lists: [string, number[]][] = Array.from({ length: rng.int(0, 400) }, (_, i) => [
        `词${i}`,
        Array.from({ length: rng.int(0, 9) === 0 ? rng.int(100, 3_000) : rng.int(1, 5) }, (_, k) => k),
      ]);
      const maxRows = rng.int(1, 60);
      const maxKeys = rng.int(1, 4_000);
      const steps = writeSteps(lists, maxRows, maxKeys);
      expect(steps.flat()).toEqual(lists);
      steps.forEach((step, i) => {
        expect(step.length).toBeGreaterThan(0);
        expect(step.length).toBeLessThanOrEqual(maxRows);
        // A row holding more keys than a step may is written alone.
        if (step.length > 1) expect(keysIn(step)).toBeLessThanOrEqual(maxKeys);
        const next = steps[i + 1];
        if (next) expect(step.length === maxRows || keysIn(step) + next[0]![1].length > maxKeys).toBe(true);
      });
    }
  });

  it('writes nothing for no rows', () => {
    expect(writeSteps([])).toEqual([]);
  });
});
