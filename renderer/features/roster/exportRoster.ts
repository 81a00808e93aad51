import type { SaveFileResult, YishiBridge } from '../../../shared/bridge';
import type { OrgUnit } from '../../../shared/domain/org';
import type { Person } from '../../../shared/domain/person';
import { exportRosterRows } from '../../../shared/roster/exportRows';
import { localDay } from '../../../shared/dates';

/** Saves the given people as a spreadsheet the importer reads back. The xlsx code loads only now. */
export async function exportRoster(
  bridge: YishiBridge,
  people: readonly Person[],
  units: readonly OrgUnit[],
  format: 'xlsx' | 'csv',
  /** What the save dialog calls an Excel workbook, in the user's language. */
  excelName: string,
): Promise<SaveFileResult> {
  const rows = exportRosterRows(people, units);
  const { writeRosterXlsx, writeRosterCsv } = await import('./import/spreadsheet');
  const bytes = format === 'xlsx' ? await writeRosterXlsx(rows) : writeRosterCsv(rows);
  return bridge.saveFile({
    suggestedName: `人员名册-${localDay(new Date())}.${format}`,
    bytes,
    filters: [format === 'xlsx' ? { name: excelName, extensions: ['xlsx'] } : { name: 'CSV', extensions: ['csv'] }],
  });
}

/** An import template: the headers the importer reads and one example row to overwrite. */
export async function exportRosterTemplate(bridge: YishiBridge, excelName: string): Promise<SaveFileResult> {
  const example = {
    name: '张三',
    gender: 'male' as const,
    phone: '13905460000',
    unit: '3号楼',
    roles: ['resident' as const],
    isGridWorker: false,
    isMediator: false,
    isPartyMember: true,
    note: '示例行，请改成实际人员',
  };
  const { writeRosterXlsx } = await import('./import/spreadsheet');
  return bridge.saveFile({
    suggestedName: '人员名册导入模板.xlsx',
    bytes: await writeRosterXlsx(exportRosterRows([example], [])),
    filters: [{ name: excelName, extensions: ['xlsx'] }],
  });
}
