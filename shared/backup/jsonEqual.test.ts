import { describe, expect, it } from 'vitest';
import { jsonEqual } from './jsonEqual';

describe('jsonEqual', () => {
  it('sets key order aside, at any depth', () => {
    expect(jsonEqual({ a: 1, b: { c: [1, { d: 'x', e: null }] } }, { b: { c: [1, { e: null, d: 'x' }] }, a: 1 })).toBe(
      true,
    );
  });

  it('tells apart what JSON tells apart', () => {
    expect(jsonEqual({ a: 1 }, { a: '1' })).toBe(false);
    expect(jsonEqual({ a: 1 }, { a: 1, b: 2 })).toBe(false);
    expect(jsonEqual({ a: 1, b: 2 }, { a: 1, c: 2 })).toBe(false);
    expect(jsonEqual([1, 2], [2, 1])).toBe(false);
    expect(jsonEqual([1], { 0: 1 })).toBe(false);
    expect(jsonEqual({ a: null }, {})).toBe(false);
    expect(jsonEqual({ a: [] }, { a: {} })).toBe(false);
    expect(jsonEqual({ a: { b: 1 } }, { a: { b: 2 } })).toBe(false);
    expect(jsonEqual('x', 'y')).toBe(false);
  });

  it('counts an undefined property as absent, and an undefined element as null, as JSON does', () => {
    expect(jsonEqual({ a: 1, wrapped: undefined }, { a: 1 })).toBe(true);
    expect(jsonEqual({ a: 1 }, { a: 1, wrapped: undefined })).toBe(true);
    expect(jsonEqual([undefined], [null])).toBe(true);
    // JSON.stringify agrees on every pair it can write.
    for (const [a, b] of [
      [{ a: 1, w: undefined }, { a: 1 }],
      [[undefined], [null]],
    ])
      expect(JSON.stringify(a) === JSON.stringify(b)).toBe(jsonEqual(a, b));
  });
});
