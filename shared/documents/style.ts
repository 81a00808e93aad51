import {
  AlignmentType,
  DocumentGridType,
  Footer,
  LineRuleType,
  PageNumber,
  Paragraph,
  TextRun,
  type IParagraphStyleOptions,
  type IPropertiesOptions,
  type ISectionOptions,
} from 'docx';

/**
 * The page and type of a Chinese official document, GB/T 9704-2012 《党政机关公文格式》:
 * A4, a 156 × 225 mm 版心 of 22 lines × 28 characters, body in 3号仿宋, title in 2号小标宋.
 * Every Word file the app writes takes its layout from here, so they all print alike.
 */

/** docx's own convertMillimetersToTwip floors; GB/T margins need rounding to land on the 版心. */
export function mmToTwip(mm: number): number {
  return Math.round((mm * 1440) / 25.4);
}

export const PAGE = { width: mmToTwip(210), height: mmToTwip(297) } as const; // 11906 × 16838
export const MARGIN = { top: mmToTwip(37), bottom: mmToTwip(35), left: mmToTwip(28), right: mmToTwip(26) } as const;
/** Width of the 版心: where tables and separator lines must end, not a twip beyond. */
export const TEXT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right; // 8845 ≈ 156 mm

/**
 * 22 lines × 28 characters of 3号 (16 pt) text, in Word, WPS and LibreOffice alike.
 *
 * 28 characters of 16 pt are 448 pt, wider than the 156 mm (8845 twips, 442.25 pt) 版心, so the
 * characters must be set a little closer than their size. Word can do that with a character grid
 * (docGrid linesAndChars, charSpace −848: a 15.79 pt pitch), but LibreOffice gives each 16 pt
 * character two cells of such a grid and lays the page out at 14 characters a line. So the grid
 * here is a line grid only (`lines`: 22 lines of 28.95 pt) and the 28 characters come from the
 * type itself, as in many official templates: 3号 text is condensed by 0.25 pt (w:spacing −5,
 * in twentieths of a point), every character then advancing 16 − 0.25 = 15.75 pt (315 twips):
 * 28 × 15.75 = 441 pt fit in 442.25, 29 × 15.75 = 456.75 do not. (−0.2 pt would need 442.4 pt
 * and give 27.) Every reader applies character spacing the same way, with or without the grid.
 */
export const GRID = { type: DocumentGridType.LINES, linePitch: 579 } as const;
export const LINES_PER_PAGE = 22;
/** Condensed character spacing of 3号 text, in twentieths of a point (see GRID). */
export const BODY_CHARACTER_SPACING = -5;
/** One character of 3号 text as set: 16 pt less the condensing, in twips (315). */
export const CHAR = 16 * 20 + BODY_CHARACTER_SPACING;
/** 28: what a full line of 正文 holds. */
export const CHARS_PER_LINE = Math.floor(TEXT_WIDTH / CHAR);

/** Official font names: the .docx must carry them, whatever the rendering machine has installed. */
export const FONT = {
  fangSong: '仿宋_GB2312',
  xiaoBiaoSong: '方正小标宋简体',
  heiTi: '黑体',
  kaiTi: '楷体_GB2312',
  songTi: '宋体',
  mono: 'Courier New',
} as const;

/** Chinese type sizes in half-points, as docx wants them. */
export const SIZE = {
  chuHao: 84,
  xiaoChu: 72,
  erHao: 44,
  sanHao: 32,
  siHao: 28,
  xiaoSi: 24,
  wuHao: 21,
  xiaoWu: 18,
} as const;

export const RED = 'FF0000';

/**
 * A run font for every script. Naming only eastAsia lets Word fill ascii/hAnsi with the theme's
 * Calibri, so digits and Latin letters would change face mid-sentence; the hint keeps ambiguous
 * characters (quotes, dashes) in the Chinese face.
 */
export function font(name: string): { ascii: string; hAnsi: string; eastAsia: string; cs: string; hint: 'eastAsia' } {
  return { ascii: name, hAnsi: name, eastAsia: name, cs: name, hint: 'eastAsia' };
}

/** Exact 28.95 pt lines: the grid's pitch, so 22 lines fill the 版心 in Word, WPS and LibreOffice alike. */
export const BODY_SPACING = { line: GRID.linePitch, lineRule: LineRuleType.EXACT } as const;

/**
 * Two characters in. Word reads the character count; readers that do not know it (LibreOffice 7.4
 * among them) use the twips, which Word itself writes beside it.
 */
export const FIRST_LINE_INDENT = { firstLineChars: 200, firstLine: 2 * CHAR } as const;

/** Paragraph style ids, shared by the walker and the document builders. */
export const STYLE = {
  body: 'YsBody',
  title: 'YsTitle',
  masthead: 'YsMasthead',
  level1: 'YsLevel1',
  level2: 'YsLevel2',
  level3: 'YsLevel3',
  level4: 'YsLevel4',
  plain: 'YsPlain',
  quote: 'YsQuote',
  code: 'YsCode',
  table: 'YsTable',
  tableHead: 'YsTableHead',
  footer: 'YsFooter',
} as const;

