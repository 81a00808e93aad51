import { useEffect, useRef, useState } from 'react';
import type { z } from 'zod';
import { draftKey } from '../../../shared/drafts/draftStore';
import { journalEntrySchema, journalToRestore, type JournalEntry } from '../../../shared/drafts/journal';
import { browserKeyedEffects, createKeyedAutosave, type KeyedAutosaveScheduler } from './autosave';
import { unsavedJournal } from './localDrafts';

export interface FieldJournal<T> {
  /** The field's name in the journal, e.g. 'resolution'. */
  name: string;
  /** The snapshot as JSON, written when the page is hidden or closed. */
  toJson(snapshot: T): unknown;
  /**
   * The versions row `key` may be at (see shared/drafts/journal.ts): as last known stored, and
   * that of a save of it still running; null if unknown.
   */
  base(key: string): string[] | null;
}

export interface FieldAutosaveInput<T> {
  /** The row the field shows now (e.g. the agenda item's id). */
  rowKey: string;
  /** Writes a snapshot to the row it was typed on: always `key`, never "the current row". */
  save(key: string, snapshot: T): Promise<void>;
  shouldRetry?: (error: unknown) => boolean;
  lastSavedAt?: number | null;
  journal?: FieldJournal<T>;
}

/**
 * The journaled snapshot of a field's row to bring back, if there is a valid one that is neither
 * stale nor already stored. Only reads: safe while rendering (StrictMode renders twice).
 */
export function readJournal<T>(
  name: string,
  rowKey: string,
  schema: z.ZodType<T>,
  storedVersion: string,
  isStored: (value: T) => boolean,
): T | undefined {
  const entry = unsavedJournal().read(draftKey(name, rowKey), journalEntrySchema(schema))?.value;
  return journalToRestore(entry, storedVersion, isStored);
}

export function forgetJournal(name: string, rowKey: string): void {
  unsavedJournal().remove(draftKey(name, rowKey));
}

/**
 * The autosave of a field bound to a record row, for as long as the component lives: one
 * scheduler whose snapshots carry their row's key (see autosave.ts), so moving the field to
 * another row can never send its text to the wrong one.
 *
 * Saves are started on row change, on tab hide, page hide and close, and on unmount (the
 * caller adds blur). What is still unsaved at hide or close is also written to the journal in
 * localStorage, synchronously: a database write begun while the page is going away often dies
 * with it. The journal entry of a row is dropped once a save of the row leaves nothing newer.
 *
 * The scheduler lives as long as the component, so React's StrictMode re-run of effects only
 * flushes; it is disposed once the unmounted component's last flush has settled.
 */
export function useFieldAutosave<T>({
  rowKey,
  save,
  shouldRetry,
  lastSavedAt,
  journal,
}: FieldAutosaveInput<T>): KeyedAutosaveScheduler<T> {
  // The latest callbacks, read at save time: the row comes from the snapshot, not from them.
  const saveRef = useRef(save);
  const journalRef = useRef(journal);
  useEffect(() => {
    saveRef.current = save;
    journalRef.current = journal;
  });
  const [scheduler] = useState(() => {
    const created: KeyedAutosaveScheduler<T> = createKeyedAutosave<T>(
      browserKeyedEffects(async (key, snapshot) => {
        await saveRef.current(key, snapshot);
        const name = journalRef.current?.name;
        // Nothing newer of this row waits: what the journal holds is stored now (or older).
        if (name && created.unsaved(key)?.snapshot === snapshot) forgetJournal(name, key);
      }),
      { shouldRetry, lastSavedAt: lastSavedAt ?? null },
    );
    return created;
  });
  const mounted = useRef(false);

  useEffect(() => {
    mounted.current = true;
    const away = () => {
      const j = journalRef.current;
      if (j) {
        for (const { key, snapshot } of scheduler.unsavedEntries()) {
          const entry: JournalEntry<unknown> = { value: j.toJson(snapshot), base: j.base(key) };
          unsavedJournal().write(draftKey(j.name, key), entry);
        }
      }
      void scheduler.flush();
    };
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') away();
    };
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('pagehide', away);
    window.addEventListener('beforeunload', away);
    return () => {
      mounted.current = false;
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('pagehide', away);
      window.removeEventListener('beforeunload', away);
      void scheduler.flush().finally(() => {
        if (!mounted.current) scheduler.dispose();
      });
    };
  }, [scheduler]);

  // Leaving a row (Alt+N, 下一项, the agenda list) saves what was typed on it at once.
  useEffect(() => () => void scheduler.flush(), [scheduler, rowKey]);

  return scheduler;
}
