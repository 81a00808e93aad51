import type { CSSProperties, ReactNode } from 'react';
import { InfoCircleFilledIcon } from './plainIcons';
import { THEME_CLASS } from '../theme';

/** antd's info Alert with its icon, for a one-line notice at the top of a screen. */
export function PlainInfoAlert({ style, children }: { style?: CSSProperties; children: ReactNode }) {
  return (
    <div
      data-show="true"
      className={`ant-alert ant-alert-info ant-alert-outlined ${THEME_CLASS}`}
      style={style}
      role="alert"
    >
      <span className="ant-alert-icon">
        <InfoCircleFilledIcon />
      </span>
      <div className="ant-alert-section">
        <div className="ant-alert-title">{children}</div>
      </div>
    </div>
  );
}
