import type { SaveFileResult, YishiBridge } from '../../../shared/bridge';
import { dateParts, localDay, type CalendarDate } from '../../../shared/dates';
import { EXPORT_HEADERS, exportLines, type BoardRow } from '../../../shared/followup/board';

type ExcelModule = typeof import('exceljs');

/** exceljs is large: loaded on first export; bundlers expose its CommonJS API as `default`. */
async function loadExcel(): Promise<ExcelModule> {
  const mod = (await import('exceljs')) as ExcelModule & { default?: ExcelModule };
  return mod.default ?? mod;
}

/** exceljs writes a Date as its UTC day: midnight UTC of the calendar date is that date in Excel. */
function excelDate(date: CalendarDate): Date {
  const { year, month, day } = dateParts(date);
  return new Date(Date.UTC(year, month - 1, day));
}

/** The board as a workbook: Chinese headers, the deadline and the latest step's day as real dates. */
export async function boardWorkbook(rows: readonly BoardRow[]): Promise<Uint8Array<ArrayBuffer>> {
  const ExcelJS = await loadExcel();
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '议事厅';
  const sheet = workbook.addWorksheet('督办', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow([...EXPORT_HEADERS]);
  for (const line of exportLines(rows)) {
    const [what, responsible, standard, deadline, supervisor, state, timing, meeting, unit, latest, latestDay] = line;
    sheet.addRow([
      what,
      responsible,
      standard,
      excelDate(deadline),
      supervisor,
      state,
      timing,
      meeting,
      unit,
      latest,
      latestDay ? excelDate(latestDay) : null,
    ]);
  }
  const widths = [30, 14, 40, 14, 14, 10, 10, 34, 14, 40, 14];
  widths.forEach((w, i) => (sheet.getColumn(i + 1).width = w));
  for (const c of [4, 11]) sheet.getColumn(c).numFmt = 'yyyy"年"m"月"d"日"';
  sheet.getRow(1).font = { bold: true };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: EXPORT_HEADERS.length } };
  const buffer: ArrayBuffer | Uint8Array = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer);
}

export async function exportBoard(bridge: YishiBridge, rows: readonly BoardRow[]): Promise<SaveFileResult> {
  return bridge.saveFile({
    suggestedName: `督办台账-${localDay(new Date())}.xlsx`,
    bytes: await boardWorkbook(rows),
    filters: [{ name: 'Excel 工作簿', extensions: ['xlsx'] }],
  });
}
