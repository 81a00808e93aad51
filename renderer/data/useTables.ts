import { useLiveQuery } from 'dexie-react-hooks';
import type { OrgUnit } from '../../shared/domain/org';
import type { Person } from '../../shared/domain/person';
import type { YishiDb } from './db';

// One shared empty list, so "nothing loaded yet" does not look like a change on every render.
const NO_PEOPLE: Person[] = [];
const NO_UNITS: OrgUnit[] = [];

/** The whole roster, kept up to date (empty while loading). */
export function usePeople(db: YishiDb): Person[] {
  return useLiveQuery(() => db.people.toArray(), [db]) ?? NO_PEOPLE;
}

/** All organisation units, kept up to date (empty while loading). */
export function useOrgUnits(db: YishiDb): OrgUnit[] {
  return useLiveQuery(() => db.orgUnits.toArray(), [db]) ?? NO_UNITS;
}
