/**
 * The matters import from the bytes of a file to the verdicts, with real workbooks: what exceljs
 * makes of formulas, merged cells, serial dates and huge numbers, and hostile files.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { sampleOrgUnits } from '../../../tests/fixtures/rosterOrg';
import { DEFAULT_MATTER_CATEGORIES, DEFAULT_MATTER_CHANNELS } from '../../../shared/domain/matter';
import { importMatterRows, type MatterImportContext } from '../../../shared/matters/importMatters';
import { TEMPLATE_HEADERS } from '../../../shared/matters/importHeaders';
import { readRosterFile } from '../roster/import/spreadsheet';

const context: MatterImportContext = {
  orgUnits: sampleOrgUnits(),
  categories: DEFAULT_MATTER_CATEGORIES,
  channels: DEFAULT_MATTER_CHANNELS,
  roster: [],
  storedKeys: new Set(),
  today: '2026-12-03',
};
const HEADER = TEMPLATE_HEADERS.map(([, h]) => h);

async function xlsx(fill: (sheet: ExcelJS.Worksheet) => void): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  fill(workbook.addWorksheet('登记'));
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

async function verdicts(bytes: Uint8Array, name = 'register.xlsx') {
  const read = await readRosterFile(name, bytes);
  if (!read.ok) return { problem: read.problem.code };
  return importMatterRows(read.rows, context);
}

describe('importing a register file', () => {
  it('reads date cells, serials, formulas and a compound merged over several rows', async () => {
    const bytes = await xlsx((sheet) => {
      sheet.addRow(HEADER);
      sheet.addRow([new Date(Date.UTC(2026, 2, 5)), '李明', '', '帝纱富仕城', '', '停车', '车位不够']);
      sheet.addRow([46087, '王芳', '', null, '', '绿化', { formula: 'CONCAT("树枝","挡窗")', result: '树枝挡窗' }]);
      sheet.addRow(['2026/3/7', '赵强', 1e21, null, '', '设施', '路灯不亮']);
      sheet.mergeCells('D2:D4');
    });
    const result = await verdicts(bytes);
    if (!('rows' in result)) throw new Error(String(result.problem));
    expect(result.rows.map((r) => [r.verdict, r.matter?.raisedAt, r.matter?.orgUnitId, r.matter?.title])).toEqual([
      ['ok', '2026-03-05', 'p1', '车位不够'],
      ['ok', '2026-03-06', 'p1', '树枝挡窗'],
      ['error', undefined, undefined, undefined],
    ]);
    expect(result.rows[2]?.reasons).toEqual([{ code: 'phoneInvalid', value: '1000000000000000000000' }]);
  });

  it('refuses a sheet of 50,000 rows as a whole', async () => {
    const bytes = await xlsx((sheet) => {
      sheet.addRow(HEADER);
      for (let i = 0; i < 50_000; i++) sheet.addRow(['2026/3/5', `居民${i}`, '', '帝纱富仕城', '', '停车', `事项${i}`]);
    });
    const result = await verdicts(bytes);
    expect(result).toMatchObject({ tableProblem: { code: 'tooManyRows', count: 50_000 }, rows: [] });
  }, 120_000);

  it('refuses a zip bomb, text named .xlsx and noncharacters, never throwing', async () => {
    const bomb = await new JSZip()
      .file('xl/worksheets/sheet1.xml', new Uint8Array(60 * 1024 * 1024))
      .generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 9 } });
    expect(await verdicts(bomb)).toEqual({ problem: 'zipTooLarge' });
    expect(await verdicts(new TextEncoder().encode('事项标题,提出日期\n'), 'fake.xlsx')).toEqual({
      problem: 'notXlsx',
    });
    const odd = await xlsx((sheet) => {
      sheet.addRow(HEADER);
      sheet.addRow(['2026/3/5', '李明', '', '帝纱富仕城', '', '停车', '车位\uFFFF不够']);
    });
    const result = await verdicts(odd);
    // U+FFFF cannot be written into XML, so the workbook itself does not open: the file's message says so.
    expect(result).toEqual({ problem: 'xlsxUnreadable' });
  });
});
