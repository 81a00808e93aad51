import { useMemo, useState } from 'react';
import type { Node as PmNode } from '@tiptap/pm/model';
import { z } from 'zod';
import type { Minutes } from '../../../shared/domain/meeting';
import type { YishiDb } from '../../data/db';
import type { AutosaveScheduler } from './autosave';
import { isPermanentSaveError, saveMinutes } from '../../data/repos/minutesRepo';
import { forgetJournal, readJournal, useFieldAutosave } from './useFieldAutosave';

export interface MinutesAutosaveInput {
  db: YishiDb;
  agendaItemId: string;
  meetingId: string;
  /** updatedAt of the stored row, shown as the last save until the first new one. */
  savedAt: string | undefined;
}

const JOURNAL = 'minutes';
/** Enough to hand the journaled document to the editor; saveMinutes validates the rest. */
const journaledDocSchema = z.looseObject({ type: z.literal('doc'), content: z.array(z.unknown()).optional() });

/**
 * The minutes of an item left unsaved when the window closed or was hidden, typed on the stored
 * row as it still is (same updatedAt) and different from it; anything else is dropped.
 */
export function journaledMinutes(agendaItemId: string, row: Minutes | undefined): Record<string, unknown> | undefined {
  const doc = readJournal(
    JOURNAL,
    agendaItemId,
    journaledDocSchema,
    row?.updatedAt ?? '',
    (d) => JSON.stringify(d) === JSON.stringify(row?.doc ?? null),
  ) as Record<string, unknown> | undefined;
  // Stale or already stored: not wanted again. (Called once the row is read, not while rendering.)
  if (!doc) forgetJournal(JOURNAL, agendaItemId);
  return doc;
}

/**
 * The autosave of one agenda item's minutes. The snapshot is the editor's ProseMirror
 * document: immutable, so keeping a reference per keystroke costs nothing, and the JSON and
 * plain text are only built inside the save (or the journal, when the page goes away).
 *
 * The editor is mounted per agenda item, so the row is fixed for the scheduler's life; it still
 * travels with every snapshot (useFieldAutosave), like every field bound to a row.
 */
export function useMinutesAutosave({
  db,
  agendaItemId,
  meetingId,
  savedAt,
}: MinutesAutosaveInput): AutosaveScheduler<PmNode> {
  // The row's updatedAt as last known, and that of the save running now: its versions, for the journal.
  const [versions] = useState(() => ({ known: savedAt ?? '', writing: null as string | null }));
  const scheduler = useFieldAutosave<PmNode>({
    rowKey: agendaItemId,
    save: async (key, doc) => {
      const at = new Date();
      versions.writing = at.toISOString();
      try {
        const input = { agendaItemId: key, meetingId, doc: doc.toJSON() as Record<string, unknown> };
        versions.known = (await saveMinutes(db, input, at)).updatedAt;
      } finally {
        versions.writing = null;
      }
    },
    shouldRetry: (e) => !isPermanentSaveError(e),
    lastSavedAt: savedAt ? Date.parse(savedAt) : null,
    // The editor is mounted per item: the one row of this scheduler.
    journal: {
      name: JOURNAL,
      toJson: (doc) => doc.toJSON(),
      base: () => [versions.known, ...(versions.writing ? [versions.writing] : [])],
    },
  });
  return useMemo(
    () => ({
      markDirty: (doc: PmNode) => scheduler.markDirty(agendaItemId, doc),
      flush: () => scheduler.flush(),
      getState: scheduler.getState,
      subscribe: scheduler.subscribe,
      dispose: () => scheduler.dispose(),
    }),
    [scheduler, agendaItemId],
  );
}
