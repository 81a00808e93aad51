import { useMemo, useState } from 'react';
import { Alert, App, Button, Modal, Space, Table, Tag, Typography } from 'antd';
import { FileExcelOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { OrgUnit } from '../../../../shared/domain/org';
import { importRosterRows, toPeople, type ImportResult, type RowVerdict } from '../../../../shared/roster/importRows';
import type { Problem } from '../../../../shared/roster/problems';
import { newId } from '../../../../shared/ids';
import { useApp } from '../../../app/AppContext';
import { addPeople, loadPeople } from '../../../data/repos/peopleRepo';
import { exportRosterTemplate } from '../exportRoster';
import { describeProblem } from './messages';
import '../messages';
import { errorText } from '../../../i18n/errorText';
import { useWording } from '../../../i18n/wording';

/** FILE_LIMITS.maxFileBytes of ./spreadsheet, repeated so the spreadsheet code loads only when a file is read. */
const MAX_IMPORT_FILE_BYTES = 20 * 1024 * 1024;

interface Preview {
  fileName: string;
  fileProblem: Problem | null;
  result: ImportResult | null;
}

const VERDICT_COLORS = { ok: 'green', error: 'red', duplicate: 'orange' } as const;

/**
 * Import a roster from .xlsx/.csv: read, check every row, show the verdicts, and write the
 * good rows in one transaction only when the user confirms.
 */
export function ImportDialog({ open, onClose, units }: { open: boolean; onClose(): void; units: OrgUnit[] }) {
  const { t } = useTranslation('roster');
  const w = useWording();
  const { db, bridge } = useApp();
  const { message } = App.useApp();
  const [preview, setPreview] = useState<Preview | null>(null);
  const [busy, setBusy] = useState(false);
  const okRows = useMemo(() => preview?.result?.rows.filter((r) => r.verdict === 'ok') ?? [], [preview]);

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
    if (picked.status === 'tooLarge') {
      setPreview({
        fileName: picked.name,
        fileProblem: { code: 'fileTooLarge', maxMb: MAX_IMPORT_FILE_BYTES / 1024 / 1024 },
        result: null,
      });
      return;
    }
    setBusy(true);
    try {
      const { readRosterFile } = await import('./spreadsheet');
      const read = await readRosterFile(picked.name, picked.bytes);
      if (!read.ok) {
        setPreview({ fileName: picked.name, fileProblem: read.problem, result: null });
        return;
      }
      const roster = await loadPeople(db);
      const result = importRosterRows(read.rows, { roster, orgUnits: units });
      setPreview({ fileName: picked.name, fileProblem: result.fileProblems[0] ?? null, result });
    } finally {
      setBusy(false);
    }
  }

  async function confirm() {
    setBusy(true);
    try {
      const people = toPeople(okRows, new Date().toISOString(), newId);
      await addPeople(db, people);
      void message.success(t('importDialog.imported', { count: people.length }));
      close();
    } catch (error) {
      void message.error(t('importDialog.failed', { reason: errorText(t, error) }));
    } finally {
      setBusy(false);
    }
  }

  const rows = preview?.result?.rows ?? [];
  const counts = {
    ok: okRows.length,
    error: rows.filter((r) => r.verdict === 'error').length,
    duplicate: rows.filter((r) => r.verdict === 'duplicate').length,
  };

  return (
    <Modal
      open={open}
      title={t('importDialog.title')}
      width={1000}
      onCancel={close}
      destroyOnHidden
      footer={
        <Space>
          <Button onClick={close}>{t('common.cancel')}</Button>
          <Button
            type="primary"
            disabled={okRows.length === 0 || busy}
            loading={busy && okRows.length > 0}
            onClick={() => void confirm()}
          >
            {t('importDialog.confirm', { count: okRows.length })}
          </Button>
        </Space>
      }
    >
      <p className="yishi-lead">{t('importDialog.lead')}</p>
      <Space style={{ marginBottom: 16 }}>
        <Button icon={<FileExcelOutlined />} loading={busy && !preview} onClick={() => void choose()}>
          {t('importDialog.choose')}
        </Button>
        <Button
          type="link"
          onClick={() => void exportRosterTemplate(bridge, t('fileTypes.excel', { ns: 'translation' }))}
        >
          {t('importDialog.template')}
        </Button>
        {preview && <Typography.Text>{t('importDialog.chosen', { name: preview.fileName })}</Typography.Text>}
      </Space>
      {preview?.fileProblem && <Alert type="error" showIcon title={describeProblem(t, preview.fileProblem)} />}
      {preview?.result && !preview.fileProblem && (
        <>
          <Alert
            style={{ marginBottom: 12 }}
            type={counts.error + counts.duplicate > 0 ? 'warning' : 'success'}
            showIcon
            title={t('importDialog.summary', { total: rows.length, ...counts })}
            description={t('importDialog.notice')}
          />
          <Table<RowVerdict>
            rowKey="row"
            size="small"
            dataSource={rows}
            pagination={{ pageSize: 8, showSizeChanger: false }}
            columns={[
              { title: t('importDialog.row'), dataIndex: 'row', width: 64 },
              {
                title: t('importDialog.verdict'),
                dataIndex: 'verdict',
                width: 90,
                render: (v: RowVerdict['verdict']) => (
                  <Tag color={VERDICT_COLORS[v]}>{t(`importDialog.verdict${v[0]!.toUpperCase()}${v.slice(1)}`)}</Tag>
                ),
              },
              { title: t('name'), width: 110, render: (_, r) => r.cells.name ?? r.person.name },
              { title: t('phone'), width: 140, render: (_, r) => r.cells.phone ?? '' },
              {
                title: t('orgUnit'),
                width: 130,
                render: (_, r) => r.cells.grid ?? r.cells.compound ?? r.cells.org ?? '',
              },
              { title: t('rolesHeading'), width: 150, render: (_, r) => r.cells.roles ?? '' },
              {
                title: t('importDialog.reason'),
                render: (_, r) => w.clauses(r.reasons.map((p) => describeProblem(t, p, r.row))),
              },
            ]}
          />
        </>
      )}
    </Modal>
  );
}
