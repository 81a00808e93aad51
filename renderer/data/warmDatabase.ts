/**
 * Opens the app's database as soon as the page starts, so the storage behind a large archive is
 * read in while the app's code still loads: opening a ten-year database took ~150 ms of waiting
 * on disk, after the code had loaded, on the way to the first screen. The app's own connection
 * (Dexie, openDatabase.ts) opens it again at once; this one makes way for any version change and
 * closes itself soon after. It never creates the database: a first start has nothing to read.
 */
export interface WarmingFactory {
  databases?: () => Promise<Array<{ name?: string }>>;
  open(name: string): IDBOpenDBRequest;
}

/** How long the warming connection stays open: past the app's own open on a slow start. */
export const WARM_CONNECTION_MS = 5_000;

export async function warmDatabase(
  name: string,
  factory: WarmingFactory = indexedDB,
  closeLater: (close: () => void) => void = (close) => setTimeout(close, WARM_CONNECTION_MS),
): Promise<boolean> {
  const known = await factory.databases?.().catch(() => null);
  if (!known?.some((db) => db.name === name)) return false;
  return new Promise<boolean>((resolve) => {
    const request = factory.open(name);
    // Gone since it was listed: do not create an empty database under the app's name.
    request.onupgradeneeded = () => request.transaction?.abort();
    request.onerror = () => resolve(false);
    request.onblocked = () => resolve(false);
    request.onsuccess = () => {
      const db = request.result;
      db.onversionchange = () => db.close();
      closeLater(() => db.close());
      resolve(true);
    };
  });
}
