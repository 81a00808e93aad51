import { useMemo } from 'react';
import { EditorContent, useEditor, type UseEditorOptions } from '@tiptap/react';
import { useTranslation } from 'react-i18next';
import { createMentionPopupStore, minutesExtensions } from './extensions';
import { docToText, EMPTY_DOC, type DocNode } from './docText';
import './minutes.css';

/**
 * Read-only rendering of stored minutes (a signed meeting, a filing under review, an imported
 * meeting file): the same schema as the editor, so it looks exactly as typed, and ProseMirror
 * renders only known nodes, so a crafted document cannot inject HTML.
 */
export function MinutesView({ doc }: { doc: DocNode | Record<string, unknown> | null | undefined }) {
  const { t } = useTranslation('minutes');
  const options = useMemo<UseEditorOptions>(
    () => ({
      extensions: minutesExtensions({ getAttendees: () => [], popup: createMentionPopupStore(), onDocTooLarge: () => undefined }),
      content: (doc as Record<string, unknown> | null | undefined) ?? EMPTY_DOC,
      editable: false,
      immediatelyRender: true,
      shouldRerenderOnTransaction: false,
      editorProps: { attributes: { class: 'yishi-minutes-content', 'aria-label': t('editorLabel'), 'aria-readonly': 'true' } },
    }),
    [doc, t],
  );
  const editor = useEditor(options, [options]);
  if (!doc || docToText(doc as DocNode) === '') return <p className="yishi-minutes-empty">{t('empty')}</p>;
  return (
    <div className="yishi-minutes is-readonly">
      <EditorContent editor={editor} className="yishi-minutes-body" />
    </div>
  );
}
