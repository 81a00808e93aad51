import { today as todayOf, type CalendarDate } from '../../../shared/dates';
import { descendantIds } from '../../../shared/domain/org';
import type { AgendaItem, Meeting } from '../../../shared/domain/meeting';
import type { Decision } from '../../../shared/domain/decision';
import type { Matter } from '../../../shared/domain/matter';
import { SEARCH_TABLES, searchTextOf, type SearchEntry, type SearchTerms } from '../../../shared/search/entries';
import { keysOfRow, type PostingRow } from '../../../shared/search/postingLists';
import {
  hrefOf,
  passesEntryFilters,
  passesRecordFilters,
  snippetOf,
  statusOf,
  titleOf,
} from '../../../shared/search/hits';
import { matchesWords, planQuery } from '../../../shared/search/terms';
import { horizonOf, nextReads, postingOf, sharedKeys, type Posting } from '../../../shared/search/postings';
import {
  SEARCH_KINDS,
  type SearchFilters,
  type SearchHit,
  type SearchKind,
  type SearchResult,
} from '../../../shared/search/types';
import type Dexie from 'dexie';
import type { OrgUnit } from '../../../shared/domain/org';
import { POSTINGS, type PostingsState } from '../searchPostings';

/**
 * What the archive search reads through: the app's database, or the search worker's own
 * connection to it (renderer/data/searchWorker.ts), which has no typed tables.
 */
export type ArchiveDb = Pick<Dexie, 'table' | 'transaction'>;

export { searchIndexProgress } from '../searchBackfill';

/**
 * Index keys read at first for each term: enough for most first pages, cheap to read
 * (256 keys ~1 ms). A term with fewer is read whole.
 */
const PROBE = 256;
/** Records read and checked at once, at most and at least. */
const CHUNK = 100;
const MIN_CHUNK = 10;

interface Candidate {
  kind: SearchKind;
  recordId: string;
  meetingId?: string;
  date: CalendarDate | '';
}

function candidateOf(entry: SearchEntry): Candidate {
  return {
    kind: entry.kind,
    recordId: entry.ref.slice(entry.kind.length + 1),
    ...(entry.meetingId ? { meetingId: entry.meetingId } : {}),
    date: entry.date,
  };
}

/** Posting rows read at first for a term (each a block of 32 days); twice as many each time after. */
const FIRST_ROWS = 4;

type PostingRead = (term: string, count: number) => Promise<Posting>;

/**
 * A term's first `count` keys, newest first, as a posting: read from its posting rows
 * (shared/search/postingLists.ts) in block order, a few rows at a time, and kept for the rest of
 * the search, which asks for ever longer stretches of the same terms.
 */
function postingReader(db: ArchiveDb): PostingRead {
  const read = new Map<string, { keys: number[]; lastBlock: number; whole: boolean }>();
  const rows = db.table<PostingRow, [string, number]>('searchPostings');
  return async (term, count) => {
    const r = read.get(term) ?? { keys: [], lastBlock: -Infinity, whole: false };
    read.set(term, r);
    for (let n = FIRST_ROWS; !r.whole && r.keys.length < count; n *= 2) {
      const found = await rows
        .where(':id')
        .between([term, r.lastBlock], [term, Infinity], false, true)
        .limit(n)
        .toArray();
      for (const row of found) for (const key of keysOfRow(row)) r.keys.push(key);
      r.lastBlock = found.at(-1)?.block ?? r.lastBlock;
      r.whole = found.length < n;
    }
    const keys = r.keys.slice(0, count);
    return { ...postingOf(term, keys, count), complete: r.whole && r.keys.length <= count };
  };
}

async function byId<T>(db: ArchiveDb, table: string, ids: string[]): Promise<Map<string, T>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = (await db.table(table).bulkGet(unique)) as (T | undefined)[];
  const map = new Map<string, T>();
  rows.forEach((row, i) => row && map.set(unique[i]!, row));
  return map;
}

type Checker = (chunk: Candidate[]) => Promise<SearchHit[]>;

