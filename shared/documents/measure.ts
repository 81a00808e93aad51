/**
 * How wide a text prints, in Chinese characters of its size (ems), before any reader lays it out:
 * for the 版头 that must stay on its lines, titles split into balanced lines, hanging labels and
 * sign-offs. Widths are per character class and err on the wide side, so an estimate that fits
 * fits on paper, in the official fonts and in the Noto faces LibreOffice substitutes for them
 * (measured there at 20 pt: capitals 0.70 em, M and W 1.0, & 0.78, < and > 0.58, digits 0.55).
 */

// Chinese, Japanese and Korean characters, full-width forms, and the punctuation and symbols a
// Chinese font draws a full cell wide (quotes, dashes, ellipsis, ·, ×, ÷, ①, arrows, boxes), since the
// runs carry the eastAsia hint.
const WIDE =
  /[\u00b7\u00d7\u00f7\u2013-\u2026\u2030-\u2033\u203b\u2103\u2116\u2160-\u216b\u2190-\u2199\u2460-\u27bf\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua960-\ua97f\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;
const ASCII_WIDTHS: ReadonlyArray<[RegExp, number]> = [
  [/[MW@%]/, 1],
  [/[mw]/, 0.85],
  [/&/, 0.8],
  [/[A-Z]/, 0.75],
  [/[<>=+~^#$*_]/, 0.6],
  [/[a-z0-9?]/, 0.56],
  [/[ .,:;'"!|/\\()[\]{}`-]/, 0.4],
];

/**
 * Word (autoSpaceDE/DN) and LibreOffice both put a small gap between Chinese and Latin letters or
 * digits: about a fifth of an em in LibreOffice; a quarter is counted.
 */
const CJK_LATIN_GAP = 0.25;

/** A non-Chinese character of unknown class (Greek, accented Latin, symbols): as wide as a capital. */
const OTHER = 0.75;

function isWide(ch: string): boolean {
  return WIDE.test(ch) || (ch.codePointAt(0) ?? 0) > 0xffff; // astral: CJK extensions, emoji
}

function isLatinOrDigit(ch: string): boolean {
  return /[A-Za-z0-9]/.test(ch);
}

/** The width of one character in ems, without the gap before it. */
export function charWidth(ch: string): number {
  if (isWide(ch)) return 1;
  for (const [pattern, width] of ASCII_WIDTHS) if (pattern.test(ch)) return width;
  return OTHER;
}

/** Each character's width in ems, the Chinese–Latin gap counted on the character after it. */
export function charWidths(text: string): number[] {
  const chars = [...text];
  return chars.map((ch, i) => {
    const before = chars[i - 1];
    const gap =
      before !== undefined && ((isWide(before) && isLatinOrDigit(ch)) || (isLatinOrDigit(before) && isWide(ch)))
        ? CJK_LATIN_GAP
        : 0;
    return charWidth(ch) + gap;
  });
}

/** Width of a text in Chinese characters of its size: a Chinese character 1, a capital ¾, a digit about ½. */
export function textWidthChars(text: string): number {
  return charWidths(text).reduce((sum, w) => sum + w, 0);
}
