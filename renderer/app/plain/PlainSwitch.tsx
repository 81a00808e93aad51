import { THEME_CLASS } from '../theme';

interface PlainSwitchProps {
  checked: boolean;
  onChange(checked: boolean): void;
  'aria-label': string;
}

/**
 * antd's Switch (without its click ripple) in its markup and styles: the header's 大字模式 is on
 * every screen, and antd's Switch brought its motion and wave code into the first one.
 * Keyboard as antd's: Space or Enter toggles, ← turns it off and → on.
 */
export function PlainSwitch({ checked, onChange, 'aria-label': label }: PlainSwitchProps) {
  const prefixCls = 'ant-switch';
  return (
    <button
      aria-label={label}
      type="button"
      role="switch"
      aria-checked={checked}
      className={`${prefixCls} ${THEME_CLASS}${checked ? ` ${prefixCls}-checked` : ''}`}
      onClick={() => onChange(!checked)}
      onKeyDown={(e) => {
        if (e.key === 'ArrowLeft' && checked) onChange(false);
        else if (e.key === 'ArrowRight' && !checked) onChange(true);
      }}
    >
      <div className={`${prefixCls}-handle`} />
      <span className={`${prefixCls}-inner`}>
        <span className={`${prefixCls}-inner-checked`} />
        <span className={`${prefixCls}-inner-unchecked`} />
      </span>
    </button>
  );
}
