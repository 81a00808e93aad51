import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { importRosterRows } from '../../../../shared/roster/importRows';
import { SAMPLE_ROSTER, makeRosterXlsx, sampleRosterRows } from '../../../../tests/fixtures/rosterFiles';
import { sampleOrgUnits } from '../../../../tests/fixtures/rosterOrg';
import { readRosterFile, writeRosterCsv, writeRosterXlsx } from './spreadsheet';
import { checkZip } from './zipGuard';

const MB = 1024 * 1024;

async function readOk(name: string, bytes: Uint8Array): Promise<string[][]> {
  const result = await readRosterFile(name, bytes);
  if (!result.ok) throw new Error(`expected rows, got ${result.problem.code}`);
  return result.rows;
}

async function problemOf(name: string, bytes: Uint8Array): Promise<string> {
  const result = await readRosterFile(name, bytes);
  if (result.ok) throw new Error('expected a problem');
  return result.problem.code;
}

describe('readRosterFile: xlsx', () => {
  it('reads cells as the text Excel shows', async () => {
    const bytes = await makeRosterXlsx([
      ['姓名', '电话', '数', '日期', '公式', '链接', '布尔', '错误'],
      [
        { richText: [{ text: '张' }, { font: { bold: true }, text: '丽华' }] },
        13905468899,
        0.1 + 0.2,
        new Date(Date.UTC(2026, 10, 10)),
        { formula: '1+1', result: 2 },
        { text: '胜兴社区', hyperlink: 'http://example.org' },
        true,
        { error: '#N/A' },
      ],
      ['王建国', 5468123456789012, 1e21, null, { formula: '1/0', result: { error: '#DIV/0!' } }, null, false, null],
    ]);
    expect(await readOk('名册.xlsx', bytes)).toEqual([
      ['姓名', '电话', '数', '日期', '公式', '链接', '布尔', '错误'],
      ['张丽华', '13905468899', '0.3', '2026-11-10', '2', '胜兴社区', 'TRUE', '#N/A'],
      ['王建国', '5468123456789010', '1000000000000000000000', '', '#DIV/0!', '', 'FALSE'],
    ]);
  });

  it('keeps row and column positions, spreads merged cells, skips hidden sheets', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('选项', { state: 'hidden' }).addRow(['居民代表']);
    const sheet = workbook.addWorksheet('名册');
    sheet.getCell('A1').value = '胜兴社区议事成员名单';
    sheet.mergeCells('A1:C1');
    sheet.getRow(3).values = ['姓名', '所属小区', '电话'];
    sheet.getCell('A4').value = '王建国';
    sheet.getCell('A5').value = '李秀英';
    sheet.getCell('B4').value = '帝纱富仕城';
    sheet.mergeCells('B4:B5');
    sheet.getCell('C5').value = '13800138000';
    const rows = await readOk('a.xlsx', new Uint8Array(await workbook.xlsx.writeBuffer()));
    expect(rows).toEqual([
      ['胜兴社区议事成员名单', '胜兴社区议事成员名单', '胜兴社区议事成员名单'],
      [],
      ['姓名', '所属小区', '电话'],
      ['王建国', '帝纱富仕城'],
      ['李秀英', '帝纱富仕城', '13800138000'],
    ]);
  });

  it('imports the sample roster: four good rows and the bad phone on row 6', async () => {
    const rows = await readOk('roster.xlsx', await makeRosterXlsx(sampleRosterRows(['帝纱富仕城'])));
    const result = importRosterRows(rows, { roster: [], orgUnits: sampleOrgUnits() });
    expect(result.rows.filter((r) => r.verdict === 'ok')).toHaveLength(SAMPLE_ROSTER.good);
    expect(result.rows.filter((r) => r.verdict === 'error').map((r) => r.row)).toEqual([SAMPLE_ROSTER.badRow]);
  });

  it('opens an .xlsx that was renamed to .xls', async () => {
    expect(await readOk('old-name.xls', await makeRosterXlsx([['姓名'], ['王建国']]))).toEqual([['姓名'], ['王建国']]);
  });
});

describe('readRosterFile: refusals', () => {
  const cfb = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);

  it('asks for .xlsx instead of an old .xls', async () => {
    expect(await problemOf('名册.xls', cfb)).toBe('legacyXls');
    expect(await problemOf('网页导出.XLS', new TextEncoder().encode('<table><tr><td>姓名</td></tr></table>'))).toBe(
      'legacyXls',
    );
  });

  it('explains a password-protected (or mislabelled) .xlsx', async () => {
    expect(await problemOf('名册.xlsx', cfb)).toBe('protectedOrLegacy');
  });

  it('refuses an .xlsx that is not a zip, or a zip that is not a workbook', async () => {
    expect(await problemOf('名册.xlsx', new TextEncoder().encode('姓名,电话'))).toBe('notXlsx');
    expect(await problemOf('名册.xlsx', new Uint8Array([0x50, 0x4b, 3, 4, 1, 2, 3]))).toBe('notXlsx');
    const notWorkbook = new JSZip().file('readme.txt', 'hello');
    expect(await problemOf('名册.xlsx', await notWorkbook.generateAsync({ type: 'uint8array' }))).toBe('noWorksheet');
    const broken = new JSZip().file('xl/workbook.xml', '<workbook><sheets><sheet');
    expect(await problemOf('名册.xlsx', await broken.generateAsync({ type: 'uint8array' }))).toBe('xlsxUnreadable');
  });

  it('refuses other file types and oversized files', async () => {
    expect(await readRosterFile('名册.docx', new Uint8Array(10))).toEqual({
      ok: false,
      problem: { code: 'unsupportedFileType', ext: '.docx' },
    });
    expect(await readRosterFile('名册', new Uint8Array(10))).toEqual({
      ok: false,
      problem: { code: 'unsupportedFileType', ext: '名册' },
    });
    expect(await readRosterFile('big.csv', new Uint8Array(20 * MB + 1))).toEqual({
      ok: false,
      problem: { code: 'fileTooLarge', maxMb: 20 },
    });
  });

  it('refuses binary content named .csv', async () => {
    expect(await problemOf('x.csv', new Uint8Array([0x41, 0, 0x42, 0, 0x00, 0x01]))).toBe('notText');
  });
});

