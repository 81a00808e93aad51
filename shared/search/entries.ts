import { daysBetween, dayOf, formatChineseDate, type CalendarDate } from '../dates';
import type { AgendaItem, Amendment, Meeting, Minutes } from '../domain/meeting';
import type { Decision } from '../domain/decision';
import type { Matter, Raiser } from '../domain/matter';
import type { ProgressEvent } from '../followup/state';
import { indexTerms } from './terms';
import type { SearchKind } from './types';

/** The table each kind of record is stored in, and the field its key is in. */
export const SEARCH_TABLES = {
  meeting: { table: 'meetings', key: 'id' },
  agendaItem: { table: 'agendaItems', key: 'id' },
  minutes: { table: 'minutes', key: 'agendaItemId' },
  decision: { table: 'decisions', key: 'id' },
  amendment: { table: 'amendments', key: 'id' },
  matter: { table: 'matters', key: 'id' },
  progress: { table: 'decisionProgress', key: 'id' },
} as const satisfies Record<SearchKind, { table: string; key: string }>;

export type SearchTable = (typeof SEARCH_TABLES)[SearchKind]['table'];

export const KIND_OF_TABLE = Object.fromEntries(
  Object.entries(SEARCH_TABLES).map(([kind, { table }]) => [table, kind]),
) as Record<SearchTable, SearchKind>;

export function isSearchTable(name: string): name is SearchTable {
  return Object.hasOwn(KIND_OF_TABLE, name);
}

/**
 * A record's row in the search index. Its key is a number whose stretch is its day (dayKeyBase),
 * a later day lower, so the records holding a term come out of the `terms` index newest first
 * (equal index keys are ordered by primary key) — in one forward getAllKeys, which IndexedDB
 * answers several times faster than a backward cursor (9–13 ms against 2.5 ms for 500 keys of a
 * common term at ×0.1). A number, not the day and the record's id as text: IndexedDB keeps the
 * primary key twice in every row of the `terms` index, one row per record and letter pair, and a
 * 56-character text key made that index several times larger.
 *
 * The terms are a row of their own (SearchTerms, same key) in another table: a search reads the
 * entries of the records its keys name, and with the terms inside them the entries of long
 * minutes (thousands of pairs each) took 5 ms of a first page's 15.
 */
export interface SearchEntry {
  id: number;
  ref: string;
  kind: SearchKind;
  meetingId?: string;
  orgUnitId?: string;
  meetingType?: Meeting['type'];
  date: CalendarDate | '';
}

/** The letter pairs of the record whose entry has the same key (the `terms` multiEntry index). */
export interface SearchTerms {
  id: number;
  terms: string[];
}

/** An entry and its terms before its key is given (renderer/data/searchIndex.ts gives it, in the day's stretch). */
export type SearchEntryDraft = Omit<SearchEntry, 'id'> & { terms: string[] };

/** The keys of one day's records: its stretch starts at dayKeyBase and is this long. */
export const DAY_SPAN = 2 ** 21;
const KEY_EPOCH: CalendarDate = '1900-01-01';
/** Days a key can count back from: 2^31 × DAY_SPAN = 2^52, within a double's exact integers. */
const KEY_DAYS = 2 ** 31;

/**
 * The first key of a day's stretch: a later day's is lower, and records without a day come last
 * of all. Days before the epoch share its stretch (only their order among themselves is lost).
 */
export function dayKeyBase(date: CalendarDate | ''): number {
  const day = date ? Math.max(1, daysBetween(KEY_EPOCH, date) + 1) : 0;
  return (KEY_DAYS - day) * DAY_SPAN;
}

/** The searchable words of a record: its text, and the people's names (found by initials too). */
export interface SearchText {
  text: string;
  names: string[];
}

const join = (...parts: (string | undefined)[]) => parts.filter((p) => p).join('\n');

