// Apart from the toolbar, so the save status line under a plain field does not pull in the editor.
export const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** Shortcut text in the platform's own notation, e.g. "Ctrl+B" or "⌘B". */
export function shortcut(...keys: string[]): string {
  return keys
    .map((k) => (k === 'Mod' ? (isMac ? '⌘' : 'Ctrl') : k === 'Alt' && isMac ? '⌥' : k))
    .join(isMac ? '' : '+');
}
