import { describe, expect, it } from 'vitest';
import { benchPartOf } from '../../../bench/browser/index';
import { searchIndexHeld } from '../../../bench/browser/search';

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

describe('searchIndexHeld (YISHI_BENCH_HOLD_SEARCH_INDEX)', () => {
  it('holds the archive index for a part run other than the search, unless told', () => {
    expect(searchIndexHeld(undefined, 'workbench')).toBe(true);
    expect(searchIndexHeld(undefined, 'search')).toBe(false);
    expect(searchIndexHeld(undefined, undefined)).toBe(false);
    expect(searchIndexHeld('0', 'workbench')).toBe(false);
    expect(searchIndexHeld('1', undefined)).toBe(true);
  });
});
