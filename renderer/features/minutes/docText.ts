/** The shape of Tiptap JSON this module reads; anything else in a node is ignored. */
export interface DocNode {
  type?: string;
  text?: string;
  attrs?: Record<string, unknown>;
  content?: DocNode[];
}

const INLINE_TYPES = new Set(['text', 'mention', 'hardBreak']);
/** Deeper than any list the editor can make; stops a crafted document from blowing the stack. */
const MAX_DEPTH = 100;

function inlineText(node: DocNode): string {
  switch (node.type) {
    case 'text':
      return node.text ?? '';
    case 'hardBreak':
      return '\n';
    case 'mention': {
      // The name alone: the plain text is for search and previews, where "@" is noise.
      const label = node.attrs?.label ?? node.attrs?.id;
      return typeof label === 'string' ? label : '';
    }
    default:
      return '';
  }
}

function collectLines(node: DocNode, lines: string[], depth: number): void {
  const children = node.content ?? [];
  if (depth > MAX_DEPTH) return;
  if (children.length === 0 || children.some((c) => INLINE_TYPES.has(c.type ?? ''))) {
    // A text block (paragraph, heading…) or an empty block: one line of its inline content.
    if (node.type !== 'horizontalRule') lines.push(children.map(inlineText).join(''));
    return;
  }
  for (const child of children) collectLines(child, lines, depth + 1);
}

/**
 * Plain text of a Tiptap document, one line per text block, for the search index and the
 * record's `text`. Pure, so it runs in tests and at save time without an editor instance.
 */
export function docToText(doc: DocNode | null | undefined): string {
  if (!doc || !Array.isArray(doc.content)) return '';
  const lines: string[] = [];
  for (const child of doc.content) collectLines(child, lines, 1);
  return lines.join('\n').replace(/\s+$/u, '');
}

/** An empty document in the editor's schema. */
export const EMPTY_DOC: DocNode = { type: 'doc', content: [{ type: 'paragraph' }] };
