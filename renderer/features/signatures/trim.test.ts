import { describe, expect, it } from 'vitest';
import { cropPlan, inkBounds, SIGNATURE_MAX, type PixelsLike } from './trim';

/** A transparent canvas with opaque ink at the given pixels. */
function pixels(width: number, height: number, ink: [number, number][], alpha = 255): PixelsLike {
  const data = new Uint8ClampedArray(width * height * 4);
  for (const [x, y] of ink) data[(y * width + x) * 4 + 3] = alpha;
  return { width, height, data };
}

describe('inkBounds', () => {
  it('is null for an empty pad', () => {
    expect(inkBounds(pixels(40, 20, []))).toBeNull();
  });

  it('finds the box around all ink', () => {
    expect(
      inkBounds(
        pixels(40, 20, [
          [5, 3],
          [30, 10],
          [12, 17],
        ]),
      ),
    ).toEqual({ x: 5, y: 3, width: 26, height: 15 });
    expect(inkBounds(pixels(40, 20, [[0, 0]]))).toEqual({ x: 0, y: 0, width: 1, height: 1 });
    expect(inkBounds(pixels(40, 20, [[39, 19]]))).toEqual({ x: 39, y: 19, width: 1, height: 1 });
  });

  it('ignores faint anti-aliasing below the threshold', () => {
    expect(inkBounds(pixels(10, 10, [[2, 2]], 10))).toBeNull();
    expect(inkBounds(pixels(10, 10, [[2, 2]], 10), 5)).toEqual({ x: 2, y: 2, width: 1, height: 1 });
  });
});

describe('cropPlan', () => {
  it('adds the margin, clamped to the canvas, and keeps small signatures at full size', () => {
    const plan = cropPlan({ x: 5, y: 50, width: 100, height: 40 }, { width: 400, height: 200 }, 12);
    expect(plan).toEqual({ source: { x: 0, y: 38, width: 117, height: 64 }, width: 117, height: 64 });
  });

  it('scales a wide signature down to 600 px wide, keeping its proportions', () => {
    const plan = cropPlan({ x: 100, y: 100, width: 1776, height: 200 }, { width: 2000, height: 600 }, 12);
    expect(plan.source).toEqual({ x: 88, y: 88, width: 1800, height: 224 });
    expect(plan.width).toBe(SIGNATURE_MAX.width);
    expect(plan.height).toBe(75);
  });

  it('scales a tall signature down to 240 px high', () => {
    const plan = cropPlan({ x: 0, y: 0, width: 300, height: 960 }, { width: 300, height: 960 }, 0);
    expect(plan).toMatchObject({ width: 75, height: SIGNATURE_MAX.height });
  });
});
