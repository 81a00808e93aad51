import { z } from 'zod';

/**
 * Text typed during a meeting that is not yet in the database, kept in a small synchronous
 * key-value store (the browser's localStorage in the app) so it survives the window closing.
 *
 * Two uses: a dialog form that is only stored on 保存 (a decision, a vote…) keeps its draft here
 * while it is being filled in; and a field that autosaves to its row (决议, minutes) writes what
 * is still unsaved here when the page is hidden or closed, because a database write begun in
 * `pagehide` often dies with the page while a localStorage write does not.
 *
 * What is read back is input from outside (another version of the app, a damaged profile):
 * every entry is validated, and one that does not parse is removed and ignored.
 */

/** The part of the Web Storage API used (window.localStorage in the app, a Map in tests). */
export interface KeyValueStorage {
  readonly length: number;
  key(index: number): string | null;
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export interface StoredDraft<T> {
  value: T;
  /** Clock time (ms) of the write. */
  savedAt: number;
}

export interface DraftStore {
  /** The entry under `key` if it is there and valid; an invalid or expired one is removed. */
  read<T>(key: string, schema: z.ZodType<T>, now?: number): StoredDraft<T> | undefined;
  /** Stores `value` (JSON) under `key`; false when the storage refused it (full, unavailable). */
  write(key: string, value: unknown, now?: number): boolean;
  remove(key: string): void;
  /** Removes this store's entries that are expired or unreadable; returns how many. */
  prune(now?: number): number;
}

const envelopeSchema = z.object({ v: z.literal(1), savedAt: z.number().finite(), value: z.unknown() });

/** Drafts older than this are dropped: a meeting's dialogs are not reopened after a month. */
export const DRAFT_MAX_AGE_MS = 30 * 24 * 60 * 60 * 1000;

/** A storage key from its parts (meeting id, dialog, row…), none of which can break the separator. */
export function draftKey(...parts: readonly string[]): string {
  return parts.map((p) => encodeURIComponent(p)).join('/');
}

/**
 * A store of the entries whose storage key starts with `prefix`. `storage` may be null (no
 * localStorage, e.g. blocked): the store then keeps nothing and says so through write()'s result.
 */
export function createDraftStore(
  storage: KeyValueStorage | null,
  prefix: string,
  maxAgeMs: number = DRAFT_MAX_AGE_MS,
): DraftStore {
  const full = (key: string) => `${prefix}${key}`;
  const attempt = <R>(action: () => R, fallback: R): R => {
    try {
      return action();
    } catch {
      // A storage that throws (quota, security) is a storage that keeps nothing.
      return fallback;
    }
  };
  const remove = (key: string) => attempt(() => storage?.removeItem(full(key)), undefined);

  function readEnvelope(storageKey: string, now: number): z.infer<typeof envelopeSchema> | undefined {
    const raw = attempt(() => storage?.getItem(storageKey) ?? null, null);
    if (raw === null) return undefined;
    const parsed = envelopeSchema.safeParse(attempt(() => JSON.parse(raw) as unknown, null));
    if (!parsed.success || now - parsed.data.savedAt > maxAgeMs) return undefined;
    return parsed.data;
  }

  return {
    read<T>(key: string, schema: z.ZodType<T>, now = Date.now()) {
      const envelope = readEnvelope(full(key), now);
      const value = envelope ? schema.safeParse(envelope.value) : undefined;
      if (!envelope || !value?.success) {
        remove(key);
        return undefined;
      }
      return { value: value.data, savedAt: envelope.savedAt };
    },
    write(key, value, now = Date.now()) {
      if (!storage) return false;
      const text = JSON.stringify({ v: 1, savedAt: now, value });
      return attempt(() => {
        storage.setItem(full(key), text);
        return true;
      }, false);
    },
    remove,
    prune(now = Date.now()) {
      if (!storage) return 0;
      const keys = attempt(() => {
        const found: string[] = [];
        for (let i = 0; i < storage.length; i += 1) {
          const k = storage.key(i);
          if (k !== null && k.startsWith(prefix)) found.push(k);
        }
        return found;
      }, []);
      const stale = keys.filter((k) => !readEnvelope(k, now));
      for (const k of stale) attempt(() => storage.removeItem(k), undefined);
      return stale.length;
    },
  };
}

/** An in-memory KeyValueStorage, for tests and as a stand-in when localStorage is unavailable. */
export function memoryStorage(initial: Record<string, string> = {}): KeyValueStorage {
  const map = new Map(Object.entries(initial));
  return {
    get length() {
      return map.size;
    },
    key: (index) => [...map.keys()][index] ?? null,
    getItem: (key) => map.get(key) ?? null,
    setItem: (key, value) => void map.set(key, value),
    removeItem: (key) => void map.delete(key),
  };
}
