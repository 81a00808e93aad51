// The baseline of the typing benchmark: a Tiptap editor with StarterKit only, no React, no app.
// The bench calls window.__bareLoad(doc) with the same minutes the app's live editor holds.
import { Editor, type JSONContent } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';

interface BarePage {
  document: { getElementById(id: string): unknown };
  __bareLoad?: (doc: JSONContent) => number;
}

const page = globalThis as unknown as BarePage;
let editor: Editor | null = null;

page.__bareLoad = (doc) => {
  editor?.destroy();
  editor = new Editor({
    element: page.document.getElementById('editor') as never,
    extensions: [StarterKit],
    content: doc,
  });
  return editor.state.doc.textContent.length;
};
