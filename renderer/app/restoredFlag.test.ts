import { describe, expect, it } from 'vitest';
import { markRestored, takeRestored } from './restoredFlag';

function memoryStorage() {
  const items = new Map<string, string>();
  return {
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => void items.set(k, v),
    removeItem: (k: string) => void items.delete(k),
  };
}

describe('the restored flag across the reload', () => {
  it('is seen once after a restore, and not before one', () => {
    const storage = memoryStorage();
    expect(takeRestored(storage)).toBe(false);
    markRestored(storage);
    expect(takeRestored(storage)).toBe(true);
    expect(takeRestored(storage)).toBe(false);
  });
});
