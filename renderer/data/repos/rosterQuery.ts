import Dexie, { type ObservabilitySet } from 'dexie';
import { personMatches, type Person } from '../../../shared/domain/person';
import { ROSTER_ROLES, type RosterRole } from '../../../shared/domain/roles';
import { normalizeRosterQuery } from '../../../shared/roster/search';
import {
  gramRange,
  planRosterQuery,
  roleGram,
  withoutRosterKeys,
  type StoredPerson,
} from '../../../shared/roster/rosterKeys';
import type { YishiDb } from '../db';

/** What the roster shows: a search, a unit (with the units below it) and a role. */
export interface RosterFilter {
  query: string;
  /** The ids of the chosen unit and every unit below it; null for the whole roster. */
  unitIds: ReadonlySet<string> | null;
  role: RosterRole | null;
}

/** A page's rows read alone (RosterReader.quickRows), with every role held when it is the whole roster. */
export interface QuickPage {
  rows: Person[];
  roles: RosterRole[] | null;
}

export interface RosterView {
  /** How many people the filter lets through; null while counting (the rows are shown first). */
  total: number | null;
  /** The first row's place in that list (the page asked for, moved back if the list shrank). */
  offset: number;
  /** The people of the page, in roster order (sortForRoster). */
  rows: Person[];
  /**
   * Every role at least one of the people let through holds, in ROSTER_ROLES order (6+N
   * coverage); null while they are counted.
   */
  roles: RosterRole[] | null;
}

/** Candidate rows read per call when a long query's pieces are checked. */
const READ_CHUNK = 500;
/** Searches kept: a secretary types and deletes the same few letters (and the letters read ahead). */
const QUERY_CACHE = 48;

/** What a search of the roster most often starts with: a name's first initial. */
const FIRST_LETTERS = [...'abcdefghijklmnopqrstuvwxyz'];

/**
 * Reads the roster a page at a time from the people table's indexes (`sortKey`, `*rosterKeys`,
 * `orgUnitId`; see shared/roster/rosterKeys.ts), never the whole table: the unfiltered roster is
 * an offset into the sort index and a count, a search is one index range (or a few candidates
 * checked), a filter a set of ids. What it read is kept until the roster changes: make a new
 * reader then (RosterPage makes one whenever the people table changes).
 */
export class RosterReader {
  private total?: Promise<number>;
  private allRoles?: Promise<RosterRole[]>;
  private sorted?: Promise<string[]>;
  private bits?: Promise<Map<string, number>>;
  private readonly units = new Map<string, Promise<Set<string>>>();
  private readonly queries = new Map<string, Promise<string[]>>();
  private readonly quickPages = new Map<string, Promise<QuickPage | null>>();

  constructor(private readonly db: YishiDb) {}

  /** One page of the people `filter` lets through. */
  async page(filter: RosterFilter, offset: number, limit: number): Promise<RosterView> {
    const q = normalizeRosterQuery(filter.query);
    if (q === '' && !filter.unitIds && !filter.role) {
      const total = await this.count();
      const start = clampOffset(offset, limit, total);
      const [rows, roles] = await Promise.all([
        this.db.people.orderBy('sortKey').offset(start).limit(limit).toArray(),
        this.rolesOfEveryone(),
      ]);
      return { total, offset: start, rows: rows.map(stripKeys), roles };
    }
    const ids = await this.matchingIds(filter);
    const start = clampOffset(offset, limit, ids.length);
    const [rows, roles] = await Promise.all([this.readRows(ids.slice(start, start + limit)), this.rolesOf(ids)]);
    return { total: ids.length, offset: start, rows: rows.map(stripKeys), roles };
  }

  /**
   * The rows of a page alone, when one index range in roster order holds them (the whole roster,
   * or a search of one or two characters without unit or role): a cursor over twenty entries,
   * while counting the people and their roles (page) walks the whole range. Null otherwise.
   * Kept for the reader's life, as the searches are: typing a letter and deleting it again shows
   * the page read the first time, without waiting for IndexedDB (~10 ms a keystroke at 30,000).
   */
  quickRows(filter: RosterFilter, offset: number, limit: number): Promise<QuickPage | null> {
    if (filter.unitIds || filter.role) return Promise.resolve(null);
    const q = normalizeRosterQuery(filter.query);
    const key = `${q}\n${offset}\n${limit}`;
    let found = this.quickPages.get(key);
    if (!found) {
      found = this.readQuickRows(q, offset, limit);
      found.catch(() => this.quickPages.delete(key));
      if (this.quickPages.size >= QUERY_CACHE) this.quickPages.delete(this.quickPages.keys().next().value as string);
      this.quickPages.set(key, found);
    }
    return found;
  }

