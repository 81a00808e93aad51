import { normalizePhone, type Person } from '../domain/person';
import { ROSTER_ROLES, type RosterRole } from '../domain/roles';

/**
 * The keys a person is stored with so the roster can be paged, filtered and searched from
 * IndexedDB indexes instead of reading all people (a district has 30,000):
 *
 * - `sortKey`: the sign-in sheet order of sortForRoster as one string — first role's rank, pinyin
 *   initials, NUL, name — so IndexedDB's order of the index is the roster's order (ties: by id,
 *   as the stable sort of rows read in id order).
 * - `rosterKeys` (multiEntry): one entry per way to find the person, each ending with the sort
 *   key so a range of entries comes out in roster order:
 *   `t<gram>` each 1- and 2-character piece of the name, initials and unit (what personMatches
 *   compares: substrings), `p<3 digits>` each three-digit piece of the phone number, and
 *   `r<role index>` each role. A query of one or two characters is then one exact range; a longer
 *   one takes the rarest of its pieces as candidates and checks them with personMatches.
 *
 * Derived from the row alone, so every writer goes through one place (the database's
 * middleware, renderer/data/rosterKeysMiddleware.ts) and a restore or import recomputes them.
 */
export interface RosterKeys {
  sortKey: string;
  rosterKeys: string[];
}

export type StoredPerson = Person & RosterKeys;

type Keyed = Pick<Person, 'name' | 'initials' | 'phone' | 'unit' | 'roles'>;

/** Between a key's gram and the sort key: lower than any character a gram may hold. */
export const KEY_SEPARATOR = '\u0001';
/** The longest text piece stored; longer queries are answered from candidates. */
export const TEXT_GRAM = 2;
/** Phone pieces: personMatches compares phones from three digits on. */
export const PHONE_GRAM = 3;

/** Characters that cannot be part of a stored gram (they delimit the keys). */
// eslint-disable-next-line no-control-regex -- the two lowest characters are the delimiters
const CONTROL = /[\u0000\u0001]/;

function firstRoleRank(roles: readonly RosterRole[]): number {
  let rank: number = ROSTER_ROLES.length;
  for (const r of roles) rank = Math.min(rank, ROSTER_ROLES.indexOf(r));
  return rank;
}

/** The roster order (sortForRoster) as one string compared by code units, as IndexedDB does. */
export function rosterSortKey(person: Pick<Person, 'roles' | 'initials' | 'name'>): string {
  return `${firstRoleRank(person.roles)}${person.initials}\u0000${person.name}`;
}

/** Every piece of `text` from 1 to `max` characters, skipping those a query can never equal. */
function addGrams(into: Set<string>, prefix: string, text: string, min: number, max: number): void {
  for (let len = min; len <= max; len++)
    for (let i = 0; i + len <= text.length; i++) {
      const gram = text.slice(i, i + len);
      // Queries are lower-cased: a piece with a capital letter is never asked for.
      if (!CONTROL.test(gram) && gram === gram.toLowerCase()) into.add(prefix + gram);
    }
}

/** The search grams of a person (without the sort key), deduplicated. */
export function rosterGrams(person: Keyed): string[] {
  const grams = new Set<string>();
  addGrams(grams, 't', person.name, 1, TEXT_GRAM);
  addGrams(grams, 't', person.initials, 1, TEXT_GRAM);
  if (person.unit) addGrams(grams, 't', person.unit, 1, TEXT_GRAM);
  if (person.phone) {
    const digits = normalizePhone(person.phone);
    for (let i = 0; i + PHONE_GRAM <= digits.length; i++) {
      const gram = digits.slice(i, i + PHONE_GRAM);
      if (/^\d+$/.test(gram)) grams.add(`p${gram}`);
    }
  }
  for (const role of person.roles) grams.add(roleGram(role));
  return [...grams];
}

export function roleGram(role: RosterRole): string {
  return `r${ROSTER_ROLES.indexOf(role)}`;
}

/** The person with its roster keys worked out afresh (any stored ones are replaced). */
export function withRosterKeys<T extends Keyed>(person: T): T & RosterKeys {
  const sortKey = rosterSortKey(person);
  return { ...person, sortKey, rosterKeys: rosterGrams(person).map((g) => g + KEY_SEPARATOR + sortKey) };
}

/** The person as the app knows it: the stored keys taken off (backups, exports, forms). */
export function withoutRosterKeys<T extends object>(row: T): Omit<T, keyof RosterKeys> {
  const { sortKey: _s, rosterKeys: _r, ...rest } = row as T & Partial<RosterKeys>;
  return rest;
}

/** The index range holding every entry of one gram, in roster order. */
export function gramRange(gram: string): [string, string] {
  return [gram + KEY_SEPARATOR, gram + String.fromCharCode(KEY_SEPARATOR.charCodeAt(0) + 1)];
}

/**
 * How a (normalised, non-empty) query is looked up: `exact` grams whose ranges together are
 * the answer, or groups of `candidates` — for each group the rarest gram's people are checked
 * with personMatches (every match holds every piece of the query).
 */
export interface RosterQueryPlan {
  /** Grams whose people all match (the query itself is a stored gram). */
  exact: string[];
  /** For each way of matching left, the grams each match must hold; the rarest is read. */
  candidates: string[][];
}

export function planRosterQuery(q: string): RosterQueryPlan {
  const exact: string[] = [];
  const candidates: string[][] = [];
  if (CONTROL.test(q)) return { exact, candidates };
  if (q.length <= TEXT_GRAM) exact.push(`t${q}`);
  else candidates.push(windows(q, TEXT_GRAM).map((g) => `t${g}`));
  if (/^\d{3,}$/.test(q)) {
    if (q.length === PHONE_GRAM) exact.push(`p${q}`);
    else candidates.push(windows(q, PHONE_GRAM).map((g) => `p${g}`));
  }
  return { exact, candidates };
}

function windows(text: string, len: number): string[] {
  const out = new Set<string>();
  for (let i = 0; i + len <= text.length; i++) out.add(text.slice(i, i + len));
  return [...out];
}
