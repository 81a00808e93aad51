import type { ReactNode } from 'react';
import { Button, Dropdown, Tooltip } from 'antd';
import {
  BoldOutlined,
  FontSizeOutlined,
  ItalicOutlined,
  OrderedListOutlined,
  RedoOutlined,
  UnderlineOutlined,
  UndoOutlined,
  UnorderedListOutlined,
} from '@ant-design/icons';
import { useEditorState, type Editor } from '@tiptap/react';
import { useTranslation } from 'react-i18next';
import { isMac, shortcut } from './shortcut';
import './messages';

/** The same shortcut in aria-keyshortcuts notation, e.g. "Control+B". */
function ariaKeys(...keys: string[]): string {
  return keys.map((k) => (k === 'Mod' ? (isMac ? 'Meta' : 'Control') : k)).join('+');
}

/**
 * What the buttons show. The selector runs on every transaction but only returns booleans,
 * and useEditorState compares them deeply, so the toolbar re-renders only when one flips.
 */
function useToolbarState(editor: Editor) {
  return useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      level: e.isActive('heading', { level: 2 }) ? 2 : e.isActive('heading', { level: 3 }) ? 3 : 0,
      bold: e.isActive('bold'),
      italic: e.isActive('italic'),
      underline: e.isActive('underline'),
      bulletList: e.isActive('bulletList'),
      orderedList: e.isActive('orderedList'),
      canUndo: e.can().undo(),
      canRedo: e.can().redo(),
    }),
  });
}

interface ToolButtonProps {
  label: string;
  keys: string[];
  icon: ReactNode;
  active?: boolean;
  disabled?: boolean;
  onRun(): void;
}

function ToolButton({ label, keys, icon, active, disabled, onRun }: ToolButtonProps) {
  const { t } = useTranslation('minutes');
  return (
    <Tooltip title={t('withShortcut', { label, keys: shortcut(...keys) })} mouseEnterDelay={0.4}>
      <Button
        type={active ? 'primary' : 'text'}
        ghost={active}
        size="small"
        icon={icon}
        aria-label={label}
        aria-pressed={active === undefined ? undefined : active}
        aria-keyshortcuts={ariaKeys(...keys)}
        disabled={disabled}
        // Keep the caret in the editor: a click must not move focus to the button.
        onMouseDown={(e) => e.preventDefault()}
        onClick={onRun}
      />
    </Tooltip>
  );
}

export function MinutesToolbar({ editor }: { editor: Editor }) {
  const { t } = useTranslation('minutes');
  const state = useToolbarState(editor);
  const chain = () => editor.chain().focus();
  const h2 = shortcut('Mod', 'Alt', '2');
  const h3 = shortcut('Mod', 'Alt', '3');
  const headingItems = [
    { key: '0', label: t('paragraph'), extra: shortcut('Mod', 'Alt', '0') },
    { key: '2', label: t('heading2'), extra: h2 },
    { key: '3', label: t('heading3'), extra: h3 },
  ];
  const setLevel = (key: string) => {
    if (key === '2' || key === '3')
      chain()
        .setHeading({ level: Number(key) as 2 | 3 })
        .run();
    else chain().setParagraph().run();
  };

  return (
    <div className="yishi-minutes-toolbar" role="toolbar" aria-label={t('toolbarLabel')}>
      <Dropdown
        trigger={['click']}
        menu={{
          items: headingItems,
          selectable: true,
          selectedKeys: [String(state.level)],
          onClick: ({ key }) => setLevel(key),
        }}
      >
        <Tooltip title={t('headingTip', { h2, h3 })} mouseEnterDelay={0.4}>
          <Button
            type={state.level ? 'primary' : 'text'}
            ghost={state.level !== 0}
            size="small"
            icon={<FontSizeOutlined />}
            aria-label={t('heading')}
            aria-haspopup="menu"
            aria-keyshortcuts={`${ariaKeys('Mod', 'Alt', '2')} ${ariaKeys('Mod', 'Alt', '3')}`}
            onMouseDown={(e) => e.preventDefault()}
          >
            {t('heading')}
          </Button>
        </Tooltip>
      </Dropdown>
      <span className="yishi-minutes-toolbar-sep" aria-hidden />
      <ToolButton
        label={t('bold')}
        keys={['Mod', 'B']}
        icon={<BoldOutlined />}
        active={state.bold}
        onRun={() => chain().toggleBold().run()}
      />
      <ToolButton
        label={t('italic')}
        keys={['Mod', 'I']}
        icon={<ItalicOutlined />}
        active={state.italic}
        onRun={() => chain().toggleItalic().run()}
      />
      <ToolButton
        label={t('underline')}
        keys={['Mod', 'U']}
        icon={<UnderlineOutlined />}
        active={state.underline}
        onRun={() => chain().toggleUnderline().run()}
      />
      <span className="yishi-minutes-toolbar-sep" aria-hidden />
      <ToolButton
        label={t('bulletList')}
        keys={['Mod', 'Shift', '8']}
        icon={<UnorderedListOutlined />}
        active={state.bulletList}
        onRun={() => chain().toggleBulletList().run()}
      />
      <ToolButton
        label={t('orderedList')}
        keys={['Mod', 'Shift', '7']}
        icon={<OrderedListOutlined />}
        active={state.orderedList}
        onRun={() => chain().toggleOrderedList().run()}
      />
      <span className="yishi-minutes-toolbar-sep" aria-hidden />
      <ToolButton
        label={t('undo')}
        keys={['Mod', 'Z']}
        icon={<UndoOutlined />}
        disabled={!state.canUndo}
        onRun={() => chain().undo().run()}
      />
      <ToolButton
        label={t('redo')}
        keys={['Mod', 'Shift', 'Z']}
        icon={<RedoOutlined />}
        disabled={!state.canRedo}
        onRun={() => chain().redo().run()}
      />
    </div>
  );
}
