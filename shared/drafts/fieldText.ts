/**
 * What a text field bound to a record row shows, given what is stored, what is still being
 * saved and what the journal kept from a window closed mid-typing. Pure, so the rules are
 * tested without a browser; the hook (renderer/features/minutes/useAutosavedText.ts) applies it.
 */

export interface FieldTextState {
  /** The row the text belongs to. */
  key: string;
  text: string;
  /** The stored value last taken into account, to notice when it changes. */
  seen: string;
  /** The text came from the journal and is not stored yet: it must be saved. */
  restored: boolean;
}

export interface FieldTextSources {
  key: string;
  /** The row's stored text ('' for none). */
  stored: string;
  /** The row's newest text not yet known to be stored (waiting or being saved). */
  unsaved(key: string): string | undefined;
  /** The row's text kept in the journal when a window closed before its save landed. */
  journaled(key: string): string | undefined;
  /** True when `stored` is one of the values this field itself wrote to the row lately. */
  ownEcho(key: string, stored: string): boolean;
  /** The stored form of a typed text (e.g. trimmed). */
  normalise(text: string): string;
}

/** The text to show when the field comes to a row: unsaved, else journaled, else stored. */
function enterRow(s: FieldTextSources): FieldTextState {
  const base = { key: s.key, seen: s.stored, restored: false };
  const unsaved = s.unsaved(s.key);
  if (unsaved !== undefined) return { ...base, text: unsaved };
  const journaled = s.journaled(s.key);
  if (journaled !== undefined && s.normalise(journaled) !== s.normalise(s.stored))
    return { ...base, text: journaled, restored: true };
  return { ...base, text: s.stored };
}

/**
 * The next state; returns `state` itself when nothing changes. While the row stays the same,
 * the typed text wins: a new stored value replaces it only when nothing typed is unsaved and
 * the value is not an echo of this field's own saves (an echo can arrive late, after a newer
 * save, and would otherwise put older text back under the typist's caret).
 */
export function reconcileFieldText(state: FieldTextState | null, s: FieldTextSources): FieldTextState {
  if (!state || state.key !== s.key) return enterRow(s);
  if (s.stored === state.seen) return state;
  const keepTyped =
    s.unsaved(s.key) !== undefined || s.ownEcho(s.key, s.stored) || s.normalise(state.text) === s.normalise(s.stored);
  return { ...state, seen: s.stored, text: keepTyped ? state.text : s.stored };
}
