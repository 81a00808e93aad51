import { Children, type ReactNode } from 'react';
import { THEME_CLASS } from '../theme';

/** antd's horizontal Space in its markup and styles: for the header and first screen. */
export function PlainSpace({ size = 'small', children }: { size?: 'small' | 'large'; children?: ReactNode }) {
  const prefixCls = 'ant-space';
  return (
    <div
      className={`${prefixCls} ${prefixCls}-horizontal ${prefixCls}-align-center ${prefixCls}-gap-row-${size} ${prefixCls}-gap-col-${size} ${THEME_CLASS}`}
    >
      {/* toArray leaves out null and false children, as antd's Space does. */}
      {Children.toArray(children).map((child, i) => (
        <div key={i} className={`${prefixCls}-item`}>
          {child}
        </div>
      ))}
    </div>
  );
}
