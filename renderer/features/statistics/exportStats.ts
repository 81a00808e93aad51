import type { TFunction } from 'i18next';
import type { SaveFileResult, YishiBridge } from '../../../shared/bridge';
import { localDay } from '../../../shared/dates';
import { safeFileName } from '../../../shared/fileName';
import type { FigureTable } from './tables';

type ExcelModule = typeof import('exceljs');

/** exceljs is large: loaded on first export; bundlers expose its CommonJS API as `default`. */
async function loadExcel(): Promise<ExcelModule> {
  const mod = (await import('exceljs')) as ExcelModule & { default?: ExcelModule };
  return mod.default ?? mod;
}

export interface ExportContext {
  scopeLabel: string;
  periodLabel: string;
}

/**
 * One sheet per figure (the screen's table as it is: counts as numbers, rates as percentages,
 * "—" where there is nothing to rate) and a sheet of notes: scope, period and the definitions.
 */
export async function statsWorkbook(
  tables: readonly FigureTable[],
  context: ExportContext,
  t: TFunction,
): Promise<Uint8Array<ArrayBuffer>> {
  const ExcelJS = await loadExcel();
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '议事厅';
  for (const table of tables) {
    // Sheet names: 31 characters at most, no []:*?/\ (the titles are ours and have none).
    const sheet = workbook.addWorksheet(table.title.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.addRow([table.rowHeader, ...table.columns.map((c) => c.label)]);
    for (const row of table.rows) {
      sheet.addRow([
        row.label,
        ...row.cells.map((cell) =>
          cell.kind === 'count' ? cell.value : cell.rate.percent === null ? '—' : cell.rate.percent / 100,
        ),
      ]);
      if (row.total) sheet.lastRow!.font = { bold: true };
    }
    table.columns.forEach((c, i) => {
      const column = sheet.getColumn(i + 2);
      column.width = Math.max(10, c.label.length * 2 + 2);
      if (table.rows.some((r) => r.cells[i]?.kind === 'rate')) column.numFmt = '0.0%';
    });
    sheet.getColumn(1).width = 22;
    sheet.getRow(1).font = { bold: true };
  }
  const notes = workbook.addWorksheet(t('statistics:sheetNotes'));
  notes.addRow([t('statistics:notes.scope'), context.scopeLabel]);
  notes.addRow([t('statistics:notes.period'), context.periodLabel]);
  notes.addRow([t('statistics:notes.madeAt'), localDay(new Date())]);
  notes.addRow([t('statistics:notes.definitions')]);
  for (const key of ['meetings', 'attendance', 'decisions', 'matters', 'disputes', 'ratings'])
    notes.addRow(['', t(`statistics:notes.${key}`)]);
  notes.getColumn(1).width = 14;
  notes.getColumn(2).width = 100;
  const buffer: ArrayBuffer | Uint8Array = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer);
}

function fileName(context: ExportContext, what: string, extension: string): string {
  return safeFileName(`${what}-${context.scopeLabel}-${context.periodLabel}`, extension);
}

export async function exportExcel(
  bridge: YishiBridge,
  tables: readonly FigureTable[],
  context: ExportContext,
  t: TFunction,
): Promise<SaveFileResult> {
  return bridge.saveFile({
    suggestedName: fileName(context, t('statistics:title'), 'xlsx'),
    bytes: await statsWorkbook(tables, context, t),
    filters: [{ name: 'Excel 工作簿', extensions: ['xlsx'] }],
  });
}

export async function exportPng(
  bridge: YishiBridge,
  png: Uint8Array,
  title: string,
  context: ExportContext,
): Promise<SaveFileResult> {
  return bridge.saveFile({
    suggestedName: fileName(context, title, 'png'),
    bytes: png,
    filters: [{ name: 'PNG 图片', extensions: ['png'] }],
  });
}
