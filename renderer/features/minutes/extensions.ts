import { Extension, mergeAttributes, type AnyExtension } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import Mention, { type MentionNodeAttrs } from '@tiptap/extension-mention';
import type { SuggestionKeyDownProps, SuggestionOptions, SuggestionProps } from '@tiptap/suggestion';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { filterAttendees, moveSelection, type MentionCandidate } from './mentionFilter';
import { growthAllowed } from './limits';

/** What the popup shows; null while no "@" query is active. */
export interface MentionPopupState {
  items: MentionCandidate[];
  selected: number;
  clientRect: (() => DOMRect | null) | null;
  pick(index: number): void;
}

/** A minimal external store, so only the popup re-renders while "@" is being typed. */
export interface MentionPopupStore {
  get(): MentionPopupState | null;
  subscribe(listener: () => void): () => void;
  /** Re-read the position (after scroll or resize) without changing the state. */
  reposition(): void;
}

interface WritableStore extends MentionPopupStore {
  set(state: MentionPopupState | null): void;
}

export function createMentionPopupStore(): WritableStore {
  let state: MentionPopupState | null = null;
  const listeners = new Set<() => void>();
  const emit = () => listeners.forEach((l) => l());
  return {
    get: () => state,
    set(next) {
      state = next;
      emit();
    },
    reposition() {
      if (state) {
        state = { ...state };
        emit();
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

type MentionSuggestionOptions = Omit<SuggestionOptions<MentionCandidate, MentionNodeAttrs>, 'editor'>;
type MentionRender = NonNullable<MentionSuggestionOptions['render']>;

/** The suggestion's render hooks, driving the React popup through the store. */
function mentionRender(store: WritableStore): MentionRender {
  return () => {
    let last: SuggestionProps<MentionCandidate, MentionNodeAttrs> | null = null;
    const show = (props: SuggestionProps<MentionCandidate, MentionNodeAttrs>, selected: number) => {
      last = props;
      const pick = (index: number) => {
        const item = props.items[index];
        if (item) props.command({ id: item.id, label: item.name });
      };
      store.set({ items: props.items, selected, clientRect: props.clientRect ?? null, pick });
    };
    return {
      onStart: (props) => show(props, 0),
      onUpdate: (props) => show(props, 0),
      onExit: () => {
        last = null;
        store.set(null);
      },
      onKeyDown: ({ event }: SuggestionKeyDownProps) => {
        const state = store.get();
        if (!state || !last) return false;
        if (event.key === 'Escape') return true;
        const length = state.items.length;
        if (length === 0) return false;
        if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
          show(last, moveSelection(state.selected, event.key === 'ArrowDown' ? 1 : -1, length));
          return true;
        }
        if (event.key === 'Enter' || event.key === 'Tab') {
          state.pick(state.selected);
          return true;
        }
        return false;
      },
    };
  };
}

function mentionSuggestion(
  char: string,
  key: string,
  getAttendees: () => readonly MentionCandidate[],
  store: WritableStore,
): MentionSuggestionOptions {
  return {
    char,
    pluginKey: new PluginKey(key),
    // Chinese has no space before a name: "请@张丽华" must open the list too.
    allowedPrefixes: null,
    items: ({ query }: { query: string }) => filterAttendees(query, getAttendees()),
    // No trailing space after the chip, unlike Tiptap's default: Chinese text has none.
    command: ({ editor, range, props }) => {
      editor
        .chain()
        .focus()
        .insertContentAt(range, [{ type: 'mention', attrs: { ...props, mentionSuggestionChar: char } }])
        .run();
    },
    render: mentionRender(store),
  };
}

/** Refuses transactions that would grow the document past its cap (typing, drop, undo of a delete). */
function docLimit(onRefused: () => void): AnyExtension {
  return Extension.create({
    name: 'yishiDocLimit',
    addProseMirrorPlugins() {
      return [
        new Plugin({
          key: new PluginKey('yishiDocLimit'),
          filterTransaction(tr, state) {
            if (!tr.docChanged || growthAllowed(state.doc.content.size, tr.doc.content.size)) return true;
            onRefused();
            return false;
          },
        }),
      ];
    },
  });
}

export interface MinutesExtensionOptions {
  getAttendees: () => readonly MentionCandidate[];
  popup: WritableStore;
  onDocTooLarge: () => void;
}

/** The editor's schema (MinutesView draws past minutes without it, in the same classes). */
export function minutesExtensions(options: MinutesExtensionOptions): AnyExtension[] {
  return [
    StarterKit.configure({
      heading: { levels: [2, 3] },
      // The Word 纪要 has no code, quotes, rules or links: keep what the minutes can print.
      code: false,
      codeBlock: false,
      blockquote: false,
      horizontalRule: false,
      strike: false,
      link: false,
      undoRedo: { depth: 200 },
    }),
    Mention.configure({
      HTMLAttributes: { class: 'yishi-mention' },
      renderText: ({ node }) => String(node.attrs.label ?? node.attrs.id ?? ''),
      renderHTML: ({ options, node }) => [
        'span',
        mergeAttributes(options.HTMLAttributes),
        String(node.attrs.label ?? node.attrs.id ?? ''),
      ],
      // Chinese IMEs type either "@" or the full-width "＠".
      suggestions: [
        mentionSuggestion('@', 'yishiMention', options.getAttendees, options.popup),
        mentionSuggestion('＠', 'yishiMentionFullWidth', options.getAttendees, options.popup),
      ],
    }),
    docLimit(options.onDocTooLarge),
  ];
}
