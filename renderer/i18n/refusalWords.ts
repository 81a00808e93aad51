import type { TFunction } from 'i18next';
import type { CodedRefusal, RefusalTable } from '../../shared/codedRefusal';

/**
 * A rule's refusal (shared/codedRefusal.ts) in the user's language. Each feature says where its
 * table's words are (its namespace, the key of its codes and of its phrases) when its messages
 * load, so this module knows no feature; a refusal whose table is not registered shows its
 * Chinese message.
 */
export interface RefusalPlace {
  ns: string;
  /** Key of the object holding one template per code. */
  codes: string;
  /** Key of the object holding one word per phrase, when the table has phrases. */
  phrases?: string;
}

const places = new Map<RefusalTable, RefusalPlace>();

export function registerRefusals(table: RefusalTable, place: RefusalPlace): void {
  places.set(table, place);
}

/** Every table registered so far, with where its words are (for tests). */
export function registeredRefusals(): ReadonlyMap<RefusalTable, RefusalPlace> {
  return places;
}

export function refusalWords(t: TFunction, refusal: CodedRefusal): string {
  const place = places.get(refusal.table);
  if (!place) return refusal.message;
  const phrases = Object.fromEntries(
    Object.entries(refusal.phrases).map(([key, phrase]) => [key, t(`${place.phrases}.${phrase}`, { ns: place.ns })]),
  );
  return t(`${place.codes}.${refusal.code}`, { ns: place.ns, ...refusal.values, ...phrases });
}
