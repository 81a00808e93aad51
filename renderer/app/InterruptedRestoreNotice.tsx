import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { YishiDb } from '../data/db';
import { useWording } from '../i18n/wording';
import { appFeedback } from './antd/appFeedback';
import { nextIdle } from './idle';
import type { LastingNotice } from './antd/lastingNotice';

/**
 * After a restore was cut short (the app closed half-way, data/restoreMark.ts): says once what
 * became of it — finished before the app stopped, or undone, the data as before. Read after the
 * first screen is up, so a normal start waits for nothing more.
 */
export function InterruptedRestoreNotice({ db }: { db: YishiDb }) {
  const { t } = useTranslation();
  const wording = useWording();
  // Read when the answer comes, not when asked: the words of the language shown then.
  const words = useRef({ t, wording });
  words.current = { t, wording };
  useEffect(() => {
    // Not cancelled by a re-render: the mark is taken once, and what it says must be shown.
    // Its code loads once the first screen is up and the window idle: a normal start has nothing to say.
    void nextIdle(3000)
      .then(() => import('../data/restoreMark'))
      .then(({ takeInterruptedRestore }) => takeInterruptedRestore(db))
      .then((interrupted) => {
        if (!interrupted) return;
        const { t, wording } = words.current;
        const time = interrupted.backupCreatedAt ? wording.dateTime(interrupted.backupCreatedAt) : undefined;
        const notice: LastingNotice =
          interrupted.outcome === 'restored'
            ? {
                key: 'yishi-interrupted-restore',
                kind: 'success',
                title: t('interruptedRestore.restoredTitle'),
                lead: time
                  ? t('interruptedRestore.restoredLead', { time })
                  : t('interruptedRestore.restoredLeadNoTime'),
                action: { label: t('interruptedRestore.backups'), hash: '#/backups' },
              }
            : {
                key: 'yishi-interrupted-restore',
                kind: 'warning',
                title: t('interruptedRestore.undoneTitle'),
                lead: t('interruptedRestore.undoneLead'),
                action: { label: t('interruptedRestore.backups'), hash: '#/backups' },
              };
        return Promise.all([appFeedback(), import('./antd/lastingNotice')]).then(([{ notification }, m]) =>
          m.showLastingNotice(notification, notice),
        );
      })
      .catch((error: unknown) => console.error('could not read the restore mark', error));
  }, [db]);
  return null;
}
