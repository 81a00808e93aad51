import { isCalendarDate } from '../../../shared/dates';
import { MEETING_TYPES, type MeetingType } from '../../../shared/domain/meeting';
import { SAVED_SEARCH_QUERY_MAX } from '../../../shared/search/savedSearch';
import { SEARCH_KINDS, type SearchFilters, type SearchKind } from '../../../shared/search/types';

/** A search as the address holds it: the words typed and the filters. */
export interface SearchView {
  query: string;
  filters: SearchFilters;
}

/**
 * The search in the address (#/search?q=加装电梯&kind=agendaItem,decision&unit=…&type=redBench
 * &from=2026-01-01&to=2026-06-30&status=inProgress&who=物业&overdue=1), so Back returns to it and
 * a view can be come back to. What is not understood (an edited or old address) is left out.
 */
export function readSearchView(params: URLSearchParams): SearchView {
  const filters: SearchFilters = {};
  const kinds = (params.get('kind') ?? '')
    .split(',')
    .filter((k): k is SearchKind => (SEARCH_KINDS as readonly string[]).includes(k));
  if (kinds.length) filters.kinds = SEARCH_KINDS.filter((k) => kinds.includes(k));
  const unit = params.get('unit');
  if (unit) filters.orgUnitId = unit;
  const type = params.get('type');
  if ((MEETING_TYPES as readonly string[]).includes(type ?? '')) filters.meetingType = type as MeetingType;
  const from = params.get('from');
  if (isCalendarDate(from)) filters.from = from;
  const to = params.get('to');
  if (isCalendarDate(to)) filters.to = to;
  const status = params.get('status');
  if (status) filters.status = status.slice(0, 30);
  const who = params.get('who')?.trim();
  if (who) filters.responsible = who.slice(0, 60);
  if (params.get('overdue') === '1') filters.overdueOnly = true;
  return { query: (params.get('q') ?? '').slice(0, SAVED_SEARCH_QUERY_MAX), filters };
}

/** The address of a search: only what is set, in a fixed order (the same search, the same address). */
export function searchViewParams({ query, filters }: SearchView): URLSearchParams {
  const params = new URLSearchParams();
  if (query.trim()) params.set('q', query.trim());
  if (filters.kinds?.length) params.set('kind', SEARCH_KINDS.filter((k) => filters.kinds?.includes(k)).join(','));
  if (filters.orgUnitId) params.set('unit', filters.orgUnitId);
  if (filters.meetingType) params.set('type', filters.meetingType);
  if (filters.from) params.set('from', filters.from);
  if (filters.to) params.set('to', filters.to);
  if (filters.status) params.set('status', filters.status);
  if (filters.responsible?.trim()) params.set('who', filters.responsible.trim());
  if (filters.overdueOnly) params.set('overdue', '1');
  return params;
}

/** Whether any filter narrows the search (the "no hits" line then suggests removing some). */
export function hasFilters(filters: SearchFilters): boolean {
  return searchViewParams({ query: '', filters }).size > 0;
}
