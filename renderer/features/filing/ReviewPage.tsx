import { useRef, useState } from 'react';
import { Alert, Button, Drawer, Progress, Space, Table, Tag, Typography } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { useApp } from '../../app/AppContext';
import { importFilingPackage, listFilings, signerKeysKnown } from '../../data/repos/reviewRepo';
import type { FilingRow } from '../../../shared/filing/review';
import { useWording } from '../../i18n/wording';
import { filingProblemText } from './problemText';
import { FilingView } from './FilingView';
import { monthText } from './monthText';
import './messages';

/** A package is tens of megabytes at most; anything beyond this is refused unread. */
const MAX_PACKAGE_MB = 400;

type Line = { file: string; kind: 'added' | 'duplicate' | 'refused'; text: string };

/** 审阅: the filings received from the communities, by community and month, and their import. */
export function ReviewPage() {
  const { t } = useTranslation('filing');
  const { db } = useApp();
  const filings = useLiveQuery(() => listFilings(db), [db]);
  const known = useLiveQuery(() => signerKeysKnown(db), [db]);
  const input = useRef<HTMLInputElement>(null);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [lines, setLines] = useState<Line[]>([]);
  const [openId, setOpenId] = useState<string | null>(null);
  const w = useWording();
  const when = (at: string) => w.dateTime(at);

  async function importFiles(files: File[]) {
    const out: Line[] = [];
    setLines([]);
    for (let i = 0; i < files.length; i++) {
      const file = files[i]!;
      setProgress({ done: i + 1, total: files.length });
      if (file.size > MAX_PACKAGE_MB * 1024 * 1024) {
        out.push({
          file: file.name,
          kind: 'refused',
          text: t('review.refused', { file: file.name, reason: t('review.tooLarge', { maxMb: MAX_PACKAGE_MB }) }),
        });
        continue;
      }
      const outcome = await importFilingPackage(db, new Uint8Array(await file.arrayBuffer()), file.name);
      if (outcome.ok)
        out.push({ file: file.name, kind: outcome.result, text: t(`review.${outcome.result}`, { file: file.name }) });
      else
        out.push({
          file: file.name,
          kind: 'refused',
          text: t('review.refused', { file: file.name, reason: filingProblemText(t, outcome.problem) }),
        });
      setLines([...out]);
    }
    setProgress(null);
  }

  const count = (kind: Line['kind']) => lines.filter((l) => l.kind === kind).length;
  return (
    <div className="yishi-page">
      <div className="yishi-page-header">
        <h1>{t('review.title')}</h1>
        <Space>
          <input
            ref={input}
            type="file"
            accept=".yishi"
            multiple
            hidden
            data-testid="filing-input"
            onChange={(e) => {
              const files = [...(e.target.files ?? [])];
              e.target.value = '';
              if (files.length > 0) void importFiles(files);
            }}
          />
          <Button type="primary" loading={progress !== null} onClick={() => input.current?.click()}>
            {t('review.import')}
          </Button>
        </Space>
      </div>
      <Typography.Paragraph className="yishi-lead">{t('review.intro')}</Typography.Paragraph>
      {progress && (
        <div style={{ marginBottom: 16 }}>
          <Typography.Text>{t('review.importing', progress)}</Typography.Text>
          <Progress percent={Math.round((progress.done / progress.total) * 100)} />
        </div>
      )}
      {lines.length > 0 && (
        <Alert
          style={{ marginBottom: 16 }}
          data-testid="import-results"
          type={count('refused') > 0 ? 'warning' : 'success'}
          showIcon
          title={t('review.summary', {
            total: lines.length,
            added: count('added'),
            duplicate: count('duplicate'),
            refused: count('refused'),
          })}
          description={
            <ul style={{ margin: 0, paddingLeft: 20 }}>
              {lines.map((l, i) => (
                <li key={i}>{l.text}</li>
              ))}
            </ul>
          }
        />
      )}
      <Table<FilingRow>
        rowKey="id"
        loading={filings === undefined}
        dataSource={filings}
        locale={{ emptyText: t('review.empty') }}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        columns={[
          { title: t('review.columns.community'), dataIndex: 'orgName' },
          {
            title: t('review.columns.month'),
            render: (_, r) => (
              <Space direction="vertical" size={0}>
                <span style={{ whiteSpace: 'nowrap' }}>{monthText(t, r.month)}</span>
                <Typography.Text type="secondary">{t(`review.period.${r.periodKind}`)}</Typography.Text>
              </Space>
            ),
          },
          {
            title: t('review.columns.meetings'),
            render: (_, r) => (
              <Space direction="vertical" size={0}>
                {r.meetings.map((m) => (
                  <span key={m.meetingId}>{`${w.date(m.date)} ${m.title}`}</span>
                ))}
                {r.leftOut > 0 && (
                  <Typography.Text type="warning">{t('review.leftOut', { count: r.leftOut })}</Typography.Text>
                )}
              </Space>
            ),
          },
          {
            title: t('review.columns.signer'),
            render: (_, r) => {
              const valid = known?.has(`${r.signerKeyId}/${r.signerPublicKey}`);
              return (
                <Tag color={valid ? 'green' : 'orange'} data-testid="signer-tag">
                  {t(valid ? 'review.signer.signedValid' : 'review.signer.signedUnregistered', { org: r.orgName })}
                </Tag>
              );
            },
          },
          {
            title: t('review.columns.review'),
            render: (_, r) =>
              r.review ? (
                <Tag color={r.review.outcome === 'reviewed' ? 'green' : 'red'}>
                  {t(`review.outcomes.${r.review.outcome}`)}
                </Tag>
              ) : (
                <Tag>{t('review.notReviewed')}</Tag>
              ),
          },
          { title: t('review.columns.importedAt'), render: (_, r) => when(r.importedAt) },
          {
            key: 'open',
            render: (_, r) => (
              <Button size="small" onClick={() => setOpenId(r.id)}>
                {t('review.open')}
              </Button>
            ),
          },
        ]}
      />
      <Drawer
        open={openId !== null}
        width="min(1100px, 96vw)"
        onClose={() => setOpenId(null)}
        title={(() => {
          const row = filings?.find((f) => f.id === openId);
          return row ? t('view.title', { org: row.orgName, month: monthText(t, row.month) }) : '';
        })()}
        destroyOnHidden
      >
        {openId && <FilingView id={openId} />}
      </Drawer>
    </div>
  );
}
