import type { ComponentType, ReactNode } from 'react';
import { LoadingIcon } from './plainIcons';
import { THEME_CLASS } from '../theme';

interface PlainButtonProps {
  type?: 'default' | 'primary';
  size?: 'small';
  /** An @ant-design/icons icon before the label. */
  icon?: ComponentType;
  /** A spinner instead of the icon, and clicks do nothing meanwhile (as antd's). */
  loading?: boolean;
  /** A link drawn as a button (antd's `href`). */
  href?: string;
  onClick?(): void;
  children: ReactNode;
}

/**
 * antd's Button (without its click ripple) in its markup and styles, for the first screen: antd's
 * Button brought its wave, motion and compact-group code, and the theme's provider with it.
 */
export function PlainButton({
  type = 'default',
  size,
  icon: Icon,
  loading,
  href,
  onClick,
  children,
}: PlainButtonProps) {
  const classes =
    `ant-btn ${THEME_CLASS} ant-btn-${type} ant-btn-color-${type} ant-btn-variant-${type === 'primary' ? 'solid' : 'outlined'}` +
    (size === 'small' ? ' ant-btn-sm' : '') +
    (loading ? ' ant-btn-loading' : '');
  const content = (
    <>
      {loading ? (
        <span className="ant-btn-icon ant-btn-loading-icon">
          <LoadingIcon />
        </span>
      ) : (
        Icon && (
          <span className="ant-btn-icon">
            <Icon />
          </span>
        )
      )}
      <span>{children}</span>
    </>
  );
  return href !== undefined ? (
    <a href={href} className={classes} tabIndex={0} aria-disabled="false">
      {content}
    </a>
  ) : (
    <button type="button" className={classes} onClick={loading ? undefined : onClick}>
      {content}
    </button>
  );
}
