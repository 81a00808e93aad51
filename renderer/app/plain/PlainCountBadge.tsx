import type { CSSProperties } from 'react';
import { THEME_CLASS } from '../theme';

interface PlainCountBadgeProps {
  count: number;
  /** Above it the badge says `${overflowCount}+`, as antd's. */
  overflowCount: number;
  title: string;
  style?: CSSProperties;
  'aria-label'?: string;
  'data-testid'?: string;
}

/**
 * antd's standalone count Badge in its markup and styles, without its rolling-digit motion: the
 * 督办 count in the sidebar, drawn on every screen.
 */
export function PlainCountBadge({ count, overflowCount, title, style, ...attributes }: PlainCountBadgeProps) {
  const prefixCls = 'ant-badge';
  const scrollNumber = 'ant-scroll-number';
  const shown = count > overflowCount ? `${overflowCount}+` : String(count);
  return (
    <span {...attributes} className={`${prefixCls} ${prefixCls}-not-a-wrapper ${THEME_CLASS}`}>
      <sup
        data-show="true"
        style={style}
        className={`${scrollNumber} ${prefixCls}-count${shown.length > 1 ? ` ${prefixCls}-multiple-words` : ''}`}
        title={title}
      >
        {count > overflowCount ? (
          shown
        ) : (
          <bdi>
            {[...shown].map((digit, i) => (
              <span key={i} className={`${scrollNumber}-only`} style={NO_TRANSITION}>
                <span className={`${scrollNumber}-only-unit current`}>{digit}</span>
              </span>
            ))}
          </bdi>
        )}
      </sup>
    </span>
  );
}

const NO_TRANSITION = { transition: 'none' } as const;
