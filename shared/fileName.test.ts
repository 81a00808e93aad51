import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isSafeFileName, safeFileName } from './fileName';

describe('file names', () => {
  it('takes out what Windows forbids and what is not text', () => {
    expect(safeFileName('A/B:C*D?"E<F>G|H\u0001帝纱富仕城', 'docx')).toBe('ABCDEFGH帝纱富仕城.docx');
    expect(safeFileName('纪要\uFFFE\uFFFF\uD800-第7期', 'docx')).toBe('纪要-第7期.docx');
    expect(safeFileName('  两个   空格 … . ', 'pdf')).toBe('两个 空格 ….pdf');
    expect(safeFileName('CON', 'docx')).toBe('议事厅.docx');
    expect(safeFileName('///', 'yishi.json', '会议')).toBe('会议.yishi.json');
  });

  it('cuts a long name at a whole character', () => {
    const name = safeFileName('𠀀'.repeat(200), 'docx');
    expect([...name.replace(/\.docx$/, '')]).toHaveLength(120);
    expect(name.replace(/\.docx$/, '')).toBe('𠀀'.repeat(120));
  });

  it('always suggests a name the bridge accepts, whatever it is given', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 300 }),
        fc.constantFrom('docx', 'pdf', 'yishi.json'),
        (s, ext) => isSafeFileName(safeFileName(s, ext)),
      ),
    );
  });

  it('refuses names with folders, forbidden characters or a trailing dot', () => {
    for (const bad of ['', '.', '..', 'a/b.docx', 'a\\b', 'a:b', 'a\u0001', 'nul.txt', 'a.', 'a ', 'x\uFFFF'])
      expect(isSafeFileName(bad), JSON.stringify(bad)).toBe(false);
    expect(isSafeFileName('人员名册-2026-12-03.xlsx')).toBe(true);
  });
});
