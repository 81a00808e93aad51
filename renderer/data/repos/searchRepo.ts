import { today as todayOf, type CalendarDate } from '../../../shared/dates';
import { descendantIds } from '../../../shared/domain/org';
import type { AgendaItem, Meeting } from '../../../shared/domain/meeting';
import type { Decision } from '../../../shared/domain/decision';
import type { Matter } from '../../../shared/domain/matter';
import { SEARCH_TABLES, searchTextOf, type SearchEntry } from '../../../shared/search/entries';
import {
  hrefOf,
  passesEntryFilters,
  passesRecordFilters,
  snippetOf,
  statusOf,
  titleOf,
} from '../../../shared/search/hits';
import { matchesWords, planQuery } from '../../../shared/search/terms';
import {
  SEARCH_KINDS,
  type SearchFilters,
  type SearchHit,
  type SearchKind,
  type SearchResult,
} from '../../../shared/search/types';
import type { YishiDb } from '../db';

export { searchIndexProgress } from '../searchBackfill';

/** Index keys read at once for one term: a rare term's records all, a common one's newest. */
const PROBE = 500;
/** Records read and checked at once, at most and at least. */
const CHUNK = 100;
const MIN_CHUNK = 10;

interface Candidate {
  kind: SearchKind;
  recordId: string;
  date: CalendarDate | '';
}

function candidateOf(entry: SearchEntry): Candidate {
  return { kind: entry.kind, recordId: entry.ref.slice(entry.kind.length + 1), date: entry.date };
}

function termKeys(db: YishiDb, term: string, offset: number, probe: number): Promise<number[]> {
  return db.searchEntries.where('terms').equals(term).reverse().offset(offset).limit(probe).primaryKeys();
}

async function byId<T>(db: YishiDb, table: string, ids: string[]): Promise<Map<string, T>> {
  const unique = [...new Set(ids)];
  const rows = (await db.table(table).bulkGet(unique)) as (T | undefined)[];
  const map = new Map<string, T>();
  rows.forEach((row, i) => row && map.set(unique[i]!, row));
  return map;
}

type Checker = (chunk: Candidate[]) => Promise<SearchHit[]>;

/** Reads a chunk's records (and what they belong to) and keeps those that really match. */
function recordChecker(
  db: YishiDb,
  words: string[],
  filters: SearchFilters,
  units: Set<string> | null,
  today: CalendarDate,
): Checker {
  return async (chunk) => {
    const rows = new Map<string, unknown>();
    for (const kind of SEARCH_KINDS) {
      const ids = chunk.filter((c) => c.kind === kind).map((c) => c.recordId);
      if (ids.length)
        for (const [id, row] of await byId(db, SEARCH_TABLES[kind].table, ids)) rows.set(`${kind}:${id}`, row);
    }
    const found = [...rows.entries()];
    const of = <K extends SearchKind>(kind: K) => found.filter(([ref]) => ref.startsWith(`${kind}:`)).map(([, r]) => r);
    const meetings = await byId<Meeting>(
      db,
      'meetings',
      found.map(([, r]) => (r as { meetingId?: string; id: string }).meetingId).filter((id): id is string => !!id),
    );
    const items = await byId<AgendaItem>(
      db,
      'agendaItems',
      of('minutes').map((m) => (m as { agendaItemId: string }).agendaItemId),
    );
    const decisions = await byId<Decision>(
      db,
      'decisions',
      of('progress').map((p) => (p as { decisionId: string }).decisionId),
    );
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

/**
 * The archive search (issue 13): records holding every word of the query, newest first, up to
 * `limit`. The index narrows the candidates — the rarest term's records, less those missing any
 * other term whose records were all read — and each candidate's own text decides, so a hit is
 * always a real match and the pairs of "装电梯" never find 装电…电梯.
 */
export async function searchArchive(
  db: YishiDb,
  query: string,
  filters: SearchFilters,
  limit: number,
  today: CalendarDate = todayOf(),
  probe = PROBE,
): Promise<SearchResult> {
  const plan = planQuery(query);
  if (plan.terms.length === 0) return { hits: [], words: plan.words, more: false, tooShort: true };
  const tables = [...new Set([...SEARCH_KINDS.map((k) => SEARCH_TABLES[k].table), 'searchEntries', 'orgUnits'])];
  return db.transaction('r', tables, async () => {
    const probes = await Promise.all(
      plan.terms.map(async (term) => ({ term, keys: await termKeys(db, term, 0, probe) })),
    );
    probes.sort((a, b) => a.keys.length - b.keys.length);
    const [base, ...rest] = probes as [(typeof probes)[number], ...typeof probes];
    const within = rest.filter((p) => p.keys.length < probe).map((p) => new Set(p.keys));
    // Terms too common to have read all their keys: each entry read says whether it has them.
    const common = rest.filter((p) => p.keys.length >= probe).map((p) => p.term);
    const units = filters.orgUnitId
      ? descendantIds(await db.orgUnits.toArray(), filters.orgUnitId).add(filters.orgUnitId)
      : null;
    const check = recordChecker(db, plan.words, filters, units, today);
    const hits: SearchHit[] = [];
    let keys = base.keys;
    for (let offset = 0; ;) {
      const open = keys.filter((k) => within.every((s) => s.has(k)));
      // Only as many records as hits are still wanted (most candidates match): a first page of 30
      // read 100 records and took twice as long.
      for (let i = 0; i < open.length && hits.length <= limit;) {
        // Where the entries decide (a common second term) most are let go unread: read more at once.
        const n = common.length ? CHUNK : Math.min(CHUNK, Math.max(MIN_CHUNK, limit + 1 - hits.length));
        const entries = await db.searchEntries.bulkGet(open.slice(i, i + n));
        const candidates = entries
          .filter((e): e is SearchEntry => !!e && common.every((term) => e.terms.includes(term)))
          .map(candidateOf)
          .filter((c) => passesEntryFilters(c, filters));
        hits.push(...(await check(candidates)));
        i += n;
      }
      if (hits.length > limit || keys.length < probe) break;
      offset += probe;
      keys = await termKeys(db, base.term, offset, probe);
    }
    return { hits: hits.slice(0, limit), words: plan.words, more: hits.length > limit, tooShort: false };
  });
}
