import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { attribute, openDocx, paragraphs, textOf } from '../../tests/documents/docxXml';
import { packDocument } from './document';
import { qrPng } from './qr';
import { decimal, escapeText, paragraph, paragraphXml, text, xmlSafe, type PictureInline } from './wml';
import { tableBlock } from './wmlTable';

const unescape = (xml: string) =>
  xml
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
// XML 1.0 Char: tab, LF, CR, U+0020–U+D7FF, U+E000–U+FFFD and the planes above (as surrogate pairs).
const NOT_XML_CHAR =
  /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\uD800-\uDFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function picture(key: string): PictureInline {
  return {
    picture: { key, type: 'png', bytes: qrPng(key) },
    width: 40,
    height: 40,
    name: `图${key}`,
    description: key,
    title: key,
  };
}

describe('the body writer', () => {
  it('keeps any text as text: markup escaped, characters XML forbids dropped, nothing else changed', () => {
    let cases = 0;
    const hostileUnit = fc.constantFrom(
      '<',
      '>',
      '&',
      '"',
      "'",
      '\u0000',
      '\u0001',
      '\u000B',
      '\uFFFE',
      '\uD800',
      '\uDC00',
      '议',
      'a',
      ' ',
      '😀',
    );
    fc.assert(
      fc.property(fc.string({ unit: hostileUnit }), fc.string({ unit: 'grapheme' }), (hostile, plain) => {
        cases++;
        const escaped = escapeText(hostile + plain + hostile);
        expect(escaped).not.toMatch(/[<>]/);
        expect(escaped).not.toMatch(/&(?!amp;|lt;|gt;)/);
        expect(escaped).not.toMatch(NOT_XML_CHAR);
        // Text made only of characters XML allows comes back exactly.
        expect(unescape(escapeText(plain + '<&>"' + plain))).toBe(plain + '<&>"' + plain);
      }),
      { numRuns: 500 },
    );
    console.log(`body writer: ${cases} hostile texts escaped`);
  });

  it('writes tabs as w:tab and line breaks as w:br, in one run', () => {
    const xml = paragraphXml({ style: 'YsBody' }, [text('甲\t乙\n丙', { bold: true }), { text: '丁', break: true }]);
    expect(xml).toBe(
      '<w:p><w:pPr><w:pStyle w:val="YsBody"/></w:pPr>' +
        '<w:r><w:rPr><w:b/><w:bCs/></w:rPr><w:t xml:space="preserve">甲</w:t><w:tab/><w:t xml:space="preserve">乙</w:t><w:br/><w:t xml:space="preserve">丙</w:t></w:r>' +
        '<w:r><w:br/><w:t xml:space="preserve">丁</w:t></w:r></w:p>',
    );
  });

  it('orders paragraph properties as the schema does', () => {
    const xml = paragraphXml(
      {
        style: 'S',
        align: 'right',
        indent: { left: 1 },
        spacing: { before: 2 },
        rightTab: 3,
        borderBottom: { size: 1, color: '000000', space: 1 },
        numbering: { numId: 1, level: 0 },
        pageBreakBefore: true,
        keepNext: true,
      },
      [],
    );
    const order = [...xml.matchAll(/<w:(\w+)/g)]
      .map((m) => m[1])
      .filter((n) => n !== 'p' && n !== 'pPr' && n !== 'ilvl' && n !== 'numId' && n !== 'bottom' && n !== 'tab');
    expect(order).toEqual(['pStyle', 'keepNext', 'pageBreakBefore', 'numPr', 'pBdr', 'tabs', 'spacing', 'ind', 'jc']);
  });
});

describe('packDocument', () => {
  it('puts the body in place of docx’s placeholder, with each picture once and every drawing its own id', async () => {
    const blocks = [
      paragraph({ style: 'YsBody' }, [text('第一段')]),
      paragraph({ style: 'YsTable' }, [picture('a'), picture('b')]),
      tableBlock({
        width: 8845,
        columnWidths: [8845],
        borders: { style: 'single', size: 4, color: '000000' },
        margins: { top: 0, bottom: 0, left: 0, right: 0 },
        rows: [{ cells: [{ width: 8845, content: paragraph({ style: 'YsTable' }, [picture('a')]) }] }],
      }),
    ];
    const docx = await openDocx(await packDocument(blocks, { title: '测试' }));
    const xml = await docx.xml('word/document.xml');
    expect(xml).not.toContain('YISHI-DOCUMENT-BODY');
    expect(xml).not.toContain('\u0001'); // no stand-in left behind
    expect(paragraphs(xml)[0]?.text).toBe('第一段');
    expect(textOf(xml)).toContain('第一段');
    const ids = [...xml.matchAll(/<wp:docPr id="(\d+)"/g)].map((m) => m[1]);
    expect(ids).toEqual(['1', '2', '3']);
    const embeds = [...xml.matchAll(/r:embed="([^"]+)"/g)].map((m) => m[1]);
    expect(embeds[0]).toBe(embeds[2]); // the same picture twice is one part
    expect(new Set(embeds).size).toBe(2);
    const rels = await docx.xml('word/_rels/document.xml.rels');
    for (const id of new Set(embeds)) {
      const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1];
      expect(target && docx.names).toContain(`word/${target}`);
    }
    expect(docx.names.filter((n) => n.startsWith('word/media/'))).toHaveLength(2);
    // The section docx wrote around the placeholder is still there, after the body.
    expect(xml.indexOf('<w:sectPr')).toBeGreaterThan(xml.indexOf('第一段'));
    expect(attribute(xml, 'w:pgSz', 'w:w')).toBe('11906');
  });

  it('writes a numbering part even when the body has no lists', async () => {
    const docx = await openDocx(await packDocument([paragraph({ style: 'YsBody' }, [text('无列表')])], { title: 't' }));
    expect(await docx.xml('word/numbering.xml')).toMatch(/^<\?xml[^>]*\?><w:numbering [^>]*\/?>(<\/w:numbering>)?$/);
  });

  it('writes every number as a whole decimal within its range, never 1e+23', () => {
    expect(decimal(1e23, 0, 32767)).toBe('32767');
    expect(decimal(-4, 0)).toBe('0');
    expect(decimal(2.5)).toBe('3');
    expect(decimal(Number.NaN, 2, 96)).toBe('2');
    fc.assert(fc.property(fc.double(), (n) => /^-?\d+$/.test(decimal(n))));
    expect(paragraphXml({ style: 'x', spacing: { before: 1e23 }, indent: { left: Number.NaN } }, [])).toBe(
      '<w:p><w:pPr><w:pStyle w:val="x"/><w:spacing w:before="2147483647"/><w:ind w:left="0"/></w:pPr></w:p>',
    );
  });

  it('hands others only text XML can hold', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => !NOT_XML_CHAR.test(xmlSafe(s))));
  });
});
