/**
 * File names the app suggests or accepts, safe on Windows (where most of its users are) and on
 * Linux: the one rule for the Word documents, the meeting file, the PDF and the bridge's check.
 */

// What no Windows file name may hold (\ / : * ? " < > |), control characters, and what is not
// text at all (U+FFFE, U+FFFF, a lone surrogate half).
const FORBIDDEN_SOURCE =
  // eslint-disable-next-line no-control-regex -- control characters are what is being removed
  /[\\/:*?"<>|\u0000-\u001f\u007f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/
    .source;
/** Device names Windows will not create a file under, whatever the extension. */
const RESERVED = /^(con|prn|aux|nul|com[1-9]|lpt[1-9])(\..*)?$/i;

/** Longest name part (before the extension) suggested, in characters. */
export const MAX_STEM_CHARS = 120;
export const MAX_NAME_CHARS = 200;

/** Whether a name can be used as it is: nothing forbidden, no folder, no trailing dot or space. */
export function isSafeFileName(name: string): boolean {
  return (
    name.length > 0 &&
    name.length <= MAX_NAME_CHARS &&
    !new RegExp(FORBIDDEN_SOURCE).test(name) &&
    !/[. ]$/.test(name) &&
    name !== '.' &&
    name !== '..' &&
    !RESERVED.test(name)
  );
}

/**
 * `stem.extension` with whatever a name may not hold taken out: forbidden characters dropped,
 * runs of blanks made one space, at most MAX_STEM_CHARS characters (never half a character), no
 * trailing dot or space, and `fallback` when nothing is left or the name is a device name.
 */
export function safeFileName(stem: string, extension: string, fallback = '议事厅'): string {
  const cleaned = stem.replace(new RegExp(FORBIDDEN_SOURCE, 'g'), '').replace(/\s+/g, ' ').trim();
  const cut = [...cleaned]
    .slice(0, MAX_STEM_CHARS)
    .join('')
    .replace(/[. ]+$/, '');
  const base = cut === '' || RESERVED.test(cut) ? fallback : cut;
  return `${base}.${extension}`;
}
