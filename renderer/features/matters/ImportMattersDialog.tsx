import { useMemo, useState } from 'react';
import { Alert, App, Button, Modal, Space, Table, Tag, Typography } from 'antd';
import { FileExcelOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import {
  datesNamed,
  importMatterRows,
  type MatterImportResult,
  type MatterRowVerdict,
} from '../../../shared/matters/importMatters';
import type { MatterImportProblem } from '../../../shared/matters/importProblems';
import { TEMPLATE_HEADERS } from '../../../shared/matters/importHeaders';
import type { FileReadProblem } from '../../../shared/roster/problems';
import { today } from '../../../shared/dates';
import { useApp } from '../../app/AppContext';
import { useOrgUnits } from '../../data/useTables';
import { loadPeople } from '../../data/repos/peopleRepo';
import { importMatters, loadStoredMatterKeys } from '../../data/repos/matterImportRepo';
import { describeFileProblem, loadSpreadsheet } from '../roster';
import { matterLists } from './labels';
import './mattersxMessages';
import { errorText } from '../../i18n/errorText';
import { useWording } from '../../i18n/wording';

/** The roster reader's limit, repeated so the spreadsheet code loads only when a file is read. */
const MAX_IMPORT_FILE_BYTES = 20 * 1024 * 1024;
const VERDICT_COLORS = { ok: 'green', error: 'red', duplicate: 'orange' } as const;
const interpolation = { escapeValue: false };

interface Preview {
  fileName: string;
  fileProblem: FileReadProblem | null;
  result: MatterImportResult | null;
}

/**
 * 从表格导入: read a register, check every row, show the verdicts, and write the good rows in one
 * transaction only when the user confirms. Nothing is written before that, nor when anything fails.
 */
export function ImportMattersDialog({ onClose }: { onClose(): void }) {
  const { t } = useTranslation('mattersx');
  const { t: tRoster } = useTranslation('roster');
  const w = useWording();
  const { db, bridge, settings } = useApp();
  const units = useOrgUnits(db);
  const { message } = App.useApp();
  const [preview, setPreview] = useState<Preview | null>(null);
  const [busy, setBusy] = useState(false);
  const rows = useMemo(() => preview?.result?.rows ?? [], [preview]);
  const okRows = useMemo(() => rows.filter((r) => r.verdict === 'ok'), [rows]);

  const describe = (p: MatterImportProblem) => {
    const { code, ...params } = p;
    return t(`problems.${code}`, { ...params, interpolation });
  };

  async function choose() {
    const picked = await bridge.openFile({
      filters: [{ name: 'Excel / CSV', extensions: ['xlsx', 'xls', 'csv', 'txt'] }],
      maxBytes: MAX_IMPORT_FILE_BYTES,
    });
    if (picked.status === 'cancelled') return;
    if (picked.status === 'tooLarge') {
      setPreview({ fileName: picked.name, fileProblem: { code: 'fileTooLarge', maxMb: 20 }, result: null });
      return;
    }
    setBusy(true);
    try {
      const { readRosterFile } = await loadSpreadsheet();
      const read = await readRosterFile(picked.name, picked.bytes);
      if (!read.ok) {
        setPreview({ fileName: picked.name, fileProblem: read.problem, result: null });
        return;
      }
      const { channels, categories } = matterLists(settings);
      const result = importMatterRows(read.rows, {
        orgUnits: units,
        channels,
        categories,
        roster: await loadPeople(db),
        storedKeys: await loadStoredMatterKeys(db, datesNamed(read.rows)),
        today: today(),
      });
      setPreview({ fileName: picked.name, fileProblem: null, result });
    } finally {
      setBusy(false);
    }
  }

  async function confirm() {
    setBusy(true);
    try {
      const count = await importMatters(
        db,
        okRows.flatMap((r) => (r.matter ? [r.matter] : [])),
        settings.matterClerk ?? '',
      );
      void message.success(t('import.imported', { count }));
      onClose();
    } catch (error) {
      void message.error(t('import.failed', { reason: errorText(t, error) }));
    } finally {
      setBusy(false);
    }
  }

  async function downloadTemplate() {
    const { writeRosterXlsx } = await loadSpreadsheet();
    const example = [
      '2026-03-05',
      '王秀兰',
      '13905460000',
      '胜兴花园/第一网格',
      '5号楼前',
      '设施',
      '5号楼前健身器材损坏',
    ];
    const bytes = await writeRosterXlsx(
      [TEMPLATE_HEADERS.map(([, h]) => h), [...example, t('import.example'), '居民说事厅', '一般', '待办件']],
      '说事登记',
    );
    await bridge.saveFile({
      suggestedName: t('import.templateName'),
      bytes,
      filters: [{ name: t('fileTypes.excel', { ns: 'translation' }), extensions: ['xlsx'] }],
    });
  }

  const counts = {
    ok: okRows.length,
    error: rows.filter((r) => r.verdict === 'error').length,
    duplicate: rows.filter((r) => r.verdict === 'duplicate').length,
  };
  const tableProblem = preview?.result?.tableProblem;

  return (
    <Modal
      open
      title={t('import.title')}
      width={1080}
      onCancel={onClose}
      destroyOnHidden
      footer={
        <Space>
          <Button onClick={onClose}>{t('common.cancel', { ns: 'translation' })}</Button>
          <Button
            type="primary"
            disabled={okRows.length === 0 || busy}
            loading={busy && okRows.length > 0}
            onClick={() => void confirm()}
          >
            {t('import.confirm', { count: okRows.length })}
          </Button>
        </Space>
      }
    >
      <p className="yishi-lead">{t('import.lead')}</p>
      <Space style={{ marginBottom: 16 }} wrap>
        <Button icon={<FileExcelOutlined />} loading={busy && !preview} onClick={() => void choose()}>
          {t('import.choose')}
        </Button>
        <Button type="link" onClick={() => void downloadTemplate()}>
          {t('import.template')}
        </Button>
        {preview && <Typography.Text>{t('import.chosen', { name: preview.fileName })}</Typography.Text>}
      </Space>
      {preview?.fileProblem && (
        <Alert type="error" showIcon title={describeFileProblem(tRoster, preview.fileProblem)} />
      )}
      {tableProblem && <Alert type="error" showIcon title={describe(tableProblem)} />}
      {preview?.result && !tableProblem && (
        <>
          <Alert
            style={{ marginBottom: 12 }}
            type={counts.error + counts.duplicate > 0 ? 'warning' : 'success'}
            showIcon
            title={t('import.summary', { total: rows.length, ...counts })}
            description={t('import.notice')}
          />
          <Table<MatterRowVerdict>
            rowKey="row"
            size="small"
            dataSource={rows}
            pagination={{ pageSize: 8, showSizeChanger: false }}
            columns={[
              { title: t('import.row'), dataIndex: 'row', width: 64 },
              {
                title: t('import.verdict'),
                dataIndex: 'verdict',
                width: 90,
                render: (v: MatterRowVerdict['verdict']) => (
                  <Tag color={VERDICT_COLORS[v]}>{t(`import.verdict${v[0]!.toUpperCase()}${v.slice(1)}`)}</Tag>
                ),
              },
              { title: t('columns.raisedAt', { ns: 'matters' }), width: 96, render: (_, r) => r.cells.raisedAt ?? '' },
              { title: t('columns.raisedBy', { ns: 'matters' }), width: 76, render: (_, r) => r.cells.raiser ?? '' },
              {
                title: t('columns.title', { ns: 'matters' }),
                width: 170,
                render: (_, r) => r.cells.title ?? '',
              },
              {
                title: t('columns.unit', { ns: 'matters' }),
                width: 110,
                render: (_, r) =>
                  [r.cells.community, r.cells.org, r.cells.compound, r.cells.grid].filter(Boolean).join('/'),
              },
              { title: t('columns.category', { ns: 'matters' }), width: 70, render: (_, r) => r.cells.category ?? '' },
              {
                title: t('import.reason'),
                // The row number has its own column, so the reasons do not repeat it.
                render: (_, r) => w.clauses(r.reasons.map((p) => describe(p))),
              },
            ]}
          />
        </>
      )}
    </Modal>
  );
}
