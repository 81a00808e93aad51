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
  isSearchTable,
  KIND_OF_TABLE,
  refOf,
  SEARCH_TABLES,
  searchEntryOf,
  type SearchEntry,
} from '../../shared/search/entries';
import { SEARCH_KINDS, type SearchKind } from '../../shared/search/types';

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

export const SEARCH_STORES = ['searchEntries', 'searchState'] as const;
const SEARCHED_TABLES = SEARCH_KINDS.map((k) => SEARCH_TABLES[k].table);
/** A meeting written anew or moved to another day or unit re-indexes its items, minutes, decisions… */
const CHILD_KINDS = ['agendaItem', 'minutes', 'decision', 'amendment', 'progress'] as const;
const EQUAL = 1;
const RANGE = 2;

export function isCovered(state: SearchState | undefined, key: string): boolean {
  return !!state && (state.complete === true || (state.after !== undefined && key <= state.after));
}

function equal(key: unknown) {
  return { type: EQUAL, lower: key, upper: key } as const;
}

async function entryKeysOfRefs(entries: DBCoreTable, trans: DBCoreTransaction, refs: string[]): Promise<string[]> {
  const index = entries.schema.getIndexByKeyPath('ref')!;
  const found = await Promise.all(
    refs.map((ref) => entries.query({ trans, values: false, query: { index, range: equal(ref) } })),
  );
  return found.flatMap((r) => r.result as string[]);
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
  const next = rows.map((row) =>
    searchEntryOf(
      kind,
      row,
      kind === 'meeting' ? (row as Meeting) : meetings.get((row as { meetingId?: string }).meetingId ?? ''),
    ),
  );
  const entries = core.table('searchEntries');
  const stale = await entryKeysOfRefs(
    entries,
    trans,
    next.map((e) => e.ref),
  );
  const keep = new Set(next.map((e) => e.id));
  const gone = stale.filter((k) => !keep.has(k));
  if (gone.length) await entries.mutate({ type: 'delete', trans, keys: gone });
  await entries.mutate({ type: 'put', trans, values: next });
}

async function deleteEntries(core: DBCore, trans: DBCoreTransaction, kind: SearchKind, recordIds: string[]) {
  const entries = core.table('searchEntries');
  const keys = await entryKeysOfRefs(
    entries,
    trans,
    recordIds.map((id) => refOf(kind, id)),
  );
  if (keys.length) await entries.mutate({ type: 'delete', trans, keys });
}

/** Empties the index of a kind and marks it as not indexed at all (a restore refills the table). */
async function forgetKind(core: DBCore, trans: DBCoreTransaction, kind: SearchKind) {
  const entries = core.table('searchEntries');
  const index = entries.schema.getIndexByKeyPath('ref')!;
  const range = { type: RANGE, lower: `${kind}:`, upper: `${kind};`, lowerOpen: false, upperOpen: true } as const;
  const keys = (await entries.query({ trans, values: false, query: { index, range } })).result as string[];
  if (keys.length) await entries.mutate({ type: 'delete', trans, keys });
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
    for (const meetingId of meetingIds) {
      const rows = (await table.query({ trans, values: true, query: { index, range: equal(meetingId) } })).result;
      const key = SEARCH_TABLES[kind].key;
      await replaceEntries(
        core,
        trans,
        kind,
        rows.filter((r) => isCovered(state, String(r[key]))),
      );
    }
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
              return table.mutate(req).then((res) =>
                afterWrite(down, table, kind, req, res).then(() => {
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
