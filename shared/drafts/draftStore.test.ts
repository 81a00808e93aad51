import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createDraftStore, draftKey, memoryStorage, DRAFT_MAX_AGE_MS, type KeyValueStorage } from './draftStore';

const text = z.string().max(20);
const NOW = Date.parse('2026-07-10T09:00:00+08:00');

describe('draft store', () => {
  it('keeps a value under its key and prefix, and gives it back validated', () => {
    const storage = memoryStorage();
    const store = createDraftStore(storage, 'yishi.draft.');
    expect(store.write('m1/decision', '更换垃圾桶', NOW)).toBe(true);
    expect(storage.getItem('yishi.draft.m1/decision')).toContain('更换垃圾桶');
    expect(store.read('m1/decision', text, NOW + 1000)).toEqual({ value: '更换垃圾桶', savedAt: NOW });
    store.remove('m1/decision');
    expect(store.read('m1/decision', text, NOW)).toBeUndefined();
  });

  it('removes and ignores an entry that is not JSON, not an envelope, or not the expected shape', () => {
    const storage = memoryStorage({
      'p.a': '{not json',
      'p.b': JSON.stringify({ savedAt: NOW, value: 'x' }),
      'p.c': JSON.stringify({ v: 1, savedAt: NOW, value: 'far too long for the schema of this test' }),
    });
    const store = createDraftStore(storage, 'p.');
    for (const key of ['a', 'b', 'c']) {
      expect(store.read(key, text, NOW), key).toBeUndefined();
      expect(storage.getItem(`p.${key}`), key).toBeNull();
    }
  });

  it('drops expired entries on read and on prune, and leaves other prefixes alone', () => {
    const storage = memoryStorage({ 'other.x': 'keep me' });
    const store = createDraftStore(storage, 'p.');
    store.write('old', 'a', NOW - DRAFT_MAX_AGE_MS - 1);
    store.write('fresh', 'b', NOW);
    storage.setItem('p.broken', '[]');
    expect(store.prune(NOW)).toBe(2);
    expect(store.read('fresh', text, NOW)?.value).toBe('b');
    expect(storage.getItem('other.x')).toBe('keep me');
    expect(store.read('old', text, NOW)).toBeUndefined();
  });

  it('reports a storage that refuses writes instead of throwing, and works without a storage', () => {
    const full: KeyValueStorage = {
      ...memoryStorage(),
      length: 0,
      setItem: () => {
        throw new DOMException('quota', 'QuotaExceededError');
      },
    };
    expect(createDraftStore(full, 'p.').write('k', 'v', NOW)).toBe(false);
    const none = createDraftStore(null, 'p.');
    expect(none.write('k', 'v', NOW)).toBe(false);
    expect(none.read('k', text, NOW)).toBeUndefined();
    expect(none.prune(NOW)).toBe(0);
  });

  it('builds keys whose parts cannot collide through the separator', () => {
    expect(draftKey('m/1', 'x')).not.toBe(draftKey('m', '1/x'));
    expect(draftKey('会议', 'new')).toBe('%E4%BC%9A%E8%AE%AE/new');
  });
});
