/**
 * Marking the searched words in a record's text (the search screen draws the hit parts in
 * <mark>), and cutting a long text down to the stretch around the first match. Pure: no DOM.
 *
 * Positions are JavaScript string indexes (UTF-16 code units). A character outside the BMP (𠮷,
 * rare surnames and place names) is two of them; no part or snippet ever ends between the two,
 * which would show as � on screen.
 */

export interface TextPart {
  text: string;
  hit: boolean;
}

const isHigh = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLow = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/**
 * Lower case, code unit for code unit: a character whose lower case is longer (İ → i̇) is kept
 * as it is, so every index into the folded text is the same index into the original.
 */
function foldCase(text: string): string {
  let out = '';
  for (const ch of text) {
    const lower = ch.toLowerCase();
    out += lower.length === ch.length ? lower : ch;
  }
  return out;
}

/** Widens [start, end) so that neither end falls inside a surrogate pair. */
function wholeCharacters(text: string, start: number, end: number): [number, number] {
  if (start > 0 && isLow(text.charCodeAt(start)) && isHigh(text.charCodeAt(start - 1))) start -= 1;
  if (end < text.length && isLow(text.charCodeAt(end)) && isHigh(text.charCodeAt(end - 1))) end += 1;
  return [start, end];
}

/** Every place a word occurs (overlaps included), merged where they overlap or touch; in text order. */
export function matchRanges(text: string, words: readonly string[]): [number, number][] {
  const folded = foldCase(text);
  const ranges: [number, number][] = [];
  for (const word of words) {
    const w = foldCase(word.trim());
    if (!w) continue;
    for (let at = folded.indexOf(w); at !== -1; at = folded.indexOf(w, at + 1))
      ranges.push(wholeCharacters(text, at, at + w.length));
  }
  ranges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: [number, number][] = [];
  for (const [start, end] of ranges) {
    const last = merged.at(-1);
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

/**
 * The text in parts, each either a match of one of the words or not (case-insensitive for Latin
 * letters); the parts joined give the text back. No words, or no match: the text as one part.
 */
export function highlightParts(text: string, words: readonly string[]): TextPart[] {
  if (!text) return [];
  const parts: TextPart[] = [];
  let at = 0;
  for (const [start, end] of matchRanges(text, words)) {
    if (start > at) parts.push({ text: text.slice(at, start), hit: false });
    parts.push({ text: text.slice(start, end), hit: true });
    at = end;
  }
  if (at < text.length) parts.push({ text: text.slice(at), hit: false });
  return parts;
}

/**
 * A stretch of the text around its first match: about `radius` characters either side, with …
 * where it was cut. Runs of white space (the minutes' line breaks) become one space, so a snippet
 * is one line. A text of up to 2 × radius characters comes back whole; with no match, its start.
 * Characters are counted as the reader sees them (𠮷 is one) and never split.
 */
export function snippetAround(text: string, words: readonly string[], radius = 40): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const chars = Array.from(flat);
  const width = 2 * radius;
  if (chars.length <= width) return flat;
  const first = matchRanges(flat, words)[0];
  // Code-unit positions of the match → positions in characters.
  const matchStart = first ? Array.from(flat.slice(0, first[0])).length : 0;
  const matchEnd = first ? Array.from(flat.slice(0, first[1])).length : 0;
  const want = width + (matchEnd - matchStart);
  let start = Math.max(0, matchStart - radius);
  const end = Math.min(chars.length, start + want);
  // Near the end of the text: take more of what comes before, so the snippet keeps its width.
  start = Math.max(0, end - want);
  const body = chars.slice(start, end).join('').trim();
  return `${start > 0 ? '…' : ''}${body}${end < chars.length ? '…' : ''}`;
}
