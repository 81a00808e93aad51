import { createDraftStore, type DraftStore, type KeyValueStorage } from '../../../shared/drafts/draftStore';

function browserStorage(): KeyValueStorage | null {
  try {
    // Reading the property itself throws where storage is blocked.
    return window.localStorage;
  } catch {
    return null;
  }
}

function lazyStore(prefix: string): () => DraftStore {
  let store: DraftStore | null = null;
  return () => {
    if (!store) {
      store = createDraftStore(browserStorage(), prefix);
      store.prune();
    }
    return store;
  };
}

/** What an autosaved field had not yet saved when the page was hidden or closed, by field and row. */
export const unsavedJournal = lazyStore('yishi.unsaved.');

/** Unsaved dialog forms (a decision, a vote…), by meeting, dialog and row. */
export const dialogDrafts = lazyStore('yishi.draft.');
