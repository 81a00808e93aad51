import { z } from 'zod';

/**
 * An entry of the journal of unsaved field text (see draftStore.ts): the snapshot a field had
 * not yet saved when the window was hidden or closed, with the versions of the stored row it may
 * have been typed on (`base`: the row's updatedAt, or its stored text where there is none) —
 * the version last known stored, and that of a save still running then, which may yet land.
 *
 * The base is what makes a stale entry harmless. localStorage reaches the disk seconds after a
 * write, so after a power cut an entry whose removal was not yet written can come back although
 * newer text was saved to the database meanwhile; that newer save moved the row's version on
 * from the entry's base, and the entry is ignored instead of putting the older text back.
 */
export interface JournalEntry<T> {
  value: T;
  /** The stored row's versions the value may build on; null when unknown. */
  base: string[] | null;
}

export function journalEntrySchema<T>(value: z.ZodType<T>): z.ZodType<JournalEntry<T>> {
  return z.object({ value, base: z.array(z.string().max(100_000)).max(10).nullable() }) as z.ZodType<JournalEntry<T>>;
}

/**
 * The journaled value to bring back, given the row's stored version now, or undefined when the
 * entry is stale (the row was written after it) or holds what is stored already.
 */
export function journalToRestore<T>(
  entry: JournalEntry<T> | undefined,
  storedVersion: string,
  isStored: (value: T) => boolean,
): T | undefined {
  if (!entry) return undefined;
  if (entry.base !== null && !entry.base.includes(storedVersion)) return undefined;
  return isStored(entry.value) ? undefined : entry.value;
}
