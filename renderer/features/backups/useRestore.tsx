import { useState } from 'react';
import { App, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { readBackupDocument, type BackupDocument, type BackupProblem } from '../../../shared/backup/document';
import { formatChineseDateTime } from '../../../shared/dates';
import { TABLE_NAMES } from '../../../shared/store/schema';
import { APP_VERSION } from '../../bridge';
import { useApp } from '../../app/AppContext';
import { countTables, restoreDocument } from '../../data/backup';
import { formatBytes } from './formatBytes';

const MAX_BACKUP_FILE_BYTES = 512 * 1024 * 1024;

export function backupProblemMessage(t: TFunction, problem: BackupProblem): string {
  const table = 'table' in problem ? t(`backup.tables.${problem.table}`, { defaultValue: problem.table }) : '';
  return t(`backup.problems.${problem.code}`, { ...problem, table });
}

/**
 * Restoring a backup, from a stored one or a file: validate first, show what will be replaced,
 * keep a safety backup, then swap everything in one transaction.
 */
export function useRestore(afterRestore?: () => Promise<void> | void) {
  const { t } = useTranslation();
  const { db, bridge } = useApp();
  const { message, modal } = App.useApp();
  const [busy, setBusy] = useState(false);

  async function fromText(text: string): Promise<void> {
    const reading = readBackupDocument(text);
    if (!reading.ok) {
      void modal.error({ title: t('backup.confirmTitle'), content: backupProblemMessage(t, reading.problem) });
      return;
    }
    const currentCounts = await countTables(db);
    const agreed = await modal.confirm({
      title: t('backup.confirmTitle'),
      width: 560,
      okText: t('backup.confirmButton'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      content: <RestoreComparison document={reading.document} currentCounts={currentCounts} />,
    });
    if (!agreed) return;
    setBusy(true);
    // Years of records take minutes to put back (a safety backup first, then every table): say so.
    void message.loading({ content: t('backup.restoring'), key: 'yishi-restore', duration: 0 });
    try {
      await restoreDocument(db, bridge, reading.document, APP_VERSION);
      void message.success({ content: t('backup.restored'), key: 'yishi-restore' });
      await afterRestore?.();
    } catch (error) {
      message.destroy('yishi-restore');
      void message.error(t('errors.unexpected', { message: error instanceof Error ? error.message : String(error) }));
    } finally {
      setBusy(false);
    }
  }

  async function fromFile(): Promise<void> {
    const picked = await bridge.openFile({ filters: [{ name: '议事厅备份', extensions: ['json'] }], maxBytes: MAX_BACKUP_FILE_BYTES });
    if (picked.status === 'tooLarge') void message.error(t('errors.fileTooLarge', { size: formatBytes(picked.size) }));
    if (picked.status !== 'opened') return;
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(picked.bytes);
    } catch {
      void modal.error({ title: t('backup.confirmTitle'), content: t('backup.problems.notJson') });
      return;
    }
    await fromText(text);
  }

  return { busy, fromText, fromFile };
}

function RestoreComparison({ document, currentCounts }: { document: BackupDocument; currentCounts: Record<string, number> }) {
  const { t } = useTranslation();
  const shown = TABLE_NAMES.filter((n) => n !== 'settings' && (currentCounts[n] || document.tables[n].length));
  return (
    <div>
      <p>{t('backup.confirmLead')}</p>
      <p>{t('backup.confirmBackupTime', { time: formatChineseDateTime(document.createdAt) })}</p>
      <Typography.Text strong>{t('backup.confirmCompare')}</Typography.Text>
      <ul data-testid="restore-comparison">
        {shown.map((n) => (
          <li key={n}>{t(`backup.tables.${n}`)}：{currentCounts[n] ?? 0} → {document.tables[n].length}</li>
        ))}
      </ul>
    </div>
  );
}
