import { describe, expect, it } from 'vitest';
import { detectDelimiter, encodeCsv, neutraliseFormula, parseCsv, restoreFormula, writeCsv } from './csv';

describe('parseCsv', () => {
  it('reads plain fields and rows', () => {
    expect(parseCsv('姓名,电话\n张三,13800138000\n')).toEqual([
      ['姓名', '电话'],
      ['张三', '13800138000'],
    ]);
  });

  it('handles quoted fields with commas, doubled quotes and line breaks', () => {
    expect(parseCsv('"a,b","say ""hi""","line1\nline2"\r\nx,y,z')).toEqual([
      ['a,b', 'say "hi"', 'line1\nline2'],
      ['x', 'y', 'z'],
    ]);
  });

  it('accepts CRLF, LF and bare CR line ends alike', () => {
    const expected = [
      ['a', 'b'],
      ['c', 'd'],
    ];
    expect(parseCsv('a,b\r\nc,d')).toEqual(expected);
    expect(parseCsv('a,b\nc,d\n')).toEqual(expected);
    expect(parseCsv('a,b\rc,d\r')).toEqual(expected);
  });

  it('strips a BOM and keeps empty fields and empty lines in place', () => {
    expect(parseCsv('\ufeff姓名,,\n\n张三,,')).toEqual([['姓名', '', ''], [''], ['张三', '', '']]);
  });

  it('keeps a trailing empty quoted field and a lone quoted empty file', () => {
    expect(parseCsv('a,""')).toEqual([['a', '']]);
    expect(parseCsv('""')).toEqual([['']]);
    expect(parseCsv('')).toEqual([]);
  });

  it('is lenient with stray and unterminated quotes', () => {
    expect(parseCsv('ab"c,d')).toEqual([['ab"c', 'd']]);
    expect(parseCsv('"abc,d')).toEqual([['abc,d']]);
  });

  it('detects tab-separated text pasted from Excel', () => {
    const pasted = '姓名\t单位\n王建国\t"幸福物业, 有限公司"\n';
    expect(detectDelimiter(pasted)).toBe('\t');
    expect(parseCsv(pasted)).toEqual([
      ['姓名', '单位'],
      ['王建国', '幸福物业, 有限公司'],
    ]);
    expect(detectDelimiter('a,b\tc,d')).toBe(',');
    expect(detectDelimiter('"a\tb",c')).toBe(',');
  });
});

describe('writeCsv', () => {
  it('quotes only when needed and ends lines with CRLF', () => {
    expect(
      writeCsv([
        ['姓名', '单位'],
        ['张三', 'a,b'],
        ['x"y', 'two\nlines'],
      ]),
    ).toBe('姓名,单位\r\n张三,"a,b"\r\n"x""y","two\nlines"\r\n');
  });

  it('neutralises formula injection and the importer undoes it', () => {
    for (const evil of ['=HYPERLINK("http://x")', '+1', '-2+3', '@SUM(A1)', '\tx']) {
      const safe = neutraliseFormula(evil);
      expect(safe.startsWith("'")).toBe(true);
      expect(restoreFormula(safe)).toBe(evil);
    }
    expect(neutraliseFormula('13800138000')).toBe('13800138000');
    expect(neutraliseFormula('0546-8123456')).toBe('0546-8123456');
    expect(restoreFormula("'plain")).toBe("'plain");
    expect(writeCsv([['=1+1']])).toBe("'=1+1\r\n");
    expect(writeCsv([['=1+1']], { neutraliseFormulas: false })).toBe('=1+1\r\n');
  });

  it('round-trips through parseCsv', () => {
    const rows = [
      ['a', 'b,c', 'd"e'],
      ['', 'multi\r\nline', ' padded '],
    ];
    expect(parseCsv(writeCsv(rows))).toEqual(rows);
  });

  it('encodes UTF-8 with a BOM so Excel reads Chinese correctly', () => {
    const bytes = encodeCsv([['张三']]);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes)).toBe('张三\r\n');
  });
});
