import { useEffect, useState, type CSSProperties, type ReactNode } from 'react';
import BarsOutlined from '@ant-design/icons/es/icons/BarsOutlined';
import { THEME_CLASS } from '../theme';

/** antd's lg breakpoint: below it the sidebar folds away behind a button, as antd's Sider does. */
const BELOW_LG = 'screen and (max-width: 991.98px)';

const prefixCls = 'ant-layout';

/** antd's Layout with a Sider, in its markup and styles. */
export function PlainLayout({ sider, children }: { sider: ReactNode; children?: ReactNode }) {
  return (
    <div className={`${prefixCls} ${prefixCls}-has-sider ${THEME_CLASS}`} style={FULL_HEIGHT}>
      {sider}
      <div className={`${prefixCls} ${THEME_CLASS}`}>{children}</div>
    </div>
  );
}

export function PlainHeader({ style, children }: { style?: CSSProperties; children?: ReactNode }) {
  return (
    <header className={`${prefixCls}-header ${THEME_CLASS}`} style={style}>
      {children}
    </header>
  );
}

export function PlainContent({ children }: { children?: ReactNode }) {
  return <main className={`${prefixCls}-content ${THEME_CLASS}`}>{children}</main>;
}

/**
 * antd's dark Sider with `breakpoint="lg"` and `collapsedWidth={0}`: on a narrow window it folds
 * away and a button at the top left brings it back. The button can be reached with Tab here
 * (antd's is a bare span) and says what it does.
 */
export function PlainSider({
  width,
  toggleLabel,
  children,
}: {
  width: number;
  toggleLabel: string;
  children?: ReactNode;
}) {
  const sider = `${prefixCls}-sider`;
  const { below, collapsed, toggle } = useFoldingBelow(BELOW_LG);
  const shown = collapsed ? 0 : width;
  const size = `${shown}px`;
  return (
    <aside
      className={
        `${sider} ${sider}-dark` +
        (collapsed ? ` ${sider}-collapsed` : '') +
        (below ? ` ${sider}-below` : '') +
        (shown === 0 ? ` ${sider}-zero-width` : '') +
        ` ${THEME_CLASS}`
      }
      style={{ flex: `0 0 ${size}`, maxWidth: size, minWidth: size, width: size }}
    >
      <div className={`${sider}-children`}>{children}</div>
      {below && (
        <span
          className={`${sider}-zero-width-trigger ${sider}-zero-width-trigger-left`}
          role="button"
          tabIndex={0}
          aria-label={toggleLabel}
          aria-expanded={!collapsed}
          onClick={toggle}
          onKeyDown={(e) => {
            if (e.key === 'Enter' || e.key === ' ') {
              e.preventDefault();
              toggle();
            }
          }}
        >
          <BarsOutlined />
        </span>
      )}
    </aside>
  );
}

const FULL_HEIGHT = { minHeight: '100vh' } as const;

/**
 * Folded below the breakpoint, unfolded above it: each crossing decides (as antd's Sider), even
 * two quick ones in a row; in between the button folds and unfolds it.
 */
function useFoldingBelow(query: string) {
  const initially = () => (typeof window === 'undefined' ? false : (window.matchMedia?.(query).matches ?? false));
  const [below, setBelow] = useState(initially);
  const [collapsed, setCollapsed] = useState(initially);
  useEffect(() => {
    const list = window.matchMedia?.(query);
    if (!list) return;
    const onChange = () => {
      setBelow(list.matches);
      setCollapsed(list.matches);
    };
    onChange();
    list.addEventListener('change', onChange);
    return () => list.removeEventListener('change', onChange);
  }, [query]);
  return { below, collapsed, toggle: () => setCollapsed((c) => !c) };
}
