import { describe, expect, it } from 'vitest';
import { benchPartOf } from '../../../bench/browser/index';

// A mistyped part (or a list of two) once ran the whole browser bench, a quarter of an hour at ×1.
describe('benchPartOf (YISHI_BENCH_PARTS)', () => {
  it('takes one known part, or none for the whole bench', () => {
    expect(benchPartOf(undefined)).toBeNull();
    expect(benchPartOf('')).toBeNull();
    expect(benchPartOf('backup')).toBe('backup');
    expect(benchPartOf('workbench')).toBe('workbench');
    expect(benchPartOf('loop')).toBe('loop');
  });
  it('refuses an unknown part and a list, naming the parts there are', () => {
    expect(() => benchPartOf('workbench,board')).toThrow(/not a part of the bench \(one of .*workbench.*board/);
    expect(() => benchPartOf('bakup')).toThrow(/YISHI_BENCH_PARTS=bakup/);
  });
});
