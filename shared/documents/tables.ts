import {
  AlignmentType,
  BorderStyle,
  HeightRule,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type ParagraphChild,
} from 'docx';
import { STYLE, TEXT_WIDTH } from './style';

/**
 * Ruled tables on the 版心's full width with fixed columns: the header row repeats on every
 * page and no row breaks across pages, so a printed row is never half on one sheet.
 */

export interface Column {
  /** Header text; a second string goes on a second line (谁来干 / （责任人）). */
  header: string | readonly [string, string];
  /** Share of the 版心 width; the widths are scaled so they add up to it exactly. */
  weight: number;
  align?: 'left' | 'center';
}

export type CellContent = string | readonly ParagraphChild[] | readonly Paragraph[];

export interface RowOptions {
  /** Minimum height in twips (signature boxes). */
  minHeight?: number;
}

const LINE = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;
const BORDERS = { top: LINE, bottom: LINE, left: LINE, right: LINE, insideHorizontal: LINE, insideVertical: LINE };
const NO_LINE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' } as const;
export const NO_BORDERS = { top: NO_LINE, bottom: NO_LINE, left: NO_LINE, right: NO_LINE, insideHorizontal: NO_LINE, insideVertical: NO_LINE };
export const CELL_MARGINS = { top: 45, bottom: 45, left: 60, right: 60 };

/** Column widths in twips that add up to the 版心 exactly (the rounding goes to the widest). */
export function columnWidths(weights: readonly number[], total = TEXT_WIDTH): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((w) => Math.floor((w / sum) * total));
  const widest = widths.indexOf(Math.max(...widths));
  widths[widest] = (widths[widest] as number) + total - widths.reduce((a, b) => a + b, 0);
  return widths;
}

function isParagraphList(content: CellContent): content is readonly Paragraph[] {
  return Array.isArray(content) && content.length > 0 && content.every((c) => c instanceof Paragraph);
}

function cellParagraphs(content: CellContent, align: 'left' | 'center', style: string): Paragraph[] {
  const alignment = align === 'center' ? AlignmentType.CENTER : AlignmentType.LEFT;
  if (typeof content === 'string') {
    // Line breaks the user typed stay line breaks.
    return content.split('\n').map((line) => new Paragraph({ style, alignment, children: [new TextRun(line)] }));
  }
  if (isParagraphList(content)) return [...content];
  return [new Paragraph({ style, alignment, children: [...(content as readonly ParagraphChild[])] })];
}

function cell(content: CellContent, width: number, align: 'left' | 'center', style: string, span = 1): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlignTable.CENTER,
    ...(span > 1 ? { columnSpan: span } : {}),
    children: cellParagraphs(content, align, style),
  });
}

function headerRow(columns: readonly Column[], widths: number[]): TableRow {
  return new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: columns.map((c, i) => {
      const [first, second] = typeof c.header === 'string' ? [c.header, undefined] : c.header;
      const runs = [new TextRun(first), ...(second ? [new TextRun({ text: second, break: 1 })] : [])];
      return cell(runs, widths[i] as number, 'center', STYLE.tableHead);
    }),
  });
}

export type TableLine = { cells: readonly CellContent[]; options?: RowOptions } | { group: string };

function bodyRow(line: TableLine, columns: readonly Column[], widths: number[]): TableRow {
  if ('group' in line) {
    // A group heading (a 6+N category) stays with the first row under it.
    return new TableRow({
      cantSplit: true,
      keepNext: true,
      children: [cell([new TextRun({ text: line.group, bold: true })], TEXT_WIDTH, 'left', STYLE.table, columns.length)],
    });
  }
  const minHeight = line.options?.minHeight;
  return new TableRow({
    cantSplit: true,
    ...(minHeight ? { height: { value: minHeight, rule: HeightRule.ATLEAST } } : {}),
    children: columns.map((c, i) => cell(line.cells[i] ?? '', widths[i] as number, c.align ?? 'left', STYLE.table)),
  });
}

export function ruledTable(columns: readonly Column[], lines: readonly TableLine[]): Table {
  const widths = columnWidths(columns.map((c) => c.weight));
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    alignment: AlignmentType.CENTER,
    borders: BORDERS,
    margins: CELL_MARGINS,
    rows: [headerRow(columns, widths), ...lines.map((line) => bodyRow(line, columns, widths))],
  });
}
