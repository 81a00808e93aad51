import type { ComponentType, KeyboardEvent, ReactNode } from 'react';
import { THEME_CLASS } from '../theme';

export interface PlainMenuItem {
  key: string;
  /** An @ant-design/icons icon: drawn with antd's menu-icon class. */
  icon: ComponentType<{ className?: string }>;
  label: ReactNode;
}

interface PlainMenuProps {
  items: readonly PlainMenuItem[];
  selectedKey: string;
  onSelect(key: string): void;
}

/** antd's indent of an inline menu's first level. */
const INDENT = { paddingLeft: 24 } as const;

/**
 * The sidebar's menu in antd's dark inline Menu markup and styles. antd's Menu (rc-menu with its
 * overflow measuring, popups and tooltips, ~15 KiB gzipped) was the largest part of every
 * screen's frame for ten links. Keyboard as antd's: the menu is one stop for Tab, ↑/↓ (Home,
 * End) move between the entries, Enter or Space opens one.
 */
export function PlainMenu({ items, selectedKey, onSelect }: PlainMenuProps) {
  const prefixCls = 'ant-menu';

  const onKeyDown = (e: KeyboardEvent<HTMLUListElement>) => {
    const entries = [...e.currentTarget.querySelectorAll<HTMLElement>('[role="menuitem"]')];
    const at = entries.indexOf(document.activeElement as HTMLElement);
    const moveTo = {
      ArrowUp: at < 0 ? entries.length - 1 : at - 1,
      ArrowDown: at + 1,
      Home: 0,
      End: entries.length - 1,
    }[e.key];
    if (moveTo !== undefined) {
      e.preventDefault();
      entries[(moveTo + entries.length) % entries.length]?.focus();
    } else if ((e.key === 'Enter' || e.key === ' ') && at >= 0) {
      e.preventDefault();
      const key = items[at]?.key;
      if (key !== undefined) onSelect(key);
    }
  };

  return (
    <ul
      className={`${prefixCls} ${prefixCls}-root ${prefixCls}-inline ${prefixCls}-dark ${THEME_CLASS} ${prefixCls}-css-var`}
      role="menu"
      tabIndex={0}
      data-menu-list="true"
      onKeyDown={onKeyDown}
    >
      {items.map(({ key, icon: Icon, label }) => (
        <li
          key={key}
          className={`${prefixCls}-item${key === selectedKey ? ` ${prefixCls}-item-selected` : ''}`}
          role="menuitem"
          tabIndex={-1}
          style={INDENT}
          onClick={() => onSelect(key)}
        >
          <Icon className={`${prefixCls}-item-icon`} />
          <span className={`${prefixCls}-title-content`}>{label}</span>
        </li>
      ))}
    </ul>
  );
}
