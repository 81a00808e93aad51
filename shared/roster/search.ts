import { normalizePhone, type Person } from '../domain/person';
import { ROSTER_ROLES, type RosterRole } from '../domain/roles';

type Searchable = Pick<Person, 'name' | 'initials' | 'phone' | 'unit' | 'roles'>;

/**
 * The roster prepared for searching: each person's fields laid out once in flat arrays, so a
 * keystroke runs one plain loop over tens of thousands of people. Matches exactly what
 * personMatches matches (name, pinyin initials, unit, phone digits for three or more digits).
 */
export interface RosterSearchIndex<T extends Searchable> {
  /** The people, in the order given (results keep it). */
  readonly people: readonly T[];
  readonly names: readonly string[];
  readonly initials: readonly string[];
  readonly units: readonly string[];
  /** Each person's roles as bits (bit i: ROSTER_ROLES[i]). */
  readonly roleBits: Uint32Array;
  /** Normalised phone numbers, worked out on the first digit query ('' for none). */
  phones: string[] | null;
}

export interface RosterSearchResult<T> {
  /** The people found, in index order. */
  people: readonly T[];
  /** Every role at least one of them holds, in ROSTER_ROLES order (for the 6+N coverage line). */
  roles: RosterRole[];
}

const ALL_ROLE_BITS = (1 << ROSTER_ROLES.length) - 1;

function roleBitsOf(roles: readonly RosterRole[]): number {
  let bits = 0;
  for (const r of roles) bits |= 1 << ROSTER_ROLES.indexOf(r);
  return bits & ALL_ROLE_BITS;
}

export function buildRosterSearchIndex<T extends Searchable>(people: readonly T[]): RosterSearchIndex<T> {
  const n = people.length;
  const names = new Array<string>(n);
  const initials = new Array<string>(n);
  const units = new Array<string>(n);
  const roleBits = new Uint32Array(n); // room for 32 roles; 6+N has 7 today
  for (let i = 0; i < n; i++) {
    const p = people[i] as T;
    names[i] = p.name;
    initials[i] = p.initials;
    units[i] = p.unit ?? '';
    roleBits[i] = roleBitsOf(p.roles);
  }
  return { people, names, initials, units, roleBits, phones: null };
}

function phonesOf<T extends Searchable>(index: RosterSearchIndex<T>): string[] {
  index.phones ??= index.people.map((p) => (p.phone ? normalizePhone(p.phone) : ''));
  return index.phones;
}

/** The query as the search compares it: trimmed and lower-cased. */
export function normalizeRosterQuery(query: string): string {
  return query.trim().toLowerCase();
}

/**
 * The people matching `query` (and `accept`, when given), in index order, with the roles they
 * hold between them. An empty query matches everyone.
 */
export function searchRoster<T extends Searchable>(
  index: RosterSearchIndex<T>,
  query: string,
  accept?: (person: T) => boolean,
): RosterSearchResult<T> {
  const q = normalizeRosterQuery(query);
  const { people, names, initials, units, roleBits } = index;
  const phones = /^\d{3,}$/.test(q) ? phonesOf(index) : null;
  const everyone = q === '' && !accept;
  const found: T[] = [];
  let bits = 0;
  for (let i = 0; i < people.length; i++) {
    const hit =
      q === '' ||
      (names[i] as string).includes(q) ||
      (initials[i] as string).includes(q) ||
      (units[i] as string).includes(q) ||
      (phones !== null && (phones[i] as string).includes(q));
    if (!hit || (accept && !accept(people[i] as T))) continue;
    if (!everyone) found.push(people[i] as T);
    bits |= roleBits[i] as number;
    if (everyone && bits === ALL_ROLE_BITS) break;
  }
  return { people: everyone ? people : found, roles: ROSTER_ROLES.filter((_, i) => bits & (1 << i)) };
}
