import { useCallback, useEffect, useState } from 'react';
import { App, Button, Card, Descriptions, Space, Table } from 'antd';
import { CloudDownloadOutlined, FolderOpenOutlined, SaveOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { AppInfo, BackupEntry } from '../../../shared/bridge';
import { APP_VERSION } from '../../bridge';
import { useApp } from '../../app/AppContext';
import { writeBackup } from '../../data/backup';
import { useRestore } from './useRestore';
import { formatBytes } from './formatBytes';
import './messages';
import { errorText } from '../../i18n/errorText';
import { useWording } from '../../i18n/wording';
import { appendAudit } from '../../data/repos/auditRepo';

export function BackupsPage() {
  const { t } = useTranslation('backups');
  const w = useWording();
  const { db, bridge } = useApp();
  const { message } = App.useApp();
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [backups, setBackups] = useState<BackupEntry[]>([]);
  const [busy, setBusy] = useState(false);
  const [saving, setSaving] = useState<string | null>(null);
  const refresh = useCallback(async () => setBackups(await bridge.listBackups()), [bridge]);
  const restore = useRestore(refresh);
  useEffect(() => {
    void bridge.appInfo().then(setInfo);
    void refresh();
  }, [bridge, refresh]);

  async function backupNow() {
    setBusy(true);
    try {
      const entry = await writeBackup(db, bridge, 'manual', APP_VERSION);
      void message.success(t('backedUp', { size: formatBytes(entry.sizeBytes) }));
      await refresh();
    } finally {
      setBusy(false);
    }
  }

  /** Copies of years of records take a while: the button says so, and a failure is shown. */
  async function saveAs(entry: BackupEntry) {
    setSaving(entry.id);
    try {
      const outcome = await bridge.exportBackup(entry.id);
      if (outcome.status !== 'saved') return;
      // A copy of every record leaving the app: noted like every other export.
      await appendAudit(db, { action: 'export', summary: `备份另存为${outcome.path}` });
      void message.success(t('savedAs', { path: outcome.path }));
    } catch (error) {
      void message.error(t('errors.unexpected', { message: errorText(t, error) }));
    } finally {
      setSaving(null);
    }
  }

  return (
    <div className="yishi-page">
      <div className="yishi-page-header">
        <h1>{t('title')}</h1>
        <Space wrap>
          <Button
            type="primary"
            icon={<SaveOutlined />}
            loading={busy}
            disabled={restore.busy}
            onClick={() => void backupNow()}
          >
            {t('backupNow')}
          </Button>
          <Button icon={<FolderOpenOutlined />} disabled={busy || restore.busy} onClick={() => void restore.fromFile()}>
            {t('restoreFromFile')}
          </Button>
        </Space>
      </div>
      <p className="yishi-lead">{t('lead')}</p>
      {info && (
        <Card style={{ marginBottom: 16 }}>
          <Descriptions column={1} size="small">
            <Descriptions.Item label={t('dataLocation')}>{info.dataLocation}</Descriptions.Item>
            <Descriptions.Item label={t('backupLocation')}>{info.backupLocation}</Descriptions.Item>
          </Descriptions>
        </Card>
      )}
      <Table<BackupEntry>
        rowKey="id"
        dataSource={backups}
        pagination={false}
        locale={{ emptyText: t('empty') }}
        columns={[
          { title: t('time'), dataIndex: 'createdAt', render: (iso: string) => w.dateTime(iso) },
          { title: t('reason'), dataIndex: 'reason', render: (r: string) => t(`reasons.${r}`) },
          { title: t('size'), dataIndex: 'sizeBytes', render: (n: number) => formatBytes(n) },
          {
            title: t('common.actions'),
            render: (_, entry) => (
              <Space>
                <Button
                  size="small"
                  icon={<CloudDownloadOutlined />}
                  loading={saving === entry.id}
                  disabled={saving !== null && saving !== entry.id}
                  onClick={() => void saveAs(entry)}
                >
                  {t('saveAs')}
                </Button>
                <Button
                  size="small"
                  danger
                  disabled={busy || restore.busy}
                  onClick={() => void restore.fromStored(entry)}
                >
                  {t('restore')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
    </div>
  );
}
