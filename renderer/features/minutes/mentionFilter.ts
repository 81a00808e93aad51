import { pinyin } from 'pinyin-pro';
import { pinyinInitials } from '../../../shared/pinyin';

/** Who can be @mentioned: the meeting's attendance rows, or anything shaped like them. */
export interface MentionCandidate {
  id: string;
  name: string;
  unit?: string;
}

export const MAX_SUGGESTIONS = 8;

interface Spellings {
  initials: string;
  full: string;
}

// Names repeat across every keystroke of a query; pinyin-pro is not free, so remember them.
const spellingCache = new Map<string, Spellings>();
function spellingsOf(name: string): Spellings {
  let value = spellingCache.get(name);
  if (value === undefined) {
    const full = pinyin(name.trim(), { toneType: 'none', type: 'array', nonZh: 'consecutive' })
      .join('')
      .replace(/\s+/g, '')
      .toLowerCase();
    value = { initials: pinyinInitials(name), full };
    if (spellingCache.size > 5000) spellingCache.clear();
    spellingCache.set(name, value);
  }
  return value;
}

/** Lower rank = better match; null = no match. */
function rank(query: string, candidate: MentionCandidate): number | null {
  const name = candidate.name.toLowerCase();
  const unit = (candidate.unit ?? '').toLowerCase();
  if (name.startsWith(query)) return 0;
  const { initials, full } = spellingsOf(candidate.name);
  if (initials.startsWith(query) || full.startsWith(query)) return 1;
  if (name.includes(query)) return 2;
  if (initials.includes(query) || full.includes(query)) return 3;
  if (unit.includes(query)) return 4;
  return null;
}

/**
 * The attendees matching what was typed after "@": by name, by pinyin initials (zlh → 张丽华)
 * or full pinyin (zhangli → 张丽华, for an IME in English mode), or by unit (物业 → the property company's people). Best matches first, then in the order
 * given (the attendance order), at most MAX_SUGGESTIONS.
 */
export function filterAttendees<T extends MentionCandidate>(
  query: string,
  attendees: readonly T[],
  limit = MAX_SUGGESTIONS,
): T[] {
  const q = query.trim().toLowerCase();
  if (!q) return attendees.slice(0, limit);
  const ranked: { candidate: T; rank: number; index: number }[] = [];
  attendees.forEach((candidate, index) => {
    const r = rank(q, candidate);
    if (r !== null) ranked.push({ candidate, rank: r, index });
  });
  ranked.sort((a, b) => a.rank - b.rank || a.index - b.index);
  return ranked.slice(0, limit).map((r) => r.candidate);
}

/** Moves the highlighted suggestion with ↑/↓, wrapping at both ends. */
export function moveSelection(index: number, delta: number, length: number): number {
  if (length <= 0) return 0;
  return (((index + delta) % length) + length) % length;
}
