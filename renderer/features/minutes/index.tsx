import './messages';
import { Suspense } from 'react';
import { Skeleton } from 'antd';
import { lazyScreen } from '../../app/lazyScreen';
import type { MinutesEditorProps } from './MinutesEditor';

/**
 * The minutes feature as other features see it. The editor (Tiptap and ProseMirror, the largest
 * code of the app) loads on first use or when preloaded, in its own chunk, so a screen that only
 * shows past minutes never loads it.
 */
const editor = lazyScreen<MinutesEditorProps>(() => import('./MinutesEditor').then((m) => m.MinutesEditor));

export function MinutesEditor(props: MinutesEditorProps) {
  return (
    <Suspense fallback={<Skeleton active paragraph={{ rows: 4 }} title={false} />}>
      <editor.Screen {...props} />
    </Suspense>
  );
}

/** Fetches the editor's code ahead of the first meeting opened. */
export const preloadMinutesEditor = editor.preload;

export type { MinutesEditorProps };
export { MinutesView } from './MinutesView';
// Autosave for any text typed during a meeting, and the line that says whether it is saved.
export { SaveStatusLine, type SaveStatusTexts } from './SaveStatusLine';
export { useAutosavedText } from './useAutosavedText';
export { dialogDrafts } from './localDrafts';
