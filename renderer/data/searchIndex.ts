import { bindToCurrentZone } from './dexieZone';
import type {
  DBCore,
  DBCoreMutateRequest,
  DBCoreMutateResponse,
  DBCoreTable,
  DBCoreTransaction,
  Middleware,
} from 'dexie';
import type { Meeting } from '../../shared/domain/meeting';
import {
  DAY_SPAN,
  dayKeyBase,
  isSearchTable,
  KIND_OF_TABLE,
  refOf,
  SEARCH_TABLES,
  searchEntryOf,
  type SearchEntry,
  type SearchEntryDraft,
  type SearchTerms,
} from '../../shared/search/entries';
import { SEARCH_KINDS, type SearchKind } from '../../shared/search/types';
import { coversAny, forgetPostings, keepPostings, postingsStateOf, termsOfKeys } from './searchPostings';

/**
 * The archive search index (issue 13), kept by the database itself: every write of a searchable
 * record — a form, an import, a meeting file, an amendment — re-indexes it in the same
 * transaction, so a record and its index never disagree.
 *
 * Records stored before the index existed (an upgrade) or written by a restore are indexed in
 * the background, in key order (searchBackfill.ts); `searchState` says how far each kind has got.
 * A write is indexed here only when its key is within that stretch: a record beyond it will be
 * reached by the background work, and a restore of ten years is not slowed by indexing it.
 */

export interface SearchState {
  kind: SearchKind;
  /** The last key indexed so far, in key order. */
  after?: string;
  /** Every record of the kind is indexed (writes are indexed as they happen). */
  complete?: true;
}

export const SEARCH_STORES = ['searchEntries', 'searchTerms', 'searchPostings', 'searchState'] as const;
const SEARCHED_TABLES = SEARCH_KINDS.map((k) => SEARCH_TABLES[k].table);
/** A meeting written anew or moved to another day or unit re-indexes its items, minutes, decisions… */
const CHILD_KINDS = ['agendaItem', 'minutes', 'decision', 'amendment', 'progress'] as const;
const EQUAL = 1;
const RANGE = 2;

/** Whether a record's key is within what a derived table covers (its state's mark). */
export function isCovered(state: Pick<SearchState, 'after' | 'complete'> | undefined, key: string): boolean {
  return !!state && (state.complete === true || (state.after !== undefined && key <= state.after));
}

function equal(key: unknown) {
  return { type: EQUAL, lower: key, upper: key } as const;
}

/** The key of each ref's entry, where it has one. */
async function entryKeysOfRefs(entries: DBCoreTable, trans: DBCoreTransaction, refs: string[]): Promise<number[]> {
  return [...(await keysByRef(entries, trans, refs)).values()];
}

async function keysByRef(entries: DBCoreTable, trans: DBCoreTransaction, refs: string[]): Promise<Map<string, number>> {
  const index = entries.schema.getIndexByKeyPath('ref')!;
  const found = await Promise.all(
    refs.map((ref) => entries.query({ trans, values: false, limit: 1, query: { index, range: equal(ref) } })),
  );
  const keys = new Map<string, number>();
  found.forEach((r, i) => r.result.length && keys.set(refs[i]!, r.result[0] as number));
  return keys;
}

/**
 * The next free key of each day's stretch: below the lowest one used, so a day's newer records
 * come first too. A stretch's keys are given from its top down.
 */
async function nextKeys(entries: DBCoreTable, trans: DBCoreTransaction, bases: number[]): Promise<Map<number, number>> {
  const index = entries.schema.primaryKey;
  const lowest = await Promise.all(
    bases.map((base) =>
      entries.query({
        trans,
        values: false,
        limit: 1,
        query: {
          index,
          range: { type: RANGE, lower: base, upper: base + DAY_SPAN, lowerOpen: false, upperOpen: true },
        },
      }),
    ),
  );
  return new Map(
    bases.map((base, i) => [
      base,
      lowest[i]!.result.length ? (lowest[i]!.result[0] as number) - 1 : base + DAY_SPAN - 1,
    ]),
  );
}

/**
 * Gives each entry its key: the one it had while its day is the same, else the next free one of
 * its day's stretch. Returns the entries and the keys no longer used (a record moved to another day).
 */
async function keyed(entries: DBCoreTable, trans: DBCoreTransaction, drafts: SearchEntryDraft[]) {
  const had = await keysByRef(
    entries,
    trans,
    drafts.map((d) => d.ref),
  );
  const stays = (d: SearchEntryDraft, key: number | undefined) =>
    key !== undefined && key >= dayKeyBase(d.date) && key < dayKeyBase(d.date) + DAY_SPAN;
  const moving = drafts.filter((d) => !stays(d, had.get(d.ref)));
  const next = await nextKeys(entries, trans, [...new Set(moving.map((d) => dayKeyBase(d.date)))]);
  const gone: number[] = [];
  const keyedEntries = drafts.map((d): SearchEntry & { terms: string[] } => {
    const old = had.get(d.ref);
    if (stays(d, old)) return { id: old!, ...d };
    if (old !== undefined) gone.push(old);
    const base = dayKeyBase(d.date);
    const id = next.get(base)!;
    if (id < base) throw new RangeError(`more than ${DAY_SPAN} search entries on ${d.date}`);
    next.set(base, id - 1);
    return { id, ...d };
  });
  return { keyedEntries, gone, had };
}

