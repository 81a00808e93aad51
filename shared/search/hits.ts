import { compareDates, type CalendarDate } from '../dates';
import type { AgendaItem, Amendment, Meeting, Minutes } from '../domain/meeting';
import type { Decision } from '../domain/decision';
import type { Matter } from '../domain/matter';
import { followupTiming, type ProgressEvent } from '../followup/state';
import { normaliseText } from './terms';
import type { SearchFilters, SearchHit, SearchKind } from './types';

/** Text kept around the first match: enough for the screen to show a line or two of it. */
const SNIPPET_BEFORE = 60;
const SNIPPET_LENGTH = 300;

/**
 * A stretch of the text around the first of the words (normalising keeps lengths for Chinese and
 * Latin; where it does not, the stretch starts at the beginning). Never cuts a character in half.
 */
export function snippetOf(text: string, words: readonly string[]): string {
  const chars = Array.from(text.replace(/\s+/g, ' ').trim());
  const flat = chars.join('');
  const lower = normaliseText(flat);
  const positions = words.map((w) => lower.indexOf(w)).filter((i) => i >= 0);
  const at =
    lower.length === flat.length && positions.length ? Array.from(flat.slice(0, Math.min(...positions))).length : 0;
  const start = Math.max(0, at - SNIPPET_BEFORE);
  const piece = chars.slice(start, start + SNIPPET_LENGTH).join('');
  return (start > 0 ? '…' : '') + piece + (start + SNIPPET_LENGTH < chars.length ? '…' : '');
}

/** What a hit needs besides its own row: the names of the records it belongs to. */
export interface HitContext {
  meeting?: Meeting;
  agendaItem?: AgendaItem;
  decision?: Decision;
}

export function hrefOf(kind: SearchKind, row: unknown): string {
  switch (kind) {
    case 'meeting':
      return `/meetings/${(row as Meeting).id}`;
    case 'agendaItem':
      return `/meetings/${(row as AgendaItem).meetingId}?tab=record&item=${(row as AgendaItem).id}`;
    case 'minutes':
      return `/meetings/${(row as Minutes).meetingId}?tab=record&item=${(row as Minutes).agendaItemId}`;
    case 'amendment':
      return `/meetings/${(row as Amendment).meetingId}?tab=sign`;
    case 'decision':
      return `/followup/${(row as Decision).id}`;
    case 'progress':
      return `/followup/${(row as ProgressEvent).decisionId}`;
    case 'matter':
      return `/matters/${(row as Matter).id}`;
  }
}

export function titleOf(kind: SearchKind, row: unknown, context: HitContext): string {
  switch (kind) {
    case 'meeting':
      return (row as Meeting).title;
    case 'agendaItem':
      return (row as AgendaItem).title;
    case 'minutes':
      return context.agendaItem?.title ?? context.meeting?.title ?? '';
    case 'decision':
      return (row as Decision).title;
    case 'amendment':
      return context.meeting?.title ?? '';
    case 'matter':
      return (row as Matter).title;
    case 'progress':
      return context.decision?.title ?? '';
  }
}

/** The status a filter compares: a decision's follow-up state, a matter's path, a meeting's status. */
export function statusOf(kind: SearchKind, row: unknown): string | undefined {
  if (kind === 'decision') return (row as Decision).status;
  if (kind === 'matter') return (row as Matter).path;
  if (kind === 'meeting') return (row as Meeting).status;
  return undefined;
}

/** The filters only the record itself can answer (the index entry answered the others). */
export function passesRecordFilters(
  kind: SearchKind,
  row: unknown,
  filters: SearchFilters,
  today: CalendarDate,
): boolean {
  if (filters.status && statusOf(kind, row) !== filters.status) return false;
  if (filters.responsible || filters.overdueOnly) {
    if (kind !== 'decision') return false;
    const d = row as Decision;
    if (filters.responsible && !normaliseText(d.responsible.name).includes(normaliseText(filters.responsible.trim())))
      return false;
    if (filters.overdueOnly && followupTiming(d.deadline, d.status, today) !== 'overdue') return false;
  }
  return true;
}

/** The filters an index key answers alone (kind and day); the record answers the others. */
export function passesEntryFilters(
  entry: { kind: SearchKind; date: CalendarDate | '' },
  filters: SearchFilters,
): boolean {
  if (filters.kinds?.length && !filters.kinds.includes(entry.kind)) return false;
  if (filters.from && (!entry.date || compareDates(entry.date, filters.from) < 0)) return false;
  if (filters.to && (!entry.date || compareDates(entry.date, filters.to) > 0)) return false;
  return true;
}

export type { SearchHit };
