import { useId, useLayoutEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { THEME_CLASS } from '../theme';

export interface PlainTab {
  key: string;
  label: ReactNode;
}

interface PlainTabsProps {
  tabs: readonly PlainTab[];
  activeKey: string;
  onChange(key: string): void;
}

interface InkBar {
  left: number;
  width: number;
}

/**
 * A row of tabs drawn in antd's Tabs markup and styles, for a screen whose tabs only choose what
 * the table below shows. antd's Tabs (rc-tabs with its overflow menu and motion, ~10 KiB
 * gzipped) was part of the first screen's code for the meeting list's five tabs.
 * Keyboard as antd's: ←/→ (Home, End) move between the tabs, Enter or Space chooses one.
 */
export function PlainTabs({ tabs, activeKey, onChange }: PlainTabsProps) {
  const prefixCls = 'ant-tabs';
  const id = `yishi-tabs-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const list = useRef<HTMLDivElement>(null);
  const ink = useInkBar(list, activeKey);
  // antd's focus ring hangs on this class (and :focus-visible, so a click draws none).
  const [focusKey, setFocusKey] = useState<string | null>(null);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const buttons = [...(list.current?.querySelectorAll<HTMLElement>('[role="tab"]') ?? [])];
    const at = buttons.indexOf(e.target as HTMLElement);
    if (at < 0) return;
    const moveTo = { ArrowLeft: at - 1, ArrowRight: at + 1, Home: 0, End: buttons.length - 1 }[e.key];
    if (moveTo !== undefined) {
      e.preventDefault();
      buttons[(moveTo + buttons.length) % buttons.length]?.focus();
    } else if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      const key = tabs[at]?.key;
      if (key !== undefined) onChange(key);
    }
  };

  return (
    <div className={`${prefixCls} ${prefixCls}-top ${THEME_CLASS} ${prefixCls}-css-var`}>
      <div role="tablist" aria-orientation="horizontal" className={`${prefixCls}-nav`} onKeyDown={onKeyDown}>
        <div className={`${prefixCls}-nav-wrap`}>
          <div className={`${prefixCls}-nav-list`} ref={list}>
            {tabs.map(({ key, label }) => {
              const active = key === activeKey;
              return (
                <div
                  key={key}
                  data-node-key={key}
                  className={`${prefixCls}-tab${active ? ` ${prefixCls}-tab-active` : ''}${key === focusKey ? ` ${prefixCls}-tab-focus` : ''}`}
                  onClick={() => onChange(key)}
                >
                  <div
                    role="tab"
                    aria-selected={active}
                    className={`${prefixCls}-tab-btn`}
                    tabIndex={active ? 0 : -1}
                    id={`${id}-tab-${key}`}
                    aria-controls={`${id}-panel`}
                    onFocus={() => setFocusKey(key)}
                    onBlur={() => setFocusKey((was) => (was === key ? null : was))}
                  >
                    {label}
                  </div>
                </div>
              );
            })}
            <div
              className={`${prefixCls}-ink-bar ${prefixCls}-ink-bar-animated`}
              style={ink ? { width: ink.width, left: ink.left, transform: 'translateX(-50%)' } : undefined}
            />
          </div>
        </div>
      </div>
      <div className={`${prefixCls}-body-holder`}>
        <div className={`${prefixCls}-body ${prefixCls}-body-top`}>
          <div
            role="tabpanel"
            tabIndex={-1}
            className={`${prefixCls}-content ${prefixCls}-content-active`}
            id={`${id}-panel`}
            aria-labelledby={`${id}-tab-${activeKey}`}
          />
        </div>
      </div>
    </div>
  );
}

/**
 * Where antd draws the line under the chosen tab: its width, centred under it. Measured again
 * when the tabs change size (the fonts come in, 大字模式 is switched).
 */
function useInkBar(list: React.RefObject<HTMLDivElement | null>, activeKey: string): InkBar | null {
  const [ink, setInk] = useState<InkBar | null>(null);
  useLayoutEffect(() => {
    const box = list.current;
    if (!box) return;
    const measure = () => {
      const tab = box.querySelector<HTMLElement>(`[data-node-key="${CSS.escape(activeKey)}"]`);
      if (!tab) return;
      const next = { left: tab.offsetLeft + tab.offsetWidth / 2, width: tab.offsetWidth };
      setInk((was) => (was && was.left === next.left && was.width === next.width ? was : next));
    };
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(box);
    return () => observer.disconnect();
  }, [list, activeKey]);
  return ink;
}
