import { useEffect, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import { Alert, App, Skeleton } from 'antd';
import { EditorContent, useEditor, type Editor, type UseEditorOptions } from '@tiptap/react';
import type { EditorView } from '@tiptap/pm/view';
import { Selection } from '@tiptap/pm/state';
import type { Node as PmNode, Slice } from '@tiptap/pm/model';
import { useTranslation } from 'react-i18next';
import type { Minutes } from '../../../shared/domain/meeting';
import { useApp } from '../../app/AppContext';
import type { AutosaveScheduler } from './autosave';
import { createMentionPopupStore, minutesExtensions } from './extensions';
import { EMPTY_DOC } from '../../../shared/meeting/minutesDoc';
import { MAX_DOC_CHARS, MAX_PASTE_CHARS, pasteAllowed } from './limits';
import type { MentionCandidate } from './mentionFilter';
import { loadMinutes } from '../../data/repos/minutesRepo';
import { MentionPopup } from './MentionPopup';
import { MinutesToolbar } from './MinutesToolbar';
import { SaveStatusLine } from './SaveStatusLine';
import { journaledMinutes, useMinutesAutosave } from './useMinutesAutosave';
import './minutes.css';
import './messages';

export interface MinutesEditorProps {
  agendaItemId: string;
  meetingId: string;
  /** Who can be @mentioned: the meeting's attendance rows (name + unit). */
  attendees: readonly MentionCandidate[];
  /** For finalised/signed meetings: no toolbar, no autosave, no editing. */
  readOnly: boolean;
  autoFocus?: boolean;
  /** Filled with a function that puts the caret back into the minutes (e.g. for a page shortcut). */
  onFocusRequestRef?: RefObject<(() => void) | null>;
  /** Filled with a function that saves now; await it before 定稿 or leaving the meeting. */
  flushRef?: RefObject<(() => Promise<boolean>) | null>;
}

type Loaded =
  | { agendaItemId: string; row: Minutes | undefined; restored: Record<string, unknown> | undefined }
  | { agendaItemId: string; error: string };

/** Loads the stored minutes, then mounts the editor keyed by agenda item. */
export function MinutesEditor(props: MinutesEditorProps) {
  const { db } = useApp();
  const { t } = useTranslation('minutes');
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const { agendaItemId, readOnly } = props;

  useEffect(() => {
    let current = true;
    loadMinutes(db, agendaItemId).then(
      // Minutes typed when the window closed, before their save landed, come back and are saved.
      (row) =>
        current &&
        setLoaded({ agendaItemId, row, restored: readOnly ? undefined : journaledMinutes(agendaItemId, row) }),
      (e: unknown) => current && setLoaded({ agendaItemId, error: e instanceof Error ? e.message : String(e) }),
    );
    return () => {
      current = false;
    };
    // readOnly is read once per item: the editor handles a later change itself.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [db, agendaItemId]);

  // A stale load (of the previous item) must never be shown, let alone saved over this one.
  if (!loaded || loaded.agendaItemId !== agendaItemId) {
    return <Skeleton active paragraph={{ rows: 4 }} title={false} aria-label={t('loading')} />;
  }
  if ('error' in loaded) return <Alert type="error" showIcon title={t('loadFailed', { message: loaded.error })} />;
  return <LoadedMinutesEditor key={agendaItemId} {...props} row={loaded.row} restored={loaded.restored} />;
}

/** Throttles a notice so holding a key at the size cap shows one message, not hundreds. */
function useThrottledNotice(): (key: string, params?: Record<string, unknown>) => void {
  const { message } = App.useApp();
  const { t } = useTranslation('minutes');
  const last = useRef(0);
  const notify = (key: string, params?: Record<string, unknown>) => {
    const now = Date.now();
    if (now - last.current < 3000) return;
    last.current = now;
    void message.warning({ content: t(key, params), key: 'yishi-minutes-limit', duration: 6 });
  };
  const ref = useRef(notify);
  useEffect(() => {
    ref.current = notify;
  });
  return (key, params) => ref.current(key, params);
}

/** Paste guard, before ProseMirror parses the clipboard (a 10 MB paste would stall it). */
function guardPaste(
  view: EditorView,
  event: ClipboardEvent,
  slice: Slice | null,
  refuse: (key: string, params: Record<string, unknown>) => void,
): boolean {
  const text = event.clipboardData?.getData('text/plain') ?? '';
  const size = Math.max(text.length, slice?.content.size ?? 0);
  const verdict = pasteAllowed(size, view.state.doc.content.size);
  if (verdict.ok) return false;
  const params = {
    count: size.toLocaleString(),
    max: (verdict.reason === 'pasteTooLarge' ? MAX_PASTE_CHARS : MAX_DOC_CHARS).toLocaleString(),
  };
  refuse(verdict.reason, params);
  event.preventDefault();
  return true;
}

/**
 * True when the caret is in another text field (the 决议, say, kept across Alt+N) or in a dialog
 * (新决定 opened by Alt+D while this editor was still loading): the editor must not take it away
 * mid-word. Asked at the moment focus would move, not when the editor was built.
 */
function focusTakenElsewhere(): boolean {
  const active = document.activeElement;
  if (!(active instanceof HTMLElement)) return false;
  if (active.closest('[role="dialog"]')) return true;
  return active.isContentEditable || active instanceof HTMLTextAreaElement || active instanceof HTMLInputElement;
}

/** Puts the caret at the end of the minutes, unless the chair is already typing elsewhere. */
function useAutoFocus(editor: Editor, enabled: boolean) {
  useEffect(() => {
    if (!enabled) return;
    // One frame later the view is in the page; tiptap's own autofocus waits a frame too, but
    // decides before it, which let it steal the caret from a dialog opened in between.
    const frame = requestAnimationFrame(() => {
      if (editor.isDestroyed || focusTakenElsewhere()) return;
      editor.view.dispatch(editor.state.tr.setSelection(Selection.atEnd(editor.state.doc)));
      editor.view.focus();
    });
    return () => cancelAnimationFrame(frame);
    // Once per mount, like autofocus.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [editor]);
}

interface EditorSetupInput {
  content: Record<string, unknown>;
  readOnly: boolean;
  label: string;
  scheduler: AutosaveScheduler<PmNode>;
  getAttendees: () => readonly MentionCandidate[];
  refuse: (key: string, params: Record<string, unknown>) => void;
}

/**
 * The editor's options, built once per mount: useEditor re-applies options whenever they
 * differ by identity, so everything that changes later is reached through callbacks.
 */
function createEditorSetup({ content, readOnly, label, scheduler, getAttendees, refuse }: EditorSetupInput) {
  const popup = createMentionPopupStore();
  const options: UseEditorOptions = {
    extensions: minutesExtensions({
      getAttendees,
      popup,
      onDocTooLarge: () => refuse('docTooLarge', { max: MAX_DOC_CHARS.toLocaleString() }),
    }),
    content,
    editable: !readOnly,
    autofocus: false,
    immediatelyRender: true,
    shouldRerenderOnTransaction: false,
    editorProps: {
      attributes: { class: 'yishi-minutes-content', 'aria-label': label, 'aria-multiline': 'true', role: 'textbox' },
      handleDOMEvents: { paste: (view, event) => guardPaste(view, event, null, refuse) },
      handlePaste: (view, event, slice) => guardPaste(view, event, slice, refuse),
    },
    // The snapshot is the immutable document: no serialisation per keystroke.
    onUpdate: ({ editor }) => scheduler.markDirty(editor.state.doc),
    onBlur: () => void scheduler.flush(),
  };
  return { popup, options };
}

function LoadedMinutesEditor(
  props: MinutesEditorProps & { row: Minutes | undefined; restored: Record<string, unknown> | undefined },
) {
  const { db } = useApp();
  const { t } = useTranslation('minutes');
  const { agendaItemId, meetingId, attendees, readOnly, autoFocus, onFocusRequestRef, flushRef, row, restored } = props;
  const scheduler = useMinutesAutosave({ db, agendaItemId, meetingId, savedAt: row?.updatedAt });
  const notify = useThrottledNotice();
  const attendeesRef = useRef(attendees);
  useEffect(() => {
    attendeesRef.current = attendees;
  }, [attendees]);

  const [setup] = useState(() =>
    createEditorSetup({
      content: restored ?? row?.doc ?? EMPTY_DOC,
      readOnly,
      label: t('editorLabel'),
      scheduler,
      getAttendees: () => attendeesRef.current,
      refuse: notify,
    }),
  );
  const editor = useEditor(setup.options, []);
  useAutoFocus(editor, Boolean(autoFocus) && !readOnly);

  useEffect(() => {
    // Restored from the journal: not in the database yet, so saved like a fresh change.
    if (restored && !readOnly) scheduler.markDirty(editor.state.doc);
    // Once per mount: a later readOnly change is handled below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [editor, scheduler, restored]);

  useEffect(() => {
    if (editor.isEditable === !readOnly) return;
    // Becoming read-only (the meeting was just finalised): save what was typed first.
    if (readOnly) void scheduler.flush();
    editor.setEditable(!readOnly, false);
  }, [editor, readOnly, scheduler]);

  useEffect(() => {
    if (onFocusRequestRef) onFocusRequestRef.current = () => editor.commands.focus();
    if (flushRef) flushRef.current = () => scheduler.flush();
    return () => {
      if (onFocusRequestRef) onFocusRequestRef.current = null;
      if (flushRef) flushRef.current = null;
    };
  }, [editor, scheduler, onFocusRequestRef, flushRef]);

  const onKeyDown = (event: KeyboardEvent) => {
    // Ctrl/⌘+S saves now instead of opening the browser's "save page" dialog.
    if (
      (event.ctrlKey || event.metaKey) &&
      !event.altKey &&
      (event.key.toLowerCase() === 's' || event.code === 'KeyS')
    ) {
      event.preventDefault();
      if (!readOnly) void scheduler.flush();
    }
  };

  return (
    <div className={readOnly ? 'yishi-minutes is-readonly' : 'yishi-minutes'} onKeyDown={onKeyDown}>
      {readOnly ? null : <MinutesToolbar editor={editor} />}
      {/* Rendered only when readOnly changes; nothing can be typed while it shows. */}
      {readOnly && editor.isEmpty ? <p className="yishi-minutes-empty">{t('empty')}</p> : null}
      <EditorContent editor={editor} className="yishi-minutes-body" hidden={readOnly && editor.isEmpty} />
      {readOnly ? null : <SaveStatusLine scheduler={scheduler} />}
      <MentionPopup store={setup.popup} />
    </div>
  );
}
