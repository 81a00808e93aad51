import { useRef, type CSSProperties, type KeyboardEvent } from 'react';
import SearchOutlined from '@ant-design/icons/es/icons/SearchOutlined';
import { THEME_CLASS } from '../theme';

interface PlainSearchBoxProps {
  placeholder: string;
  'aria-label': string;
  /** The name of the search button (antd's icon alone says "search"). */
  buttonLabel: string;
  maxLength: number;
  style?: CSSProperties;
  onFocus?(): void;
  onSearch(words: string): void;
}

/**
 * antd's Input.Search with a button, in its markup and styles: the header's quick search on every
 * screen. antd's Input (rc-input with its clear, count and affix machinery) was first-screen code
 * for one box. Enter or the button searches; Enter that only confirms a word being typed with an
 * input method (拼音) does not.
 */
export function PlainSearchBox({
  placeholder,
  'aria-label': label,
  buttonLabel,
  maxLength,
  style,
  onFocus,
  onSearch,
}: PlainSearchBoxProps) {
  const [input, search, button] = ['ant-input', 'ant-input-search', 'ant-btn'];
  const box = useRef<HTMLInputElement>(null);
  const go = () => onSearch(box.current?.value ?? '');
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter' && !e.nativeEvent.isComposing) go();
  };
  return (
    <div className={`ant-space-compact ${search} ${THEME_CLASS} ${search}-with-button`} style={style}>
      <input
        ref={box}
        placeholder={placeholder}
        aria-label={label}
        maxLength={maxLength}
        type="search"
        className={`${input} ${input}-outlined ${THEME_CLASS} ${input}-css-var ${input}-compact-item ${input}-compact-first-item`}
        onFocus={onFocus}
        onKeyDown={onKeyDown}
      />
      <button
        aria-label={buttonLabel}
        type="button"
        className={`${button} ${THEME_CLASS} ${button}-default ${button}-color-default ${button}-variant-outlined ${button}-icon-only ${button}-compact-item ${button}-compact-last-item ${search}-btn`}
        // As antd's: a click keeps the focus in the box.
        onMouseDown={(e) => {
          if (document.activeElement === box.current) e.preventDefault();
        }}
        onClick={go}
      >
        <span className={`${button}-icon`}>
          <SearchOutlined />
        </span>
      </button>
    </div>
  );
}
