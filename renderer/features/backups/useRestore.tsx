import { useState } from 'react';
import { App, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { BackupRefused, type BackupProblem, type BackupSummary } from '../../../shared/backup/document';
import type { BackupEntry } from '../../../shared/bridge';
import { TABLE_NAMES } from '../../../shared/store/schema';
import { APP_VERSION } from '../../bridge';
import { useApp } from '../../app/AppContext';
import {
  checkBackup,
  countTables,
  holdBackups,
  pickedFile,
  restoreBackupHeld,
  storedBackup,
  type BackupSource,
} from '../../data/backup';
import { markRestored } from '../../app/restoredFlag';
import './messages';
import { errorText } from '../../i18n/errorText';
import { useWording } from '../../i18n/wording';

/** A bad row's `message` already names the field in words (shared/validation/messages.ts). */
export function backupProblemMessage(t: TFunction, problem: BackupProblem): string {
  const table = 'table' in problem ? t(`tables.${problem.table}`, { defaultValue: problem.table }) : '';
  return t(`problems.${problem.code}`, { ...problem, table });
}

const RESTORE_MESSAGE = 'yishi-restore';

/** The user said no to the question: nothing to report. */
class NotAgreed extends Error {}

/** Whole percent of the bytes read, for the progress line. */
function percentOf(bytesRead: number, sizeBytes: number): number {
  return sizeBytes > 0 ? Math.min(100, Math.floor((bytesRead / sizeBytes) * 100)) : 100;
}

/**
 * Restoring a backup, from a stored one or a file: read it through once to check every row (the
 * window shows how far), show what will be replaced, keep a safety backup, then read it again
 * into a new database, and reload the window onto it. A ten-year archive is never one string in memory.
 */
export function useRestore(openAfter?: string, reload: () => void = () => window.location.reload()) {
  const { t } = useTranslation('backups');
  const { db, bridge } = useApp();
  const { message, modal } = App.useApp();
  const [busy, setBusy] = useState(false);
  // From the confirmation to the reload: the data being replaced, nothing may be entered.
  const [writing, setWriting] = useState(false);

  const showProgress = (content: string) => void message.loading({ content, key: RESTORE_MESSAGE, duration: 0 });
  const refuse = (problem: BackupProblem) => {
    message.destroy(RESTORE_MESSAGE);
    void modal.error({ title: t('confirmTitle'), content: backupProblemMessage(t, problem) });
  };

  /** Calls `show` when the percent changes, not on every piece. */
  function progressLine(sizeBytes: number, show: (percent: number) => void): (bytesRead: number) => void {
    let shown = -1;
    return (bytesRead) => {
      const percent = percentOf(bytesRead, sizeBytes);
      if (percent !== shown) show((shown = percent));
    };
  }

  async function restore(source: BackupSource): Promise<void> {
    setBusy(true);
    let restoredOk = false;
    try {
      await holdBackups(() => checkAskRestore(source));
      restoredOk = true;
    } catch (error) {
      setWriting(false);
      message.destroy(RESTORE_MESSAGE);
      if (error instanceof BackupRefused) refuse(error.problem);
      else if (!(error instanceof NotAgreed))
        void message.error(t('errors.unexpected', { message: errorText(t, error) }));
    } finally {
      setBusy(false);
    }
    if (!restoredOk) return;
    // The window starts again on the restored database (RestoredNotice says so and checks it).
    markRestored();
    // Without a hashchange: the screen must not draw once more on the replaced database.
    if (openAfter) window.history.replaceState(null, '', `#${openAfter}`);
    reload();
  }

  /** Check, question, restore: held together, so no backup runs in between (see holdBackups). */
  async function checkAskRestore(source: BackupSource): Promise<void> {
    showProgress(t('checking', { percent: 0 }));
    const checked = await checkBackup(
      source,
      progressLine(source.sizeBytes, (percent) => showProgress(t('checking', { percent }))),
    );
    if (!checked.ok) throw new BackupRefused(checked.problem);
    message.destroy(RESTORE_MESSAGE);
    const currentCounts = await countTables(db);
    const agreed = await modal.confirm({
      title: t('confirmTitle'),
      width: 560,
      okText: t('confirmButton'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      content: <RestoreComparison summary={checked.summary} currentCounts={currentCounts} />,
    });
    if (!agreed) throw new NotAgreed();
    setWriting(true);
    const rowsLine = progressLine(source.sizeBytes, (percent) => showProgress(t('restoringRows', { percent })));
    const restored = await restoreBackupHeld(
      db,
      bridge,
      source,
      APP_VERSION,
      (stage, bytesRead) => (stage === 'safetyBackup' ? showProgress(t('restoringSafety')) : rowsLine(bytesRead)),
      checked.summary,
    );
    // Only when the file changed between the check and the restore; nothing was replaced.
    if (!restored.ok) throw new BackupRefused(restored.problem);
    restored.database.close();
  }

  async function fromStored(entry: BackupEntry): Promise<void> {
    await restore(storedBackup(bridge, entry));
  }

  /** The file stays where it is (a USB stick): it is read in pieces, twice, then closed. */
  async function fromFile(): Promise<void> {
    // .json.gz since backups are compressed; .json from before, or unpacked by hand.
    const picked = await bridge.openFileForReading({
      filters: [{ name: t('fileTypes.backup', { ns: 'translation' }), extensions: ['gz', 'json'] }],
    });
    if (picked.status !== 'opened') return;
    try {
      await restore(pickedFile(bridge, picked));
    } finally {
      await bridge.closeFile(picked.token).catch(() => undefined);
    }
  }

  return { busy, writing, fromStored, fromFile };
}

function RestoreComparison({
  summary,
  currentCounts,
}: {
  summary: BackupSummary;
  currentCounts: Record<string, number>;
}) {
  const { t } = useTranslation('backups');
  const shown = TABLE_NAMES.filter((n) => n !== 'settings' && (currentCounts[n] || summary.counts[n]));
  const w = useWording();
  return (
    <div>
      <p>{t('confirmLead')}</p>
      <p>{t('confirmBackupTime', { time: w.dateTime(summary.createdAt) })}</p>
      <Typography.Text strong>{t('confirmCompare')}</Typography.Text>
      <ul data-testid="restore-comparison">
        {shown.map((n) => (
          <li key={n}>{w.labelled(t(`tables.${n}`), `${currentCounts[n] ?? 0} → ${summary.counts[n]}`)}</li>
        ))}
      </ul>
    </div>
  );
}