/** Replaces the index entries of these records (rows of one kind) with entries for them as they are now. */
export async function replaceEntries(core: DBCore, trans: DBCoreTransaction, kind: SearchKind, rows: unknown[]) {
  if (rows.length === 0) return;
  const meetingIds = [
    ...new Set(
      rows.map((r) => (kind === 'matter' ? undefined : (r as { meetingId?: string }).meetingId)).filter(Boolean),
    ),
  ] as string[];
  const meetings = new Map<string, Meeting>();
  if (kind === 'meeting') for (const m of rows as Meeting[]) meetings.set(m.id, m);
  else if (meetingIds.length) {
    const found = (await core.table('meetings').getMany({ trans, keys: meetingIds })) as (Meeting | undefined)[];
    found.forEach((m) => m && meetings.set(m.id, m));
  }
  const drafts = rows.map((row) =>
    searchEntryOf(
      kind,
      row,
      kind === 'meeting' ? (row as Meeting) : meetings.get((row as { meetingId?: string }).meetingId ?? ''),
    ),
  );
  const entries = core.table('searchEntries');
  // One entry per record, the last write's, should a write name a record twice.
  const unique = [...new Map(drafts.map((d) => [d.ref, d])).values()];
  const { keyedEntries, gone, had } = await keyed(entries, trans, unique);
  // The terms the entries had, for the posting lists (none to read while the lists cover nothing).
  const postings = await postingsStateOf(core, trans);
  const before = coversAny(postings) ? await termsOfKeys(core, trans, [...had.values()]) : [];
  if (gone.length) await dropKeys(core, trans, gone);
  await Promise.all([
    entries.mutate({ type: 'put', trans, values: keyedEntries.map(({ terms: _terms, ...entry }) => entry) }),
    core.table('searchTerms').mutate({
      type: 'put',
      trans,
      values: keyedEntries.map(({ id, terms }): SearchTerms => ({ id, terms })),
    }),
  ]);
  await keepPostings(
    core,
    trans,
    postings,
    before,
    keyedEntries.map(({ id, terms }) => ({ key: id, terms })),
  );
}

/** Deletes entries, their terms and their keys in the posting lists. */
async function deleteKeys(core: DBCore, trans: DBCoreTransaction, keys: number[]) {
  const postings = await postingsStateOf(core, trans);
  const before = coversAny(postings) ? await termsOfKeys(core, trans, keys) : [];
  await dropKeys(core, trans, keys);
  await keepPostings(core, trans, postings, before, []);
}

/** Deletes entries and their terms, leaving the posting lists to the caller. */
async function dropKeys(core: DBCore, trans: DBCoreTransaction, keys: number[]) {
  await Promise.all([
    core.table('searchEntries').mutate({ type: 'delete', trans, keys }),
    core.table('searchTerms').mutate({ type: 'delete', trans, keys }),
  ]);
}

async function deleteEntries(core: DBCore, trans: DBCoreTransaction, kind: SearchKind, recordIds: string[]) {
  const entries = core.table('searchEntries');
  const keys = await entryKeysOfRefs(
    entries,
    trans,
    recordIds.map((id) => refOf(kind, id)),
  );
  if (keys.length) await deleteKeys(core, trans, keys);
}

/** Empties the index of a kind and marks it as not indexed at all (a restore refills the table). */
async function forgetKind(core: DBCore, trans: DBCoreTransaction, kind: SearchKind) {
  const entries = core.table('searchEntries');
  const index = entries.schema.getIndexByKeyPath('ref')!;
  const range = { type: RANGE, lower: `${kind}:`, upper: `${kind};`, lowerOpen: false, upperOpen: true } as const;
  const keys = (await entries.query({ trans, values: false, query: { index, range } })).result as number[];
  // A restore empties every table: the posting lists are built again after the entries, rather
  // than each entry's keys taken out of them one by one.
  await forgetPostings(core, trans);
  if (keys.length) await dropKeys(core, trans, keys);
  await core.table('searchState').mutate({ type: 'put', trans, values: [{ kind } satisfies SearchState] });
}

async function stateOf(core: DBCore, trans: DBCoreTransaction, kind: SearchKind): Promise<SearchState | undefined> {
  return (await core.table('searchState').get({ trans, key: kind })) as SearchState | undefined;
}