  private async readQuickRows(q: string, offset: number, limit: number): Promise<QuickPage | null> {
    let rows: Person[];
    let roles: RosterRole[] | null = null;
    if (q === '')
      [rows, roles] = await Promise.all([
        this.db.people.orderBy('sortKey').offset(offset).limit(limit).toArray(),
        this.rolesOfEveryone(),
      ]);
    else {
      const plan = planRosterQuery(q);
      if (plan.exact.length !== 1 || plan.candidates.length > 0) return null;
      const [lower, upper] = gramRange(plan.exact[0] as string);
      rows = await this.db.people
        .where('rosterKeys')
        .between(lower, upper, true, false)
        .offset(offset)
        .limit(limit)
        .toArray();
    }
    return { rows: rows.map(stripKeys), roles };
  }

  /** Every person `filter` lets through, in roster order (for the export, which writes them all). */
  async people(filter: RosterFilter): Promise<Person[]> {
    const q = normalizeRosterQuery(filter.query);
    if (q === '' && !filter.unitIds && !filter.role)
      return (await this.db.people.orderBy('sortKey').toArray()).map(stripKeys);
    return (await this.readRows(await this.matchingIds(filter))).map(stripKeys);
  }

  /**
   * Reads ahead what a first search or filter needs: each person's roles, then the first page of
   * each letter a search starts with, one at a time at `later` (idle moments) until `stopped`.
   * At 30,000 people the first key of each letter took 45–69 ms to the next frame, the same key
   * again 15–20 ms: the index's pages read for the first time.
   */
  async prefetch(pageSize: number, later: () => Promise<void>, stopped: () => boolean): Promise<void> {
    await this.roleBits().catch(() => undefined);
    for (const letter of FIRST_LETTERS) {
      await later();
      if (stopped()) return;
      await this.quickRows({ query: letter, unitIds: null, role: null }, 0, pageSize).catch(() => null);
    }
  }

  /** The ids `filter` lets through, in roster order. */
  async matchingIds(filter: RosterFilter): Promise<string[]> {
    const q = normalizeRosterQuery(filter.query);
    let ids: string[];
    if (q !== '') ids = await this.queryIds(q);
    else if (filter.role) ids = await this.rangeIds(roleGram(filter.role));
    else ids = await this.sortedIds();
    if (filter.role && q !== '') {
      const bits = await this.roleBits();
      const bit = 1 << ROSTER_ROLES.indexOf(filter.role);
      ids = ids.filter((id) => ((bits.get(id) ?? 0) & bit) !== 0);
    }
    if (filter.unitIds) {
      const inUnits = await this.peopleInUnits(filter.unitIds);
      ids = ids.filter((id) => inUnits.has(id));
    }
    return ids;
  }

  private count(): Promise<number> {
    this.total ??= this.db.people.count();
    return this.total;
  }

  private sortedIds(): Promise<string[]> {
    this.sorted ??= this.db.people.orderBy('sortKey').primaryKeys();
    return this.sorted;
  }

  private rangeIds(gram: string): Promise<string[]> {
    const [lower, upper] = gramRange(gram);
    return this.db.people.where('rosterKeys').between(lower, upper, true, false).primaryKeys();
  }

  private rangeCount(gram: string): Promise<number> {
    const [lower, upper] = gramRange(gram);
    return this.db.people.where('rosterKeys').between(lower, upper, true, false).count();
  }

  private peopleInUnits(unitIds: ReadonlySet<string>): Promise<Set<string>> {
    const key = [...unitIds].sort().join('\n');
    let found = this.units.get(key);
    if (!found) {
      found = this.db.people
        .where('orgUnitId')
        .anyOf([...unitIds])
        .primaryKeys()
        .then((ids) => new Set(ids));
      this.units.set(key, found);
    }
    return found;
  }

  /** The people matching a (normalised, non-empty) query, in roster order. */
  private queryIds(q: string): Promise<string[]> {
    let found = this.queries.get(q);
    if (!found) {
      found = this.searchIds(q);
      if (this.queries.size >= QUERY_CACHE) this.queries.delete(this.queries.keys().next().value as string);
      this.queries.set(q, found);
    }
    return found;
  }

