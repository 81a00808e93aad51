import type { CalendarDate } from '../dates';
import type { MeetingType } from '../domain/meeting';

/** The kinds of record the archive search finds, each from its own table. */
export const SEARCH_KINDS = [
  'meeting',
  'agendaItem',
  'minutes',
  'decision',
  'amendment',
  'matter',
  'progress',
] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

/** What narrows a search; every field optional, all of them together (AND). */
export interface SearchFilters {
  kinds?: SearchKind[];
  /** A 社区, 小区 or 网格: records of it and of every unit below it. */
  orgUnitId?: string;
  meetingType?: MeetingType;
  from?: CalendarDate;
  to?: CalendarDate;
  /** A decision's follow-up state (未开始 … 已完成) or a matter's path; other kinds have none and drop out. */
  status?: string;
  /** Words of the responsible person's or unit's name (decisions only). */
  responsible?: string;
  /** Decisions past their deadline and not done (other kinds drop out). */
  overdueOnly?: boolean;
}

/** One found record, as the results list shows it. */
export interface SearchHit {
  /** `${kind}:${recordId}`, unique across the archive. */
  ref: string;
  kind: SearchKind;
  recordId: string;
  meetingId?: string;
  /** The day the record belongs to: its meeting's day, a matter's raising day, a note's day. */
  date: CalendarDate | '';
  title: string;
  /** A stretch of the record's text around the first match (whole when short). */
  snippet: string;
  orgUnitId?: string;
  status?: string;
  /** Where the record opens in the app (a hash route). */
  href: string;
}

export interface SearchResult {
  hits: SearchHit[];
  /** The words as searched (for highlighting), after normalising the query. */
  words: string[];
  /** More results exist beyond these. */
  more: boolean;
  /** The query had no word of two characters or more (nothing searched). */
  tooShort: boolean;
}

/** How far the index of records stored before the search existed has got (counted while not complete). */
export type IndexProgress = { complete: true } | { complete: false; indexed: number; total: number };
