import { useEffect, useLayoutEffect, useRef, useState, useSyncExternalStore } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type { MentionPopupStore } from './extensions';
import './messages';

const GAP = 4;
const MARGIN = 8;

/** Below the caret, or above it when there is no room below; kept inside the window. */
export function popupPosition(
  caret: DOMRect,
  size: { width: number; height: number },
  viewport: { width: number; height: number },
) {
  const below = caret.bottom + GAP;
  const top =
    below + size.height + MARGIN > viewport.height && caret.top - GAP - size.height >= MARGIN
      ? caret.top - GAP - size.height
      : below;
  const left = Math.max(MARGIN, Math.min(caret.left, viewport.width - size.width - MARGIN));
  return { top, left };
}

/**
 * The "@" suggestion list, in plain React positioned from the suggestion's clientRect
 * (no tippy.js). Keyboard handling lives in the suggestion (↑↓ Enter Esc); the mouse can pick too.
 */
export function MentionPopup({ store }: { store: MentionPopupStore }) {
  const { t } = useTranslation('minutes');
  const state = useSyncExternalStore(store.subscribe, store.get);
  const ref = useRef<HTMLDivElement>(null);
  const [pos, setPos] = useState<{ top: number; left: number } | null>(null);

  useLayoutEffect(() => {
    const caret = state?.clientRect?.();
    const el = ref.current;
    if (!caret || !el) return;
    setPos(
      popupPosition(
        caret,
        { width: el.offsetWidth, height: el.offsetHeight },
        { width: window.innerWidth, height: window.innerHeight },
      ),
    );
  }, [state]);

  useEffect(() => {
    if (!state) return;
    // Scrolling the minutes (or the page) moves the caret; follow it.
    const follow = () => store.reposition();
    window.addEventListener('scroll', follow, true);
    window.addEventListener('resize', follow);
    return () => {
      window.removeEventListener('scroll', follow, true);
      window.removeEventListener('resize', follow);
    };
  }, [state, store]);

  useEffect(() => {
    ref.current?.querySelector('[aria-selected="true"]')?.scrollIntoView({ block: 'nearest' });
  }, [state?.selected]);

  if (!state) return null;
  return createPortal(
    <div
      ref={ref}
      className="yishi-mention-popup"
      style={{ top: pos?.top ?? -9999, left: pos?.left ?? -9999 }}
      role="listbox"
      aria-label={t('mentionListLabel')}
      // Clicking the list must not take focus (and the caret) away from the editor.
      onMouseDown={(e) => e.preventDefault()}
    >
      {state.items.length === 0 ? (
        <div className="yishi-mention-empty">{t('mentionNone')}</div>
      ) : (
        state.items.map((item, index) => (
          <div
            key={item.id}
            role="option"
            aria-selected={index === state.selected}
            className={index === state.selected ? 'yishi-mention-option is-selected' : 'yishi-mention-option'}
            onClick={() => state.pick(index)}
          >
            <span className="yishi-mention-name">{item.name}</span>
            {item.unit ? <span className="yishi-mention-unit">{item.unit}</span> : null}
          </div>
        ))
      )}
      <div className="yishi-mention-hint">{t('mentionHint')}</div>
    </div>,
    document.body,
  );
}
