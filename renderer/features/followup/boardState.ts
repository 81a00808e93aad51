import { isCalendarDate } from '../../../shared/dates';
import type { BoardFilter } from '../../../shared/followup/board';

export type BoardView = 'board' | 'person' | 'unit';
export interface BoardState {
  filter: BoardFilter;
  view: BoardView;
  tab: string;
}

const FILTER_KEYS = ['orgUnitId', 'responsible', 'supervisor', 'meetingId'] as const;

/**
 * The board's filters, view and tab live in the address (#/followup?responsible=…), so opening a
 * decision and coming back finds the board as it was left. Unknown or malformed values are ignored.
 */
export function readBoardState(params: URLSearchParams): BoardState {
  const filter: BoardFilter = {};
  for (const key of FILTER_KEYS) {
    const value = params.get(key)?.trim();
    if (value) filter[key] = value.slice(0, 100);
  }
  const from = params.get('dueFrom');
  const to = params.get('dueTo');
  if (isCalendarDate(from)) filter.dueFrom = from;
  if (isCalendarDate(to)) filter.dueTo = to;
  const view = params.get('view');
  return {
    filter,
    view: view === 'person' || view === 'unit' ? view : 'board',
    tab: params.get('tab') ?? 'open',
  };
}

export function writeBoardState(state: BoardState): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(state.filter)) if (value) params.set(key, String(value));
  if (state.view !== 'board') params.set('view', state.view);
  if (state.tab !== 'open') params.set('tab', state.tab);
  return params;
}

/** The board's address with these filters, on its list of open decisions (the 工作台's "还有N项"). */
export function boardPathWith(filter: BoardFilter): string {
  const query = writeBoardState({ filter, view: 'board', tab: 'open' }).toString();
  return query ? `/followup?${query}` : '/followup';
}

/** Where 返回督办 goes: the board as last shown in this window. */
let lastBoardSearch = '';
export function rememberBoardSearch(search: string): void {
  lastBoardSearch = search;
}
export function boardPath(): string {
  return lastBoardSearch ? `/followup?${lastBoardSearch}` : '/followup';
}
