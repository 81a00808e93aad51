import type { Workbook, Worksheet } from 'exceljs';
import { encodeCsv, parseCsv } from '../../../../shared/roster/csv';
import { decodeText, looksBinary } from '../../../../shared/roster/decode';
import type { FileReadProblem } from '../../../../shared/roster/problems';
import { cellText } from './cellText';
import { checkZip, ZIP_LIMITS } from './zipGuard';

const MB = 1024 * 1024;

export const FILE_LIMITS = { maxFileBytes: 20 * MB } as const;

export type ReadRosterResult = { ok: true; rows: string[][] } | { ok: false; problem: FileReadProblem };

type ExcelModule = typeof import('exceljs');

/** exceljs is large, so it is loaded on first use; bundlers expose its CommonJS API as `default`. */
async function loadExcel(): Promise<ExcelModule> {
  const mod = (await import('exceljs')) as ExcelModule & { default?: ExcelModule };
  return mod.default ?? mod;
}

const ZIP_MAGIC = [0x50, 0x4b];
/** The OLE container of .xls files, and also of password-protected .xlsx files. */
const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const TEXT_EXTENSIONS = new Set(['csv', 'txt', 'tsv']);
const XLSX_EXTENSIONS = new Set(['xlsx', 'xlsm']);

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);
}

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot + 1).toLowerCase();
}

function fail(problem: FileReadProblem): ReadRosterResult {
  return { ok: false, problem };
}

/**
 * Reads a roster file picked by the user into rows of text, by content as much as by name:
 * an .xlsx renamed to .xls still opens, a real .xls gets advice to save it as .xlsx.
 */
export async function readRosterFile(name: string, bytes: Uint8Array): Promise<ReadRosterResult> {
  const ext = extensionOf(name);
  if (!TEXT_EXTENSIONS.has(ext) && !XLSX_EXTENSIONS.has(ext) && ext !== 'xls') {
    return fail({ code: 'unsupportedFileType', ext: ext === '' ? name : `.${ext}` });
  }
  if (bytes.length > FILE_LIMITS.maxFileBytes)
    return fail({ code: 'fileTooLarge', maxMb: FILE_LIMITS.maxFileBytes / MB });
  if (startsWith(bytes, CFB_MAGIC)) return fail({ code: XLSX_EXTENSIONS.has(ext) ? 'protectedOrLegacy' : 'legacyXls' });
  if (startsWith(bytes, ZIP_MAGIC)) return readXlsx(bytes);
  if (XLSX_EXTENSIONS.has(ext)) return fail({ code: 'notXlsx' });
  // Web systems often export HTML or text named .xls; Excel opens those and can save them as .xlsx.
  if (ext === 'xls') return fail({ code: 'legacyXls' });
  const { text } = decodeText(bytes);
  if (looksBinary(text)) return fail({ code: 'notText' });
  return { ok: true, rows: parseCsv(text) };
}

async function readXlsx(bytes: Uint8Array): Promise<ReadRosterResult> {
  const guard = await checkZip(bytes);
  if (!guard.ok) {
    return fail(
      guard.reason === 'notZip' ? { code: 'notXlsx' } : { code: 'zipTooLarge', maxMb: ZIP_LIMITS.maxTotalBytes / MB },
    );
  }
  const ExcelJS = await loadExcel();
  const workbook: Workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as Parameters<Workbook['xlsx']['load']>[0]);
  } catch {
    return fail({ code: 'xlsxUnreadable' });
  }
  // Hidden sheets hold lookup lists in many templates; the roster is the first visible one.
  const sheet = workbook.worksheets.find((ws) => ws.state !== 'hidden' && ws.state !== 'veryHidden');
  if (!sheet) return fail({ code: 'noWorksheet' });
  return { ok: true, rows: sheetRows(sheet) };
}

/** Rows and columns keep their sheet positions, so row numbers in messages match Excel's. */
function sheetRows(sheet: Worksheet): string[][] {
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    // A merged cell reports its master's value in every covered cell: a 小区 merged over
    // several people's rows then applies to each of them, as it reads on paper.
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      cells[colNumber - 1] = cellText(cell.value);
    });
    rows[rowNumber - 1] = Array.from(cells, (c) => c ?? '');
  });
  return Array.from(rows, (r) => r ?? []);
}

/** Display width in Excel's units: CJK characters take two. */
function textWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += (ch.codePointAt(0) ?? 0) >= 0x2e80 ? 2 : 1;
  return width;
}

/**
 * A roster workbook a secretary can edit and import back. Every column is formatted as text so
 * that phone numbers typed later are not turned into numbers (and lose a landline's leading 0).
 */
export async function writeRosterXlsx(
  rows: readonly (readonly string[])[],
  sheetName = '名册',
): Promise<Uint8Array<ArrayBuffer>> {
  const ExcelJS = await loadExcel();
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '议事厅';
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  for (const row of rows) sheet.addRow([...row]);
  const columnCount = Math.max(0, ...rows.map((r) => r.length));
  for (let c = 1; c <= columnCount; c++) {
    const column = sheet.getColumn(c);
    const widest = Math.max(...rows.map((r) => textWidth(r[c - 1] ?? '')));
    column.width = Math.min(Math.max(widest + 2, 8), 50);
    column.numFmt = '@';
  }
  sheet.getRow(1).font = { bold: true };
  if (rows.length > 0 && columnCount > 0)
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columnCount } };
  // Node gives a Buffer, the browser build an ArrayBuffer; copying into a plain Uint8Array suits both.
  const buffer: ArrayBuffer | Uint8Array = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer);
}

/** CSV for Excel: UTF-8 with BOM, CRLF, formula-like cells neutralised. */
export function writeRosterCsv(rows: readonly (readonly string[])[]): Uint8Array<ArrayBuffer> {
  return encodeCsv(rows);
}