function paragraphStyle(
  id: string,
  name: string,
  fontName: string,
  extra: Omit<IParagraphStyleOptions, 'id' | 'name' | 'basedOn'> = {},
): IParagraphStyleOptions {
  return {
    id,
    name,
    basedOn: 'Normal',
    next: STYLE.body,
    quickFormat: true,
    ...extra,
    run: { font: font(fontName), size: SIZE.sanHao, ...extra.run },
    paragraph: { spacing: BODY_SPACING, ...extra.paragraph },
  };
}

/**
 * How 3号 text is aligned: on the left, not justified. A line of 正文 holds exactly 28 characters,
 * so the two differ only on lines with digits or Latin letters, by less than a character; but when
 * a closing mark (。，、) falls just past a full line, LibreOffice (7.4, as on Kylin and UOS) hangs
 * it in the margin, and in a justified paragraph then does not print it at all. Left-aligned, it
 * prints the mark in the margin, as Word and WPS do either way.
 */
const TEXT_ALIGNMENT = AlignmentType.LEFT;

/** 正文 with its two-character first-line indent; the heading levels of §7.3.3 (一、（一）1.（1）). */
function paragraphStyles(): IParagraphStyleOptions[] {
  const indented = { indent: FIRST_LINE_INDENT, alignment: TEXT_ALIGNMENT };
  const heading = (outlineLevel: number) => ({ paragraph: { ...indented, keepNext: true, outlineLevel } });
  return [
    // Normal carries the 3号 size and its condensing (see GRID), so every 3号 style based on it sets
    // 28 characters a line; the styles off the grid (titles, tables, page numbers) undo the condensing.
    {
      id: 'Normal',
      name: 'Normal',
      quickFormat: true,
      run: { font: font(FONT.fangSong), size: SIZE.sanHao, characterSpacing: BODY_CHARACTER_SPACING },
      paragraph: { spacing: BODY_SPACING },
    },
    paragraphStyle(STYLE.body, '公文正文', FONT.fangSong, { paragraph: indented }),
    paragraphStyle(STYLE.plain, '公文无缩进', FONT.fangSong, { paragraph: { alignment: TEXT_ALIGNMENT } }),
    paragraphStyle(STYLE.level1, '一级标题', FONT.heiTi, heading(0)),
    paragraphStyle(STYLE.level2, '二级标题', FONT.kaiTi, heading(1)),
    // Levels 3 and 4 are 仿宋 (§7.3.3); bold, because headings from the minutes carry no number.
    paragraphStyle(STYLE.level3, '三级标题', FONT.fangSong, { run: { bold: true }, ...heading(2) }),
    paragraphStyle(STYLE.level4, '四级标题', FONT.fangSong, { run: { bold: true }, ...heading(3) }),
    paragraphStyle(STYLE.quote, '引文', FONT.kaiTi, {
      paragraph: { indent: { left: 2 * CHAR }, alignment: TEXT_ALIGNMENT },
    }),
  ];
}

