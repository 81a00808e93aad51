import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { PlainPager, type PlainPagerProps } from './plain/PlainPager';
import { PlainSpin } from './plain/PlainSpin';
import { THEME_CLASS } from './theme';

export interface PlainColumn<Row> {
  key: string;
  title: ReactNode;
  /** Pixels, or a share of the table's width ('20%'). */
  width?: number | string;
  /** Numbers: to the right, as antd's `align`. */
  align?: 'right';
  render(row: Row): ReactNode;
}

interface PlainTableProps<Row> {
  columns: readonly PlainColumn<Row>[];
  rows: readonly Row[];
  rowKey(row: Row, index: number): string;
  /** While true a spinner covers the table (the empty text stays: pass what it should say meanwhile). */
  loading?: boolean;
  emptyText: ReactNode;
  /** antd's sizes, its default 'large' too. */
  size?: 'large' | 'middle' | 'small';
  rowClassName?(row: Row): string;
  onRowDoubleClick?(row: Row): void;
  /** A pager below the rows, as antd's Table draws it (the rows are that page already). */
  pagination?: Omit<PlainPagerProps, 'size' | 'className'>;
  /**
   * As antd's `scroll={{ x: 'max-content' }}`: columns keep their content's width and the table
   * scrolls sideways on a narrow window (a 1366 px laptop) instead of squeezing them.
   */
  scrollX?: 'max-content';
  /** A class of the screen's own beside antd's on the outermost element. */
  className?: string;
}

const RIGHT = { textAlign: 'right' } as const;
const AUTO_LAYOUT = { tableLayout: 'auto' } as const;
// rc-table's styles for a sideways-scrolling table without fixed columns or header.
const SCROLL_X_CONTENT = { overflowX: 'auto', overflowY: 'hidden' } as const;
const SCROLL_X_TABLE = { width: 'max-content', minWidth: '100%', tableLayout: 'auto' } as const;
const alignOf = (c: PlainColumn<never>) => (c.align === 'right' ? RIGHT : undefined);

/**
 * A read-only table of one page of rows, drawn in antd's Table markup and styles.
 * For a screen redrawn on every keystroke: antd's Table spent ~37 ms of each roster keystroke
 * here on its own machinery (columns, selection, sorting, scroll measuring) for twenty plain rows.
 * A pager and sideways scrolling as antd's; no sorting, selection, expanding or fixed columns: use
 * antd's Table where those are needed.
 */
