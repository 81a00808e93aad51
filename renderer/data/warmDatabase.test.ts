import { describe, expect, it } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { warmDatabase } from './warmDatabase';

const opened = (request: IDBOpenDBRequest) =>
  new Promise<IDBDatabase>((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
    request.onblocked = () => reject(new Error('blocked'));
  });

describe('warming the database at start-up', () => {
  it('never creates the database of a first start', async () => {
    const factory = new IDBFactory();
    expect(await warmDatabase('yishi', factory)).toBe(false);
    expect(await factory.databases()).toEqual([]);
  });

  it('opens an existing one, makes way for a version change, and closes itself later', async () => {
    const factory = new IDBFactory();
    const first = factory.open('yishi', 3);
    first.onupgradeneeded = () => first.result.createObjectStore('meetings');
    (await opened(first)).close();

    let close: (() => void) | null = null;
    expect(await warmDatabase('yishi', factory, (c) => (close = c))).toBe(true);
    expect(close).not.toBeNull();
    // The app's own open at a newer version is not blocked by the warming connection.
    const upgrade = factory.open('yishi', 4);
    upgrade.onupgradeneeded = () => upgrade.result.createObjectStore('matters');
    const db = await opened(upgrade);
    expect([...db.objectStoreNames].sort()).toEqual(['matters', 'meetings']);
    db.close();
    close!();
  });
});
