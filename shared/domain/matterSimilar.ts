/**
 * Similar open matters while a new one is typed: residents often raise the same problem through
 * different channels (the WeChat group on Monday, the 说事点 on Wednesday). Chinese has no spaces
 * between words, so text is compared by its overlapping pairs of characters (bigrams) with the
 * Dice coefficient; Latin letters and digits count as words of their own ("3号楼" keeps "3").
 */

export const SIMILARITY_THRESHOLD = 0.3;
export const MAX_SUGGESTIONS = 5;

const PUNCTUATION = /[\s\p{P}\p{S}]+/u;

/** The bigrams of a text: pairs of neighbouring characters within each run between punctuation. */
export function bigrams(text: string): Set<string> {
  const grams = new Set<string>();
  for (const run of text.toLowerCase().split(PUNCTUATION)) {
    const chars = [...run];
    if (chars.length === 1) grams.add(chars[0]!);
    for (let i = 0; i + 1 < chars.length; i++) grams.add(chars[i]! + chars[i + 1]!);
  }
  return grams;
}

/** Dice coefficient of two bigram sets: 2·|A∩B| / (|A|+|B|), 0 when either is empty. */
export function dice(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const g of a) if (b.has(g)) shared++;
  return (2 * shared) / (a.size + b.size);
}

export interface SimilarCandidate {
  id: string;
  title: string;
  description?: string | undefined;
  /** The compound (小区) the matter belongs to, or its own unit when it is above compounds. */
  compoundId: string;
}

export interface SimilarMatch {
  id: string;
  score: number;
}

/** Share of `a`'s bigrams found in `b`: how much of a short text a long one covers. */
export function containment(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0) return 0;
  let shared = 0;
  for (const g of a) if (b.has(g)) shared++;
  return shared / a.size;
}

/** Containment counts only for a draft this long (a word or two matches too much). */
const MIN_GRAMS_FOR_CONTAINMENT = 6;
/** Containment is damped so that 0.4 of the draft found reaches the threshold of 0.3. */
const CONTAINMENT_WEIGHT = 0.75;

/**
 * The open matters of the same compound most like the draft, best first, at most five, each at
 * least SIMILARITY_THRESHOLD alike. Dice compares titles with titles and whole texts with whole
 * texts. While the secretary has typed only a short complaint, a long description on the other
 * side would drown Dice ("车位不足，晚上车停到绿化带上" against a paragraph on 停车位改造): then what
 * share of the draft the other matter's text covers counts too, damped.
 */
export function similarMatters(
  draft: { title: string; description?: string | undefined; compoundId: string },
  candidates: readonly SimilarCandidate[],
): SimilarMatch[] {
  if (!draft.title.trim() && !draft.description?.trim()) return [];
  const full = (m: { title: string; description?: string | undefined }) =>
    bigrams(`${m.title}。${m.description ?? ''}`);
  const myTitle = bigrams(draft.title);
  const myFull = full(draft);
  const score = (c: SimilarCandidate) => {
    const theirFull = full(c);
    const covered = myFull.size >= MIN_GRAMS_FOR_CONTAINMENT ? containment(myFull, theirFull) * CONTAINMENT_WEIGHT : 0;
    return Math.max(dice(myTitle, bigrams(c.title)), dice(myFull, theirFull), covered);
  };
  return candidates
    .filter((c) => c.compoundId === draft.compoundId)
    .map((c) => ({ id: c.id, score: score(c) }))
    .filter((m) => m.score >= SIMILARITY_THRESHOLD)
    .sort((a, b) => b.score - a.score)
    .slice(0, MAX_SUGGESTIONS);
}

/** The compound a unit lies in (itself for a compound, its parent for a grid); the unit itself above compounds. */
export function compoundOf(
  units: readonly { id: string; parentId: string | null; level: string }[],
  orgUnitId: string,
): string {
  const byId = new Map(units.map((u) => [u.id, u]));
  let unit = byId.get(orgUnitId);
  for (let guard = 0; unit && guard < 10; guard++) {
    if (unit.level === 'compound') return unit.id;
    if (unit.level !== 'grid' || !unit.parentId) break;
    unit = byId.get(unit.parentId);
  }
  return orgUnitId;
}
