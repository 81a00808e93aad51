import { useTranslation } from 'react-i18next';
import { datesNamed, importMatterRows, type MatterRowVerdict } from '../../../shared/matters/importMatters';
import type { MatterImportProblem } from '../../../shared/matters/importProblems';
import { TEMPLATE_HEADERS } from '../../../shared/matters/importHeaders';
import { today } from '../../../shared/dates';
import { useApp } from '../../app/AppContext';
import { useOrgUnits } from '../../data/useTables';
import { loadPeople } from '../../data/repos/peopleRepo';
import { importMatters, loadStoredMatterKeys } from '../../data/repos/matterImportRepo';
import { loadSpreadsheet, SheetImportDialog, type SheetCheck } from '../roster';
import { matterLists } from './labels';
import './messages';
import './mattersxMessages';
import { useWording } from '../../i18n/wording';

const interpolation = { escapeValue: false };

/**
 * 从表格导入: read a register, check every row, show the verdicts, and write the good rows in one
 * transaction only when the user confirms — the roster's SheetImportDialog with the register's
 * rules, columns and words. Nothing is written before that, nor when anything fails.
 */
export function ImportMattersDialog({ onClose }: { onClose(): void }) {
  const { t } = useTranslation('mattersx');
  const w = useWording();
  const { db, bridge, settings } = useApp();
  const units = useOrgUnits(db);

  const describe = (p: MatterImportProblem) => {
    const { code, ...params } = p;
    return t(`problems.${code}`, { ...params, interpolation });
  };

  async function check(rows: string[][]): Promise<SheetCheck<MatterRowVerdict>> {
    const { channels, categories } = matterLists(settings);
    const result = importMatterRows(rows, {
      orgUnits: units,
      channels,
      categories,
      roster: await loadPeople(db),
      storedKeys: await loadStoredMatterKeys(db, datesNamed(rows)),
      today: today(),
    });
    return { rows: result.rows, problem: result.tableProblem ? describe(result.tableProblem) : null };
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

  return (
    <SheetImportDialog<MatterRowVerdict>
      width={1080}
      onClose={onClose}
      texts={{
        title: t('import.title'),
        lead: t('import.lead'),
        choose: t('import.choose'),
        template: t('import.template'),
        chosen: (name) => t('import.chosen', { name }),
        summary: (counts) => t('import.summary', counts),
        notice: t('import.notice'),
        confirm: (count) => t('import.confirm', { count }),
        row: t('import.row'),
        verdict: t('import.verdict'),
        verdictLabel: (v) => t(`import.verdict${v[0]!.toUpperCase()}${v.slice(1)}`),
        reason: t('import.reason'),
        failed: (reason) => t('import.failed', { reason }),
      }}
      check={check}
      columns={[
        { title: t('columns.raisedAt', { ns: 'matters' }), width: 96, render: (_, r) => r.cells.raisedAt ?? '' },
        { title: t('columns.raisedBy', { ns: 'matters' }), width: 76, render: (_, r) => r.cells.raiser ?? '' },
        { title: t('columns.title', { ns: 'matters' }), width: 170, render: (_, r) => r.cells.title ?? '' },
        {
          title: t('columns.unit', { ns: 'matters' }),
          width: 110,
          render: (_, r) => [r.cells.community, r.cells.org, r.cells.compound, r.cells.grid].filter(Boolean).join('/'),
        },
        { title: t('columns.category', { ns: 'matters' }), width: 70, render: (_, r) => r.cells.category ?? '' },
      ]}
      reasons={(r) => w.clauses(r.reasons.map((p) => describe(p)))}
      downloadTemplate={downloadTemplate}
      write={async (ok) => {
        const count = await importMatters(
          db,
          ok.flatMap((r) => (r.matter ? [r.matter] : [])),
          settings.matterClerk ?? '',
        );
        return t('import.imported', { count });
      }}
    />
  );
}
