import { z } from 'zod';
import { calendarDateSchema } from '../dates';
import { MEETING_TYPES } from '../domain/meeting';
import { SEARCH_KINDS, type SearchFilters } from './types';

/** 保存搜索: how many a computer keeps, and how long a name and a query may be. */
export const SAVED_SEARCHES_MAX = 50;
export const SAVED_SEARCH_NAME_MAX = 30;
export const SAVED_SEARCH_QUERY_MAX = 100;

/** A search's filters as stored (settings): the same fields as SearchFilters, each checked. */
export const searchFiltersSchema = z.object({
  kinds: z.array(z.enum(SEARCH_KINDS)).max(SEARCH_KINDS.length).optional(),
  orgUnitId: z.string().min(1).max(100).optional(),
  meetingType: z.enum(MEETING_TYPES).optional(),
  from: calendarDateSchema.optional(),
  to: calendarDateSchema.optional(),
  status: z.string().min(1).max(30).optional(),
  responsible: z.string().trim().min(1).max(60).optional(),
  overdueOnly: z.boolean().optional(),
}) satisfies z.ZodType<SearchFilters>;

export const savedSearchSchema = z.object({
  name: z.string().trim().min(1).max(SAVED_SEARCH_NAME_MAX),
  query: z.string().trim().max(SAVED_SEARCH_QUERY_MAX),
  filters: searchFiltersSchema,
});
export type SavedSearch = z.infer<typeof savedSearchSchema>;

export const savedSearchesSchema = z.array(savedSearchSchema).max(SAVED_SEARCHES_MAX);

/**
 * The list with one more search saved: a search of the same name is replaced (saving again under
 * a name updates it); a new one goes first. Full: null (the user deletes one first).
 */
export function withSavedSearch(list: readonly SavedSearch[], search: SavedSearch): SavedSearch[] | null {
  const others = list.filter((s) => s.name !== search.name);
  if (others.length === list.length && list.length >= SAVED_SEARCHES_MAX) return null;
  return [search, ...others];
}
