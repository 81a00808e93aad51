/**
 * Reading stored minutes (the editor's Tiptap JSON) defensively: the JSON comes from storage and
 * from meeting files, so every shape is checked and nothing here throws. Shared by the Word
 * export and the read-only view of a past meeting.
 */

export interface TiptapMark {
  type: string;
  attrs?: Record<string, unknown>;
}

export interface TiptapNode {
  type: string;
  attrs: Record<string, unknown>;
  content: unknown[];
  text?: string;
  marks: TiptapMark[];
}

export function asNode(value: unknown): TiptapNode | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  const attrs = typeof v.attrs === 'object' && v.attrs !== null ? (v.attrs as Record<string, unknown>) : {};
  const marks = Array.isArray(v.marks)
    ? v.marks.filter(
        (m): m is TiptapMark => typeof m === 'object' && m !== null && typeof (m as TiptapMark).type === 'string',
      )
    : [];
  return {
    type: typeof v.type === 'string' ? v.type : '',
    attrs,
    content: Array.isArray(v.content) ? v.content : [],
    ...(typeof v.text === 'string' ? { text: v.text } : {}),
    marks,
  };
}

export function childNodes(node: TiptapNode): TiptapNode[] {
  return node.content.map(asNode).filter((n): n is TiptapNode => n !== null);
}

/**
 * Deeper than any document the editor makes (lists nest a few levels); a crafted meeting file
 * nested thousands deep is cut off here instead of exhausting the stack.
 */
export const MAX_NESTING = 100;

export const BLOCK_TYPES = new Set([
  'doc',
  'paragraph',
  'heading',
  'bulletList',
  'orderedList',
  'blockquote',
  'codeBlock',
  'horizontalRule',
]);

/** What a mention shows: the attendee's name as it was when mentioned. */
export function mentionName(node: TiptapNode): string {
  const { label, id } = node.attrs;
  if (typeof label === 'string' && label.trim() !== '') return label;
  return typeof id === 'string' ? id : '';
}

const INLINE_TYPES = new Set(['text', 'mention', 'hardBreak']);

function inlineText(node: TiptapNode): string {
  if (node.type === 'text') return node.text ?? '';
  if (node.type === 'mention') return mentionName(node);
  return node.type === 'hardBreak' ? '\n' : '';
}

function collectLines(node: TiptapNode, lines: string[], depth: number): void {
  if (depth > MAX_NESTING) return;
  if (INLINE_TYPES.has(node.type)) {
    lines.push(inlineText(node));
    return;
  }
  const children = childNodes(node);
  if (children.length === 0 || children.some((c) => INLINE_TYPES.has(c.type))) {
    // A text block (paragraph, heading…) or an empty block: one line of its inline content.
    if (node.type !== 'horizontalRule') lines.push(children.map(inlineText).join(''));
    return;
  }
  for (const child of children) collectLines(child, lines, depth + 1);
}

/**
 * The plain text of a document or any node, one line per text block (headings, paragraphs, list
 * items at any depth), mentions as the bare name, hard breaks as new lines, trailing blank lines
 * dropped. The one reader of minutes as text: the stored `text` for search, the Word export's
 * fallback for unknown nodes and the read-only view all use it, so they never split lines
 * differently.
 */
export function tiptapPlainText(value: unknown): string {
  const node = asNode(value);
  if (!node) return '';
  const lines: string[] = [];
  if (node.type === 'doc') for (const child of childNodes(node)) collectLines(child, lines, 1);
  else collectLines(node, lines, 0);
  return lines.join('\n').replace(/\s+$/u, '');
}

/** An empty document in the editor's schema. */
export const EMPTY_DOC: { type: string; content: { type: string }[] } = {
  type: 'doc',
  content: [{ type: 'paragraph' }],
};