/** A meeting's entries changed day, unit or type: its records' entries carry them too. */
async function reindexChildren(core: DBCore, trans: DBCoreTransaction, meetingIds: string[]) {
  for (const kind of CHILD_KINDS) {
    const state = await stateOf(core, trans, kind);
    if (!state) continue;
    const table = core.table(SEARCH_TABLES[kind].table);
    const index = table.schema.getIndexByKeyPath('meetingId')!;
    // All the meetings' records at once: an import or the demo writes dozens of new meetings,
    // and a round trip per meeting and kind was most of the demo's three seconds.
    const found = await Promise.all(
      meetingIds.map((meetingId) => table.query({ trans, values: true, query: { index, range: equal(meetingId) } })),
    );
    const key = SEARCH_TABLES[kind].key;
    await replaceEntries(
      core,
      trans,
      kind,
      found.flatMap((r) => r.result).filter((r) => isCovered(state, String(r[key]))),
    );
  }
}

async function afterWrite(
  core: DBCore,
  table: DBCoreTable,
  kind: SearchKind,
  req: DBCoreMutateRequest,
  res: DBCoreMutateResponse,
) {
  const { trans } = req;
  if (req.type === 'deleteRange') return forgetKind(core, trans, kind);
  if (req.type === 'delete') return deleteEntries(core, trans, kind, req.keys.map(String));
  const state = await stateOf(core, trans, kind);
  if (!state) return;
  const written = req.values.filter((_, i) => !res.failures?.[i]);
  const keyOf = (row: unknown) => String(table.schema.primaryKey.extractKey!(row));
  const rows = written.filter((row) => isCovered(state, keyOf(row)));
  if (kind !== 'meeting') return replaceEntries(core, trans, kind, rows);
  const entries = core.table('searchEntries');
  const oldKeys = await entryKeysOfRefs(
    entries,
    trans,
    rows.map((m) => refOf('meeting', keyOf(m))),
  );
  const old = ((await entries.getMany({ trans, keys: oldKeys })) as (SearchEntry | undefined)[]).filter(
    Boolean,
  ) as SearchEntry[];
  await replaceEntries(core, trans, kind, rows);
  const moved = (rows as Meeting[]).filter((m) => {
    const was = old.find((e) => e.ref === refOf('meeting', m.id));
    const now = searchEntryOf('meeting', m, m);
    // New (its records may have been written first, as an import may) or moved to another day, unit or type.
    return !was || was.date !== now.date || was.orgUnitId !== now.orgUnitId || was.meetingType !== now.meetingType;
  });
  if (moved.length)
    await reindexChildren(
      core,
      trans,
      moved.map((m) => m.id),
    );
}

/**
 * The core with every call made in the Dexie transaction zone current now. The index's reads and
 * writes follow one another through awaits, and after a few of them Dexie's zone is gone while
 * its hooks and cache layers still need it: a write then failed with "Cannot read properties of
 * undefined" (dexieZone.ts).
 */
export function zoned(core: DBCore): DBCore {
  const inZone = bindToCurrentZone();
  return {
    ...core,
    table(name) {
      const table = core.table(name);
      return {
        ...table,
        mutate: inZone(table.mutate.bind(table)),
        get: inZone(table.get.bind(table)),
        getMany: inZone(table.getMany.bind(table)),
        query: inZone(table.query.bind(table)),
        openCursor: inZone(table.openCursor.bind(table)),
        count: inZone(table.count.bind(table)),
      };
    },
  };
}

/**
 * `onForgotten` is called after a table of records was emptied (a restore): the background
 * indexing has work again.
 */
export function searchIndexMiddleware(onForgotten: () => void = () => undefined): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'searchIndex',
    create(down) {
      return {
        ...down,
        transaction(stores, mode, options) {
          // The index is written in the same transaction as the records, so it must be in its scope.
          const widened =
            mode === 'readwrite' && stores.some(isSearchTable)
              ? [...new Set([...stores, ...SEARCHED_TABLES, ...SEARCH_STORES])]
              : stores;
          // The background indexing names searchState itself (the app's writes never do): its
          // pieces commit without waiting for the disk, as the index and its mark are written
          // together and a piece lost in a crash is simply done again.
          const background = mode === 'readwrite' && stores.includes('searchState');
          return down.transaction(widened, mode, background ? { ...options, durability: 'relaxed' } : options);
        },
        table(name) {
          const table = down.table(name);
          if (!isSearchTable(name)) return table;
          const kind = KIND_OF_TABLE[name];
          return {
            ...table,
            // Chained on the promise Dexie gives (not an async function): Dexie keeps its
            // transaction zone through its own promises, and a restore waiting on outside work
            // (Dexie.waitFor) found the transaction committed under a native one.
            mutate(req) {
              const inTransaction = zoned(down);
              return table.mutate(req).then((res) =>
                afterWrite(inTransaction, table, kind, req, res).then(() => {
                  if (req.type === 'deleteRange') onForgotten();
                  return res;
                }),
              );
            },
          };
        },
      };
    },
  };
}