function xmlAttr(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

interface OffGridStyle {
  id: string;
  name: string;
  font: string;
  size: number;
  line: number;
  center?: boolean;
  keepNext?: boolean;
  color?: string;
  latinFont?: string;
}

/**
 * Styles off the document grid (snapToGrid off for the paragraph, Word's 对齐到网格, and for its
 * runs): on the grid a 2号 or 小四 line would take whole 3号 grid lines, which spreads titles and
 * tables; and their characters keep their own width (spacing 0 undoes Normal's condensing, which
 * is reckoned for 3号). docx has no paragraph-level snapToGrid, so these few are written as XML.
 */
function offGridStyle(s: OffGridStyle): string {
  const latin = xmlAttr(s.latinFont ?? s.font);
  const fonts = `<w:rFonts w:ascii="${latin}" w:hAnsi="${latin}" w:eastAsia="${xmlAttr(s.font)}" w:cs="${latin}" w:hint="eastAsia"/>`;
  return (
    `<w:style w:type="paragraph" w:customStyle="1" w:styleId="${s.id}"><w:name w:val="${xmlAttr(s.name)}"/>` +
    `<w:basedOn w:val="Normal"/><w:qFormat/><w:pPr>${s.keepNext ? '<w:keepNext/>' : ''}<w:snapToGrid w:val="0"/>` +
    `<w:spacing w:line="${s.line}" w:lineRule="exact"/>${s.center ? '<w:jc w:val="center"/>' : ''}</w:pPr>` +
    `<w:rPr>${fonts}<w:snapToGrid w:val="0"/>${s.color ? `<w:color w:val="${s.color}"/>` : ''}<w:spacing w:val="0"/>` +
    `<w:sz w:val="${s.size}"/><w:szCs w:val="${s.size}"/></w:rPr></w:style>`
  );
}

/**
 * Handed to docx as "external" styles: its importedStyles option would replace docx's document
 * defaults (the zh-CN language and default fonts) instead of adding to them.
 */
function offGridStyles(): string {
  const table = { size: SIZE.xiaoSi, line: 360 };
  const styles = [
    offGridStyle({
      id: STYLE.title,
      name: '公文标题',
      font: FONT.xiaoBiaoSong,
      size: SIZE.erHao,
      line: GRID.linePitch,
      center: true,
      keepNext: true,
    }),
    offGridStyle({
      id: STYLE.masthead,
      name: '版头标志',
      font: FONT.xiaoBiaoSong,
      size: SIZE.xiaoChu,
      line: 900,
      center: true,
      color: RED,
    }),
    offGridStyle({ id: STYLE.table, name: '表格文字', font: FONT.fangSong, ...table }),
    offGridStyle({ id: STYLE.tableHead, name: '表头文字', font: FONT.heiTi, ...table, center: true }),
    offGridStyle({ id: STYLE.code, name: '代码', font: FONT.fangSong, latinFont: FONT.mono, ...table }),
    offGridStyle({
      id: STYLE.footer,
      name: '页码',
      font: FONT.songTi,
      latinFont: 'SimSun',
      size: SIZE.siHao,
      line: 400,
    }),
  ];
  const ns = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles xmlns:w="${ns}">${styles.join('')}</w:styles>`;
}

/**
 * The font table, with the names Windows gives the same faces (altName) and their GB2312 character
 * set: Windows 10 and 11 ship 仿宋 and 楷体 but not 仿宋_GB2312 or 楷体_GB2312, and these hints let Word
 * and WPS substitute the right face instead of a default one. docx writes the table empty.
 */
export function fontTableXml(): string {
  const entry = (name: string, alt: string | null, charset: string, family: string, pitch: string) =>
    `<w:font w:name="${xmlAttr(name)}">${alt ? `<w:altName w:val="${xmlAttr(alt)}"/>` : ''}` +
    `<w:charset w:val="${charset}"/><w:family w:val="${family}"/><w:pitch w:val="${pitch}"/></w:font>`;
  const fonts = [
    entry(FONT.fangSong, '仿宋', '86', 'modern', 'fixed'),
    entry(FONT.kaiTi, '楷体', '86', 'modern', 'fixed'),
    entry(FONT.xiaoBiaoSong, '宋体', '86', 'auto', 'variable'),
    entry(FONT.heiTi, 'SimHei', '86', 'modern', 'fixed'),
    entry(FONT.songTi, 'SimSun', '86', 'auto', 'variable'),
    entry('SimSun', '宋体', '86', 'auto', 'variable'),
    entry(FONT.mono, null, '00', 'modern', 'fixed'),
  ];
  const ns = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:fonts xmlns:w="${ns}">${fonts.join('')}</w:fonts>`;
}

/**
 * Document-wide settings: default run in 仿宋 with zh-CN as the East Asian language, and a theme
 * whose fonts are the official ones, so neither Word nor WPS falls back to Calibri or 等线.
 */
export function documentSettings(): Omit<IPropertiesOptions, 'sections'> {
  const themeFont = (name: string) => ({ latin: name, eastAsia: name, scripts: { Hans: name, Hant: name } });
  return {
    creator: '议事厅',
    evenAndOddHeaderAndFooters: true,
    externalStyles: offGridStyles(),
    theme: { fonts: { headings: themeFont(FONT.heiTi), body: themeFont(FONT.fangSong) } },
    styles: {
      default: {
        document: {
          run: { font: font(FONT.fangSong), size: SIZE.sanHao, language: { value: 'en-US', eastAsia: 'zh-CN' } },
          paragraph: { spacing: BODY_SPACING },
        },
      },
      paragraphStyles: paragraphStyles(),
    },
  };
}

/**
 * The page number of §7.5: "— 1 —" in 4号宋体, under the 版心; odd pages on the right and even
 * pages on the left, each one character in from the edge, so they sit on the outer edge of a
 * double-sided print.
 */
function pageNumberFooter(side: 'odd' | 'even'): Footer {
  const oneChar = 280; // one 4号 character
  return new Footer({
    children: [
      new Paragraph({
        style: STYLE.footer,
        alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'odd' ? { right: oneChar } : { left: oneChar },
        children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'] })],
      }),
    ],
  });
}

/** A section on the standard page, with the standard page numbers. */
export function standardSection(children: ISectionOptions['children']): ISectionOptions {
  return {
    properties: {
      page: {
        size: { width: PAGE.width, height: PAGE.height },
        // §7.5 puts the page number's dashes 7 mm under the 版心: 35 − 7 mm, less half a 4号 line.
        margin: { ...MARGIN, header: mmToTwip(15), footer: mmToTwip(25.5) },
      },
      grid: GRID,
    },
    footers: { default: pageNumberFooter('odd'), even: pageNumberFooter('even') },
    children,
  };
}
