import type { KeyboardEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import DoubleLeftOutlined from '@ant-design/icons/es/icons/DoubleLeftOutlined';
import DoubleRightOutlined from '@ant-design/icons/es/icons/DoubleRightOutlined';
import EllipsisOutlined from '@ant-design/icons/es/icons/EllipsisOutlined';
import LeftOutlined from '@ant-design/icons/es/icons/LeftOutlined';
import RightOutlined from '@ant-design/icons/es/icons/RightOutlined';
import { pageCount, pagerItems } from './pagerItems';
import { THEME_CLASS } from '../theme';

export interface PlainPagerProps {
  current: number;
  pageSize: number;
  total: number;
  onChange?(page: number): void;
  /** Nothing drawn while every row fits on one page. */
  hideOnSinglePage?: boolean;
  size?: 'small';
  className?: string;
}

const onEnter = (go: () => void) => (e: KeyboardEvent) => {
  if (e.key === 'Enter') go();
};

/**
 * antd's Pagination (no size changer, no quick jumper) in its markup and styles, without its
 * machinery: antd's pager brings its page-size Select (rc-select and a virtual list, ~15 KiB
 * gzipped) into every screen with a table, the first screen too, though no pager here offers it.
 */
export function PlainPager({ current, pageSize, total, onChange, hideOnSinglePage, size, className }: PlainPagerProps) {
  const prefixCls = 'ant-pagination';
  const { t } = useTranslation();
  if (hideOnSinglePage && total <= pageSize) return null;
  const pages = pageCount(total, pageSize);
  const go = (page: number) => {
    const next = Math.min(Math.max(page, 1), pages);
    if (next !== current) onChange?.(next);
  };
  const hasPrev = current > 1;
  const hasNext = current < pages;
  const sizeClass = size === 'small' ? ` ${prefixCls}-small ${prefixCls}-mini` : '';
  const jump = (page: number, forward: boolean, title: string | undefined): ReactNode => (
    <li
      title={title}
      key={forward ? 'next' : 'prev'}
      onClick={() => go(page)}
      tabIndex={0}
      onKeyDown={onEnter(() => go(page))}
      className={`${prefixCls}-jump-${forward ? 'next' : 'prev'} ${prefixCls}-jump-${forward ? 'next' : 'prev'}-custom-icon`}
    >
      <a className={`${prefixCls}-item-link`}>
        <div className={`${prefixCls}-item-container`}>
          {forward ? (
            <DoubleRightOutlined className={`${prefixCls}-item-link-icon`} />
          ) : (
            <DoubleLeftOutlined className={`${prefixCls}-item-link-icon`} />
          )}
          <span className={`${prefixCls}-item-ellipsis`}>
            <EllipsisOutlined />
          </span>
        </div>
      </a>
    </li>
  );
  /** 上一页 or 下一页: a button that stays in its place, greyed where there is no page that way. */
  const step = (forward: boolean): ReactNode => {
    const open = forward ? hasNext : hasPrev;
    const to = current + (forward ? 1 : -1);
    return (
      <li
        title={t(forward ? 'pager.next' : 'pager.prev')}
        onClick={() => go(to)}
        tabIndex={open ? 0 : undefined}
        onKeyDown={onEnter(() => go(to))}
        className={`${prefixCls}-${forward ? 'next' : 'prev'}${open ? '' : ` ${prefixCls}-disabled`}`}
        aria-disabled={!open}
      >
        <button className={`${prefixCls}-item-link`} type="button" tabIndex={-1} disabled={!open}>
          {forward ? <RightOutlined /> : <LeftOutlined />}
        </button>
      </li>
    );
  };
  return (
    <ul className={`${prefixCls}${sizeClass}${className ? ` ${className}` : ''} ${THEME_CLASS}`}>
      {step(false)}
      {pagerItems(current, pageSize, total).map((item) => {
        if (item.kind !== 'page')
          return jump(
            item.page,
            item.kind === 'jump-next',
            t(item.kind === 'jump-next' ? 'pager.next5' : 'pager.prev5'),
          );
        const classes =
          (item.afterJumpPrev ? `${prefixCls}-item-after-jump-prev ` : '') +
          (item.beforeJumpNext ? `${prefixCls}-item-before-jump-next ` : '');
        return (
          <li
            key={item.page}
            title={String(item.page)}
            className={`${prefixCls}-item ${prefixCls}-item-${item.page}${item.active ? ` ${prefixCls}-item-active` : ''}${classes ? ` ${classes.trim()}` : ''}`}
            onClick={() => go(item.page)}
            onKeyDown={onEnter(() => go(item.page))}
            tabIndex={0}
          >
            <a rel="nofollow">{item.page}</a>
          </li>
        );
      })}
      {step(true)}
    </ul>
  );
}
