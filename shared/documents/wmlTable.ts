import { decimal, escapeAttr, partsOf, type BodyBlock } from './wml';

/** Tables in WordprocessingML: fixed columns, one border line for all edges, cells of paragraphs. */

export interface BorderLine {
  style: 'single' | 'none';
  size: number;
  color: string;
}

export interface CellMargins {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

export interface TableCellSpec {
  width: number;
  span?: number;
  /** The cell's paragraphs; a cell must hold at least one. */
  content: BodyBlock;
}

export interface TableRowSpec {
  cells: readonly TableCellSpec[];
  cantSplit?: boolean;
  /** Repeats on every page the table runs onto. */
  header?: boolean;
  /** At least this tall, in twips. */
  minHeight?: number;
}

export interface TableSpec {
  width: number;
  columnWidths: readonly number[];
  center?: boolean;
  borders: BorderLine;
  margins: CellMargins;
  rows: readonly TableRowSpec[];
}

function bordersXml(line: BorderLine): string {
  const one = (side: string) =>
    `<w:${side} w:val="${line.style}" w:color="${escapeAttr(line.color)}" w:sz="${decimal(line.size, 0, 96)}"/>`;
  return `<w:tblBorders>${['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map(one).join('')}</w:tblBorders>`;
}

function marginsXml(m: CellMargins): string {
  const one = (side: keyof CellMargins) => `<w:${side} w:type="dxa" w:w="${decimal(m[side], 0)}"/>`;
  return `<w:tblCellMar>${one('top')}${one('left')}${one('bottom')}${one('right')}</w:tblCellMar>`;
}

function rowXml(row: TableRowSpec): string {
  let trPr = '';
  if (row.cantSplit) trPr += '<w:cantSplit/>';
  if (row.minHeight) trPr += `<w:trHeight w:val="${decimal(row.minHeight, 0, 31680)}" w:hRule="atLeast"/>`;
  if (row.header) trPr += '<w:tblHeader/>';
  let cells = '';
  for (const c of row.cells) {
    const span = c.span && c.span > 1 ? `<w:gridSpan w:val="${decimal(c.span, 1, 63)}"/>` : '';
    cells += `<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="${decimal(c.width, 0)}"/>${span}<w:vAlign w:val="center"/></w:tcPr>${c.content.xml}</w:tc>`;
  }
  return `<w:tr>${trPr ? `<w:trPr>${trPr}</w:trPr>` : ''}${cells}</w:tr>`;
}

export function tableBlock(spec: TableSpec): BodyBlock {
  const tblPr =
    `<w:tblPr><w:tblW w:type="dxa" w:w="${decimal(spec.width, 0)}"/>${spec.center ? '<w:jc w:val="center"/>' : ''}` +
    `${bordersXml(spec.borders)}<w:tblLayout w:type="fixed"/>${marginsXml(spec.margins)}</w:tblPr>`;
  const grid = `<w:tblGrid>${spec.columnWidths.map((w) => `<w:gridCol w:w="${decimal(w, 0)}"/>`).join('')}</w:tblGrid>`;
  const xml = `<w:tbl>${tblPr}${grid}${spec.rows.map(rowXml).join('')}</w:tbl>`;
  return { xml, ...partsOf(spec.rows.flatMap((r) => r.cells.map((c) => c.content))) };
}
