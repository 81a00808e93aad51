import { useLiveQuery } from 'dexie-react-hooks';
import type { OrgUnit } from '../../shared/domain/org';
import type { Person } from '../../shared/domain/person';
import type { YishiDb } from './db';
import { useCachedRead } from './tableCache';

// One shared empty list, so "nothing loaded yet" does not look like a change on every render.
const NO_PEOPLE: Person[] = [];
const NO_UNITS: readonly OrgUnit[] = [];

/** The whole roster, kept up to date (empty while loading). */
export function usePeople(db: YishiDb): Person[] {
  return useLiveQuery(() => db.people.toArray(), [db]) ?? NO_PEOPLE;
}

/**
 * All organisation units, kept up to date (empty while loading): from the cache shared by every
 * screen (tableCache.ts), read again only after a unit is written — not on each screen that opens
 * (a district has 1,230 of them). Shared rows: never change them or the list.
 */
export function useOrgUnits(db: YishiDb): readonly OrgUnit[] {
  return useCachedRead(db, 'orgUnits', ['orgUnits'], () => db.orgUnits.toArray()) ?? NO_UNITS;
}
