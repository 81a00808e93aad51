import { nameInitials } from './initials';

/**
 * The terms the archive search looks records up by (issue 13). Chinese has no spaces, so every
 * run of letters and digits — Han characters, Latin, digits together, as in 3号楼 — is indexed by
 * its overlapping pairs of characters (bigrams): any stretch of two or more characters a user
 * types is found through the pairs it is made of, and then checked against the record's text
 * itself. Names are also indexed by their pinyin initials (张丽华 → zlh), as the roster search is.
 *
 * Intl.Segmenter's words are not indexed: every word of two or more characters is already found
 * through its pairs, and the words would only add index rows that no query needs.
 */

const WORD_CHAR = /[\p{L}\p{N}]/u;

/** Full-width forms to half-width, compatibility forms folded, Latin lower-cased. */
export function normaliseText(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/** Runs of letters and digits, by code point (never half a surrogate pair such as 𠮷). */
function runsOf(text: string): string[][] {
  const runs: string[][] = [];
  let current: string[] | null = null;
  for (const ch of normaliseText(text)) {
    if (!WORD_CHAR.test(ch)) {
      current = null;
      continue;
    }
    if (!current) runs.push((current = []));
    current.push(ch);
  }
  return runs;
}

function bigrams(chars: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i]! + chars[i + 1]!);
  return out;
}

/** Every term a record with this text (and these people's names) is found by, each once. */
export function indexTerms(text: string, names: readonly string[] = []): string[] {
  const terms = new Set<string>();
  for (const run of runsOf(text)) for (const pair of bigrams(run)) terms.add(pair);
  for (const name of names)
    for (const pair of bigrams(Array.from(nameInitials(name).replace(/[^a-z]/g, '')))) terms.add(pair);
  return [...terms];
}

/** What a query asks for: the words to find as typed, and the index terms each one needs. */
export interface QueryPlan {
  /** The query's words, normalised: a record must contain each of them (or, for a name, its initials). */
  words: string[];
  /** Index terms, all of which a found record has. */
  terms: string[];
}

/**
 * A query's words are separated by spaces; each must be in the record. Each word needs the pairs
 * of its runs of letters and digits; a run of a single character is too common to look up, and
 * is checked in the record's text only.
 */
export function planQuery(query: string): QueryPlan {
  // A query from the address can be any length: the box's 100 characters, 8 words, 12 pairs to
  // look up (any of a word's pairs narrows as well as all of them; its text check decides).
  const bounded = Array.from(query).slice(0, MAX_QUERY_CHARS).join('');
  const words = [...new Set(normaliseText(bounded).split(/\s+/).filter(Boolean))].slice(0, MAX_QUERY_WORDS);
  const terms = new Set<string>();
  for (const word of words) for (const run of runsOf(word)) for (const pair of bigrams(run)) terms.add(pair);
  return { words, terms: [...terms].slice(0, MAX_QUERY_TERMS) };
}

const MAX_QUERY_CHARS = 100;
const MAX_QUERY_WORDS = 8;
const MAX_QUERY_TERMS = 12;

/** Whether a record's text (with its names' initials) holds every word of the query. */
export function matchesWords(text: string, names: readonly string[], words: readonly string[]): boolean {
  const haystack = normaliseText(text);
  const initials = names.map((n) => nameInitials(n));
  return words.every((w) => haystack.includes(w) || initials.some((i) => i.startsWith(w)));
}
