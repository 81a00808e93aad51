import { Children, useContext, type ReactNode } from 'react';
import { ConfigProvider } from 'antd';
import useStyle from 'antd/es/space/style';

/** antd's horizontal Space in its markup and styles: for the header and first screen. */
export function PlainSpace({ size = 'small', children }: { size?: 'small' | 'large'; children?: ReactNode }) {
  const { getPrefixCls } = useContext(ConfigProvider.ConfigContext);
  const prefixCls = getPrefixCls('space');
  const [hashId, cssVarCls] = useStyle(prefixCls);
  return (
    <div
      className={`${prefixCls} ${hashId} ${prefixCls}-horizontal ${prefixCls}-align-center ${prefixCls}-gap-row-${size} ${prefixCls}-gap-col-${size} ${cssVarCls}`}
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