export function PlainTable<Row>({
  columns,
  rows,
  rowKey,
  loading = false,
  emptyText,
  size = 'large',
  rowClassName,
  onRowDoubleClick,
  pagination,
  scrollX,
  className,
}: PlainTableProps<Row>) {
  const prefixCls = 'ant-table';
  const rootCls = `${prefixCls}-css-var`;
  const empty = rows.length === 0;
  const lastSized = columns.findLastIndex((c) => c.width !== undefined);
  // antd's: its default 'large' has no class, 'middle' is called medium.
  const sizeClass = size === 'large' ? '' : ` ${prefixCls}-${size === 'middle' ? 'medium' : 'small'}`;
  const shadows = useScrollShadows(scrollX !== undefined);
  const scrollClass = scrollX
    ? ` ${prefixCls}-fix-start-shadow ${prefixCls}-fix-end-shadow` +
      (shadows.start ? ` ${prefixCls}-fix-start-shadow-show` : '') +
      (shadows.end ? ` ${prefixCls}-fix-end-shadow-show` : '') +
      ` ${prefixCls}-scroll-horizontal`
    : '';
  return (
    <div
      className={`${THEME_CLASS} ${rootCls} ${prefixCls}-wrapper yishi-page-table${className ? ` ${className}` : ''}`}
    >
      <PlainSpin spinning={loading}>
        <div
          className={`${prefixCls}${sizeClass}${empty ? ` ${prefixCls}-empty` : ''} ${THEME_CLASS} ${rootCls}${scrollClass}`}
        >
          <div className={`${prefixCls}-container`}>
            <div
              // rc-table's attribute order, so that the markup is antd's to the character.
              style={scrollX ? SCROLL_X_CONTENT : undefined}
              className={`${prefixCls}-content`}
              ref={shadows.ref}
              onScroll={shadows.onScroll}
            >
              <table style={scrollX ? SCROLL_X_TABLE : AUTO_LAYOUT}>
                <colgroup>
                  {/* As rc-table: no <col> after the last column with a width. */}
                  {columns.slice(0, lastSized + 1).map((c) => (
                    <col key={c.key} style={c.width === undefined ? undefined : { width: c.width }} />
                  ))}
                </colgroup>
                <thead className={`${prefixCls}-thead`}>
                  <tr>
                    {columns.map((c) => (
                      <th key={c.key} className={`${prefixCls}-cell`} scope="col" style={alignOf(c)}>
                        {c.title}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody className={`${prefixCls}-tbody`}>
                  {empty ? (
                    <tr className={`${prefixCls}-placeholder`}>
                      <td className={`${prefixCls}-cell`} colSpan={columns.length}>
                        {emptyText}
                      </td>
                    </tr>
                  ) : (
                    rows.map((row, i) => {
                      const key = rowKey(row, i);
                      const extra = rowClassName?.(row);
                      return (
                        <tr
                          key={key}
                          className={`${prefixCls}-row ${prefixCls}-row-level-0${extra ? ` ${extra}` : ''}`}
                          data-row-key={key}
                          onDoubleClick={onRowDoubleClick && (() => onRowDoubleClick(row))}
                        >
                          {columns.map((c) => (
                            <td key={c.key} className={`${prefixCls}-cell`} style={alignOf(c)}>
                              {c.render(row)}
                            </td>
                          ))}
                        </tr>
                      );
                    })
                  )}
                </tbody>
              </table>
            </div>
          </div>
        </div>
        {pagination?.total ? (
          <PlainPager
            {...pagination}
            className={`${prefixCls}-pagination ${prefixCls}-pagination-end`}
            // As antd's Table: its small and middle sizes have the small pager.
            {...(size === 'large' ? {} : { size: 'small' as const })}
          />
        ) : null}
      </PlainSpin>
    </div>
  );
}

/**
 * antd's edge shadows of a sideways-scrolling table: at the end while more columns lie to the
 * right, at the start once scrolled. Judged when the table or its box changes size (a
 * ResizeObserver answers after layout, so no layout is forced) and on scrolling.
 */
function useScrollShadows(enabled: boolean) {
  const ref = useRef<HTMLDivElement>(null);
  const [shadows, setShadows] = useState({ start: false, end: false });
  const judge = useCallback(() => {
    const box = ref.current;
    if (!box) return;
    const start = box.scrollLeft > 0;
    const end = box.scrollLeft < box.scrollWidth - box.clientWidth - 1;
    setShadows((s) => (s.start === start && s.end === end ? s : { start, end }));
  }, []);
  useEffect(() => {
    const box = ref.current;
    if (!enabled || !box || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(judge);
    observer.observe(box);
    if (box.firstElementChild) observer.observe(box.firstElementChild);
    return () => observer.disconnect();
  }, [enabled, judge]);
  return { ...shadows, ref, onScroll: enabled ? judge : undefined };
}

/** The colours plain tags use: antd's preset colours and status colours of these names. */
export type PlainTagColor =
  | 'default'
  | 'processing'
  | 'success'
  | 'red'
  | 'gold'
  | 'volcano'
  | 'orange'
  | 'blue'
  | 'green'
  | 'purple'
  | 'geekblue'
  | 'cyan';

/**
 * The class of a `<span>` drawn as antd's filled Tag, in `color` (none: antd's Tag without one).
 * antd's Tag works out its colour, variant and semantic classes on every render: thirty tags were
 * ~5–10 ms of each roster keystroke. Its colour rules are in antd's stylesheet.
 */
export function plainTagClass(color?: PlainTagColor): string {
  const base = `ant-tag ant-tag-filled`;
  return color ? `${base} ant-tag-${color} ${THEME_CLASS}` : `${base} ${THEME_CLASS}`;
}

export interface PlainTags {
  className(color?: PlainTagColor): string;
}

/** The tag classes, passed to the parts of a screen that draw tags. */
export const PLAIN_TAGS: PlainTags = { className: plainTagClass };
