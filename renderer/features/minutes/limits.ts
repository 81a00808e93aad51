/** One paste may bring at most this many characters (a whole report is ~20,000). */
export const MAX_PASTE_CHARS = 200_000;
/** The minutes of one agenda item may hold at most this many characters. */
export const MAX_DOC_CHARS = 500_000;

export type PasteVerdict = { ok: true } | { ok: false; reason: 'pasteTooLarge' | 'docTooLarge' };

/**
 * Whether pasted text (or a pasted slice of that many characters) may go into a document of
 * `currentSize`. Sizes are ProseMirror sizes (characters plus a little per block), cheap to
 * read and close enough to characters for a guard.
 */
export function pasteAllowed(pasted: string | number, currentSize: number): PasteVerdict {
  const pasteSize = typeof pasted === 'string' ? pasted.length : pasted;
  if (pasteSize > MAX_PASTE_CHARS) return { ok: false, reason: 'pasteTooLarge' };
  if (currentSize + pasteSize > MAX_DOC_CHARS) return { ok: false, reason: 'docTooLarge' };
  return { ok: true };
}

/** Whether a change from `before` to `after` characters may pass the document cap. Shrinking always may. */
export function growthAllowed(before: number, after: number): boolean {
  return after <= MAX_DOC_CHARS || after <= before;
}
