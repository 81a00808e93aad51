import { useEffect, useState } from 'react';
import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import type { BackupEntry } from '../../../shared/bridge';
import { backupToOffer } from '../../../shared/backup/offered';
import { useApp } from '../../app/AppContext';
import { useWording } from '../../i18n/wording';
import { formatBytes } from '../backups';
import './messages';

/**
 * On the first-run screen, when this computer still keeps backups (the app's data was lost, or a
 * data folder was set up again): the newest one with records, to restore in one click rather
 * than looked for as a file. Nothing shows where no backup is kept, as on a new computer.
 */
export function KeptBackupNotice({ busy, onRestore }: { busy: boolean; onRestore: (entry: BackupEntry) => void }) {
  const { t } = useTranslation('welcome');
  const w = useWording();
  const { bridge } = useApp();
  const [offer, setOffer] = useState<ReturnType<typeof backupToOffer>>(null);
  useEffect(() => {
    let live = true;
    bridge
      .listBackups()
      .then((entries) => live && setOffer(backupToOffer(entries)))
      // Only an offer: the screen stands without it, and 从文件恢复 is still there.
      .catch((error: unknown) => console.error('could not list the kept backups', error));
    return () => {
      live = false;
    };
  }, [bridge]);
  if (!offer) return null;
  const { entry, others } = offer;
  const counts = entry.summary?.counts;
  const details = {
    time: w.dateTime(entry.createdAt),
    reason: t(`reasons.${entry.reason}`, { ns: 'backups' }),
    size: formatBytes(entry.sizeBytes),
  };
  return (
    <Alert
      type="info"
      showIcon
      className="yishi-welcome-kept-backup"
      data-testid="kept-backup"
      title={t('keptBackup.title')}
      description={
        <>
          <p>{t('keptBackup.lead')}</p>
          <p>
            {counts
              ? t('keptBackup.newest', {
                  ...details,
                  meetings: counts.meetings ?? 0,
                  decisions: counts.decisions ?? 0,
                  people: counts.people ?? 0,
                })
              : t('keptBackup.newestUncounted', details)}
          </p>
          {others > 0 && <p>{t('keptBackup.others', { count: others })}</p>}
        </>
      }
      action={
        <Button type="primary" size="large" loading={busy} onClick={() => onRestore(entry)}>
          {t('keptBackup.restore')}
        </Button>
      }
    />
  );
}
