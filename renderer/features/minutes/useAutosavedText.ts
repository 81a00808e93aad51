import { useEffect, useRef, useState } from 'react';
import { z } from 'zod';
import { reconcileFieldText, type FieldTextState } from '../../../shared/drafts/fieldText';
import type { KeyedAutosaveScheduler } from './autosave';
import { readJournal, useFieldAutosave } from './useFieldAutosave';

export interface AutosavedTextInput {
  /** The row the field shows now (e.g. the agenda item's id). */
  rowKey: string;
  /** The row's stored text ('' for none). */
  stored: string;
  /** Writes the text to row `key`: the row it was typed on. */
  save(key: string, text: string): Promise<void>;
  /** The stored form of a typed text (e.g. trimmed). */
  normalise(text: string): string;
  /** The field's name in the journal of unsaved text, e.g. 'resolution'. */
  journalName: string;
  shouldRetry?: (error: unknown) => boolean;
}

export interface AutosavedText {
  /** The text to show, for the row in `rowKey`. */
  text: string;
  /** The row `text` belongs to: hand it back with every change. */
  textKey: string;
  /** Records a keystroke's text for the row it was typed on. */
  change(key: string, text: string): void;
  flush(): Promise<boolean>;
  scheduler: KeyedAutosaveScheduler<string>;
}

/** How many of its own recent saves per row a field recognises when their echo comes back. */
const ECHOES_KEPT = 3;

/**
 * A free-text field bound to a record row, saved as it is typed (useFieldAutosave) and shown
 * by reconcileFieldText's rules. The caller hands `change` the key it got with the text, so a
 * keystroke is always recorded for the row whose text was on screen when it was typed.
 */
export function useAutosavedText({
  rowKey,
  stored,
  save,
  normalise,
  journalName,
  shouldRetry,
}: AutosavedTextInput): AutosavedText {
  const echoes = useRef(new Map<string, string[]>());
  /** Each row's stored text as last known (its version, for the journal): saved here or read. */
  const known = useRef(new Map<string, string>());
  /** The save running now, if any: its text may be stored by the time the journal is read. */
  const writing = useRef<{ key: string; version: string } | null>(null);
  const ownEcho = (key: string, value: string) => echoes.current.get(key)?.includes(value) ?? false;
  const scheduler = useFieldAutosave<string>({
    rowKey,
    save: async (key, text) => {
      writing.current = { key, version: normalise(text) };
      try {
        await save(key, text);
      } finally {
        writing.current = null;
      }
      echoes.current.set(key, [normalise(text), ...(echoes.current.get(key) ?? [])].slice(0, ECHOES_KEPT));
      known.current.set(key, normalise(text));
    },
    shouldRetry,
    journal: {
      name: journalName,
      toJson: (text) => text,
      base: (key) => {
        const versions = [known.current.get(key), writing.current?.key === key ? writing.current.version : undefined];
        return versions.filter((v) => v !== undefined);
      },
    },
  });
  const sources = {
    key: rowKey,
    stored,
    unsaved: (key: string) => scheduler.unsaved(key)?.snapshot,
    journaled: (key: string) =>
      readJournal(journalName, key, z.string(), stored, (text) => normalise(text) === normalise(stored)),
    ownEcho,
    normalise,
  };
  const [state, setState] = useState<FieldTextState>(() => reconcileFieldText(null, sources));
  const next = reconcileFieldText(state, sources);
  // Adjusting state while rendering (React's pattern for state derived from props): the stale
  // text of the previous row is never painted, not even for one frame.
  if (next !== state) setState(next);

  useEffect(() => {
    // A late echo of an older save of this field is not news about the row.
    if (!ownEcho(next.key, next.seen)) known.current.set(next.key, next.seen);
  }, [next.key, next.seen]);

  useEffect(() => {
    // Journaled text is not in the database yet: save it like a fresh change.
    if (next.restored) scheduler.markDirty(next.key, next.text);
  }, [scheduler, next.key, next.text, next.restored]);

  return {
    text: next.text,
    textKey: next.key,
    change: (key, text) => {
      setState((s) => (s.key === key ? { ...s, text, restored: false } : s));
      scheduler.markDirty(key, text);
    },
    flush: () => scheduler.flush(),
    scheduler,
  };
}