/** Reads a chunk's records (and what they belong to) and keeps those that really match. */
function recordChecker(
  db: ArchiveDb,
  words: string[],
  filters: SearchFilters,
  units: Set<string> | null,
  today: CalendarDate,
): Checker {
  return async (chunk) => {
    // Each request waits its turn in the transaction, but a round trip each after the other
    // (seven kinds, then the meetings they belong to) was most of a first page's reading: the
    // records and their meetings (named by the index entries) are asked for at once.
    const [byKind, meetings, items] = await Promise.all([
      Promise.all(
        SEARCH_KINDS.map(async (kind) => {
          const ids = chunk.filter((c) => c.kind === kind).map((c) => c.recordId);
          return { kind, found: await byId(db, SEARCH_TABLES[kind].table, ids) };
        }),
      ),
      byId<Meeting>(
        db,
        'meetings',
        chunk.map((c) => c.meetingId).filter((id): id is string => !!id),
      ),
      byId<AgendaItem>(
        db,
        'agendaItems',
        chunk.filter((c) => c.kind === 'minutes').map((c) => c.recordId),
      ),
    ]);
    const rows = new Map<string, unknown>();
    for (const { kind, found } of byKind) for (const [id, row] of found) rows.set(`${kind}:${id}`, row);
    const progress = chunk.filter((c) => c.kind === 'progress').map((c) => rows.get(`progress:${c.recordId}`));
    // A record whose entry did not name its meeting (none should) still gets it.
    const unnamed = [...rows.values()]
      .map((r) => (r as { meetingId?: string }).meetingId)
      .filter((id): id is string => !!id && !meetings.has(id));
    const [decisions, late] = await Promise.all([
      byId<Decision>(
        db,
        'decisions',
        progress.filter((p) => !!p).map((p) => (p as { decisionId: string }).decisionId),
      ),
      byId<Meeting>(db, 'meetings', unnamed),
    ]);
    for (const [id, meeting] of late) meetings.set(id, meeting);
    const hits: SearchHit[] = [];
    for (const c of chunk) {
      const row = rows.get(`${c.kind}:${c.recordId}`);
      if (!row) continue;
      const meeting =
        c.kind === 'meeting' ? (row as Meeting) : meetings.get((row as { meetingId?: string }).meetingId ?? '');
      const orgUnitId = c.kind === 'matter' ? (row as Matter).orgUnitId : meeting?.orgUnitId;
      if (units && (!orgUnitId || !units.has(orgUnitId))) continue;
      if (filters.meetingType && meeting?.type !== filters.meetingType) continue;
      if (!passesRecordFilters(c.kind, row, filters, today)) continue;
      const { text, names } = searchTextOf(c.kind, row);
      if (!matchesWords(text, names, words)) continue;
      const context = {
        ...(meeting ? { meeting } : {}),
        ...(c.kind === 'minutes' ? { agendaItem: items.get(c.recordId) } : {}),
        ...(c.kind === 'progress' ? { decision: decisions.get((row as { decisionId: string }).decisionId) } : {}),
      } as Parameters<typeof titleOf>[2];
      const status = statusOf(c.kind, row);
      hits.push({
        ref: `${c.kind}:${c.recordId}`,
        kind: c.kind,
        recordId: c.recordId,
        ...(meeting ? { meetingId: meeting.id } : {}),
        date: c.date,
        title: titleOf(c.kind, row, context),
        snippet: snippetOf(text, words),
        ...(orgUnitId ? { orgUnitId } : {}),
        ...(status ? { status } : {}),
        href: hrefOf(c.kind, row),
      });
    }
    return hits;
  };
}

/** Checks the records of entry keys, in chunks, adding the matches to `hits` until enough. */
function keyChecker(db: ArchiveDb, check: Checker, filters: SearchFilters, limit: number, hits: SearchHit[]) {
  return async (keys: number[]) => {
    for (let i = 0; i < keys.length && hits.length <= limit;) {
      // Only as many records as hits are still wanted (most candidates match): a first page
      // of 30 read 100 records and took twice as long.
      const n = Math.min(CHUNK, Math.max(MIN_CHUNK, limit + 1 - hits.length));
      const entries = await db.table<SearchEntry, number>('searchEntries').bulkGet(keys.slice(i, i + n));
      const candidates = entries
        .filter((e): e is SearchEntry => !!e)
        .map(candidateOf)
        .filter((c) => passesEntryFilters(c, filters));
      hits.push(...(await check(candidates)));
      i += n;
    }
  };
}

