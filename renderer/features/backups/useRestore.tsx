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
  nextTask,
  pickedFile,
  restoreBackupHeld,
  storedBackup,
  type BackupSource,
} from '../../data/backup';
import type { RestoreWritten } from '../../data/restoreMerge';
import { verifySignedMeetings, type UnverifiedMeeting } from '../../data/verifySigned';
import { sameBackup } from '../../../shared/backup/storedSummary';
import './messages';
import { errorText } from '../../i18n/errorText';
import { useWording } from '../../i18n/wording';

/** A bad row's `message` already names the field in words (shared/validation/messages.ts). */
export function backupProblemMessage(t: TFunction, problem: BackupProblem): string {
  const table = 'table' in problem ? t(`tables.${problem.table}`, { defaultValue: problem.table }) : '';
  return t(`problems.${problem.code}`, { ...problem, table });
}

const RESTORE_MESSAGE = 'yishi-restore';
const VERIFY_MESSAGE = 'yishi-verify-restored';
/** Meetings named in the report; more are counted. */
const NAMED_FAILURES = 20;

/** The user said no to the question: nothing to report. */
class NotAgreed extends Error {}

/** Whole percent of the bytes read, for the progress line. */
function percentOf(bytesRead: number, sizeBytes: number): number {
  return sizeBytes > 0 ? Math.min(100, Math.floor((bytesRead / sizeBytes) * 100)) : 100;
}

/**
 * Restoring a backup, from a stored one or a file: read it through once to check every row (the
 * window shows how far), show what will be replaced, keep a safety backup, then read it again
 * into one transaction. A ten-year archive is never one string in memory.
 */