function raiserNames(raisers: Raiser[]): string[] {
  return raisers.flatMap((r) => (r.kind === 'anonymous' ? [] : [r.name]));
}

/** Every string inside an amendment's changed values (bounded by the amendment schema). */
function stringsIn(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) stringsIn(v, out);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) stringsIn(v, out);
  return out;
}

/** What of each kind of record is searched (a decision by all four of its fields). */
export function searchTextOf(kind: SearchKind, row: unknown): SearchText {
  switch (kind) {
    case 'meeting': {
      const m = row as Meeting;
      const names = [m.chair?.name, m.recorder?.name].filter((n): n is string => !!n);
      return { text: join(m.title, m.place, m.cancelReason, m.minutesTitle, ...names), names };
    }
    case 'agendaItem': {
      const a = row as AgendaItem;
      return { text: join(a.title, a.background, a.raisedBy, a.resolution), names: a.raisedBy ? [a.raisedBy] : [] };
    }
    case 'minutes':
      return { text: (row as Minutes).text, names: [] };
    case 'decision': {
      const d = row as Decision;
      const names = [d.responsible.name, d.supervisor.name];
      // The deadline as people write and read it (2026年11月20日), in the index and the snippet alike.
      return { text: join(d.title, d.standard, formatChineseDate(d.deadline), ...names), names };
    }
    case 'amendment': {
      const a = row as Amendment;
      return { text: join(a.reason, a.by, ...a.changes.flatMap((c) => stringsIn(c.after))), names: [a.by] };
    }
    case 'matter': {
      const m = row as Matter;
      const names = raiserNames([m.raisedBy, ...m.alsoRaisedBy]);
      const handling = m.handling ? [m.handling.by, m.handling.action, m.handling.result] : [];
      const text = join(
        m.title,
        m.description,
        m.address,
        m.category,
        m.channel,
        m.escalationReason,
        m.closingNote,
        ...handling,
        ...names,
      );
      return { text, names: m.handling ? [...names, m.handling.by] : names };
    }
    case 'progress': {
      const p = row as ProgressEvent;
      return { text: join(p.text, p.by), names: [p.by] };
    }
  }
}

/** The meeting a record belongs to (none for a matter). */
export function meetingIdOf(kind: SearchKind, row: unknown): string | undefined {
  if (kind === 'matter') return undefined;
  if (kind === 'meeting') return (row as Meeting).id;
  return (row as { meetingId: string }).meetingId;
}

/** The day a record belongs to: its meeting's day, a matter's raising day, a progress note's day. */
function dateOf(kind: SearchKind, row: unknown, meeting: Meeting | undefined): CalendarDate | '' {
  if (kind === 'matter') return (row as Matter).raisedAt;
  if (kind === 'progress') return dayOf((row as ProgressEvent).at) ?? '';
  if (kind === 'amendment') return dayOf((row as Amendment).at) ?? '';
  return meeting ? (dayOf(meeting.startAt) ?? '') : '';
}

export function refOf(kind: SearchKind, recordId: string): string {
  return `${kind}:${recordId}`;
}

/** A record's index entry; `meeting` is the meeting it belongs to, when it has one. */
export function searchEntryOf(kind: SearchKind, row: unknown, meeting: Meeting | undefined): SearchEntryDraft {
  const recordId = String((row as Record<string, unknown>)[SEARCH_TABLES[kind].key]);
  const ref = refOf(kind, recordId);
  const date = dateOf(kind, row, meeting);
  const { text, names } = searchTextOf(kind, row);
  const entry: SearchEntryDraft = { ref, kind, date, terms: indexTerms(text, names) };
  const meetingId = meetingIdOf(kind, row);
  if (meetingId) entry.meetingId = meetingId;
  const orgUnitId = kind === 'matter' ? (row as Matter).orgUnitId : meeting?.orgUnitId;
  if (orgUnitId) entry.orgUnitId = orgUnitId;
  if (meeting) entry.meetingType = meeting.type;
  return entry;
}
