import { useMemo, useState } from 'react';
import { Alert, App, Button, Modal, Space, Table, Tag, Typography } from 'antd';
import { FileExcelOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { useApp } from '../../../app/AppContext';
import { errorText } from '../../../i18n/errorText';
import { describeProblem } from './messages';
import '../messages';

/** FILE_LIMITS.maxFileBytes of ./spreadsheet, repeated so the spreadsheet code loads only when a file is read. */
const MAX_IMPORT_FILE_BYTES = 20 * 1024 * 1024;
const VERDICT_COLORS = { ok: 'green', error: 'red', duplicate: 'orange' } as const;

export type SheetVerdict = keyof typeof VERDICT_COLORS;

/** A checked row of a sheet: its number in the file and the verdict of the rules. */
export interface SheetRow {
  row: number;
  verdict: SheetVerdict;
}

/** The rows checked, or why the whole sheet cannot be used (already in the user's words). */
export interface SheetCheck<R extends SheetRow> {
  rows: R[];
  problem: string | null;
}

/** The words of one import (each feature's own namespace). */
export interface SheetImportTexts {
  title: string;
  lead: string;
  choose: string;
  template: string;
  chosen(name: string): string;
  summary(counts: Record<SheetVerdict, number> & { total: number }): string;
  notice: string;
  confirm(count: number): string;
  row: string;
  verdict: string;
  verdictLabel(v: SheetVerdict): string;
  reason: string;
  failed(reason: string): string;
}

interface Preview<R extends SheetRow> {
  fileName: string;
  problem: string | null;
  rows: R[];
}

/**
 * Import from a sheet (.xlsx/.csv), one mechanism for the roster and the matters register:
 * read, check every row with the feature's rules, show the verdicts, and write the good rows
 * only when the user confirms (`write`, one transaction in the feature's store). Nothing is
 * written before that, nor when the file or the write fails.
 */
export function SheetImportDialog<R extends SheetRow>({
  open = true,
  width,
  texts,
  check,
  columns,
  reasons,
  downloadTemplate,
  write,
  onClose,
}: {
  open?: boolean;
  width: number;
  texts: SheetImportTexts;
  check(rows: string[][]): Promise<SheetCheck<R>>;
  /** The columns of the row's own data, between the verdict and the reasons. */
  columns: ColumnsType<R>;
  reasons(row: R): string;
  downloadTemplate(): Promise<void>;
  /** Writes the good rows; returns the message to show when done. */
  write(ok: R[]): Promise<string>;
  onClose(): void;
}) {
  const { t } = useTranslation('roster');
  const { bridge } = useApp();
  const { message } = App.useApp();
  const [preview, setPreview] = useState<Preview<R> | null>(null);
  const [busy, setBusy] = useState(false);
  const rows = useMemo(() => preview?.rows ?? [], [preview]);
  const okRows = useMemo(() => rows.filter((r) => r.verdict === 'ok'), [rows]);

  function close() {
    setPreview(null);
    onClose();
  }

  async function choose() {
    const picked = await bridge.openFile({
      filters: [{ name: 'Excel / CSV', extensions: ['xlsx', 'xls', 'csv', 'txt'] }],
      maxBytes: MAX_IMPORT_FILE_BYTES,
    });
    if (picked.status === 'cancelled') return;
    const refuse = (problem: string) => setPreview({ fileName: picked.name, problem, rows: [] });
    if (picked.status === 'tooLarge')
      return refuse(describeProblem(t, { code: 'fileTooLarge', maxMb: MAX_IMPORT_FILE_BYTES / 1024 / 1024 }));
    setBusy(true);
    try {
      const { readRosterFile } = await import('./spreadsheet');
      const read = await readRosterFile(picked.name, picked.bytes);
      if (!read.ok) return refuse(describeProblem(t, read.problem));
      const checked = await check(read.rows);
      setPreview({ fileName: picked.name, ...checked });
    } finally {
      setBusy(false);
    }
  }

  async function confirm() {
    setBusy(true);
    try {
      void message.success(await write(okRows));
      close();
    } catch (error) {
      void message.error(texts.failed(errorText(t, error)));
    } finally {
      setBusy(false);
    }
  }

  const counts = {
    ok: okRows.length,
    error: rows.filter((r) => r.verdict === 'error').length,
    duplicate: rows.filter((r) => r.verdict === 'duplicate').length,
  };

  return (
    <Modal
      open={open}
      title={texts.title}
      width={width}
      onCancel={close}
      destroyOnHidden
      footer={
        <Space>
          <Button onClick={close}>{t('common.cancel', { ns: 'translation' })}</Button>
          <Button
            type="primary"
            disabled={okRows.length === 0 || busy}
            loading={busy && okRows.length > 0}
            onClick={() => void confirm()}
          >
            {texts.confirm(okRows.length)}
          </Button>
        </Space>
      }
    >
      <p className="yishi-lead">{texts.lead}</p>
      <Space style={{ marginBottom: 16 }} wrap>
        <Button icon={<FileExcelOutlined />} loading={busy && !preview} onClick={() => void choose()}>
          {texts.choose}
        </Button>
        <Button type="link" onClick={() => void downloadTemplate()}>
          {texts.template}
        </Button>
        {preview && <Typography.Text>{texts.chosen(preview.fileName)}</Typography.Text>}
      </Space>
      {preview?.problem && <Alert type="error" showIcon title={preview.problem} />}
      {preview && !preview.problem && (
        <>
          <Alert
            style={{ marginBottom: 12 }}
            type={counts.error + counts.duplicate > 0 ? 'warning' : 'success'}
            showIcon
            title={texts.summary({ total: rows.length, ...counts })}
            description={texts.notice}
          />
          <Table<R>
            rowKey="row"
            size="small"
            dataSource={rows}
            pagination={{ pageSize: 8, showSizeChanger: false }}
            columns={[
              { title: texts.row, dataIndex: 'row', width: 64 },
              {
                title: texts.verdict,
                dataIndex: 'verdict',
                width: 90,
                render: (v: SheetVerdict) => <Tag color={VERDICT_COLORS[v]}>{texts.verdictLabel(v)}</Tag>,
              },
              ...columns,
              // The row number has its own column, so the reasons do not repeat it.
              { title: texts.reason, render: (_, r) => reasons(r) },
            ]}
          />
        </>
      )}
    </Modal>
  );
}
