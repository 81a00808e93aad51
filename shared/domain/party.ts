import { z } from 'zod';

/**
 * Who acts, supervises, chairs or records: a roster person (with the name as it was then, so a
 * signed record keeps reading right after the roster changes) or free text (a unit or a guest).
 */
export const partyRefSchema = z.union([
  z.object({ kind: z.literal('person'), personId: z.string().min(1), name: z.string().trim().min(1).max(30) }),
  z.object({ kind: z.literal('text'), name: z.string().trim().min(1).max(60) }),
]);
export type PartyRef = z.infer<typeof partyRefSchema>;

export function sameParty(a: PartyRef, b: PartyRef): boolean {
  if (a.kind === 'person' && b.kind === 'person') return a.personId === b.personId;
  return a.name.trim() === b.name.trim();
}
