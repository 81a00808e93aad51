import type { ReactNode } from 'react';
import { THEME_CLASS } from '../theme';

const DOTS = (
  <span className="ant-spin-dot-holder">
    <span className="ant-spin-dot ant-spin-dot-spin">
      <i className="ant-spin-dot-item" />
      <i className="ant-spin-dot-item" />
      <i className="ant-spin-dot-item" />
      <i className="ant-spin-dot-item" />
    </span>
  </span>
);

/**
 * antd's Spin in its markup and styles: around content (`children`), or covering the window
 * (`fullscreen`) while a screen's code loads.
 */
export function PlainSpin({
  spinning = true,
  fullscreen = false,
  size,
  children,
}: {
  spinning?: boolean;
  fullscreen?: boolean;
  size?: 'large';
  children?: ReactNode;
}) {
  const standalone = children === undefined && !fullscreen;
  const classes =
    'ant-spin' +
    (size === 'large' ? ' ant-spin-lg' : '') +
    (spinning ? ' ant-spin-spinning' : '') +
    (fullscreen ? ' ant-spin-fullscreen' : '') +
    // Alone (nothing inside, not over the window), the spinner is itself antd's section.
    (standalone ? ' ant-spin-section' : '') +
    ` ${THEME_CLASS}`;
  return (
    <div className={classes} aria-live="polite" aria-busy={spinning}>
      {spinning && (standalone ? DOTS : <div className="ant-spin-section">{DOTS}</div>)}
      {children !== undefined && <div className="ant-spin-container">{children}</div>}
    </div>
  );
}