type KeyCheck = (keys: number[]) => Promise<void>;

/**
 * Each term's keys are read a prefix at a time (shared/search/postings.ts) until the keys every
 * term holds name enough records (`wanted` more hits); only those records are read.
 */
async function searchThroughLists(postingRead: PostingRead, first: Posting[], check: KeyCheck, wanted: () => number) {
  let postings = first;
  for (let after = -Infinity; ;) {
    const horizon = horizonOf(postings);
    const keys = sharedKeys(postings, after, horizon);
    const reads = nextReads(postings, Math.max(1, wanted() + 1 - keys.length));
    const read = async () => {
      const more = await Promise.all(reads.map((r) => postingRead(r.term, r.count)));
      postings = postings.map((p) => more.find((m) => m.term === p.term) ?? p);
    };
    // Keys are cheap and records dear: read keys further until they name enough records.
    if (keys.length <= wanted() && reads.length) {
      await read();
      continue;
    }
    await check(keys);
    if (wanted() < 0 || reads.length === 0) return;
    after = horizon;
    await read();
  }
}

/** Entries' terms read at once where a small archive is searched by reading (PostingsState.scan). */
const TERMS_READ = 200;

/** A small archive's search: every entry's terms read in key order (newest first), until enough. */
async function searchByReading(db: ArchiveDb, terms: string[], check: KeyCheck, enough: () => boolean) {
  const table = db.table<SearchTerms, number>('searchTerms');
  for (let last: number | undefined; ;) {
    const rows = await (last === undefined ? table.toCollection() : table.where(':id').above(last))
      .limit(TERMS_READ)
      .toArray();
    const keys = rows.filter((row) => terms.every((term) => row.terms.includes(term))).map((row) => row.id);
    if (keys.length) await check(keys);
    if (enough() || rows.length < TERMS_READ) return;
    last = rows.at(-1)!.id;
  }
}

/**
 * The archive search (issue 13): records holding every word of the query, newest first, up to
 * `limit`. The keys naming candidates come from the posting lists, or from every entry's terms in
 * a small archive (PostingsState.scan); only those records are read, and each one's own text
 * decides, so a hit is always a real match and the pairs of "装电梯" never find 装电…电梯.
 */
export async function searchArchive(
  db: ArchiveDb,
  query: string,
  filters: SearchFilters,
  limit: number,
  today: CalendarDate = todayOf(),
  probe = PROBE,
): Promise<SearchResult> {
  const plan = planQuery(query);
  if (plan.terms.length === 0) return { hits: [], words: plan.words, more: false, tooShort: true };
  const tables = [
    ...new Set([
      ...SEARCH_KINDS.map((k) => SEARCH_TABLES[k].table),
      'searchEntries',
      'searchTerms',
      'searchPostings',
      'searchState',
      'orgUnits',
    ]),
  ];
  return db.transaction('r', tables, async () => {
    // The lists' first rows are asked for with the state, as a search at ten years waits for
    // every round trip; a small archive's (read instead) hold nothing to read.
    const postingRead = postingReader(db);
    const [state, first, units] = await Promise.all([
      db.table('searchState').get(POSTINGS) as Promise<PostingsState | undefined>,
      Promise.all(plan.terms.map((term) => postingRead(term, probe))),
      filters.orgUnitId
        ? db
            .table<OrgUnit, string>('orgUnits')
            .toArray()
            .then((all) => descendantIds(all, filters.orgUnitId!).add(filters.orgUnitId!))
        : null,
    ]);
    const hits: SearchHit[] = [];
    const check = keyChecker(db, recordChecker(db, plan.words, filters, units, today), filters, limit, hits);
    if (state?.scan) await searchByReading(db, plan.terms, check, () => hits.length > limit);
    else await searchThroughLists(postingRead, first, check, () => limit - hits.length);
    return { hits: hits.slice(0, limit), words: plan.words, more: hits.length > limit, tooShort: false };
  });
}