  private async searchIds(q: string): Promise<string[]> {
    const plan = planRosterQuery(q);
    const exact = await Promise.all(plan.exact.map((g) => this.rangeIds(g)));
    const candidates = await Promise.all(plan.candidates.map((grams) => this.rarestIds(grams)));
    const lists = [...exact, ...candidates].filter((l) => l.length > 0);
    // One exact range is the answer as it stands, already in roster order.
    if (candidates.every((l) => l.length === 0) && lists.length <= 1) return lists[0] ?? [];
    const sure = new Set(exact.flat());
    const rows = await this.readStored([...new Set(lists.flat())]);
    return rows
      .filter((p) => sure.has(p.id) || personMatches(p, q))
      .sort((a, b) => compareKeys(a.sortKey, b.sortKey) || compareKeys(a.id, b.id))
      .map((p) => p.id);
  }

  /** The people holding the rarest of `grams` (each match holds them all). */
  private async rarestIds(grams: readonly string[]): Promise<string[]> {
    const counts = await Promise.all(grams.map((g) => this.rangeCount(g)));
    let best = 0;
    for (let i = 1; i < grams.length; i++) if ((counts[i] as number) < (counts[best] as number)) best = i;
    return counts[best] === 0 ? [] : this.rangeIds(grams[best] as string);
  }

  /** Each person's roles as bits (bit i: ROSTER_ROLES[i]), from the role entries of the index. */
  private roleBits(): Promise<Map<string, number>> {
    this.bits ??= Promise.all(ROSTER_ROLES.map((r) => this.rangeIds(roleGram(r)))).then((lists) => {
      const bits = new Map<string, number>();
      lists.forEach((ids, i) => {
        for (const id of ids) bits.set(id, (bits.get(id) ?? 0) | (1 << i));
      });
      return bits;
    });
    return this.bits;
  }

  private rolesOfEveryone(): Promise<RosterRole[]> {
    this.allRoles ??= Promise.all(
      ROSTER_ROLES.map(async (r) => {
        const [lower, upper] = gramRange(roleGram(r));
        const first = await this.db.people.where('rosterKeys').between(lower, upper, true, false).first();
        return first ? r : null;
      }),
    ).then((found) => found.filter((r): r is RosterRole => r !== null));
    return this.allRoles;
  }

  private async rolesOf(ids: readonly string[]): Promise<RosterRole[]> {
    if (ids.length === 0) return [];
    const bits = await this.roleBits();
    const all = (1 << ROSTER_ROLES.length) - 1;
    let held = 0;
    for (const id of ids) {
      held |= bits.get(id) ?? 0;
      if (held === all) break;
    }
    return ROSTER_ROLES.filter((_, i) => held & (1 << i));
  }

  private async readStored(ids: readonly string[]): Promise<StoredPerson[]> {
    const out: StoredPerson[] = [];
    for (let i = 0; i < ids.length; i += READ_CHUNK) {
      const rows = (await this.db.people.bulkGet(ids.slice(i, i + READ_CHUNK))) as (StoredPerson | undefined)[];
      for (const row of rows) if (row) out.push(row);
    }
    return out;
  }

  private readRows(ids: readonly string[]): Promise<Person[]> {
    return this.readStored(ids);
  }
}

function stripKeys(row: Person): Person {
  return withoutRosterKeys(row as StoredPerson) as Person;
}

/**
 * Calls `changed` after every committed write to the people table (of this window or another):
 * the roster then needs a new reader. Unlike a live count, it reads nothing (counting 30,000
 * people walks the whole table). Returns the unsubscribe.
 */
export function watchPeople(db: YishiDb, changed: () => void): () => void {
  const prefix = `idb://${db.name}/people/`;
  const listener = (parts: ObservabilitySet) => {
    if (Object.keys(parts).some((part) => part.startsWith(prefix))) changed();
  };
  Dexie.on.storagemutated.subscribe(listener);
  return () => Dexie.on.storagemutated.unsubscribe(listener);
}

/** Code-unit order, as IndexedDB compares string keys. */
function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The offset asked for, moved back to the last page when the list has fewer rows now. */
export function clampOffset(offset: number, limit: number, total: number): number {
  if (offset < total) return Math.max(0, offset);
  return total === 0 ? 0 : Math.floor((total - 1) / limit) * limit;
}
