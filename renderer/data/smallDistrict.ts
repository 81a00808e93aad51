import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { createDb, type DbOptions, type YishiDb } from './db';
import { generateDistrict, scaledConfig, type ScaleConfig } from '../../shared/fixtures/scale/generator';

/**
 * For tests: a database holding a small generated district (two years, one community), written
 * through the app's own Dexie database and its middlewares. `overrides` change the generator's
 * settings; the defaults keep a test run to a second or so.
 */
export async function smallDistrictDb(
  name: string,
  overrides: Partial<ScaleConfig> = {},
  options: DbOptions = { indexedDB: new IDBFactory(), IDBKeyRange },
): Promise<YishiDb> {
  const db = createDb(name, options);
  const config = scaledConfig(0.01, {
    seed: 7,
    today: '2026-11-20',
    years: 2,
    communities: 1,
    compoundsPerCommunity: 3,
    peoplePerCompound: 20,
    meetings: 80,
    longSignedMeetings: 1,
    longMinutesChars: 500,
    realFingerprints: false,
    batchSize: 500,
    ...overrides,
  });
  for await (const batch of generateDistrict(config))
    await (db.table(batch.table) as unknown as { bulkPut(rows: unknown[]): Promise<unknown> }).bulkPut(batch.rows);
  return db;
}
