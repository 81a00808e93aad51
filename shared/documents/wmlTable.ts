import { partsOf, type BodyBlock } from './wml';

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
  const one = (side: string) => `<w:${side} w:val="${line.style}" w:color="${line.color}" w:sz="${line.size}"/>`;
  return `<w:tblBorders>${['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map(one).join('')}</w:tblBorders>`;
}

function marginsXml(m: CellMargins): string {
  const one = (side: keyof CellMargins) => `<w:${side} w:type="dxa" w:w="${m[side]}"/>`;
  return `<w:tblCellMar>${one('top')}${one('left')}${one('bottom')}${one('right')}</w:tblCellMar>`;
}

function rowXml(row: TableRowSpec): string {
  let trPr = '';
  if (row.cantSplit) trPr += '<w:cantSplit/>';
  if (row.minHeight) trPr += `<w:trHeight w:val="${row.minHeight}" w:hRule="atLeast"/>`;
  if (row.header) trPr += '<w:tblHeader/>';
  let cells = '';
  for (const c of row.cells) {
    const span = c.span && c.span > 1 ? `<w:gridSpan w:val="${c.span}"/>` : '';
    cells += `<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="${c.width}"/>${span}<w:vAlign w:val="center"/></w:tcPr>${c.content.xml}</w:tc>`;
  }
  return `<w:tr>${trPr ? `<w:trPr>${trPr}</w:trPr>` : ''}${cells}</w:tr>`;
}

export function tableBlock(spec: TableSpec): BodyBlock {
  const tblPr =
    `<w:tblPr><w:tblW w:type="dxa" w:w="${spec.width}"/>${spec.center ? '<w:jc w:val="center"/>' : ''}` +
    `${bordersXml(spec.borders)}<w:tblLayout w:type="fixed"/>${marginsXml(spec.margins)}</w:tblPr>`;
  const grid = `<w:tblGrid>${spec.columnWidths.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>`;
  const xml = `<w:tbl>${tblPr}${grid}${spec.rows.map(rowXml).join('')}</w:tbl>`;
  return { xml, ...partsOf(spec.rows.flatMap((r) => r.cells.map((c) => c.content))) };
}
