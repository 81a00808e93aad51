import { useState } from 'react';
import { Alert, Button, Card, Table, Typography } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import type { AuditEntry, ChainVerdict } from '../../../shared/audit/chain';
import { useApp } from '../../app/AppContext';
import { countAudit, loadAuditPage, verifyAuditLog } from '../../data/repos/auditRepo';
import { useWording } from '../../i18n/wording';
import './messages';

const SHOWN = 200;

/** 设置 → 审计日志: the newest entries, and 核验日志 over the whole chain. */
export function AuditLogCard() {
  const { t } = useTranslation('signing');
  const w = useWording();
  const { db } = useApp();
  const entries = useLiveQuery(() => loadAuditPage(db, SHOWN), [db]);
  const count = useLiveQuery(() => countAudit(db), [db]) ?? 0;
  const [verdict, setVerdict] = useState<ChainVerdict | null>(null);

  return (
    <Card title={t('audit.title')} style={{ maxWidth: 960, marginTop: 16 }} data-testid="audit-log">
      <Typography.Paragraph type="secondary">{t('audit.intro')}</Typography.Paragraph>
      <Button onClick={async () => setVerdict(await verifyAuditLog(db))} style={{ marginBottom: 12 }}>
        {t('audit.verify')}
      </Button>
      {verdict && (
        <Alert
          data-testid="audit-verdict"
          style={{ marginBottom: 12 }}
          showIcon
          type={verdict.ok ? 'success' : 'error'}
          title={
            verdict.ok
              ? t('audit.ok', { count: verdict.count })
              : t('audit.problem', {
                  detail: t(`audit.problems.${verdict.problem.kind}`, { seq: verdict.problem.seq }),
                })
          }
        />
      )}
      <Table<AuditEntry>
        size="small"
        rowKey="seq"
        dataSource={entries ?? []}
        loading={entries === undefined}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
        locale={{ emptyText: t('audit.empty') }}
        columns={[
          { title: t('audit.columns.seq'), dataIndex: 'seq', width: 64 },
          { title: t('audit.columns.at'), dataIndex: 'at', width: 170, render: (at: string) => w.dateTime(at) },
          {
            title: t('audit.columns.action'),
            dataIndex: 'action',
            width: 96,
            render: (action: AuditEntry['action']) => t(`audit.actions.${action}`),
          },
          { title: t('audit.columns.org'), dataIndex: 'orgName', width: 120 },
          { title: t('audit.columns.summary'), dataIndex: 'summary' },
        ]}
      />
      {count > SHOWN && <Typography.Text type="secondary">{t('audit.shown', { shown: SHOWN, count })}</Typography.Text>}
    </Card>
  );
}