export function useRestore(afterRestore?: () => Promise<void> | void) {
  const { t, i18n } = useTranslation('backups');
  const { db, bridge } = useApp();
  const { message, modal } = App.useApp();
  const [busy, setBusy] = useState(false);

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
      message.destroy(RESTORE_MESSAGE);
      if (error instanceof BackupRefused) refuse(error.problem);
      else if (!(error instanceof NotAgreed))
        void message.error(t('errors.unexpected', { message: errorText(t, error) }));
    } finally {
      setBusy(false);
    }
    // Outside the try: the data is restored even if refreshing the page around it fails.
    if (!restoredOk) return;
    await Promise.resolve(afterRestore?.()).catch((error: unknown) => console.error('after restore', error));
    await verifyRestored().catch((error: unknown) => {
      message.destroy(VERIFY_MESSAGE);
      void message.error(t('errors.unexpected', { message: errorText(t, error) }));
    });
  }

  /**
   * Every signed meeting of the restored data is verified, in groups between which the window
   * paints; the ones that no longer match their seal are named.
   */
  async function verifyRestored(): Promise<void> {
    let shown = -1;
    const check = await verifySignedMeetings(db, {
      progress: (done, total) => {
        const percent = total > 0 ? Math.floor((done / total) * 100) : 100;
        if (percent === shown) return;
        shown = percent;
        void message.loading({ content: t('verifying', { done, total }), key: VERIFY_MESSAGE, duration: 0 });
      },
      pause: nextTask,
    });
    if (check.failed.length === 0) {
      void message.success({ content: t('verifiedAll', { count: check.checked }), key: VERIFY_MESSAGE });
      return;
    }
    message.destroy(VERIFY_MESSAGE);
    void modal.warning({
      title: t('verifyFailedTitle', { count: check.failed.length }),
      width: 560,
      content: <UnverifiedList failed={check.failed} />,
    });
  }

  /** Check, question, restore: held together, so no backup runs in between (see holdBackups). */
  async function checkAskRestore(source: BackupSource): Promise<void> {
    const summary = source.kept ? await askWhileChecking(source, source.kept) : await checkThenAsk(source);
    const rowsLine = progressLine(source.sizeBytes, (percent) => showProgress(t('restoringRows', { percent })));
    const restored = await restoreBackupHeld(
      db,
      bridge,
      source,
      APP_VERSION,
      (stage, bytesRead) => (stage === 'safetyBackup' ? showProgress(t('restoringSafety')) : rowsLine(bytesRead)),
      summary,
    );
    // Only when the file changed between the check and the restore; nothing was replaced.
    if (!restored.ok) throw new BackupRefused(restored.problem);
    void message.success({ content: restoredMessage(restored.written), key: RESTORE_MESSAGE });
  }

  /** Says what the restore changed: usually the day's few records, often nothing at all. */
  function restoredMessage(written: RestoreWritten | undefined): string {
    if (!written) return t('restored');
    const rows = written.added + written.replaced + written.removed;
    return rows === 0 ? t('restoredUnchanged') : t('restoredChanged', { rows: rows.toLocaleString(i18n.language) });
  }

  /** A file: read through and checked first, as only then is it known what it holds. */
  async function checkThenAsk(source: BackupSource): Promise<BackupSummary> {
    showProgress(t('checking', { percent: 0 }));
    const checked = await checkBackup(
      source,
      progressLine(source.sizeBytes, (percent) => showProgress(t('checking', { percent }))),
    );
    if (!checked.ok) throw new BackupRefused(checked.problem);
    message.destroy(RESTORE_MESSAGE);
    const currentCounts = await countTables(db);
    const agreed = await modal.confirm({
      ...questionProps(),
      content: <RestoreComparison summary={checked.summary} currentCounts={currentCounts} />,
    });
    if (!agreed) throw new NotAgreed();
    return checked.summary;
  }

  /**
   * A stored backup with the summary its writer kept: the question shows that at once, while
   * the check reads the whole file behind it (ten years take a quarter of a minute). Nothing is
   * touched until the check has passed and found exactly what the question showed; a check
   * that fails while the question is open replaces it with the reason.
   */
  async function askWhileChecking(source: BackupSource, kept: BackupSummary): Promise<BackupSummary> {
    // Where the check's progress goes: into the question, then (agreed) the progress line.
    let phase: 'asking' | 'agreed' | 'cancelled' = 'asking';
    let percent = 0;
    let checkedAll = false;
    // Counting ten years' tables takes IndexedDB ~2 s (one walk per table, never side by side),
    // so the question does not wait for the "now" column: it fills in when counted.
    let currentCounts: Record<string, number> | 'failed' | undefined;
    const content = () => (
      <RestoreComparison summary={kept} currentCounts={currentCounts} checking={checkedAll ? 'done' : percent} />
    );
    const dialog = modal.confirm({ ...questionProps(), content: content() });
    const redraw = () => phase === 'asking' && dialog.update({ content: content() });
    const checking = checkBackup(
      stoppable(source, () => phase === 'cancelled'),
      progressLine(source.sizeBytes, (p) => {
        percent = p;
        redraw();
        if (phase === 'agreed') showProgress(t('checking', { percent }));
      }),
    );
    checking
      .then((c) => {
        checkedAll = c.ok;
        redraw();
      })
      .catch(() => undefined);
    countTables(db)
      .then(
        (counts) => (currentCounts = counts),
        // Only the "now" column is missing: the question and the check stand without it.
        () => (currentCounts = 'failed'),
      )
      .then(redraw);
    const failed = checking.then((c) => (c.ok ? new Promise<never>(() => undefined) : c));
    const agreed = new Promise<{ agreed: boolean }>((resolve) =>
      dialog.then(
        (yes) => resolve({ agreed: yes }),
        () => resolve({ agreed: false }),
      ),
    );
    // A check that cannot read on (the backup deleted meanwhile) ends the question too.
    const answer = await Promise.race([agreed, failed]).catch((error: unknown) => {
      dialog.destroy();
      throw error;
    });
    if ('ok' in answer) {
      dialog.destroy();
      throw new BackupRefused(answer.problem);
    }
    if (!answer.agreed) {
      phase = 'cancelled';
      await checking.catch(() => undefined);
      throw new NotAgreed();
    }
    phase = 'agreed';
    showProgress(t('checking', { percent }));
    const checked = await checking.finally(() => message.destroy(RESTORE_MESSAGE));
    if (!checked.ok) throw new BackupRefused(checked.problem);
    if (!sameBackup(kept, checked.summary)) throw new BackupRefused({ code: 'notAsListed' });
    return checked.summary;
  }

  function questionProps() {
    return {
      title: t('confirmTitle'),
      width: 560,
      okText: t('confirmButton'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
    };
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

  return { busy, fromStored, fromFile };
}

function UnverifiedList({ failed }: { failed: UnverifiedMeeting[] }) {
  const { t } = useTranslation('backups');
  return (
    <div>
      <p>{t('verifyFailedLead')}</p>
      <ul data-testid="restore-unverified">
        {failed.slice(0, NAMED_FAILURES).map((m) => (
          <li key={m.id}>{t('verifyFailedItem', { title: m.title, year: m.issueYear, no: m.issueNo })}</li>
        ))}
      </ul>
      {failed.length > NAMED_FAILURES && <p>{t('verifyFailedMore', { count: failed.length - NAMED_FAILURES })}</p>}
    </div>
  );
}

/** A source that ends early once `stop` says so (the user said no while it was being checked). */
function stoppable(source: BackupSource, stop: () => boolean): BackupSource {
  return {
    ...source,
    open() {
      const next = source.open();
      return () => (stop() ? Promise.resolve(null) : next());
    },
  };
}

/** Not counts a user compares: the settings row, and the later parts of received filing packages (one package is one 收到的备案包). */
const NOT_COMPARED = new Set<string>(['settings', 'filingPackageParts']);

function RestoreComparison({
  summary,
  currentCounts,
  checking,
}: {
  summary: BackupSummary;
  /** Undefined while they are still being counted; `failed` when they could not be. */
  currentCounts: Record<string, number> | 'failed' | undefined;
  /** While the file is checked behind the question: how far, or done. */
  checking?: number | 'done';
}) {
  const { t } = useTranslation('backups');
  const counted = typeof currentCounts === 'object' ? currentCounts : undefined;
  const pending = currentCounts === 'failed' ? t('countFailed') : t('counting');
  const shown = TABLE_NAMES.filter((n) => !NOT_COMPARED.has(n) && (counted?.[n] || summary.counts[n]));
  const w = useWording();
  return (
    <div>
      <p>{t('confirmLead')}</p>
      <p>{t('confirmBackupTime', { time: w.dateTime(summary.createdAt) })}</p>
      {checking !== undefined && (
        <p data-testid="restore-checking">
          <Typography.Text type={checking === 'done' ? 'success' : 'secondary'}>
            {checking === 'done' ? t('checkedBehind') : t('checkingBehind', { percent: checking })}
          </Typography.Text>
        </p>
      )}
      <Typography.Text strong>{t('confirmCompare')}</Typography.Text>
      <ul data-testid="restore-comparison" data-counted={counted ? 'yes' : 'no'}>
        {shown.map((n) => (
          <li key={n}>
            {w.labelled(t(`tables.${n}`), `${counted ? (counted[n] ?? 0) : pending} → ${summary.counts[n]}`)}
          </li>
        ))}
      </ul>
    </div>
  );
}
