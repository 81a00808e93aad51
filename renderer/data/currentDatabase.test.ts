import { describe, expect, it } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { DB_NAME, POINTER_DB_NAME } from '../../shared/store/dbName';
import {
  PointerUnreadable,
  dropStaleDatabases,
  nextDatabaseName,
  readCurrentDatabaseName,
  switchCurrentDatabase,
} from './currentDatabase';

const names = async (factory: IDBFactory) => (await factory.databases()).map((d) => d.name).sort();

function create(factory: IDBFactory, name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = factory.open(name, 1);
    request.onupgradeneeded = () => request.result.createObjectStore('rows');
    request.onsuccess = () => {
      request.result.close();
      resolve();
    };
    request.onerror = () => reject(request.error);
  });
}

describe('the pointer to the current database', () => {
  it('is the first database until a restore points elsewhere, and reading never creates it', async () => {
    const factory = new IDBFactory();
    expect(await readCurrentDatabaseName(factory)).toBe(DB_NAME);
    expect(await names(factory)).toEqual([]);
    await switchCurrentDatabase('yishi-data-2', factory);
    expect(await readCurrentDatabaseName(factory)).toBe('yishi-data-2');
    await switchCurrentDatabase('yishi-data-3', factory);
    expect(await readCurrentDatabaseName(factory)).toBe('yishi-data-3');
    expect(await names(factory)).toEqual([POINTER_DB_NAME]);
  });

  it('refuses to point at anything but a data database', async () => {
    const factory = new IDBFactory();
    await expect(switchCurrentDatabase('yishi-backups', factory)).rejects.toThrow(RangeError);
    expect(await readCurrentDatabaseName(factory)).toBe(DB_NAME);
  });

  it('does not take a damaged pointer for the first database', async () => {
    const factory = new IDBFactory();
    await switchCurrentDatabase('yishi-data-2', factory);
    for (const row of [{ name: 'yishi-backups' }, { name: 42 }, 'yishi-data-2', null]) {
      await new Promise<void>((resolve, reject) => {
        const request = factory.open(POINTER_DB_NAME);
        request.onsuccess = () => {
          const tx = request.result.transaction('pointer', 'readwrite');
          tx.objectStore('pointer').put(row, 'current');
          tx.oncomplete = () => {
            request.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      });
      await expect(readCurrentDatabaseName(factory)).rejects.toBeInstanceOf(PointerUnreadable);
    }
  });

  it('names the next generation after the current one', () => {
    expect(nextDatabaseName(DB_NAME)).toBe('yishi-data-2');
    expect(nextDatabaseName('yishi-data-9')).toBe('yishi-data-10');
  });

  it('deletes every data database but the current, and nothing else of the app', async () => {
    const factory = new IDBFactory();
    for (const name of [DB_NAME, 'yishi-data-2', 'yishi-data-3', 'yishi-backups']) await create(factory, name);
    await switchCurrentDatabase('yishi-data-3', factory);
    expect(await dropStaleDatabases('yishi-data-3', factory)).toEqual([DB_NAME, 'yishi-data-2']);
    expect(await names(factory)).toEqual(['yishi-backups', POINTER_DB_NAME, 'yishi-data-3']);
    expect(await dropStaleDatabases('yishi-data-3', factory)).toEqual([]);
  });

  it('deletes nothing from a window still on the database a restore replaced', async () => {
    const factory = new IDBFactory();
    for (const name of [DB_NAME, 'yishi-data-2']) await create(factory, name);
    await switchCurrentDatabase('yishi-data-2', factory);
    expect(await dropStaleDatabases(DB_NAME, factory)).toEqual([]);
    expect(await names(factory)).toEqual([DB_NAME, POINTER_DB_NAME, 'yishi-data-2']);
  });
});
