/** The app's IndexedDB database (its own module: the page's entry names it without the schema's code). */
export const DB_NAME = 'yishi';

/**
 * Which database holds the app's data. A restore writes the backup into a new database beside the
 * current one and then points here at it, in one small write: a crash at any moment leaves either
 * the old data or the new, and the new database is written without the cost of emptying the old
 * one in the same transaction (issue 14). Absent until the first restore: the data is in DB_NAME.
 */
export const POINTER_DB_NAME = 'yishi-current';

const GENERATION_PREFIX = 'yishi-data-';

/** Generation 1 is the first database, DB_NAME; each restore writes the next beside it. */
export function databaseNameOf(generation: number): string {
  if (!Number.isSafeInteger(generation) || generation < 1) throw new RangeError(`no database generation ${generation}`);
  return generation === 1 ? DB_NAME : `${GENERATION_PREFIX}${generation}`;
}

/** The generation of one of the app's data databases, or null for any other name. */
export function generationOf(name: string): number | null {
  if (name === DB_NAME) return 1;
  if (!name.startsWith(GENERATION_PREFIX)) return null;
  const digits = name.slice(GENERATION_PREFIX.length);
  if (!/^[1-9][0-9]{0,8}$/.test(digits)) return null;
  const generation = Number(digits);
  return generation >= 2 ? generation : null;
}

/**
 * The data databases to delete: every one but the current (those left by an earlier restore, or
 * by a restore cut short). Other databases of the app (the browser's backup store, the pointer)
 * are never named.
 */
export function staleDatabaseNames(existing: readonly string[], current: string): string[] {
  return existing.filter((name) => name !== current && generationOf(name) !== null);
}
