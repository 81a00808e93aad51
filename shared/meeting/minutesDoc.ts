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

/** The plain text of any node: what an unknown node is reduced to. */
export function tiptapPlainText(value: unknown, depth = 0): string {
  const node = asNode(value);
  if (!node || depth > MAX_NESTING) return '';
  if (node.type === 'text') return node.text ?? '';
  if (node.type === 'mention') return mentionName(node);
  if (node.type === 'hardBreak') return '\n';
  const blocky = BLOCK_TYPES.has(node.type) || node.type === 'listItem';
  return childNodes(node)
    .map((c) => tiptapPlainText(c, depth + 1) + (blocky && BLOCK_TYPES.has(c.type) ? '\n' : ''))
    .join('')
    .replace(/\n+$/, '');
}
