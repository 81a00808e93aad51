import { STYLE, TEXT_WIDTH } from './style';
import { paragraph, paragraphXml, text, type BodyBlock, type Inline } from './wml';
import { tableBlock, type BorderLine, type CellMargins, type TableRowSpec } from './wmlTable';

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

/** A cell: plain text (line breaks kept), runs for one paragraph, or ready paragraphs. */
export type CellContent = string | readonly Inline[] | BodyBlock;

export interface RowOptions {
  /** Minimum height in twips (signature boxes). */
  minHeight?: number;
}

const LINE: BorderLine = { style: 'single', size: 4, color: '000000' };
export const NO_BORDERS: BorderLine = { style: 'none', size: 0, color: 'FFFFFF' };
export const CELL_MARGINS: CellMargins = { top: 45, bottom: 45, left: 60, right: 60 };

/** Column widths in twips that add up to the 版心 exactly (the rounding goes to the widest). */
export function columnWidths(weights: readonly number[], total = TEXT_WIDTH): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((w) => Math.floor((w / sum) * total));
  const widest = widths.indexOf(Math.max(...widths));
  widths[widest] = (widths[widest] as number) + total - widths.reduce((a, b) => a + b, 0);
  return widths;
}

function cellBlock(content: CellContent, align: 'left' | 'center', style: string, keepNext = false): BodyBlock {
  const props = { style, ...(keepNext ? { keepNext } : {}), align };
  // Line breaks the user typed stay line breaks: one paragraph per line.
  if (typeof content === 'string')
    return {
      xml: content
        .split('\n')
        .map((line) => paragraphXml(props, [text(line)]))
        .join(''),
    };
  if ('xml' in content) return content;
  return paragraph(props, content);
}

function headerRow(columns: readonly Column[], widths: number[]): TableRowSpec {
  return {
    header: true,
    cantSplit: true,
    cells: columns.map((c, i) => {
      const [first, second] = typeof c.header === 'string' ? [c.header, undefined] : c.header;
      const runs: Inline[] = [text(first), ...(second ? [{ text: second, break: true }] : [])];
      return { width: widths[i] as number, content: cellBlock(runs, 'center', STYLE.tableHead) };
    }),
  };
}

export type TableLine = { cells: readonly CellContent[]; options?: RowOptions } | { group: string };

function bodyRow(line: TableLine, columns: readonly Column[], widths: number[]): TableRowSpec {
  if ('group' in line) {
    // A group heading (a 6+N category) stays with the first row under it.
    const content = cellBlock([text(line.group, { bold: true })], 'left', STYLE.table, true);
    return { cantSplit: true, cells: [{ width: TEXT_WIDTH, span: columns.length, content }] };
  }
  const minHeight = line.options?.minHeight;
  return {
    cantSplit: true,
    ...(minHeight ? { minHeight } : {}),
    cells: columns.map((c, i) => ({
      width: widths[i] as number,
      content: cellBlock(line.cells[i] ?? '', c.align ?? 'left', STYLE.table),
    })),
  };
}

export function ruledTable(columns: readonly Column[], lines: readonly TableLine[]): BodyBlock {
  const widths = columnWidths(columns.map((c) => c.weight));
  return tableBlock({
    width: TEXT_WIDTH,
    columnWidths: widths,
    center: true,
    borders: LINE,
    margins: CELL_MARGINS,
    rows: [headerRow(columns, widths), ...lines.map((line) => bodyRow(line, columns, widths))],
  });
}
