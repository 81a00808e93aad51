import { useEffect, useRef, useState } from 'react';
import type { Node as PmNode } from '@tiptap/pm/model';
import type { YishiDb } from '../../data/db';
import { browserEffects, createAutosave, type AutosaveScheduler } from './autosave';
import { isPermanentSaveError, saveMinutes } from '../../data/repos/minutesRepo';

export interface MinutesAutosaveInput {
  db: YishiDb;
  agendaItemId: string;
  meetingId: string;
  /** updatedAt of the stored row, shown as the last save until the first new one. */
  savedAt: string | undefined;
}

/**
 * The autosave of one agenda item's minutes. The snapshot is the editor's ProseMirror
 * document: immutable, so keeping a reference per keystroke costs nothing, and the JSON and
 * plain text are only built inside the save.
 *
 * Flushes on tab hide, page hide and close, and on unmount (route change, other item). The
 * scheduler lives as long as the component, so React's StrictMode re-run of effects only
 * flushes; it is disposed once the unmounted component's last flush has settled.
 */
export function useMinutesAutosave({
  db,
  agendaItemId,
  meetingId,
  savedAt,
}: MinutesAutosaveInput): AutosaveScheduler<PmNode> {
  const [scheduler] = useState(() =>
    createAutosave<PmNode>(
      browserEffects(async (doc) => {
        await saveMinutes(db, { agendaItemId, meetingId, doc: doc.toJSON() as Record<string, unknown> });
      }),
      { shouldRetry: (e) => !isPermanentSaveError(e), lastSavedAt: savedAt ? Date.parse(savedAt) : null },
    ),
  );
  const mounted = useRef(false);

  useEffect(() => {
    mounted.current = true;
    const flush = () => void scheduler.flush();
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') flush();
    };
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('pagehide', flush);
    window.addEventListener('beforeunload', flush);
    return () => {
      mounted.current = false;
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('pagehide', flush);
      window.removeEventListener('beforeunload', flush);
      void scheduler.flush().finally(() => {
        if (!mounted.current) scheduler.dispose();
      });
    };
  }, [scheduler]);

  return scheduler;
}
