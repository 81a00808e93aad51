import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrgUnit } from '../../../../shared/domain/org';
import { importRosterRows, toPeople, type RowVerdict } from '../../../../shared/roster/importRows';
import { newId } from '../../../../shared/ids';
import { useApp } from '../../../app/AppContext';
import { addPeople, loadPeople } from '../../../data/repos/peopleRepo';
import { exportRosterTemplate } from '../exportRoster';
import { describeProblem } from './messages';
import { SheetImportDialog } from './SheetImportDialog';
import '../messages';
import { useWording } from '../../../i18n/wording';

/**
 * Import a roster from .xlsx/.csv: read, check every row, show the verdicts, and write the
 * good rows in one transaction only when the user confirms (the shared SheetImportDialog).
 * Memoised: closed, it need not be worded again for every keystroke in the roster's search.
 */
export const ImportDialog = memo(function ImportDialog({
  open,
  onClose,
  units,
}: {
  open: boolean;
  onClose(): void;
  units: OrgUnit[];
}) {
  const { t } = useTranslation('roster');
  const w = useWording();
  const { db, bridge } = useApp();
  return (
    <SheetImportDialog<RowVerdict>
      open={open}
      width={1000}
      onClose={onClose}
      texts={{
        title: t('importDialog.title'),
        lead: t('importDialog.lead'),
        choose: t('importDialog.choose'),
        template: t('importDialog.template'),
        chosen: (name) => t('importDialog.chosen', { name }),
        summary: (counts) => t('importDialog.summary', counts),
        notice: t('importDialog.notice'),
        confirm: (count) => t('importDialog.confirm', { count }),
        row: t('importDialog.row'),
        verdict: t('importDialog.verdict'),
        verdictLabel: (v) => t(`importDialog.verdict${v[0]!.toUpperCase()}${v.slice(1)}`),
        reason: t('importDialog.reason'),
        failed: (reason) => t('importDialog.failed', { reason }),
      }}
      check={async (rows) => {
        const result = importRosterRows(rows, { roster: await loadPeople(db), orgUnits: units });
        const problem = result.fileProblems[0];
        return { rows: result.rows, problem: problem ? describeProblem(t, problem) : null };
      }}
      columns={[
        { title: t('name'), width: 110, render: (_, r) => r.cells.name ?? r.person.name },
        { title: t('phone'), width: 140, render: (_, r) => r.cells.phone ?? '' },
        { title: t('orgUnit'), width: 130, render: (_, r) => r.cells.grid ?? r.cells.compound ?? r.cells.org ?? '' },
        { title: t('rolesHeading'), width: 150, render: (_, r) => r.cells.roles ?? '' },
      ]}
      reasons={(r) => w.clauses(r.reasons.map((p) => describeProblem(t, p, r.row)))}
      downloadTemplate={async () => {
        await exportRosterTemplate(bridge, t('fileTypes.excel', { ns: 'translation' }));
      }}
      write={async (ok) => {
        const people = toPeople(ok, new Date().toISOString(), newId);
        await addPeople(db, people, true);
        return t('importDialog.imported', { count: people.length });
      }}
    />
  );
});