describe('zip bombs', () => {
  let bomb: Uint8Array;
  beforeAll(async () => {
    // 60 MB of zeros deflates to a few hundred kilobytes: small on disk, huge once opened.
    const zip = new JSZip().file('xl/worksheets/sheet1.xml', new Uint8Array(60 * MB));
    bomb = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 9 } });
  });

  it('refuses a workbook that expands beyond 50 MB', async () => {
    expect(bomb.length).toBeLessThan(MB);
    expect(await readRosterFile('bomb.xlsx', bomb)).toEqual({ ok: false, problem: { code: 'zipTooLarge', maxMb: 50 } });
  });

  it('refuses an entry with an absurd compression ratio even when small in total', async () => {
    const zip = new JSZip().file('xl/sharedStrings.xml', new Uint8Array(5 * MB));
    const bytes = await zip.generateAsync({
      type: 'uint8array',
      compression: 'DEFLATE',
      compressionOptions: { level: 9 },
    });
    expect(await checkZip(bytes)).toEqual({ ok: false, reason: 'tooLarge' });
  });

  it('counts what actually inflates when the zip lies about its sizes', async () => {
    const lying = bomb.slice();
    const view = new DataView(lying.buffer);
    // Rewrite the declared uncompressed size (central directory +24, local header +22) to 1 KB.
    for (let i = 0; i + 4 <= lying.length; i++) {
      const signature = view.getUint32(i, true);
      if (signature === 0x02014b50) view.setUint32(i + 24, 1024, true);
      if (signature === 0x04034b50) view.setUint32(i + 22, 1024, true);
    }
    expect(await checkZip(lying)).toEqual({ ok: false, reason: 'tooLarge' });
  });

  it('lets a large genuine roster through', async () => {
    const rows = [
      ['姓名', '电话', '单位'],
      ...Array.from({ length: 3000 }, (_, i) => [`居民${i}`, '13800138000', '胜兴社区居委会']),
    ];
    expect(await checkZip(await writeRosterXlsx(rows))).toEqual({ ok: true });
  });
});

describe('readRosterFile: text', () => {
  it('reads GBK CSV as saved by Excel on Chinese Windows', async () => {
    // 姓名,电话\r\n张三,13800138000 in GBK.
    const gbk = new Uint8Array([
      0xd0,
      0xd5,
      0xc3,
      0xfb,
      0x2c,
      0xb5,
      0xe7,
      0xbb,
      0xb0,
      0x0d,
      0x0a,
      0xd5,
      0xc5,
      0xc8,
      0xfd,
      0x2c,
      ...new TextEncoder().encode('13800138000'),
    ]);
    expect(await readOk('名册.csv', gbk)).toEqual([
      ['姓名', '电话'],
      ['张三', '13800138000'],
    ]);
  });

  it('reads tab-separated UTF-16 "Unicode 文本"', async () => {
    const text = '姓名\t电话\r\n张三\t13800138000\r\n';
    const bytes = new Uint8Array(2 + text.length * 2);
    bytes.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) new DataView(bytes.buffer).setUint16(2 + i * 2, text.charCodeAt(i), true);
    expect(await readOk('名册.txt', bytes)).toEqual([
      ['姓名', '电话'],
      ['张三', '13800138000'],
    ]);
  });
});

describe('writing', () => {
  const rows = [
    ['姓名', '电话', '备注'],
    ['张丽华', '05468123456', '=SUM(A1)'],
    ['王建国', '13800138000', '说明, "加急"'],
  ];

  it('writes an .xlsx that reads back unchanged, phones as text, header bold', async () => {
    const bytes = await writeRosterXlsx(rows);
    expect(await readOk('out.xlsx', bytes)).toEqual(rows);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes.buffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getCell('A1').font?.bold).toBe(true);
    expect(sheet.getCell('B2').numFmt).toBe('@');
    expect(sheet.getCell('B2').value).toBe('05468123456');
    expect(sheet.getColumn(1).width).toBeGreaterThanOrEqual(8);
    expect(sheet.getColumn(3).width).toBeGreaterThan(sheet.getColumn(1).width!);
  });

  it('writes a CSV with a BOM that reads back unchanged', async () => {
    const bytes = writeRosterCsv(rows);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const back = await readOk('out.csv', bytes);
    expect(back[1]?.[2]).toBe("'=SUM(A1)");
    expect(importRosterRows(back, { roster: [], orgUnits: [] }).rows[0]?.person.note).toBe('=SUM(A1)');
  });
});
